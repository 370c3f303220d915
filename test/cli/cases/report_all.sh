# report --all on the demo database: the overview (通报) ranking every agency
# by overdue, lagging, unreported and behind tasks and then by completion,
# then one section per agency, each starting on a new page; --since adds the
# flags that moved since that quarter and the values reported since.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
mask() {
  sed -E -e 's/制表：[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}　.*/制表：<时间>　<用户>/' \
         -e 's/留痕链头 [0-9a-f]{64}/留痕链头 <hash>/'
}
first_page() { awk 'BEGIN { RS = "\f" } NR == 1 { printf "%s", $0 }'; }
echo "=== the overview page"
$D report --all | first_page | mask
echo "=== each agency's section opens a page"
$D report --all > all.txt
python3 - <<'PY'
pages = open("all.txt", encoding="utf-8").read().split("\f")
firsts = [p.split("\n")[3] for p in pages if p.split("\n")[0].strip() == "督 查 通 报"]
print(len(pages), "pages;", len(firsts), "parts, each opening a page:")
print(" ".join(f.split("：", 1)[1] for f in firsts[1:]))
PY
echo "=== the ranking in JSON agrees with the text"
$D report --all --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = d["overview"]
print("tasks", o["tasks"], "flags", o["flags"])
for r in o["ranking"][:5]:
    f = r["flags"]
    print(r["rank"], r["title"], f["overdue"], f["lagging"], f["unreported"], f["behind"], str(r["completion"]) + "%")
keys = [(-r["flags"]["overdue"], -r["flags"]["lagging"], -r["flags"]["unreported"], -r["flags"]["behind"], r["completion"]) for r in o["ranking"]]
print("ranked in order:", keys == sorted(keys), "sections:", len(d["sections"]))'
echo "=== --since 2017Q2: the overview's changes"
$D report --all --since 2017Q2 | first_page | sed -n '/以来预警变化的任务/,/^-----/p' | mask
echo "=== --since 2017Q2: one agency's changes"
$D report --agency 市中小企业局 --since 2017Q2 | sed -n '/^[一二三四五六七八九十]*、.*以来的变化/,/^-----/p' | sed '/^$/d' | mask
echo "=== --all --format csv: rows of every agency, ranked"
$D report --all --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
agencies = {}
for r in rows:
    agencies.setdefault(r["agency"], r["agency_rank"])
print(len(rows), "rows,", len(agencies), "agencies; rank 1:", [a for a, k in agencies.items() if k == "1"])'
