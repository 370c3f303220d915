# remind (催办): per agency, each task once: the overdue ones (with their
# due date and how late), those whose last due quarterly report is missing
# (with the date it was due) and those near their deadline and not on
# course (with the date and days left), each with its whole text. Every
# task the flag module calls overdue, unreported or due-soon is among them;
# nothing to remind prints nothing, so cron sends no empty mail.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db demo.db --conf $TOP/conf/demo.ini"
echo "=== remind --agency 市教委"
$D remind --agency 市教委
echo "=== remind --agency 市人力社保局"
$D remind --agency 市人力社保局
echo "=== remind --agency 市工商联 (nothing to remind)"
$D remind --agency 市工商联; echo "exit $?, $($D remind --agency 市工商联 | wc -c) bytes"
echo "=== remind: every agency; each unreported or due-soon task is reminded to its lead"
$D remind > all.txt
grep -c '^【' all.txt; tail -1 all.txt
$D tasks --format csv > tasks.csv
python3 - <<'PY'
import csv, re
tasks = {int(r["id"]): r for r in csv.DictReader(open("tasks.csv", encoding="utf-8"))}
agency, part, seen = None, None, set()
for line in open("all.txt", encoding="utf-8"):
    if line.startswith("【"):
        agency = line.strip()[1:-1]
    elif "已逾期：" in line:
        part = "overdue"
    elif "未报送季度进展" in line:
        part = "missing"
    elif "完成时限临近" in line:
        part = "near"
    m = re.match(r"\s+任务 (\d+)（(牵头|配合)）", line)
    if m:
        seen.add((int(m.group(1)), agency, m.group(2), part))
for flag, part in (("overdue", "overdue"), ("unreported", "missing"), ("due-soon", "near")):
    want = [n for n, t in tasks.items() if t["flag"] == flag]
    got = [n for n in want if any((n, a, "牵头", part) in seen for a in tasks[n]["lead"].split(";"))]
    print(f"{flag}: {len(want)} tasks, reminded to every lead agency: {got == want}")
done = [n for n, t in tasks.items() if t["flag"] in ("done", "ok")]
print("done or on course, never reminded:", not any(n in done for n, *_ in seen))
keys = [(n, a) for n, a, *_ in seen]
print("each task once per agency:", len(keys) == len(set(keys)))
text = open("all.txt", encoding="utf-8").read()
print("days left never said of an overdue task:",
      not any(tasks[n]["flag"] == "overdue" and p != "overdue" for n, a, r, p in seen))
print("no task text cut short:", "…" not in text)
import unicodedata
cols = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print("widest line:", max(cols(l.rstrip("\n")) for l in text.split("\n")), "columns")
PY
echo "=== a report saved clears its reminder"
$D remind --agency 市人力社保局 | grep -c '任务 27'
$DUCHA --db demo.db --as-of 2017-12-10 update 27 --period 2017Q3 --status in-progress --note 已报送 >/dev/null
$D remind --agency 市人力社保局 | grep -c '任务 27.*报送'
echo "=== errors"
$D remind --agency 不存在的单位; echo "exit $?"
$D remind extra; echo "exit $?"
