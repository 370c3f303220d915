#include "ducha/db.h"
#include "ducha/xalloc.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The cache is looked up on every query: a hash of the SQL text finds the
 * statement in one or two probes instead of comparing against every cached
 * text (many share a long prefix, such as the task columns). */
enum { DB_CACHE_MAX = 128, DB_CACHE_SLOTS = 256 };   /* slots: a power of two, > 2 × max */

/* A statement knows its connection: binds and steps record their failure
 * there without being told. */
struct db_stmt {
	sqlite3_stmt *stmt;
	db *d;
};

typedef struct cached {
	char *sql;                  /* a copy: callers may build SQL in a buffer */
	uint64_t hash;
	db_stmt *st;
} cached;

struct db {
	sqlite3 *handle;
	bool readonly;
	bool in_tx;
	int reading;                /* nesting depth of db_read_begin */
	bool read_owned;            /* the outermost read began the transaction */
	bool busy;                  /* the last failure was SQLITE_BUSY/LOCKED */
	int busy_timeout_ms;
	double busy_since;          /* when the current wait for a lock began (ms) */
	char err[512];
	cached cache[DB_CACHE_MAX]; /* oldest first */
	int ncache;
	short slot[DB_CACHE_SLOTS]; /* open addressing: index into cache + 1; 0 is empty */
};

void db_fail(db *d, const char *fmt, ...)
{
	va_list ap;
	d->busy = false;
	va_start(ap, fmt);
	vsnprintf(d->err, sizeof d->err, fmt, ap);
	va_end(ap);
}

