# The audit chain: every change leaves a row; editing one outside the program
# (after dropping the triggers that forbid it) is caught by check, which names it.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 >/dev/null
$DUCHA --db t.db note 15 "进展一" >/dev/null
$DUCHA --db t.db note 15 "进展二" >/dev/null
$DUCHA --db t.db check; echo "exit $?"
sqlite3 t.db "UPDATE audit SET user = 'mallory' WHERE id = 3" 2>&1
sqlite3 t.db "DELETE FROM audit WHERE id = 4" 2>&1
sqlite3 t.db "DROP TRIGGER audit_no_update; UPDATE audit SET new = json_set(new, '$.text', '改过的') WHERE id = 3"
$DUCHA --db t.db check; echo "exit $?"
