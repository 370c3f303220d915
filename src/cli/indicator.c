/* indicator TASK [N] [--name … --target … --baseline …]: an indicator's
 * definition, shown to anyone, edited by an administrator (audited). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/date.h"
#include "ducha/indicator.h"
#include "ducha/validate.h"
#include "ducha/wording.h"

static void print_definition(const indicator_rec *i)
{
	char target[160], due[DATE_TEXT_SIZE], how[600];
	wording_target(i, i->target, false, target, sizeof target);
	date_format(i->due, due);
	wording_definition(i, false, how, sizeof how);
	cli_say(stdout, "%d. %s：目标 %s，截至 %s；%s", i->ord, i->name, target, due, how);
}

/* "none" (or 未设) takes a baseline or its date away. */
static bool unset_word(const char *v)
{
	return strcmp(v, "none") == 0 || strcmp(v, "未设") == 0;
}

static bool read_date(const cli *c, const char *opt, const char *v, int *out)
{
	if (date_parse(v, out))
		return true;
	cli_usage_error(c, "--%s \"%s\" 不是日期（应为 YYYY-MM-DD）", opt, v);
	return false;
}

static int read_target(const cli *c, const char *v, indicator_edit *e)
{
	char why[200];
	bool range;
	if (!indicator_parse_target(v, &e->target, &e->target_hi, &range, why, sizeof why))
		return cli_usage_error(c, "--target：%s", why);
	e->set_target = true;
	if (range && !e->set_cmp) {
		e->set_cmp = true;
		e->cmp = CMP_RANGE;
	}
	return 0;
}

static int read_baseline(const cli *c, const cli_args *a, indicator_edit *e)
{
	const char *v = cli_value(c, a, "baseline"), *day = cli_value(c, a, "baseline-date");
	char why[200];
	if (v && unset_word(v))
		e->clear_baseline = true;
	else if (v && !validate_number("--baseline", v, &e->baseline, why, sizeof why))
		return cli_usage_error(c, "%s", why);
	e->set_baseline = v && !e->clear_baseline;
	if (day) {
		e->set_baseline_date = true;
		if (!unset_word(day) && !read_date(c, "baseline-date", day, &e->baseline_date))
			return 2;
	}
	return 0;
}

/* The edit the options ask for; 2 (after the message) when one is bad. */
static int read_edit(const cli *c, const cli_args *a, indicator_edit *e)
{
	memset(e, 0, sizeof *e);
	e->name = cli_value(c, a, "name");
	e->unit = cli_value(c, a, "unit");
	e->baseline_source = cli_value(c, a, "baseline-source");
	const char *mode = cli_value(c, a, "mode"), *cmp = cli_value(c, a, "comparator");
	const char *target = cli_value(c, a, "target"), *due = cli_value(c, a, "due");
	if (mode && !(e->set_mode = model_mode_parse(mode, &e->mode)))
		return cli_usage_error(c, "--mode \"%s\" 应为 cumulative、per-year 或 annual", mode);
	if (cmp && !(e->set_cmp = indicator_parse_comparator(cmp, &e->cmp)))
		return cli_usage_error(c, "--comparator \"%s\" 应为 >=、>、~ 或 range", cmp);
	int rc = target ? read_target(c, target, e) : 0;
	if (!rc && due)
		rc = read_date(c, "due", due, &e->due) ? (e->set_due = true, 0) : 2;
	return rc ? rc : read_baseline(c, a, e);
}

static int show_definitions(const task_detail *d, int ord)
{
	if (d->nindicators == 0) {
		cli_say(stdout, "任务 %d 没有量化指标（按任务状态和完成时限督查）", d->task.num);
		return 0;
	}
	if (ord && !model_indicator_of(d, ord))
		return cli_error("任务 %d 没有第 %d 个指标（共 %d 个）", d->task.num, ord, d->nindicators);
	for (int i = 0; i < d->nindicators; i++)
		if (!ord || d->indicators[i].ord == ord)
			print_definition(&d->indicators[i]);
	return 0;
}

static int edit(cli *c, int num, int ord, const indicator_edit *e)
{
	task_detail d;
	bool found;
	char err[512];
	if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	app_result r = app_edit_indicator(&c->app, &d, ord, e, err, sizeof err);
	model_detail_free(&d);
	if (r != APP_OK)
		return r == APP_REFUSED ? cli_error("%s", err) : cli_error("修改指标失败，未做任何改动: %s", err);
	if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	cli_say(stdout, "已修改任务 %d 的指标（记入留痕，ducha log %d 可查）：", num, num);
	show_definitions(&d, ord);
	model_detail_free(&d);
	return 0;
}

static int run_indicator(cli *c, const cli_args *a)
{
	int num, ord = 0;
	if (!cli_parse_task(c, a->operands[0], &num))
		return 2;
	if (a->noperands > 1 && (!cli_parse_task(c, a->operands[1], &ord) || ord > 100))
		return ord > 100 ? cli_usage_error(c, "指标序号 %s 超出范围（1–100）", a->operands[1]) : 2;
	indicator_edit e;
	int rc = read_edit(c, a, &e);
	if (rc)
		return rc;
	bool editing = indicator_edit_any(&e);
	if (editing && !ord)
		return cli_usage_error(c, "修改指标要写明第几个指标：ducha indicator %d N …", num);
	char why[300];
	if (editing && !app_admin_only(&c->app, "修改指标定义", why, sizeof why))
		return cli_error("%s；数据库未改动", why);
	if (!cli_open(c, editing))
		return 1;
	if (editing)
		return edit(c, num, ord, &e);
	task_detail d;
	bool found;
	if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	rc = show_definitions(&d, ord);
	model_detail_free(&d);
	return rc;
}

static const cli_option indicator_options[] = {
	{ "name", 0, "NAME", "指标名称（写明计什么，如 新增市级技术创新平台）", 0, NULL },
	{ "target", 0, "V", "目标值，范围写作 3-5", 0, NULL },
	{ "unit", 0, "UNIT", "单位（家、个、亿元 …）", 0, NULL },
	{ "comparator", 0, "C", ">=（以上、达到）、>（超过）、~（左右）或 range（范围）", 0, NULL },
	{ "mode", 0, "cumulative|per-year|annual", "累计到截止日期 | 每年分别计 | 只计截止日期那一年", 0, "计算方式" },
	{ "baseline", 0, "V", "基数：方案施行时（或 --baseline-date 那天）的水平；none 为未设", 0, NULL },
	{ "baseline-date", 0, "YYYY-MM-DD", "基数的统计日期（none：方案施行日）", 0, NULL },
	{ "baseline-source", 0, "TEXT", "基数的来源，如 2015年统计公报", 0, NULL },
	{ "due", 0, "YYYY-MM-DD", "截止日期", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_indicator = {
	.name = "indicator", .run = run_indicator, .summary = "查看或修改一项任务的量化指标定义（修改：管理员）",
	.operands = "TASK [N]", .min_operands = 1, .max_operands = 2, .missing_operand = "缺少任务序号",
	.options = indicator_options,
	.notes = "  不带选项时列出指标定义；每次修改记入留痕（ducha log TASK），所有预警随之按新定义计算。\n"
	         "  存量指标（如 微型企业、基金规模）未设基数时不计序时，只按截止日期和填报判断\n",
};
