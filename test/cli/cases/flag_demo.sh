# The demo database at its pinned as-of date (conf/demo.ini: 2017-12-10):
# every flag value occurs among the tasks; lagging lists every warning value,
# worst first, and each row's reason states expected (序时) and actual (实际).
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
echo "--- tasks: flag values"
$D tasks --format csv | cut -d, -f6 | tail -n +2 | sort | uniq -c
for f in done ok due-soon behind lagging overdue unreported; do
  n=$($D tasks --flag $f --format csv | tail -n +2 | wc -l)
  [ "$n" -gt 0 ] && echo "tasks with $f: $n" || echo "MISSING: no task is $f"
done
echo "--- lagging --format csv"
$D lagging --format csv > lag.csv
cat lag.csv
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("lag.csv", encoding="utf-8")))
order = ["done", "ok", "due-soon", "behind", "unreported", "lagging", "overdue"]
seen = sorted({r["flag"] for r in rows}, key=order.index)
print("flags listed:", " ".join(seen))
for f in ["due-soon", "behind", "unreported", "lagging", "overdue"]:
    print(f, "present" if f in seen else "MISSING")
bad = [r for r in rows if "序时" not in r["reason"] or "实际" not in r["reason"]]
print("rows:", len(rows), "without expected and actual in the reason:", len(bad))
ranks = [order.index(r["flag"]) for r in rows]
print("worst first:", ranks == sorted(ranks, reverse=True))
print("every row has a lead agency:", all(r["lead"] for r in rows))
PY
echo "--- demo rows are labelled"
$D show 15 | grep -c '示例数据'
$D show 15 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
print("reports:", len(t["reports"]), "all demo:", all(r["demo"] for r in t["reports"]),
      "notes marked:", all(n["text"].startswith("【示例数据】") and n["demo"] for n in t["notes"]))'
echo "--- every write audited"
$D log --format csv | cut -d, -f5 | tail -n +2 | sort | uniq -c
$D check
