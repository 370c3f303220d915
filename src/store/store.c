#include "ducha/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/audit.h"
#include "internal.h"
#include "ducha/xalloc.h"

extern const char ducha_audit_sql[];
extern const char ducha_schema_sql[];
extern const char ducha_load_sql[];
extern const char ducha_builtin_plan_sql[];

/* The program itself, as the author of a migration's audit row. */
static const actor migration_actor = { "ducha-migrate", ROLE_ADMIN, "" };

/* A migration's audit row vouches for the plan definitions as they stand,
 * so that `check` can follow them from then on. */
static bool audit_migration(store *s, int from)
{
	char digest[AUDIT_HASH_HEX];
	/* The digest reads today's columns: only the last step has them all. */
	bool last = from + 1 == STORE_SCHEMA_VERSION;
	if (last && !store_definition_digest(s, digest))
		return false;
	json_field f[] = {
		{ "from", JSON_INT, NULL, from, 0 },
		{ "to", JSON_INT, NULL, from + 1, 0 },
		{ "definition", JSON_TEXT, digest, 0, 0 },
	};
	char *new_json = store_json_object(s, f, last ? 3 : 2);
	bool ok = new_json && store_audit_append(s, &migration_actor, "migrate", "database", NULL, new_json);
	free(new_json);
	return ok;
}

/* 1 → 2: the audit trail takes the new actions (reinit, backup, migrate);
 * re-created from db/audit.sql so that its text is the shipped one. */
