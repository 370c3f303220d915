/* tasks, agencies */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/table.h"

static bool parse_format(cli *c, const char *arg, unsigned allowed, out_format *f)
{
	if (format_parse(arg, allowed, f))
		return true;
	cli_usage_error(c, "不支持的输出格式 \"%s\"", arg);
	return false;
}

static const table_column task_columns[] = {
	{ "id", "序号", 0, true, false },
	{ "area", "领域", 0, false, false },
	{ "measure", "措施", 0, true, true },
	{ "deadline", "完成时限", 0, false, true },
	{ "due", "截止日期", 0, false, false },
	{ "lead", "牵头单位", 16, false, false },
	{ "support", "配合单位", 0, false, true },
	{ "text", "重点任务", 36, false, false },
};

int cli_tasks(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "area", required_argument, 0, 'a' }, { "agency", required_argument, 0, 'g' },
		{ "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 },
	};
	task_filter filter = { 0 };
	const char *agency = NULL;
	out_format fmt = FMT_TEXT;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			if (strlen(optarg) != 1 || optarg[0] < '1' || optarg[0] > '9')
				return cli_usage_error(c, "--area \"%s\" 应为领域编号 1–5", optarg);
			filter.area = optarg[0] - '0';
			break;
		case 'g': agency = optarg; break;
		case 'f':
			if (!parse_format(c, optarg, FMT_ALLOW_TEXT | FMT_ALLOW_CSV | FMT_ALLOW_JSON, &fmt))
				return 2;
			break;
		default: return cli_usage_error(c, "无法识别的选项 %s", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(c, "多余的参数 \"%s\"", argv[optind]);
	if (!cli_open(c, false))
		return 1;
	if (agency) {
		bool found;
		if (!store_agency_find(c->st, agency, &filter.agency_id, &found) || !found)
			return cli_error("%s", store_error(c->st));
	}
	task_rec *tasks;
	int n;
	if (!store_tasks(c->st, c->plan.id, &filter, &tasks, &n))
		return cli_error("%s", store_error(c->st));
	table t;
	table_init(&t, task_columns, (int)(sizeof task_columns / sizeof task_columns[0]));
	for (int i = 0; i < n; i++) {
		char due[DATE_TEXT_SIZE];
		date_format(tasks[i].due, due);
		table_int(&t, tasks[i].num);
		table_text(&t, tasks[i].area_short);
		table_int(&t, tasks[i].measure_num);
		table_text(&t, tasks[i].deadline);
		table_text(&t, due);
		table_list(&t, c->st, tasks[i].lead);
		table_list(&t, c->st, tasks[i].support);
		table_text(&t, tasks[i].text);
		model_task_free(&tasks[i]);
	}
	free(tasks);
	bool ok = table_print(&t, c->st, fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->st));
}

static const table_column agency_columns[] = {
	{ "agency", "单位", 0, false, false },
	{ "lead", "牵头", 0, true, false },
	{ "support", "配合", 0, true, false },
};

int cli_agencies(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 },
	};
	out_format fmt = FMT_TEXT;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt != 'f')
			return cli_usage_error(c, "无法识别的选项 %s", argv[optind - 1]);
		if (!parse_format(c, optarg, FMT_ALLOW_TEXT | FMT_ALLOW_CSV | FMT_ALLOW_JSON, &fmt))
			return 2;
	}
	if (optind < argc)
		return cli_usage_error(c, "多余的参数 \"%s\"", argv[optind]);
	if (!cli_open(c, false))
		return 1;
	agency_rec *list;
	int n;
	if (!store_agencies(c->st, c->plan.id, &list, &n))
		return cli_error("%s", store_error(c->st));
	table t;
	table_init(&t, agency_columns, 3);
	for (int i = 0; i < n; i++) {
		table_text(&t, list[i].name);
		table_int(&t, list[i].lead);
		table_int(&t, list[i].support);
		model_agency_free(&list[i]);
	}
	free(list);
	bool ok = table_print(&t, c->st, fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->st));
}
