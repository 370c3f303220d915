#!/usr/bin/env bash
# End to end: two people at once, in two tmux sessions on one database. One
# files a report; the other's screen, left alone, shows it within two
# seconds (PRAGMA data_version, looked at while idle) and says who did what.
# Then the second saves over the first one's report, and the first is told.
# Prints "e2e live tests: N passed, N failed".
set -u
SUITE=e2e/live LABEL="e2e live tests"
. "$(dirname "$0")/../lib/e2e.sh"

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
kewei = reporter:市科委
kewei2 = reporter:市科委
INI
"$DUCHA" --conf "$T/users.ini" --user boss init > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e live tests: 0 passed, 1 failed"; exit 1; }

run_as() { echo "env TERM=xterm-256color DUCHA_CONF='$T/users.ini' '$DUCHA' --user $1"; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
# wait_in SESSION TEXT SECONDS: woken by either pane's output, as wait_for is.
wait_in() {
  local end=$(( $(now_ms) + $3 * 1000 )) c
  while ! tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; do
    [ "$(now_ms)" -lt "$end" ] || return 1
    read -r -N 1 -t 0.5 -u 4 c
    dd iflag=nonblock bs=65536 count=16 <&4 >/dev/null 2>&1
  done
  return 0
}
other() { tm send-keys -t other "$@"; }
show_other() { tm capture-pane -p -t other | sed 's/^/  other | /'; }

# Session "e2e" is kewei, session "other" kewei2, both on 我的任务.
tmux_start 80 24 "$(run_as kewei)"
tm new-session -d -s other -x 80 -y 24 "$(run_as kewei2)" \; pipe-pane -t other "cat >> '$T/drawn'"
wait_in e2e "我的任务（市科委）" 6; check "the first session starts" $?
wait_in other "我的任务（市科委）" 6; check "the second session starts" $?
tm capture-pane -p -t other | grep -q "^    9 牵头 .*应报"; check "the second sees task 9 owed" $?

# kewei files task 9's 2017Q4 report.
keys Down Down Down Down Down u; wait_for "季度填报 · 任务 9"
keys Right Tab; text "试点经验已在全市推广"
keys F2; wait_for "已保存：任务 9 2017Q4 季度填报"; check "the first files task 9" $?
saved=$(now_ms)
wait_in other "市科委 kewei 刚填报了任务 9 2017Q4" 2; rc=$?
took=$(( $(now_ms) - saved ))
[ $rc -ne 0 ] && show_other
check "the second screen says so within 2 s, no key pressed" $rc
echo "  (the second screen showed the save after ${took} ms)"
tm capture-pane -p -t other | grep -q "^    9 牵头 .*待审核"; rc=$?
[ $rc -ne 0 ] && show_other
check "and its row of task 9 now reads 待审核" $rc
tm capture-pane -p -t e2e | grep -q "刚填报"; [ $? -ne 0 ]; check "the saver is not told of its own save" $?

# kewei2 opens the same report (kewei's figures in it) and saves over it.
other Down Down Down Down Down u; wait_in other "季度填报 · 任务 9" 6
other Tab Tab; tm send-keys -t other -l "，名单已附"
other F2; wait_in other "已保存：任务 9 2017Q4 季度填报" 6; check "the second saves over it" $?
wait_in e2e "你保存的任务 9 2017Q4 填报刚被 市科委 kewei2 改写" 2; check "the first saver is told" $?

keys Q; [ "$(exit_status)" = 0 ]; check "the first quits" $?
other Q
echo "e2e live tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
