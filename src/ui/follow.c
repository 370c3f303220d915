/* Others' saves, seen without a key: while the user is idle the data
 * version is read (one PRAGMA, no disk read when nothing changed); when
 * another session has committed, the tasks its audit rows name are read
 * afresh and the message line says who did what. */
#include "ui_follow.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/config.h"
#include "ducha/store.h"
#include "ui_i18n.h"
#include "ui_view.h"

void ui_follow_start(ui *u)
{
	store *st = u->c->st;
	if (!store_data_version(st, &u->seen_version) || !store_audit_last(st, &u->seen_audit))
		u->seen_version = u->seen_audit = -1;
}

/* "市科委 kewei", or the user alone when [users] does not say. */
static void who_did(ui *u, const store_change *c, char *out, size_t len)
{
	const config_user *cu = config_find_user(&u->c->cfg, c->user);
	if (cu && cu->agency[0])
		snprintf(out, len, "%s %s", cu->agency, c->user);
	else
		snprintf(out, len, UI_L("用户 %s", "user %s"), c->user);
}

static void what_done(const store_change *c, char *out, size_t len)
{
	static const struct { const char *action, *zh, *en; } verbs[] = {
		{ "report", "刚填报了任务 %d %s", "just reported on task %d %s" },
		{ "review", "刚审核了任务 %d %s 的填报", "just reviewed task %d's report %s" },
		{ "reopen", "刚重新打开了任务 %d %s 的填报", "just reopened task %d's report %s" },
		{ "conflict", "刚保存了任务 %d %s 的填报（与他人同时修改）", "just saved task %d's report %s over a conflict" },
		{ "note", "刚写了或修改了任务 %d 的记录%s", "just wrote or changed a note on task %d%s" },
		{ "status", "刚更改了任务 %d 的销号状态%s", "just changed task %d's acceptance%s" },
		{ "indicator", "刚修改了任务 %d 的量化指标%s", "just changed task %d's indicators%s" },
		{ "plan", "刚修改了任务 %d 的定义%s", "just edited task %d%s" },
	};
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
		if (strcmp(c->action, verbs[i].action) == 0 && c->task) {
			snprintf(out, len, UI_L(verbs[i].zh, verbs[i].en), c->task, c->period);
			return;
		}
	snprintf(out, len, "%s", UI_L("刚更新了数据库", "just updated the database"));
}

static bool saved_here(const ui *u, const store_change *c)
{
	int from = u->nsaved > 8 ? u->nsaved - 8 : 0;
	for (int i = from; i < u->nsaved; i++)
		if (u->saved[i % 8].task == c->task && strcmp(u->saved[i % 8].period, c->period) == 0)
			return true;
	return false;
}

/* A report this session saved that someone else has since saved over
 * (after a conflict, or later): the one who saved first must know. */
static bool say_overwritten(ui *u, const store_change *ch, int n)
{
	int hit = -1;
	for (int i = 0; i < n; i++) {
		if (strcmp(ch[i].action, "report") != 0 || !ch[i].task)
			continue;
		if (ch[i].own) {
			int k = u->nsaved++ % 8;
			u->saved[k].task = ch[i].task;
			snprintf(u->saved[k].period, sizeof u->saved[k].period, "%s", ch[i].period);
		} else if (saved_here(u, &ch[i])) {
			hit = i;
		}
	}
	if (hit < 0)
		return false;
	char who[200];
	who_did(u, &ch[hit], who, sizeof who);
	ui_message(u, true, UI_L("你保存的任务 %d %s 填报刚被 %s 改写，请打开查看", "Your report on task %d %s was just saved over by %s: open it to see"),
	           ch[hit].task, ch[hit].period, who);
	return true;
}

/* The newest change by someone else, and how many more there were. */
static void say_news(ui *u, const store_change *ch, int n)
{
	int others = 0, last = -1;
	for (int i = 0; i < n; i++)
		if (!ch[i].own) {
			others++;
			last = i;
		}
	if (last < 0)
		return;
	char who[200], what[200];
	who_did(u, &ch[last], who, sizeof who);
	what_done(&ch[last], what, sizeof what);
	if (others > 1)
		ui_message(u, false, UI_L("%s %s（另有 %d 处更新），已刷新", "%s %s (and %d more changes): screen updated"), who, what,
		           others - 1);
	else
		ui_message(u, false, UI_L("%s %s，已刷新", "%s %s: screen updated"), who, what);
}

/* Forgets what the changes touched: the tasks they name, or everything
 * when one names no task of this plan or there were too many to list. */
static void forget_changed(ui *u, const store_change *ch, int n)
{
	bool all = n >= STORE_CHANGES_MAX, plan = false;
	for (int i = 0; i < n; i++) {
		all |= ch[i].task == 0;
		plan |= strcmp(ch[i].action, "plan") == 0 || strcmp(ch[i].action, "alias") == 0;
	}
	if (plan) {
		ui_data_forget_plan(&u->data);
		return;
	}
	if (all) {
		ui_data_forget_all(&u->data);
		return;
	}
	for (int i = 0; i < n; i++)
		ui_data_forget(&u->data, ch[i].task);
}

bool ui_follow_check(ui *u)
{
	store *st = u->c->st;
	int64_t version;
	if (u->seen_version < 0 || !store_data_version(st, &version) || version == u->seen_version)
		return false;
	u->seen_version = version;
	store_change *ch = NULL;
	int n = 0;
	if (!store_changes_after(st, u->c->plan.id, u->seen_audit, &ch, &n) || n == 0) {
		free(ch);
		return false;
	}
	/* Past the limit everything is read afresh: the rest of the rows need not be. */
	if (n < STORE_CHANGES_MAX || !store_audit_last(st, &u->seen_audit))
		u->seen_audit = ch[n - 1].id;
	forget_changed(u, ch, n);
	ui_relayout(u);
	if (!say_overwritten(u, ch, n) && (!u->msg[0] || !u->msg_error))
		say_news(u, ch, n);
	free(ch);
	return true;
}
