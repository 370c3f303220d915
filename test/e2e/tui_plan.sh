#!/usr/bin/env bash
# End to end: an administrator edits the plan on the screen. E on task 5
# changes its lead agencies (an alias is taken for its agency; an agency the
# database does not know asks for a second F2); A changes the area's label,
# which the area's tab then shows. check passes after. An inspector is
# refused E with the reason.
# Prints "e2e plan tests: N passed, N failed".
set -u
SUITE=e2e/plan LABEL="e2e plan tests"
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
insp = inspector
INI
as() { "$DUCHA" --conf "$T/users.ini" --user "$@"; }
{ as boss init && as boss agencies --alias 市经济信息委=市经信委; } > "$T/init.log" 2>&1 ||
  { cat "$T/init.log"; echo "$LABEL: 0 passed, 1 failed"; exit 1; }
start() { tmux_start 100 30 "env TERM=xterm-256color DUCHA_CONF='$T/users.ini' '$DUCHA' --user $1"; wait_for "截至 2017-12-10"; }

start boss
text ":5"; keys Enter; wait_for "任务 5  【"
tm capture-pane -p -t e2e | grep -q "E 改任务"; check "an administrator is offered E" $?
keys E; wait_for "修改任务 5（管理员）"; check "E opens the task form" $?
keys Tab C-u; text "市经信委、市大数据局"; keys F2
wait_for "数据库中没有的单位：市大数据局"; check "an unknown agency asks first" $?
[ "$(sqlite3 "$T/t.db" "SELECT count(*) FROM agency WHERE name = '市大数据局'")" = 0 ]; check "and nothing is written yet" $?
keys F2; wait_for "已修改：任务的定义"; check "the second F2 saves" $?
tm capture-pane -p -t e2e | grep -q "牵头单位  市经济信息委、市大数据局"; check "the task shows the lead by its own name" $?
keys A; wait_for "修改领域和措施 · 领域 1"; keys Tab C-u; text "能力"; keys F2
wait_for "已修改：领域和措施"; check "A saves the area's label" $?
keys Escape; wait_for "全部"
tm capture-pane -p -t e2e | grep -q "1 能力"; check "the tab shows the new label" $?
keys Q; [ "$(exit_status)" = 0 ]; tmux_stop
as boss check > "$T/check.log" 2>&1; check "check passes after the edits" $?

start insp
text ":5"; keys Enter; wait_for "任务 5  【"
! tm capture-pane -p -t e2e | grep -q "E 改任务"; check "an inspector is not offered E" $?
keys E; wait_for "只有管理员"; check "and is told why" $?
keys Q; [ "$(exit_status)" = 0 ]; tmux_stop

echo "$LABEL: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
