# A database of schema version 6 (notes could not be edited or withdrawn)
# is brought to version 7 on first open: its notes are kept, they can then
# be edited, and the schema equals a fresh one, so `check` passes.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db note 9 "第一条进展" >/dev/null
$DUCHA --db t.db note 9 "第二条进展" >/dev/null
# back to version 6: the note table as it was then, its rows kept
{ echo "PRAGMA foreign_keys = OFF; BEGIN; DROP INDEX note_task;"
  for t in insert update delete withdraw; do echo "DROP TRIGGER note_search_$t;"; done
  echo "ALTER TABLE note RENAME TO note_new;"
  cat "$TOP/test/data/note-v6.sql"
  echo "DELETE FROM search_text WHERE rowid % 4 = 1;"
  echo "INSERT INTO note SELECT id, task_id, kind, text, author, created, demo FROM note_new;"
  echo "DROP TABLE note_new; PRAGMA user_version = 6; COMMIT;"; } | sqlite3 t.db
echo "before: version $(sqlite3 t.db 'PRAGMA user_version'), columns $(sqlite3 t.db "SELECT group_concat(name, ' ') FROM pragma_table_info('note')"), triggers $(sqlite3 t.db "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'note' ORDER BY name)")"
$DUCHA --db t.db check
echo "after: version $(sqlite3 t.db 'PRAGMA user_version'), columns $(sqlite3 t.db "SELECT group_concat(name, ' ') FROM pragma_table_info('note')")"
sqlite3 t.db "SELECT id, text, withdrawn, edited IS NULL FROM note ORDER BY id"
$DUCHA --db t.db note 9 --edit 2 "第二条进展（更正）"
$DUCHA --db t.db note 9 --withdraw 1
$DUCHA --db t.db check
$DUCHA --db fresh.db init >/dev/null
schema() { sqlite3 "$1" "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"; }
[ "$(schema t.db)" = "$(schema fresh.db)" ] && echo "the migrated schema is the shipped one"
echo "searched: $(sqlite3 t.db "SELECT group_concat(rowid, ' ') FROM search_text WHERE search_text MATCH '条进展'") (note 2 only: rowid 9)"
