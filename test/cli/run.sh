#!/usr/bin/env bash
# Command-line tests: each test/cli/cases/NAME.sh runs the binary ($DUCHA) in
# a fresh scratch folder ($T); what it prints (stdout and stderr together) and
# its exit status must equal test/cli/expected/NAME.out.
# UPDATE=1 bash test/cli/run.sh rewrites the expected files (review the diff!).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
export DUCHA TOP=$top
unset DUCHA_DB DUCHA_CONF
export LC_ALL=C.UTF-8 TZ=UTC
passed=0 failed=0 only=${1:-}
for case in "$here"/cases/*.sh; do
  name=$(basename "$case" .sh)
  [ -n "$only" ] && [ "$only" != "$name" ] && continue
  T=$(mktemp -d)
  export T
  actual=$(cd "$T" && bash "$case" 2>&1; echo "exit: $?")
  rm -rf "$T"
  expected="$here/expected/$name.out"
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
  fi
  if [ -f "$expected" ] && diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/ducha-cli-diff.$$; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: cli/$name"
    [ -f "$expected" ] && head -40 /tmp/ducha-cli-diff.$$ || echo "  (no expected file $expected)"
  fi
  rm -f /tmp/ducha-cli-diff.$$
done
echo "cli tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
