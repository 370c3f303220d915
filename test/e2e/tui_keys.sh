#!/usr/bin/env bash
# End to end: Home and End inside a report form, sent as each terminal sends
# them, under each TERM an office uses (and PuTTY's bytes under TERM=xterm,
# its default). The form must stay open and the cursor move: "17", Home,
# "9", End, "0" reads "9170". A sequence no terminal description names is
# dropped whole, never read as Esc (which would close the form) plus text.
# Then q closes a screen, and Q quits at once from deep inside.
# Prints "e2e keys tests: N passed, N failed".
set -u
SUITE=e2e/keys LABEL="e2e keys tests"
. "$(dirname "$0")/../lib/e2e.sh"

"$DUCHA" --db "$T/demo.db" init --demo > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e keys tests: 0 passed, 1 failed"; exit 1; }
sed "s|^folder = .*|folder = $T/reports|" "$top/conf/demo.ini" > "$T/demo.ini"

start() {  # start TERM [keep]: drafts left by the last session are dropped unless kept
  [ "${2:-}" = keep ] || rm -rf "$T/reports/drafts"
  tmux_start 100 30 "env TERM=$1 '$DUCHA' --db '$T/demo.db' --conf '$T/demo.ini'"
  wait_for "截至 2017-12-10"
}
field() { tm capture-pane -p -t e2e | grep -F "> 引进或共建国外研发机构"; }

# form_home_end NAME TERM HOME END: task 5's report form, its first figure.
form_home_end() {
  local name=$1 term=$2 home=$3 end=$4
  if ! start "$term"; then check "$name: starts" 1; tmux_stop; return; fi
  text ":5"; keys Enter; wait_for "任务 5 "
  keys u; wait_for "季度填报 · 任务 5"
  text "17"; wait_for "）  17 "
  text "$home"; text "9"
  wait_for "）  917 "; check "$name: Home moves to the start, the form stays open" $?
  text "$end"; text "0"
  wait_for "）  9170 "; check "$name: End moves to the end" $?
  text $'\e[15;5~'; text "x"
  wait_for "）  9170x "; check "$name: an unknown sequence is dropped whole" $?
  keys C-u Escape; wait_for "原因"
  keys Q
  [ "$(exit_status)" = 0 ]; check "$name: Q quits at once" $?
  tmux_stop
}

form_home_end "xterm-256color" xterm-256color $'\eOH' $'\eOF'
form_home_end "xterm-256color, normal cursor mode" xterm-256color $'\e[H' $'\e[F'
form_home_end "xterm-256color, PuTTY's bytes" xterm-256color $'\e[1~' $'\e[4~'
form_home_end "screen (tmux)" screen $'\e[1~' $'\e[4~'
form_home_end "linux console" linux $'\e[1~' $'\e[4~'
form_home_end "rxvt" rxvt $'\e[7~' $'\e[8~'
if infocmp putty >/dev/null 2>&1; then
  form_home_end "putty" putty $'\e[1~' $'\e[4~'
fi

# q closes the screen in view; on the first screen it quits. Esc and an
# arrow key in one write (as one SSH packet can bring them): back, then down.
start xterm-256color
keys Enter; wait_for "任务 1 "
text $'\e\e[B'; wait_for ">   2 推动建设"; check "Esc and Down in one packet: back, then down" $?
keys Enter; wait_for "任务 2 "
keys q; wait_for "一、创新能力取得新突破"; check "q closes the task and goes back" $?
keys q
[ "$(exit_status)" = 0 ]; check "q on the first screen quits" $?
tmux_stop

# Q from a form left with input: no question, and the input comes back.
start xterm-256color
text "12"; wait_for "转到任务 12"; keys Enter; wait_for "任务 12 "
keys u; wait_for "季度填报 · 任务 12"
text "33"; keys Escape; wait_for "原因"
keys Q
[ "$(exit_status)" = 0 ]; check "Q quits at once with a draft unsaved" $?
tmux_stop
start xterm-256color keep
wait_for "已恢复上次未保存的 1 份草稿：任务 12"; check "and the draft comes back at the next start" $?
keys Q
[ "$(exit_status)" = 0 ]; check "Q again" $?
tmux_stop

echo "e2e keys tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
