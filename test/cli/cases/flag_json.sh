# lagging and show give JSON that parses, with flags, reasons and forecasts.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
for cmd in "lagging" "lagging --area 2" "show 15" "show 16" "show 9" "show 22" "tasks --flag behind"; do
  if $D $cmd --format json | python3 -m json.tool >/dev/null; then
    echo "json ok: $cmd"
  else
    echo "JSON BROKEN: $cmd"
  fi
done
$D lagging --format json | python3 -c '
import json, sys
rows = json.load(sys.stdin)
print(len(rows), "rows; keys:", sorted(rows[0]))
r = [x for x in rows if x["task"] == 15 and x["indicator"] == "科技型企业"][0]
print(r["flag"], r["label"], round(r["expected"]), r["actual"], r["actual_period"], r["target"], r["unit"], r["due"], r["lead"])
print(r["reason"])
print("forecast:", round(r["forecast"]), r["forecast_met"])'
$D show 16 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
print(t["as_of"], t["flag"], t["flag_label"], t["flag_reason"])
i = t["indicators"][0]
print(i["mode"], i["target_in_force"], i["due_in_force"], round(i["expected"], 1), i["actual"], round(i["gap"], 1), i["flag"])
print("forecast:", round(i["forecast"]["value"]), i["forecast"]["met"])'
$D show 9 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
print(t["flag"], "|", t["flag_reason"], "| indicators:", t["indicators"])'
echo "--- English labels and reasons (lang = en)"
sed 's/^lang = zh/lang = en/' "$TOP/conf/demo.ini" > en.ini
$DUCHA --db demo.db --conf en.ini lagging --area 1 | head -4
$DUCHA --db demo.db --conf en.ini tasks --flag lagging --format csv | cut -d, -f1,6
