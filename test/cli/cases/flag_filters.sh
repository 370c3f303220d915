# tasks --flag and lagging --area / --agency / --format on the demo database.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
echo "--- tasks --flag lagging"
$D tasks --flag lagging
echo "--- tasks --flag ok --format csv (id, flag)"
$D tasks --flag ok --format csv | cut -d, -f1,6
echo "--- lagging --area 5"
$D lagging --area 5
echo "--- lagging --agency 市中小企业局 --format csv (task, indicator, flag)"
$D lagging --agency 市中小企业局 --format csv | cut -d, -f1,3,4
echo "--- the as-of date on the command line wins over the config"
$D --as-of 2017-10-20 lagging --area 1 --format csv | cut -d, -f1,3,4
echo "--- errors"
$D tasks --flag late; echo "exit $?"
$D lagging --area 9x; echo "exit $?"
$D lagging --format html; echo "exit $?"
$D lagging --agency 没有这个单位; echo "exit $?"
$D lagging extra; echo "exit $?"
$DUCHA --db missing.db lagging; echo "exit $?"
