/* tasks, agencies */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_judge.h"
#include "ducha/app_write.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"
#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/table.h"
#include "ducha/wording.h"

static const table_column task_columns[] = {
	{ "id", "序号", 0, true, false },
	{ "area", "领域", 0, false, false },
	{ "measure", "措施", 0, true, true },
	{ "deadline", "完成时限", 0, false, true },
	{ "due", "截止日期", 0, false, false },
	{ "flag", "预警", 0, false, false },
	{ "lead", "牵头单位", 16, false, false },
	{ "support", "配合单位", 0, false, true },
	{ "text", "重点任务", 36, false, false },
};

typedef struct tasks_args {
	task_filter filter;
	const char *agency;
	flag_set flags;
	out_format fmt;
} tasks_args;

/* --area, --agency, --flag: what tasks and lagging share. */
static int read_tasks_args(cli *c, const cli_args *args, tasks_args *a)
{
	const char *area = cli_value(c, args, "area"), *flag = cli_value(c, args, "flag");
	a->agency = cli_value(c, args, "agency");
	a->fmt = cli_format(c, args, FMT_TEXT);
	if (area && !cli_parse_area(c, area, &a->filter.area))
		return 2;
	char why[200];
	if (flag && !flag_parse_set(flag, &a->flags, why, sizeof why)) {
		char names[200];
		flag_names_list("、", names, sizeof names);
		return cli_usage_error(c, "--flag \"%s\"：%s；应为 %s 或其中文名，可加 +（及更严重）、用逗号连接，或“预警”",
		                       flag, why, names);
	}
	return 0;
}

static void add_task_row(cli *c, table *t, const judged_row *r, out_format fmt)
{
	const task_rec *task = &r->task;
	flag_value f = r->flag;
	char due[DATE_TEXT_SIZE + 1], shown[64];
	wording_shown_due(r->due, r->more_dues && fmt == FMT_TEXT, due, sizeof due);
	table_int(t, task->num);
	table_text(t, task->area_short);
	table_int(t, task->measure_num);
	table_text(t, task->deadline);
	table_text(t, due);
	/* Text shows a glyph with the label, so the flag never rests on colour;
	 * CSV and JSON carry the machine-readable value. */
	snprintf(shown, sizeof shown, "%s", flag_shown(f, c->app.lang == APP_LANG_EN));
	table_text(t, fmt == FMT_TEXT ? shown : flag_name(f));
	table_list(t, c->app.st, task->lead);
	table_list(t, c->app.st, task->support);
	table_text(t, task->text);
}

