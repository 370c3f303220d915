# The 督办单 of three agencies on the demo database as of 2017-12-10
# (conf/demo.ini), as text and as CSV: the agency's red then yellow items
# with cause, 督查意见 and the reply date, its counts, the 落款 and 版记; the
# text, HTML and PDF forms say the same. The audit head (which hashes the
# times of init) differs from run to run: it is masked.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
mask() { sed -E -e 's/数据版本：[0-9a-f]{12}/数据版本：<head>/' -e 's/\f/<FF>/'; }
for agency in 市中小企业局 市教委 市金融办; do
  echo "=== $agency: text"
  $D report --agency "$agency" | mask
  echo "=== $agency: csv"
  $D report --agency "$agency" --format csv
done
echo "=== spaces inside a name are layout; the CSV has a BOM by default"
$D report --agency "市 金 融 办" --format csv | head -c 3 | od -An -tx1
$D report --agency "市 金 融 办" --format csv | cmp - <($D report --agency 市金融办 --format csv --bom) && echo "same rows"
printf '[general]\nas_of = 2017-12-10\n[report]\ncsv_encoding = utf-8\n' > plain.ini
$DUCHA --db demo.db --conf plain.ini report --agency 市金融办 --format csv | head -c 3 | od -An -tx1
printf '[general]\nas_of = 2017-12-10\n[report]\ncsv_encoding = gb18030\n' > gb.ini
$DUCHA --db demo.db --conf gb.ini report --agency 市金融办 --format csv | iconv -f GB18030 -t UTF-8 \
  | cmp - <($DUCHA --db demo.db --conf plain.ini report --agency 市金融办 --format csv) && echo "gb18030: the same text"
echo "=== one row per indicator of each task and role; every row names the agency"
$D report --agency 市教委 --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), "rows:", sum(r["角色"] == "牵头" for r in rows), "lead,", sum(r["角色"] == "配合" for r in rows), "support")
print("单位 column:", {r["单位"] for r in rows})
print("tasks:", len({(r["序号"], r["角色"]) for r in rows}), "indicators named:", sum(1 for r in rows if r["指标"]))'
echo "=== text, HTML and PDF say the same of 市金融办"
$D report --agency 市金融办 | tr -d '\n\f ' > t.txt
$D report --agency 市金融办 --format html | python3 -c '
import html, re, sys
s = sys.stdin.read()
s = re.sub(r"<style>.*?</style>|<title>.*?</title>", "", s, flags=re.S)
print(html.unescape(re.sub(r"<[^>]+>", "", s)).replace("\n", "").replace(" ", ""), end="")' > h.txt
$D report --agency 市金融办 --format pdf -o n.pdf 2>/dev/null
pdftotext -nopgbrk n.pdf - | tr -d '\n\f ' > p.txt
python3 - <<'PY'
import re
t, h, p = (open(f, encoding="utf-8").read() for f in ("t.txt", "h.txt", "p.txt"))
# Page numbers, rules and indents are layout, where the forms differ.
layout = lambda s: re.sub("—[0-9]+—|[─\u3000]", "", s)
t, h, p = layout(t), layout(h), layout(p)
print("text = HTML:", t == h, " text = PDF:", t == p, f"({len(t)} characters)")
PY
