#!/usr/bin/env bash
# make bench: how fast ducha answers on the built-in plan and on two large
# databases (issue 8), printed as a Markdown table (README "Performance").
#
# The large databases are made by bench-gen (test/bench/gen.c) after
# `ducha init`: 20 more plans, 10,000 tasks, 300 agencies, 30,000
# indicators, 200,000 notes and 1,000,000 report values — and the same with
# 100,000 report values, to show that start-up and keystrokes do not grow
# with the history. They are kept in $BENCH_DIR and made again when the
# schema or the generator changes.
#
# Every figure is the median of $BENCH_RUNS runs (wall time from fork to
# exit, bench-measure) unless it says otherwise; memory is the peak resident
# size (ru_maxrss). The full-screen figures come from the program itself
# (DUCHA_KEY_TIMING, src/ui/timing.c), driven by key scripts through the
# screen-test driver with the terminal's output in a file, as xterm-256color.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$top/$1" ;; esac; }
DUCHA=$(abs "${DUCHA:-ducha}")
SCREEN=$(abs "${SCREEN:-build/screen-test}")
GEN=$(abs "${GEN:-build/bench-gen}")
MEASURE=$(abs "${MEASURE:-build/bench-measure}")
BENCH_DIR=$(abs "${BENCH_DIR:-build/bench}")
RUNS=${BENCH_RUNS:-7}
KEYS=${BENCH_KEYS:-3000}
UPDATES=${BENCH_UPDATES:-1000}
unset DUCHA_DB DUCHA_CONF NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$BENCH_DIR"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# The plan the large databases are looked at through (500 tasks of their
# 10,000), and the date: the last generated quarter is 2024Q2.
BIG_PLAN='渝府办发〔2016〕101号'
BIG_AS_OF=2024-09-15
BIG_PERIOD=2024Q3
DEMO_AS_OF=2017-12-10
DEMO_PERIOD=2017Q4

