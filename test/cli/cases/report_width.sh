# Text summaries are ready for a printer: no line wider than [report]
# page_width (display columns, Chinese counting two, measured here by
# Python's own East Asian Width table, not by ducha's), pages of exactly
# page_length lines separated by form feeds, each numbered "— N —" at its foot.
# Long Chinese text, a long unbroken Latin run and a long agency name are
# planted to make the wrapping work; checked at the default 80×66 and at
# 60×40 and 60 columns without pages.
$DUCHA --db demo.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
long=$(printf '进展说明很长很长，%.0s' $(seq 1 30))
$DUCHA --db demo.db --as-of 2017-12-10 update 15 --period 2017Q3 --note "${long}附件见 https://example.org/$(printf 'abcdefghij%.0s' $(seq 1 12))/report.pdf。" >/dev/null
sqlite3 demo.db "UPDATE agency SET name = '重庆市科学技术委员会（重庆市外国专家局）科技成果转化与技术市场管理处' WHERE name = '市中小企业局'"
for size in 80x66 60x40 60x0; do
  w=${size%x*} l=${size#*x}
  printf '[general]\nas_of = 2017-12-10\n[report]\npage_width = %s\npage_length = %s\n' "$w" "$l" > page.ini
  $DUCHA --db demo.db --conf page.ini report --all > out.txt
  $DUCHA --db demo.db --conf page.ini report --agency 重庆市科学技术委员会（重庆市外国专家局）科技成果转化与技术市场管理处 > one.txt
  for f in out.txt one.txt; do
    WIDTH=$w LENGTH=$l python3 - "$f" <<'PY'
import os, re, sys, unicodedata
width, length = int(os.environ["WIDTH"]), int(os.environ["LENGTH"])
text = open(sys.argv[1], encoding="utf-8").read()
def cols(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
pages = text.split("\f")
lines = [l for p in pages for l in p.split("\n")]
widest = max(cols(l) for l in lines)
cjk = sum(1 for l in lines if any(unicodedata.east_asian_width(c) == "W" for c in l))
print(f"{sys.argv[1]} {width}x{length}: widest line {widest} columns:", "ok" if widest <= width else "TOO WIDE",
      "(Chinese on " + ("many" if cjk >= 50 else str(cjk)) + " lines)")  # the trail hash wraps differently run to run
if length:
    sizes = {len(p.split("\n")) - (1 if p.endswith("\n") else 0) for p in pages}
    numbers = [re.findall(r"— (\d+) —", p.rstrip("\n").split("\n")[-1]) for p in pages]
    ok = numbers == [[str(i + 1)] for i in range(len(pages))]
    thin = sum(1 for p in pages if sum(1 for l in p.split("\n")[:-2] if l.strip()) < 5)
    print(f"  pages of {sorted(sizes)} lines; numbered 1..N at the foot:", ok, "; pages with under 5 lines of text:", thin)
else:
    print("  no form feeds:", "\f" not in text, "; no page numbers:", not re.search(r"— \d+ —", text))
PY
  done
done
echo "--- the long note, wrapped: the address is broken only where it must be"
grep -B1 -A2 'https' one.txt | sed 's/ *$//'
