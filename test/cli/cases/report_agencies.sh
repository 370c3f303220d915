# The summary (通报) of three agencies on the demo database as of 2017-12-10
# (conf/demo.ini), as text for a printer and as CSV: header, counts, lead
# then support tasks with flag, reason, indicators and latest report, and
# the footer. The production time and user and the audit head (which hashes
# the times of init) differ from run to run: they are masked.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
mask() {
  sed -E -e 's/制表：[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}　.*/制表：<时间>　<用户>/' \
         -e 's/留痕链头 [0-9a-f]{64}/留痕链头 <hash>/' -e 's/\f/<FF>/'
}
for agency in 市中小企业局 市教委 市金融办; do
  echo "=== $agency: text"
  $D report --agency "$agency" | mask
  echo "=== $agency: csv"
  $D report --agency "$agency" --format csv
done
echo "=== spaces inside a name are layout; the CSV with a BOM"
$D report --agency "市 金 融 办" --format csv --bom | head -c 3 | od -An -tx1
$D report --agency "市 金 融 办" --format csv --bom | tail -n +1 | sed '1s/^\xEF\xBB\xBF//' | cmp - <($D report --agency 市金融办 --format csv) && echo "same rows"
echo "=== one row per task and role; every row names the agency"
$D report --agency 市教委 --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), "rows:", sum(r["role"] == "lead" for r in rows), "lead,", sum(r["role"] == "support" for r in rows), "support")
print("agency column:", {r["agency"] for r in rows})'
