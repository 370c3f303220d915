# A database of schema version 1 (the audit trail before 'reinit', 'backup'
# and 'migrate') is brought to version 2 on first open: the trail is kept
# row for row, a 'migrate' row vouches for the plan as it stands, and the
# schema then equals a fresh one, so `check` passes.
sqlite3 v1.db < "$TOP/test/data/schema-v1.sql"
# the plan as shipped then (schema version 3 and before), migrated to today's
{ cat "$TOP/test/data/plan-v3/load.sql" "$TOP/test/data/plan-v3/plan-cq-2016-25.sql"; } | sqlite3 v1.db
/usr/bin/python3 - <<'PY'
import hashlib, sqlite3
c = sqlite3.connect("v1.db")
row = c.execute("SELECT json_array(1, '2016-02-06T00:00:00.000Z', 'old', 'admin', 'init', 'plan', NULL,"
                " json_object('plan', (SELECT code FROM plan), 'tasks', (SELECT count(*) FROM task)))").fetchone()[0]
h = hashlib.sha256(("0" * 64 + row).encode()).hexdigest()
c.execute("INSERT INTO audit VALUES (1, '2016-02-06T00:00:00.000Z', 'old', 'admin', 'init', 'plan', NULL,"
          " json_object('plan', (SELECT code FROM plan), 'tasks', (SELECT count(*) FROM task)), ?, ?)", ("0" * 64, h))
c.commit()
PY
echo "before: version $(sqlite3 v1.db 'PRAGMA user_version'), $(sqlite3 v1.db 'SELECT count(*) FROM audit') audit row"
$DUCHA --db v1.db tasks --area 1 --format csv | wc -l
echo "after: version $(sqlite3 v1.db 'PRAGMA user_version')"
sqlite3 v1.db "SELECT id, user, action FROM audit ORDER BY id"
$DUCHA --db v1.db check
$DUCHA --db v1.db update 15 --period 2016Q4 --set 科技型企业=2100 >/dev/null
$DUCHA --db v1.db check
$DUCHA --db fresh.db init >/dev/null
schema() { sqlite3 "$1" "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"; }
[ "$(schema v1.db)" = "$(schema fresh.db)" ] && echo "the migrated schema is the shipped one"
