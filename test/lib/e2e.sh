# The start of an end-to-end suite, sourced after setting SUITE (failures
# are reported under it) and LABEL ("e2e keys tests": its summary line):
# the program (DUCHA, made absolute), a clean environment, a scratch folder
# T removed at exit, and the tmux driver (test/lib/tmux.sh) unless
# E2E_TMUX=no.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$top/test/e2e
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
unset DUCHA_DB DUCHA_CONF
export LC_ALL=C.UTF-8 TZ=UTC
if [ "${E2E_TMUX:-yes}" = yes ]; then
  command -v tmux >/dev/null || { echo "$LABEL: tmux is not installed"; exit 1; }
  T=$(mktemp -d)
  . "$top/test/lib/tmux.sh"
  trap 'tmux_stop; rm -rf "$T"' EXIT
else
  T=$(mktemp -d)
  trap 'rm -rf "$T"' EXIT
fi
