# Stored text planted with ESC[2J, an OSC 52 clipboard write, a C1 CSI
# (U+009B), a raw 0x9B byte, a bidi override and HTML markup reaches no
# terminal and no browser raw through any summary format or the reminders.
# Text summaries hold form feeds between pages by design: they are taken
# out before the check.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=1000 --note "说明" >/dev/null
sqlite3 t.db "UPDATE indicator SET name = '科技' || char(27) || '[2J' || char(8238) || char(155) || '型' || char(7)
              WHERE name = '科技型企业';
              UPDATE agency SET name = name || char(27) || ']52;c;aGk=' || char(7) WHERE name = '市中小企业局';
              UPDATE report SET note = '<script>alert(1)</script>' || char(27) || '[2J' || CAST(x'9b' AS TEXT)
                                       || char(8238) || '&\"''' WHERE task_id = (SELECT id FROM task WHERE num = 15);
              UPDATE task SET text = text || '<img src=x onerror=alert(2)>' WHERE num = 15;"
D="$DUCHA --db t.db --as-of 2017-01-15"
for f in text csv html json; do
  printf '%-28s %s\n' "report --all --format $f" "$($D report --all --format $f 2>&1 | tr -d '\f' | python3 "$TOP/test/tools/terminal_safe.py")"
done
printf '%-28s %s\n' "report --all --since 2016Q3" "$($D report --all --since 2016Q3 2>&1 | tr -d '\f' | python3 "$TOP/test/tools/terminal_safe.py")"
printf '%-28s %s\n' "remind" "$($D remind 2>&1 | python3 "$TOP/test/tools/terminal_safe.py")"
echo "--- text shows the planted characters as harmless marks"
$D report --all | grep -a -m1 '说明\|script' | sed 's/^ *//'
$D report --all | grep -a -o -m1 '市中小企业局[^ ]*' | head -1
agency=$(sqlite3 t.db "SELECT name FROM agency WHERE name LIKE '市中小企业局%'")
$D report --agency "$agency" --format csv | grep -a -o -m1 '科技^[^,]*' | head -1
echo "--- PDF, .docx and .xlsx carry the same text harmlessly"
$D report --agency "$agency" --format pdf -o r.pdf 2>/dev/null && pdftotext r.pdf - | python3 -c '
import sys
s = sys.stdin.read()
print("pdf: the note as harmless marks:", "<script>alert(1)</script>^[[2J" in s, "; raw ESC:", "\x1b" in s)'
$D report --all --format docx -o r.docx 2>/dev/null && unzip -p r.docx word/document.xml | python3 -c '
import sys, xml.dom.minidom
s = sys.stdin.read(); xml.dom.minidom.parseString(s)
print("docx: well-formed XML; markup escaped:", "&lt;script&gt;" in s, "; raw ESC:", "\x1b" in s)'
$D report --all --format xlsx -o r.xlsx 2>/dev/null && /usr/bin/python3 -c '
import openpyxl
ws = openpyxl.load_workbook("r.xlsx")["台账"]
cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
print("xlsx: raw ESC:", any("\x1b" in c for c in cells), "; a formula:", any(c.startswith("=") for c in cells),
      "; the note kept as text:", any("<script>" in c for c in cells))'
echo "--- HTML: markup in stored text is escaped, and no script or outside resource is in the file"
$D report --all --format html > r.html
grep -c '&lt;script&gt;alert(1)&lt;/script&gt;' r.html
grep -c '&lt;img src=x onerror=alert(2)&gt;' r.html
grep -ci '<script\|<img\|<link\|<iframe\|<object\|@import\|url(\|https\?:' r.html
echo "--- CSV: the same text in one escaped, quoted cell"
$D report --all --format csv | grep -a -m1 'script' | python3 -c '
import csv, sys
row = next(csv.reader(sys.stdin))
print([c for c in row if "script" in c])'
echo "--- JSON keeps the text itself (escaped as JSON)"
$D report --all --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
item = [i for s in d["sections"] for i in s["items"] if i["task"] == 15][0]
print(repr(item["indicators"][0]["name"]), repr(item["latest_report"]["note"]))'