say() { printf '%s\n' "$*" >&2; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }
ms() { printf '%.1f ms' "$1"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

# --- the machine -------------------------------------------------------------
machine() {
  local cpu mem
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
  echo "Machine: $(nproc) CPUs (nproc), ${cpu:-unknown CPU}, $mem memory;" \
       "$(uname -sr); SQLite $(sqlite3 --version | cut -d' ' -f1)."
}

# --- the databases -----------------------------------------------------------
conf() {   # conf FILE PLAN: a config naming the plan (no [users]: the runner is admin)
  printf '[general]\nplan = %s\n[ui]\ncolor = auto\n' "$2" > "$1"
}

make_demo() {
  rm -f "$BENCH_DIR"/builtin.db*
  "$DUCHA" --db "$BENCH_DIR/builtin.db" init --demo > /dev/null
}

# make_large NAME VALUES: kept while newer than the schema and the generator.
make_large() {
  local db=$BENCH_DIR/$1.db
  if [ -f "$db" ] && [ "$db" -nt "$top/db/schema.sql" ] && [ "$db" -nt "$here/gen.c" ]; then
    say "bench: reusing $db"
    return
  fi
  say "bench: generating $db ($2 report values)…"
  rm -f "$db" "$db"-wal "$db"-shm
  local start end
  start=$(date +%s.%N)
  "$DUCHA" --db "$db" init > /dev/null
  "$GEN" --db "$db" --values "$2"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' > "$db.gen-seconds"
}

db_line() {   # a database's size, as counted by SQLite
  local db=$1
  sqlite3 "$db" "SELECT (SELECT count(*) FROM plan) || ' plans, ' || (SELECT count(*) FROM task) || ' tasks, '
    || (SELECT count(*) FROM agency) || ' agencies, ' || (SELECT count(*) FROM indicator) || ' indicators, '
    || (SELECT count(*) FROM report) || ' reports, ' || (SELECT count(*) FROM report_value) || ' report values, '
    || (SELECT count(*) FROM note) || ' notes, ' || (SELECT count(*) FROM audit) || ' audit rows'"
}

# --- command-line figures ----------------------------------------------------
# cli DB CONF AS_OF ARGS…: "median_ms max_rss_kb"
cli() {
  local db=$1 cf=$2 as_of=$3 out
  shift 3
  out=$("$MEASURE" -n "$RUNS" -- "$DUCHA" --db "$db" --conf "$cf" --as-of "$as_of" "$@")
  echo "$(echo "$out" | field median_ms) $(echo "$out" | field max_rss_kb)"
}

top_agency() {   # the agency with the most tasks (led or supported) in the plan
  "$DUCHA" --db "$1" --conf "$2" --as-of "$3" agencies --format csv |
    awk -F, 'NR > 1 { n = $2 + $3; if (n > best) { best = n; name = $1 } } END { print name }'
}

has_report() { "$DUCHA" report --help > /dev/null 2>&1; }

# updates DB CONF AS_OF PERIOD: UPDATES update commands in a row on a copy;
# "total_ms median_ms max_rss_kb"
updates() {
  local db=$1 cf=$2 as_of=$3 period=$4 copy=$W/update.db
  rm -f "$copy"*
  cp "$db" "$copy"
  if [ -f "$db-wal" ]; then cp "$db-wal" "$copy-wal"; fi
  local code
  code=$(awk -F' = ' '/^plan/ { print $2 }' "$cf")
  # Each task of the plan in turn: a value for its first indicator, or a
  # status when it has none, and a note.
  sqlite3 -separator $'\t' "$copy" "
    SELECT t.num, '--period', '$period',
           CASE WHEN i.id IS NULL THEN '--status' ELSE '--set' END,
           CASE WHEN i.id IS NULL THEN 'in-progress'
                WHEN i.kind = 'milestone' THEN i.name || '=1'
                ELSE i.name || '=' || CAST(round(i.target / 2) AS INTEGER) END,
           '--note', '本季度按计划推进，已完成阶段性目标。', '--yes'
      FROM task t JOIN plan p ON p.id = t.plan_id
      LEFT JOIN indicator i ON i.task_id = t.id AND i.ord = 1
     WHERE p.code = '$code' OR ('$code' = '' AND p.id = (SELECT min(id) FROM plan))
     ORDER BY t.num" > "$W/one-round.tsv"
  : > "$W/updates.tsv"
  while [ "$(wc -l < "$W/updates.tsv")" -lt "$UPDATES" ]; do cat "$W/one-round.tsv" >> "$W/updates.tsv"; done
  head -n "$UPDATES" "$W/updates.tsv" > "$W/updates-n.tsv"
  local out
  out=$("$MEASURE" --each "$W/updates-n.tsv" -- "$DUCHA" --db "$copy" --conf "$cf" --as-of "$as_of" update)
  echo "$(echo "$out" | field total_ms) $(echo "$out" | field median_ms) $(echo "$out" | field max_rss_kb)"
  rm -f "$copy"*
}

# --- full-screen figures -----------------------------------------------------
SIZE=120x40

# screen DB CONF AS_OF SCRIPT TIMING: one run of the screen-test driver, the
# terminal's output into a file, the program's timings into TIMING; prints
# the run's peak memory (KB).
screen() {
  local db=$1 cf=$2 as_of=$3 script=$4 timing=$5
  rm -f "$timing"
  "$MEASURE" -n 1 -- env DUCHA_KEY_TIMING="$timing" "$SCREEN" --db "$db" --conf "$cf" --as-of "$as_of" \
    --size "$SIZE" --term-out "$W/term.out" "$script" | field max_rss_kb
}

# first_screen DB CONF AS_OF: "in_process_ms whole_run_ms max_rss_kb"
first_screen() {
  local db=$1 cf=$2 as_of=$3
  printf 'q' > "$W/quit.keys"
  : > "$W/first.all"
  for _ in $(seq "$RUNS"); do
    screen "$db" "$cf" "$as_of" "$W/quit.keys" "$W/first.t" > /dev/null
    awk '$1 == "first" { print $3 / 1e6 }' "$W/first.t" >> "$W/first.all"
  done
  local inproc out
  inproc=$(sort -n "$W/first.all" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  out=$(DUCHA_KEY_TIMING=/dev/null "$MEASURE" -n "$RUNS" -- "$SCREEN" --db "$db" --conf "$cf" --as-of "$as_of" \
        --size "$SIZE" "$W/quit.keys")
  echo "$inproc $(echo "$out" | field median_ms) $(echo "$out" | field max_rss_kb)"
}

# A few thousand keys: moves, pages, drill-downs and back, pane switches,
# the lagging list and the agencies (and one agency's tasks) now and then.
key_script() {
  local n=0 block='<Down><Down><Down><Down><Down><Down><Down><Down><PgDn><Up><Up><Up><Enter><PgDn><Down><Esc>'
  block+='<Tab><Down><Down><Down><Down><Down><End><Up><Home><S-Tab><Down><Enter><Esc><Tab><Tab><Down>'
  local extra='l<Down><Down><Down><Enter><Esc><Esc>a<Down><Down><Enter><Down><Down><Esc><Esc>'
  {
    echo '# generated by test/bench/run.sh'
    while [ "$n" -lt "$KEYS" ]; do
      echo "$block"
      n=$((n + 32))
      if [ $(((n / 32) % 10)) -eq 0 ]; then echo "$extra"; n=$((n + 17)); fi
    done
    echo 'q'
  } > "$1"
}

# keystrokes DB CONF AS_OF: "count mean_ms p99_ms max_ms moves_p99 drill_p99 pane_p99 rss_kb"
keystrokes() {
  local db=$1 cf=$2 as_of=$3 rss
  key_script "$W/keys.keys"
  rss=$(screen "$db" "$cf" "$as_of" "$W/keys.keys" "$W/keys.t")
  awk '$1 == "key" { print $2, $3 / 1e6 }' "$W/keys.t" > "$W/keys.ms"
  local all moves drill pane
  all=$(awk '{ print $2 }' "$W/keys.ms" | stats)
  moves=$(awk '$1 ~ /^(Up|Down|PgDn|PgUp|Home|End)$/ { print $2 }' "$W/keys.ms" | stats p99)
  drill=$(awk '$1 ~ /^(Enter|Esc)$/ { print $2 }' "$W/keys.ms" | stats p99)
  pane=$(awk '$1 ~ /^(Tab|S-Tab)$/ { print $2 }' "$W/keys.ms" | stats p99)
  echo "$all $moves $drill $pane $rss"
}

# stats [p99]: of numbers on stdin, "count mean p99 max" (or p99 only)
stats() {
  sort -n | awk -v only="${1:-}" '{ v[NR] = $1; s += $1 }
    END { if (NR == 0) { print (only ? "-" : "0 - - -"); exit }
          k = int(NR * 0.99 + 0.999999); if (k > NR) k = NR
          if (only) printf "%.2f\n", v[k]
          else printf "%d %.3f %.2f %.2f\n", NR, s / NR, v[k], v[NR] }'
}

# move_bytes DB CONF AS_OF: median bytes sent for one row down, inside the page
move_bytes() {
  local db=$1 cf=$2 as_of=$3
  { for _ in $(seq 12); do printf '<Down>'; done; printf 'q\n'; } > "$W/move.keys"
  screen "$db" "$cf" "$as_of" "$W/move.keys" "$W/move.t" > /dev/null
  awk '$1 == "key" && $2 == "Down" { print $4 }' "$W/move.t" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d (median; %d–%d)\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR] }'
}

