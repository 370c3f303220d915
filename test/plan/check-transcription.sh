#!/usr/bin/env bash
# Checks db/plan-cq-2016-25.sql (the built-in plan, 渝府办发〔2016〕25号)
# against the source document test/data/plan-source.txt.
#
# Run from the repository root:   bash test/plan/check-transcription.sh
# Overrides (for testing the test): PLAN_SQL=path/to/copy.sql  PLAN_SRC=path/to/source.txt
#
# Needs only bash, sqlite3 (CLI, >= 3.37 for STRICT tables), coreutils, grep, sed.
# Exits non-zero if any check fails.

set -u
export LC_ALL=C   # byte-wise matching: UTF-8 substrings match as byte substrings

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PLAN_SQL=${PLAN_SQL:-$ROOT/db/plan-cq-2016-25.sql}
PLAN_SRC=${PLAN_SRC:-$ROOT/test/data/plan-source.txt}
SRC_SHA256=195cea469801f058633b1cd5ef7e264b6bb8fdd9bfcac89fbcd3103441e4f82e

TMP=$(mktemp -d "${TMPDIR:-/tmp}/check-transcription.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/plan.db
US=$'\x1f'   # field separator for sqlite3 output (never occurs in the data)
CTRL=$'\t\r\n\f\v'$US

total_pass=0 total_fail=0 sec_pass=0 sec_fail=0 sec_name=
section() { sec_name=$1; sec_pass=0; sec_fail=0; }
endsection() {
  printf '%-34s %d passed, %d failed\n' "$sec_name:" "$sec_pass" "$sec_fail"
  total_pass=$((total_pass + sec_pass)); total_fail=$((total_fail + sec_fail))
}
ok()  { sec_pass=$((sec_pass + 1)); }
bad() { sec_fail=$((sec_fail + 1)); printf '  FAIL: %s\n' "$*" >&2; }
check() { # check DESCRIPTION GOT WANT
  if [[ "$2" == "$3" ]]; then ok; else bad "$1: got [${2//$US/|}], want [${3//$US/|}]"; fi
}
check_lines() { # check_lines DESCRIPTION GOT WANT  (multi-line values: show a diff)
  if [[ "$2" == "$3" ]]; then ok; else
    bad "$1 differ (< got, > want):"
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | grep '^[<>]' | sed 's/^/        /' >&2
  fi
}
q() { sqlite3 -batch -noheader -separator "$US" "$DB" "$1"; }
# occurrences of fixed string $1 in file $2
count_in() { grep -oF -e "$1" -- "$2" | wc -l; }
strip_ws() { tr -d ' \n\f\r\t\v'; }

# ---------------------------------------------------------------- build
section "build"
for f in "$ROOT/db/schema.sql" "$ROOT/db/load.sql" "$PLAN_SQL" "$PLAN_SRC"; do
  if [[ -r $f ]]; then ok; else bad "missing file $f"; fi
done
check "source document sha256" "$(sha256sum < "$PLAN_SRC" | cut -d' ' -f1)" "$SRC_SHA256"
if { cat "$ROOT/db/schema.sql"; echo 'PRAGMA foreign_keys=ON;';
     cat "$ROOT/db/load.sql" "$PLAN_SQL"; } | sqlite3 -bail -batch "$DB" 2> "$TMP/load.err"; then
  ok
else
  bad "loading failed: $(cat "$TMP/load.err")"
  endsection
  echo "TOTAL: $total_pass passed, $((total_fail)) failed"
  exit 1
fi
check "foreign_key_check" "$(q 'PRAGMA foreign_key_check;')" ""
check "integrity_check" "$(q 'PRAGMA integrity_check;')" "ok"
check "no TAB/CR/LF/FF/unit-separator in any text" "$(q "
  SELECT count(*) FROM (SELECT title || body AS s FROM measure UNION ALL
                        SELECT title || short FROM area UNION ALL
                        SELECT text || deadline || dues FROM task UNION ALL
                        SELECT name FROM agency UNION ALL
                        SELECT name || unit FROM indicator)
   WHERE s GLOB '*[$CTRL]*';")" 0
endsection

# Whitespace-stripped source (one line), its body part (from 一、 to just before
# 附件：) and its 附件 part (the 分工表), plus the source with only the line and
# page breaks removed (spaces inside lines kept).
strip_ws < "$PLAN_SRC" > "$TMP/doc"
tr -d '\n\f\r' < "$PLAN_SRC" > "$TMP/doc_lines"
sed -e 's/^.*特制定本工作方案。//' -e 's/附件：深入实施创新驱动发展战略工作任务分工表.*$//' \
  "$TMP/doc" > "$TMP/body"
sed -e 's/^.*附件深入实施创新驱动发展战略工作任务分工表/附件深入实施创新驱动发展战略工作任务分工表/' \
  "$TMP/doc" > "$TMP/annex"

# ---------------------------------------------------------------- counts
section "counts and structure"
check "plan rows" "$(q 'SELECT count(*) FROM plan;')" 1
check "plan row" "$(q "SELECT code, title, issuer, issued, starts, ends FROM plan;")" \
  "渝府办发〔2016〕25号${US}重庆市深入实施创新驱动发展战略工作方案${US}重庆市人民政府办公厅${US}2016-02-06${US}2016-02-06${US}2017-12-31"
check "area rows" "$(q 'SELECT count(*) FROM area;')" 5
check "measure rows" "$(q 'SELECT count(*) FROM measure;')" 21
check "task rows" "$(q 'SELECT count(*) FROM task;')" 38
check "area nums" "$(q 'SELECT group_concat(num, ",") FROM (SELECT num FROM area ORDER BY num);')" "1,2,3,4,5"
check "area titles/shorts" "$(q 'SELECT group_concat(s, "/") FROM (SELECT num || ":" || title || ":" || short AS s FROM area ORDER BY num);')" \
  "1:创新能力取得新突破:创新能力/2:创新创业呈现新格局:创新创业/3:基地建设取得新成效:基地建设/4:人才改革展现新面貌:人才改革/5:投融资扶持开创新局面:投融资"
check "measure nums" "$(q 'SELECT count(*), min(num), max(num), count(DISTINCT num) FROM measure;')" "21${US}1${US}21${US}21"
check "task nums" "$(q 'SELECT count(*), min(num), max(num), count(DISTINCT num) FROM task;')" "38${US}1${US}38${US}38"
# area -> measures
for spec in 1:1-6 2:7-10 3:11-14 4:15-18 5:19-21; do
  a=${spec%%:*} r=${spec#*:} lo=${r%-*} hi=${r#*-}
  check "area $a measures" "$(q "SELECT count(*), min(m.num), max(m.num) FROM measure m JOIN area a ON a.id = m.area_id WHERE a.num = $a;")" \
    "$((hi - lo + 1))${US}${lo}${US}${hi}"
done
# measure -> tasks
for spec in 1:1-4 2:5-6 3:7-8 4:9-11 5:12-14 6:15-15 7:16-16 8:17-17 9:18-19 10:20-21 \
            11:22-22 12:23-24 13:25-26 14:27-28 15:29-29 16:30-30 17:31-32 18:33-33 \
            19:34-34 20:35-35 21:36-38; do
  m=${spec%%:*} r=${spec#*:} lo=${r%-*} hi=${r#*-}
  check "measure $m tasks" "$(q "SELECT count(*), min(t.num), max(t.num) FROM task t JOIN measure m ON m.id = t.measure_id WHERE m.num = $m;")" \
    "$((hi - lo + 1))${US}${lo}${US}${hi}"
done
endsection

# ---------------------------------------------------------------- measures
section "measure text"
# Every "title。body" appears exactly once in the whitespace-stripped document.
while IFS=$US read -r num s; do
  s=$(printf '%s' "$s" | strip_ws)
  check "measure $num: title。body found once in source (whitespace-stripped)" "$(count_in "$s" "$TMP/doc")" 1
done < <(q "SELECT num, title || '。' || body FROM measure ORDER BY num;")
# Stricter: with only line/page breaks removed (so a space added to or removed
# from a body is caught too).
while IFS=$US read -r num s; do
  check "measure $num: title。body found once in source (line breaks removed)" "$(count_in "$s" "$TMP/doc_lines")" 1
done < <(q "SELECT num, title || '。' || body FROM measure ORDER BY num;")
# Titles: no final 。, body non-empty; body does not start or end with a space.
check "measure titles without 。, bodies non-empty and trimmed" \
  "$(q "SELECT count(*) FROM measure WHERE title LIKE '%。' OR body = '' OR body <> trim(body) OR title <> trim(title);")" 0
# Completeness: 一、<area>（一）<title>。<body>… concatenated in order reproduces
# the whole body of the document between the preamble and 附件：, character for
# character (whitespace-stripped) — nothing dropped, nothing added, right order.
CN="(1,'一'),(2,'二'),(3,'三'),(4,'四'),(5,'五'),(6,'六'),(7,'七'),(8,'八'),(9,'九'),(10,'十'),
    (11,'十一'),(12,'十二'),(13,'十三'),(14,'十四'),(15,'十五'),(16,'十六'),(17,'十七'),
    (18,'十八'),(19,'十九'),(20,'二十'),(21,'二十一')"
q "WITH cn(n, c) AS (VALUES $CN)
   SELECT s FROM (
     SELECT a.num AS an, 0 AS mn, (SELECT c FROM cn WHERE n = a.num) || '、' || a.title AS s FROM area a
     UNION ALL
     SELECT a.num, m.num, '（' || (SELECT c FROM cn WHERE n = m.num) || '）' || m.title || '。' || m.body
       FROM measure m JOIN area a ON a.id = m.area_id)
   ORDER BY an, mn;" | strip_ws > "$TMP/body_db"
if cmp -s "$TMP/body_db" "$TMP/body"; then ok; else
  bad "areas+measures do not reproduce the document body; cmp says: $(cmp "$TMP/body_db" "$TMP/body" 2>&1 | sed "s|$TMP/||g")"
fi
endsection

# ---------------------------------------------------------------- tasks
section "task text"
# Tasks whose 重点任务 cell is not contiguous in the text file (table layout):
#   6: the cell is split over a page break; the deadline and agency cells and
#      the repeated table header come between "...新产品500" and "项以上...".
declare -A PIECES=(
  [6]="在先进制造、新材料、信息技术、现代农业等重点领域引进新技术和新产品500|项以上，年度技术交易合同额达到200亿元以上。"
)
check "task texts trimmed and non-empty" "$(q "SELECT count(*) FROM task WHERE text = '' OR text <> trim(text);")" 0
while IFS=$US read -r num text; do
  if [[ -n ${PIECES[$num]:-} ]]; then
    check "task $num: pieces join to the text" "${PIECES[$num]//|/}" "$text"
    IFS='|' read -r -a parts <<< "${PIECES[$num]}"
    for p in "${parts[@]}"; do
      check "task $num: piece [$p] found once in 附件" "$(count_in "$(printf '%s' "$p" | strip_ws)" "$TMP/annex")" 1
    done
  else
    check "task $num: text found once in 附件" "$(count_in "$(printf '%s' "$text" | strip_ws)" "$TMP/annex")" 1
  fi
done < <(q "SELECT num, text FROM task ORDER BY num;")
endsection

# Whole table rows: in the whitespace-stripped 附件 every row reads
#   <序号><重点任务><完成时限><牵头单位><配合单位><next 序号>
# except these layouts, spelled out explicitly:
#   6: page break inside the 重点任务 cell (see PIECES) with the repeated header;
#  16: the 牵头单位 cell separates its names with "，" before 各区县（自治县）人民政府;
#  20: the 牵头单位 市商委 stands before the 重点任务 text.
section "table rows"
HEADER='序号重点任务完成时限牵头单位配合单位'
while IFS=$US read -r num text deadline lead support; do
  case $num in
    6)  p1=${PIECES[6]%%|*} p2=${PIECES[6]#*|}
        row="6${p1}${deadline}${lead}${support}${HEADER}${p2}7" ;;
    16) row="16${text}${deadline}${lead/、各区县/，各区县}${support}17" ;;
    20) row="20${lead}${text}${deadline}${support}21" ;;
    38) row="38${text}${deadline}${lead}${support}" ;;
    *)  row="${num}${text}${deadline}${lead}${support}$((num + 1))" ;;
  esac
  check "task $num: table row reconstructs" "$(count_in "$(printf '%s' "$row" | strip_ws)" "$TMP/annex")" 1
  if [[ $num == 38 ]]; then  # the 附件 (and the document) ends with the last row
    if [[ $(cat "$TMP/annex") == *"$(printf '%s' "$row" | strip_ws)" ]]; then ok; else bad "附件 does not end with task 38's row"; fi
  fi
