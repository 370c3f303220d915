#!/usr/bin/env bash
# Runs the main commands under valgrind (memcheck, full leak check): any
# invalid access or leak fails the run.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# Possibly-lost blocks are GLib's type system (Pango), kept for the process;
# test/valgrind/libs.supp holds the one leak of a library (cairo's).
vg() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-possibly-lost=no --suppressions="$top/test/valgrind/libs.supp" "$@"; }
passed=0 failed=0
run() {
  if vg "$DUCHA" --db "$T/v.db" --as-of 2017-12-10 "$@" >/dev/null 2>"$T/err"; [ $? -ne 99 ] && ! grep -q '==[0-9]*==' "$T/err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAILED under valgrind: ducha $*"; head -30 "$T/err"
  fi
}
run init --demo
run tasks
run tasks --format json
run show 15
run show 15 --format json
run agencies --format csv
run update 15 --period 2017Q4 --set 科技型企业=4000 --note "valgrind 检查"
run update 15 --period 2017Q4 --if-version 0 --note "冲突"
run note 15 "进展"
run lagging --format csv
run log 15
run check
run export --format json
$DUCHA report --help >/dev/null 2>&1 && run report --all
for f in pdf docx xlsx html csv; do run report --all --format $f -o "$T/tb.$f"; done
run report --agency 市商委 --format pdf -o "$T/db.pdf"
run remind
# the 分工表 readers and the plan edits
"$DUCHA" --db "$T/v.db" export --format csv > "$T/plan.csv"
/usr/bin/python3 "$top/test/tools/broken_table.py" "$T/plan.csv" "$T/broken" >/dev/null
for f in csv xlsx docx; do run import-plan "$T/broken.$f" --code "VG-$f" --title "valgrind" --dry-run; done
run import-plan "$T/broken.xlsx" --code VG --title "valgrind"
run note 15 --edit 8 "进展（改）"
run agencies --alias 市发展改革委=市发改委
run edit task 15 --lead "市发改委、市科委" --deadline "2018年年底前"
printf '领域,标题,简称\n1,创新能力,能力\n' > "$T/areas.csv"
run import-plan "$T/areas.csv" --areas
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
