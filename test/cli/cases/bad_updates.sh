# Each bad update gives one line on stderr, a non-zero exit, and changes nothing.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=100 >/dev/null
before=$(sqlite3 t.db .dump | sha256sum)
try() { "$@" 2>err.txt >out.txt; rc=$?; echo "exit $rc, stderr lines $(wc -l < err.txt), stdout lines $(wc -l < out.txt)"; cat err.txt; }
try $DUCHA --db t.db update 15 --period 2016Q5 --set 科技型企业=2100
try $DUCHA --db t.db update 99 --period 2016Q4 --set 科技型企业=2100
try $DUCHA --db t.db update 15 --period 2016Q4 --set 科技企业=2100
try $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=很多
try $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=-5
try $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=1e99
try $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 --set 促进中小企业科技成果转化=x
try $DUCHA --db t.db update 15 --period 2016Q4
try $DUCHA --db t.db update 15 --period 2016Q4 --status done
try $DUCHA --db t.db update abc --period 2016Q4 --note x
try $DUCHA --db t.db update 7 --period 2016Q2 --set 路线图发布=2
try $DUCHA --db t.db update 15 --period 2016Q4 --note "$(printf 'bad \033[2J clear')"
try $DUCHA --db t.db note 15 ""
try $DUCHA --db t.db note 15 "$(printf 'x\xffy')"
try $DUCHA --db t.db note 15 "$(head -c 2001 /dev/zero | tr '\0' 'a')"
after=$(sqlite3 t.db .dump | sha256sum)
[ "$before" = "$after" ] && echo "database unchanged" || echo "DATABASE CHANGED"
