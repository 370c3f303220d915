#!/usr/bin/env bash
# The documents to look at (make documents): on the demo database as of
# 2017-12-10, the 通报 as PDF and .docx, the 通报 since 2017Q2, the 督办单 of
# 市商委 (one page) and 市科委, and the 台账; the first page of each PDF as PNG,
# and, where LibreOffice is installed, the .docx and the 台账 printed to PDF
# and PNG too. The checks themselves are test/cli/cases/documents.sh.
#   DUCHA=path/to/ducha OUT=folder bash test/print/documents.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
DUCHA=${DUCHA:-$top/ducha}
case $DUCHA in /*) ;; *) DUCHA=$top/$DUCHA ;; esac
OUT=${OUT:-$top/build/documents}
case $OUT in /*) ;; *) OUT=$top/$OUT ;; esac
export LC_ALL=C.UTF-8 TZ=UTC
unset DUCHA_DB DUCHA_CONF
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/demo.db*
D="$DUCHA --db $OUT/demo.db --conf $top/conf/demo.ini"
$D init --demo > /dev/null
$D report --all --format pdf -o "$OUT/tongbao.pdf" 2>/dev/null
$D report --all --since 2017Q2 --format pdf -o "$OUT/tongbao-since.pdf" 2>/dev/null
$D report --all --format docx -o "$OUT/tongbao.docx" 2>/dev/null
$D report --all --format xlsx -o "$OUT/taizhang.xlsx" 2>/dev/null
$D report --agency 市商委 --format pdf -o "$OUT/duban-shangwei.pdf" 2>/dev/null
$D report --agency 市科委 --format pdf -o "$OUT/duban-kewei.pdf" 2>/dev/null
if command -v soffice > /dev/null 2>&1; then
  (cd "$OUT" && timeout 300 soffice --headless --convert-to pdf --outdir lo tongbao.docx taizhang.xlsx > /dev/null 2>&1) || true
fi
for pdf in "$OUT"/*.pdf "$OUT"/lo/*.pdf; do
  [ -f "$pdf" ] || continue
  name=$(basename "$pdf" .pdf)
  case $pdf in */lo/*) name=lo-$name ;; esac
  pdftoppm -r 60 -png -f 1 -l 1 "$pdf" "$OUT/$name"
  echo "$name: $(pdfinfo "$pdf" | awk '/^Pages/ { print $2 }') pages"
done
echo "documents and page images in $OUT"
