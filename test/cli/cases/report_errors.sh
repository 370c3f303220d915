# report: bad arguments are refused with one line and nothing written;
# -o obeys restricted mode; --print runs [print] command without a shell,
# with the file last on its command line and no stored text there (the file
# name is made of the agency's number and the date).
$DUCHA --db t.db --conf "$TOP/conf/demo.ini" init --demo >/dev/null
D="$DUCHA --db t.db --as-of 2017-12-10"
try() { echo "\$ report $*"; $D report "$@" > out.txt; echo "exit $? ($(wc -c < out.txt) bytes on stdout)"; }
try
try --agency 市科委 --all
try --all --format xml
try --all --bom
try --all --since 2017Q5
try --all --since 2017Q4
try --agency 不存在的单位
try --all extra
try --all --print
try --all -o no/such/folder/r.txt
ls no 2>&1 | head -1
printf '[report]\npage_length = 10\n' > short.ini
echo "\$ page_length = 10"; $DUCHA --db t.db --conf short.ini --as-of 2017-12-10 report --all > /dev/null; echo "exit $?"
echo "--- restricted mode: files only inside the report folder"
mkdir reports
printf '[access]\nrestricted = true\n[report]\nfolder = reports\n' > r.ini
R="$DUCHA --db t.db --conf r.ini --as-of 2017-12-10"
me=$(id -un)
$R report --all -o elsewhere.txt 2>&1 | sed "s|/$me|/USER|g"; echo "exit ${PIPESTATUS[0]}"; ls elsewhere.txt 2>&1
$R report --all --format html -o "reports/$me/all.html" 2>&1 | sed "s|/$me/|/USER/|g"; echo "exit ${PIPESTATUS[0]}"
ls "reports/$me"
echo "--- --print: no shell, the file last, its name free of stored text"
cat > rec.sh <<'SH'
#!/bin/sh
for a in "$@"; do printf '[%s]\n' "$a"; done > args.txt
echo "request id is office-1 (1 file(s))"
SH
chmod +x rec.sh
sqlite3 t.db "UPDATE agency SET name = '市金融办\$(touch\${IFS}pwned);rm\${IFS}x' WHERE name = '市金融办'"
printf '[general]\nas_of = 2017-12-10\n[print]\ncommand = ./rec.sh  -d office   -o media=A4\n' > p.ini
$DUCHA --db t.db --conf p.ini report --all --print; echo "exit $?"
cat args.txt; ls pwned 2>&1
id=$(sqlite3 t.db "SELECT id FROM agency WHERE name LIKE '市金融办%'")
head -c 5 reports/summary-all-2017-12-10.pdf; echo
echo "--- printing sends PDF: text, csv, json or html are refused, naming --format pdf"
for f in text csv json html; do
  $DUCHA --db t.db --conf p.ini report --all --format $f -o mine.$f --print 2>&1; echo "exit $?"; ls mine.$f 2>&1 | head -1
done
$DUCHA --db t.db --conf p.ini report --agency "$(sqlite3 t.db "SELECT name FROM agency WHERE id = $id")" --print 2>&1 \
  | sed "s/-$id-/-<id>-/"; echo "exit $?"
ls reports | grep -vx "$me" | sed "s/-$id-/-<id>-/"
grep -c 'summary-agency-[0-9]*-2017-12-10.pdf\]' args.txt
echo "--- a print command that fails, or is not there: the file stays"
printf '[general]\nas_of = 2017-12-10\n[print]\ncommand = false\n' > f.ini
$DUCHA --db t.db --conf f.ini report --all -o kept.pdf --print; echo "exit $?"; ls kept.pdf
printf '[general]\nas_of = 2017-12-10\n[print]\ncommand = no-such-printer-program -d x\n' > n.ini
$DUCHA --db t.db --conf n.ini report --all -o kept2.pdf --print; echo "exit $?"
ls *.tmp 2>&1 | head -1
