# The documents an office hands out, made by the program and read back with
# other tools: the 通报 and a 督办单 as PDF (poppler-utils: A4, page count,
# every font embedded, the headings, the best-ranked agency first, a 督查意见
# typed here, "— 1 —"), the 台账 as .xlsx (python3-openpyxl: headers,
# numbers as numbers, one row per indicator, fills, frozen header, filters,
# print titles, landscape, the summary sheet and its chart) and the .docx
# (its XML: the title, the 督查意见, the office's styles, odd/even footers,
# the landscape attachments). Debian's openpyxl belongs to /usr/bin/python3.
PY=/usr/bin/python3
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
$D note 22 --comment "请市科委于本月底前报送国家自主创新示范区创建的书面说明，督查室将跟踪督办。" >/dev/null
echo "=== the 通报 as PDF"
$D report --all --format pdf -o tb.pdf
pdfinfo tb.pdf | grep -E '^(Page size|Pages)' | sed 's/ \+/ /g'
pdfinfo -f 1 -l 100 tb.pdf | grep -c 'size: *595.27[0-9] x 841.89'
pdfinfo -f 1 -l 100 tb.pdf | grep -c 'size: *841.89 x 595.27[0-9]'
pdffonts tb.pdf | awk 'NR > 2 { total++; if ($(NF-4) == "yes") emb++ } END { print total " fonts, " emb " embedded" }'
pdffonts tb.pdf | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//' | sort
pdftotext -nopgbrk tb.pdf tb.txt
grep -o '^[一二三四]、[^（]*$' tb.txt
grep -c '^— *1 *—$' tb.txt
tr -d '\n' < tb.txt | grep -o '督查意见：请市科委于本月底前报送国家自主创新示范区创建的书面说明' | head -1
best=$($D report --all --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["overview"]["ranking"][0]["title"])')
python3 - "$best" <<'PYX'
import sys
text = open("tb.txt", encoding="utf-8").read()
part = text[text.index("附件1"):]
import re
places = re.findall(r"^(\d+) (\S+)$", part, re.M)
print("attachment 1 opens with the best-ranked agency:", places[0] == ("1", sys.argv[1]), places[:2])
PYX
echo "=== page images: first page, a 督办单, the 台账 printed (for a person to look at)"
pdftoppm -r 40 -png -f 1 -l 1 tb.pdf page && ls page*.png | sed 's/-0*1\.png/-1.png/'
echo "=== a 督办单 that fits one page, and one that does not"
$D report --agency 市商委 --format pdf -o db.pdf 2>/dev/null
pdfinfo db.pdf | grep '^Pages' | sed 's/ \+/ /g'
pdftotext db.pdf - | tr -d '\n' | grep -o '督 *办 *单\|市商委：\|于2017年12月25日前将办理情况书面报送市政府督查室' | head -3
$D report --agency 市科委 --format pdf -o kw.pdf 2>/dev/null
pdfinfo kw.pdf | grep '^Pages' | sed 's/ \+/ /g'
pdftotext kw.pdf - | grep -c '^— *[0-9]* *—$'
echo "=== the 台账 as .xlsx"
$D report --all --format xlsx -o tz.xlsx
nind=$(sqlite3 demo.db "SELECT count(*) FROM indicator")
none=$(sqlite3 demo.db "SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.task_id = t.id)")
NIND=$nind NONE=$none $PY - <<'PYX'
import os, openpyxl
wb = openpyxl.load_workbook("tz.xlsx")
print(wb.sheetnames)
ws = wb["台账"]
print([c.value for c in ws[1]])
rows = list(ws.iter_rows(min_row=2, values_only=True))
print("rows:", len(rows), "= indicators", os.environ["NIND"], "+ tasks without one", os.environ["NONE"], ":",
      len(rows) == int(os.environ["NIND"]) + int(os.environ["NONE"]))
head = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(head)}
r5 = [r for r in rows if r[0] == 5]
print("task 5:", len(r5), "rows;", type(r5[0][col["实际"]]).__name__, r5[0][col["实际"]], "of", r5[0][col["目标"]],
      ";", type(r5[0][col["完成时限"]]).__name__, "; 完成率", round(r5[0][col["完成率"]], 3), ws.cell(2 + rows.index(r5[0]), col["实际"] + 1).number_format)
fills = {ws.cell(i, col["预警"] + 1).value: ws.cell(i, col["预警"] + 1).fill.fgColor.rgb for i in range(2, ws.max_row + 1)}
print("fills:", sorted(fills.items()))
print("frozen:", ws.freeze_panes, "filter:", ws.auto_filter.ref, "print titles:", ws.print_title_rows)
print("page:", ws.page_setup.orientation, "paper", ws.page_setup.paperSize, "fit to page:",
      ws.sheet_properties.pageSetUpPr.fitToPage, "pages tall:", ws.page_setup.fitToHeight)
s = wb["各单位汇总"]
print([c.value for c in s[1]])
print("charts on the summary sheet:", len(s._charts))
PYX
echo "=== the .docx"
$D report --all --format docx -o tb.docx
unzip -l tb.docx | awk 'NR > 3 && $4 { print $4 }' | sort | grep -v '^-*$'
unzip -p tb.docx word/document.xml > doc.xml
python3 - <<'PYX'
import re, xml.dom.minidom
s = open("doc.xml", encoding="utf-8").read()
xml.dom.minidom.parseString(s)
text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", s))
print("title:", "关于《重庆市深入实施创新驱动发展战略工作方案》重点任务推进情况的通报" in text)
print("督查意见:", "请市科委于本月底前报送国家自主创新示范区创建的书面说明" in text)
print("sections:", len(re.findall("<w:sectPr>", s)), "landscape:", len(re.findall('w:orient="landscape"', s)))
print("styles used:", sorted(set(re.findall(r'w:pStyle w:val="([^"]+)"', s))))
PYX
unzip -p tb.docx word/styles.xml | grep -o 'w:eastAsia="[^"]*"' | sort | uniq -c | sed 's/^ *//'
unzip -p tb.docx word/settings.xml | grep -o '<w:evenAndOddHeaders/>'
unzip -p tb.docx word/footer1.xml | grep -o 'w:jc w:val="[a-z]*"\|PAGE'
unzip -p tb.docx word/footer2.xml | grep -o 'w:jc w:val="[a-z]*"'
echo "=== a file format never goes to a terminal or a printer unasked"
$D report --all --format pdf > /dev/null; echo "to a pipe: exit $?"
script -qc "$D report --all --format xlsx" /dev/null | tr -d '\r'; echo
