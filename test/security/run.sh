#!/usr/bin/env bash
# The security suite (issue 12): each case is what an attacker on a shared
# server would try, and must fail closed with the data untouched. Run by
# `make test-security` (part of `make test`); `bash test/security/run.sh NAME`
# runs one case. As root it also installs a setgid copy into a scratch
# prefix and tries it with throwaway accounts it creates and removes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
only=${1:-}
passed=0 failed=0
me=$(id -un)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

ok()   { passed=$((passed + 1)); }
bad()  { failed=$((failed + 1)); echo "FAILED: security/$case_name: $*"; }
# expect_refused WHAT CMD...: non-zero exit and one line on stderr.
expect_refused() {
  local what=$1; shift
  local out rc
  last_err=""
  out=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 0 ]; then bad "$what: accepted"; return 1; fi
  if [ -z "$out" ]; then bad "$what: refused without a word"; return 1; fi
  last_err=$out
  return 0
}
dump() { sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1; sqlite3 "$1" .dump | sha256sum; }
admin_conf() { printf '[users]\n%s = admin\n' "$me" > admin.ini; }
viewer_conf() { printf '[users]\n%s = viewer\n' "$me" > viewer.ini; }
fresh_db() { "$DUCHA" --conf admin.ini --db t.db --as-of 2017-12-10 init --demo >/dev/null; }
A() { "$DUCHA" --conf admin.ini --db t.db --as-of 2017-12-10 "$@"; }
V() { "$DUCHA" --conf viewer.ini --db t.db --as-of 2017-12-10 "$@"; }
check_fails_naming() {   # check_fails_naming WHAT PATTERN
  local out
  out=$(A check 2>&1)
  if [ $? -eq 0 ]; then bad "$1: check passed"; return; fi
  if ! grep -q -- "$2" <<<"$out"; then bad "$1: check does not name '$2': $out"; return; fi
  ok
}

# --- 1. destructive commands are an admin's -------------------------------

case_viewer_destroys_nothing() {
  admin_conf; viewer_conf; fresh_db
  A backup b.db >/dev/null
  touch other.db
  before=$(dump t.db); bytes=$(sha256sum < t.db)
  expect_refused "init --force" V init --force && ok
  expect_refused "init" V init && ok
  expect_refused "restore" V restore b.db && ok
  printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,任务,2017年年底前,市科委,市教委\n' > p.csv
  expect_refused "import-plan" V import-plan p.csv --code X --title X && ok
  expect_refused "export -o DB" V export -o t.db && ok
  expect_refused "report -o DB" V report --all -o t.db && ok
  expect_refused "backup DB --force" V backup t.db --force && ok
  expect_refused "backup --force over a file" V backup other.db --force && ok
  [ "$(dump t.db)" = "$before" ] && ok || bad "the database changed"
  [ -s other.db ] && bad "other.db overwritten" || ok
  grep -q "只有管理员" <<<"$(V init --force 2>&1)" && ok || bad "the refusal does not say who may"
}

case_init_force_in_place() {
  admin_conf; fresh_db
  ino=$(stat -c %i t.db)
  rows=$(sqlite3 t.db 'SELECT max(id) FROM audit')
  head=$(sqlite3 t.db "SELECT hash FROM audit WHERE id = $rows")
  A init --force >/dev/null || bad "init --force failed"
  [ "$(stat -c %i t.db)" = "$ino" ] && ok || bad "the file was replaced, not re-created in place"
  prev=$(sqlite3 t.db "SELECT prev_hash FROM audit WHERE id = $((rows + 1))")
  [ "$prev" = "$head" ] && ok || bad "the new trail does not chain to the old head"
  A log | grep -q reinit && ok || bad "log does not show the re-initialisation"
  [ "$(sqlite3 t.db 'SELECT count(*) FROM report')" = 0 ] && ok || bad "old reports survived"
  A check >/dev/null && ok || bad "check fails after init --force"
}

