# backup while 4 processes write: a consistent snapshot that passes `ducha
# check`; restore puts it back (with a 'restore' audit row), also while
# others write; files that are not sound ducha databases are refused.
$DUCHA --db t.db init >/dev/null
sql() { sqlite3 -cmd '.timeout 10000' "$@"; }
notes() { sql "$1" 'SELECT count(*) FROM note'; }
# Each note a writer saves is a line in this pipe: the test waits by reading
# lines, not by polling the database.
mkfifo progress
exec 9<>progress
writer() {
  p=$1 i=0
  while [ ! -e stop.$2 ]; do
    if $DUCHA --db t.db note $(( i % 5 + 11 )) "写入者 $p 第 $i 次" >/dev/null 2>>err.$p; then echo >&9
    else echo "note failed" >> err.$p; fi
    $DUCHA --db t.db update $(( i % 5 + 11 )) --period "$(( 2016 + p ))Q$(( i % 4 + 1 ))" --note "第 $i 次" >/dev/null 2>>err.$p || echo "update failed" >> err.$p
    i=$((i + 1))
  done
}
# Waits for N notes saved from now on: what is in the pipe already is
# dropped first (read -t 0 only asks whether a line is there).
more_notes() {
  while read -r -t 0 -u 9; do read -r -u 9 _; done
  for ((k = 0; k < $1; k++)); do read -r -t 60 -u 9 _ || { echo "writers stalled"; return 1; }; done
}

for p in 1 2 3 4; do writer $p a & done
more_notes 20
$DUCHA --db t.db backup b.db; echo "backup exit $?"
in_backup=$(notes b.db)
more_notes 20
touch stop.a; wait
cat err.* 2>/dev/null | head -5
echo "writer errors: $(cat err.* 2>/dev/null | wc -l)"
[ "$in_backup" -ge 20 ] && [ "$in_backup" -lt "$(notes t.db)" ] && echo "the backup is a snapshot taken in the middle of the writing"
echo "backup file: journal $(sql b.db 'PRAGMA journal_mode'), $(ls b.db* | tr '\n' ' ')"
$DUCHA --db b.db check
sql b.db "SELECT CASE WHEN (SELECT count(*) FROM audit) = 1 + (SELECT count(*) FROM note) +
          (SELECT sum(version) FROM report) THEN 'every note and report has its audit row' ELSE 'MISSING AUDIT ROWS' END"

echo "--- restore while 2 others keep writing:"
for p in 5 6; do writer $p b & done
more_notes 10
$DUCHA --db t.db restore b.db; echo "restore exit $?"
more_notes 5; touch stop.b; wait
echo "writer errors: $(cat err.* 2>/dev/null | wc -l)"
$DUCHA --db t.db check
sql t.db "SELECT action, object FROM audit WHERE action = 'restore'"
sql t.db "SELECT json_extract(old, '$.file') || ' → ' || json_extract(new, '$.file') || ', chain kept: ' ||
          (json_extract(new, '$.audit_rows') + 1 = id) FROM audit WHERE action = 'restore'"
[ "$(notes t.db)" -ge "$in_backup" ] && echo "notes after the restore: the backup's, and what the writers saved since"

echo "--- refused, and the database is left as it was:"
sql t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(sql t.db .dump | sha256sum)
try() { $DUCHA --db t.db restore "$1"; echo "exit $?"; }
echo "just text" > text.db; try text.db
sql plain.db 'CREATE TABLE x (a); INSERT INTO x VALUES (1)'; try plain.db
sql blank.db 'PRAGMA application_id = 1146438472; PRAGMA user_version = 1'; try blank.db
cp b.db newer.db; sql newer.db 'PRAGMA user_version = 99'; try newer.db
cp b.db tampered.db
sql tampered.db "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'mallory' WHERE id = 2"
try tampered.db
$DUCHA --db fresh.db init >/dev/null; $DUCHA --db fresh.db backup broken.db >/dev/null
# Pages 3 to 5 overwritten: what SQLite reports depends on what they held.
yes 'ducha' | head -c 12288 | dd of=broken.db bs=4096 seek=2 conv=notrunc 2>/dev/null
try broken.db 2>&1 | sed 's/^ducha: 拒绝恢复：.*/ducha: 拒绝恢复：（损坏的文件，原因从略）/'
try missing.db
[ "$before" = "$(sql t.db .dump | sha256sum)" ] && echo "database unchanged"

echo "--- only an admin restores; backup files follow the output rules:"
me=$(id -un)
mkdir reports
printf '[database]\npath = t.db\n[report]\nfolder = reports\n[access]\nservice_account = %s\n[users]\nboss = admin\nlook = viewer\n' "$me" > r.ini
DUCHA_CONF=r.ini $DUCHA --user look restore b.db; echo "exit $?"
DUCHA_CONF=r.ini $DUCHA --user look backup elsewhere.db; echo "exit $?"
DUCHA_CONF=r.ini $DUCHA --user look backup reports/look/r.db; echo "exit $?"
$DUCHA --db t.db backup b.db; echo "exit $?"
$DUCHA --db t.db backup --force b.db; echo "exit $?"
$DUCHA --db t.db backup no/such/dir/b.db; echo "exit $?"
echo "--- restore into a database that was lost:"
rm -f lost.db; $DUCHA --db lost.db restore b.db; echo "exit $?"
$DUCHA --db lost.db check
stat -c '%a' lost.db
