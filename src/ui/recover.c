/* The recovery file of unsaved forms: written when the connection drops,
 * read back at the next start (see ui_recover.h). */
#include "ui_recover.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ducha/draft.h"
#include "ducha/permission.h"
#include "ducha/print.h"
#include "ui_i18n.h"
#include "ui_note.h"
#include "ui_report_form.h"
#include "ducha/xalloc.h"

enum { RECOVER_BAD_NAMES = 100 };

struct ui_recover {
	char dir[PATH_MAX];         /* [report] folder/drafts */
	char path[PATH_MAX + 300];  /* dir/USER.draft */
	char session[200];          /* the ids this session writes start with it */
	char **adopted;             /* ids of records taken over from the file */
	int nadopted;
	bool dirty;                 /* the file may hold records this session answers for */
	char *last;                 /* our input as last written, ids left out; NULL: unknown */
	size_t last_len;
	unsigned synced;            /* u->views_changed at the last sync */
};

static char *dup_text(const char *s)
{
	char *p = xstrdup(s);
	return p;
}

/* --- changing files: every change goes through allowed() ----------------- */

/* Restricted mode's rule holds for the recovery file as for any other:
 * nothing is written outside the report folder. */
static bool allowed(ui *u, const char *path, char *err, size_t errlen)
{
	return permission_inside_folder(u->c->cfg.report_dir, u->c->restricted, path, err, errlen);
}