case_backup_force_audited() {
  admin_conf; fresh_db
  A backup b.db >/dev/null && A backup b.db --force >/dev/null || bad "backup --force failed"
  [ "$(sqlite3 t.db "SELECT count(*) FROM audit WHERE action = 'backup'")" = 1 ] && ok || bad "no backup row"
}

# --- 2. no command writes where it must not -------------------------------

case_outputs_confined() {
  admin_conf; fresh_db
  A export -o x.csv >/dev/null 2>&1   # makes -wal exist for sure
  before=$(dump t.db)
  for f in t.db t.db-wal t.db-shm t.db-journal t.db.anchor ./t.db ../"$(basename "$PWD")"/t.db; do
    expect_refused "export -o $f" A export -o "$f" && ok
    expect_refused "report -o $f" A report --all -o "$f" && ok
    expect_refused "backup $f" A backup "$f" --force && ok
  done
  ln t.db hardlink.db; ln -s t.db symlink.db
  expect_refused "export -o a hard link" A export -o hardlink.db && ok
  expect_refused "report -o a symlink" A report --all -o symlink.db && ok
  mkdir -p reports/drafts
  expect_refused "the drafts folder" A report --all -o reports/drafts/x.txt && ok
  [ "$(dump t.db)" = "$before" ] && ok || bad "the database changed"
  # export -o never truncates first: a failed export leaves the old file.
  echo "old content" > keep.csv
  chmod 0500 .   # the temporary file cannot be made: the export fails
  if [ "$(id -u)" -ne 0 ]; then
    A export -o keep.csv >/dev/null 2>&1 && bad "export into a read-only folder succeeded"
    [ "$(cat keep.csv)" = "old content" ] && ok || bad "keep.csv was truncated"
  fi
  chmod 0700 .
  A export -o keep.csv >/dev/null 2>&1 && [ "$(head -c 3 keep.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok ||
    bad "export -o keep.csv did not replace it"
  ls keep.csv.*.tmp >/dev/null 2>&1 && bad "a temporary file was left" || ok
}

case_restricted_per_user() {
  fresh_db_conf() { printf '[users]\n%s = admin\n[access]\nrestricted = true\n[report]\nfolder = reports\n' "$me" > r.ini; }
  admin_conf; fresh_db; fresh_db_conf; mkdir -p reports
  "$DUCHA" --conf r.ini --db t.db --as-of 2017-12-10 report --all -o "reports/$me/a.txt" >/dev/null 2>&1 && ok ||
    bad "restricted: own subfolder refused"
  expect_refused "restricted: the shared report folder" \
    "$DUCHA" --conf r.ini --db t.db --as-of 2017-12-10 report --all -o reports/a.txt && ok
  expect_refused "restricted: outside" "$DUCHA" --conf r.ini --db t.db export -o x.csv && ok
  if [ "$(id -u)" -eq 0 ]; then
    touch "reports/$me/theirs.txt"; chown nobody "reports/$me/theirs.txt"
    expect_refused "restricted: another user's file" \
      "$DUCHA" --conf r.ini --db t.db --as-of 2017-12-10 report --all -o "reports/$me/theirs.txt" && ok
  fi
}

# --- 3. fail closed ---------------------------------------------------------

case_fail_closed() {
  admin_conf; fresh_db
  printf '[access]\nservice_account = %s\n' "$me" > svc.ini
  expect_refused "service account, no users" "$DUCHA" --conf svc.ini --db t.db --user x tasks && ok
  grep -q "svc.ini" <<<"$last_err" && ok || bad "the refusal does not name the config file: $last_err"
  printf '[users]\n; %s = admin\n' "$me" > commented.ini
  printf '[access]\nservice_account = %s\n[users]\n; %s = admin\n' "$me" "$me" > svc2.ini
  expect_refused "service account, users commented out" "$DUCHA" --conf svc2.ini --db t.db --user x tasks && ok
  printf '[database]\npath = a.db\npath = b.db\n' > dup.ini
  expect_refused "duplicate key" "$DUCHA" --conf dup.ini tasks && ok
  grep -q "第 3 行" <<<"$last_err" && ok || bad "no line number: $last_err"
  printf 'path = a.db\n[database]\n' > early.ini
  expect_refused "key before a section" "$DUCHA" --conf early.ini tasks && ok
  grep -q "第 1 行" <<<"$last_err" && ok || bad "no line number: $last_err"
  printf '[ui]\nlang = zh\n[users:x]\n' > colon.ini
  expect_refused "section with a colon" "$DUCHA" --conf colon.ini tasks && ok
  grep -q "第 3 行" <<<"$last_err" && ok || bad "no line number: $last_err"
  printf '[UI]\nlang = zh\n[ui]\nLANG = en\n' > dupcase.ini
  expect_refused "duplicate key, other case" "$DUCHA" --conf dupcase.ini tasks && ok
}

# --- 4. check proves the data; restore trusts nothing -----------------------

tamper() {   # tamper NAME SQL PATTERN
  admin_conf; fresh_db
  sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  A check >/dev/null || { bad "$1: check fails before tampering"; return; }
  sqlite3 t.db "$2" || { bad "$1: the tampering SQL failed"; return; }
  check_fails_naming "$1" "$3"
}

case_check_report_value() {
  tamper "report value" "UPDATE report_value SET value = value + 1
    WHERE report_id = (SELECT r.id FROM report r JOIN task t ON t.id = r.task_id WHERE t.num = 13 AND r.period = '2017Q3')" \
    "task 13 report 2017Q3"
}
case_check_note_inserted() {
  tamper "note inserted" "INSERT INTO note (task_id, kind, text, author, created)
    VALUES ((SELECT id FROM task WHERE num = 7), 'comment', '伪造', 'mallory', '2017-01-01T00:00:00Z')" "task 7 note"
}
case_check_status_accepted() {
  tamper "status accepted" "UPDATE task SET status = 'accepted' WHERE num = 9" "task 9"
}
case_check_indicator_target() {
  tamper "indicator target" "UPDATE indicator SET target = target / 2 WHERE kind = 'number'
    AND id = (SELECT min(id) FROM indicator WHERE kind = 'number')" "工作方案的定义"
}
case_check_agency_renamed() {
  tamper "agency renamed" "UPDATE agency SET name = name || '办' WHERE id = 1" "工作方案的定义"
}
case_check_trigger_dropped() {
  tamper "trigger dropped" "DROP TRIGGER audit_no_delete" "audit_no_delete"
}
case_check_extra_trigger() {
  tamper "extra trigger" "CREATE TRIGGER evil AFTER INSERT ON note BEGIN SELECT 1; END" "evil"
}
# A trigger under a shipped name but with other words (here: every report's
# note rewritten) is not the program's: the file is not opened.
case_check_trigger_replaced() {
  tamper "trigger replaced under its shipped name" "DROP TRIGGER report_search_insert;
    CREATE TRIGGER report_search_insert AFTER INSERT ON report
    BEGIN UPDATE report SET note = '已完成' WHERE id = new.id; END" "report_search_insert"
}
case_check_rows_deleted() {
  tamper "newest audit rows deleted" "DROP TRIGGER audit_no_delete;
    DELETE FROM note WHERE id = (SELECT max(id) FROM note);
    DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;" "截短"
}
case_check_chain_recomputed() {
  admin_conf; fresh_db
  sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  # Edit a report and its audit row, then recompute every hash of the chain:
  # the chain verifies, the replay agrees; only the anchor can tell.
  "$PY" - <<'PY' || bad "recomputing the chain failed"
import hashlib, sqlite3
c = sqlite3.connect("t.db")
c.execute("DROP TRIGGER audit_no_update")
rid = c.execute("SELECT r.id FROM report r JOIN task t ON t.id = r.task_id WHERE t.num = 13 AND r.period = '2017Q3'").fetchone()[0]
c.execute("UPDATE report_value SET value = 499 WHERE report_id = ?", (rid,))
j = c.execute("""SELECT json_object('period', r.period, 'status', r.status, 'note', r.note,
  'values', (SELECT json_group_object(i.name, v.value) FROM report_value v JOIN indicator i ON i.id = v.indicator_id
             WHERE v.report_id = r.id), 'version', r.version) FROM report r WHERE r.id = ?""", (rid,)).fetchone()[0]
aid = c.execute("SELECT max(id) FROM audit WHERE action = 'report' AND object = 'task 13 report 2017Q3'").fetchone()[0]
c.execute("UPDATE audit SET new = ? WHERE id = ?", (j, aid))
prev = "0" * 64
for (i,) in c.execute("SELECT id FROM audit ORDER BY id").fetchall():
    row = c.execute("SELECT json_array(id, at, user, role, action, object, json(old), json(new)) FROM audit WHERE id = ?", (i,)).fetchone()[0]
    h = hashlib.sha256((prev + row).encode()).hexdigest()
    c.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, i))
    prev = h