done < <(q "SELECT t.num, t.text, t.deadline,
                   (SELECT group_concat(name, '、') FROM (SELECT g.name FROM task_agency ta JOIN agency g ON g.id = ta.agency_id
                     WHERE ta.task_id = t.id AND ta.role = 'lead' ORDER BY ta.ord)),
                   coalesce((SELECT group_concat(name, '、') FROM (SELECT g.name FROM task_agency ta JOIN agency g ON g.id = ta.agency_id
                     WHERE ta.task_id = t.id AND ta.role = 'support' ORDER BY ta.ord)), '')
              FROM task t ORDER BY t.num;")
endsection

# ---------------------------------------------------------------- deadlines
section "deadlines and dues"
while IFS=$US read -r num deadline dues due last; do
  check "task $num: deadline [$deadline] found in 附件" "$(( $(count_in "$deadline" "$TMP/annex") > 0 ))" 1
  case $deadline in
    [0-9][0-9][0-9][0-9]年年底前) want="[\"${deadline:0:4}-12-31\"]" ;;
    2016年6月前)                 want='["2016-06-30"]' ;;
    2016年、2017年)              want='["2016-12-31","2017-12-31"]' ;;
    *)                           want="unknown deadline form" ;;
  esac
  check "task $num: dues normalise [$deadline]" "$dues" "$want"
  check "task $num: due = last element of dues" "$due" "$last"
