#!/usr/bin/env bash
# Robustness suite: hostile input at every entry path, hostile bytes planted in
# the database and read back through every output, and writers killed at
# random moments. Prints what it tried; fails if anything was lost or reached
# the terminal raw.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
safe() { python3 "$top/test/tools/terminal_safe.py" >/dev/null; }
tried=0 refused=0 outputs=0 raw=0 crashes=0 verified=0 lost=0 failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

hostile=(
  $'\e[2J' $'\e]52;c;aGFjaw==\a' $'\e]0;title\a' $'\e[6n' $'\e[?1049h' $'\eP+q\e\\' $'\x9b2J'
  $'\xc2\x9b2J' $'\xc2\x9d0;x\xc2\x9c' $'\xe2\x80\xae' $'\xe2\x80\xad' $'\xe2\x81\xa6' $'\xe2\x81\xa9'
  $'\xe2\x80\xa8' $'\xe2\x80\xa9' $'\x7f' $'\a' $'\b\b\b' $'\r' $'\x01' $'\x1f'
  $'\xc0\xaf' $'\xe0\x80\xaf' $'\xed\xa0\x80' $'\xf4\x90\x80\x80' $'\xff\xfe' $'\xe4\xb8'
  $'\xf0\x9f\x98' $'\xfe' $'\x80'
)
$DUCHA --db t.db init >/dev/null || { echo "init failed"; exit 1; }
sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(sqlite3 t.db .dump | sha256sum)

# 1. Every entry path refuses hostile text, and says so in a terminal-safe line.
for h in "${hostile[@]}"; do
  for args in "note 15 x${h}y" "note --comment 15 x${h}y" "update 15 --period 2017Q1 --note x${h}y" \
              "update 15 --period 2017Q1 --set 科技型企业=1${h}" "update 15 --period 2017${h}Q1 --note ok" \
              "update 15${h} --period 2017Q1 --note ok" "tasks --agency 市科委${h}" "show 1${h}5"; do
    tried=$((tried + 1))
    read -r -a argv <<< "$args" 2>/dev/null
    out=$($DUCHA --db t.db "${argv[@]}" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then fail "accepted: ${args@Q}"; else refused=$((refused + 1)); fi
    printf '%s' "$out" | safe || { raw=$((raw + 1)); fail "raw bytes in the refusal of ${args@Q}"; }
  done
  [ "$h" = $'\r' ] && continue        # CRLF line ends are an ordinary config file
  printf '[ui]\nlang = zh%s\n' "$h" > bad.ini
  tried=$((tried + 1))
  out=$($DUCHA --conf bad.ini --db t.db tasks 2>&1) && fail "config accepted: ${h@Q}" || refused=$((refused + 1))
  printf '%s' "$out" | safe || { raw=$((raw + 1)); fail "raw bytes in the config error for ${h@Q}"; }
done
after=$(sqlite3 t.db .dump | sha256sum)
[ "$before" = "$after" ] || fail "a refused input changed the database"

# 2. The same bytes planted by another tool are shown harmlessly everywhere.
i=0
for h in "${hostile[@]}"; do
  i=$((i + 1))
  hex=$(printf '%s' "$h" | od -An -tx1 | tr -d ' \n')
  sqlite3 t.db "INSERT INTO note (task_id, kind, text, author, created) VALUES
    ($(( i % 38 + 1 )), 'progress', 'n' || CAST(x'$hex' AS TEXT), 'a' || CAST(x'$hex' AS TEXT), '2017-01-01T00:00:00Z');
    UPDATE task SET text = text || CAST(x'$hex' AS TEXT) WHERE num = $(( i % 38 + 1 ));
    INSERT OR IGNORE INTO report (task_id, period, note, author, created) VALUES
    ($(( i % 38 + 1 )), '2016Q$(( i % 4 + 1 ))', 'r' || CAST(x'$hex' AS TEXT), 'w', '2017-01-01T00:00:00Z');" 2>/dev/null
done
sqlite3 t.db "UPDATE agency SET name = name || CAST(x'1b5b326a' AS TEXT) WHERE id % 3 = 0;
              UPDATE indicator SET name = name || CAST(x'c29b' AS TEXT), unit = unit || CAST(x'9b' AS TEXT) WHERE id % 2 = 0;
              UPDATE measure SET title = title || CAST(x'e280ae' AS TEXT);"
commands=("tasks" "tasks --format csv" "tasks --format json" "agencies" "agencies --format csv" "agencies --format json"
          "log" "log --format csv" "log --format json" "lagging" "lagging --format csv" "lagging --format json")
for t in $(seq 1 38); do commands+=("show $t" "show $t --format json"); done
if $DUCHA report --help >/dev/null 2>&1; then
  for f in text csv json html; do commands+=("report --all --format $f"); done
fi
for args in "${commands[@]}"; do
  outputs=$((outputs + 1))
  read -r -a argv <<< "$args"
  $DUCHA --db t.db --as-of 2017-12-10 "${argv[@]}" > out.txt 2>&1
  # A text summary's pages are separated by form feeds on purpose (stored text shows one as ^L).
  [ "$args" = "report --all --format text" ] && sed -i 's/\f//g' out.txt
  safe < out.txt || { raw=$((raw + 1)); fail "raw bytes in: ducha $args ($(python3 "$top/test/tools/terminal_safe.py" < out.txt))"; }
done

# 3. Writers killed at random moments; every acknowledged update survives.
rm -f k.db*; $DUCHA --db k.db init >/dev/null
RANDOM=11
rounds=${ROBUST_ROUNDS:-30}
export DUCHA
for round in $(seq 1 "$rounds"); do
  # a session of its own, so one kill takes the loop and the ducha it runs
  setsid bash -c '
    for n in $(seq 1 100); do
      tag="k'"$round"'n$n"
      "$DUCHA" --db k.db note $(( n % 38 + 1 )) "$tag" >/dev/null 2>&1 && echo "$tag" >> acked
    done' 2>/dev/null &
  w=$!
  sleep "0.$(( RANDOM % 20 + 5 ))"
  if kill -KILL -- -"$w" 2>/dev/null; then crashes=$((crashes + 1)); fi
  wait "$w" 2>/dev/null
done 2>/dev/null
[ "$(sqlite3 -cmd '.timeout 5000' k.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the crashes"
$DUCHA --db k.db check >/dev/null || fail "ducha check after the crashes"
sqlite3 -cmd '.timeout 5000' k.db 'SELECT text FROM note' | sort > stored
while read -r tag; do
  if grep -qx "$tag" stored; then verified=$((verified + 1)); else lost=$((lost + 1)); fail "acknowledged but lost: $tag"; fi
done < <(sort acked 2>/dev/null)

echo "robustness: hostile inputs tried $tried (refused $refused), outputs checked $outputs, raw outputs $raw,"
echo "robustness: writers killed mid-run $crashes of $rounds rounds, acknowledged updates verified $verified, lost $lost"
checks=$((tried + outputs + verified + 1))
echo "robustness: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$verified" -gt 0 ] && [ "$crashes" -gt 0 ]
