# Each role tries each action on its own and on a foreign task; only the
# allowed ones change anything. Identities come through the service account
# (the account running the test) and the --user of its forced command.
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[access]
service_account = $me
[users]
boss = admin
insp = inspector
kewei = reporter:市科委
look = viewer
INI
export DUCHA_CONF=users.ini
$DUCHA --user boss init >/dev/null
for t in 1 3 20; do $DUCHA --user boss update $t --period 2016Q4 --status completed >/dev/null; done
sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp t.db base.db; cp t.db.anchor base.anchor
count() { sqlite3 t.db "SELECT (SELECT count(*) FROM report) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM task WHERE status = 'accepted') || '/' || (SELECT count(*) FROM audit)"; }
# task 3: 市科委 leads; task 1: 市科委 supports; task 20: 市科委 not involved
for user in boss insp kewei look; do
  for task in 3 1 20; do
    for action in update progress comment accept; do
      rm -f t.db-wal t.db-shm; cp base.db t.db; cp base.anchor t.db.anchor   # every trial starts from the same state
      before=$(count)
      case $action in
        update)   $DUCHA --user $user update $task --period 2017Q1 --note "$user 填报" ;;
        progress) $DUCHA --user $user note $task "$user 的进展" ;;
        comment)  $DUCHA --user $user note --comment $task "$user 的意见" ;;
        accept)   $DUCHA --user $user accept $task ;;
      esac >/dev/null 2>err.txt
      rc=$?
      after=$(count)
      changed=no; [ "$before" != "$after" ] && changed=yes
      printf '%-6s task %-2s %-8s exit %s changed %s\n' $user $task $action $rc $changed
      [ $rc -ne 0 ] && [ $changed = yes ] && echo "  !! refused but changed"
      [ $rc -eq 0 ] && [ $changed = no ] && echo "  !! accepted but nothing changed"
    done
  done
done
echo "--- why a refusal is refused:"
$DUCHA --user kewei update 20 --period 2017Q1 --note x
$DUCHA --user look note 3 x
$DUCHA --user insp update 3 --period 2017Q1 --note x
echo "--- accepting needs a task reported completed:"
$DUCHA --user insp accept 15; echo "exit $?"
echo "--- who may not run at all:"
$DUCHA --user nobody-known tasks --area 1 >/dev/null; echo "exit $?"
unset DUCHA_CONF
printf '[users]\nsomeone = viewer\n' > other.ini
$DUCHA --conf other.ini --db t.db tasks --area 1 >/dev/null; echo "exit $?"
$DUCHA --db t.db --user boss tasks --area 1 >/dev/null; echo "exit $?"
printf '[users]\nx = reporter\n' > bad.ini; $DUCHA --conf bad.ini --db t.db tasks; echo "exit $?"
printf '[users]\nx = chief\n' > bad.ini; $DUCHA --conf bad.ini --db t.db tasks; echo "exit $?"
$DUCHA --db t.db check