done < <(q "SELECT num, deadline, dues, due,
                   (SELECT value FROM json_each(dues) ORDER BY key DESC LIMIT 1)
              FROM task ORDER BY num;")
check "dues ascending" "$(q "SELECT count(*) FROM task t, json_each(t.dues) a, json_each(t.dues) b
                              WHERE a.key < b.key AND a.value >= b.value;")" 0
check "deadline texts" "$(q "SELECT group_concat(d, '/') FROM (SELECT deadline || ':' || count(*) AS d FROM task GROUP BY deadline ORDER BY deadline);")" \
  "2016年6月前:1/2016年、2017年:11/2016年年底前:5/2017年年底前:21"
check "plan ends = latest due" "$(q 'SELECT max(due) FROM task;')" "$(q 'SELECT ends FROM plan;')"
endsection

# ---------------------------------------------------------------- agencies
section "agencies"
while IFS=$US read -r name; do
  check "agency [$name] has no space" "${name//[[:space:]]/}" "$name"
  check "agency [$name] found in 附件" "$(( $(count_in "$name" "$TMP/annex") > 0 ))" 1
done < <(q "SELECT name FROM agency ORDER BY name;")
check "every task has a lead" "$(q "SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM task_agency WHERE task_id = t.id AND role = 'lead');")" 0
check "tasks without 配合单位" "$(q "SELECT group_concat(num, ',') FROM (SELECT num FROM task t WHERE NOT EXISTS
  (SELECT 1 FROM task_agency WHERE task_id = t.id AND role = 'support') ORDER BY num);")" "4,9,16,26"
