#include "ducha/permission.h"
#include "ducha/xalloc.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool permission_agency_on_task(const char *agency, const task_rec *t)
{
	return agency[0] && (model_agency_in(t->lead, agency) || model_agency_in(t->support, agency));
}

static const char *action_label(permission_action a)
{
	switch (a) {
	case PERM_REPORT: return "填报季度进展";
	case PERM_PROGRESS: return "添加进展情况";
	case PERM_COMMENT: return "添加督查意见";
	case PERM_ACCEPT: return "销号";
	case PERM_SUPPORT: return "报送配合情况";
	case PERM_REVIEW: return "审核或重新打开填报";
	case PERM_DEFINE: return "修改指标定义";
	}
	return "?";
}

const char *permission_note_kind(const actor *who, const task_rec *t)
{
	if (who->role == ROLE_INSPECTOR)
		return "comment";
	if (who->role == ROLE_REPORTER && !model_agency_in(t->lead, who->agency) &&
	    model_agency_in(t->support, who->agency))
		return "support";
	return "progress";
}

permission_action permission_of_note_kind(const char *kind)
{
	return strcmp(kind, "comment") == 0 ? PERM_COMMENT : strcmp(kind, "support") == 0 ? PERM_SUPPORT : PERM_PROGRESS;
}

bool permission_may_change_note(const actor *who, const note_rec *n, const task_rec *t, char *why, size_t whylen)
{
	if (strcmp(n->author, who->user) != 0) {
		snprintf(why, whylen, "只能修改或撤回自己写的记录（这一条是 %s 写的）", n->author);
		return false;
	}
	return permission_check(who, permission_of_note_kind(n->kind), t, why, whylen);
}

/* Why a reporter may not do this on t (empty when they may). */
static void reporter_rule(const actor *who, permission_action action, const task_rec *t, char *rule, size_t len)
{
	bool lead = who->agency[0] && model_agency_in(t->lead, who->agency);
	bool support = who->agency[0] && model_agency_in(t->support, who->agency);
	char *leads = xstrdup(t->lead);
	for (char *p = leads; *p; p++)
		if (*p == ';')
			*p = ' ';
	rule[0] = '\0';
	if (action == PERM_REPORT && support && !lead)
		snprintf(rule, len, "配合单位只报配合情况（按 n 或 ducha note），不报数字和状态；%s 是配合单位，牵头单位：%s",
		         who->agency, leads);
	else if ((action == PERM_REPORT || action == PERM_PROGRESS) && !lead)
		snprintf(rule, len, "填报人员只能为本单位牵头的任务填报（牵头单位：%s）", leads);
	else if (action == PERM_SUPPORT && !support)
		snprintf(rule, len, "配合情况由配合单位报送");
	else if (action != PERM_REPORT && action != PERM_PROGRESS && action != PERM_SUPPORT)
		snprintf(rule, len, "填报人员（reporter）不能添加督查意见、审核或销号");
	free(leads);
}

bool permission_role_may_ever(role r, permission_action action)
{
	switch (r) {
	case ROLE_ADMIN: return true;
	case ROLE_VIEWER: return false;
	case ROLE_INSPECTOR: return action == PERM_COMMENT || action == PERM_ACCEPT || action == PERM_REVIEW;
	case ROLE_REPORTER: return action == PERM_REPORT || action == PERM_PROGRESS || action == PERM_SUPPORT;
	}
	return false;
}

bool permission_check(const actor *who, permission_action action, const task_rec *t,
                      char *why, size_t whylen)
{
	bool ok = false;
	const char *rule = "";
	char rules[600];
	if (action == PERM_DEFINE && who->role != ROLE_ADMIN) {
		snprintf(why, whylen, "%s（%s）无权对任务 %d %s：只有管理员（admin）可以", who->user,
		         model_role_name(who->role), t->num, action_label(action));
		return false;
	}
	switch (who->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_VIEWER:
		rule = "只读用户（viewer）不能修改任何内容";
		break;
	case ROLE_INSPECTOR:
		ok = action == PERM_COMMENT || action == PERM_ACCEPT || action == PERM_REVIEW;
		rule = "督查人员（inspector）只能添加督查意见、审核、重新打开和销号";
		break;
	case ROLE_REPORTER:
		reporter_rule(who, action, t, rules, sizeof rules);
		ok = rules[0] == '\0';
		rule = rules;
		break;
	}
	if (!ok)
		snprintf(why, whylen, "%s（%s）无权对任务 %d %s：%s", who->user, model_role_name(who->role),
		         t->num, action_label(action), rule);
	return ok;
}

/* The real folder a file would land in (the file itself may not exist yet). */
static bool real_folder(const char *path, char out[PATH_MAX])
{
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", path);
	return realpath(dirname(copy), out) != NULL;
}

