# Every agency named in the 分工表, with its lead and support counts.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db agencies
$DUCHA --db t.db agencies --format csv