c.execute("""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END""")
c.commit()
PY
  check_fails_naming "whole chain recomputed" "锚点"
}

case_restore_trusts_nothing() {
  admin_conf; fresh_db
  A backup b.db >/dev/null
  cp b.db evil.db
  sqlite3 evil.db "CREATE TRIGGER evil AFTER INSERT ON audit BEGIN DELETE FROM note; END"
  before=$(dump t.db)
  expect_refused "restore of a file with an extra trigger" A restore evil.db && ok
  grep -q "evil" <<<"$last_err" && ok || bad "the refusal does not name the trigger: $last_err"
  cp b.db view.db; sqlite3 view.db "CREATE VIEW v AS SELECT 1"
  expect_refused "restore of a file with a view" A restore view.db && ok
  cp b.db edited.db; sqlite3 edited.db "UPDATE task SET status = 'accepted' WHERE num = 2"
  expect_refused "restore of an edited file" A restore edited.db && ok
  [ "$(dump t.db)" = "$before" ] && ok || bad "the database changed"
  ls t.db.restore-* >/dev/null 2>&1 && bad "a restore copy was left behind" || ok
  # A restore killed half-way: its unlocked copy (older than a minute: one
  # just made may not be locked yet) goes at the next start.
  cp b.db t.db.restore-AbC123; : > t.db.restore-AbC123-journal
  touch -d '2 minutes ago' t.db.restore-AbC123
  A note 3 "下一次启动" >/dev/null || bad "a note after a killed restore failed"
  ls t.db.restore-* >/dev/null 2>&1 && bad "the killed restore's copy is still there" || ok
  A restore b.db >/dev/null && A check >/dev/null && ok || bad "a sound backup is not restored"
}

