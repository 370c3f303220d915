#!/bin/sh
# Checks that the Debian packages ducha builds and tests with are installed.
# As root, installs the missing ones; otherwise prints the exact command.
# --check: never install, only say what is missing (a plain `make`).
set -u
check_only=false
if [ "${1:-}" = "--check" ]; then check_only=true; shift; fi
need="build-essential pkg-config libncurses-dev libsqlite3-dev libiniparser-dev libssl-dev libcsv-dev check sqlite3 tmux python3 clang libclang-rt-14-dev valgrind libpango1.0-dev libcairo2-dev libzip-dev libxml2-dev libxlsxwriter-dev fonts-noto-cjk poppler-utils python3-openpyxl locales"
[ $# -gt 0 ] && need="$need $*"
missing=""
for p in $need; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ] && ! $check_only; then
  echo "ducha: installing missing Debian packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq$missing >&2 && exit 0
  echo "ducha: apt-get install failed for:$missing" >&2
  exit 1
fi
echo "ducha: missing Debian packages. Run as root \`make deps\` (or \`make run\` / \`make test\`), or:" >&2
echo "  apt-get install$missing" >&2
exit 1
