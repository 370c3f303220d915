# A table saved by Chinese Excel (GB18030/GBK) imports to the same result as
# its UTF-8 twin; --dry-run shows everything that would be made, proposed
# indicators and what could not be read, and writes nothing.
cp "$TOP/test/data/import/plan-2018.csv" plan-2018.csv
src=plan-2018.csv
iconv -f UTF-8 -t GB18030 "$src" > gb18030.csv
iconv -f UTF-8 -t GBK "$src" > gbk.csv
cmp -s "$src" gb18030.csv || echo "the GB18030 file differs from the UTF-8 one, as it should"

echo "--- dry run (no database yet):"
$DUCHA --db u.db import-plan "$src" --code 2018-KJ --title "2018年科技创新重点工作" --dry-run; echo "exit $?"
[ -e u.db ] || echo "no database was created"

for enc in utf8 gb18030 gbk; do
  file=$src; [ $enc != utf8 ] && file=$enc.csv
  $DUCHA --db $enc.db import-plan "$file" --code 2018-KJ --title "2018年科技创新重点工作" --yes >/dev/null; echo "$enc: exit $?"
  $DUCHA --db $enc.db export --format json > $enc.json
  $DUCHA --db $enc.db tasks --format csv > $enc.tasks
done
cmp utf8.json gb18030.json && cmp utf8.tasks gb18030.tasks && echo "GB18030 = UTF-8: same plan, tasks, agencies, indicators"
cmp utf8.json gbk.json && echo "GBK = UTF-8"
$DUCHA --db gb18030.db export | tr -d "\r" | sed "1s/^\xEF\xBB\xBF/(BOM)/"
sqlite3 gb18030.db "SELECT t.num, i.name, i.comparator, i.target, coalesce(i.target_hi, ''), i.unit, i.due, i.mode
                    FROM indicator i JOIN task t ON t.id = i.task_id ORDER BY t.num, i.ord"
sqlite3 gb18030.db "SELECT code, title, starts, ends FROM plan"
$DUCHA --db gb18030.db check

echo "--- the built-in plan's table in GB18030 (with its BOM):"
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db export -o plan.csv 2>/dev/null
iconv -f UTF-8 -t GB18030 plan.csv > plan-gb.csv
$DUCHA --db t.db import-plan plan-gb.csv --code GB --title "国标编码" --starts 2016-02-06 --yes >/dev/null; echo "exit $?"
$DUCHA --db t.db --plan GB export -o again.csv 2>/dev/null
cmp plan.csv again.csv && echo "exports the same 分工表 as the built-in plan"
sqlite3 t.db "SELECT starts FROM plan WHERE code = 'GB'"
