# Reasons quote stored text (indicator names): planted control characters,
# bidi overrides and C1 bytes reach no terminal through lagging, tasks or show.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db indicator 15 2 --baseline 0 >/dev/null   # 序时 from 0, so that 1000 lags
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=1000 >/dev/null
sqlite3 t.db "UPDATE indicator SET name = '科技' || char(27) || '[2J' || char(8238) || char(155) || '型' || char(7)
              WHERE name = '科技型企业';
              UPDATE agency SET name = name || char(27) || ']52;c;aGk=' || char(7) WHERE name = '市中小企业局';"
safe() {
  python3 -c '
import sys
t = sys.stdin.buffer.read().decode("utf-8", "replace")
bad = [c for c in t if (ord(c) < 32 and c not in "\n\r") or 0x7f <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x2028, 0x2029)]
print("terminal-safe" if not bad else "UNSAFE: %r" % bad[:4])'
}
for cmd in "lagging" "lagging --format csv" "lagging --format json" "tasks --area 1" "tasks --format csv" \
           "tasks --format json" "show 15" "show 15 --format json"; do
  printf '%-24s %s\n' "$cmd" "$($DUCHA --db t.db --as-of 2017-01-15 $cmd 2>&1 | safe)"
done
$DUCHA --db t.db --as-of 2017-01-15 lagging | grep -a '严重滞后'
$DUCHA --db t.db --as-of 2017-01-15 lagging --format json | python3 -c '
import json, sys
r = [x for x in json.load(sys.stdin) if x["flag"] == "lagging"][0]
print("json keeps the name:", repr(r["indicator"]), r["lead"])'
