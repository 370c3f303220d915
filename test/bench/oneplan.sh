#!/usr/bin/env bash
# make bench, part 2 (issue 17): the biggest plan as a user feels it. One
# plan of 10,000 tasks (80,000 notes, 1,000,000 report values) and one of
# 100,000 tasks (800,000 notes, 10,000,000 values) for growth, made by
# bench-gen and kept in $BENCH_DIR.
#
# Screen figures: the real binary on a real pty (test/bench/pty.c), from the
# key written to the last byte of its answer read back, Esc included, with
# the bytes of each answer, at 80×24 and 120×40, per kind of key. Command
# figures: fork to exit (bench-measure), the median of $RUNS runs, and the
# first run after dropping the file's pages from the page cache (cold) where
# the machine lets us (root, /proc/sys/vm/drop_caches).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$top/$1" ;; esac; }
DUCHA=$(abs "${DUCHA:-ducha}")
GEN=$(abs "${GEN:-build/bench-gen}")
MEASURE=$(abs "${MEASURE:-build/bench-measure}")
PTY=$(abs "${PTY:-build/bench-pty}")
BENCH_DIR=$(abs "${BENCH_DIR:-build/bench}")
RUNS=${BENCH_RUNS:-7}
# Between one answer and the next key: a held arrow key's repeat. The
# program judges ahead in these gaps (src/ui/ui.c); 0 sends keys back to back.
GAP_MS=${BENCH_GAP_MS:-30}
ROUNDS=${BENCH_ROUNDS:-40}
SIZES=${BENCH_SIZES:-10000 100000}
unset DUCHA_DB DUCHA_CONF NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
PLAN='渝府办发〔2016〕101号'
AS_OF=2024-09-15
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
say() { printf '%s\n' "$*" >&2; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

# make_one TASKS: one plan of TASKS tasks, 100 values and 8 notes a task.
make_one() {
  local n=$1 db=$BENCH_DIR/one-$1.db
  if [ -f "$db" ] && [ "$db" -nt "$top/db/schema.sql" ] && [ "$db" -nt "$here/gen.c" ]; then
    say "bench: reusing $db"
    return
  fi
  say "bench: generating $db ($n tasks)…"
  rm -f "$db" "$db"-wal "$db"-shm
  local start=$SECONDS
  "$DUCHA" --db "$db" init > /dev/null
  "$GEN" --db "$db" --plans 1 --tasks "$n" --values $((n * 100)) --notes $((n * 8))
  echo $((SECONDS - start)) > "$db.gen-seconds"
}

# The key mix: moves, a page, a task opened and left, a pane switch, a
# search typed character by character, the lagging and agencies views.
key_mix() {
  local r
  for r in $(seq "$ROUNDS"); do
    printf 'move Down\nmove Down\nmove Down\nmove Down\nmove Down\nmove Down\npgdn PgDn\nmove Up\n'
    printf 'enter \\r\nesc \\e\npane \\t\nmove Down\nenter \\r\nesc \\e\n'
    if [ $((r % 5)) -eq 0 ]; then
      printf 'lagging l\nmove Down\nesc \\e\nagencies a\nmove Down\nesc \\e\n'
      printf 'search /\nsearch 推\nsearch 动\nsearch 发\nsearch 展\nesc \\e\n'
    fi
  done
}

# kinds FILE: "kind n p50 p99 max bytes_p50" per kind (and "first ms bytes").
kinds() {
  local f=$1 k
  grep '^first ' "$f" || true
  for k in $(awk '$1 != "first" && $1 != "idle" { print $1 }' "$f" | sort -u); do
    printf '%s %s %s\n' "$k" \
      "$(awk -v k="$k" '$1 == k { print $2 }' "$f" | sort -n |
         awk '{ v[NR] = $1 } END { p = int(NR * 0.99 + 0.999999); if (p > NR) p = NR
                                  printf "%d %.2f %.2f %.2f", NR, v[int((NR + 1) / 2)], v[p], v[NR] }')" \
      "$(awk -v k="$k" '$1 == k { print $3 }' "$f" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  done
}

# screen DB COLS ROWS: the mix through the pty; first screen as the median of RUNS starts.
screen() {
  local db=$1 cols=$2 rows=$3 out=$W/screen.$2x$3
  key_mix > "$W/mix.keys"
  "$PTY" --cols "$cols" --rows "$rows" --gap-ms "$GAP_MS" --keys "$W/mix.keys" -- "$DUCHA" --db "$db" \
    --as-of "$AS_OF" --plan "$PLAN" > "$out.raw"
  : > "$W/quit.keys"   # the first screen only
  : > "$out.first"
  for _ in $(seq "$RUNS"); do
    "$PTY" --cols "$cols" --rows "$rows" --keys "$W/quit.keys" -- "$DUCHA" --db "$db" --as-of "$AS_OF" \
      --plan "$PLAN" | awk '$1 == "first"' >> "$out.first"
  done
  sort -n -k2 "$out.first" | awk '{ v[NR] = $2; b[NR] = $3 } END { i = int((NR + 1) / 2); printf "first %.2f %d\n", v[i], b[i] }'
  kinds "$out.raw" | grep -v '^first '
}