static bool migrate_1_to_2(store *s)
{
	db_stmt *q = db_prepare(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'");
	int64_t audit_tables = 0;
	bool has_audit = q && db_one_int(q, &audit_tables, NULL) && audit_tables > 0;
	if (!has_audit)   /* no tables yet: nothing to carry over */
		return db_exec(s->db, "PRAGMA user_version = 2");
	return db_exec(s->db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
	                      "ALTER TABLE audit RENAME TO audit_v1") &&
	       db_exec(s->db, ducha_audit_sql) &&
	       db_exec(s->db, "INSERT INTO audit SELECT * FROM audit_v1; DROP TABLE audit_v1") &&
	       audit_migration(s, 1) && db_exec(s->db, "PRAGMA user_version = 2");
}

/* The shipped SQL of every index (or trigger) of a table, run again. */
static bool shipped_objects_of(store *s, db *ref, const char *type, const char *table)
{
	db_stmt *q = db_prepare(ref, "SELECT sql FROM sqlite_schema WHERE type = :type AND tbl_name = :table"
	                             " AND sql IS NOT NULL ORDER BY name");
	bool ok = q && db_bind_text(q, ":type", type) && db_bind_text(q, ":table", table);
	int rc = -1;
	while (ok && (rc = db_step(q)) == 1) {
		char *sql = db_col_dup(q, 0);
		ok = db_exec(s->db, sql);
		free(sql);
	}
	if (q)
		db_reset(q);
	return ok && rc == 0;
}

/* A table made from its shipped text, empty. */
static bool shipped_table(store *s, db *ref, const char *table)
{
	db_stmt *q = db_prepare(ref, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = :name");
	char *create = q && db_bind_text(q, ":name", table) && db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	bool ok = create && db_exec(s->db, create);
	free(create);
	return ok;
}

/* A table re-made from its shipped text (so that `check` finds the shipped
 * schema), its rows copied with columns (the new ones take their defaults),
 * its indexes re-made. Foreign keys are off while a migration runs, and the
 * legacy rename leaves the other tables' references to the name alone. */
static bool recreate_table(store *s, db *ref, const char *table, const char *columns, const char *from_columns)
{
	char sql[4096];
	db_stmt *q = db_prepare(ref, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = :name");
	char *create = q && db_bind_text(q, ":name", table) && db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	if (!create) {
		db_fail(s->db, "本程序的数据库结构中没有表 %s", table);
		return false;
	}
	snprintf(sql, sizeof sql, "PRAGMA legacy_alter_table = ON; ALTER TABLE %s RENAME TO %s_old", table, table);
	bool ok = db_exec(s->db, sql) && db_exec(s->db, create);
	free(create);
	snprintf(sql, sizeof sql, "INSERT INTO %s (%s) SELECT %s FROM %s_old; DROP TABLE %s_old;"
	                          " PRAGMA legacy_alter_table = OFF", table, columns, from_columns, table, table);
	return ok && db_exec(s->db, sql) && shipped_objects_of(s, ref, "index", table) &&
	       shipped_objects_of(s, ref, "trigger", table);
}

#define REPORT_V2_COLUMNS "id, task_id, period, status, note, author, created, demo, version"
#define TASK_V2_COLUMNS "id, plan_id, measure_id, num, text, deadline, dues, due, status, version"
#define NOTE_V2_COLUMNS "id, task_id, kind, text, author, created, demo"
#define AUDIT_COLUMNS "id, at, user, role, action, object, old, new, prev_hash, hash"
/* An accepted task's 销号人 and time, from its last status row. */
#define ACCEPTED_FROM_TRAIL(col) \
	"CASE WHEN status = 'accepted' THEN coalesce((SELECT a." col " FROM audit a WHERE a.action = 'status'" \
	" AND a.object = (CASE WHEN plan_id = (SELECT min(id) FROM plan) THEN '' ELSE" \
	" 'plan ' || (SELECT code FROM plan WHERE plan.id = plan_id) || ' ' END) || 'task ' || num" \
	" ORDER BY a.id DESC LIMIT 1), '') ELSE '' END"

/* 2 → 3: the quarterly cycle: a report's review (state, reason, reviewer),
 * 迟报 and reopening; a task's 销号人 and time; 配合情况 notes; the trail's
 * review and reopen rows. */
static bool migrate_2_to_3(store *s)
{
	db_stmt *q = db_prepare(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'plan'");
	int64_t tables = 0;
	if (!q || !db_one_int(q, &tables, NULL))
		return false;
	if (tables == 0)   /* no tables yet: nothing to carry over */
		return db_exec(s->db, "PRAGMA user_version = 3");
	char err[256];
	db *ref = db_open(":memory:", DB_CREATE, 0, err, sizeof err);
	bool ok = ref && store_apply_schema(ref);
	if (!ok)
		db_fail(s->db, "无法建立本程序的数据库结构: %s", ref ? db_error(ref) : err);
	ok = ok && db_exec(s->db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete") &&
	     recreate_table(s, ref, "audit", AUDIT_COLUMNS, AUDIT_COLUMNS) &&
	     recreate_table(s, ref, "report", REPORT_V2_COLUMNS, REPORT_V2_COLUMNS) &&
	     recreate_table(s, ref, "task", TASK_V2_COLUMNS ", accepted_by, accepted_at",
	                    TASK_V2_COLUMNS ", " ACCEPTED_FROM_TRAIL("user") ", " ACCEPTED_FROM_TRAIL("at")) &&
	     recreate_table(s, ref, "note", NOTE_V2_COLUMNS, NOTE_V2_COLUMNS) &&
	     audit_migration(s, 2) && db_exec(s->db, "PRAGMA user_version = 3");
	db_close(ref);
	return ok;
}

#define INDICATOR_V3_COLUMNS "id, task_id, ord, name, kind, comparator, target, target_hi, unit, due, mode, baseline"

/* 3 → 4: indicator definitions an office can edit: the annual mode, a
 * baseline that may be unset, its date and source, where an indicator comes
 * from and whose approval it waits on; the trail's indicator rows. A
 * baseline of 0 stays 0 (set), as it was judged before. */
/* A step from version to version + 1 that re-makes objects from the
 * shipped schema (ref, in memory); a database without tables yet only takes
 * the number. */
static bool with_shipped(store *s, int to, bool (*step)(store *, db *))
{
	db_stmt *q = db_prepare(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'plan'");
	int64_t tables = 0;
	if (!q || !db_one_int(q, &tables, NULL))
		return false;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	if (tables == 0)
		return db_exec(s->db, sql);
	char err[256];
	db *ref = db_open(":memory:", DB_CREATE, 0, err, sizeof err);
	bool ok = ref && store_apply_schema(ref);
	if (!ok)
		db_fail(s->db, "无法建立本程序的数据库结构: %s", ref ? db_error(ref) : err);
	ok = ok && step(s, ref) && audit_migration(s, to - 1) && db_exec(s->db, sql);
	db_close(ref);
	return ok;
}

static bool step_3_to_4(store *s, db *ref)
{
	return db_exec(s->db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete") &&
	       recreate_table(s, ref, "audit", AUDIT_COLUMNS, AUDIT_COLUMNS) &&
	       recreate_table(s, ref, "indicator", INDICATOR_V3_COLUMNS, INDICATOR_V3_COLUMNS);
}

static bool migrate_3_to_4(store *s)
{
	return with_shipped(s, 4, step_3_to_4);
}

/* The search index and its triggers as shipped, filled from the texts. */
static bool make_search_index(store *s, db *ref)
{
	return db_exec(s->db, "DROP TABLE IF EXISTS search_text;"
	                      " CREATE VIRTUAL TABLE search_text USING fts5(text, tokenize = 'trigram')") &&
	       db_exec(s->db, "DROP TRIGGER IF EXISTS task_search_insert; DROP TRIGGER IF EXISTS task_search_update;"
	                      " DROP TRIGGER IF EXISTS task_search_delete; DROP TRIGGER IF EXISTS note_search_insert;"
	                      " DROP TRIGGER IF EXISTS note_search_update; DROP TRIGGER IF EXISTS note_search_delete;"
	                      " DROP TRIGGER IF EXISTS note_search_withdraw;"
	                      " DROP TRIGGER IF EXISTS report_search_insert; DROP TRIGGER IF EXISTS report_search_update;"
	                      " DROP TRIGGER IF EXISTS report_search_delete") &&
	       shipped_objects_of(s, ref, "trigger", "task") && shipped_objects_of(s, ref, "trigger", "note") &&
	       shipped_objects_of(s, ref, "trigger", "report") &&
	       db_exec(s->db, "INSERT INTO search_text (rowid, text) SELECT id * 4, text FROM task;"
	                      " INSERT INTO search_text (rowid, text) SELECT id * 4 + 1, text FROM note;"
	                      " INSERT INTO search_text (rowid, text) SELECT id * 4 + 2, note FROM report WHERE note <> ''");
}

/* 4 → 5: the trail's indexes, by object and by action (db/audit.sql), so
 * that opening a task does not read the whole trail; the search index of
 * trigrams. An older database migrated in the same run may have the trail's
 * indexes already (re-made with the table). */
static bool step_4_to_5(store *s, db *ref)
{
	return db_exec(s->db, "DROP INDEX IF EXISTS audit_by_object; DROP INDEX IF EXISTS audit_by_action") &&
	       shipped_objects_of(s, ref, "index", "audit") && make_search_index(s, ref);
}

static bool migrate_4_to_5(store *s)
{
	return with_shipped(s, 5, step_4_to_5);
}

/* 5 → 6: a task's history and an indicator's series read from covering
 * indexes (report_heads, report_value_series), which take the place of the
 * "completed" reports' index and the plain index of values by indicator. */
static bool step_5_to_6(store *s, db *ref)
{
	return db_exec(s->db, "DROP INDEX IF EXISTS report_completed; DROP INDEX IF EXISTS report_period;"
	                      " DROP INDEX IF EXISTS report_heads; DROP INDEX IF EXISTS report_value_indicator;"
	                      " DROP INDEX IF EXISTS report_value_series") &&
	       shipped_objects_of(s, ref, "index", "report") && shipped_objects_of(s, ref, "index", "report_value");
}

static bool migrate_5_to_6(store *s)
{
	return with_shipped(s, 6, step_5_to_6);
}

/* 6 → 7: a note its author edited (edited) or withdrew (withdrawn), and the
 * trigger that takes a withdrawn note out of the search index; agencies'
 * other names (agency_alias); the trail's alias and plan rows. */
static bool step_6_to_7(store *s, db *ref)
{
	/* An older database's earlier steps made the note table from today's
	 * text, its triggers with it. */
	return db_exec(s->db, "DROP TRIGGER IF EXISTS note_search_withdraw") &&
	       recreate_table(s, ref, "note", NOTE_V2_COLUMNS, NOTE_V2_COLUMNS) &&
	       db_exec(s->db, "DROP TABLE IF EXISTS agency_alias") && shipped_table(s, ref, "agency_alias") &&
	       db_exec(s->db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete") &&
	       recreate_table(s, ref, "audit", AUDIT_COLUMNS, AUDIT_COLUMNS);
}

static bool migrate_6_to_7(store *s)
{
	return with_shipped(s, 7, step_6_to_7);
}

/* Migrations from version N to N+1, in order; index 0 takes 1 to 2. */
static bool (*const migrations[])(store *) = { migrate_1_to_2, migrate_2_to_3, migrate_3_to_4, migrate_4_to_5,
                                               migrate_5_to_6, migrate_6_to_7 };

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Whether sql is, word for word, a CREATE TRIGGER of the shipped schema
 * (SQLite keeps a trigger's text as it was written). */
static bool shipped_trigger(const char *type, const char *sql)
{
	if (strcmp(type, "trigger") != 0 || strncmp(sql, "CREATE TRIGGER ", 15) != 0)
		return false;
	size_t n = strlen(sql);
	for (const char *const *file = (const char *const[]){ ducha_schema_sql, ducha_audit_sql, NULL }; *file; file++)
		for (const char *at = strstr(*file, sql); at; at = strstr(at + 1, sql))
			if ((at == *file || at[-1] == '\n') && at[n] == ';')
				return true;
	return false;
}

/* A trigger or view the program did not make could rewrite what it saves:
 * such a file is not opened (before any migration runs on it). Each one
 * must be, word for word, one of the shipped schema's; the trail's own two
 * are taken by name, as before (older schemas wrote them otherwise). */
static bool only_our_triggers(store *s, const char *path, char *err, size_t errlen)
{
	db_stmt *q = db_prepare(s->db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema"
	                               " WHERE type IN ('trigger', 'view')"
	                               "   AND name NOT IN ('audit_no_update', 'audit_no_delete') ORDER BY name");
	int rc = q ? 0 : -1;
	while (rc == 0 && (rc = db_step(q)) == 1) {
		if (shipped_trigger(db_col_text(q, 0), db_col_text(q, 2)))
			rc = 0;
		else
			snprintf(err, errlen, "%s 含有不是本程序建立的 %s %s，拒绝打开（可能被人改动过，请管理员检查）", path,
			         db_col_text(q, 0), db_col_text(q, 1));
	}
	if (rc < 0)
		snprintf(err, errlen, "无法读取数据库 %s: %s", path, db_error(s->db));
	if (q)
		db_reset(q);
	return rc == 0;
}

/* Refuses what is not ours or is newer; brings an older schema up to date. */
static bool check_identity(store *s, const char *path, char *err, size_t errlen)
{
	int64_t app, ver;
	if (!db_pragma_int(s->db, "application_id", &app) || !db_pragma_int(s->db, "user_version", &ver)) {
		snprintf(err, errlen, "无法读取数据库 %s: %s", path, db_error(s->db));
		return false;
	}
	if (app == 0 && ver == 0) {
		db_stmt *q = db_prepare(s->db, "SELECT count(*) FROM sqlite_schema");
		int64_t objects = -1;
		bool empty = q && db_one_int(q, &objects, NULL) && objects == 0;
		if (empty)
			return true;
	}
	if (app != STORE_APPLICATION_ID) {
		snprintf(err, errlen, "%s 不是 ducha 数据库（application_id %lld）", path, (long long)app);
		return false;
	}
	if (ver < 1) {
		snprintf(err, errlen, "%s 的数据库结构版本 %lld 无法识别", path, (long long)ver);
		return false;
	}
	if (!only_our_triggers(s, path, err, errlen))
		return false;
	if (ver > STORE_SCHEMA_VERSION) {
		snprintf(err, errlen, "%s 的数据库结构版本 %lld 比本程序支持的版本 %d 新，请升级 ducha",
		         path, (long long)ver, STORE_SCHEMA_VERSION);
		return false;
	}
	for (int64_t v = ver; v < STORE_SCHEMA_VERSION; v++) {
		if (db_is_readonly(s->db)) {
			snprintf(err, errlen, "%s 的结构版本 %lld 需要升级，但数据库是只读的", path, (long long)v);
			return false;
		}
		if (!db_begin(s->db) || !migrations[v - 1](s) || !db_commit(s->db)) {
			snprintf(err, errlen, "升级 %s 的数据库结构失败: %s", path, db_error(s->db));
			db_rollback(s->db);
			return false;
		}
		store_anchor_update(s, false);
	}
	return true;
}

/* An existing non-empty file must start with SQLite's header. */
bool store_looks_like_sqlite(const char *path, char *err, size_t errlen)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	if (!f)
		return true;   /* let SQLite report why it cannot open it */
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	if (n == 0 || memcmp(head, magic, sizeof magic) == 0)
		return true;
	snprintf(err, errlen, "%s 不是 ducha 数据库（不是 SQLite 文件）", path);
	return false;
}

/* A read-only file in a folder we cannot write: read it as an immutable snapshot. */
static store *open_snapshot(store *s, const char *path, int busy_timeout_ms, char *err, size_t errlen)
{
	db_close(s->db);
	s->db = db_open(path, DB_IMMUTABLE, busy_timeout_ms, err, errlen);
	if (s->db && check_identity(s, path, err, errlen)) {
		s->snapshot = true;
		return s;
	}
	store_close(s);
	return NULL;
}

/* Only a regular file can be a database: a FIFO, a directory or a device
 * is refused before SQLite opens it (opening a FIFO would hang). */
static bool plain_file(const char *path, bool create, struct stat *st, char *err, size_t errlen)
{
	if (stat(path, st) != 0) {
		if (create && errno == ENOENT)
			return true;
		snprintf(err, errlen, errno == ENOENT ? "数据库 %s 不存在（先运行 ducha init）"
		                                      : "无法访问数据库 %s", path);
		return false;
	}
	if (!S_ISREG(st->st_mode)) {
		snprintf(err, errlen, "%s 不是普通文件（%s），不能作为数据库", path,
		         S_ISDIR(st->st_mode) ? "是文件夹" : S_ISFIFO(st->st_mode) ? "是管道" : "是设备或其他特殊文件");
		return false;
	}
	if (st->st_size == 0 && !create) {
		snprintf(err, errlen, "数据库 %s 是空文件，尚未初始化（先运行 ducha init）；文件未改动", path);
		return false;
	}
	return true;
}

/* A read-only open of an older schema is migrated through a writable
 * connection first, when the file allows it; then opened again. Only an
 * older file pays for the second open. */
static bool upgrade_read_only(store *s, const char *path, int busy_timeout_ms, char *err, size_t errlen)
{
	int64_t app = 0, ver = 0;
	bool old = db_pragma_int(s->db, "application_id", &app) && db_pragma_int(s->db, "user_version", &ver) &&
	           app == STORE_APPLICATION_ID && ver >= 1 && ver < STORE_SCHEMA_VERSION;
	if (!old || access(path, W_OK) != 0)
		return true;
	db_close(s->db);
	s->db = NULL;
	store *w = store_open(path, 0, busy_timeout_ms, err, errlen);
	store_close(w);
	return w && (s->db = db_open(path, DB_READONLY, busy_timeout_ms, err, errlen)) != NULL;
}

store *store_open(const char *path, int flags, int busy_timeout_ms, char *err, size_t errlen)
{
	struct stat st;
	if (!plain_file(path, flags & STORE_CREATE, &st, err, errlen) || !store_looks_like_sqlite(path, err, errlen))
		return NULL;
	store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path)))
		abort();
	int dflags = ((flags & STORE_READONLY) ? DB_READONLY : 0) | ((flags & STORE_CREATE) ? DB_CREATE : 0);
	s->db = db_open(path, dflags, busy_timeout_ms, err, errlen);
	if (!s->db) {
		free(s->path);
		free(s);
		return NULL;
	}
	if ((flags & STORE_READONLY) && !upgrade_read_only(s, path, busy_timeout_ms, err, errlen)) {
		store_close(s);
		return NULL;
	}
	if (!check_identity(s, path, err, errlen)) {
		if (access(path, W_OK) != 0 && file_exists(path))
			return open_snapshot(s, path, busy_timeout_ms, err, errlen);
		store_close(s);
		return NULL;
	}
	db_exec(s->db, "PRAGMA foreign_keys = ON");
	if (!db_is_readonly(s->db))
		db_exec(s->db, "PRAGMA journal_mode = WAL");
	/* The file now open: a write later checks the path still names it. */
	if (stat(path, &st) == 0) {
		s->dev = st.st_dev;
		s->ino = st.st_ino;
	}
	return s;
}

bool store_same_file(store *s)
{
	struct stat st;
	if (!s->path || (stat(s->path, &st) == 0 && st.st_dev == s->dev && st.st_ino == s->ino))
		return true;
	db_fail(s->db, "数据库文件 %s 已被替换或删除（不再是打开时的那个文件），未保存；请重新打开", s->path);
	s->failure = STORE_FAIL_REPLACED;
	return false;
}

bool store_files_private(const char *path, char *warning, size_t len)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char name[4200];
		struct stat st;
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		if (stat(name, &st) == 0 && (st.st_mode & S_IWOTH)) {
			snprintf(warning, len, "警告：%s 可被任何用户写入（权限 %04o），请执行 chmod o-rw %s",
			         name, (unsigned)(st.st_mode & 07777), name);
			return false;
		}
	}
	return true;
}

void store_close(store *s)
{
	if (!s)
		return;
	db_close(s->db);
	free(s->theirs);
	free(s->path);
	free(s);
}

const char *store_error(const store *s)
{
	return db_error(s->db);
}

bool store_is_readonly(const store *s)
{
	return db_is_readonly(s->db);
}

bool store_is_snapshot(const store *s)
{
	return s->snapshot;
}

bool store_has_data(store *s, bool *has)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'plan')");
	if (!q || db_step(q) < 0)
		return false;
	bool table = db_col_int(q, 0) != 0;
	db_reset(q);
	*has = false;
	if (!table)
		return true;
	q = db_prepare(s->db, "SELECT EXISTS (SELECT 1 FROM plan)");
	if (!q || db_step(q) < 0)
		return false;
	*has = db_col_int(q, 0) != 0;
	db_reset(q);
	return true;
}

/* The built-in plan's rows, inside the caller's transaction. */
static bool load_builtin(store *s)
{
	return db_exec(s->db, ducha_load_sql) && db_exec(s->db, ducha_builtin_plan_sql) &&
	       db_exec(s->db, "DROP VIEW temp.load_plan; DROP VIEW temp.load_area;"
	                      "DROP VIEW temp.load_measure; DROP VIEW temp.load_task;"
	                      "DROP VIEW temp.load_indicator; DROP TABLE temp.load_current;");
}

/* What was loaded, with the definition digest `check` replays from. */
static char *loaded_json(store *s)
{
	char digest[AUDIT_HASH_HEX];
	if (!store_definition_digest(s, digest))
		return NULL;
	db_stmt *p = db_prepare(s->db,
		"SELECT json_object('plan', code, 'tasks', (SELECT count(*) FROM task WHERE plan_id = plan.id),"
		"                   'definition', :digest)"
		"  FROM plan ORDER BY id DESC LIMIT 1");
	bool ok = p && db_bind_text(p, ":digest", digest) && db_step(p) == 1;
	char *out = ok ? db_col_dup(p, 0) : NULL;
	if (p)
		db_reset(p);
	return out;
}

/* What a re-initialisation replaces: the trail's head and the plans. */
static char *replaced_json(store *s)
{
	char head[AUDIT_HASH_HEX];
	int64_t rows = 0;
	if (!store_audit_head(s, head, &rows))
		return NULL;
	db_stmt *q = db_prepare(s->db,
		"SELECT json_object('audit_rows', :rows, 'audit_head', :head,"
		"  'plans', (SELECT json_group_array(code) FROM plan),"
		"  'reports', (SELECT count(*) FROM report), 'notes', (SELECT count(*) FROM note WHERE withdrawn = 0))");
	bool ok = q && db_bind_int(q, ":rows", rows) && db_bind_text(q, ":head", head) &&
	          db_step(q) == 1;
	char *out = ok ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	return out;
}

/* Every row but the audit trail's, children first. */
static const char clear_data_sql[] =
	"DELETE FROM report_value; DELETE FROM report; DELETE FROM note; DELETE FROM indicator;"
	"DELETE FROM task_agency; DELETE FROM task; DELETE FROM measure; DELETE FROM area;"
	"DELETE FROM plan; DELETE FROM agency_alias; DELETE FROM agency;";

static bool init_in_place(store *s, const actor *who, bool again)
{
	int64_t plan_tables = 0;
	db_stmt *q = db_prepare(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'plan'");
	if (!q || !db_one_int(q, &plan_tables, NULL))
		return false;
	bool has_schema = plan_tables > 0;
	if (!store_same_file(s) || !db_begin(s->db))
		return false;
	char *old = again ? replaced_json(s) : NULL, *summary = NULL;
	bool ok = (!again || (old && db_exec(s->db, clear_data_sql))) &&
	          (has_schema || store_apply_schema(s->db)) && load_builtin(s) &&
	          (summary = loaded_json(s)) != NULL &&
	          store_audit_append(s, who, again ? "reinit" : "init", "plan", old, summary);
	free(old);
	free(summary);
	if (!ok || !db_commit(s->db)) {
		char keep[512];
		snprintf(keep, sizeof keep, "%s", db_error(s->db));
		db_rollback(s->db);
		db_fail(s->db, "%s", keep);
		return false;
	}
	store_anchor_update(s, false);
	return true;
}

bool store_init_builtin(store *s, const actor *who)
{
	return init_in_place(s, who, false);
}

bool store_reinit_builtin(store *s, const actor *who)
{
	return init_in_place(s, who, true);
}

/* --- JSON through SQLite's json functions ------------------------------ */

static char *json_query(store *s, const char *sql, const json_field *f, int n)
{
	db_stmt *q = db_prepare(s->db, sql);
	if (!q)
		return NULL;
	for (int i = 0; i < n; i++) {
		char key[16], val[16];
		snprintf(key, sizeof key, ":k%d", i);
		snprintf(val, sizeof val, ":v%d", i);
		if (!db_bind_text(q, key, f[i].key))
			return NULL;
		switch (f[i].kind) {
		case JSON_TEXT:
		case JSON_RAW:
			db_bind_text(q, val, f[i].text);
			break;
		case JSON_INT:
			db_bind_int(q, val, f[i].i);
			break;
		case JSON_REAL:
			db_bind_double(q, val, f[i].d);
			break;
		case JSON_BOOL:
			db_bind_text(q, val, f[i].i ? "true" : "false");
			break;
		case JSON_NULL:
			db_bind_null(q, val);
			break;
		}
	}
	char *out = db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	db_reset(q);
	return out;
}

char *store_json_object(store *s, const json_field *f, int n)
{
	/* The SQL depends only on the shape (which fields are raw JSON), so the
	 * cached statement is reused for every row of a table. */
	size_t cap = 32 + (size_t)n * 40;
	char *sql = xmalloc(cap);
	size_t len = (size_t)snprintf(sql, cap, "SELECT json_object(");
	for (int i = 0; i < n; i++) {
		bool raw = f[i].kind == JSON_RAW || f[i].kind == JSON_BOOL;
		len += (size_t)snprintf(sql + len, cap - len, "%s:k%d, %s:v%d%s", i ? ", " : "", i,
		                        raw ? "json(" : "", i, raw ? ")" : "");
	}
	snprintf(sql + len, cap - len, ")");
	char *out = json_query(s, sql, f, n);
	free(sql);
	return out;
}

char *store_json_array(store *s, char *const *items, int n)
{
	/* The items are JSON already; join them and let SQLite validate the whole. */
	size_t len = 2;
	for (int i = 0; i < n; i++)
		len += strlen(items[i]) + 1;
	char *joined = xmalloc(len + 1), *p = joined;
	*p++ = '[';
	for (int i = 0; i < n; i++) {
		if (i)
			*p++ = ',';
		size_t k = strlen(items[i]);
		memcpy(p, items[i], k);
		p += k;
	}
	*p++ = ']';
	*p = '\0';
	db_stmt *q = db_prepare(s->db, "SELECT json(:a)");
	char *out = NULL;
	if (q) {
		db_bind_text(q, ":a", joined);
		out = db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
		db_reset(q);
	}
	free(joined);
	return out;
}

char *store_json_string_list(store *s, const char *joined)
{
	db_stmt *q = db_prepare(s->db,
		"WITH RECURSIVE split(item, rest) AS ("
		"  SELECT NULL, :list || ';'"
		"  UNION ALL SELECT substr(rest, 1, instr(rest, ';') - 1),"
		"                   substr(rest, instr(rest, ';') + 1) FROM split WHERE rest <> '')"
		" SELECT json_group_array(item) FROM split WHERE item IS NOT NULL AND item <> ''");
	if (!q)
		return NULL;
	db_bind_text(q, ":list", joined ? joined : "");
	char *out = db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	db_reset(q);
	return out;
}

bool store_read_begin(store *s)
{
	return db_read_begin(s->db);
}

void store_read_end(store *s)
{
	db_read_end(s->db);
}
