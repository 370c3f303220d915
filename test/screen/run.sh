#!/usr/bin/env bash
# Golden screen tests. Each cases/NAME.keys is a key script (syntax in
# src/ui/ui_input.h) whose first line "# args: ..." gives the options
# of the screen-test driver (--size COLSxROWS, --role, --conf). It runs on a
# fresh copy of the demo database, as of 2017-12-10, and the screens it
# dumps (plus its exit status) must equal expected/NAME.txt.
# UPDATE=1 bash test/screen/run.sh rewrites the expected files (review the diff!).
# A case name as argument runs that case only.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
SCREEN=${SCREEN:-$top/build/screen-test}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
case $SCREEN in /*) ;; *) SCREEN=$top/$SCREEN ;; esac
unset DUCHA_DB DUCHA_CONF NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
only=${1:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# The demo database, made in the name of "demo" (through a service-account
# config) so that no screen depends on who runs the tests.
cat > "$T/make.ini" <<INI
[access]
service_account = $(id -un)
[users]
demo = admin
INI
if ! "$DUCHA" --db "$T/demo.db" --conf "$T/make.ini" --user demo init --demo > "$T/init.log" 2>&1; then
  echo "FAILED: cannot make the demo database:"; cat "$T/init.log"
  echo "screen tests: 0 passed, 1 failed"
  exit 1
fi

# Times of saving change from run to run: they are shown as YYYY-MM-DD hh:mm.
normalise() {
  sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/YYYY-MM-DD hh:mm/g'
}

passed=0 failed=0
for case in "$here"/cases/*.keys; do
  name=$(basename "$case" .keys)
  [ -n "$only" ] && [ "$only" != "$name" ] && continue
  args=$(sed -n '1s/^# args: //p' "$case")
  rm -f "$T"/case.db*
  cp "$T/demo.db" "$T/case.db"
  # cases/NAME.setup, if any, prepares the case's database (DB) first
  if [ -f "$here/cases/$name.setup" ] && ! (cd "$here" && DB="$T/case.db" TOP="$top" DUCHA="$DUCHA" CONF="$T/make.ini" \
       bash "$here/cases/$name.setup" > "$T/setup.log" 2>&1); then
    failed=$((failed + 1)); echo "FAILED: screen/$name setup:"; cat "$T/setup.log"; continue
  fi
  # shellcheck disable=SC2086 # args are words by design
  actual=$(cd "$here" && "$SCREEN" --db "$T/case.db" --conf "$here/screen.ini" $args "$case" 2>&1 | normalise;
           echo "exit: ${PIPESTATUS[0]}")
  expected="$here/expected/$name.txt"
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
  fi
  # "# check: ambiguous-wide": every line fits with ambiguous characters two columns wide.
  if sed -n '2p' "$case" | grep -q '^# check: ambiguous-wide' &&
     ! printf '%s\n' "$actual" | /usr/bin/python3 "$here/width_check.py" > "$T/wide" 2>&1; then
    failed=$((failed + 1)); echo "FAILED: screen/$name: lines too wide with ambiguous characters wide:"; head -20 "$T/wide"
    continue
  fi
  if [ -f "$expected" ] && diff -u "$expected" <(printf '%s\n' "$actual") > "$T/diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: screen/$name"
    [ -f "$expected" ] && head -60 "$T/diff" || echo "  (no expected file $expected)"
  fi
done
echo "screen tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
