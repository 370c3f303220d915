#!/usr/bin/env bash
# End to end: the real binary in tmux (100x30) on the demo database, as a new
# user would use it. Find a lagging task of 市科委 with the filter, open it
# and read why it lags, enter its 2017Q4 report (Chinese typed into the note),
# save, quit; then `ducha show` must have that report.
# Prints "e2e tests: N passed, N failed".
set -u
SUITE=e2e LABEL="e2e tests"
. "$(dirname "$0")/../lib/e2e.sh"

"$DUCHA" --db "$T/demo.db" init --demo > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e tests: 0 passed, 1 failed"; exit 1; }
# The demo's settings with the report folder in $T: drafts a developer left
# in build/reports must not come back here.
sed "s|^folder = .*|folder = $T/reports|" "$top/conf/demo.ini" > "$T/demo.ini"
# LANG unset on purpose: the program must still show Chinese (C.UTF-8).
tmux_start 100 30 "env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm-256color '$DUCHA' --db '$T/demo.db' --conf '$T/demo.ini'"
wait_for "截至 2017-12-10"; check "main screen shows up" $?

# f: 单位 = 市科委, 预警 = 严重滞后 (six steps right of 全部), Enter applies.
keys f; wait_for "筛选各领域的任务"
text "市科委"; keys Tab Right Right Right Right Right Right; keys Enter
wait_for "筛选：市科委 · 严重滞后"; check "filter applied" $?
num=$(tm capture-pane -p -t e2e | sed -n 's/^> *\([0-9][0-9]*\) .*严重滞后.*/\1/p' | head -1)
[ -n "$num" ]; check "a lagging task of 市科委 is selected" $?
num=${num:-0}

keys Enter; wait_for "任务 $num "
tm capture-pane -p -t e2e | grep -q "原因.*严重滞后"; check "the detail says why it lags" $?

keys u; wait_for "2017Q4"; check "report form opens on 2017Q4" $?
text "17"; keys Tab; text "18"; keys Tab; text "6"; keys Tab Tab
text "配套资金已到位，进度加快"
keys F2; wait_for "已保存：任务 $num 2017Q4 季度填报"; check "saved" $?
keys Q
[ "$(exit_status)" = 0 ]; check "Q quits at once, exit status 0" $?

"$DUCHA" --db "$T/demo.db" show "$num" > "$T/show.txt" 2>&1
awk '/季度填报/{on=1} on' "$T/show.txt" | head -6 > "$T/latest.txt"
grep -q "2017Q4" "$T/latest.txt" && grep -q "= 17" "$T/latest.txt" && grep -q "= 18" "$T/latest.txt" &&
  grep -q "说明：配套资金已到位，进度加快" "$T/latest.txt"
rc=$?; [ $rc -ne 0 ] && cat "$T/latest.txt"
check "ducha show has the report" $rc
echo "e2e tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
