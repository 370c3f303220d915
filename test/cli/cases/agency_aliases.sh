# Other names an agency goes by: set by an administrator (audited, replayed
# by check), used by --agency and by import-plan (a table that writes
# 市发改委 files the task under 市发展改革委, no new agency); refused for
# an agency's own name, a second agency, a missing agency, a non-admin.
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
$DUCHA --user boss init >/dev/null
$DUCHA --user boss agencies --alias 市发展改革委=市发改委; echo "exit $?"
$DUCHA --user boss agencies --alias "市经济信息委=市 经信委"; echo "exit $?"
$DUCHA --user insp agencies --alias 市科委=科委; echo "exit $?"
$DUCHA --user boss agencies --alias 市科委=市发改委; echo "exit $?"
$DUCHA --user boss agencies --alias 市科委=市教委; echo "exit $?"
$DUCHA --user boss agencies --alias 没有这个单位=某某; echo "exit $?"
$DUCHA --user boss agencies --alias 市科委; echo "exit $?"
$DUCHA --user boss agencies --alias "市科委=$(printf 'a\033[2Jb')"; echo "exit $?"
$DUCHA --user boss agencies --aliases
$DUCHA --user boss agencies --aliases --format csv
echo "--- --agency takes an alias"
[ "$($DUCHA --user insp tasks --agency 市发改委 --format csv)" = "$($DUCHA --user insp tasks --agency 市发展改革委 --format csv)" ] && echo "市发改委 lists 市发展改革委's tasks"
echo "--- a table written with aliases"
printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,推动建设研发中心,2018年年底前,"市发改委\n市经信委",市科委\n' > alias.csv
$DUCHA --user boss import-plan alias.csv --code AL --title 别名 --dry-run | grep "单位：\|^合计"
$DUCHA --user boss import-plan alias.csv --code AL --title 别名 | sed 's/（文件编码.*//'
$DUCHA --user boss --plan AL tasks --format csv | cut -d, -f1,5-
echo "agencies: $(sqlite3 t.db 'SELECT count(*) FROM agency')"
echo "--- an agency by its name and by an alias: once; in both roles: refused"
printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,任务甲,2018年年底前,"市发改委、市发展改革委",市科委\n' > twice.csv
$DUCHA --user boss import-plan twice.csv --code TW --title 两次 | sed 's/（文件编码.*//'
$DUCHA --user boss --plan TW tasks --format csv | cut -d, -f7
printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,任务乙,2018年年底前,市发改委,市发展改革委\n' > both.csv
$DUCHA --user boss import-plan both.csv --code BO --title 两种; echo "exit $?"
$DUCHA --user boss --plan TW edit task 1 --lead 市发改委 --support 市发展改革委; echo "exit $?"
$DUCHA --user boss check
echo "--- taken away, and behind the program's back"
$DUCHA --user boss agencies --unalias 市经信委; echo "exit $?"
$DUCHA --user boss agencies --unalias 市经信委; echo "exit $?"
$DUCHA --user boss check
sqlite3 t.db "INSERT INTO agency_alias VALUES ('科委', (SELECT id FROM agency WHERE name = '市科委'))"
$DUCHA --user boss check; echo "exit $?"
sqlite3 t.db "SELECT action, object, json_extract(old, '$.agency'), json_extract(new, '$.agency') FROM audit WHERE action = 'alias' ORDER BY id"
