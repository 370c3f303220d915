# init refuses to overwrite data without --force; foreign or newer files are refused.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 >/dev/null
$DUCHA --db t.db init; echo "exit $?"
sqlite3 t.db 'SELECT count(*) FROM report'
$DUCHA --db t.db init --force; echo "exit $?"
sqlite3 t.db 'SELECT count(*) FROM report'
echo "not a database" > text.db
$DUCHA --db text.db tasks; echo "exit $?"
$DUCHA --db text.db init; echo "exit $?"
sqlite3 other.db "CREATE TABLE x(y); PRAGMA application_id = 42;"
$DUCHA --db other.db tasks; echo "exit $?"
$DUCHA --db other.db init --force; echo "exit $?"
cp t.db newer.db; sqlite3 newer.db "PRAGMA user_version = 99;"
$DUCHA --db newer.db tasks; echo "exit $?"
$DUCHA --db missing.db tasks; echo "exit $?"
ls missing.db 2>/dev/null || echo "missing.db not created"
