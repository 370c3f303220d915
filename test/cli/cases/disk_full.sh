# A full disk (a file-size limit, or SQLite's max_page_count) makes a save fail
# with a clear message; nothing is half-written and what was stored stays.
$DUCHA --db t.db init >/dev/null
long() { printf "$1%.0s" $(seq 1 2000); }          # 2000 Chinese characters, 6000 bytes
$DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2100 --note "$(long 甲)" >/dev/null
before=$(sqlite3 t.db .dump | sha256sum)
# Files may not grow past 32 KiB: the -shm (32 KiB) fits, but the WAL frames of
# this amendment (the old note and a new one of 2000 four-byte characters, in
# the report and in its audit row: about 40 KiB) do not.
( ulimit -f 32; $DUCHA --db t.db update 15 --period 2016Q4 --set 科技型企业=2500 --note "$(long 𠮷)" ) 2>&1 | sed -E 's/\[SQL: .*\]//'; echo "exit ${PIPESTATUS[0]}"
after=$(sqlite3 t.db .dump | sha256sum)
[ "$before" = "$after" ] && echo "database unchanged" || echo "DATABASE CHANGED"
echo "integrity: $(sqlite3 t.db 'PRAGMA integrity_check')"
$DUCHA --db t.db check
$DUCHA --db t.db show 15 | grep -a '科技型企业 = '
