# The quarterly cycle (填报 → 审核 → 销号), each rule of DESIGN.md on the
# built-in plan as of 2017-12-10: who files what, the calendar and its
# locks, review and return, acceptance and its undoing.
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[general]
as_of = 2017-12-10
[access]
service_account = $me
[users]
boss = admin
insp = inspector
kewei = reporter:市科委
jingxin = reporter:市经济信息委
INI
export DUCHA_CONF=users.ini
D() { $DUCHA --user "$@"; }
D boss init >/dev/null
count() { sqlite3 t.db "SELECT count(*) FROM report"; }

echo "--- a supporting agency: figures refused (the lead named), its 配合情况 taken"
# task 1: 市发展改革委 and 市经济信息委 lead, 市科委 supports
D kewei update 1 --period 2017Q4 --set 推动建设研发创新中心=1; echo "exit $?"
D kewei note 1 "已协助对接两家研发创新中心"; echo "exit $?"
sqlite3 t.db "SELECT kind, author FROM note"
D boss show 1 | grep -A1 "配合情况  " | sed 's/20[0-9][0-9]-[0-9T:.Z-]*/TIME/'


# The 督办单 of a supporting agency carries the 配合情况 on the item.
D boss report --agency 市科委 | tr -d '\n' | grep -o "第1项：[^。]*。\|配合情况：[^。]*。" | head -2
echo "--- without --period: the quarter due now, said"
D jingxin update 5 --set 引进或共建国外研发机构=20 --note "四季度进展"; echo "exit $?"
echo "--- 2017q4 in lower case is the same quarter; 2018Q1 has not begun"
D jingxin update 5 --period 2017q4 --note "补充说明"; echo "exit $?"
D jingxin update 5 --period 2018Q1 --note x; echo "exit $?"

echo "--- an empty report and an implausible figure"
D jingxin update 5 --period 2017Q4 --note ""; echo "exit $?"
D jingxin update 5 --period 2017Q4 --set 引进或共建国外研发机构=10; echo "exit $?"
D jingxin update 5 --period 2017Q4 --set 引进或共建国外研发机构=200; echo "exit $?"
D jingxin update 5 --period 2017Q4 --set 引进或共建国外研发机构=200 --yes >/dev/null; echo "with --yes: exit $?"

echo "--- 2017Q3 (due 2017-10-15): a first report is 迟报; once there, locked"
D jingxin update 5 --period 2017Q3 --set 引进或共建国外研发机构=16 >/dev/null; echo "first late report: exit $?"
sqlite3 t.db "SELECT period, late FROM report r JOIN task t ON t.id = r.task_id WHERE t.num = 5 ORDER BY period"
D jingxin update 5 --period 2017Q3 --set 引进或共建国外研发机构=17; echo "exit $?"
D kewei reopen 5 --period 2017Q3 --reason x; echo "a reporter reopens: exit $?"
D insp reopen 5 --period 2017Q3; echo "no reason: exit $?"
D insp reopen 5 --period 2017Q4 --reason "不需要"; echo "not locked: exit $?"
D insp reopen 5 --period 2017Q3 --reason "补充国外研发机构名单"; echo "exit $?"
D jingxin update 5 --period 2017Q3 --set 引进或共建国外研发机构=17 >/dev/null; echo "after reopen: exit $?"
D jingxin update 5 --period 2017Q3 --set 引进或共建国外研发机构=18; echo "once more: exit $?"

echo "--- review: a returned report does not count until resubmitted"
D kewei review 5 --period 2017Q4 --pass; echo "a reporter reviews: exit $?"
D insp review 5 --period 2017Q4; echo "neither --pass nor --return: exit $?"
D insp review 5 --period 2017Q4 --return "数字与台账不一致，请核实"; echo "exit $?"
D boss lagging --format csv | grep "^[a-z-]*,[^,]*,5,国外研发机构" | cut -d, -f1,3,4,6,7
D boss show 5 | grep "任务状态"
D insp review 5 --period 2017Q4 --pass; echo "passing a returned report: exit $?"
D jingxin update 5 --period 2017Q4 --set 引进或共建国外研发机构=200 --yes >/dev/null; echo "resubmitted: exit $?"
D boss lagging --format csv | grep -q "^[a-z-]*,[^,]*,5,国外研发机构" || echo "国外研发机构 200 counts again: no longer flagged"
D insp review 5 --period 2017Q4 --pass; echo "exit $?"
D boss show 5 | grep -A1 "2017Q4  " | sed 's/20[0-9][0-9]-[0-9T:.Z-]*/TIME/g'


echo "--- 销号: refused with its one reason; a 2999Q4 report does not count"
D insp accept 5; echo "exit $?"
sqlite3 t.db "INSERT INTO report (task_id, period, status, author, created) SELECT id, '2999Q4', 'completed', 'x', '2017-01-01T00:00:00Z' FROM task WHERE num = 15"
D insp accept 15; echo "exit $?"
D jingxin update 7 --period 2017Q4 --status completed >/dev/null
D kewei accept 7; echo "a reporter: exit $?"
D insp accept 7; echo "exit $?"
D insp accept 7 2>&1 | sed 's/于 20[0-9-]* 由/于 DATE 由/'; echo "again: exit ${PIPESTATUS[0]}"
D boss show 7 | grep "任务状态" | sed 's/20[0-9-]*）$/DATE）/'
D insp accept 7 --undo; echo "undo without a reason: exit $?"
D insp accept 7 --undo --reason "验收材料不全"; echo "exit $?"
D boss show 7 | grep "任务状态"
D insp accept 7 --undo --reason "再次"; echo "undo again: exit $?"
sqlite3 t.db "SELECT action, object, json_extract(new, '$.why') FROM audit WHERE action IN ('review', 'reopen') OR json_extract(new, '$.why') IS NOT NULL ORDER BY id"
# check names the 2999Q4 report written behind its back
D boss check; echo "check: exit $?"