# --- 5. a replaced database is noticed --------------------------------------

case_replaced_database() {
  command -v tmux >/dev/null || { echo "security/replaced_database: skipped (no tmux)"; return; }
  admin_conf; fresh_db
  "$DUCHA" --conf admin.ini --db other.db init >/dev/null
  local SUITE=security-tmux
  . "$top/test/lib/tmux.sh"
  tmux_start 100 30 "cd '$PWD' && TERM=xterm-256color $DUCHA --conf admin.ini --db t.db --as-of 2017-12-10"
  wait_for "截至" || bad "the TUI did not start"
  keys Enter; wait_for "任务 1" || true
  keys n; wait_for "内容" || bad "the note form did not open"
  text "替换之后"
  mv other.db t.db; rm -f t.db-wal t.db-shm
  keys F2
  wait_for "已被替换" && ok || bad "the replacement is not said: $(tm capture-pane -p | tail -3)"
  [ "$(sqlite3 t.db 'SELECT count(*) FROM note')" = 0 ] && ok || bad "the note went into the new file unasked"
  keys n; wait_for "替换之后" && ok || bad "the typed note is lost"
  keys F2; wait_for "已保存" && ok || bad "saving into the reopened file failed"
  # Q quits at once; the case's folder goes only once the program has closed its files.
  keys Q
  [ "$(exit_status)" = 0 ] && ok || bad "Q did not quit"
  tmux_stop
}

