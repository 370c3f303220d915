/* What `ducha check` proves: SQLite's integrity and foreign keys, the audit
 * chain, the schema is the shipped one, the data is what its audit trail
 * says, and the trail is as long as the anchor file beside the database
 * remembers. Each check names the first object that differs. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/audit.h"
#include "internal.h"

extern const char ducha_schema_sql[];
extern const char ducha_audit_sql[];

bool store_apply_schema(db *d)
{
	return db_exec(d, ducha_schema_sql) && db_exec(d, ducha_audit_sql);
}

typedef struct problem_list {
	void (*report)(void *ctx, const char *problem);
	void *ctx;
	int n;
} problem_list;

static void problem(problem_list *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(problem_list *p, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->report(p->ctx, msg);
	p->n++;
}

/* --- SQLite's own checks and the chain ------------------------------------- */

static int check_rows(store *s, const char *sql, const char *label,
                      void (*report)(void *, const char *), void *ctx, bool *ran)
{
	db_stmt *q = db_prepare(s->db, sql);
	int problems = 0, rc;
	if (!q) {
		*ran = false;
		return 0;
	}
	while ((rc = db_step(q)) == 1) {
		const char *v = db_col_text(q, 0);
		if (strcmp(v, "ok") == 0)
			continue;
		char msg[600];
		snprintf(msg, sizeof msg, "%s: %s", label, v);
		report(ctx, msg);
		problems++;
	}
	db_reset(q);
	if (rc < 0)
		*ran = false;
	return problems;
}

static int check_chain(store *s, void (*report)(void *, const char *), void *ctx, bool *ran)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, json_array(id, at, user, role, action, object, json(old), json(new)),"
		"       prev_hash, hash FROM audit ORDER BY id");
	if (!q) {
		*ran = false;
		return 0;
	}
	char prev[AUDIT_HASH_HEX];
	snprintf(prev, sizeof prev, "%s", audit_genesis_hash);
	int rc;
	while ((rc = db_step(q)) == 1) {
		char hash[AUDIT_HASH_HEX], msg[300];
		long long id = (long long)db_col_int(q, 0);
		audit_hash(prev, db_col_text(q, 1), hash);
		if (strcmp(prev, db_col_text(q, 2)) != 0 || strcmp(hash, db_col_text(q, 3)) != 0) {
			snprintf(msg, sizeof msg, "留痕链在第 %lld 行断开：该行内容或哈希与前一行不符", id);
			report(ctx, msg);
			db_reset(q);
			return 1;
		}
		snprintf(prev, sizeof prev, "%s", hash);
	}
	db_reset(q);
	if (rc < 0)
		*ran = false;
	return 0;
}

static bool store_check_in_snapshot(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                                    int *problems);

bool store_check(store *s, void (*report)(void *ctx, const char *problem), void *ctx, int *problems)
{
	/* One snapshot: a save meanwhile cannot make the data and the trail disagree. */
	if (!db_read_begin(s->db))
		return false;
	bool ran = store_check_in_snapshot(s, report, ctx, problems);
	db_read_end(s->db);
	return ran;
}

static bool store_check_in_snapshot(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                                    int *problems)
{
	bool ran = true;
	*problems = check_rows(s, "PRAGMA integrity_check", "integrity_check", report, ctx, &ran);
	*problems += check_rows(s,
		"SELECT 'table ' || \"table\" || ' rowid ' || coalesce(rowid, '?') || ' → ' || parent"
		"  FROM pragma_foreign_key_check", "foreign_key_check", report, ctx, &ran);
	*problems += check_chain(s, report, ctx, &ran);
	int replayed = 0;
	ran = ran && store_check_replay(s, report, ctx, &replayed);
	*problems += replayed;
	return ran;
}

/* --- the schema ---------------------------------------------------------- */

static const char schema_rows_sql[] =
	"SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
	" WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";

typedef struct schema_row {
	char *type, *name, *sql;
} schema_row;

static void read_schema_row(db_stmt *q, void *item, void *ctx)
{
	(void)ctx;
	*(schema_row *)item = (schema_row){ db_col_dup(q, 0), db_col_dup(q, 1), db_col_dup(q, 3) };
}

