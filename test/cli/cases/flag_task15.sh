# Issue 3's task-15 cases, entered with update and judged with --as-of:
# with only a 2016Q4 report, 科技型企业 = 1000 is lagging, 2000 behind, 2400 ok
# (judged at the end of 2016Q4, the figure's quarter);
# with no report it is unreported; as of 2018-03-01 with 4000 it is overdue.
$DUCHA --db t.db init >/dev/null
# 科技型企业 is a stock (基数未设 in the built-in plan): with its baseline set
# to 0, its 序时 runs from 0 as issue 3's cases assume.
$DUCHA --db t.db indicator 15 2 --baseline 0 >/dev/null
indicator() {  # as-of → "flag | reason" of 科技型企业
  $DUCHA --db t.db --as-of "$1" show 15 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
i = [x for x in t["indicators"] if x["name"] == "科技型企业"][0]
print(i["flag"], "|", i["expected"], i["actual"], "|", i["reason"])'
}
echo "no report:  $(indicator 2017-01-15)"
for v in 1000 2000 2400; do
  $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=$v >/dev/null
  echo "$v: $(indicator 2017-01-15)"
done
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=1000 >/dev/null
echo "--- tasks --flag lagging, as of 2017-01-15"
$DUCHA --db t.db --as-of 2017-01-15 tasks --area 1 --flag lagging
echo "--- show 15, as of 2017-01-15"
$DUCHA --db t.db --as-of 2017-01-15 show 15 | sed -n '/^任务状态/,/^季度填报/p'
echo "--- 4000 for 2017Q4, as of 2018-03-01"
$DUCHA --db t.db update 15 --period 2017Q4 --set 科技型企业=4000 --yes >/dev/null
echo "2018-03-01: $(indicator 2018-03-01)"
echo "2017-12-31: $(indicator 2017-12-31)"
echo "--- before the plan starts nothing is expected"
$DUCHA --db t.db --as-of 2016-01-01 tasks --format csv | cut -d, -f6 | sort | uniq -c