# name: lead tasks, support tasks (from the transcription; 市科委's 19 lead
# tasks checked by hand: 3 4 5 6 8 9 11 12 13 14 16 17 18 22 25 30 33 34 36).
EXPECTED_AGENCIES="市中小企业局:2:0
市人力社保局:3:1
市农委:1:0
市发展改革委:4:9
市商委:3:0
市国税局:0:1
市外经贸委:0:2
市工商局:1:0
市工商联:1:0
市政府有关部门:0:3
市教委:5:8
市科委:19:11
市知识产权局:0:3
市经济信息委:6:11
市财政局:1:2
市质监局:0:1
市金融办:2:4
各区县（自治县）人民政府:1:1
有关区县（自治县）人民政府:0:1
高新区管委会:1:0"
GOT_AGENCIES=$(q "SELECT g.name || ':' || sum(ta.role = 'lead') || ':' || sum(ta.role = 'support')
                    FROM agency g JOIN task_agency ta ON ta.agency_id = g.id GROUP BY g.id ORDER BY g.name;")
check_lines "agency lead/support counts" "$GOT_AGENCIES" "$(printf '%s\n' "$EXPECTED_AGENCIES" | sort)"
check "agency count" "$(q 'SELECT count(*) FROM agency;')" 20
check "市科委 lead tasks (by hand)" "$(q "SELECT group_concat(num, ' ') FROM (SELECT t.num FROM task t JOIN task_agency ta ON ta.task_id = t.id
  JOIN agency g ON g.id = ta.agency_id WHERE g.name = '市科委' AND ta.role = 'lead' ORDER BY t.num);")" \
  "3 4 5 6 8 9 11 12 13 14 16 17 18 22 25 30 33 34 36"
check "市金融办 tasks (by hand)" "$(q "SELECT group_concat(s, ' ') FROM (SELECT t.num || ta.role AS s FROM task t JOIN task_agency ta ON ta.task_id = t.id
  JOIN agency g ON g.id = ta.agency_id WHERE g.name = '市金融办' ORDER BY t.num);")" \
  "10support 34lead 35lead 36support 37support 38support"
# Independent cross-check: each name occurs in the stripped 附件 exactly as
# often as it is assigned (no name is a substring of another name or of a text).
while IFS=$US read -r name n; do
  check "agency [$name] occurrences in 附件 = assignments" "$(count_in "$name" "$TMP/annex")" "$n"
done < <(q "SELECT g.name, count(*) FROM agency g JOIN task_agency ta ON ta.agency_id = g.id GROUP BY g.id ORDER BY g.name;")
endsection

# ---------------------------------------------------------------- indicators
section "indicators"
check "indicator count" "$(q 'SELECT count(*) FROM indicator;')" 50
check "tasks without indicators" "$(q "SELECT group_concat(num, ',') FROM (SELECT num FROM task t WHERE NOT EXISTS
  (SELECT 1 FROM indicator WHERE task_id = t.id) ORDER BY num);")" "9,19,20,21,27,28,29,31,33,38"
check "task 15 indicators" "$(q "SELECT group_concat(s, '/') FROM (SELECT i.ord || ',' || i.name || ',' || i.kind || ',' || i.comparator || ',' ||
    i.target || ',' || ifnull(i.target_hi, 'NULL') || ',' || i.unit || ',' || i.due || ',' || i.mode AS s
    FROM indicator i JOIN task t ON t.id = i.task_id WHERE t.num = 15 ORDER BY i.ord);")" \
  "1,科技型企业和科技小巨人标准制定,milestone,>=,1.0,NULL,,2017-12-31,cumulative/2,科技型企业,number,>,5000.0,NULL,家,2017-12-31,cumulative/3,促进中小企业科技成果转化,number,>=,200.0,NULL,项,2017-12-31,cumulative/4,培育科技小巨人企业,number,>=,500.0,NULL,家,2017-12-31,cumulative"
check "ord runs 1..n within each task" "$(q "SELECT count(*) FROM indicator i JOIN task t ON t.id = i.task_id
  WHERE i.ord <> (SELECT count(*) FROM indicator j WHERE j.task_id = i.task_id AND j.ord <= i.ord);")" 0
check "indicator due is one of the task's due dates" "$(q "SELECT count(*) FROM indicator i JOIN task t ON t.id = i.task_id
  WHERE i.due NOT IN (SELECT value FROM json_each(t.dues));")" 0
check "annual: tasks 6 and 10" "$(q "SELECT group_concat(t.num || '.' || i.ord, ' ') FROM indicator i JOIN task t ON t.id = i.task_id WHERE i.mode = 'annual';")" "6.2 10.1"
check "stocks without a baseline" "$(q "SELECT count(*) FROM indicator WHERE baseline IS NULL AND kind = 'number' AND mode = 'cumulative';")" 10
check "approvals: tasks 22, 23, 24" "$(q "SELECT group_concat(t.num, ' ') FROM indicator i JOIN task t ON t.id = i.task_id WHERE i.approval <> '';")" "22 23 24"
check "per-year only where the deadline names each year" "$(q "SELECT count(*) FROM indicator i JOIN task t ON t.id = i.task_id
  WHERE i.mode = 'per-year' AND t.deadline <> '2016年、2017年';")" 0
check "milestones" "$(q "SELECT group_concat(s, ' ') FROM (SELECT t.num || ':' || i.mode AS s FROM indicator i JOIN task t ON t.id = i.task_id
  WHERE i.kind = 'milestone' AND i.target = 1 AND i.comparator = '>=' AND i.unit = '' ORDER BY t.num, i.ord);")" \
  "7:cumulative 8:per-year 14:cumulative 15:cumulative 16:cumulative 22:cumulative 23:cumulative 24:cumulative 32:cumulative 32:cumulative 36:cumulative 36:cumulative 37:cumulative"
# Every numeric target (with its unit) is in the task text, and the comparator
# matches the wording: 超过N -> '>', N左右 -> '~', N―M -> 'range', else '>='.
while IFS=$US read -r num ord cmp lo hi unit src text; do
  case $cmp in
    '>')     want="超过${lo}${unit}" ;;
    '~')     want="${lo}${unit}左右" ;;
    'range') want="${lo}―${hi}${unit}" ;;
    '>=')    want="${lo}${unit}" ;;
  esac
  # An indicator from elsewhere names its words in source: the measure's text or the items listed.
  if [[ -n $src ]]; then text=$src; [[ $src == 任务所列* ]] && want="${lo}家"; fi
  if [[ $text == *"$want"* ]]; then ok; else bad "task $num indicator $ord: [$want] not in task text"; fi
  if [[ $cmp == '>=' ]] && [[ $text == *"超过${lo}${unit}"* || $text == *"${lo}${unit}左右"* || $text == *"―${lo}${unit}"* ]]; then
    bad "task $num indicator $ord: '>=' but the text says 超过/左右/range"
  else ok; fi
done < <(q "SELECT t.num, i.ord, i.comparator, printf('%g', i.target), ifnull(printf('%g', i.target_hi), ''), i.unit, i.source, t.text
              FROM indicator i JOIN task t ON t.id = i.task_id WHERE i.kind = 'number' ORDER BY t.num, i.ord;")
endsection

echo "TOTAL: $total_pass passed, $total_fail failed"
[[ $total_fail -eq 0 ]]
