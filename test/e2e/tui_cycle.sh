#!/usr/bin/env bash
# End to end, the quarterly cycle at 80x24 as two people would live it: a
# reporter of 市科委 starts on 我的任务 and files task 9's 2017Q4 report with a
# Chinese note; an inspector starts on 本期填报, returns it with a reason; the
# reporter sees the reason and submits again; the inspector passes it and
# accepts (销号) the task on screen; then `ducha show` agrees with the
# screens. Second: changing the form's quarter to one that has a report
# loads it, and F2 keeps its note.
# Prints "e2e cycle tests: N passed, N failed".
set -u
SUITE=e2e/cycle LABEL="e2e cycle tests"
. "$(dirname "$0")/../lib/e2e.sh"
start() {  # start USER TEXT-TO-WAIT-FOR: one person's session
  tmux_start 80 24 "env TERM=xterm-256color DUCHA_CONF='$T/users.ini' '$DUCHA' --user $1"
  wait_for "$2"
}
quit() { keys Q; [ "$(exit_status)" = 0 ]; local rc=$?; tmux_stop; return $rc; }

cat > "$T/users.ini" <<INI
[database]
path = $T/t.db
[general]
as_of = 2017-12-10
[report]
folder = $T/reports
[access]
service_account = $(id -un)
[users]
boss = admin
insp = inspector
kewei = reporter:市科委
INI
"$DUCHA" --conf "$T/users.ini" --user boss init > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e cycle tests: 0 passed, 1 failed"; exit 1; }

# 1. The reporter files 2017Q4 of task 9 (市科委 leads; due 2017-12-31; no
# indicators: judged by its status).
start kewei "我的任务（市科委）"; check "a reporter starts on 我的任务" $?
tm capture-pane -p -t e2e | grep -q "^    9 牵头 .*应报"; check "task 9 listed, 本期 应报" $?
keys Down Down Down Down Down u; wait_for "季度填报 · 任务 9"; check "the form opens on task 9" $?
tm capture-pane -p -t e2e | grep -q "填报季度  *2017Q4"; check "on the quarter due now, 2017Q4" $?
keys Right Tab; text "试点经验已在全市推广"
keys F2; wait_for "已保存：任务 9 2017Q4 季度填报"; check "filed" $?
tm capture-pane -p -t e2e | grep -q "^>   9 牵头 .*待审核"; check "本期 shows 待审核" $?
quit; check "the reporter quits" $?

# 2. The inspector returns it with a reason.
start insp "本期填报 2017Q4"; check "an inspector starts on 本期填报" $?
tm capture-pane -p -t e2e | grep -q "^>市科委 .* 1 "; check "市科委 has one report to review" $?
keys Escape; wait_for "一、创新能力"
keys Down Down Down Down Down Down Down Down Enter; wait_for "任务 9  "
keys v; wait_for "审核 · 任务 9 · 2017Q4"; check "the review form" $?
keys Right Tab; text "请附推广名单"
keys F2; wait_for "已退回：任务 9 2017Q4"; check "returned" $?
wait_for "已退回：请附推广名单"; check "the task view says why" $?
quit; check "the inspector quits" $?

# 3. The reporter sees the reason and submits again.
start kewei "我的任务（市科委）"
tm capture-pane -p -t e2e | grep -q "^    9 牵头 .*已退回"; check "本期 shows 已退回" $?
keys Down Down Down Down Down; wait_for "2017Q4 已退回：请附推广名单"; check "the start screen says why" $?
keys Up Up Up Up Up
keys Down Down Down Down Down Enter; wait_for "请附推广名单"; check "the reason is on the task view" $?
wait_for "insp 退回：请附推广"; check "the report's history says who returned it" $?
keys u; wait_for "季度填报 · 任务 9"
tm capture-pane -p -t e2e | grep -q "试点经验已在全市推广"; check "the returned report is in the form" $?
keys Tab; text "，名单已附"
keys F2; wait_for "已保存：任务 9 2017Q4 季度填报"; check "submitted again" $?
quit

# 4. The inspector passes it and accepts the task.
start insp "本期填报 2017Q4"
keys Escape; wait_for "一、创新能力"
keys Down Down Down Down Down Down Down Down Enter; wait_for "任务 9  "
keys v; wait_for "审核 · 任务 9"; keys F2; wait_for "已通过：任务 9 2017Q4"; check "passed" $?
wait_for "x 销号"; check "销号 is offered once reported completed" $?
keys x; wait_for "销号 · 任务 9"; keys F2; wait_for "已销号：任务 9"; check "accepted on screen" $?
wait_for "已销号（insp，"; check "the task view shows who accepted it" $?
quit

"$DUCHA" --conf "$T/users.ini" --user boss show 9 > "$T/show.txt" 2>&1
grep -q "任务状态  已销号（insp，" "$T/show.txt" && grep -q "2017Q4  已完成  已通过  kewei" "$T/show.txt" &&
  grep -q "说明：试点经验已在全市推广，名单已附" "$T/show.txt" && grep -q "审核：已通过（insp，" "$T/show.txt"
rc=$?; [ $rc -ne 0 ] && cat "$T/show.txt"
check "ducha show agrees with the screens" $rc

# 5. Changing the form's quarter loads that quarter's report; F2 keeps its note.
"$DUCHA" --conf "$T/users.ini" --user boss update 5 --period 2017Q3 --set 引进或共建国外研发机构=16 --note "三季度：引进两家" >/dev/null
start boss "一、创新能力"
# After a move the message line says why the selected task has its flag
# again once the cursor rests (a held arrow sends only the changed rows).
keys Down; wait_for "2 ?   未报送  推动建设研发创新中心"; check "the reason comes back when the cursor rests" $?
# Backspace goes back as Esc does, without Esc's wait.
keys Enter; wait_for "任务 2  "; keys BSpace; wait_for "项任务"; check "Backspace goes back to the list" $?
keys Up
keys Down Down Down Down u; wait_for "季度填报 · 任务 5"
keys BTab; text "2017Q3"; keys Tab; wait_for "已载入 2017Q3 的填报"; check "changing the quarter loads its report" $?
tm capture-pane -p -t e2e | grep -q "三季度：引进两家"; check "its note is in the form" $?
keys F2; wait_for "已保存：任务 5 2017Q3 季度填报"; check "saved" $?
quit
"$DUCHA" --conf "$T/users.ini" --user boss show 5 | grep -q "说明：三季度：引进两家"; check "F2 kept the note" $?

echo "e2e cycle tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