# --- 6. the input holes -----------------------------------------------------

case_periods_and_numbers() {
  admin_conf; fresh_db
  before=$(dump t.db)
  expect_refused "2999Q4" A update 15 --period 2999Q4 --note x && ok
  expect_refused "1900Q1" A update 15 --period 1900Q1 --note x && ok
  expect_refused "2018Q1 on 2017-12-10" A update 15 --period 2018Q1 --note x && ok
  expect_refused "70 digits" A update 15 --period 2017Q4 --set "科技型企业=$(printf '9%.0s' $(seq 70))" && ok
  grep -q "位数太多" <<<"$last_err" && ok || bad "70 digits: not said why: $last_err"
  expect_refused "1,5" A update 15 --period 2017Q4 --set 科技型企业=1,5 && ok
  expect_refused "12,34" A update 15 --period 2017Q4 --set 科技型企业=12,34 && ok
  expect_refused "--if-version ' 7'" A update 15 --period 2017Q4 --note x --if-version " 7" && ok
  expect_refused "--if-version 99999999999" A update 15 --period 2017Q4 --note x --if-version 99999999999 && ok
  expect_refused "--if-version +1" A update 15 --period 2017Q4 --note x --if-version +1 && ok
  [ "$(dump t.db)" = "$before" ] && ok || bad "a refused update changed the database"
  A update 15 --period 2017q4 --set 科技型企业=1,234 --yes >/dev/null && ok || bad "2017q4 and 1,234 refused"
  [ "$(sqlite3 t.db "SELECT count(*) FROM report r JOIN task t ON t.id = r.task_id WHERE t.num = 15 AND period = '2017Q4'")" = 1 ] &&
    ok || bad "2017q4 not stored as 2017Q4"
  # accept judges by the latest report at or before the as-of quarter
  sqlite3 t.db "INSERT INTO report (task_id, period, status, author, created) SELECT id, '2999Q4', 'completed', 'x', '2017-01-01T00:00:00Z' FROM task WHERE num = 16"
  expect_refused "accept on a 2999Q4 report" "$DUCHA" --conf admin.ini --db t.db --as-of 2017-12-10 accept 16 && ok
}

case_invisible_and_escapes() {
  admin_conf; fresh_db
  for cp in '\xd8\x9c' '\xe2\x81\xa0' '\xe2\x81\xa3' '\xe1\x85\x9f' '\xe3\x85\xa4' '\xef\xbe\xa0' '\xef\xbf\xb9' \
            '\xf3\xa0\x80\x81' '\xf3\xa0\x81\xbf' '\xf0\x9d\x85\xb3'; do
    expect_refused "note with $cp" A note 3 "$(printf "a${cp}b")" && ok
  done
  out=$(A --as-of "$(printf '\033[31m2017')" tasks 2>&1; A "$(printf 'x\033]0;t\a')" 2>&1; A tasks "$(printf -- '--\033[2J')" 2>&1)
  grep -q $'\033' <<<"$out" && bad "an ESC reached the terminal" || ok
  grep -q '\^\[' <<<"$out" && ok || bad "the ESC is not shown escaped: $out"
}