static int read_schema(db *d, schema_row **out)
{
	db_stmt *q = db_prepare(d, schema_rows_sql);
	int n = 0;
	*out = NULL;
	return q && db_collect(q, out, &n, sizeof **out, read_schema_row, NULL) ? n : -1;
}

static void free_schema(schema_row *r, int n)
{
	for (int i = 0; i < n; i++) {
		free(r[i].type);
		free(r[i].name);
		free(r[i].sql);
	}
	free(r);
}

static const schema_row *find_row(const schema_row *r, int n, const schema_row *want)
{
	for (int i = 0; i < n; i++)
		if (strcmp(r[i].type, want->type) == 0 && strcmp(r[i].name, want->name) == 0)
			return &r[i];
	return NULL;
}

/* Every table, index and trigger as shipped, nothing more (a trigger or a
 * view added behind the program's back could rewrite what it saves). */
static bool check_schema(store *s, problem_list *p)
{
	char err[256];
	db *ref = db_open(":memory:", DB_CREATE, 0, err, sizeof err);
	if (!ref || !store_apply_schema(ref)) {
		db_fail(s->db, "无法建立对照用的数据库结构: %s", ref ? db_error(ref) : err);
		db_close(ref);
		return false;
	}
	schema_row *mine, *shipped;
	int nmine = read_schema(s->db, &mine), nshipped = read_schema(ref, &shipped);
	bool ran = nmine >= 0 && nshipped >= 0;
	const char *found = NULL;
	for (int i = 0; ran && !found && i < nshipped; i++) {
		const schema_row *m = find_row(mine, nmine, &shipped[i]);
		if (!m)
			problem(p, "数据库结构: 缺少 %s %s", shipped[i].type, (found = shipped[i].name));
		else if (strcmp(m->sql, shipped[i].sql) != 0)
			problem(p, "数据库结构: %s %s 的定义与本程序发布的不同", m->type, (found = m->name));
	}
	for (int i = 0; ran && !found && i < nmine; i++)
		if (!find_row(shipped, nshipped, &mine[i]))
			problem(p, "数据库结构: 多出 %s %s（不是本程序建立的）", mine[i].type, (found = mine[i].name));
	free_schema(mine, nmine > 0 ? nmine : 0);
	free_schema(shipped, nshipped > 0 ? nshipped : 0);
	db_close(ref);
	return ran;
}

/* --- the data against its trail ------------------------------------------ */

#define TASK_OBJECT(t, p) "(" STORE_SQL_TASK_PREFIX(t ".plan_id", p ".code") " || " t ".num)"

/* Replay starts at the last (re-)initialisation: nothing before it survives. */
#define SINCE STORE_SQL_LAST_INIT

/* Each report equals the 'new' of the last audit row for it, and each
 * report the trail knows still exists. */
static const char check_reports_sql[] =
	"WITH cur AS (SELECT " TASK_OBJECT("t", "p") " || ' report ' || r.period AS object, r.id,"
	"   r.status, r.note, r.version, r.author, r.state, r.reason, r.late, r.reopened"
	"   FROM report r JOIN task t ON t.id = r.task_id JOIN plan p ON p.id = t.plan_id)"
	/* Two halves instead of a full outer join, which SQLite runs as a nested
	 * loop (minutes at 10,000 tasks): each report against the last row of
	 * its object (an index seek each), then the objects of the trail that
	 * are no report (EXCEPT: sorted, not nested). */
	" SELECT cur.object,"
	"   CASE WHEN last.new IS NULL THEN '这份填报没有对应的留痕记录' ELSE '与留痕记录的最新内容不符' END"
	" FROM cur LEFT JOIN audit last ON last.id = (SELECT max(a.id) FROM audit a WHERE a.object = cur.object"
	"   AND a.action IN ('report', 'review', 'reopen') AND a.id > " SINCE ")"
	" LEFT JOIN audit author ON author.id = (SELECT max(a.id) FROM audit a WHERE a.object = cur.object"
	"   AND +a.action = 'report' AND a.id > " SINCE ")"
	" WHERE last.new IS NULL"
	"   OR cur.status IS NOT json_extract(last.new, '$.status')"
	"   OR cur.note IS NOT json_extract(last.new, '$.note')"
	"   OR cur.version IS NOT json_extract(last.new, '$.version')"
	"   OR cur.author IS NOT author.user"
	/* Rows written before the review (schema 2) have no state: submitted then. */
	"   OR cur.state IS NOT coalesce(json_extract(last.new, '$.state'), 'submitted')"
	"   OR cur.reason IS NOT coalesce(json_extract(last.new, '$.reason'), '')"
	"   OR cur.late IS NOT coalesce(json_extract(last.new, '$.late'), 0)"
	"   OR cur.reopened IS NOT coalesce(json_extract(last.new, '$.reopened'), 0)"
	"   OR (SELECT count(*) FROM report_value v WHERE v.report_id = cur.id)"
	"      IS NOT (SELECT count(*) FROM json_each(last.new, '$.values'))"
	"   OR EXISTS (SELECT 1 FROM json_each(last.new, '$.values') e WHERE e.value IS NOT"
	"      (SELECT v.value FROM report_value v JOIN indicator i ON i.id = v.indicator_id"
	"        WHERE v.report_id = cur.id AND i.name = e.key))"
	" UNION ALL"
	" SELECT * FROM (SELECT object, '留痕中有记录，数据库中却没有这份填报' FROM"
	"   (SELECT object FROM audit WHERE action IN ('report', 'review', 'reopen') AND id > " SINCE
	"    EXCEPT SELECT object FROM cur))"
	" ORDER BY 1 LIMIT 1";

