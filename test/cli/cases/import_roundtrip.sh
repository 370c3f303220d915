# The built-in plan's 分工表, exported and imported again (into an empty
# database, and beside the built-in plan in one database), gives the same
# tasks, deadlines, agencies and roles; plans never mix.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db export -o plan.csv; echo "export exit $?"
head -c 3 plan.csv | od -An -tx1                  # the BOM Excel needs
sed -n 1,2p plan.csv
echo "rows: $(wc -l < plan.csv)"

# Everything but the area's short label (the table does not carry it) and the
# flag (the milestones of the built-in plan are hand-made, not proposed).
tasks_of() {  # DB [--plan CODE]
  db=$1; shift
  $DUCHA --db "$db" "$@" tasks --format json > tasks.json
  sqlite3 :memory: "SELECT json_remove(value, '\$.area', '\$.flag') FROM json_each(readfile('tasks.json'))"
}
tasks_of t.db > builtin.txt
echo "built-in tasks: $(wc -l < builtin.txt)"

echo "--- into an empty database (no init):"
$DUCHA --db empty.db import-plan plan.csv --code RT --title "往返测试" --yes; echo "exit $?"
tasks_of empty.db > roundtrip.txt
cmp builtin.txt roundtrip.txt && echo "same tasks, deadlines, due dates, lead and support agencies in order"
$DUCHA --db empty.db export -o again.csv 2>/dev/null
cmp plan.csv again.csv && echo "its 分工表 exports byte for byte the same"
$DUCHA --db t.db agencies --format csv > a1.csv
$DUCHA --db empty.db agencies --format csv > a2.csv
cmp a1.csv a2.csv && echo "same agencies with the same lead/support counts"
sqlite3 t.db "SELECT num || ' ' || title FROM area ORDER BY num" > areas1.txt
sqlite3 empty.db "SELECT num || ' ' || title || ' (' || short || ')' FROM area ORDER BY num"
sqlite3 empty.db "SELECT num || ' ' || title FROM area ORDER BY num" | cmp - areas1.txt && echo "same area titles"
sqlite3 t.db "SELECT m.num, a.num, m.title FROM measure m JOIN area a ON a.id = m.area_id ORDER BY m.num" > m1.txt
sqlite3 empty.db "SELECT m.num, a.num, m.title FROM measure m JOIN area a ON a.id = m.area_id ORDER BY m.num" | cmp - m1.txt && echo "same measures under the same areas"
sqlite3 empty.db "SELECT code, starts, ends FROM plan"
echo "proposed indicators: $(sqlite3 empty.db 'SELECT count(*) FROM indicator')"
sqlite3 empty.db "SELECT t.num, i.name, i.comparator, i.target, coalesce(i.target_hi, ''), i.unit, i.mode
                  FROM indicator i JOIN task t ON t.id = i.task_id WHERE t.num IN (4, 10, 12, 15, 16) ORDER BY t.num, i.ord"
$DUCHA --db empty.db check

echo "--- beside the built-in plan:"
$DUCHA --db t.db import-plan plan.csv --code RT --title "往返测试" >/dev/null; echo "exit $?"
tasks_of t.db --plan RT > beside.txt
cmp builtin.txt beside.txt && echo "the same again with --plan RT"
echo "agencies: $(sqlite3 t.db 'SELECT count(*) FROM agency') (known ones reused, none added)"
echo "plans: $(sqlite3 t.db "SELECT group_concat(code, ' | ') FROM (SELECT code FROM plan ORDER BY id)")"

echo "--- plans never mix:"
$DUCHA --db t.db --plan RT update 15 --period 2016Q4 --set 科技型企业=2100 >/dev/null
json() { sqlite3 :memory: "SELECT $1 FROM (SELECT readfile('out.json') AS j)"; }
$DUCHA --db t.db show 15 --format json > out.json
echo "built-in task 15: $(json "json_array_length(j, '\$.reports')") reports"
$DUCHA --db t.db --plan RT show 15 --format json > out.json
echo "RT task 15: $(json "json_array_length(j, '\$.reports')") report, $(json "json_extract(j, '\$.reports[0].period')")"
echo "tasks per plan: $($DUCHA --db t.db tasks --format csv | tail -n +2 | wc -l) and $($DUCHA --db t.db --plan RT tasks --format csv | tail -n +2 | wc -l)"
$DUCHA --db t.db --plan RT agencies --format csv | cmp - a1.csv && echo "agencies --plan RT: its own counts"
$DUCHA --db t.db --plan NOPE tasks; echo "exit $?"
$DUCHA --db t.db --plan RT export --format json > out.json
echo "export --plan RT: $(json "json_extract(j, '\$.plan.code')"), task 15: $(json "json_extract(j, '\$.tasks[14].reports[0].values')")"
echo "--- the same code twice is refused, nothing written:"
before=$(sqlite3 t.db .dump | sha256sum)
$DUCHA --db t.db import-plan plan.csv --code RT --title "again"; echo "exit $?"
[ "$before" = "$(sqlite3 t.db .dump | sha256sum)" ] && echo "database unchanged"
$DUCHA --db t.db log --format csv | tail -n +2 | cut -d, -f5,6 | sort | uniq -c
$DUCHA --db t.db check