case_database_files() {
  admin_conf
  : > empty.db
  expect_refused "0-byte file" "$DUCHA" --conf admin.ini --db empty.db tasks && ok
  grep -q "ducha init" <<<"$last_err" && ok || bad "0-byte: no hint: $last_err"
  [ ! -s empty.db ] && ok || bad "the 0-byte file was written"
  mkfifo fifo.db
  expect_refused "FIFO" timeout 5 "$DUCHA" --conf admin.ini --db fifo.db tasks && ok
  grep -q "管道" <<<"$last_err" && ok || bad "FIFO: $last_err"
  mkdir dir.db
  expect_refused "directory" "$DUCHA" --conf admin.ini --db dir.db tasks && ok
  fresh_db
  for v in -1 -2147483648 0; do
    cp t.db v.db; sqlite3 v.db "PRAGMA user_version = $v"
    expect_refused "user_version $v" "$DUCHA" --conf admin.ini --db v.db tasks && ok
    grep -q "版本\|不是 ducha" <<<"$last_err" && ok || bad "user_version $v: $last_err"
  done
}

case_csv_encoding() {
  admin_conf; fresh_db
  printf 'task,period,note\n13,2017Q3,第一行说明\n13,2017Q2,第二\xff行\n' > mixed.csv
  expect_refused "mostly UTF-8" A import-reports mixed.csv && ok
  grep -q "mixed.csv:3" <<<"$last_err" && ok || bad "not the first bad line: $last_err"
  printf 'task,period,note\n13,2017Q3,新的说明\n14,2017Q3,另一份\n' > r.csv
  before=$(dump t.db)
  out=$(A import-reports --dry-run r.csv 2>&1) || bad "dry run failed: $out"
  grep -q "替换已有的填报" <<<"$out" && ok || bad "dry run does not say what it replaces: $out"
  grep -q "编码 UTF-8" <<<"$out" && ok || bad "the encoding is not printed: $out"
  [ "$(dump t.db)" = "$before" ] && ok || bad "--dry-run wrote"
}

case_office_files() {
  admin_conf; fresh_db
  before=$(dump t.db)
  # an entity bomb in a sheet, a part that inflates to 200 MB, a zip that is
  # not one, a docx without document.xml, a path that climbs out of the zip
  "$PY" - <<'PY'
import zipfile
bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh")) + ']>'
sheet = bomb + '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&h;</t></is></c></row></sheetData></worksheet>'
book = '<workbook><sheets><sheet name="s" r:id="rId1" xmlns:r="r"/></sheets></workbook>'
rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
with zipfile.ZipFile("bomb.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", book); z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
small = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "甲">]><worksheet><sheetData/></worksheet>'
with zipfile.ZipFile("dtd.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", book); z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/worksheets/sheet1.xml", small)
with zipfile.ZipFile("big.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", "<w:document>" + " " * (200 << 20) + "</w:document>")
with zipfile.ZipFile("empty.docx", "w") as z:
    z.writestr("word/other.xml", "<x/>")
rels_up = '<Relationships><Relationship Id="rId1" Target="../../../etc/passwd"/></Relationships>'
with zipfile.ZipFile("climb.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", book); z.writestr("xl/_rels/workbook.xml.rels", rels_up)
PY
  printf 'PK\003\004 not really' > fake.xlsx
  for f in bomb.xlsx dtd.xlsx big.docx empty.docx climb.xlsx fake.xlsx; do
    expect_refused "$f" timeout 20 "$DUCHA" --conf admin.ini --db t.db import-plan "$f" --code X --title x && ok
    [ "$(wc -l <<<"$last_err")" -le 2 ] && ok || bad "$f: more than a line or two: $last_err"
  done
  grep -q "DTD" < <(A import-plan dtd.xlsx --code X --title x 2>&1) && ok || bad "a sheet with a DTD is not refused for it"
  [ "$(dump t.db)" = "$before" ] && ok || bad "a hostile file changed the database"
}

