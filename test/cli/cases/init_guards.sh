# init refuses to overwrite data without --force; foreign or newer files are refused.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 >/dev/null
$DUCHA --db t.db init; echo "exit $?"
$DUCHA --db t.db show 15 | grep -c 2016Q4
$DUCHA --db t.db init --force; echo "exit $?"
$DUCHA --db t.db show 15 | grep -c 2016Q4
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