# search_keys DB CONF AS_OF: median ms of a typed character in the search
# (incremental: each one searches the plan's task texts, notes and report notes)
search_keys() {
  local db=$1 cf=$2 as_of=$3
  printf '/推动发展<Esc>q\n' > "$W/search.keys"
  : > "$W/search.all"
  for _ in $(seq "$RUNS"); do
    screen "$db" "$cf" "$as_of" "$W/search.keys" "$W/search.t" > /dev/null
    awk '$1 == "key" && $2 !~ /^(\/|Esc|q)$/ { print $3 / 1e6 }' "$W/search.t" >> "$W/search.all"
  done
  sort -n "$W/search.all" | awk '{ v[NR] = $1 } END { printf "%.1f ms (median; max %.1f ms)\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }'
}

# --- one column of the table -------------------------------------------------
# column KEY DB CONF AS_OF PERIOD: the figures into $W/col.KEY.*
column() {
  local key=$1 db=$2 cf=$3 as_of=$4 period=$5 agency
  say "bench: $key: first screen, keystrokes, bytes…"
  first_screen "$db" "$cf" "$as_of" > "$W/col.$key.first"
  keystrokes "$db" "$cf" "$as_of" > "$W/col.$key.keys"
  move_bytes "$db" "$cf" "$as_of" > "$W/col.$key.bytes"
  search_keys "$db" "$cf" "$as_of" > "$W/col.$key.search"
  say "bench: $key: commands…"
  agency=$(top_agency "$db" "$cf" "$as_of")
  echo "$agency" > "$W/col.$key.agency"
  if has_report; then
    cli "$db" "$cf" "$as_of" report --agency "$agency" > "$W/col.$key.report1"
    cli "$db" "$cf" "$as_of" report --all > "$W/col.$key.reportall"
  fi
  cli "$db" "$cf" "$as_of" lagging > "$W/col.$key.lagging"
  cli "$db" "$cf" "$as_of" tasks --format csv > "$W/col.$key.tasks"
  say "bench: $key: $UPDATES updates…"
  updates "$db" "$cf" "$as_of" "$period" > "$W/col.$key.updates"
}