case_import_memory() {
  admin_conf
  "$PY" - <<'PY'
rows = ["序号,重点任务,完成时限,牵头单位,配合单位"]
text = "培育科技型企业超过5000家，建设一批创新平台和孵化器，推动产学研合作。" * 3
size, i = 0, 1
while size < 16 * 1024 * 1024 - 2000:
    r = f'{i},"{text}",2017年年底前,市科委,"市教委、市经济信息委"'
    rows.append(r); size += len(r.encode()) + 1; i += 1
open("big.csv", "w").write("\n".join(rows) + "\n")
PY
  # The program's own resident size (its libraries: Pango, Cairo, GLib …)
  # is measured first; the import may add at most 60 MiB to it.
  read -r base kb < <("$PY" - "$DUCHA" <<'PY'
import resource, subprocess, sys
def peak(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.argv[1]] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
base = peak(["--version"])
print(base, peak(["--conf", "admin.ini", "--db", "big.db", "import-plan", "big.csv", "--code", "BIG", "--title", "大", "--yes"]))
PY
) || { bad "importing 16 MB failed"; return; }
  echo "security/import_memory: 16 MB 分工表 imported in $kb KiB peak resident (the program alone: $base KiB)"
  [ $((kb - base)) -le 61440 ] && ok || bad "import-plan of 16 MB took $((kb - base)) KiB over the program's own (limit 60 MiB)"
}

case_log_exact() {
  admin_conf; fresh_db
  printf '序号,重点任务,完成时限,牵头单位,配合单位\n1,任务甲,2017年年底前,市科委,市教委\n' > p.csv
  A import-plan p.csv --code K_1 --title 甲 >/dev/null 2>&1 && A import-plan p.csv --code KX1 --title 乙 >/dev/null 2>&1 ||
    bad "imports failed"
  "$DUCHA" --conf admin.ini --db t.db --plan KX1 note 1 "乙的进展" >/dev/null || bad "note failed"
  "$DUCHA" --conf admin.ini --db t.db --plan K_1 log 1 --format csv | grep -q "乙的进展" && bad "log K_1 shows KX1's note" || ok
  "$DUCHA" --conf admin.ini --db t.db --plan KX1 log 1 --format csv | grep -q "乙的进展" && ok || bad "log KX1 lost its note"
}

case_snapshot_said() {
  [ "$(id -u)" -eq 0 ] || { echo "security/snapshot_said: skipped (needs root to run as nobody)"; return; }
  admin_conf; fresh_db
  sqlite3 t.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  mkdir -p ro && cp t.db ro/t.db && cp t.db.anchor ro/ && chmod 0755 . ro && chmod 0444 ro/t.db ro/t.db.anchor
  chmod 0644 admin.ini
  printf '[users]\nnobody = admin\n' > nobody.ini; chmod 0644 nobody.ini
  out=$(su nobody -s /bin/sh -c "cd '$PWD' && '$DUCHA' --conf nobody.ini --db ro/t.db tasks --area 4" 2>&1 >/dev/null)
  grep -q "只读快照" <<<"$out" && ok || bad "a read on the snapshot does not say so: $out"
  out=$(su nobody -s /bin/sh -c "cd '$PWD' && '$DUCHA' --conf nobody.ini --db ro/t.db check" 2>&1); rc=$?
  [ $rc -ne 0 ] && grep -q "快照" <<<"$out" && ok || bad "check passed on the snapshot: $out"
}

# --- 7. the setgid deployment, end to end (root only) -------------------------

