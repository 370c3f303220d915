# Two people start from the same version; the second save does not overwrite
# the first: it reports a conflict, shows their version, and keeps its input.
$DUCHA --db t.db init >/dev/null
# both see no report for 2016Q4 yet (version 0)
$DUCHA --db t.db update 15 --period 2016Q4 --if-version 0 --set 科技型企业=2100 --note "甲的填报"; echo "exit $?"
$DUCHA --db t.db update 15 --period 2016Q4 --if-version 0 --set 科技型企业=1900 --note "乙的填报" 2>&1 | sed -E 's/"created":"[^"]*"/"created":"<time>"/'; echo "exit ${PIPESTATUS[0]}"
echo "stored: $(sqlite3 t.db "SELECT note || ' ' || version FROM report")"
echo "kept in audit: $(sqlite3 t.db "SELECT json_extract(new, '$.note') || ' / ' || json_extract(old, '$.note') FROM audit WHERE action = 'conflict'")"
# 乙 looks again and saves on top of version 1 knowingly
$DUCHA --db t.db update 15 --period 2016Q4 --if-version 1 --set 科技型企业=1900; echo "exit $?"
$DUCHA --db t.db update 15 --period 2016Q4 --if-version 1 --set 科技型企业=1800 >/dev/null 2>&1; echo "stale version again: exit $?"
echo "stored: $(sqlite3 t.db "SELECT v.value FROM report_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.name = '科技型企业'")"
# two processes at the same moment: exactly one wins, the other gets a conflict
$DUCHA --db t.db update 12 --period 2017Q1 --if-version 0 --note A >/dev/null 2>&1 & a=$!
$DUCHA --db t.db update 12 --period 2017Q1 --if-version 0 --note B >/dev/null 2>&1 & b=$!
wait $a; ra=$?; wait $b; rb=$?
echo "exit codes: $(printf '%s\n' $ra $rb | sort | tr '\n' ' ')"
echo "reports for 12: $(sqlite3 t.db "SELECT count(*) FROM report r JOIN task t ON t.id = r.task_id WHERE t.num = 12")"
$DUCHA --db t.db check
