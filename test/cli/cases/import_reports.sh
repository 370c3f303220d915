# Quarterly reports in bulk: all or nothing, every bad line listed, the same
# permissions and one audit row per report as `ducha update`.
$DUCHA --db t.db init >/dev/null
data=$TOP/test/data/import
cp "$data/reports-2016.csv" reports.csv
cp "$data/reports-bad.csv" bad.csv
echo "--- a bad file lists every bad line and writes nothing:"
before=$(sqlite3 t.db .dump | sha256sum)
$DUCHA --db t.db import-reports bad.csv; echo "exit $?"
[ "$before" = "$(sqlite3 t.db .dump | sha256sum)" ] && echo "database unchanged"

echo "--- the good file (and its GBK twin, into another database):"
$DUCHA --db t.db import-reports reports.csv; echo "exit $?"
sqlite3 t.db "SELECT t.num, r.period, r.status, replace(r.note, char(10), '/'), r.version,
                     (SELECT group_concat(i.name || '=' || v.value, ' ') FROM report_value v
                       JOIN indicator i ON i.id = v.indicator_id WHERE v.report_id = r.id)
                FROM report r JOIN task t ON t.id = r.task_id ORDER BY t.num, r.period"
$DUCHA --db t.db log --format csv | tail -n +2 | cut -d, -f5,6
iconv -f UTF-8 -t GBK reports.csv > reports-gbk.csv
$DUCHA --db g.db init >/dev/null
$DUCHA --db g.db import-reports reports-gbk.csv; echo "exit $?"
q="SELECT t.num, r.period, r.status, r.note FROM report r JOIN task t ON t.id = r.task_id ORDER BY 1, 2"
[ "$(sqlite3 t.db "$q")" = "$(sqlite3 g.db "$q")" ] && echo "GBK file: the same reports"

echo "--- amending: a second import updates the same reports"
printf 'task,period,indicator,value\n15,2016Q4,科技型企业,2300\n' > more.csv
$DUCHA --db t.db import-reports more.csv; echo "exit $?"
sqlite3 t.db "SELECT r.version, v.value, r.note <> '' FROM report r JOIN task t ON t.id = r.task_id
              JOIN report_value v ON v.report_id = r.id JOIN indicator i ON i.id = v.indicator_id
              WHERE t.num = 15 AND i.name = '科技型企业'"

echo "--- permissions, line by line:"
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[access]
service_account = $me
[users]
kewei = reporter:市科委
look = viewer
INI
printf 'task,period,status,note\n3,2017Q1,in-progress,科委牵头\n20,2017Q1,in-progress,不是科委的任务\n1,2017Q1,,科委配合\n' > mixed.csv
before=$(sqlite3 t.db .dump | sha256sum)
DUCHA_CONF=users.ini $DUCHA --user kewei import-reports mixed.csv; echo "exit $?"
DUCHA_CONF=users.ini $DUCHA --user look import-reports mixed.csv; echo "exit $?"
[ "$before" = "$(sqlite3 t.db .dump | sha256sum)" ] && echo "database unchanged"
# Its own: task 3 and task 6, which 市科委 leads (task 1 it only supports: figures refused above).
printf 'task,period,status,note\n3,2017Q1,in-progress,科委牵头\n6,2017Q1,,科委牵头\n' > own.csv
DUCHA_CONF=users.ini $DUCHA --user kewei import-reports own.csv; echo "exit $?"
sqlite3 t.db "SELECT user, role, action, object FROM audit WHERE user = 'kewei'"

echo "--- another plan's tasks, with --plan:"
$DUCHA --db t.db export -o plan.csv 2>/dev/null
$DUCHA --db t.db import-plan plan.csv --code RT --title 往返 >/dev/null
printf 'task,period,indicator,value\n15,2017Q1,科技型企业,10\n' > rt.csv
$DUCHA --db t.db --plan RT import-reports rt.csv; echo "exit $?"
sqlite3 t.db "SELECT p.code, t.num, r.period FROM report r JOIN task t ON t.id = r.task_id
              JOIN plan p ON p.id = t.plan_id WHERE r.period = '2017Q1' AND t.num = 15"
# RT's indicators are its own, proposed from the text: 研发经费投入, not 撬动研发经费投入.
printf 'task,period,indicator,value\n12,2017Q1,撬动研发经费投入,10\n' > name.csv
$DUCHA --db t.db --plan RT import-reports name.csv; echo "exit $?"

echo "--- header and usage problems:"
printf 'task,indicator,value\n15,科技型企业,1\n' > nohead.csv
$DUCHA --db t.db import-reports nohead.csv; echo "exit $?"
printf 'task,period,indicator\n15,2016Q4,科技型企业\n' > half.csv
$DUCHA --db t.db import-reports half.csv; echo "exit $?"
$DUCHA --db t.db import-reports; echo "exit $?"
$DUCHA --db t.db check
