/* The administrator's changes: a new database, a new plan, a backup over a
 * file, a restore. Each checks the role before anything is opened. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/app_write.h"
#include "ducha/plantable.h"
#include "ducha/validate.h"

bool app_admin_only(const app *a, const char *what, char *msg, size_t len)
{
	if (a->who.role == ROLE_ADMIN)
		return true;
	snprintf(msg, len, "%s（%s）无权%s：只有管理员（admin）可以", a->who.user, model_role_name(a->who.role), what);
	return false;
}

bool app_admin_writes(const app *a, const char *what, char *msg, size_t len)
{
	if (!app_admin_only(a, what, msg, len))
		return false;
	if (store_is_readonly(a->st)) {
		snprintf(msg, len, "数据库 %s 以只读方式打开，不能保存", a->db_path);
		return false;
	}
	return true;
}

/* Group-writable, so colleagues in the ducha group can save; never world. */
static bool share_with_group(const app *a, char *msg, size_t len)
{
	if (chmod(a->db_path, 0660) == 0)
		return true;
	snprintf(msg, len, "无法设置 %s 的权限: %s", a->db_path, strerror(errno));
	return false;
}

static app_result created(app *a, char *msg, size_t len)
{
	return store_plan(a->st, NULL, &a->plan) ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_create(app *a, bool force, bool *rebuilt, char *msg, size_t len)
{
	bool has = false;
	*rebuilt = false;
	/* Before anything is opened: opening creates the file. */
	if (!app_admin_only(a, "初始化数据库", msg, len)) {
		snprintf(msg + strlen(msg), len - strlen(msg), "；数据库未改动");
		return APP_REFUSED;
	}
	a->st = store_open(a->db_path, STORE_CREATE, a->cfg.busy_timeout_ms, msg, len);
	if (!a->st)
		return APP_FAILED;
	if (!store_has_data(a->st, &has))
		return app_store_failure(a, msg, len);
	if (has && !force) {
		snprintf(msg, len, "数据库 %s 已有数据，未做任何改动（确需重建请加 --force）", a->db_path);
		return APP_REFUSED;
	}
	if (has) {
		*rebuilt = true;
		if (!store_reinit_builtin(a->st, &a->who)) {
			app_store_failure(a, msg, len);
			return APP_FAILED;
		}
		return created(a, msg, len);
	}
	if (!store_init_builtin(a->st, &a->who)) {
		snprintf(msg, len, "初始化失败: %s", store_error(a->st));
		return APP_FAILED;
	}
	if (!share_with_group(a, msg, len))
		return APP_FAILED;
	return created(a, msg, len);
}

app_result app_import_plan(app *a, const plan_import *in, char *msg, size_t len)
{
	if (!app_admin_only(a, "导入工作方案", msg, len))
		return APP_REFUSED;
	return store_import_plan(a->st, &a->who, in) ? APP_OK : app_store_failure(a, msg, len);
}

bool app_may_backup(const app *a, const char *dest, bool force, char *msg, size_t len)
{
	char what[4200];
	snprintf(what, sizeof what, "用 --force 覆盖已有的 %s", dest);
	/* Overwriting a file is destructive: an admin's, and in the trail. */
	return !(force && access(dest, F_OK) == 0) || app_admin_only(a, what, msg, len);
}

app_result app_backup(app *a, const char *dest, bool force, char *msg, size_t len)
{
	bool over = force && access(dest, F_OK) == 0;
	if (!app_may_backup(a, dest, force, msg, len))
		return APP_REFUSED;
	if (!store_backup(a->db_path, dest, force, a->cfg.busy_timeout_ms, msg, len))
		return APP_FAILED;
	if (over && !store_audit_backup(a->st, &a->who, dest)) {
		char why[512];
		snprintf(why, sizeof why, "%s", store_error(a->st));
		snprintf(msg, len, "已备份到 %s，但留痕记录未能写入: %s", dest, why);
		return APP_FAILED;
	}
	return APP_OK;
}

app_result app_restore(app *a, const char *source, char *msg, size_t len)
{
	if (!app_admin_only(a, "恢复数据库", msg, len))
		return APP_REFUSED;
	if (!store_restore(a->db_path, source, &a->who, a->cfg.busy_timeout_ms, msg, len))
		return APP_FAILED;
	return APP_OK;
}

static bool name_taken(const task_detail *d, const indicator_rec *self, const char *name)
{
	for (int i = 0; name && i < d->nindicators; i++)
		if (&d->indicators[i] != self && strcmp(d->indicators[i].name, name) == 0)
			return true;
	return false;
}

app_result app_edit_indicator(app *a, const task_detail *d, int ord, const indicator_edit *e, char *msg, size_t len)
{
	if (!app_admin_only(a, "修改指标定义", msg, len))
		return APP_REFUSED;
	const indicator_rec *ind = model_indicator_of(d, ord);
	if (!ind) {
		snprintf(msg, len, "任务 %d 没有第 %d 个指标（共 %d 个）", d->task.num, ord, d->nindicators);
		return APP_REFUSED;
	}
	if (name_taken(d, ind, e->name)) {
		snprintf(msg, len, "任务 %d 已有名为“%s”的指标", d->task.num, e->name);
		return APP_REFUSED;
	}
	indicator_rec edited;
	if (!indicator_edit_apply(ind, e, a->plan.starts, &edited, msg, len))
		return APP_REFUSED;
	return store_update_indicator(a->st, &a->who, d->task.id, &edited) ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_set_alias(app *a, const char *agency, const char *alias, char *msg, size_t len)
{
	if (!app_admin_writes(a, agency ? "设置单位别名" : "取消单位别名", msg, len))
		return APP_REFUSED;
	text_rule rule = { "别名", 100, false, true };
	if (!validate_text(&rule, alias, msg, len))
		return APP_REFUSED;
	/* Written as the importer writes a name from a cell (spaces are layout:
	 * 市 发 改 委; brackets full-width), so that a cell's name finds it. */
	char **bare;
	int n = plantable_split_agencies(alias, NULL, &bare, msg, len);
	if (n != 1) {
		if (n == 0)
			snprintf(msg, len, "别名只有空白");
		else if (n > 1)
			snprintf(msg, len, "别名只能是一个名称（不含 、，,；;）");
		plantable_free_names(bare, n > 0 ? n : 0);
		return APP_REFUSED;
	}
	app_result r = store_agency_set_alias(a->st, &a->who, agency, bare[0]) ? APP_OK : app_store_failure(a, msg, len);
	if (r == APP_OK)
		snprintf(msg, len, "%s", bare[0]);
	plantable_free_names(bare, 1);
	return r;
}
