/* backup and restore through SQLite's online backup API (db_copy_into).
 * The store keeps its connection to itself, so these open connections of
 * their own, through the wrapper: a backup reads a consistent snapshot through one,
 * and a restore writes into the live file through one on which no
 * transaction of ours is open (the backup API requires that). */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ducha/userfile.h"
#include "internal.h"

enum { STALE_AFTER_SECONDS = 60 };

/* A connection of its own (see above), through the wrapper. */
static db *open_raw(const char *path, bool write, int busy_ms, char *err, size_t errlen)
{
	return db_open(path, write ? DB_CREATE : DB_READONLY | DB_UNTRUSTED, busy_ms, err, errlen);
}

static void remove_db_files(const char *path)
{
	static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };
	char name[4200];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		unlink(name);
	}
}

/* A new empty file beside path, for SQLite to fill; its name goes in tmp.
 * With lock, its descriptor comes back in *lock holding flock from the
 * moment it exists, so that no store_clean_stale takes it for a copy left by
 * a restore that died. */
static bool make_temp_locked(const char *path, const char *tag, bool as_user, char *tmp, size_t len, int *lock,
                             char *err, size_t errlen);

static bool make_temp(const char *path, const char *tag, bool as_user, char *tmp, size_t len,
                      char *err, size_t errlen)
{
	return make_temp_locked(path, tag, as_user, tmp, len, NULL, err, errlen);
}

static bool make_temp_locked(const char *path, const char *tag, bool as_user, char *tmp, size_t len, int *lock,
                             char *err, size_t errlen)
{
	snprintf(tmp, len, "%s.%s-XXXXXX", path, tag);
	userfile_ids ids = { 0, false };
	if (as_user)
		userfile_as_user(&ids);
	int fd = mkstemp(tmp);
	userfile_as_program(&ids);
	if (fd < 0) {
		snprintf(err, errlen, "无法在 %s 旁创建临时文件: %s", path, strerror(errno));
		return false;
	}
	if (lock) {
		flock(fd, LOCK_EX);
		*lock = fd;
	}
	/* A backup holds everything: readable by the group that shares the database, no more. */
	fchmod(fd, 0640);
	if (!lock)
		close(fd);
	return true;
}

/* The snapshot as one self-contained file, without a -wal beside it. */
static bool snapshot_to(const char *db_path, const char *tmp, int busy_ms, char *err, size_t errlen)
{
	db *from = open_raw(db_path, false, busy_ms, err, errlen);
	db *to = from ? open_raw(tmp, true, busy_ms, err, errlen) : NULL;
	bool ok = to && db_copy_into(to, from, busy_ms, "备份", err, errlen);
	if (ok && !db_exec(to, "PRAGMA journal_mode = DELETE")) {
		snprintf(err, errlen, "备份失败: %s", db_error(to));
		ok = false;
	}
	db_close(to);
	db_close(from);
	return ok;
}

/* Moves tmp to dest: rename() to replace, link() to refuse an existing dest. */
static bool put_in_place(const char *tmp, const char *dest, bool replace, char *err, size_t errlen)
{
	userfile_ids ids;
	userfile_as_user(&ids);
	bool moved = replace ? rename(tmp, dest) == 0 : link(tmp, dest) == 0;
	int saved = errno;
	userfile_as_program(&ids);
	errno = saved;
	if (moved) {
		if (!replace)
			unlink(tmp);
		return true;
	}
	if (errno == EEXIST)
		snprintf(err, errlen, "%s 已存在，未覆盖（确需覆盖请加 --force）", dest);
	else
		snprintf(err, errlen, "无法写入 %s: %s", dest, strerror(errno));
	return false;
}

/* A backup carries its own anchor, so that `check` and `restore` can vouch for it. */
static bool anchor_copy(const char *path)
{
	char why[512], head[65];
	int64_t rows = 0;
	userfile_ids ids;
	userfile_as_user(&ids);
	store *b = store_open(path, STORE_READONLY, 0, why, sizeof why);
	bool ok = b && store_audit_head(b, head, &rows);
	store_close(b);
	ok = ok && store_anchor_write(path, rows, head, true);
	userfile_as_program(&ids);
	return ok;
}

