# Issue 15: verdicts an office can defend, on the built-in plan. Each figure
# is judged at the end of its own quarter; overdue waits for the report of
# the due date's quarter; baselines are edited by an administrator (audited)
# and every verdict follows them; annual figures count within their year.
me=$(id -un)
cat > users.ini <<INI
[database]
path = t.db
[access]
service_account = $me
[users]
boss = admin
insp = inspector
kewei = reporter:市科委
INI
export DUCHA_CONF=users.ini
D() { $DUCHA --user "$@"; }
D boss init >/dev/null
flag() {  # AS_OF TASK [N]: the task's (or its indicator N's) flag and reason
  D boss --as-of "$1" show "$2" --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
x = t["indicators"][n - 1] if n else t
print(x["flag"], "|", x.get("reason", x.get("flag_reason")))' $3
}

echo "--- task 16: 151 for 2017Q3 is judged at 2017Q3's 序时, not December's"
D boss --as-of 2017-01-10 update 16 --period 2016Q4 --set 改造新建众创空间=210 \
  --set "高等院校及区县（自治县）众创空间全覆盖=1" >/dev/null
D boss --as-of 2017-10-10 update 16 --period 2017Q3 --set 改造新建众创空间=151 >/dev/null
echo "2017-12-10: $(flag 2017-12-10 16 1)"

echo "--- task 13: 490 for 2017Q3 waits for 2017Q4's report, then is overdue"
D boss --as-of 2017-10-10 update 13 --period 2017Q3 --set 累计培育新型科技平台=490 >/dev/null
echo "2018-01-05: $(flag 2018-01-05 13)"
echo "2018-01-20: $(flag 2018-01-20 13)"
D boss --as-of 2018-01-10 update 13 --period 2017Q4 --set 累计培育新型科技平台=495 >/dev/null
echo "2018-01-12, 2017Q4 says 495: $(flag 2018-01-12 13)"

echo "--- task 6: 年度技术交易合同额 counts within 2017; 2016's figure is not judged"
D boss --as-of 2017-01-10 update 6 --period 2016Q4 --set 年度技术交易合同额=210 >/dev/null
echo "2017-01-10: $(flag 2017-01-10 6 2)"
D boss --as-of 2017-04-10 update 6 --period 2017Q1 --set 年度技术交易合同额=45 >/dev/null
echo "2017-04-20: $(flag 2017-04-20 6 2)"

echo "--- task 24: a baseline set by an administrator moves its 序时; log shows who"
D boss --as-of 2017-10-10 update 24 --period 2017Q3 --set 微型企业=45 >/dev/null
echo "基数未设: $(flag 2017-12-10 24 2)"
D insp indicator 24 2 --baseline 30; echo "inspector: exit $?"
D boss indicator 24 2 --baseline 30 --baseline-date 2015-12-31 --baseline-source 2015年统计公报
echo "基数 30: $(flag 2017-12-10 24 2)"
D boss indicator 24 2 --baseline 40 >/dev/null
echo "基数 40: $(flag 2017-12-10 24 2)"
D boss log 24 --format csv | cut -d, -f3-5 | grep indicator
D boss check >/dev/null && echo "check passes after the edits"

echo "--- refused edits name the problem"
D boss indicator 24 2 --baseline 60; echo "exit $?"
D boss indicator 4 1 --baseline 3; echo "exit $?"
D boss indicator 24 1 --target 2; echo "exit $?"
D boss indicator 24 2 --mode yearly; echo "exit $?"
D boss indicator 24 --name x; echo "exit $?"

echo "--- show 15 lists 科技小巨人企业 with its source"
D boss show 15 | grep -A2 "培育科技小巨人企业$"
D boss indicator 15

echo "--- the deadline that drives the flag, and flag sets"
D boss --as-of 2017-03-01 tasks --flag 'overdue' | cut -c1-40
D boss --as-of 2017-03-01 tasks --flag '滞后+' --format csv | cut -d, -f1 | tr '\n' ' '; echo
D boss --as-of 2017-03-01 tasks --flag 预警 --format csv | wc -l
D boss tasks --flag 'bad+'; echo "exit $?"

echo "--- a baseline's source changed behind the program's back is caught by check"
sqlite3 t.db "UPDATE indicator SET baseline_source = '伪造' WHERE name = '微型企业'"
D boss check 2>&1 | tail -1; echo "exit ${PIPESTATUS[0]}"
