/* edit: a task's text, deadline, agencies and measure, an area's title and
 * short label, a measure's title, after the plan was imported (admin). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/text.h"

static int number_of(const cli *c, const char *what, const char *arg, int max)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (end == arg || *end || n < 1 || n > max) {
		cli_usage_error(c, "%s的编号应为 1–%d 的整数，而不是“%s”", what, max, arg);
		return 0;
	}
	return (int)n;
}

static int failed(app_result r, const char *err)
{
	if (r == APP_CONFIRM)
		return cli_error("未做任何改动：%s（确认是新单位就加 --yes）", err);
	return cli_error(r == APP_REFUSED ? "%s" : "未做任何改动：%s", err);
}

static int edit_task(cli *c, const cli_args *a, int num)
{
	const char *measure = cli_value(c, a, "measure");
	task_change ch = { cli_value(c, a, "text"), cli_value(c, a, "deadline"), cli_value(c, a, "lead"),
	                   cli_value(c, a, "support"), 0, cli_given(c, a, "yes") };
	if (cli_value(c, a, "title") || cli_value(c, a, "short"))
		return cli_usage_error(c, "--title 和 --short 用于 edit area / edit measure");
	if (measure && !(ch.measure = number_of(c, "措施", measure, 999)))
		return 2;
	task_detail d;
	int rc = cli_open_task(c, num, &d);
	if (rc)
		return rc;
	char err[2048];
	app_result r = app_edit_task(&c->app, &d, &ch, err, sizeof err);
	model_detail_free(&d);
	if (r != APP_OK)
		return failed(r, err);
	printf("已修改：任务 %d 的%s%s%s%s%s（原来的内容留在留痕中）\n", num, ch.text ? "「重点任务」" : "",
	       ch.deadline ? "「完成时限」" : "", ch.lead ? "「牵头单位」" : "", ch.support ? "「配合单位」" : "",
	       ch.measure ? "「所属措施」" : "");
	return 0;
}

static int edit_section(cli *c, const cli_args *a, bool measure, int num)
{
	section_edit e = { measure, num, cli_value(c, a, "title"), cli_value(c, a, "short") };
	if (cli_value(c, a, "text") || cli_value(c, a, "deadline") || cli_value(c, a, "lead") ||
	    cli_value(c, a, "support") || cli_value(c, a, "measure") || cli_given(c, a, "yes"))
		return cli_usage_error(c, "edit %s 只接受 --title%s", measure ? "measure" : "area", measure ? "" : " 和 --short");
	if (measure && e.short_name)
		return cli_usage_error(c, "措施没有简称：只有领域有（供窄栏和领域标签用）");
	if (!cli_open(c, true))
		return 1;
	char err[1024];
	app_result r = app_edit_sections(&c->app, &e, 1, err, sizeof err);
	if (r != APP_OK)
		return failed(r, err);
	printf("已修改：第 %d %s的%s%s（原来的内容留在留痕中）\n", num, measure ? "项措施" : "个领域", e.title ? "标题" : "",
	       e.short_name ? (e.title ? "和简称" : "简称") : "");
	return 0;
}

static int run_edit(cli *c, const cli_args *a)
{
	const char *kind = a->operands[0];
	bool task = strcmp(kind, "task") == 0, area = strcmp(kind, "area") == 0, measure = strcmp(kind, "measure") == 0;
	if (!task && !area && !measure)
		return cli_usage_error(c, "要修改的是 task、area 还是 measure，而不是“%s”", kind);
	int num = number_of(c, task ? "任务" : area ? "领域" : "措施", a->operands[1], task ? 100000 : area ? 99 : 999);
	if (!num)
		return 2;
	return task ? edit_task(c, a, num) : edit_section(c, a, measure, num);
}

static const cli_option edit_options[] = {
	{ "text", 0, "TEXT", "task：新的任务内容（重点任务）", 0, NULL },
	{ "deadline", 0, "TEXT", "task：新的完成时限，如 2018年年底前、2017年、2018年", 0, NULL },
	{ "lead", 0, "NAMES", "task：新的牵头单位（多个用 、 分隔；可用别名）", 0, NULL },
	{ "support", 0, "NAMES", "task：新的配合单位（可为空 \"\" 表示没有）", 0, NULL },
	{ "measure", 0, "N", "task：移到第 N 项措施下", 0, NULL },
	{ "yes", 0, NULL, "task：确认数据库中没有的单位是新单位", 0, NULL },
	{ "title", 0, "TEXT", "area / measure：新的标题", 0, NULL },
	{ "short", 0, "TEXT", "area：新的简称（领域标签、窄栏中显示，最多 20 字）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_edit = {
	.name = "edit", .run = run_edit, .summary = "修改工作方案：任务内容、时限、单位、措施，领域和措施的标题（管理员）",
	.operands = "task|area|measure N", .min_operands = 2, .max_operands = 2,
	.missing_operand = "需要 task、area 或 measure 和编号", .options = edit_options,
	.notes = "  每次修改记入留痕（原来的和新的内容），ducha check 核对；指标定义用 ducha indicator 修改\n"
	         "  多个领域、措施一次改：ducha import-plan --areas FILE（列：领域、措施、标题、简称）\n",
};