/* The canonical name of a file that may not exist yet: its real folder and its name. */
static bool canonical(const char *path, char out[PATH_MAX * 2])
{
	char folder[PATH_MAX], copy[PATH_MAX];
	if (!real_folder(path, folder))
		return false;
	snprintf(copy, sizeof copy, "%s", path);
	snprintf(out, PATH_MAX * 2, "%s/%s", folder, basename(copy));
	return true;
}

static bool inside(const char *folder, const char *dir)
{
	char real[PATH_MAX];
	if (!realpath(dir, real))
		return false;
	size_t n = strlen(real);
	return strncmp(folder, real, n) == 0 && (folder[n] == '\0' || folder[n] == '/');
}

bool permission_inside_folder(const char *report_dir, bool restricted, const char *path,
                              char *why, size_t whylen)
{
	char folder[PATH_MAX], allowed[PATH_MAX];
	if (!restricted)
		return true;
	if (!realpath(report_dir, allowed)) {
		snprintf(why, whylen, "受限模式下只能写入报告文件夹 %s，但它不存在", report_dir);
		return false;
	}
	if (!real_folder(path, folder) || !inside(folder, allowed)) {
		snprintf(why, whylen, "受限模式下只能写入文件夹 %s，不能写入 %s", report_dir, path);
		return false;
	}
	return true;
}

/* The database's own files: the file, SQLite's companions and the anchor. */
static const char *const database_suffixes[] = { "", "-wal", "-shm", "-journal", MODEL_ANCHOR_SUFFIX };

/* Whether path names one of the database's files, by name or (for a link
 * or another name of the same file) by device and inode. */
static bool names_database(const char *db_path, const char *path)
{
	char target[PATH_MAX * 2], own[PATH_MAX * 2 + 16], base[PATH_MAX * 2];
	struct stat want, have;
	bool exists = stat(path, &want) == 0;
	if (!canonical(path, target))
		target[0] = '\0';
	bool have_base = canonical(db_path, base);
	for (size_t i = 0; i < sizeof database_suffixes / sizeof database_suffixes[0]; i++) {
		char name[PATH_MAX + 16];
		snprintf(name, sizeof name, "%s%s", db_path, database_suffixes[i]);
		if (exists && stat(name, &have) == 0 && have.st_dev == want.st_dev && have.st_ino == want.st_ino)
			return true;
		snprintf(own, sizeof own, "%s%s", base, database_suffixes[i]);
		if (have_base && target[0] && strcmp(own, target) == 0)
			return true;
	}
	return false;
}

bool permission_output_folder(const output_rules *r, char *out, size_t len, char *why, size_t whylen)
{
	if (!r->restricted) {
		snprintf(out, len, "%s", r->report_dir);
		return true;
	}
	/* Each person's files apart: nobody in restricted mode reaches another's. */
	const char *u = r->user ? r->user : "";
	if (!u[0] || strchr(u, '/') || strcmp(u, ".") == 0 || strcmp(u, "..") == 0 ||
	    strcmp(u, "drafts") == 0) {
		snprintf(why, whylen, "用户名 \"%s\" 不能用作报告文件夹中的个人文件夹名", u);
		return false;
	}
	if (snprintf(out, len, "%s/%s", r->report_dir, u) >= (int)len) {
		snprintf(why, whylen, "报告文件夹路径太长: %s", r->report_dir);
		return false;
	}
	return true;
}

bool permission_output_path(const output_rules *r, const char *path, char *why, size_t whylen)
{
	char folder[PATH_MAX], drafts[PATH_MAX + 16], mine[PATH_MAX + 100];
	struct stat st;
	if (r->db_path && names_database(r->db_path, path)) {
		snprintf(why, whylen, "不能写入 %s：它是数据库 %s 或其附属文件", path, r->db_path);
		return false;
	}
	snprintf(drafts, sizeof drafts, "%s/drafts", r->report_dir);
	if (real_folder(path, folder) && inside(folder, drafts)) {
		snprintf(why, whylen, "不能写入 %s：草稿文件夹 %s 只由本程序使用", path, drafts);
		return false;
	}
	if (!r->restricted)
		return true;
	if (!permission_output_folder(r, mine, sizeof mine, why, whylen) ||
	    !permission_inside_folder(mine, true, path, why, whylen))
		return false;
	if (lstat(path, &st) == 0 && (st.st_uid != getuid() || !S_ISREG(st.st_mode))) {
		snprintf(why, whylen, "不能写入 %s：%s", path,
		         S_ISREG(st.st_mode) ? "该文件是别的用户建立的" : "它不是普通文件");
		return false;
	}
	return true;
}
