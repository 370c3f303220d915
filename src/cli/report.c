/* report: the printed summary (通报) of one agency, or of every agency with
 * the overview ranking first; text for a printer, CSV, HTML or JSON; to
 * stdout or a file, and to the configured print command. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/date.h"
#include "ducha/permission.h"
#include "ducha/print.h"
#include "ducha/summary.h"

typedef struct report_args {
	const char *agency;
	bool all, bom, print, format_given;
	out_format fmt;
	const char *path;
	bool since;
	int since_year, since_quarter;
} report_args;

static int read_args(cli *c, const cli_args *args, report_args *a)
{
	const char *since = cli_value(c, args, "since");
	a->agency = cli_value(c, args, "agency");
	a->all = cli_given(c, args, "all");
	a->bom = cli_given(c, args, "bom");
	a->print = cli_given(c, args, "print");
	a->path = cli_value(c, args, "output");
	a->format_given = cli_value(c, args, "format") != NULL;
	/* Paper goes out as PDF: --print alone means --format pdf. */
	a->fmt = cli_format(c, args, a->print ? FMT_PDF : FMT_TEXT);
	if (since && !period_parse(since, &a->since_year, &a->since_quarter))
		return cli_usage_error(c, "--since \"%s\" 应为季度 YYYYQn，如 2017Q2", since);
	a->since = since != NULL;
	return 0;
}

/* What the options say together, before anything is opened or written. */
static int check_args(cli *c, const report_args *a)
{
	if (a->bom && a->fmt != FMT_CSV)
		return cli_usage_error(c, "--bom 只用于 --format csv");
	if (a->print && a->fmt != FMT_PDF)
		return cli_usage_error(c, "--print 只打印 PDF（--format pdf）：打印机的文本过滤器会把汉字印成方框");
	if (format_is_binary(a->fmt) && !a->path && !a->print && isatty(STDOUT_FILENO))
		return cli_usage_error(c, "--format %s 是文件格式，不能输出到终端：请用 -o FILE 写入文件",
		                       a->fmt == FMT_PDF ? "pdf" : a->fmt == FMT_DOCX ? "docx" : "xlsx");
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
	summary_output o = { a->fmt, c->app.cfg.page_width, c->app.cfg.page_length,
		                 a->bom ? CSV_UTF8_BOM : c->app.cfg.csv_encoding, &c->app.cfg.doc };
	char path[PATH_MAX + 200], err[PATH_MAX + 400];
	if (!a->path && !a->print) {
		bool ok = summary_render(s, c->app.st, &o, stdout, err, sizeof err) && fflush(stdout) == 0;
		return ok ? 0
		          : cli_error("%s", a->fmt == FMT_JSON ? store_error(c->app.st) : *err ? err : "写入标准输出失败");
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

static int run_report(cli *c, const cli_args *args)
{
	report_args a = { .fmt = FMT_TEXT };
	int rc = read_args(c, args, &a);
	if (rc == 0)
		rc = check_args(c, &a);
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

static const cli_option report_options[] = {
	{ "agency", 0, "NAME", "该单位的通报：总体情况、牵头任务、配合任务（预警及原因、指标、最新填报）", CLI_ONE_OF, NULL },
	{ "all", 0, NULL, "先是各单位排名总览（逾期、严重滞后、未报送、滞后、完成率），再是各单位通报", CLI_ONE_OF, NULL },
	{ "format", 0, "text|csv|html|json|pdf|docx|xlsx",
	  "text（终端阅读，默认）、csv、html、json；pdf（GB/T 9704 公文，--all 为通报、--agency 为督办单）、"
	  "docx（同上，供 WPS/Word 修改）、xlsx（台账：每个指标一行）", 0, "输出格式" },
	{ "output", 'o', "FILE", "写入文件（受限模式下只能写入报告文件夹）；不给时输出到标准输出", 0, NULL },
	{ "since", 0, "YYYYQn", "另列该季度末以来的变化：预警的变动和此后报送的数值", 0, NULL },
	{ "bom", 0, NULL, "CSV 前加 UTF-8 BOM（[report] csv_encoding 默认即是）", 0, NULL },
	{ "print", 0, NULL, "生成 PDF 交给 [print] command 打印（不经 shell）；没有 -o 时先写入报告文件夹", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_report = {
	.name = "report", .run = run_report,
	.summary = "通报（--all）或督办单（--agency）：PDF、Word、Excel 台账，或文本、CSV、HTML、JSON",
	.options = report_options,
};
