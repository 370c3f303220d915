# Hostile text: refused when entered; when planted in the database by another
# tool, shown harmlessly by every command and format.
$DUCHA --db t.db init >/dev/null
safe() { python3 "$TOP/test/tools/terminal_safe.py"; }
for bad in $'clear \e[2J screen' $'osc52 \e]52;c;aGFjaw==\a' $'raw \x9b byte' $'c1 \xc2\x9b csi' $'bidi \xe2\x80\xae override' \
           $'isolate \xe2\x81\xa6 x' $'line \xe2\x80\xa8 sep' $'del \x7f x' $'bell \a x' $'overlong \xc0\xaf' $'surrogate \xed\xa0\x80'; do
  $DUCHA --db t.db note 15 "$bad" 2>&1 | safe >/dev/null || echo "error message itself unsafe"
  $DUCHA --db t.db note 15 "$bad" >/dev/null 2>err.txt; echo "note exit $?: $(cat err.txt)"
  $DUCHA --db t.db update 15 --period 2017Q1 --note "$bad" >/dev/null 2>&1; echo "update exit $?"
done
echo "notes stored: $(sqlite3 t.db 'SELECT count(*) FROM note')"
# now plant the same bytes directly, as another tool might
sqlite3 t.db "INSERT INTO note (task_id, kind, text, author, created) VALUES
  (15, 'progress', 'planted ' || char(27) || '[2J ' || char(27) || ']52;c;aGk=' || char(7) || ' ' || char(155) || ' ' || char(8238) || ' end', 'x' || char(27) || '[31m', '2017-01-01T00:00:00Z');
  UPDATE task SET text = text || CAST(x'9b41' AS TEXT) WHERE num = 15;
  UPDATE agency SET name = name || char(27) || '[5m' WHERE name = '市中小企业局';"
for cmd in "show 15" "show 15 --format json" "tasks" "tasks --format csv" "tasks --format json" \
           "agencies" "agencies --format csv" "agencies --format json" "log" "log --format csv" "log --format json"; do
  printf '%-24s %s\n' "$cmd" "$($DUCHA --db t.db $cmd 2>&1 | safe)"
done
$DUCHA --db t.db show 15 | grep -a planted
$DUCHA --db t.db show 15 | grep -a -A1 '牵头单位'
