# Editing a plan after its import (administrators; audited as 'plan' with
# the old and the new definition, and check follows): a task's text,
# deadline (its indicators follow), agencies (split and resolved as the
# importer does; a new one only with --yes) and measure; areas' titles and
# short labels and measures' titles, one at a time or from a table
# (import-plan --areas). Nobody else may; bad input changes nothing.
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[access]
service_account = $me
[users]
boss = admin
insp = inspector
INI
export DUCHA_CONF=users.ini
A="$DUCHA --user boss"
$A init >/dev/null
$A agencies --alias 市经济信息委=市经信委 >/dev/null
rows() { sqlite3 t.db "SELECT count(*) FROM audit"; }
echo "--- a task"
$A edit task 5 --text "引进或共建国外研发机构
35个以上" --deadline "2018年
年底前" --lead "市经信委、市 科 委" --support ""; echo "exit $?"
$A show 5 | sed -n '4,9p'
$A show 5 --format json | /usr/bin/python3 -c 'import json,sys; t=json.load(sys.stdin); print("indicators due", sorted({i["due"] for i in t["indicators"]}))'
$A edit task 5 --measure 4; echo "exit $?"
$A show 5 | sed -n 2p
before=$(rows)
$A edit task 5 --support "市大数据局"; echo "exit $?"
$A edit task 5 --lead "市科委" --support "市科委"; echo "exit $?"
$A edit task 5 --lead ""; echo "exit $?"
$A edit task 5 --deadline "明年"; echo "exit $?"
$A edit task 5 --measure 99; echo "exit $?"
$A edit task 5 --text "$(printf 'a\033[2Jb')"; echo "exit $?"
$A edit task 99 --text x; echo "exit $?"
$A edit task 5; echo "exit $?"
$A edit task x --text y; echo "exit $?"
$A edit plan 1 --title y; echo "exit $?"
$DUCHA --user insp edit task 5 --text "督查改的"; echo "exit $?"
[ "$(rows)" = "$before" ] && echo "nothing was written"
$A edit task 5 --support "市大数据局" --yes; echo "exit $?"
$A edit task 5 --lead "市大数据局"; echo "exit $?"   # it supports already
echo "--- areas and measures"
$A edit area 2 --short 双创; echo "exit $?"
$A edit measure 1 --title "加快建设全国领先的创新研发平台"; echo "exit $?"
$A edit measure 1 --short x; echo "exit $?"
$A edit area 9 --title x; echo "exit $?"
$A tasks --area 2 | sed -n 2p | cut -c1-30
printf '领域,措施,标题,简称\n一、,,创新能力再突破,能力\n,（二十一）,完善投融资服务,\n' > areas.csv
$A import-plan areas.csv --areas --dry-run
$A import-plan areas.csv --areas; echo "exit $?"
$DUCHA --user insp import-plan areas.csv --areas; echo "exit $?"
printf '领域,标题\n十一,甲\n' > bad.csv; $A import-plan bad.csv --areas; echo "exit $?"
sqlite3 t.db "SELECT object, json_extract(old, '$.title'), json_extract(new, '$.title'), json_extract(new, '$.short') FROM audit WHERE action = 'plan' AND object NOT LIKE 'task%' ORDER BY id"
sqlite3 t.db "SELECT object, json_extract(old, '$.lead'), json_extract(new, '$.lead'), json_extract(new, '$.deadline') FROM audit WHERE action = 'plan' AND object LIKE 'task%' ORDER BY id"
$A check
echo "--- changed behind the program's back"
sqlite3 t.db "UPDATE area SET short = '手改' WHERE num = 3"
$A check; echo "exit $?"
