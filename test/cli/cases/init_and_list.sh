# init the built-in plan, then count what the lists give.
$DUCHA --db t.db init
echo "tasks csv rows (with header): $($DUCHA --db t.db tasks --format csv | wc -l)"
$DUCHA --db t.db tasks --format csv | head -1
echo "area 1 tasks: $($DUCHA --db t.db tasks --area 1 --format csv | tail -n +2 | wc -l)"
for a in 2 3 4 5; do echo "area $a tasks: $($DUCHA --db t.db tasks --area $a --format csv | tail -n +2 | wc -l)"; done
$DUCHA --db t.db tasks --area 2
$DUCHA --db t.db tasks --agency 市金融办 --format csv