cell_cli() {   # "12.3 ms · 9.8 MB" from "median rss"
  local f=$1
  [ -s "$f" ] || { echo "n/a"; return; }
  read -r t k < "$f"
  echo "$(ms "$t") · $(mb "$k")"
}

# --- run ---------------------------------------------------------------------
say "bench: databases…"
make_demo
make_large large-100k 100000
make_large large-1m 1000000
conf "$W/builtin.ini" ''
conf "$W/big.ini" "$BIG_PLAN"

say "bench: init of the built-in plan…"
"$MEASURE" -n "$RUNS" --fresh "$W/init.db" -- "$DUCHA" --db "$W/init.db" init > "$W/init.out"
init_cell="$(ms "$(field median_ms < "$W/init.out")") · $(mb "$(field max_rss_kb < "$W/init.out")")"

column builtin "$BENCH_DIR/builtin.db" "$W/builtin.ini" "$DEMO_AS_OF" "$DEMO_PERIOD"
column 100k "$BENCH_DIR/large-100k.db" "$W/big.ini" "$BIG_AS_OF" "$BIG_PERIOD"
column 1m "$BENCH_DIR/large-1m.db" "$W/big.ini" "$BIG_AS_OF" "$BIG_PERIOD"

row() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }
each() {   # each FUNCTION: the three cells
  local out=()
  for key in builtin 100k 1m; do out+=("$("$1" "$key")"); done
  printf '%s\n' "${out[@]}"
}
first_cell() { read -r a b k < "$W/col.$1.first"; echo "$(ms "$a") (whole run $(ms "$b")) · $(mb "$k")"; }
keys_cell() {
  read -r n mean p99 max _ _ _ k < "$W/col.$1.keys"
  echo "$(ms "$mean") / $(ms "$p99") (max $(ms "$max"), $n keys) · $(mb "$k")"
}
kinds_cell() { read -r _ _ _ _ mv dr pn _ < "$W/col.$1.keys"; echo "$mv / $dr / $pn ms"; }
bytes_cell() { cat "$W/col.$1.bytes"; }
search_cell() { cat "$W/col.$1.search"; }
report1_cell() { cell_cli "$W/col.$1.report1"; }
reportall_cell() { cell_cli "$W/col.$1.reportall"; }
lagging_cell() { cell_cli "$W/col.$1.lagging"; }
tasks_cell() { cell_cli "$W/col.$1.tasks"; }
updates_cell() {
  read -r total med k < "$W/col.$1.updates"
  awk -v t="$total" -v m="$med" -v k="$k" 'BEGIN { printf "%.2f s (%.1f ms each) · %.1f MB", t / 1000, m, k / 1024 }'
}
peak_cell() {   # the largest peak of every figure of the column
  cat "$W"/col."$1".{first,keys,report1,reportall,lagging,tasks,updates} 2>/dev/null |
    awk '{ k = $NF; if (k > m) m = k } END { printf "%.1f MB", m / 1024 }'
}

