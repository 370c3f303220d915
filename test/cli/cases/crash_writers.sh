# Writers killed with SIGKILL at random moments, many times over: the database
# stays intact and every update acknowledged to its user (ducha exited 0 and
# printed 已保存) is present afterwards.
$DUCHA --db t.db init >/dev/null
RANDOM=7                       # the same "random" moments on every run
rounds=25
export DUCHA
for round in $(seq 1 $rounds); do
  # a session of its own, so one kill takes the loop and the ducha it runs
  setsid bash -c '
    for i in $(seq 1 40); do
      tag="r'"$round"'w$i"
      if "$DUCHA" --db t.db --as-of 2199-12-31 update $(( i % 38 + 1 )) --period "$((2100 + '"$round"'))Q$(( i % 4 + 1 ))" --note "$tag" >/dev/null 2>&1 \
         && "$DUCHA" --db t.db note 15 "$tag" >/dev/null 2>&1; then
        echo "$tag" >> acked
      fi
    done' 2>/dev/null &
  writer=$!
  sleep "0.$(( RANDOM % 20 + 5 ))"
  kill -KILL -- -"$writer" 2>/dev/null
  wait $writer 2>/dev/null
done 2>/dev/null
acked=$(wc -l < acked)
echo "rounds: $rounds, acknowledged updates: $([ "$acked" -gt 0 ] && echo 'more than 0' || echo 0)"
echo "integrity: $(sqlite3 -cmd '.timeout 5000' t.db 'PRAGMA integrity_check')"
missing=0
while read -r tag; do
  n=$(sqlite3 -cmd '.timeout 5000' t.db "SELECT (SELECT count(*) FROM note WHERE text = '$tag') + (SELECT count(*) FROM report WHERE note = '$tag')")
  [ "$n" -eq 2 ] || { missing=$((missing + 1)); echo "lost: $tag"; }
done < acked
echo "acknowledged but missing: $missing"
$DUCHA --db t.db check
