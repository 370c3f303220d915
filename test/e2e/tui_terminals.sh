#!/usr/bin/env bash
# End to end: terminals. On a GB18030 terminal (Xshell's default on Chinese
# Windows) with the locale installed the screen goes out in GB18030 and typed
# Chinese comes in from it: a search typed as GB18030 bytes finds task 17.
# The raw bytes are read from script(1)'s pty, since tmux takes a pane's
# bytes as UTF-8. Commands on that terminal print GB18030 and take GB18030
# arguments. With the locale missing, one ASCII line says how to fix it;
# TERM=dumb is refused with a message.
# Prints "e2e terminal tests: N passed, N failed".
set -u
SUITE=e2e/terminals LABEL="e2e terminal tests" E2E_TMUX=no
. "$(dirname "$0")/../lib/e2e.sh"
passed=0 failed=0
check() {
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $SUITE/$1"; fi
}

"$DUCHA" --db "$T/demo.db" init --demo > "$T/init.log" 2>&1 || { cat "$T/init.log"; echo "e2e terminal tests: 0 passed, 1 failed"; exit 1; }
sed "s|^folder = .*|folder = $T/reports|" "$top/conf/demo.ini" > "$T/demo.ini"
# The locale, built into a folder of the test's own (LOCPATH): nothing is
# installed on the machine.
mkdir -p "$T/locales"
localedef -i zh_CN -f GB18030 "$T/locales/zh_CN.GB18030" > "$T/localedef.log" 2>&1
[ -d "$T/locales/zh_CN.GB18030" ]; check "the GB18030 locale builds (package locales)" $?

gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030; }

# The program on a pty of script(1), not tmux: tmux takes a pane's bytes as
# UTF-8 both ways. Keys go in through a pipe as raw bytes; the screen's raw
# bytes come out through another, copied into $T/raw as they come.
command -v script >/dev/null || { echo "e2e terminal tests: script (util-linux) is not installed"; exit 1; }
mkfifo "$T/keys" "$T/out"
exec 6<>"$T/out"
(cd "$T" && env LOCPATH="$T/locales" LC_ALL=zh_CN.GB18030 TERM=xterm-256color COLUMNS=100 LINES=30 \
  script -qfec "stty cols 100 rows 30; '$DUCHA' --db '$T/demo.db' --conf '$T/demo.ini'" "$T/out" \
  < "$T/keys" > /dev/null 2>&1; echo $? > "$T/status") &
exec 5>"$T/keys"
: > "$T/raw"
# raw_has TEXT: waits (woken by output, up to 6 s) until the raw bytes hold
# TEXT encoded as GB18030; counted from byte $from on.
from=0
raw_has() {
  local want end=$((SECONDS + 6))
  want=$(gb "$1")
  until tail -c +$((from + 1)) "$T/raw" | grep -qF -- "$want"; do
    [ "$SECONDS" -lt "$end" ] || return 1
    timeout 1 dd bs=65536 count=1 status=none <&6 >> "$T/raw"
  done
  return 0
}
mark() { from=$(stat -c %s "$T/raw"); }

raw_has "一、创新能力取得新突破"; check "the screen goes out in GB18030" $?
! grep -qF "创新能力" "$T/raw"; check "and not in UTF-8" $?
mark
printf '/' >&5; gb "孵化链" >&5
raw_has "和孵化服务体系"; check "GB18030 typed into the search finds task 17" $?
mark
printf '\033' >&5; raw_has "一、创新能力取得新突破"
printf 'Q' >&5
exec 5>&-
wait
[ "$(cat "$T/status")" = 0 ]; check "Q quits" $?

# The command line on that terminal: what it prints goes out in GB18030,
# its arguments typed in GB18030 are understood, an error is converted too;
# a pipe keeps UTF-8 (CSV and JSON read by other programs).
gbrun() { env LOCPATH="$T/locales" LC_ALL=zh_CN.GB18030 script -qec "$1" /dev/null < /dev/null; }
gbrun "'$DUCHA' --db '$T/demo.db' tasks --agency $(gb 市科委)" > "$T/cli.raw"
grep -qF "$(gb 组建石墨烯)" "$T/cli.raw" && ! grep -qF "组建石墨烯" "$T/cli.raw"
check "a command on a GB18030 terminal prints GB18030, and takes a GB18030 argument" $?
gbrun "'$DUCHA' --db '$T/demo.db' tasks --agency $(gb 不存在的单位)" > "$T/cli-err.raw"
grep -qF "$(gb '没有名为 "不存在的单位" 的单位')" "$T/cli-err.raw"; check "and its error messages in GB18030" $?
env LOCPATH="$T/locales" LC_ALL=zh_CN.GB18030 "$DUCHA" --db "$T/demo.db" tasks --area 1 | grep -qF "创新能力"
check "a pipe keeps UTF-8" $?

# The locale asked for but not installed: one line, in ASCII, says so.
env -u LOCPATH LC_ALL=zh_CN.GBK "$DUCHA" --db "$T/demo.db" tasks --area 1 > /dev/null 2> "$T/warn.txt"
[ "$(wc -l < "$T/warn.txt")" = 1 ] && grep -q "locale zh_CN.GBK is not installed.*set the terminal to UTF-8, or install the locale" "$T/warn.txt" &&
  ! LC_ALL=C grep -q '[^ -~]' "$T/warn.txt"
rc=$?; [ $rc -ne 0 ] && cat "$T/warn.txt"
check "a missing GBK locale is said in one ASCII line" $rc

# A terminal that cannot address the cursor is refused with a message.
for term in dumb; do
  TERM=$term timeout 10 script -qec "'$DUCHA' --db '$T/demo.db' --conf '$T/demo.ini'" /dev/null < /dev/null > "$T/dumb.txt" 2>&1
  rc=$?
  [ $rc = 1 ] && grep -q "终端类型 \"$term\" 不能定位光标，无法显示全屏界面" "$T/dumb.txt"
  r=$?; [ $r -ne 0 ] && { echo "exit $rc"; cat "$T/dumb.txt"; }
  check "TERM=$term is refused with a message" $r
done

echo "e2e terminal tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
