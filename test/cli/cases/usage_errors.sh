# Help, version and bad arguments.
$DUCHA --version
$DUCHA --help | head -3
$DUCHA update --help | head -2
$DUCHA frobnicate; echo "exit $?"
$DUCHA --bogus; echo "exit $?"
$DUCHA --as-of 2017-02-30 tasks; echo "exit $?"
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db tasks --area 9x; echo "exit $?"
$DUCHA --db t.db tasks --format xml; echo "exit $?"
$DUCHA --db t.db tasks --agency 市不存在委; echo "exit $?"
$DUCHA --db t.db show; echo "exit $?"
$DUCHA --db t.db show 0; echo "exit $?"
$DUCHA --db t.db show 39; echo "exit $?"
$DUCHA --db t.db tasks --agency "市 发 展 改 革 委" --format csv | wc -l