mapfile -t first < <(each first_cell)
mapfile -t keys < <(each keys_cell)
mapfile -t kinds < <(each kinds_cell)
mapfile -t bytes < <(each bytes_cell)
mapfile -t search < <(each search_cell)
mapfile -t rep1 < <(each report1_cell)
mapfile -t repall < <(each reportall_cell)
mapfile -t lag < <(each lagging_cell)
mapfile -t tasks < <(each tasks_cell)
mapfile -t upd < <(each updates_cell)
mapfile -t peak < <(each peak_cell)

machine
echo
echo "Databases (plan looked at: the built-in one as of $DEMO_AS_OF; in the large ones $BIG_PLAN, 500 tasks, as of $BIG_AS_OF):"
echo
echo "- built-in: $(db_line "$BENCH_DIR/builtin.db") (init --demo)"
echo "- 100k: $(db_line "$BENCH_DIR/large-100k.db"); generated in $(cat "$BENCH_DIR/large-100k.db.gen-seconds") s, $(du -m "$BENCH_DIR/large-100k.db" | cut -f1) MB"
echo "- 1M: $(db_line "$BENCH_DIR/large-1m.db"); generated in $(cat "$BENCH_DIR/large-1m.db.gen-seconds") s, $(du -m "$BENCH_DIR/large-1m.db" | cut -f1) MB"
echo
echo "Median of $RUNS runs; time · peak resident memory. Screen $SIZE, xterm-256color."
echo
row "figure" "target (large)" "built-in plan" "100,000 report values" "1,000,000 report values"
row "---" "---" "---" "---" "---"
row "\`init\` of the built-in plan" "" "$init_cell" "—" "—"
row "first complete screen, in the process (whole run to quit)" "≤ 50 ms" "${first[@]}"
row "keystroke to redraw: mean / p99" "p99 ≤ 2 ms" "${keys[@]}"
row "p99 by kind: moves / Enter·Esc / pane switch" "" "${kinds[@]}"
row "bytes sent for a one-row move" "a few dozen" "${bytes[@]}"
row "search: one typed character (not in the key mix above)" "" "${search[@]}"
if has_report; then
  row "\`report --agency\` (most tasks: $(cat "$W/col.1m.agency"))" "≤ 30 ms" "${rep1[@]}"
  row "\`report --all\`" "" "${repall[@]}"
else
  row "\`report\`" "" "n/a: no report command" "n/a" "n/a"
fi
row "\`lagging\` (the current plan)" "≤ 200 ms" "${lag[@]}"
row "\`tasks --format csv\`" "" "${tasks[@]}"
row "$UPDATES \`update\` commands in a row (total; median each)" "" "${upd[@]}"
row "peak memory, largest of the above" "≤ 30 MB" "${peak[@]}"