bool store_backup(const char *db_path, const char *dest, bool replace, int busy_timeout_ms,
                  char *err, size_t errlen)
{
	char tmp[4200];
	if (!make_temp(dest, "tmp", true, tmp, sizeof tmp, err, errlen))
		return false;
	bool ok = snapshot_to(db_path, tmp, busy_timeout_ms, err, errlen) &&
	          put_in_place(tmp, dest, replace, err, errlen);
	remove_db_files(tmp);
	if (ok && !anchor_copy(dest)) {
		snprintf(err, errlen, "已备份到 %s，但无法写入它的留痕锚点文件 %s%s: %s", dest, dest,
		         STORE_ANCHOR_SUFFIX, strerror(errno));
		return false;
	}
	return ok;
}

/* --- restore ----------------------------------------------------------------- */

static void note_problem(void *ctx, const char *problem)
{
	char *first = ctx;
	if (!first[0])
		snprintf(first, 512, "%s", problem);
}

/* The audit chain's head and length as JSON, for the restore row. */
static char *chain_json(store *s, const char *file)
{
	char head[65];
	int64_t rows = 0;
	if (!store_audit_head(s, head, &rows))
		return NULL;
	json_field f[] = {
		{ "file", JSON_TEXT, file, 0, 0 },
		{ "audit_rows", JSON_INT, NULL, rows, 0 },
		{ "audit_head", JSON_TEXT, head, 0, 0 },
	};
	return store_json_object(s, f, 3);
}

/* The copy of the source must be a sound ducha database holding a plan:
 * every check of `ducha check` but the anchor (a copy has none of its
 * own). Migrated here if older: the source file itself is never written. */
static bool check_copy(const char *copy, const char *src, int busy_ms, char **chain, char *err,
                       size_t errlen)
{
	char why[1024];
	store *in = store_open(copy, 0, busy_ms, why, sizeof why);
	if (!in) {
		/* The message names the temporary copy; the user knows the source. */
		char *at = strstr(why, copy);
		if (at)
			snprintf(err, errlen, "拒绝恢复：%.*s%s%s", (int)(at - why), why, src, at + strlen(copy));
		else
			snprintf(err, errlen, "拒绝恢复：%s", why);
		return false;
	}
	bool has = false;
	int problems = 0;
	char first[512] = "";
	bool ok = store_has_data(in, &has) && (!has || store_check(in, note_problem, first, &problems));
	if (!ok)
		snprintf(err, errlen, "拒绝恢复：%s 未通过检查（读取出错）: %s", src, store_error(in));
	else if (!has)
		snprintf(err, errlen, "拒绝恢复：%s 中没有任何工作方案", src);
	else if (problems)
		snprintf(err, errlen, "拒绝恢复：%s 未通过检查（%d 个问题），第一个: %s", src, problems, first);
	ok = ok && has && !problems && (*chain = chain_json(in, src)) != NULL;
	store_close(in);
	return ok;
}

/* The live database, if there is one, must be ducha's; *chain: its audit
 * chain before the restore (JSON), NULL when the file does not exist. */
static bool check_target(const char *db_path, int busy_ms, char **chain, char *err, size_t errlen)
{
	*chain = NULL;
	if (access(db_path, F_OK) != 0)
		return true;
	char why[1024];
	store *live = store_open(db_path, 0, busy_ms, why, sizeof why);
	if (!live) {
		snprintf(err, errlen, "拒绝恢复：%s", why);
		return false;
	}
	bool schema = false;
	*chain = store_has_data(live, &schema) && schema ? chain_json(live, db_path) : NULL;
	store_close(live);
	return true;
}

/* Appends the 'restore' audit row to the copy about to become the
 * database; *rows and head: its trail afterwards, for the live anchor. */
static bool audit_restore(const char *tmp, const actor *who, const char *old_json,
                          const char *new_json, int busy_ms, int64_t *rows, char *head, char *err,
                          size_t errlen)
{
	char why[1024];
	store *t = store_open(tmp, 0, busy_ms, why, sizeof why);
	if (!t) {
		snprintf(err, errlen, "恢复失败: %s", why);
		return false;
	}
	bool ok = db_begin(t->db) &&
	          store_audit_append(t, who, "restore", "database", old_json, new_json) &&
	          db_commit(t->db) && store_audit_head(t, head, rows);
	if (!ok) {
		snprintf(err, errlen, "恢复失败: %s", store_error(t));
		db_rollback(t->db);
	}
	store_close(t);
	return ok;
}

