# A note's author edits or withdraws it (audited, shown as edited); nobody
# else may, nor a viewer, nor an author the rules no longer let write there.
# Withdrawn notes leave the screen, the documents and the search, not the
# trail; `check` replays every edit and notices one made behind its back.
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[access]
service_account = $me
[users]
boss = admin
insp = inspector
insp2 = inspector
kewei = reporter:市科委
look = viewer
INI
export DUCHA_CONF=users.ini
$DUCHA --user boss init >/dev/null
$DUCHA --user insp note 3 "请市科委加快进度"
$DUCHA --user kewei note 3 "已完成第一批认定"
ids() { sqlite3 t.db "SELECT id || ' ' || kind || ' ' || author || ' ' || withdrawn || ' ' || (edited IS NOT NULL) || ' ' || text FROM note ORDER BY id"; }
ids
echo "--- the author edits"
$DUCHA --user insp note 3 --edit 1 "请市科委本季度内完成认定"
$DUCHA --user insp show 3 | sed -n '/^进展情况/,$p' | sed 's/20[0-9-]*T[0-9:.]*Z/TIME/g'
$DUCHA --user insp show 3 --format json | /usr/bin/python3 -c 'import json,sys; t=json.load(sys.stdin)
for n in t["notes"]: print(n["id"], n["kind"], n["edited"] is not None, n["text"])'
echo "--- nobody else"
$DUCHA --user insp2 note 3 --edit 1 "别人的意见"; echo "rc $?"
$DUCHA --user boss note 3 --withdraw 1; echo "rc $?"
$DUCHA --user look note 3 --withdraw 1; echo "rc $?"
$DUCHA --user kewei note 3 --edit 1 "改别人的"; echo "rc $?"
echo "--- bad input"
$DUCHA --user insp note 3 --edit 1 "请市科委本季度内完成认定"; echo "rc $?"
$DUCHA --user insp note 3 --edit x1 "文字"; echo "rc $?"
$DUCHA --user insp note 3 --edit 1; echo "rc $?"
$DUCHA --user insp note 3 --withdraw 1 "文字"; echo "rc $?"
$DUCHA --user insp note 3 --edit 1 --withdraw 1 "文字"; echo "rc $?"
$DUCHA --user insp note 4 --edit 1 "不是这项任务的"; echo "rc $?"
$DUCHA --user insp note 3 --edit 99 "没有这条"; echo "rc $?"
$DUCHA --user insp note 3 --edit 1 "$(printf 'a\033[31mb')"; echo "rc $?"
ids
echo "--- a reporter who moved to another agency cannot change what they wrote"
sed 's/kewei = reporter:市科委/kewei = reporter:市教委/' users.ini > moved.ini
DUCHA_CONF=moved.ini $DUCHA --user kewei note 3 --withdraw 2; echo "rc $?"
echo "--- the author withdraws"
$DUCHA --user kewei note 3 --withdraw 2
$DUCHA --user kewei note 3 --withdraw 2; echo "rc $?"
$DUCHA --user kewei show 3 | sed -n '/^进展情况/,$p' | sed 's/20[0-9-]*T[0-9:.]*Z/TIME/g'
$DUCHA --user insp note 3 "临时意见，随后撤回" >/dev/null && $DUCHA --user insp note 3 --withdraw 3
$DUCHA --user boss report --agency 市科委 | tr -d '\n' > notice.txt
echo "督办单: the edited comment $(grep -c '督查意见：请市科委本季度内完成认定' notice.txt), the withdrawn one $(grep -c '临时意见' notice.txt)"
echo "search index: $(sqlite3 t.db "SELECT group_concat(rowid) FROM search_text WHERE search_text MATCH '第一批认定'") / $(sqlite3 t.db "SELECT group_concat((rowid % 4) || ':' || (rowid / 4)) FROM search_text WHERE search_text MATCH '本季度内完成'")"
sqlite3 t.db "SELECT user, action, object, json_extract(old, '$.text'), json_extract(new, '$.text'), json_extract(new, '$.withdrawn'), json_extract(new, '$.edited') IS NOT NULL FROM audit WHERE action = 'note' ORDER BY id"
$DUCHA --user boss export --format json | /usr/bin/python3 -c 'import json,sys; p=json.load(sys.stdin)
print("exported notes:", [n["text"] for t in p["tasks"] for n in t["notes"]])'
$DUCHA --user look check
echo "--- edited behind the program's back"
cp t.db keep.db
sqlite3 t.db "UPDATE note SET withdrawn = 0 WHERE id = 2"
$DUCHA --user look check; echo "rc $?"
cp keep.db t.db; rm -f t.db-wal t.db-shm
sqlite3 t.db "UPDATE note SET text = '悄悄改过' WHERE id = 1"
$DUCHA --user look check; echo "rc $?"
