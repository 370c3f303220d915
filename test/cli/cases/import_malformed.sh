# Malformed tables: every bad line named with its line number and reason,
# a non-zero exit, and nothing written (the database dump is unchanged, and
# no database file is left behind when there was none).
$DUCHA --db t.db init >/dev/null
before=$(sqlite3 t.db .dump | sha256sum)
data=$TOP/test/data/import
try() {  # FILE [options]
  f=$1; shift
  cp "$data/$f" "$f"
  echo "--- $f"
  $DUCHA --db t.db import-plan "$f" --code BAD --title "坏表" "$@"; echo "exit $?"
}
try bad-unclosed-quote.csv
try bad-missing-column.csv
try bad-deadline.csv
try bad-empty-task.csv
try bad-many.csv
try bad-many.csv --dry-run
echo "--- not UTF-8, not GB18030:"
printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,\xff\xfe,2016年年底前,市科委,\n' > bad-bytes.csv
$DUCHA --db t.db import-plan bad-bytes.csv --code BAD --title x; echo "exit $?"
echo "--- UTF-16 (Excel's Unicode text):"
printf '\xff\xfe\x8f\x5e' > utf16.csv
$DUCHA --db t.db import-plan utf16.csv --code BAD --title x; echo "exit $?"
echo "--- no such file, an empty file, a title only:"
$DUCHA --db t.db import-plan missing.csv --code BAD --title x; echo "exit $?"
: > empty.csv; $DUCHA --db t.db import-plan empty.csv --code BAD --title x; echo "exit $?"
printf '工作任务分工表\n' > title.csv; $DUCHA --db t.db import-plan title.csv --code BAD --title x; echo "exit $?"
echo "--- bad arguments:"
$DUCHA --db t.db import-plan "$data/plan-2018.csv" --title x; echo "exit $?"
$DUCHA --db t.db import-plan "$data/plan-2018.csv" --code "$(printf 'a\033[2Jb')" --title x; echo "exit $?"
$DUCHA --db t.db import-plan "$data/plan-2018.csv" --code X --title x --starts 2018-13-01; echo "exit $?"
$DUCHA --db t.db import-plan "$data/plan-2018.csv" --code X --title x --starts 2030-01-01; echo "exit $?"
$DUCHA --db t.db import-plan; echo "exit $?"
[ "$before" = "$(sqlite3 t.db .dump | sha256sum)" ] && echo "database unchanged"
echo "--- into a database that does not exist yet: none is created"
$DUCHA --db new.db import-plan bad-many.csv --code BAD --title x 2>/dev/null; echo "exit $?"
ls new.db* 2>/dev/null || echo "no new.db"
echo "--- only an admin imports (a dry run is open to all):"
me=$(id -un)
printf '[database]\npath = t.db\n[access]\nservice_account = %s\n[users]\nboss = admin\nlook = viewer\n' "$me" > users.ini
cp "$data/plan-2018.csv" plan.csv
DUCHA_CONF=users.ini $DUCHA --user look import-plan plan.csv --code X --title x; echo "exit $?"
DUCHA_CONF=users.ini $DUCHA --user look import-plan plan.csv --code X --title x --dry-run | tail -1; echo "exit $?"
[ "$before" = "$(sqlite3 t.db .dump | sha256sum)" ] && echo "database unchanged"
DUCHA_CONF=users.ini $DUCHA --user boss import-plan plan.csv --code X --title x --yes; echo "exit $?"
sqlite3 t.db "SELECT user, role, action, object, json_extract(new, '$.tasks') FROM audit WHERE action = 'import'"
