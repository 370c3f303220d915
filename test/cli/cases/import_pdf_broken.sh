# The built-in plan's 分工表, broken the way a copy out of a PDF breaks it
# (test/tools/broken_table.py: names cut over lines and spaced out, a number
# cut in two, mixed 、 and ，, cut deadlines; merged cells in Excel and Word,
# one task over two rows, a title row, another table before it in the Word
# file), imports as CSV, as .xlsx and as .docx to exactly the 38 tasks and
# agencies of the built-in plan; the dry runs of the three say the same. An
# agency the database does not know is named with the nearest known one,
# and nothing is written without --yes.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db export --format csv > plan.csv
/usr/bin/python3 "$TOP/test/tools/broken_table.py" plan.csv broken
grep -c "市发展改革$" broken.csv | sed 's/^/CSV lines ending in a cut 市发展改革: /'
for kind in csv xlsx docx; do
  $DUCHA --db t.db import-plan broken.$kind --code "PDF-$kind" --title "从 PDF 复制" --dry-run > dry.$kind; echo "$kind dry run: exit $?"
  # the file, its encoding and the rows' line numbers differ; nothing else may
  sed -e 1d -e 's/（第 [0-9]* 行）//' dry.$kind > dry.$kind.cmp
  $DUCHA --db t.db import-plan broken.$kind --code "PDF-$kind" --title "从 PDF 复制"; echo "exit $?"
  $DUCHA --db t.db --plan "PDF-$kind" export --format csv > got.$kind
  cmp -s plan.csv got.$kind && echo "$kind: the 38 tasks, texts, deadlines, lead and support agencies are the built-in plan's"
done
cmp -s dry.csv.cmp dry.xlsx.cmp && cmp -s dry.csv.cmp dry.docx.cmp && echo "the three dry runs say the same"
grep -c "（新）" dry.csv | sed 's/^/new agencies in the dry run: /'
grep "任务 4（" -A3 dry.csv | head -2
tail -1 dry.csv
echo "agencies: $(sqlite3 t.db 'SELECT count(*) FROM agency')"
$DUCHA --db t.db check
echo "--- a name cut short (市发展改革) is named with the nearest known one; nothing is written without --yes"
/usr/bin/python3 "$TOP/test/tools/broken_table.py" plan.csv short --misspell 市发展改革委=市发展改革 > /dev/null
before=$(sqlite3 t.db "SELECT count(*) FROM plan")/$(sqlite3 t.db "SELECT count(*) FROM audit")
$DUCHA --db t.db import-plan short.xlsx --code SHORT --title "少一字" --dry-run | grep "数据库中没有的单位\|^合计"
$DUCHA --db t.db import-plan short.xlsx --code SHORT --title "少一字"; echo "exit $?"
[ "$(sqlite3 t.db "SELECT count(*) FROM plan")/$(sqlite3 t.db "SELECT count(*) FROM audit")" = "$before" ] && echo "nothing was written"
$DUCHA --db t.db import-plan short.docx --code SHORT --title "少一字" --yes | sed 's/（文件编码.*//'; echo "exit $?"
sqlite3 t.db "SELECT name FROM agency WHERE name LIKE '市发展改革%' ORDER BY name"
echo "--- --sheet, and files that are not what they say"
$DUCHA --db t.db import-plan broken.xlsx --sheet 说明 --code S2 --title x; echo "exit $?"
$DUCHA --db t.db import-plan broken.xlsx --sheet 没有 --code S2 --title x; echo "exit $?"
$DUCHA --db t.db import-plan broken.csv --sheet 分工表 --code S2 --title x; echo "exit $?"
printf 'not a zip' > fake.xlsx; $DUCHA --db t.db import-plan fake.xlsx --code S2 --title x; echo "exit $?"
cp broken.xlsx fake.docx; $DUCHA --db t.db import-plan fake.docx --code S2 --title x; echo "exit $?"
echo "--- Excel's own types: a date cell, a number cell, a number stored as 2.0"
/usr/bin/python3 - <<'PY'
import datetime
from openpyxl import Workbook
wb = Workbook(); ws = wb.active
ws.append(["序号", "重点任务", "完成时限", "牵头单位", "配合单位"])
ws.append([1, "推动建设研发中心", datetime.date(2018, 6, 30), "市科委", "市教委"])
ws.append([2.0, "新增50家以上企业", "2018年年底前", "市科委", None])
ws["C2"].number_format = "yyyy/m/d"
wb.save("types.xlsx")
PY
$DUCHA --db t.db import-plan types.xlsx --code TYPES --title 类型 --dry-run | grep "任务 [12]（\|完成时限"
