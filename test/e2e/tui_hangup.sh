#!/usr/bin/env bash
# End to end: nothing typed is lost when the connection drops. In tmux
# (100x30) on the demo database: type task 5's 2017Q4 report (values and a
# Chinese note of two lines) and leave it as a draft, start a note on task 12
# and leave it open, then kill the tmux session (SIGHUP, as a dropped SSH
# link) without saving. The recovery file must hold both; the next start
# says what came back, u on task 5 shows the typed values, F2 saves them and
# `ducha show` has the report. Then SIGTERM keeps the note the same way, q
# with the user's yes drops it, and a damaged file is set aside as .bad.
# Prints "e2e hangup tests: N passed, N failed".
set -u
SUITE=e2e/hangup LABEL="e2e hangup tests"
. "$(dirname "$0")/../lib/e2e.sh"
# Starts the program in a new session; its exit status goes into the pipe,
# a hang-up's too.
start() {
  tmux_start 100 30 "env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm-256color '$DUCHA' --db '$T/demo.db' --conf '$T/e2e.ini'"
  wait_for "截至 2017-12-10"
}

"$DUCHA" --db "$T/demo.db" init --demo > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e hangup tests: 0 passed, 1 failed"; exit 1; }
# The demo's settings, with the report folder (and so the drafts) in $T.
sed "s|^folder = .*|folder = $T/reports|" "$top/conf/demo.ini" > "$T/e2e.ini"
draft="$T/reports/drafts/$(id -un | sed 's/[^A-Za-z0-9._-]/_/g').draft"

start; check "main screen shows up" $?
keys Down Down Down Down u; wait_for "季度填报 · 任务 5"; check "report form of task 5" $?
text "17"; keys Tab; text "18"; keys Tab; text "6"; keys Tab Tab
text "配套资金已到位"; keys Enter; text "下季度完工"
keys Escape; wait_for "任务 5 的填报已留作草稿"; check "the report is kept as a draft" $?
keys Down Down Down Down Down Down Down n; wait_for "任务 12"
text "专家论证已完成"; wait_for "专家论证已完成"; check "note on task 12 typed" $?
tm kill-session -t e2e
# The program has ended (its status through the pipe) once the hang-up is handled.
[ -n "$(exit_status)" ] && grep -qxF -- "专家论证已完成" "$draft"; check "the hang-up wrote the draft file" $?
grep -q "^配套资金已到位$" "$draft" && grep -q "^下季度完工$" "$draft" && grep -q "^专家论证已完成$" "$draft"
check "the draft file holds both drafts as typed" $?

start
wait_for "已恢复上次未保存的 2 份草稿：任务 5 2017Q4 填报、任务 12 记录"; check "the next start says what came back" $?
keys Down Down Down Down u; wait_for "配套资金已到位"
tm capture-pane -p -t e2e > "$T/form.txt"
grep -qE "国外研发机构（个，累计） +17 " "$T/form.txt" && grep -qE "联合研发团队（个，累计） +18 " "$T/form.txt" &&
  grep -qE "国际合作基地（个，累计） +6 " "$T/form.txt" && grep -q "下季度完工" "$T/form.txt"
check "u on task 5 shows the typed values" $?
keys F2; wait_for "已保存：任务 5 2017Q4 季度填报"; check "F2 saves the recovered report" $?
"$DUCHA" --db "$T/demo.db" show 5 > "$T/show.txt" 2>&1
awk '/季度填报/{on=1} on' "$T/show.txt" | head -8 > "$T/latest.txt"
grep -q "2017Q4" "$T/latest.txt" && grep -q "= 17" "$T/latest.txt" && grep -q "= 18" "$T/latest.txt" &&
  grep -q "= 6" "$T/latest.txt" && grep -q "配套资金已到位" "$T/latest.txt"
rc=$?; [ $rc -ne 0 ] && cat "$T/show.txt"
check "ducha show has the recovered report" $rc

pid=$(pgrep -P "$(tm display -p -t e2e '#{pane_pid}')" | head -1)
kill -TERM "${pid:-0}"
[ "$(exit_status)" = 143 ]; check "SIGTERM ends the program" $?
grep -q "^专家论证已完成$" "$draft" && ! grep -q "^kind 6$" "$draft"; check "SIGTERM kept the note, not the saved report" $?
tm kill-server 2>/dev/null

start
wait_for "已恢复上次未保存的 1 份草稿：任务 12 记录"; check "the note comes back" $?
keys q; wait_for "有 1 份未保存的草稿，退出后将丢失。确定退出吗？"; check "q asks first" $?
keys y
[ "$(exit_status)" = 0 ] && [ ! -e "$draft" ]; check "yes quits and drops the draft file" $?
tm kill-server 2>/dev/null

printf 'ducha-drafts 1 1\ndraft 9\ncut here' > "$draft"
start
wait_for "草稿恢复文件已损坏"; check "a damaged file is reported" $?
[ -e "$draft.bad" ] && [ ! -e "$draft" ]; check "and set aside as .bad" $?
keys q
[ "$(exit_status)" = 0 ]; check "q then quits at once" $?

echo "e2e hangup tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
