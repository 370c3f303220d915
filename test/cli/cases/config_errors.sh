# A config that does not parse is refused with the file, section and key named.
$DUCHA --db t.db init >/dev/null
printf '[flags]\nbehind = 0.9x\n' > a.ini;           $DUCHA --conf a.ini --db t.db tasks; echo "exit $?"
printf '[colour]\nx = 1\n' > b.ini;                  $DUCHA --conf b.ini --db t.db tasks; echo "exit $?"
printf '[report]\npage_width = 20\n' > c.ini;        $DUCHA --conf c.ini --db t.db tasks; echo "exit $?"
printf '[general]\nas_of = 2017-13-01\n' > d.ini;    $DUCHA --conf d.ini --db t.db tasks; echo "exit $?"
printf '[ui]\nlang = fr\n' > e.ini;                  $DUCHA --conf e.ini --db t.db tasks; echo "exit $?"
printf '[ui]\nlang = zh\0\n' > f.ini;                $DUCHA --conf f.ini --db t.db tasks; echo "exit $?"
printf '[ui\nlang = zh\n' > g.ini;                   $DUCHA --conf g.ini --db t.db tasks; echo "exit $?"
head -c 3000 /dev/zero | tr '\0' 'x' > h.ini;        $DUCHA --conf h.ini --db t.db tasks; echo "exit $?"
$DUCHA --conf nowhere.ini --db t.db tasks; echo "exit $?"
printf '[flags]\nbehind = 0.5\nlagging = 0.8\n' > i.ini; $DUCHA --conf i.ini --db t.db tasks; echo "exit $?"
# the database path in the config is taken relative to the config file
mkdir -p sub && printf '[database]\npath = data.db\n' > sub/j.ini
$DUCHA --conf sub/j.ini init >/dev/null && ls sub/data.db
DUCHA_CONF=sub/j.ini $DUCHA tasks --area 4 --format csv | wc -l
DUCHA_DB=t.db $DUCHA tasks --area 5 --format csv | wc -l