static const char check_notes_sql[] =
	/* A note as its last row of the trail left it: written, edited or
	 * withdrawn (only by its author, so the row's user is the author). */
	"WITH logged AS (SELECT json_extract(new, '$.id') AS note_id, object, new, user FROM audit"
	"   WHERE id IN (SELECT max(id) FROM audit WHERE action = 'note' AND id > " SINCE
	"                GROUP BY json_extract(new, '$.id'))),"
	" cur AS (SELECT n.id, n.kind, n.text, n.author, " TASK_OBJECT("t", "p") " || ' note' AS object,"
	"   n.withdrawn, n.edited FROM note n JOIN task t ON t.id = n.task_id JOIN plan p ON p.id = t.plan_id),"
	/* Compared whole by EXCEPT (sorted, where a full outer join on the note's
	 * id would be a nested loop): the notes unlike any row of the trail,
	 * and the trail's notes that are gone. */
	" differs AS (SELECT id, kind, text, author, object, withdrawn, edited FROM cur EXCEPT"
	"   SELECT note_id, json_extract(new, '$.kind'), json_extract(new, '$.text'), user, object,"
	"   coalesce(json_extract(new, '$.withdrawn'), 0), json_extract(new, '$.edited') FROM logged),"
	" first AS (SELECT id, object FROM differs ORDER BY object || ' ' || id LIMIT 1)"
	" SELECT first.object || ' ' || first.id,"
	"   CASE WHEN EXISTS (SELECT 1 FROM logged WHERE note_id = first.id) THEN '与留痕记录不符'"
	"        ELSE '这条进展情况或督查意见没有对应的留痕记录' END FROM first"
	" UNION ALL"
	" SELECT logged.object || ' ' || logged.note_id, '留痕中有记录，数据库中却没有这条记录'"
	" FROM logged LEFT JOIN note n ON n.id = logged.note_id WHERE n.id IS NULL"
	" ORDER BY 1 LIMIT 1";

/* Each alias is its last 'alias' row's; one taken away has none. */
static const char check_aliases_sql[] =
	"WITH last AS (SELECT object, new FROM audit WHERE id IN"
	"   (SELECT max(id) FROM audit WHERE action = 'alias' AND id > " SINCE " GROUP BY object)),"
	" cur AS (SELECT 'alias ' || a.alias AS object, json_object('alias', a.alias, 'agency', g.name) AS j"
	"   FROM agency_alias a JOIN agency g ON g.id = a.agency_id)"
	" SELECT * FROM (SELECT object, '这个别名与留痕记录不符' FROM"
	"   (SELECT object, j FROM cur EXCEPT SELECT object, new FROM last WHERE new IS NOT NULL)"
	" UNION ALL SELECT object, '留痕中有这个别名，数据库中却没有' FROM"
	"   (SELECT object FROM last WHERE new IS NOT NULL EXCEPT SELECT object FROM cur))"
	" ORDER BY 1 LIMIT 1";

/* A task's status and version are its last 'status' row's, or the
 * initial ones when it has none. */
