#ifndef DUCHA_DB_H
#define DUCHA_DB_H
/* A thin SQLite wrapper used only by the store layer: statements are
 * prepared once and cached, and every failure is recorded with the SQL that
 * failed, so callers just return false and report db_error(). */
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

typedef struct db db;
typedef struct db_stmt db_stmt;   /* knows its connection */

/* DB_IMMUTABLE: read a file whose folder we cannot write (no -shm possible).
 * DB_UNTRUSTED: a file we did not make (a restore's source): its schema may
 * call no function with side effects. */
enum { DB_READONLY = 1, DB_CREATE = 2, DB_IMMUTABLE = 4, DB_UNTRUSTED = 8 };

struct sqlite3;
/* SQLITE_DBCONFIG_DEFENSIVE on: every connection we open. */
void db_harden(struct sqlite3 *h);
db  *db_open(const char *path, int flags, int busy_timeout_ms, char *err, size_t errlen);
void db_close(db *d);
const char *db_error(const db *d);
bool db_is_readonly(const db *d);
/* Whether the last failure was a lock held past the busy timeout. */
bool db_was_busy(const db *d);
/* Records an error message (printf-style) as the current error. */
void db_fail(db *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A cached prepared statement for this exact SQL text (reset, bindings cleared). */
db_stmt *db_prepare(db *d, const char *sql);
/* Runs SQL that may hold several statements, with no result rows. */
bool db_exec(db *d, const char *sql);

bool db_bind_text(db_stmt *s, const char *name, const char *v);
bool db_bind_int(db_stmt *s, const char *name, int64_t v);
bool db_bind_double(db_stmt *s, const char *name, double v);
bool db_bind_null(db_stmt *s, const char *name);
/* Whether the statement has this named parameter. */
bool db_has_param(db_stmt *s, const char *name);
/* 1: a row, 0: done, -1: error (recorded). */
int  db_step(db_stmt *s);
/* Step a statement that returns no rows (or ignore them), then reset it. */
bool db_run(db_stmt *s);
void db_reset(db_stmt *s);

/* Every row into a malloc'd array (*items, of *n elements of size bytes,
 * each zeroed and then filled by read), then reset. */
typedef void (*db_row_reader)(db_stmt *s, void *item, void *ctx);
bool db_collect(db_stmt *s, void *items, int *n, size_t size, db_row_reader read, void *ctx);
/* The first column of the first row (0 or "" when there is none; *found,
 * if given, says whether there was), then reset. */
bool db_one_int(db_stmt *s, int64_t *out, bool *found);
bool db_one_text(db_stmt *s, char *out, size_t len, bool *found);

const char *db_col_text(db_stmt *s, int col);   /* never NULL */
int64_t db_col_int(db_stmt *s, int col);
double  db_col_double(db_stmt *s, int col);
bool    db_col_is_null(db_stmt *s, int col);
/* malloc'd copy of a text column */
char   *db_col_dup(db_stmt *s, int col);

/* A read snapshot: every query until the matching db_read_end sees one
 * state of the database. Nests; inside a write it is the write's own. */
bool db_read_begin(db *d);
void db_read_end(db *d);
/* BEGIN IMMEDIATE … COMMIT, rolled back by db_rollback on any failure. */
bool db_begin(db *d);
bool db_commit(db *d);
void db_rollback(db *d);
int64_t db_last_id(db *d);
int  db_changes(db *d);

/* Every page of from into to, as one transaction on to (SQLite's online
 * backup); a step that finds either locked is retried until busy_ms. */
bool db_copy_into(db *to, db *from, int busy_ms, const char *what, char *err, size_t errlen);

/* Integer PRAGMA value (application_id, user_version…); false on error
 * (recorded). Any value is possible: user_version may be negative. */
bool db_pragma_int(db *d, const char *pragma, int64_t *out);
#endif