static bool ensure_dir(ui *u, char *err, size_t errlen)
{
	ui_recover *r = u->recover;
	struct stat st;
	if (!print_folder_ensure(u->c->cfg.report_dir, err, errlen) || !allowed(u, r->dir, err, errlen))
		return false;
	if (mkdir(r->dir, 0770) == 0 || (errno == EEXIST && stat(r->dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return true;
	snprintf(err, errlen, UI_L("无法创建草稿文件夹 %s：%s", "cannot create the drafts folder %s: %s"), r->dir,
	         errno == EEXIST ? UI_L("已有同名文件", "a file has that name") : strerror(errno));
	return false;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

/* The new file under a temporary name, then renamed over the old one, so a
 * reader never sees half a file; no drafts at all: no file. */
static bool put_file(ui *u, const draft_set *s, char *err, size_t errlen)
{
	ui_recover *r = u->recover;
	if (!allowed(u, r->path, err, errlen))
		return false;
	if (s->n == 0) {
		if (unlink(r->path) == 0 || errno == ENOENT)
			return true;
		snprintf(err, errlen, "%s: %s", r->path, strerror(errno));
		return false;
	}
	char tmp[sizeof r->path + 8];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", r->path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return false;
	}
	mode_t mask = umask(0);
	umask(mask);
	size_t len;
	char *bytes = draft_encode(s, &len);
	bool ok = fchmod(fd, 0660 & ~mask) == 0 && write_all(fd, bytes, len) && fsync(fd) == 0;
	int saved = errno;
	ok = close(fd) == 0 && ok;
	free(bytes);
	if (ok && rename(tmp, r->path) == 0)
		return true;
	snprintf(err, errlen, "%s: %s", r->path, strerror(ok ? errno : saved));
	unlink(tmp);
	return false;
}

/* A damaged file is kept for a person to look at, under a name no later
 * write touches: USER.draft.bad, or .bad.1, .bad.2 … when that is taken. */
static bool set_aside(ui *u, char *bad, size_t len, char *err, size_t errlen)
{
	ui_recover *r = u->recover;
	for (int i = 0; i < RECOVER_BAD_NAMES; i++) {
		if (i == 0)
			snprintf(bad, len, "%s.bad", r->path);
		else
			snprintf(bad, len, "%s.bad.%d", r->path, i);
		if (!allowed(u, bad, err, errlen))
			return false;
		if (link(r->path, bad) == 0)
			return unlink(r->path) == 0 || errno == ENOENT;
		if (errno != EEXIST)
			break;
	}
	/* A file system without hard links: rename, over the last name if need be. */
	if (rename(r->path, bad) == 0)
		return true;
	snprintf(err, errlen, "%s", strerror(errno));
	return false;
}

/* Two sessions of one user (a reconnect while the dropped one lingers)
 * must not write over each other's records: the folder is locked while
 * the file is read and replaced. -1 when that cannot be done; the
 * rename keeps the file whole all the same. */
static int lock_dir(const ui_recover *r)
{
	int fd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static void unlock_dir(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* --- whose records ------------------------------------------------------ */

static bool ours(const ui_recover *r, const char *id)
{
	size_t n = strlen(r->session);
	if (strncmp(id, r->session, n) == 0 && id[n] == '/')
		return true;
	for (int i = 0; i < r->nadopted; i++)
		if (strcmp(r->adopted[i], id) == 0)
			return true;
	return false;
}

static void adopt(ui_recover *r, const char *id)
{
	char **p = xrealloc(r->adopted, (size_t)(r->nadopted + 1) * sizeof *p);
	r->adopted = p;
	r->adopted[r->nadopted++] = dup_text(id);
}

static void forget_adopted(ui_recover *r)
{
	for (int i = 0; i < r->nadopted; i++)
		free(r->adopted[i]);
	free(r->adopted);
	r->adopted = NULL;
	r->nadopted = 0;
}

/* --- the unsaved input of this session -------------------------------- */

static void collect_view(ui *u, view *v, draft_set *out)
{
	if (!v->ops->save_draft)
		return;
	draft *d = draft_set_push(out);
	if (!v->ops->save_draft(u, v, d)) {
		out->n--;
		return;
	}
	d->user = dup_text(u->c->who.user);
	d->plan = dup_text(u->c->plan.code);
	d->id = dup_text("");
}

/* Every form with unsaved input: kept drafts, then those open on screen. */
static void collect(ui *u, draft_set *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < u->ndrafts; i++)
		collect_view(u, u->drafts[i], out);
	for (int i = 0; i < u->depth; i++)
		collect_view(u, u->stack[i], out);
}

static void name_records(ui_recover *r, draft_set *s)
{
	for (int i = 0; i < s->n; i++) {
		char id[sizeof r->session + 16];
		snprintf(id, sizeof id, "%s/%d", r->session, i + 1);
		free(s->d[i].id);
		s->d[i].id = dup_text(id);
	}
}

/* The file's records of others, then ours (moved out of mine). A damaged
 * file is set aside, not overwritten: it may hold another session's input. */
static bool merge_and_put(ui *u, draft_set *mine, char *err, size_t errlen)
{
	ui_recover *r = u->recover;
	draft_set all;
	char why[400], bad[sizeof r->path + 16];
	if (draft_read_file(r->path, &all, why, sizeof why) == DRAFT_FILE_BAD)
		set_aside(u, bad, sizeof bad, why, sizeof why);
	for (int i = all.n - 1; i >= 0; i--)
		if (ours(r, all.d[i].id))
			draft_set_remove(&all, i);
	for (int i = 0; i < mine->n; i++)
		*draft_set_push(&all) = mine->d[i];
	mine->n = 0;
	bool ok = put_file(u, &all, err, errlen);
	draft_set_free(&all);
	return ok;
}

static bool locked_write(ui *u, draft_set *mine, char *err, size_t errlen)
{
	if (!ensure_dir(u, err, errlen))
		return false;
	int lock = lock_dir(u->recover);
	bool ok = merge_and_put(u, mine, err, errlen);
	unlock_dir(lock);
	return ok;
}

/* Writes mine unless the file holds exactly that input already (compared
 * without ids, which are given anew at each write). */
static bool write_mine(ui *u, draft_set *mine, bool force, char *err, size_t errlen)
{
	ui_recover *r = u->recover;
	size_t len;
	char *bytes = draft_encode(mine, &len);
	bool same = r->last && len == r->last_len && memcmp(bytes, r->last, len) == 0;
	int n = mine->n;
	if ((same && !force) || (n == 0 && !r->dirty)) {
		free(bytes);
		return true;
	}
	name_records(r, mine);
	free(r->last);
	r->last = NULL;
	if (!locked_write(u, mine, err, errlen)) {
		free(bytes);
		return false;
	}
	r->last = bytes;
	r->last_len = len;
	r->dirty = n > 0;
	forget_adopted(r);
	return true;
}

static void write_now(ui *u, bool force, bool discard)
{
	draft_set mine = { 0 };
	char err[PATH_MAX + 400];
	if (!discard)
		collect(u, &mine);
	if (!write_mine(u, &mine, force, err, sizeof err))
		ui_message(u, true, UI_L("草稿没能写入恢复文件（%s）：断线时可能丢失，请尽快保存",
		                         "Drafts not written to the recovery file (%s): save them soon"), err);
	draft_set_free(&mine);
}

void ui_recover_sync(ui *u)
{
	if (!u->recover || u->recover->synced == u->views_changed)
		return;
	u->recover->synced = u->views_changed;
	write_now(u, false, false);
}

void ui_recover_save_all(ui *u)
{
	if (u->recover)
		write_now(u, true, false);
}

void ui_recover_discard(ui *u)
{
	if (u->recover)
		write_now(u, false, true);
}

/* --- restoring ---------------------------------------------------------- */

/* What a restore found, for the message line. */
typedef struct restored {
	char list[400];             /* "任务 5 2017Q4 填报、任务 12 记录" */
	bool cut;                   /* the list ends in "…" */
	int n, other_plan, no_room, unfit;
	char other_code[101];
	char unfit_why[300];
	int unfit_task;
} restored;

/* Adds an item to the list only whole: a cut list ends in "…". */
static void list_add(restored *s, const char *item)
{
	size_t used = strlen(s->list), n = strlen(item);
	const char *sep = used ? UI_L("、", ", ") : "";
	if (s->cut)
		return;
	if (used + strlen(sep) + n + sizeof "…" < sizeof s->list) {
		snprintf(s->list + used, sizeof s->list - used, "%s%s", sep, item);
	} else {
		snprintf(s->list + used, sizeof s->list - used, "…");
		s->cut = true;
	}
}

static void describe(const draft *d, char *buf, size_t len)
{
	if (d->kind == DRAFT_REPORT)
		snprintf(buf, len, UI_L("任务 %d %s 填报", "task %d %s report"), d->task, d->period);
	else
		snprintf(buf, len, UI_L("任务 %d 记录", "task %d note"), d->task);
}

static void restore_one(ui *u, const draft *d, restored *s)
{
	char why[300] = "", item[120];
	if (strcmp(d->plan, u->c->plan.code) != 0) {
		if (!s->other_plan++)
			snprintf(s->other_code, sizeof s->other_code, "%s", d->plan);
		return;
	}
	if (u->ndrafts == UI_MAX_DRAFTS) {
		s->no_room++;
		return;
	}
	view *v = d->kind == DRAFT_REPORT ? ui_report_from_draft(u, d, why, sizeof why)
	          : d->edits ? ui_note_edit_from_draft(u, d, why, sizeof why) : ui_note_from_draft(u, d, why, sizeof why);
	if (!v || !ui_draft_keep(u, v)) {
		if (v)
			v->ops->free(v);
		if (!s->unfit++) {
			s->unfit_task = d->task;
			snprintf(s->unfit_why, sizeof s->unfit_why, "%s", why);
		}
		return;
	}
	adopt(u->recover, d->id);
	describe(d, item, sizeof item);
	list_add(s, item);
	s->n++;
}

static void say_restored(ui *u, const restored *s)
{
	char msg[sizeof u->msg] = "", more[300];
	if (s->n)
		snprintf(msg, sizeof msg, UI_L("已恢复上次未保存的 %d 份草稿：%s", "Recovered %d unsaved draft(s) of your last session: %s"),
		         s->n, s->list);
	if (s->other_plan) {
		snprintf(more, sizeof more, UI_L("%s另有 %d 份草稿属于方案 %s，留在恢复文件中，切换到该方案时恢复",
		                                 "%s%d more belong to plan %s: kept in the recovery file until you switch to it"),
		         msg[0] ? UI_L("；", "; ") : "", s->other_plan, s->other_code);
		strncat(msg, more, sizeof msg - strlen(msg) - 1);
	}
	if (s->unfit || s->no_room) {
		snprintf(more, sizeof more, UI_L("%s%d 份草稿暂不能恢复（%s），仍留在 %s",
		                                 "%s%d draft(s) not recovered (%s), still kept in %s"),
		         msg[0] ? UI_L("；", "; ") : "", s->unfit + s->no_room,
		         s->unfit ? s->unfit_why : UI_L("草稿太多", "too many drafts"), u->recover->path);
		strncat(msg, more, sizeof msg - strlen(msg) - 1);
	}
	if (msg[0])
		ui_message(u, s->unfit || s->no_room, "%s", msg);
}

/* A damaged or unreadable file: set aside (see set_aside) and said so. */
static void say_bad(ui *u, const char *why)
{
	char bad[sizeof u->recover->path + 16], err[PATH_MAX + 200];
	if (set_aside(u, bad, sizeof bad, err, sizeof err))
		ui_message(u, true, UI_L("草稿恢复文件已损坏，没有恢复（%s）；原文件已改名为 %s",
		                         "The drafts recovery file is damaged, nothing recovered (%s); it is now %s"), why, bad);
	else
		ui_message(u, true, UI_L("草稿恢复文件 %s 已损坏，没有恢复（%s），也无法改名（%s）",
		                         "The drafts recovery file %s is damaged, nothing recovered (%s), and cannot be renamed (%s)"),
		           u->recover->path, why, err);
}

/* Records of this user that no session of ours wrote or took over. The
 * file itself stays until the next write replaces what was taken, so a
 * second drop before then still finds them. */
void ui_recover_restore(ui *u)
{
	ui_recover *r = u->recover;
	draft_set all;
	char why[400];
	if (!r)
		return;
	int lock = lock_dir(r);
	draft_read_result res = draft_read_file(r->path, &all, why, sizeof why);
	if (res == DRAFT_FILE_BAD)
		say_bad(u, why);
	unlock_dir(lock);
	if (res != DRAFT_FILE_OK)
		return;
	restored s = { 0 };
	for (int i = 0; i < all.n; i++)
		if (strcmp(all.d[i].user, u->c->who.user) == 0 && !ours(r, all.d[i].id))
			restore_one(u, &all.d[i], &s);
	r->dirty = r->dirty || s.n > 0;
	say_restored(u, &s);
	draft_set_free(&all);
}

/* --- start and end ------------------------------------------------------ */

static void session_id(char *buf, size_t len)
{
	struct timespec ts;
	char host[64] = "";
	clock_gettime(CLOCK_REALTIME, &ts);
	gethostname(host, sizeof host - 1);
	snprintf(buf, len, "%s:%ld:%lld.%09ld", host, (long)getpid(), (long long)ts.tv_sec, ts.tv_nsec);
}

void ui_recover_start(ui *u)
{
	ui_recover *r = xcalloc(1, sizeof *r);
	char name[300];
	draft_file_name(u->c->who.user, name, sizeof name);
	if (snprintf(r->dir, sizeof r->dir, "%s/drafts", u->c->cfg.report_dir) >= (int)sizeof r->dir) {
		ui_message(u, true, UI_L("报告文件夹路径太长，断线时无法保存草稿：%s", "Report folder path too long to keep drafts: %s"),
		           u->c->cfg.report_dir);
		free(r);
		return;
	}
	snprintf(r->path, sizeof r->path, "%s/%s", r->dir, name);
	session_id(r->session, sizeof r->session);
	r->synced = u->views_changed;
	u->recover = r;
	ui_recover_restore(u);
}

void ui_recover_close(ui *u)
{
	ui_recover *r = u->recover;
	if (!r)
		return;
	forget_adopted(r);
	free(r->last);
	free(r);
	u->recover = NULL;
}