static int run_tasks(cli *c, const cli_args *args)
{
	tasks_args a = { .fmt = FMT_TEXT };
	int rc = read_tasks_args(c, args, &a);
	if (rc)
		return rc;
	if (!cli_open_listing(c, a.agency, &a.filter))
		return 1;
	/* Each task's verdict, from the same rules show and lagging use. */
	judge_scope scope = app_judge_scope(&c->app);
	judge_cache cache;
	judge_cache_open(&cache, &scope);
	int *nums = NULL, n = 0;
	/* All the rows in one batch, not one read per task. */
	if (!judge_cache_nums(&cache, &a.filter, a.flags, &nums, &n) ||
	    !judge_cache_load_rows(&cache, nums, n)) {
		free(nums);
		judge_cache_close(&cache);
		return cli_error("%s", store_error(c->app.st));
	}
	table t;
	table_init(&t, task_columns, (int)(sizeof task_columns / sizeof task_columns[0]));
	bool ok = true;
	for (int i = 0; ok && i < n; i++) {
		bool missing;
		const judged_row *r = judge_cache_row(&cache, nums[i], &missing);
		if (r)
			add_task_row(c, &t, r, a.fmt);
		ok = r || missing;
	}
	free(nums);
	judge_cache_close(&cache);
	if (!ok) {
		table_free(&t);
		return cli_error("%s", store_error(c->app.st));
	}
	ok = table_print(&t, c->app.st, a.fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static const table_column agency_columns[] = {
	{ "agency", "单位", 0, false, false },
	{ "lead", "牵头", 0, true, false },
	{ "support", "配合", 0, true, false },
};

/* --alias NAME=ALIAS, --unalias ALIAS: one change, then what it did. */
static int change_alias(cli *c, const char *pair, const char *unalias)
{
	if (pair && unalias)
		return cli_usage_error(c, "--alias 和 --unalias 只能用一个");
	char *agency = pair ? xstrdup(pair) : NULL, *alias = NULL;
	if (pair) {
		char *eq = strchr(agency, '=');
		if (!eq || eq == agency || !eq[1]) {
			free(agency);
			return cli_usage_error(c, "--alias 应写作 单位全称=别名，如 --alias 市发展改革委=市发改委");
		}
		*eq = '\0';
		alias = eq + 1;
	}
	if (!cli_open(c, true)) {
		free(agency);
		return 1;
	}
	char err[600];
	app_result r = app_set_alias(&c->app, agency, pair ? alias : unalias, err, sizeof err);
	if (r == APP_OK) {
		char *a = text_escape(err, 0), *g = agency ? text_escape(agency, 0) : NULL;
		if (g)
			printf("已设置：“%s”即“%s”（导入分工表、--agency 和筛选都认这个名称）\n", a, g);
		else
			printf("已取消别名“%s”\n", a);
		free(a);
		free(g);
	}
	free(agency);
	return r == APP_OK ? 0 : cli_error(r == APP_REFUSED ? "%s" : "%s；未做任何改动", err);
}

static int list_aliases(cli *c, out_format fmt)
{
	if (!cli_open(c, false))
		return 1;
	char **aliases, **names;
	int n;
	if (!store_agency_aliases(c->app.st, &aliases, &names, &n))
		return cli_error("%s", store_error(c->app.st));
	static const table_column cols[] = { { "alias", "别名", 0, false, false }, { "agency", "单位", 0, false, false } };
	table t;
	table_init(&t, cols, 2);
	for (int i = 0; i < n; i++) {
		table_text(&t, aliases[i]);
		table_text(&t, names[i]);
		free(aliases[i]);
		free(names[i]);
	}
	free(aliases);
	free(names);
	bool ok = table_print(&t, c->app.st, fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static int run_agencies(cli *c, const cli_args *args)
{
	out_format fmt = cli_format(c, args, FMT_TEXT);
	const char *pair = cli_value(c, args, "alias"), *unalias = cli_value(c, args, "unalias");
	if (pair || unalias)
		return change_alias(c, pair, unalias);
	if (cli_given(c, args, "aliases"))
		return list_aliases(c, fmt);
	if (!cli_open(c, false))
		return 1;
	agency_rec *list;
	int n;
	if (!store_agencies(c->app.st, c->app.plan.id, &list, &n))
		return cli_error("%s", store_error(c->app.st));
	table t;
	table_init(&t, agency_columns, 3);
	for (int i = 0; i < n; i++) {
		table_text(&t, list[i].name);
		table_int(&t, list[i].lead);
		table_int(&t, list[i].support);
		model_agency_free(&list[i]);
	}
	free(list);
	bool ok = table_print(&t, c->app.st, fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static const cli_option tasks_options[] = {
	{ "area", 0, "N", "只列第 N 个领域（1–5）的任务", 0, NULL },
	{ "agency", 0, "NAME", "只列该单位牵头或配合的任务", 0, NULL },
	{ "flag", 0, "F", "只列这些预警状态的任务：F 为" DUCHA_FLAGS(FLAG_NAME_WORD)
	  " 或中文名（滞后），加 + 含更严重的（behind+），逗号连接几种，“预警”为除正常、已完成外的全部", 0, NULL },
	{ "format", 0, "text|csv|json", "输出格式（默认 text）", 0, "输出格式" },
	{ 0 },
};

const cli_command cli_cmd_tasks = {
	.name = "tasks", .run = run_tasks, .summary = "列出重点任务", .options = tasks_options,
};

static const cli_option agencies_options[] = {
	{ "format", 0, "text|csv|json", "输出格式（默认 text）", 0, "输出格式" },
	{ "aliases", 0, NULL, "列出各单位的别名", 0, NULL },
	{ "alias", 0, "NAME=ALIAS", "为单位设一个别名（管理员，记入留痕），如 市发展改革委=市发改委", 0, NULL },
	{ "unalias", 0, "ALIAS", "取消一个别名（管理员，记入留痕）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_agencies = {
	.name = "agencies", .run = run_agencies, .summary = "列出单位及其牵头、配合任务数",
	.options = agencies_options,
};
