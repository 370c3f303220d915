/* export, backup, restore: a plan written out whole, the database copied
 * out while others work, and copied back. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/permission.h"
#include "ducha/table.h"
#include "ducha/text.h"
#include "ducha/userfile.h"
#include "ducha/xalloc.h"

/* The 分工表 in the shape import-plan reads. */
static const char *const plan_header[] = { "序号", "领域", "措施", "重点任务", "完成时限", "牵头单位",
	                                       "配合单位" };

/* A ';'-joined list as the table writes it: joined with 、. */
static void csv_list(FILE *out, const char *joined)
{
	size_t n = 1;
	for (const char *p = joined; *p; p++)
		n += *p == ';' ? 3 : 1;
	char *s = xmalloc(n), *o = s;
	for (const char *p = joined; *p; p++) {
		if (*p == ';') {
			memcpy(o, "、", 3);
			o += 3;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	table_csv_field(out, s);
	free(s);
}

static bool write_plan_csv(cli *c, FILE *out)
{
	task_rec *tasks;
	int n;
	if (!store_tasks(c->app.st, c->app.plan.id, NULL, &tasks, &n)) {
		cli_error("%s", store_error(c->app.st));
		return false;
	}
	/* A BOM, so that Excel opens the file as UTF-8. */
	fputs("\xEF\xBB\xBF", out);
	for (size_t i = 0; i < sizeof plan_header / sizeof plan_header[0]; i++) {
		fputs(i ? "," : "", out);
		table_csv_field(out, plan_header[i]);
	}
	fputs("\r\n", out);
	for (int i = 0; i < n; i++) {
		const task_rec *t = &tasks[i];
		fprintf(out, "%d,", t->num);
		table_csv_field(out, t->area_title);
		fputc(',', out);
		table_csv_field(out, t->measure_title);
		fputc(',', out);
		table_csv_field(out, t->text);
		fputc(',', out);
		table_csv_field(out, t->deadline);
		fputc(',', out);
		csv_list(out, t->lead);
		fputc(',', out);
		csv_list(out, t->support);
		fputs("\r\n", out);
		model_task_free(&tasks[i]);
	}
	free(tasks);
	return true;
}

static bool write_plan_json(cli *c, FILE *out)
{
	char *json = store_export_json(c->app.st, c->app.plan.id);
	if (!json) {
		cli_error("%s", store_error(c->app.st));
		return false;
	}
	char *safe = text_json_safe(json);
	fputs(safe, out);
	fputc('\n', out);
	free(safe);
	free(json);
	return true;
}

/* Writes to path (stdout when NULL), through a temporary file renamed over
 * it when complete: a failed export leaves the old file as it was. */
static int write_out(cli *c, const char *path, out_format fmt)
{
	char err[PATH_MAX + 300];
	userfile_out o = { .f = stdout };
	if (path && !userfile_create(&o, path, true, err, sizeof err))
		return cli_error("%s", err);
	bool ok = fmt == FMT_JSON ? write_plan_json(c, o.f) : write_plan_csv(c, o.f);
	if (!path) {
		bool written = fflush(stdout) == 0 && !ferror(stdout);
		if (ok && !written)
			cli_error("写入标准输出失败: %s", strerror(errno));
		return ok && written ? 0 : 1;
	}
	if (!ok) {
		userfile_abort(&o);
		return 1;
	}
	return userfile_commit(&o, err, sizeof err) ? 0 : cli_error("%s", err);
}

static int run_export(cli *c, const cli_args *a)
{
	out_format fmt = cli_format(c, a, FMT_CSV);
	const char *path = cli_value(c, a, "output");
	if (path && !cli_may_write(c, path))
		return 1;
	if (!cli_open(c, false))
		return 1;
	int rc = write_out(c, path, fmt);
	if (rc == 0 && path)
		cli_say(stderr, "已导出《%s》（%s）到 %s", c->app.plan.title, c->app.plan.code, path);
	return rc;
}

static int run_backup(cli *c, const cli_args *a)
{
	bool force = cli_given(c, a, "force");
	const char *dest = a->operands[0];
	char err[PATH_MAX + 8200];
	bool over = force && access(dest, F_OK) == 0;
	if (!app_may_backup(&c->app, dest, force, err, sizeof err))
		return cli_error("%s", err);
	if (!cli_may_write(c, dest) || !cli_open(c, over))
		return 1;
	if (app_backup(&c->app, dest, force, err, sizeof err) != APP_OK)
		return cli_error("%s", err);
	cli_say(stdout, "已备份 %s 到 %s", c->app.db_path, dest);
	return 0;
}

static int run_restore(cli *c, const cli_args *a)
{
	const char *source = a->operands[0];
	char err[PATH_MAX + 1200];
	app_result r = app_restore(&c->app, source, err, sizeof err);
	if (r == APP_REFUSED)
		return cli_error("%s", err);
	if (r != APP_OK)
		return cli_error("%s；数据库未改动", err);
	cli_say(stdout, "已从 %s 恢复 %s（留痕中记有一行 restore）", source, c->app.db_path);
	return 0;
}

static const cli_option export_options[] = {
	{ "format", 0, "csv|json", "csv：分工表（默认，可再导入）；json：全部数据", 0, "输出格式" },
	{ "output", 'o', "FILE", "写入文件（受限模式下只能写入报告文件夹）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_export = {
	.name = "export", .run = run_export, .summary = "导出整个工作方案：分工表（CSV，可再导入）或全部数据（JSON）",
	.options = export_options,
	.notes = "  csv 的列：序号,领域,措施,重点任务,完成时限,牵头单位,配合单位\n"
	         "  json：方案、领域、措施、单位、任务、指标、填报和记录\n",
};

static const cli_option backup_options[] = {
	{ "force", 0, NULL, "覆盖已有的 FILE（只有管理员可以，记入留痕）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_backup = {
	.name = "backup", .run = run_backup, .summary = "在线备份数据库（他人正在保存时也可进行）", .operands = "FILE",
	.min_operands = 1, .max_operands = 1, .missing_operand = "缺少备份文件名", .options = backup_options,
	.notes = "  同时写出 FILE.anchor（留痕锚点）；FILE 不能是数据库本身或其附属文件\n",
};

static const cli_option restore_options[] = { { 0 } };

const cli_command cli_cmd_restore = {
	.name = "restore", .run = run_restore, .summary = "从备份恢复数据库（管理员）", .operands = "FILE",
	.min_operands = 1, .max_operands = 1, .missing_operand = "缺少备份文件名", .options = restore_options,
	.notes = "  拒绝不是 ducha 数据库、结构版本更新或未通过完整性、外键和留痕链检查的文件\n",
};