/* One error path: names what SQLite said and the SQL that failed. */
static void fail_sql(db *d, const char *sql)
{
	const char *msg = sqlite3_errmsg(d->handle);
	int code = sqlite3_extended_errcode(d->handle);
	const char *what = "数据库错误";
	bool busy = (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
	if (busy)
		what = "数据库被占用（其他人正在保存），请稍后重试";
	else if ((code & 0xff) == SQLITE_FULL)
		what = "磁盘已满";
	else if ((code & 0xff) == SQLITE_READONLY)
		what = "数据库只读，不能保存";
	else if ((code & 0xff) == SQLITE_CONSTRAINT)
		what = "数据不符合约束";
	else if ((code & 0xff) == SQLITE_NOTADB)
		what = "不是 ducha 数据库（不是 SQLite 文件）";
	else if ((code & 0xff) == SQLITE_CORRUPT)
		what = "数据库文件已损坏（请从备份恢复）";
	else if ((code & 0xff) == SQLITE_IOERR)
		what = "读写数据库文件出错（磁盘已满或超过文件大小限制？）";
	db_fail(d, "%s: %s [SQL: %.80s]", what, msg, sql ? sql : "");
	d->busy = busy;
}

/* "file:…?immutable=1", percent-encoding what a URI would misread. */
static char *immutable_uri(const char *path)
{
	size_t n = strlen(path);
	char *uri = xmalloc(n * 3 + 32), *p = uri;
	p += sprintf(p, "file:");
	for (const char *c = path; *c; c++)
		p += (*c == '%' || *c == '?' || *c == '#') ? sprintf(p, "%%%02X", (unsigned char)*c)
		                                           : sprintf(p, "%c", *c);
	sprintf(p, "?immutable=1");
	return uri;
}

void db_harden(sqlite3 *h)
{
	/* No schema tricks through our connection (writable_schema and the
	 * like). The schema itself stays trusted (its CHECKs use json_valid,
	 * which SQLite does not count as innocuous): a file whose triggers or
	 * views are not ours is refused at open, and `check` compares the rest. */
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Waiting for another writer's lock: tries again every millisecond or
 * two, up to the timeout. SQLite's own handler backs off to 100 ms, so
 * under a rush a writer that has waited a while keeps losing the lock to
 * newcomers that try after 1 ms, and can time out while the others go
 * through (seen with 8 writers on a loaded machine). */
static int busy_wait(void *ctx, int count)
{
	db *d = ctx;
	double now = now_ms();
	if (count == 0)
		d->busy_since = now;
	if (now - d->busy_since >= d->busy_timeout_ms)
		return 0;
	struct timespec pause = { 0, (count < 4 ? 1 : 2) * 1000000L };
	nanosleep(&pause, NULL);
	return 1;
}

db *db_open(const char *path, int flags, int busy_timeout_ms, char *err, size_t errlen)
{
	db *d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	int oflags = SQLITE_OPEN_NOMUTEX;
	char *uri = NULL;
	if (flags & DB_IMMUTABLE) {
		uri = immutable_uri(path);
		oflags |= SQLITE_OPEN_URI;
		flags |= DB_READONLY;
	}
	if (flags & DB_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE | ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(uri ? uri : path, &d->handle, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "无法打开数据库 %s: %s", path,
		         d->handle ? sqlite3_errmsg(d->handle) : "out of memory");
		sqlite3_close(d->handle);
		free(d);
		return NULL;
	}
	sqlite3_extended_result_codes(d->handle, 1);
	d->busy_timeout_ms = busy_timeout_ms;
	sqlite3_busy_handler(d->handle, busy_wait, d);
	db_harden(d->handle);
	/* A file we did not make: nothing in its schema may call a function
	 * with side effects while its pages are read. */
	if (flags & DB_UNTRUSTED)
		sqlite3_db_config(d->handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	d->readonly = (flags & DB_READONLY) || sqlite3_db_readonly(d->handle, "main") == 1;
	return d;
}

void db_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < d->ncache; i++) {
		sqlite3_finalize(d->cache[i].st->stmt);
		free(d->cache[i].st);
		free(d->cache[i].sql);
	}
	sqlite3_close(d->handle);
	free(d);
}

const char *db_error(const db *d)
{
	return d->err;
}

bool db_is_readonly(const db *d)
{
	return d->readonly;
}

bool db_was_busy(const db *d)
{
	return d->busy;
}

/* FNV-1a: short, and good enough for a few dozen distinct texts. */
static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

static void slot_put(db *d, int index)
{
	unsigned i = (unsigned)d->cache[index].hash & (DB_CACHE_SLOTS - 1);
	while (d->slot[i])
		i = (i + 1) & (DB_CACHE_SLOTS - 1);
	d->slot[i] = (short)(index + 1);
}

static db_stmt *cache_find(db *d, const char *sql, uint64_t h)
{
	for (unsigned i = (unsigned)h & (DB_CACHE_SLOTS - 1); d->slot[i]; i = (i + 1) & (DB_CACHE_SLOTS - 1)) {
		const cached *c = &d->cache[d->slot[i] - 1];
		if (c->hash == h && strcmp(c->sql, sql) == 0)
			return c->st;
	}
	return NULL;
}

/* Evicts the oldest statement; the slots are rebuilt, which is rare: the
 * cache only ever holds the program's own SQL. */
static void cache_evict_oldest(db *d)
{
	sqlite3_finalize(d->cache[0].st->stmt);
	free(d->cache[0].st);
	free(d->cache[0].sql);
	memmove(d->cache, d->cache + 1, sizeof d->cache[0] * (DB_CACHE_MAX - 1));
	d->ncache--;
	memset(d->slot, 0, sizeof d->slot);
	for (int i = 0; i < d->ncache; i++)
		slot_put(d, i);
}

db_stmt *db_prepare(db *d, const char *sql)
{
	uint64_t h = sql_hash(sql);
	db_stmt *found = cache_find(d, sql, h);
	if (found) {
		sqlite3_reset(found->stmt);
		sqlite3_clear_bindings(found->stmt);
		return found;
	}
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(d->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		fail_sql(d, sql);
		return NULL;
	}
	if (d->ncache == DB_CACHE_MAX)
		cache_evict_oldest(d);
	cached *c = &d->cache[d->ncache];
	c->sql = xstrdup(sql);
	c->hash = h;
	c->st = xmalloc(sizeof *c->st);
	*c->st = (db_stmt){ s, d };
	slot_put(d, d->ncache++);
	return c->st;
}

bool db_exec(db *d, const char *sql)
{
	/* The one error path: the kind of failure (busy, full, read-only…) and the SQL. */
	if (sqlite3_exec(d->handle, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fail_sql(d, sql);
		return false;
	}
	return true;
}

static int param(db_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s->stmt, name);
	if (i == 0)
		db_fail(s->d, "internal error: no parameter %s in [SQL: %.80s]", name, sqlite3_sql(s->stmt));
	return i;
}

static bool bound(db_stmt *s, int rc)
{
	if (rc != SQLITE_OK)
		fail_sql(s->d, sqlite3_sql(s->stmt));
	return rc == SQLITE_OK;
}

bool db_bind_text(db_stmt *s, const char *name, const char *v)
{
	int i = param(s, name);
	if (!i)
		return false;
	if (!v)
		return bound(s, sqlite3_bind_null(s->stmt, i));
	return bound(s, sqlite3_bind_text(s->stmt, i, v, -1, SQLITE_TRANSIENT));
}

bool db_bind_int(db_stmt *s, const char *name, int64_t v)
{
	int i = param(s, name);
	return i && bound(s, sqlite3_bind_int64(s->stmt, i, v));
}

bool db_bind_double(db_stmt *s, const char *name, double v)
{
	int i = param(s, name);
	return i && bound(s, sqlite3_bind_double(s->stmt, i, v));
}

bool db_bind_null(db_stmt *s, const char *name)
{
	int i = param(s, name);
	return i && bound(s, sqlite3_bind_null(s->stmt, i));
}

bool db_has_param(db_stmt *s, const char *name)
{
	return sqlite3_bind_parameter_index(s->stmt, name) != 0;
}

int db_step(db_stmt *s)
{
	int rc = sqlite3_step(s->stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	fail_sql(s->d, sqlite3_sql(s->stmt));
	sqlite3_reset(s->stmt);
	return -1;
}

bool db_run(db_stmt *s)
{
	int rc;
	while ((rc = db_step(s)) == 1)
		;
	sqlite3_reset(s->stmt);
	return rc == 0;
}

void db_reset(db_stmt *s)
{
	sqlite3_reset(s->stmt);
}

bool db_collect(db_stmt *s, void *items, int *n, size_t size, db_row_reader read, void *ctx)
{
	char **list = items;
	int cap = 0, rc;
	*list = NULL;
	*n = 0;
	while ((rc = db_step(s)) == 1) {
		*list = xgrow(*list, *n, &cap, size);
		void *item = *list + (size_t)*n * size;
		memset(item, 0, size);
		read(s, item, ctx);
		(*n)++;
	}
	sqlite3_reset(s->stmt);
	return rc == 0;
}

bool db_one_int(db_stmt *s, int64_t *out, bool *found)
{
	int rc = db_step(s);
	*out = rc == 1 ? sqlite3_column_int64(s->stmt, 0) : 0;
	if (found)
		*found = rc == 1;
	sqlite3_reset(s->stmt);
	return rc >= 0;
}

bool db_one_text(db_stmt *s, char *out, size_t len, bool *found)
{
	int rc = db_step(s);
	snprintf(out, len, "%s", rc == 1 ? db_col_text(s, 0) : "");
	if (found)
		*found = rc == 1;
	sqlite3_reset(s->stmt);
	return rc >= 0;
}

const char *db_col_text(db_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s->stmt, col);
	return t ? (const char *)t : "";
}

int64_t db_col_int(db_stmt *s, int col)
{
	return sqlite3_column_int64(s->stmt, col);
}

double db_col_double(db_stmt *s, int col)
{
	return sqlite3_column_double(s->stmt, col);
}

bool db_col_is_null(db_stmt *s, int col)
{
	return sqlite3_column_type(s->stmt, col) == SQLITE_NULL;
}

char *db_col_dup(db_stmt *s, int col)
{
	char *p = xstrdup(db_col_text(s, col));
	return p;
}

bool db_read_begin(db *d)
{
	if (d->reading++ > 0)
		return true;
	/* Inside a write, its own snapshot already holds. */
	d->read_owned = sqlite3_get_autocommit(d->handle) != 0;
	/* Deferred: the snapshot is taken by the first read and holds no lock
	 * that would keep others from saving. */
	if (d->read_owned && !db_exec(d, "BEGIN DEFERRED")) {
		d->reading = 0;
		return false;
	}
	return true;
}

void db_read_end(db *d)
{
	if (d->reading == 0 || --d->reading > 0 || !d->read_owned)
		return;
	/* Nothing was written: ending the transaction only lets the snapshot go. */
	if (sqlite3_exec(d->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(d->handle, "ROLLBACK", NULL, NULL, NULL);
	d->read_owned = false;
}

bool db_begin(db *d)
{
	if (d->readonly) {
		db_fail(d, "数据库以只读方式打开，不能保存");
		return false;
	}
	if (sqlite3_exec(d->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		fail_sql(d, "BEGIN IMMEDIATE");
		return false;
	}
	d->in_tx = true;
	return true;
}

bool db_commit(db *d)
{
	if (sqlite3_exec(d->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fail_sql(d, "COMMIT");
		db_rollback(d);
		return false;
	}
	d->in_tx = false;
	return true;
}

void db_rollback(db *d)
{
	if (!sqlite3_get_autocommit(d->handle))
		sqlite3_exec(d->handle, "ROLLBACK", NULL, NULL, NULL);
	d->in_tx = false;
}

int64_t db_last_id(db *d)
{
	return sqlite3_last_insert_rowid(d->handle);
}

int db_changes(db *d)
{
	return sqlite3_changes(d->handle);
}

bool db_pragma_int(db *d, const char *pragma, int64_t *out)
{
	char sql[64];
	sqlite3_stmt *s = NULL;
	*out = 0;
	snprintf(sql, sizeof sql, "PRAGMA %s", pragma);
	if (sqlite3_prepare_v2(d->handle, sql, -1, &s, NULL) != SQLITE_OK) {
		fail_sql(d, sql);
		return false;
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		fail_sql(d, sql);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

enum { COPY_RETRY_MS = 20 };

bool db_copy_into(db *to, db *from, int busy_ms, const char *what, char *err, size_t errlen)
{
	sqlite3_backup *b = sqlite3_backup_init(to->handle, "main", from->handle, "main");
	if (!b) {
		snprintf(err, errlen, "%s失败: %s", what, sqlite3_errmsg(to->handle));
		return false;
	}
	int rc, waited = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= busy_ms)
			break;
		sqlite3_sleep(COPY_RETRY_MS);
		waited += COPY_RETRY_MS;
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return true;
	snprintf(err, errlen, "%s失败: %s%s", what, sqlite3_errstr(rc),
	         rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? "（数据库一直被占用，请稍后重试）" : "");
	return false;
}
