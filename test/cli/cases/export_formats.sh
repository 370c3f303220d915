# export: the 分工表 as CSV (the shape import-plan reads) and everything as
# JSON built by SQLite; -o follows the restricted-mode rule for files.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 --note "进展顺利" >/dev/null
$DUCHA --db t.db note --comment 15 "请加快进度" >/dev/null
echo "--- csv to stdout (CRLF lines, BOM first):"
$DUCHA --db t.db export > plan.csv; echo "exit $?"
head -c 3 plan.csv | od -An -tx1
echo "lines: $(wc -l < plan.csv), CRLF lines: $(grep -c $'\r$' plan.csv)"
tr -d '\r' < plan.csv | sed -n '2p;5p;17p;25p'
echo "--- json:"
$DUCHA --db t.db export --format json -o all.json; echo "exit $?"
q() { sqlite3 :memory: "SELECT $1 FROM (SELECT readfile('all.json') AS j)"; }
q "json_valid(j)"
q "json_extract(j, '\$.format') || ' schema ' || json_extract(j, '\$.schema_version')"
q "json_extract(j, '\$.plan')"
q "json_array_length(j, '\$.areas') || ' areas, ' || json_array_length(j, '\$.measures') || ' measures, ' ||
   json_array_length(j, '\$.tasks') || ' tasks, ' || json_array_length(j, '\$.agencies') || ' agencies'"
q "(SELECT sum(json_array_length(value, '\$.indicators')) FROM json_each(j, '\$.tasks')) || ' indicators'"
q "json_extract(j, '\$.tasks[14].lead') || ' / ' || json_extract(j, '\$.tasks[14].support')"
q "json_extract(j, '\$.tasks[14].indicators[0]')"
q "json_remove(json_extract(j, '\$.tasks[14].reports[0]'), '\$.created', '\$.author')"
q "json_remove(json_extract(j, '\$.tasks[14].notes[0]'), '\$.created', '\$.author')"
q "json_extract(j, '\$.tasks[3].dues')"
echo "--- bad use:"
$DUCHA --db t.db export --format html; echo "exit $?"
$DUCHA --db t.db export extra; echo "exit $?"
$DUCHA --db t.db export -o no/such/dir/x.csv; echo "exit $?"
echo "--- restricted mode: files only in the report folder"
me=$(id -un)
mkdir reports
printf '[database]\npath = t.db\n[report]\nfolder = reports\n[access]\nservice_account = %s\n[users]\nboss = admin\n' "$me" > r.ini
DUCHA_CONF=r.ini $DUCHA --user boss export -o elsewhere.csv; echo "exit $?"
DUCHA_CONF=r.ini $DUCHA --user boss export -o reports/boss/plan.csv; echo "exit $?"
cmp plan.csv reports/boss/plan.csv && echo "the same file"
ls elsewhere.csv 2>/dev/null || echo "nothing written outside"
