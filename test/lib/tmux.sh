# Driving the real binary in tmux, for the end-to-end and security tests.
# Sourced after setting T (a scratch folder) and SUITE (the name failures
# are reported under). Nothing here waits with a pause:
#  - wait_for re-reads the screen each time the program draws something:
#    the pane's output is copied into a pipe (tmux pipe-pane), and a read on
#    it blocks until there is more, up to a deadline;
#  - the program's exit status comes through another pipe, also after a
#    hang-up (the wrapper shell outlives the SIGHUP and writes it).
# Each session runs on a tmux server of its own: a new session on a server
# still shutting down after kill-server fails now and then.

sock=
starts=0
: "${passed:=0}" "${failed:=0}"
tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -p -t e2e 2>/dev/null | sed 's/^/  | /'; }
check() {  # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $SUITE/$1"; screen; fi
}
# Keys go into the pty in order and the program reads them in order: no
# pause between them; each step waits for what it must see on the screen.
keys() { tm send-keys -t e2e "$@"; }
text() { tm send-keys -t e2e -l "$1"; }

mkfifo "$T/exit" "$T/drawn"
exec 3<>"$T/exit" 4<>"$T/drawn"

# tmux_start COLS ROWS COMMAND: the command in a new session on a server of
# its own; the pane stays after it exits, for the last screen.
tmux_start() {
  starts=$((starts + 1))
  sock="ducha-$SUITE-$$-$starts"
  sock=${sock//\//-}
  tm new-session -d -s e2e -x "$1" -y "$2" "trap : HUP; $3; echo \$? > '$T/exit'" \; \
    set-window-option -t e2e remain-on-exit on \; pipe-pane -t e2e "cat >> '$T/drawn'"
}

# Up to 6 s for text on the screen.
wait_for() {
  local end=$((SECONDS + 6)) c
  while ! tm capture-pane -p -t e2e 2>/dev/null | grep -qF -- "$1"; do
    [ "$SECONDS" -lt "$end" ] || return 1
    # Woken by the program's next output; what else is there is dropped.
    read -r -N 1 -t 1 -u 4 c
    dd iflag=nonblock bs=65536 count=16 <&4 >/dev/null 2>&1
  done
  return 0
}

# The exit status of the program last started (up to 5 s).
exit_status() {
  local status=
  read -r -t 5 -u 3 status
  echo "$status"
}

tmux_stop() { tm kill-server 2>/dev/null; }
