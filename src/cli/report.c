/* report: the printed summary (通报) of one agency, or of every agency with
 * the overview ranking first; text for a printer, CSV, HTML or JSON; to
 * stdout or a file, and to the configured print command. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/date.h"
#include "ducha/permission.h"
#include "ducha/print.h"
#include "ducha/summary.h"

typedef struct report_args {
	const char *agency;
	bool all, bom, print;
	out_format fmt;
	const char *path;
	bool since;
	int since_year, since_quarter;
} report_args;

static int parse_option(cli *c, int opt, report_args *a, char **argv)
{
	switch (opt) {
	case 'g': a->agency = optarg; return 0;
	case 'A': a->all = true; return 0;
	case 'b': a->bom = true; return 0;
	case 'P': a->print = true; return 0;
	case 'o': a->path = optarg; return 0;
	case 'f':
		if (!format_parse(optarg, FMT_ALLOW_TEXT | FMT_ALLOW_CSV | FMT_ALLOW_HTML | FMT_ALLOW_JSON, &a->fmt))
			return cli_usage_error(c, "不支持的输出格式 \"%s\"（应为 text、csv、html 或 json）", optarg);
		return 0;
	case 's':
		if (!period_parse(optarg, &a->since_year, &a->since_quarter))
			return cli_usage_error(c, "--since \"%s\" 应为季度 YYYYQn，如 2017Q2", optarg);
		a->since = true;
		return 0;
	default: return cli_usage_error(c, "无法识别的选项 %s", argv[optind - 1]);
	}
}

/* What the options say together, before anything is opened or written. */
static int check_args(cli *c, const report_args *a)
{
	if (!a->agency == !a->all)
		return cli_usage_error(c, a->all ? "--agency 和 --all 只能选一个" : "需要 --agency NAME 或 --all");
	if (a->bom && a->fmt != FMT_CSV)
		return cli_usage_error(c, "--bom 只用于 --format csv");
	char as_of[DATE_TEXT_SIZE];
	date_format(c->app.as_of, as_of);
	if (a->since && period_last_day(a->since_year, a->since_quarter) >= c->app.as_of)
		return cli_usage_error(c, "--since %dQ%d 到截至日期 %s 还没有结束，无从比较", a->since_year,
		                       a->since_quarter, as_of);
	if (a->print && !c->app.cfg.print_command[0])
		return cli_error("没有配置打印命令（配置文件 [print] command，如 lp -d office），不能 --print");
	if (a->fmt == FMT_TEXT && c->app.cfg.page_length > 0 && c->app.cfg.page_length < SUMMARY_MIN_PAGE_LENGTH)
		return cli_error("配置文件 [report] page_length = %d 太短：分页时每页至少 %d 行（0 为不分页）",
		                 c->app.cfg.page_length, SUMMARY_MIN_PAGE_LENGTH);
	return 0;
}

static int parse_args(cli *c, int argc, char **argv, report_args *a)
{
	static const struct option opts[] = {
		{ "agency", required_argument, 0, 'g' }, { "all", no_argument, 0, 'A' },
		{ "format", required_argument, 0, 'f' }, { "output", required_argument, 0, 'o' },
		{ "since", required_argument, 0, 's' },  { "bom", no_argument, 0, 'b' },
		{ "print", no_argument, 0, 'P' },        { 0, 0, 0, 0 },
	};
	int opt, rc;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+o:", opts, NULL)) != -1)
		if ((rc = parse_option(c, opt, a, argv)) != 0)
			return rc;
	if (optind < argc)
		return cli_usage_error(c, "多余的参数 \"%s\"", argv[optind]);
	return check_args(c, a);
}

static bool build(cli *c, const report_args *a, int64_t agency_id, summary *s)
{
	summary_request r = {
		.scope = a->all ? SUMMARY_ALL : SUMMARY_AGENCY, .agency_id = agency_id, .agency_name = a->agency, .as_of = c->app.as_of,
		.rules = &c->app.cfg.flags, .user = c->app.who.user, .since = a->since, .since_year = a->since_year,
		.since_quarter = a->since_quarter,
	};
	return summary_build(s, c->app.st, &c->app.plan, &r);
}

/* --print without -o: the file goes to the report folder, named by
 * numbers and dates only, for the print command's line. */
static bool folder_path(cli *c, const summary *s, out_format fmt, char *path, size_t len)
{
	char folder[PATH_MAX + 100], name[128];
	if (!cli_output_folder(c, folder, sizeof folder))
		return false;
	summary_file_name(s, fmt, name, sizeof name);
	if (snprintf(path, len, "%s/%s", folder, name) >= (int)len) {
		cli_error("报告文件夹路径太长: %s", folder);
		return false;
	}
	return cli_may_write(c, path);
}

static int produce(cli *c, const report_args *a, const summary *s)
{
	summary_output o = { a->fmt, c->app.cfg.page_width, c->app.cfg.page_length, a->bom };
	char path[PATH_MAX + 200], err[PATH_MAX + 400];
	if (!a->path && !a->print) {
		bool ok = summary_render(s, c->app.st, &o, stdout) && fflush(stdout) == 0;
		return ok ? 0 : cli_error("%s", a->fmt == FMT_JSON ? store_error(c->app.st) : "写入标准输出失败");
	}
	if (a->path)
		snprintf(path, sizeof path, "%s", a->path);
	else if (!folder_path(c, s, a->fmt, path, sizeof path))
		return 1;
	if (!summary_write_file(s, c->app.st, &o, path, a->path != NULL, err, sizeof err))
		return cli_error("%s", err);
	cli_say(stderr, "通报已写入 %s", path);
	if (!a->print)
		return 0;
	if (!print_run(c->app.cfg.print_command, path, false, err, sizeof err))
		return cli_error("%s（通报仍在 %s）", err, path);
	cli_say(stderr, "已送打印：%s %s", c->app.cfg.print_command, path);
	return 0;
}

int cli_report(cli *c, int argc, char **argv)
{
	report_args a = { .fmt = FMT_TEXT };
	int rc = parse_args(c, argc, argv, &a);
	if (rc)
		return rc;
	if (a.path && !cli_may_write(c, a.path))
		return 1;
	if (!cli_open(c, false))
		return 1;
	summary s = { 0 };
	int64_t agency_id = 0;
	if (a.agency && !cli_find_agency(c, a.agency, &agency_id))
		return 1;
	if (!build(c, &a, agency_id, &s)) {
		rc = cli_error("%s", store_error(c->app.st));
		summary_free(&s);
		return rc;
	}
	rc = produce(c, &a, &s);
	summary_free(&s);
	return rc;
}