cold() {   # cold DB ARGS…: one run after the file left the page cache, or "-"
  local db=$1
  shift
  if [ -w /proc/sys/vm/drop_caches ]; then
    sync; echo 1 > /proc/sys/vm/drop_caches
    "$MEASURE" -n 1 -- "$DUCHA" --db "$db" --as-of "$AS_OF" --plan "$PLAN" "$@" | field median_ms
  else
    echo "-"
  fi
}

command_row() {   # command_row DB LABEL ARGS…
  local db=$1 label=$2 out
  shift 2
  out=$("$MEASURE" -n "$RUNS" -- "$DUCHA" --db "$db" --as-of "$AS_OF" --plan "$PLAN" "$@")
  printf '%s\t%s\t%s\t%s\n' "$label" "$(echo "$out" | field median_ms)" "$(echo "$out" | field max_rss_kb)" \
    "$(cold "$db" "$@")"
}

# The hand-written query `tasks --area 1` is compared with: the same rows and
# columns (area, measure, deadline, due date, lead and support agencies,
# text) but the flag, which no query can judge.
hand_sql() {
  local db=$1 out
  out=$("$MEASURE" -n "$RUNS" -- sqlite3 "$db" "SELECT t.num, a.short, m.num, t.deadline, t.due,
        (SELECT group_concat(g.name, ';') FROM (SELECT ag.name FROM task_agency ta JOIN agency ag ON ag.id = ta.agency_id
          WHERE ta.task_id = t.id AND ta.role = 'lead' ORDER BY ta.ord) g),
        (SELECT group_concat(g.name, ';') FROM (SELECT ag.name FROM task_agency ta JOIN agency ag ON ag.id = ta.agency_id
          WHERE ta.task_id = t.id AND ta.role = 'support' ORDER BY ta.ord) g), t.text
        FROM task t JOIN measure m ON m.id = t.measure_id JOIN area a ON a.id = m.area_id JOIN plan p ON p.id = t.plan_id
        WHERE p.code = '$PLAN' AND a.num = 1 ORDER BY t.num")
  printf 'hand-written SQL, the same rows as tasks --area 1 but the flag\t%s\t%s\t-\n' "$(echo "$out" | field median_ms)" \
    "$(echo "$out" | field max_rss_kb)"
}

commands() {
  local db=$1 agency
  agency=$("$DUCHA" --db "$db" --as-of "$AS_OF" --plan "$PLAN" agencies --format csv |
           awk -F, 'NR > 1 { n = $2 + $3; if (n > best) { best = n; name = $1 } } END { print name }')
  command_row "$db" "lagging" lagging
  command_row "$db" "report --agency $agency (most tasks)" report --agency "$agency"
  command_row "$db" "report --all" report --all
  command_row "$db" "tasks --area 1" tasks --area 1 --format csv
  hand_sql "$db"
}

mkdir -p "$BENCH_DIR"
echo "### One plan (issue 17)"
echo
for n in $SIZES; do
  make_one "$n"
  db=$BENCH_DIR/one-$n.db
  say "bench: one plan of $n tasks: screens…"
  echo "One plan of $n tasks: $(sqlite3 "$db" "SELECT (SELECT count(*) FROM task) || ' tasks, ' ||
    (SELECT count(*) FROM report_value) || ' report values, ' || (SELECT count(*) FROM note) || ' notes, ' ||
    (SELECT count(*) FROM audit) || ' audit rows'") (generated in $(cat "$db.gen-seconds") s, $(du -m "$db" | cut -f1) MB)."
  echo
  echo "| key (real pty) | size | n | p50 ms | p99 ms | max ms | bytes (median) |"
  echo "|---|---|---|---|---|---|---|"
  for size in 80x24 120x40; do
    screen "$db" "${size%x*}" "${size#*x}" | while read -r k a b c d e; do
      if [ "$k" = first ]; then echo "| first screen, process start to last byte (median of $RUNS) | $size | $RUNS | $a | | | $b |"
      else echo "| $k | $size | $a | $b | $c | $d | $e |"; fi
    done
  done
  echo
  say "bench: one plan of $n tasks: commands…"
  echo "| command | median ms | peak MB | cold ms |"
  echo "|---|---|---|---|"
  commands "$db" | awk -F'\t' '{ printf "| %s | %s | %.1f | %s |\n", $1, $2, $3 / 1024, $4 }'
  echo
done