static bool copy_file_db(const char *from_path, const char *to_path, int busy_ms, const char *what,
                         bool from_user, char *err, size_t errlen)
{
	userfile_ids ids = { 0, false };
	if (from_user)
		userfile_as_user(&ids);
	db *from = open_raw(from_path, false, busy_ms, err, errlen);
	/* The first read opens the file for good, with the user's ids. */
	if (from && !db_exec(from, "SELECT count(*) FROM sqlite_schema")) {
		snprintf(err, errlen, "无法读取 %s: %s", from_path, db_error(from));
		db_close(from);
		from = NULL;
	}
	userfile_as_program(&ids);
	db *to = from ? open_raw(to_path, true, busy_ms, err, errlen) : NULL;
	bool ok = to && db_copy_into(to, from, busy_ms, what, err, errlen);
	db_close(to);
	db_close(from);
	return ok;
}

/* Temporary copies of a restore killed half-way: nobody holds their lock. */
void store_clean_stale(const char *db_path)
{
	char pattern[4200];
	glob_t g;
	snprintf(pattern, sizeof pattern, "%s.restore-??????", db_path);
	if (glob(pattern, GLOB_NOSORT, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		int fd = open(g.gl_pathv[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			continue;
		/* Unlocked is not enough for a copy made a moment ago: mkstemp and
		 * flock are two steps. A copy left by a dead restore goes later. */
		struct stat st;
		bool old = fstat(fd, &st) == 0 && time(NULL) - st.st_mtime > STALE_AFTER_SECONDS;
		if (old && flock(fd, LOCK_EX | LOCK_NB) == 0)
			remove_db_files(g.gl_pathv[i]);
		close(fd);
	}
	globfree(&g);
}

/* The source as SQLite sees it, before anything reads its schema. */
static bool source_readable(const char *src, char *err, size_t errlen)
{
	struct stat st;
	if (stat(src, &st) != 0 || access(src, R_OK) != 0) {
		snprintf(err, errlen, "无法读取 %s: %s", src, strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "拒绝恢复：%s 不是普通文件", src);
		return false;
	}
	char why[600];
	if (!store_looks_like_sqlite(src, why, sizeof why)) {
		snprintf(err, errlen, "拒绝恢复：%s", why);
		return false;
	}
	return true;
}

bool store_restore(const char *db_path, const char *src, const actor *who, int busy_timeout_ms,
                   char *err, size_t errlen)
{
	char *theirs = NULL, *mine = NULL, tmp[4200], head[65];
	int lock = -1;
	int64_t rows = 0;
	bool existed = access(db_path, F_OK) == 0;
	store_clean_stale(db_path);
	if (!source_readable(src, err, errlen) ||
	    !check_target(db_path, busy_timeout_ms, &mine, err, errlen) ||
	    !make_temp_locked(db_path, "restore", false, tmp, sizeof tmp, &lock, err, errlen)) {
		free(mine);
		return false;
	}
	/* The lock is held until the end: a restore killed half-way leaves a
	 * copy that the next one finds unlocked and removes (store_clean_stale). */
	/* The source is only read, page by page, into a copy beside the
	 * database; everything else (checks, migration, the audit row) happens
	 * on the copy, which then replaces the database in one transaction. */
	bool ok = copy_file_db(src, tmp, busy_timeout_ms, "复制备份", true, err, errlen) &&
	          check_copy(tmp, src, busy_timeout_ms, &theirs, err, errlen) &&
	          audit_restore(tmp, who, mine, theirs, busy_timeout_ms, &rows, head, err, errlen) &&
	          copy_file_db(tmp, db_path, busy_timeout_ms, "恢复", false, err, errlen);
	remove_db_files(tmp);
	if (lock >= 0)
		close(lock);
	free(theirs);
	free(mine);
	if (ok)
		store_anchor_write(db_path, rows, head, true);
	/* A database created here is shared like one made by init. */
	if (ok && !existed)
		chmod(db_path, 0660);
	return ok;
}
