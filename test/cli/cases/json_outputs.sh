# Every --format json output parses as JSON.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 --note '引号"、反斜杠\ 和换行
第二行' >/dev/null
$DUCHA --db t.db note 15 '含有 "引号" 的进展' >/dev/null
for cmd in "tasks" "tasks --area 3" "agencies" "show 15" "show 4" "log" "log 15"; do
  if $DUCHA --db t.db $cmd --format json | python3 -m json.tool >/dev/null; then
    echo "json ok: $cmd"
  else
    echo "JSON BROKEN: $cmd"
  fi
done
$DUCHA --db t.db show 15 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
print(t["id"], t["lead"], t["support"], [(i["name"], i["comparator"], i["target"], i["unit"]) for i in t["indicators"]])
print(repr(t["reports"][0]["note"]))'
