# A read-only database can be read, and saving says why it cannot; a database
# locked by someone else past the busy timeout gives a clear retry message.
$DUCHA --db t.db init >/dev/null
sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
chmod 0444 t.db
if [ "$(id -u)" -eq 0 ]; then
  # root ignores file modes: read as an unprivileged user instead
  chmod 0755 .
  runro() { su nobody -s /bin/sh -c "cd '$PWD' && $*"; }
  mkdir -p rodir && cp t.db rodir/t.db && chmod 0755 rodir && chmod 0444 rodir/t.db
  runro "$DUCHA --db rodir/t.db tasks --area 4 --format csv | wc -l"
  runro "$DUCHA --db rodir/t.db note 29 x"; echo "exit $?"
else
  $DUCHA --db t.db tasks --area 4 --format csv | wc -l
  $DUCHA --db t.db note 29 x; echo "exit $?"
fi
chmod 0660 t.db
printf '[database]\nbusy_timeout_ms = 200\n' > quick.ini
# The other writer says through a pipe when it holds the lock, and lets go
# when told: no guessing with sleep.
mkfifo locked release
python3 - <<'PY' &
import sqlite3
c = sqlite3.connect("t.db", isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open("locked", "w").write("held\n")
open("release").read()
c.execute("ROLLBACK")
PY
read -r _ < locked
$DUCHA --conf quick.ini --db t.db note 29 "锁住时的进展" 2>&1 | sed -E 's/\[SQL: .*\]//'; echo "exit ${PIPESTATUS[0]}"
echo go > release
wait
$DUCHA --conf quick.ini --db t.db note 29 "解锁后的进展"; echo "exit $?"
