#!/usr/bin/env bash
# make bench, part 3 (issue 17): the quarter-end rush on a copy of the
# one-plan database of 10,000 tasks. REPORTERS processes each file REPORTS
# quarterly reports within WITHIN seconds (`ducha update`, a value and a
# note each, on tasks of their own, spread evenly from a random start), while
# INSPECTORS processes page through lists and open tasks (`tasks --area`,
# `show`) over the same minute, all at once. Every command is timed from
# fork to exit (bench-measure --log); what a user would have been shown on
# failure is kept, and `ducha check` runs afterwards.
#
# All run as the one user of a single-user desk (no [users]): the write path
# (permission, BEGIN IMMEDIATE, the audit row) is the same for a reporter.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$top/$1" ;; esac; }
DUCHA=$(abs "${DUCHA:-ducha}")
MEASURE=$(abs "${MEASURE:-build/bench-measure}")
BENCH_DIR=$(abs "${BENCH_DIR:-build/bench}")
REPORTERS=${BENCH_REPORTERS:-200}
REPORTS=${BENCH_REPORTS:-20}
INSPECTORS=${BENCH_INSPECTORS:-50}
WITHIN=${BENCH_RUSH_SECONDS:-60}
# Then the capacity: BURST processes saving BURST_REPORTS each back to back.
BURST=${BENCH_BURST:-20}
BURST_REPORTS=${BENCH_BURST_REPORTS:-25}
PLAN='渝府办发〔2016〕101号'
AS_OF=2024-09-15
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
src=$BENCH_DIR/one-10000.db
[ -f "$src" ] || { echo "rush: $src missing (make bench-oneplan makes it)" >&2; exit 1; }
db=$W/rush.db
cp "$src" "$db"
[ -f "$src-wal" ] && cp "$src-wal" "$db-wal"
[ -f "$src.anchor" ] && cp "$src.anchor" "$db.anchor"
D=("$DUCHA" --db "$db" --as-of "$AS_OF" --plan "$PLAN")

# Each reporter its own tasks: number r*REPORTS+1 … on; the first indicator
# gets a value, every report a note.
sqlite3 -separator $'\t' "$db" "
  SELECT t.num, '--period', '2024Q3', '--set', i.name || '=' || CAST(round(i.target / 2) AS INTEGER),
         '--note', '季度末集中填报：按计划推进。', '--yes'
    FROM task t JOIN plan p ON p.id = t.plan_id JOIN indicator i ON i.task_id = t.id AND i.ord = 1
   WHERE p.code = '$PLAN' AND i.kind = 'number' ORDER BY t.num LIMIT $((REPORTERS * REPORTS + BURST * BURST_REPORTS))" \
  > "$W/all.tsv"
for r in $(seq 0 $((REPORTERS - 1))); do
  sed -n "$((r * REPORTS + 1)),$(((r + 1) * REPORTS))p" "$W/all.tsv" > "$W/r$r.tsv"
done
for k in $(seq 0 $((INSPECTORS - 1))); do
  for j in $(seq 1 10); do printf 'show\t%d\n' $(((k * 197 + j * 31) % 10000 + 1)); done > "$W/i$k.tsv"
  printf 'tasks\t--area\t%d\t--format\tcsv\n' $((k % 5 + 1)) >> "$W/i$k.tsv"
done

start=$(date +%s.%N)
for r in $(seq 0 $((REPORTERS - 1))); do
  "$MEASURE" --each "$W/r$r.tsv" --within-ms $((WITHIN * 1000)) --log "$W/save.log" -- "${D[@]}" update \
    > /dev/null 2>> "$W/save.err" &
done
for k in $(seq 0 $((INSPECTORS - 1))); do
  "$MEASURE" --each "$W/i$k.tsv" --within-ms $((WITHIN * 1000)) --log "$W/read.log" -- "${D[@]}" \
    > /dev/null 2>> "$W/read.err" &
done
wait
end=$(date +%s.%N)

# The capacity, on other tasks: as many saves as the server takes, back to back.
for b in $(seq 0 $((BURST - 1))); do
  sed -n "$((REPORTERS * REPORTS + b * BURST_REPORTS + 1)),$((REPORTERS * REPORTS + (b + 1) * BURST_REPORTS))p" \
    "$W/all.tsv" > "$W/b$b.tsv"
done
burst_start=$(date +%s.%N)
for b in $(seq 0 $((BURST - 1))); do
  "$MEASURE" --each "$W/b$b.tsv" --log "$W/burst.log" -- "${D[@]}" update > /dev/null 2>> "$W/burst.err" &
done
wait
burst_end=$(date +%s.%N)

pct() {   # pct FILE P: the P-th percentile of the first column
  sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { k = int(NR * p / 100 + 0.999999); if (k < 1) k = 1; if (k > NR) k = NR; printf "%.1f", v[k] }'
}
saves=$(wc -l < "$W/save.log")
failed=$(awk '$2 != 0' "$W/save.log" | wc -l)
reads=$(wc -l < "$W/read.log")
read_failed=$(awk '$2 != 0' "$W/read.log" | wc -l)
busy=$(cat "$W/save.err" "$W/read.err" | grep -c '占用\|locked\|busy' || true)
secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
check=$(timeout "${BENCH_CHECK_SECONDS:-120}" "${D[@]}" check 2>&1 | tail -1) || check="did not finish in ${BENCH_CHECK_SECONDS:-120} s (check is slow on this size)"
echo "### The quarter-end rush (issue 17)"
echo
echo "$REPORTERS reporter processes × $REPORTS reports and $INSPECTORS inspector processes × 11 reads, all within $WITHIN s, on a copy of the 10,000-task plan; $(nproc) CPUs."
echo
echo "| figure | value |"
echo "|---|---|"
echo "| wall time of the whole rush | $secs s |"
echo "| reports saved | $((saves - failed)) of $saves ($(awk -v n="$saves" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') a second held) |"
echo "| save latency p50 / p99 / max | $(pct "$W/save.log" 50) / $(pct "$W/save.log" 99) / $(pct "$W/save.log" 100) ms |"
echo "| reads p50 / p99 | $(pct "$W/read.log" 50) / $(pct "$W/read.log" 99) ms ($reads reads, $read_failed failed) |"
echo "| errors shown to users (busy) | $failed failed saves ($busy busy messages) |"
burst_n=$(wc -l < "$W/burst.log")
burst_failed=$(awk '$2 != 0' "$W/burst.log" | wc -l)
burst_secs=$(awk -v s="$burst_start" -v e="$burst_end" 'BEGIN { printf "%.1f", e - s }')
echo "| capacity: $BURST processes saving back to back | $((burst_n - burst_failed)) of $burst_n saved in $burst_secs s: $(awk -v n="$burst_n" -v s="$burst_secs" 'BEGIN { printf "%.0f", n / s }') saves a second; p50 / p99 $(pct "$W/burst.log" 50) / $(pct "$W/burst.log" 99) ms |"
echo "| \`ducha check\` afterwards | $check |"
if [ -s "$W/save.err" ]; then
  echo
  echo "Messages shown: $(sort "$W/save.err" | uniq -c | sort -rn | head -3 | tr '\n' ';')"
fi
