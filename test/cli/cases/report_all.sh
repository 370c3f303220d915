# report --all on the demo database: the 通报 as DESIGN.md "Documents" lays
# it out (版头, title, 主送, opening, 一 to 四, 附件说明, 落款, attachments, 版记),
# the ranking best first with shared places by 推进率 (led tasks weighing
# twice), and --since: what changed, and only the tasks whose flag moved.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
# The audit head hashes the times of init: masked.
mask() { sed -E 's/数据版本：[0-9a-f]{12}/数据版本：<head>/'; }
first_page() { awk 'BEGIN { RS = "\f" } NR == 1 { printf "%s", $0 }'; }
echo "=== the first page"
$D report --all | first_page | mask
echo "=== the parts in order, each attachment opening a page"
$D report --all > all.txt
python3 - <<'PY'
pages = open("all.txt", encoding="utf-8").read().split("\f")
text = "".join(pages)
order = ["一、总体情况", "二、工作成效", "三、存在问题", "四、下一步工作要求", "附件：1．", "市政府督查室\n",
         "附件1\n", "附件2\n", "附件3\n", "数据版本："]
at = [text.find(w) for w in order]
print("in order:", at == sorted(at) and -1 not in at)
print("attachments open a page:", [i + 1 for i, p in enumerate(pages) if p.lstrip("\n").startswith("附件")])
thin = [i + 1 for i, p in enumerate(pages) if sum(1 for l in p.split("\n")[:-2] if l.strip()) < 5]
print(len(pages), "pages; pages with fewer than 5 lines of text:", thin)
print("no ASCII flag signs:", not any(s in text for s in ("!!!", "!!", " ~ ", "= 正常")))
PY
echo "=== the program's own words write dates and quarters out (stored notes made plain)"
cp demo.db plain.db
sqlite3 plain.db "UPDATE report SET note = '说明'; UPDATE note SET text = '意见'"
$DUCHA --db plain.db --conf "$TOP/conf/demo.ini" report --all > plain.txt
grep -c '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\|[0-9]\{4\}Q[1-4]' plain.txt
grep -o '2017年第三季度\|2017年12月10日' plain.txt | sort | uniq -c
echo "=== 三、存在问题: red then yellow, each naming task, lead unit and gap"
tr -d '\n' < all.txt | grep -o '（[一二]）[^（]*（[红黄]色预警，[0-9]*项）'
tr -d '\n' < all.txt | grep -o '1．第5项[^。]*。[^。]*。' | head -1
echo "=== the ranking: best first, places shared, the same in JSON"
$D report --all --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = d["overview"]["ranking"]
for a in r[:5]:
    print(a["rank"], a["title"], a["lead"], a["lead_on_course"], a["support"], a["support_on_course"], round(a["rate"], 1))
rates = [a["rate"] if a["rate"] is not None else -1 for a in r]
print("best first:", rates == sorted(rates, reverse=True))
print("ties share a place:", all((a["rank"] == b["rank"]) == (a["rate"] == b["rate"]) for a, b in zip(r, r[1:])))
print("rate = (2 x lead on course + support on course) / (2 x lead + support):",
      all(a["rate"] is None or abs(a["rate"] - 100 * (2 * a["lead_on_course"] + a["support_on_course"]) /
          (2 * a["lead"] + a["support"])) < 1e-9 for a in r))'
grep -A4 '^名次' all.txt | head -5
echo "=== --since 2017Q2: what changed, and only the tasks whose flag moved"
$D report --all --since 2017Q2 > since.txt
tr -d '\n' < since.txt | grep -o '与2017年第二季度末相比，[^。]*。'
python3 - <<'PY'
import re
text = open("since.txt", encoding="utf-8").read().replace("\f", "")
said = re.search(r"与2017年第二季度末相比，(.*?)。", text.replace("\n", "")).group(1)
named = sorted(int(n) for n in re.findall(r"第(\d+)项", said))
part = text[text.index("附件4"):]
rows = sorted(int(m) for m in re.findall(r"^ *(\d+) ", part, re.M))
print("attachment 4 lists", len(rows), "tasks, the changes named", len(named), "- the same:", rows == named)
PY
echo "=== --all --format csv: one row per indicator of each agency's tasks"
$D report --all --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
agencies = {}
for r in rows:
    agencies.setdefault(r["\ufeff工作方案"] and r["单位"], r["名次"])
print(len(rows), "rows,", len(agencies), "agencies; place 1:", sorted(a for a, k in agencies.items() if k == "1"))'
