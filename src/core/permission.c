#include "ducha/permission.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool in_list(const char *name, const char *joined)
{
	size_t n = strlen(name);
	for (const char *p = joined; p && *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

bool permission_agency_on_task(const char *agency, const task_rec *t)
{
	return agency[0] && (in_list(agency, t->lead) || in_list(agency, t->support));
}

static const char *action_label(permission_action a)
{
	switch (a) {
	case PERM_REPORT: return "填报季度进展";
	case PERM_PROGRESS: return "添加进展情况";
	case PERM_COMMENT: return "添加督查意见";
	case PERM_ACCEPT: return "销号";
	}
	return "?";
}

bool permission_check(const actor *who, permission_action action, const task_rec *t,
                      char *why, size_t whylen)
{
	bool ok = false;
	const char *rule = "";
	switch (who->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_VIEWER:
		rule = "只读用户（viewer）不能修改任何内容";
		break;
	case ROLE_INSPECTOR:
		ok = action == PERM_COMMENT || action == PERM_ACCEPT;
		rule = "督查人员（inspector）只能添加督查意见和销号";
		break;
	case ROLE_REPORTER:
		ok = (action == PERM_REPORT || action == PERM_PROGRESS) &&
		     permission_agency_on_task(who->agency, t);
		rule = action == PERM_REPORT || action == PERM_PROGRESS
		           ? "填报人员只能为本单位牵头或配合的任务填报"
		           : "填报人员（reporter）不能添加督查意见或销号";
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

bool permission_output_path(const char *report_dir, bool restricted, const char *path,
                            char *why, size_t whylen)
{
	char folder[PATH_MAX], allowed[PATH_MAX];
	if (!restricted)
		return true;
	if (!realpath(report_dir, allowed)) {
		snprintf(why, whylen, "受限模式下只能写入报告文件夹 %s，但它不存在", report_dir);
		return false;
	}
	size_t n = strlen(allowed);
	if (!real_folder(path, folder) || strncmp(folder, allowed, n) != 0 ||
	    (folder[n] != '\0' && folder[n] != '/')) {
		snprintf(why, whylen, "受限模式下只能写入报告文件夹 %s，不能写入 %s", report_dir, path);
		return false;
	}
	return true;
}
