#!/usr/bin/env bash
# The HTML summaries on paper: the summary of one agency and `report --all`
# (with --since) are printed to PDF by headless Chromium, and the PDFs must
# be A4 throughout, numbered 第 N 页 共 M 页, with every font embedded and
# the Chinese text extractable as text (not boxes, not pictures);
# page 1 of each is rendered to PNG with pdftoppm for a person to look at.
# Needs chromium and poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm),
# and a CJK font such as fonts-noto-cjk; without chromium it says "skipped".
#   DUCHA=path/to/ducha OUT=folder bash test/print/pdf.sh   (make report-pdf)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
if ! command -v chromium > /dev/null 2>&1; then
  echo "pdf test: skipped (chromium is not installed: apt-get install chromium poppler-utils fonts-noto-cjk)"
  exit 0
fi
for tool in pdfinfo pdftotext pdffonts pdftoppm; do
  command -v $tool > /dev/null 2>&1 || { echo "pdf test: FAILED: $tool missing (apt-get install poppler-utils)"; exit 1; }
done
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
OUT=${OUT:-$(mktemp -d)}
case $OUT in /*) ;; *) OUT=$top/$OUT ;; esac
mkdir -p "$OUT"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
fail() { echo "pdf test: FAILED: $*"; failed=1; }

db=$scratch/demo.db
"$DUCHA" --db "$db" --conf "$top/conf/demo.ini" init --demo > /dev/null || { echo "pdf test: FAILED: init"; exit 1; }
D="$DUCHA --db $db --conf $top/conf/demo.ini"
$D report --agency 市科委 --format html -o "$OUT/agency.html" 2> /dev/null || fail "report --agency"
$D report --all --since 2017Q2 --format html -o "$OUT/all.html" 2> /dev/null || fail "report --all"
agencies=$($D agencies --format csv | tail -n +2 | wc -l)

# A fresh profile each time, and nothing fetched from the network.
print_pdf() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$scratch")" \
    --no-pdf-header-footer --print-to-pdf="$OUT/$1.pdf" "file://$OUT/$1.html" > "$scratch/$1.log" 2>&1
  [ -s "$OUT/$1.pdf" ] || { cat "$scratch/$1.log"; fail "chromium made no $1.pdf"; return 1; }
}

check_pdf() {
  local name=$1 min_pages=$2 pdf=$OUT/$1.pdf
  local pages
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  [ "${pages:-0}" -ge "$min_pages" ] || fail "$name.pdf has ${pages:-0} pages, expected at least $min_pages"
  # Every page A4 (595 × 842 points, portrait).
  local sizes
  sizes=$(pdfinfo -f 1 -l "$pages" "$pdf" | sed -n 's/^Page *[0-9]* size: *//p' | sort -u)
  case $sizes in *"(A4)"*) ;; *) fail "$name.pdf pages are not A4: $sizes" ;; esac
  [ "$(printf '%s\n' "$sizes" | wc -l)" -eq 1 ] || fail "$name.pdf pages differ in size: $sizes"
  # Every font is in the file (Chromium embeds the CJK glyphs as Type 3
  # fonts) with a map back to Unicode, so the Chinese below is text.
  pdffonts "$pdf" | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit bad }' ||
    fail "$name.pdf uses a font it does not embed"
  pdftotext -layout "$pdf" "$scratch/$name.txt"
  for words in 督查通报 市科委 牵头任务 填报人 审核人 "第 1 页 共 $pages 页" "第 $pages 页 共 $pages 页"; do
    tr -d ' \f' < "$scratch/$name.txt" | grep -q "$(printf '%s' "$words" | tr -d ' ')" ||
      fail "$name.pdf: \"$words\" is not in its text"
  done
  rm -f "$OUT/$name"-*.png
  pdftoppm -png -r 100 -f 1 -l 1 "$pdf" "$OUT/$name" || fail "pdftoppm $name.pdf"
  local png
  png=$(ls "$OUT/$name"-*.png 2> /dev/null | head -1)
  [ -s "$png" ] || fail "no PNG of $name.pdf page 1"
  echo "pdf test: $name.pdf: $pages A4 pages, fonts embedded, Chinese text extractable; page 1 as $png"
}

print_pdf agency && check_pdf agency 2
# The overview, then each agency from a new page.
print_pdf all && check_pdf all $((agencies + 1))
if [ "$failed" -eq 0 ]; then echo "pdf test: passed"; else echo "pdf test: failed"; fi
exit "$failed"