static const char check_status_sql[] =
	"WITH last AS (SELECT object, new, user, at FROM audit WHERE id IN"
	"   (SELECT max(id) FROM audit WHERE action = 'status' AND id > " SINCE " GROUP BY object))"
	" SELECT " TASK_OBJECT("t", "p") ", '任务状态（' || t.status || '）与留痕记录不符'"
	" FROM task t JOIN plan p ON p.id = t.plan_id"
	" LEFT JOIN last ON last.object = " TASK_OBJECT("t", "p")
	" WHERE t.status IS NOT coalesce(json_extract(last.new, '$.status'), 'open')"
	"    OR t.version IS NOT coalesce(json_extract(last.new, '$.version'), 1)"
	/* Before schema 3 an acceptance named nobody: its row's author and time. */
	"    OR t.accepted_by IS NOT coalesce(json_extract(last.new, '$.accepted_by'),"
	"       CASE WHEN t.status = 'accepted' THEN last.user ELSE '' END)"
	"    OR t.accepted_at IS NOT coalesce(json_extract(last.new, '$.accepted_at'),"
	"       CASE WHEN t.status = 'accepted' THEN last.at ELSE '' END)"
	" ORDER BY t.plan_id, t.num LIMIT 1";

static bool first_difference(store *s, const char *sql, problem_list *p)
{
	db_stmt *q = db_prepare(s->db, sql);
	int rc = q ? db_step(q) : -1;
	if (rc == 1)
		problem(p, "%s: %s", db_col_text(q, 0), db_col_text(q, 1));
	if (q)
		db_reset(q);
	return rc >= 0;
}

/* The plan definitions (areas, measures, tasks, agencies, indicators), row
 * by row in a fixed order: what 'init', 'import' and 'migrate' rows record. */
static const char *const definition_sql[] = {
	"SELECT json_array('plan', id, code, title, issuer, issued, starts, ends) FROM plan ORDER BY id",
	"SELECT json_array('area', id, plan_id, num, title, short) FROM area ORDER BY id",
	"SELECT json_array('measure', id, plan_id, area_id, num, title, body) FROM measure ORDER BY id",
	"SELECT json_array('task', id, plan_id, measure_id, num, text, deadline, dues, due)"
	"  FROM task ORDER BY id",
	"SELECT json_array('agency', id, name) FROM agency ORDER BY id",
	"SELECT json_array('task_agency', task_id, agency_id, role, ord) FROM task_agency"
	"  ORDER BY task_id, agency_id",
	"SELECT json_array('indicator', id, task_id, ord, name, kind, comparator, target, target_hi,"
	"  unit, due, mode, baseline, baseline_date, baseline_source, source, approval) FROM indicator ORDER BY id",
};

bool store_definition_digest(store *s, char hex[AUDIT_HASH_HEX])
{
	audit_digest *d = audit_digest_begin();
	bool ok = true;
	for (size_t i = 0; ok && i < sizeof definition_sql / sizeof definition_sql[0]; i++) {
		db_stmt *q = db_prepare(s->db, definition_sql[i]);
		int rc = -1;
		while (q && (rc = db_step(q)) == 1)
			audit_digest_add(d, db_col_text(q, 0));
		if (q)
			db_reset(q);
		ok = rc == 0;
	}
	audit_digest_end(d, hex);
	return ok;
}

static bool check_definition(store *s, problem_list *p)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, json_extract(new, '$.definition') FROM audit"
		" WHERE json_extract(new, '$.definition') IS NOT NULL ORDER BY id DESC LIMIT 1");
	int rc = q ? db_step(q) : -1;
	char recorded[AUDIT_HASH_HEX] = "", now[AUDIT_HASH_HEX];
	long long row = rc == 1 ? (long long)db_col_int(q, 0) : 0;
	if (rc == 1)
		snprintf(recorded, sizeof recorded, "%s", db_col_text(q, 1));
	if (q)
		db_reset(q);
	if (rc < 0 || !store_definition_digest(s, now))
		return false;
	if (rc == 0)
		problem(p, "工作方案的定义（领域、措施、任务、单位、指标）在留痕中没有记录");
	else if (strcmp(recorded, now) != 0)
		problem(p, "工作方案的定义（领域、措施、任务、单位、指标）与留痕第 %lld 行记录的不符："
		           "有内容未经本程序被改动", row);
	return true;
}