case_setgid_install() {
  [ "$(id -u)" -eq 0 ] || { echo "security/setgid_install: skipped (needs root)"; return; }
  command -v useradd >/dev/null && command -v runuser >/dev/null ||
    { echo "security/setgid_install: skipped (no useradd/runuser)"; return; }
  local grp="dsec$$" alice="dsa$$" bob="dsb$$" root_dir="$PWD/inst"
  cleanup_accounts() { userdel "$alice" 2>/dev/null; userdel "$bob" 2>/dev/null; groupdel "$grp" 2>/dev/null; }
  trap cleanup_accounts RETURN
  groupadd "$grp" && useradd -M -N -s /bin/sh "$alice" && useradd -M -N -s /bin/sh "$bob" ||
    { bad "could not create throwaway accounts"; return; }
  chmod 0755 "$PWD"
  mkdir -p "$root_dir" && chmod 0755 "$root_dir"
  make -s -C "$top" install BUILD="$root_dir/build" BIN="$root_dir/build/ducha" PREFIX="$root_dir/prefix" \
    DUCHA_GROUP="$grp" >"$root_dir/install.log" 2>&1 || { bad "make install failed: $(tail -3 "$root_dir/install.log")"; return; }
  local bin="$root_dir/prefix/bin/ducha" conf="$root_dir/prefix/etc/ducha/ducha.ini" state="$root_dir/prefix/var/lib/ducha"
  [ "$(stat -c %A "$bin" | cut -c7)" = s ] && ok || bad "the installed binary is not setgid"
  as() { local u=$1; shift; runuser -u "$u" -- env -u DUCHA_DB -u DUCHA_CONF "$@"; }
  # no [users]: nobody may run it
  expect_refused "setgid with no [users]" as "$alice" "$bin" tasks && ok
  grep -q "$conf" <<<"$last_err" && ok || bad "the refusal does not name the config: $last_err"
  printf '\n[users]\n%s = viewer\n%s = admin\n' "$alice" "$bob" >> "$conf"
  as "$bob" "$bin" init >/dev/null || { bad "admin init failed"; return; }
  [ "$(stat -c %G "$state/ducha.db")" = "$grp" ] && ok || bad "the database is not the group's"
  as "$alice" "$bin" tasks --area 1 >/dev/null && ok || bad "a viewer cannot read"
  expect_refused "setgid --db" as "$alice" "$bin" --db /tmp/x.db tasks && ok
  expect_refused "setgid --conf" as "$alice" "$bin" --conf /dev/null tasks && ok
  before=$(dump "$state/ducha.db")
  expect_refused "viewer init --force" as "$alice" "$bin" init --force && ok
  expect_refused "viewer restore" as "$alice" "$bin" restore "$state/ducha.db" && ok
  expect_refused "viewer export into the state folder" as "$alice" "$bin" export -o "$state/evil.csv" && ok
  expect_refused "viewer backup into the state folder" as "$alice" "$bin" backup "$state/evil.db" && ok
  expect_refused "viewer report over the database" as "$alice" "$bin" report --all -o "$state/ducha.db" && ok
  [ "$(dump "$state/ducha.db")" = "$before" ] && ok || bad "the viewer changed the database"
  ls "$state"/evil* >/dev/null 2>&1 && bad "a file appeared in the state folder" || ok
  # files a user names are made with the user's own group, not the binary's
  mkdir -p "$root_dir/home" && chown "$alice" "$root_dir/home"
  as "$alice" "$bin" export -o "$root_dir/home/plan.csv" >/dev/null 2>&1 || bad "a viewer cannot export to a file of hers"
  [ -f "$root_dir/home/plan.csv" ] && [ "$(stat -c %G "$root_dir/home/plan.csv")" != "$grp" ] && ok ||
    bad "the exported file carries the binary's group"
  as "$alice" cat "$state/ducha.db" >/dev/null 2>&1 && bad "a user reads the database directly" || ok
  as "$bob" "$bin" check >/dev/null && ok || bad "check fails on the installed copy"
}

cases=$(declare -F | awk '{print $3}' | grep '^case_' | sed 's/^case_//')
for case_name in $cases; do
  [ -n "$only" ] && [ "$only" != "$case_name" ] && continue
  T=$(mktemp -d)
  before_failed=$failed
  ( cd "$T" && "case_$case_name" ; echo "$passed $failed" > "$T/.counts" )
  read -r p f < "$T/.counts" || { p=$passed; f=$((failed + 1)); echo "FAILED: security/$case_name: crashed"; }
  passed=$p failed=$f
  chmod -R u+rwx "$T" 2>/dev/null
  rm -rf "$T"
  [ "$failed" -eq "$before_failed" ] || echo "  (in case $case_name)"
done
echo "security tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
