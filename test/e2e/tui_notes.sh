#!/usr/bin/env bash
# End to end: an inspector changes and withdraws comments of their own in
# the task view (e), picking one of two; the task view marks the changed one
# 已修改 and drops the withdrawn one; `check` passes after. A change left
# with Esc is a draft that e brings back, and one left by Q comes back at
# the next start. Another inspector, a reporter without notes of their own,
# and a viewer are refused or not offered the key.
# Prints "e2e notes tests: N passed, N failed".
set -u
SUITE=e2e/notes LABEL="e2e notes tests"
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
insp2 = inspector
kewei = reporter:市科委
look = viewer
INI
as() { "$DUCHA" --conf "$T/users.ini" --user "$@"; }
{ as boss init && as insp note 3 "请市科委加快进度" && as insp note 3 "第二条意见：请补充材料" &&
  as kewei note 3 "已完成第一批认定"; } > "$T/init.log" 2>&1 ||
  { cat "$T/init.log"; echo "$LABEL: 0 passed, 1 failed"; exit 1; }
start() {  # start USER [keep]
  [ "${2:-}" = keep ] || rm -rf "$T/reports/drafts"
  tmux_start 80 24 "env TERM=xterm-256color DUCHA_CONF='$T/users.ini' '$DUCHA' --user $1"
  wait_for "截至 2017-12-10"
}
open3() { text ":3"; keys Enter; wait_for "任务 3  【"; }

start insp; open3
tm capture-pane -p -t e2e | grep -q "e 改记录"; check "the hints offer e to the author" $?
keys e; wait_for "修改或撤回我的记录 · 任务 3"; check "e opens the change form" $?
tm capture-pane -p -t e2e | grep -q "督查意见：第二条意见"; check "the newest of the two is picked first" $?
keys BTab BTab Right; wait_for "请市科委加快进度"
tm capture-pane -p -t e2e | grep -q "^  请市科委加快进度"; check "picking the older one shows its text" $?
keys Tab Tab End; text "（已督办）"; keys F2
wait_for "已修改：任务 3 的记录（编号 1）"; check "F2 saves the change" $?
keys G; wait_for "已修改）"
tm capture-pane -p -t e2e | grep -q "请市科委加快进度（已督办）"; check "the task view shows the new text, marked 已修改" $?
keys e; wait_for "修改或撤回我的记录"
keys BTab Right; wait_for "< 撤回 >"; keys F2
wait_for "已撤回：任务 3 的记录（编号 2）"; check "F2 with 撤回 withdraws the newest" $?
keys G; wait_for "已完成第一批认定"
! tm capture-pane -p -t e2e | grep -q "第二条意见"; check "the withdrawn note is gone from the task view" $?
# a change left with Esc is a draft; e goes back to it
keys e; wait_for "修改或撤回我的记录"; keys End; text "再改"; keys Escape
wait_for "任务 3 的修改已留作草稿"; check "Esc keeps the change as a draft" $?
keys e; wait_for "接着编辑上次未保存的草稿"
tm capture-pane -p -t e2e | grep -q "（已督办）再改"; check "e brings the draft back" $?
keys Escape; wait_for "任务 3 的修改已留作草稿"
keys Q; [ "$(exit_status)" = 0 ]; check "Q quits with the change unsaved" $?
tmux_stop
start insp keep
wait_for "已恢复上次未保存的 1 份草稿：任务 3"; check "the change comes back at the next start" $?
[ "$(sqlite3 "$T/t.db" "SELECT text FROM note WHERE id = 1")" = "请市科委加快进度（已督办）" ]
check "an unsaved change never reaches the database" $?
open3; keys e; wait_for "接着编辑上次未保存的草稿"
tm capture-pane -p -t e2e | grep -q "修改或撤回我的记录 · 任务 3"; check "the recovered draft is a change, not a new note" $?
tm capture-pane -p -t e2e | grep -q "（已督办）再改"; check "with the text as typed" $?
keys F2; wait_for "已修改：任务 3 的记录（编号 1）"
[ "$(sqlite3 "$T/t.db" "SELECT text FROM note WHERE id = 1")" = "请市科委加快进度（已督办）再改" ]
check "and saving it changes note 1" $?
keys Q; [ "$(exit_status)" = 0 ]; tmux_stop

start insp2; open3
! tm capture-pane -p -t e2e | grep -q "e 改记录"; check "another inspector is not offered e" $?
keys e; wait_for "任务 3 上没有你写的记录"; check "and is told why on e" $?
keys Q; [ "$(exit_status)" = 0 ]; tmux_stop
start look; open3
keys e; wait_for "任务 3 上没有你写的记录"; check "a viewer cannot change anything" $?
keys Q; [ "$(exit_status)" = 0 ]; tmux_stop

as look check > "$T/check.log" 2>&1; check "check passes after the changes" $?
echo "$LABEL: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