bool store_check_replay(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                        int *nproblems)
{
	problem_list p = { report, ctx, 0 };
	bool ran = check_schema(s, &p);
	/* With a foreign schema the queries below could run anyone's triggers. */
	if (ran && p.n == 0)
		ran = first_difference(s, check_reports_sql, &p) && first_difference(s, check_notes_sql, &p) &&
		      first_difference(s, check_status_sql, &p) && first_difference(s, check_aliases_sql, &p) &&
		      check_definition(s, &p);
	*nproblems = p.n;
	return ran;
}

/* --- the anchor beside the database ---------------------------------------- */

static void anchor_path(const char *db_path, char *out, size_t len)
{
	snprintf(out, len, "%s%s", db_path, STORE_ANCHOR_SUFFIX);
}

static bool anchor_parse(const char *text, int64_t *rows, char hash[AUDIT_HASH_HEX])
{
	long long n;
	char h[AUDIT_HASH_HEX];
	if (sscanf(text, "ducha-anchor 1 %lld %64[0-9a-f]", &n, h) != 2 || n < 0 || strlen(h) != 64)
		return false;
	*rows = n;
	memcpy(hash, h, AUDIT_HASH_HEX);
	return true;
}

bool store_anchor_write(const char *db_path, int64_t rows, const char *head, bool replace)
{
	char path[4200], old[200] = "", have[AUDIT_HASH_HEX];
	int64_t known = -1;
	anchor_path(db_path, path, sizeof path);
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0660);
	if (fd < 0)
		return false;
	/* Writers finish in any order: the anchor only moves forward. */
	bool ok = flock(fd, LOCK_EX) == 0;
	ssize_t got = ok ? pread(fd, old, sizeof old - 1, 0) : -1;
	if (got > 0) {
		old[got] = '\0';
		if (!anchor_parse(old, &known, have))
			known = -1;
	}
	if (ok && (replace || rows > known)) {
		char line[128];
		int n = snprintf(line, sizeof line, "ducha-anchor 1 %lld %s\n", (long long)rows, head);
		/* Written over the old line, then cut to length: a writer killed
		 * between the two leaves a whole line (what follows its newline is
		 * not read), never the empty file truncating first would. */
		ok = pwrite(fd, line, (size_t)n, 0) == n && ftruncate(fd, n) == 0;
	}
	close(fd);
	return ok;
}

bool store_anchor_update(store *s, bool replace)
{
	char head[AUDIT_HASH_HEX];
	int64_t rows = 0;
	return s->path && store_audit_head(s, head, &rows) && store_anchor_write(s->path, rows, head, replace);
}

bool store_check_anchor(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                        int *nproblems)
{
	problem_list p = { report, ctx, 0 };
	char path[4200], text[200], hash[AUDIT_HASH_HEX];
	int64_t rows = 0;
	*nproblems = 0;
	if (!s->path)
		return false;
	anchor_path(s->path, path, sizeof path);
	/* Read before the database: a save between the two only lengthens the trail. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (got < 0) {
		problem(&p, "留痕锚点文件 %s 无法读取（%s）：无法证明留痕未被截短或重写", path, strerror(errno));
	} else {
		text[got] = '\0';
		if (!anchor_parse(text, &rows, hash))
			problem(&p, "留痕锚点文件 %s 的内容无法识别", path);
	}
	if (p.n) {
		*nproblems = p.n;
		return true;
	}
	db_stmt *q = db_prepare(s->db, "SELECT hash, (SELECT coalesce(max(id), 0) FROM audit)"
	                               "  FROM (SELECT NULL) LEFT JOIN audit ON audit.id = :n");
	if (!q || !db_bind_int(q, ":n", rows) || db_step(q) != 1)
		return false;
	long long have = (long long)db_col_int(q, 1);
	if (rows > 0 && have < rows)
		problem(&p, "留痕被截短：锚点文件记有 %lld 行，数据库中只有 %lld 行", (long long)rows, have);
	else if (rows > 0 && strcmp(db_col_text(q, 0), hash) != 0)
		problem(&p, "留痕第 %lld 行的哈希与锚点文件不符：留痕被改写或整条重新计算过", (long long)rows);
	db_reset(q);
	*nproblems = p.n;
	return true;
}
