/* log, check */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/table.h"
#include "ducha/text.h"

static const table_column log_columns[] = {
	{ "id", "#", 0, true, false }, { "at", "时间 (UTC)", 0, false, false },
	{ "user", "用户", 0, false, false }, { "role", "角色", 0, false, false },
	{ "action", "操作", 0, false, false }, { "object", "对象", 0, false, false },
	{ "old", "原值", 24, false, true }, { "new", "新值", 40, false, false },
};

static int run_log(cli *c, const cli_args *a)
{
	out_format fmt = cli_format(c, a, FMT_TEXT);
	int num = 0;
	if (a->noperands == 1 && !cli_parse_task(c, a->operands[0], &num))
		return 2;
	if (!cli_open(c, false))
		return 1;
	char prefix[320];
	if (num && !store_task_object_name(c->app.st, c->app.plan.id, num, prefix, sizeof prefix))
		return cli_error("%s", store_error(c->app.st));
	audit_rec *rows;
	int n;
	if (!store_audit(c->app.st, num ? prefix : NULL, &rows, &n))
		return cli_error("%s", store_error(c->app.st));
	table t;
	table_init(&t, log_columns, (int)(sizeof log_columns / sizeof log_columns[0]));
	for (int i = 0; i < n; i++) {
		table_int(&t, rows[i].id);
		table_text(&t, rows[i].at);
		table_text(&t, rows[i].user);
		table_text(&t, rows[i].role);
		table_text(&t, rows[i].action);
		table_text(&t, rows[i].object);
		table_text(&t, rows[i].old);
		table_text(&t, rows[i].new_value);
		store_audit_free(&rows[i]);
	}
	free(rows);
	bool ok = table_print(&t, c->app.st, fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static void print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	char *safe = text_escape(problem, 0);
	printf("问题: %s\n", safe);
	free(safe);
}

static int run_check(cli *c, const cli_args *a)
{
	(void)a;
	if (!cli_open(c, false))
		return 1;
	if (store_is_snapshot(c->app.st))
		return cli_error("检查不能通过：数据库 %s 只能作为只读快照打开（无法建立 -shm 文件），"
		                 "看到的可能不是最新数据；请在有写权限的账号下运行 ducha check", c->app.db_path);
	int problems = 0, anchored = 0;
	/* The anchor first: a save in between only lengthens the trail. */
	if (!store_check_anchor(c->app.st, print_problem, NULL, &anchored) ||
	    !store_check(c->app.st, print_problem, NULL, &problems))
		return cli_error("检查无法完成: %s", store_error(c->app.st));
	problems += anchored;
	if (problems)
		return cli_error("检查发现 %d 个问题", problems);
	printf("检查通过：数据完整，外键一致，结构与发布的一致，数据与留痕相符，留痕链完整且未被截短\n");
	return 0;
}

static const cli_option log_options[] = {
	{ "format", 0, "text|csv|json", "输出格式（默认 text）", 0, "输出格式" },
	{ 0 },
};

const cli_command cli_cmd_log = {
	.name = "log", .run = run_log, .summary = "查看留痕记录", .operands = "[TASK]", .max_operands = 1,
	.options = log_options, .notes = "  TASK   只看该任务的留痕（默认全部）\n",
};

static const cli_option no_options[] = { { 0 } };

const cli_command cli_cmd_check = {
	.name = "check", .run = run_check, .summary = "检查数据库结构、数据与留痕是否相符、留痕链及其锚点",
	.options = no_options,
	.notes = "  结构与本程序发布的一致；每份填报、记录、任务状态和工作方案定义与留痕相符；\n"
	         "  留痕链完整，且不短于数据库旁锚点文件（DB.anchor）记下的行数；指出第一个不符的对象\n",
};
