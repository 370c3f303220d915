# A quarterly report stored by update is shown by show, and audited.
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 --note "2016年新认定科技型企业2100家" --status 进行中
$DUCHA --db t.db show 15 | sed -n '/季度填报/,/进展情况/p' | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z/<time>/; s/  [a-z_][a-z0-9_-]*  <time>/  <user>  <time>/'
# amending the same quarter keeps one report and bumps its version
$DUCHA --db t.db update 15 --period 2016Q4 --set 促进中小企业科技成果转化=80
$DUCHA --db t.db show 15 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
print("reports:", len(t["reports"]), "values:", t["reports"][0]["values"], "note:", t["reports"][0]["note"])'
$DUCHA --db t.db note 15 "市中小企业局：已完成2016年度认定工作"
$DUCHA --db t.db note --comment 15 "请加快科技型企业培育进度"
$DUCHA --db t.db log 15 --format csv | cut -d, -f5,6
$DUCHA --db t.db check
