# 8 processes at once, each saving 50 reports and 50 notes against the same
# tasks: all 800 are stored, none is lost, no process sees a busy error.
$DUCHA --db t.db init >/dev/null
writer() {
  p=$1
  for i in $(seq 0 49); do
    task=$(( i % 5 + 11 ))               # tasks 11–15, shared by every writer
    period="$((2030 + p * 3 + i / 20))Q$(( i / 5 % 4 + 1 ))"   # 50 distinct (task, quarter)
    $DUCHA --db t.db --as-of 2199-12-31 update $task --period "$period" --note "写入者 $p 第 $i 次" >/dev/null 2>>err.$p || echo "update failed: $p $i" >> err.$p
    $DUCHA --db t.db note $task "写入者 $p 的进展 $i" >/dev/null 2>>err.$p || echo "note failed: $p $i" >> err.$p
  done
}
for p in 1 2 3 4 5 6 7 8; do writer $p & done
wait
cat err.* 2>/dev/null | head -5
echo "error lines: $(cat err.* 2>/dev/null | wc -l)"
echo "reports: $(sqlite3 t.db 'SELECT count(*) FROM report')"
echo "notes: $(sqlite3 t.db 'SELECT count(*) FROM note')"
echo "audit rows: $(sqlite3 t.db 'SELECT count(*) FROM audit')"
echo "distinct notes: $(sqlite3 t.db 'SELECT count(DISTINCT text) FROM note')"
$DUCHA --db t.db check
