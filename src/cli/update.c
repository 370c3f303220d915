/* update, note: the two ways to write from the command line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/app_calendar.h"
#include "ducha/cli.h"
#include "ducha/wording.h"
#include "ducha/cli_say.h"
#include "ducha/date.h"
#include "ducha/permission.h"
#include "ducha/text.h"
#include "ducha/validate.h"

enum { NOTE_MAX_CHARS = 2000 };

static const indicator_rec *find_indicator(const task_detail *d, const char *name)
{
	for (int i = 0; i < d->nindicators; i++)
		if (strcmp(d->indicators[i].name, name) == 0)
			return &d->indicators[i];
	return NULL;
}

/* "科技型企业=2100" → indicator id and value; one-line error otherwise. */
static bool parse_set(cli *c, const task_detail *d, const char *arg, int64_t *id, double *value)
{
	const char *eq = strchr(arg, '=');
	char err[256];
	if (!eq || eq == arg) {
		cli_usage_error(c, "--set \"%s\" 应写成 指标名=数值", arg);
		return false;
	}
	char *name = strndup(arg, (size_t)(eq - arg));
	const indicator_rec *ind = name ? find_indicator(d, name) : NULL;
	if (!ind) {
		char known[1024] = "";
		for (int i = 0; i < d->nindicators; i++) {
			strncat(known, i ? "、" : "", sizeof known - strlen(known) - 1);
			strncat(known, d->indicators[i].name, sizeof known - strlen(known) - 1);
		}
		cli_error("任务 %d 没有名为 \"%s\" 的指标（可用：%s）", d->task.num, name ? name : "",
		          d->nindicators ? known : "该任务没有量化指标");
		free(name);
		return false;
	}
	free(name);
	if (!validate_number(ind->name, eq + 1, value, err, sizeof err)) {
		cli_error("%s", err);
		return false;
	}
	if (ind->milestone && *value != 0 && *value != 1) {
		cli_error("指标 \"%s\" 是里程碑，只能填 0（未完成）或 1（已完成）", ind->name);
		return false;
	}
	*id = ind->id;
	return true;
}

typedef struct update_args {
	const char *period, *status, *note;
	bool yes;
	int if_version;
	const char *sets[CLI_MAX_REPEATS];
	int nsets;
	int task;
} update_args;

static int read_update_args(cli *c, const cli_args *args, update_args *a)
{
	const char *status = cli_value(c, args, "status"), *version = cli_value(c, args, "if-version");
	a->period = cli_value(c, args, "period");
	a->note = cli_value(c, args, "note");
	a->yes = cli_given(c, args, "yes");
	a->nsets = args->nrepeats;
	for (int i = 0; i < args->nrepeats; i++)
		a->sets[i] = args->repeats[i];
	if (status && !(a->status = model_status_parse(status)))
		return cli_usage_error(c, "--status \"%s\" 应为 not-started、in-progress 或 completed", status);
	if (version) {
		/* Digits only: strtol would also take " 7", "+7" and overflow. */
		a->if_version = strlen(version) <= 7 && strspn(version, "0123456789") == strlen(version)
		                    ? (int)strtol(version, NULL, 10) : -1;
		if (*version == '\0' || a->if_version < 0 || a->if_version > 1000000)
			return cli_usage_error(c, "--if-version \"%s\" 应为版本号（0 表示该季度尚无填报）", version);
		if (a->if_version == 0)
			a->if_version = STORE_EXPECT_NEW;
	}
	if (!cli_parse_task(c, args->operands[0], &a->task))
		return 2;
	int y, q;
	if (a->period && !period_parse(a->period, &y, &q))
		return cli_usage_error(c, "--period \"%s\" 不是有效的季度（应为 YYYYQn，n 为 1–4，如 2016Q4）", a->period);
	if (!a->nsets && !a->status && !a->note)
		return cli_usage_error(c, "没有要保存的内容：至少给出 --set、--status 或 --note 之一");
	return 0;
}

enum { EXIT_CONFLICT = 3 };

/* A conflict shows both versions; the user's input is already kept in the audit trail. */
static int report_failure(cli *c, const update_args *a, app_result r, const char *msg)
{
	if (r == APP_REFUSED)
		return cli_error("%s", msg);
	if (r == APP_CONFIRM)
		return cli_error("%s；核对无误请加 --yes 再保存，未做任何改动", msg);
	if (r != APP_CONFLICT)
		return cli_error("保存失败，未做任何改动: %s", msg);
	cli_error("保存冲突：任务 %d %s 的填报已被他人修改，未覆盖对方的内容", a->task, a->period);
	char *theirs = text_escape(store_conflict_theirs(c->app.st), 0);
	fprintf(stderr, "  对方的版本：%s\n", theirs);
	fprintf(stderr, "  你的输入已记入留痕（ducha log %d 中的 conflict 一行）。核对后用对方的版本号"
	                " --if-version 重新提交即可以你的为准。\n", a->task);
	free(theirs);
	return EXIT_CONFLICT;
}

/* Without --period: the quarter due now, said on stderr. */
static void chosen_quarter(const cli *c, int *y, int *q)
{
	char period[PERIOD_TEXT_SIZE], as_of[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	int grace = c->app.cfg.flags.report_grace_days;
	calendar_due_quarter(c->app.as_of, c->app.plan.starts, grace, y, q);
	period_format(*y, *q, period);
	date_format(c->app.as_of, as_of);
	date_format(calendar_due_date(*y, *q, grace), due);
	cli_say(stderr, "填报季度：%s（截至 %s 应报送的季度，%s 前报送）", period, as_of, due);
}

static int run_update(cli *c, const cli_args *args)
{
	update_args a = { 0 };
	int rc = read_update_args(c, args, &a);
	if (rc)
		return rc;
	char err[512];
	text_rule note_rule = { "说明", NOTE_MAX_CHARS, true, false };
	if (a.note && !validate_text(&note_rule, a.note, err, sizeof err))
		return cli_error("%s", err);
	if (!cli_open(c, true))
		return 1;
	task_detail d;
	bool found;
	if (!store_task_detail(c->app.st, c->app.plan.id, a.task, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	int64_t ids[CLI_MAX_REPEATS];
	double values[CLI_MAX_REPEATS];
	for (int i = 0; i < a.nsets; i++)
		if (!parse_set(c, &d, a.sets[i], &ids[i], &values[i])) {
			model_detail_free(&d);
			return 1;
		}
	report_input in = { .task_id = d.task.id, .status = a.status, .note = a.note,
	                    .nvalues = a.nsets, .indicator_ids = ids, .values = values,
	                    .expected_version = a.if_version, .confirmed = a.yes };
	int y = 0, q = 0;
	if (a.period)
		period_parse(a.period, &y, &q);
	else
		chosen_quarter(c, &y, &q);
	period_format(y, q, in.period);
	app_result r = app_save_report(&c->app, &d, &in, err, sizeof err);
	model_detail_free(&d);
	if (r != APP_OK)
		return report_failure(c, &a, r, err);
	printf("已保存：任务 %d %s 季度填报\n", a.task, in.period);
	return 0;
}

/* The note id of --edit or --withdraw: 0 and a message when malformed. */
static int64_t note_id_of(const char *option, const char *arg)
{
	char *end;
	errno = 0;
	long long id = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || id <= 0 || arg[0] == '+' || arg[0] == ' ') {
		cli_error("--%s 需要记录的编号（ducha show TASK 中“编号”后的数字），而不是“%s”", option, arg);
		return 0;
	}
	return id;
}

/* --edit ID TEXT or --withdraw ID: the author's own note on the task. */
static int change_note(cli *c, const cli_args *a, int num, const char *edit, const char *withdraw)
{
	const char *text = a->noperands > 1 ? a->operands[1] : NULL;
	if (edit && withdraw)
		return cli_usage_error(c, "--edit 和 --withdraw 只能用一个");
	if (edit && !text)
		return cli_usage_error(c, "--edit 需要新的内容：ducha note TASK --edit ID TEXT");
	if (withdraw && text)
		return cli_usage_error(c, "--withdraw 不带内容：ducha note TASK --withdraw ID");
	int64_t id = note_id_of(edit ? "edit" : "withdraw", edit ? edit : withdraw);
	if (id == 0)
		return 2;
	char err[512];
	text_rule rule = { "记录", NOTE_MAX_CHARS, true, true };
	if (text && !validate_text(&rule, text, err, sizeof err))
		return cli_error("%s", err);
	task_detail d;
	int rc = cli_open_task(c, num, &d);
	if (rc)
		return rc;
	app_result r = text ? app_edit_note(&c->app, &d, id, text, err, sizeof err)
	                    : app_withdraw_note(&c->app, &d, id, err, sizeof err);
	model_detail_free(&d);
	if (r == APP_REFUSED)
		return cli_error("%s", err);
	if (r != APP_OK)
		return cli_error("保存失败，未做任何改动: %s", err);
	printf(text ? "已修改：任务 %d 的记录 %lld（原文留在留痕中）\n" : "已撤回：任务 %d 的记录 %lld（原文留在留痕中）\n", num,
	       (long long)id);
	return 0;
}

static int run_note(cli *c, const cli_args *a)
{
	bool comment = cli_given(c, a, "comment");
	const char *edit = cli_value(c, a, "edit"), *withdraw = cli_value(c, a, "withdraw");
	const char *kind = "comment";
	int num;
	if (!cli_parse_task(c, a->operands[0], &num))
		return 2;
	if (edit || withdraw)
		return comment ? cli_usage_error(c, "--comment 只用于添加；修改或撤回时沿用原来的类别")
		               : change_note(c, a, num, edit, withdraw);
	if (a->noperands < 2)
		return cli_usage_error(c, "需要任务序号和内容");
	const char *text = a->operands[1];
	char err[512];
	text_rule rule = { comment ? "督查意见" : "进展情况", NOTE_MAX_CHARS, true, true };
	if (!validate_text(&rule, text, err, sizeof err))
		return cli_error("%s", err);
	if (!cli_open(c, true))
		return 1;
	task_detail d;
	bool found;
	if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	if (!comment)
		kind = permission_note_kind(&c->app.who, &d.task);
	app_result r = app_add_note(&c->app, &d.task, kind, text, err, sizeof err);
	model_detail_free(&d);
	if (r == APP_REFUSED)
		return cli_error("%s", err);
	if (r != APP_OK)
		return cli_error("保存失败，未做任何改动: %s", err);
	printf("已保存：任务 %d 的%s\n", num, wording_note_kind(kind, false));
	return 0;
}

/* The task of a command's first operand, in full; 0 or the exit status. */
static int load_task(cli *c, const cli_args *a, task_detail *d)
{
	int num;
	return cli_parse_task(c, a->operands[0], &num) ? cli_open_task(c, num, d) : 2;
}

static int finish(const char *failed, app_result r, const char *err)
{
	if (r == APP_REFUSED)
		return cli_error("%s", err);
	return cli_error("%s，未做任何改动: %s", failed, err);
}

static int run_accept(cli *c, const cli_args *a)
{
	const char *reason = cli_value(c, a, "reason");
	bool undo = cli_given(c, a, "undo");
	if (reason && !undo)
		return cli_usage_error(c, "--reason 只用于 --undo（撤销销号的理由）");
	if (undo && !reason)
		return cli_usage_error(c, "撤销销号需要 --reason TEXT");
	task_detail d;
	char err[512];
	int rc = load_task(c, a, &d);
	if (rc)
		return rc;
	app_result r = undo ? app_unaccept(&c->app, &d, reason, err, sizeof err) : app_accept(&c->app, &d, err, sizeof err);
	int num = d.task.num;
	model_detail_free(&d);
	if (r != APP_OK)
		return finish(undo ? "撤销销号失败" : "销号失败", r, err);
	printf(undo ? "已撤销销号：任务 %d\n" : "已销号：任务 %d\n", num);
	return 0;
}

static int run_review(cli *c, const cli_args *a)
{
	const char *period = cli_value(c, a, "period"), *why = cli_value(c, a, "return");
	bool pass = cli_given(c, a, "pass");
	task_detail d;
	char err[512];
	int rc = load_task(c, a, &d);
	if (rc)
		return rc;
	app_result r = app_review(&c->app, &d, period, pass, why, err, sizeof err);
	int num = d.task.num;
	model_detail_free(&d);
	if (r != APP_OK)
		return finish("审核失败", r, err);
	printf(pass ? "已通过：任务 %d %s 的填报\n" : "已退回：任务 %d %s 的填报（单位重新报送后才计入）\n", num, period);
	return 0;
}

static int run_reopen(cli *c, const cli_args *a)
{
	const char *period = cli_value(c, a, "period"), *reason = cli_value(c, a, "reason");
	task_detail d;
	char err[512];
	int rc = load_task(c, a, &d);
	if (rc)
		return rc;
	app_result r = app_reopen(&c->app, &d, period, reason, err, sizeof err);
	int num = d.task.num;
	model_detail_free(&d);
	if (r != APP_OK)
		return finish("重新打开失败", r, err);
	printf("已重新打开：任务 %d %s 的填报，单位可以再报送一次\n", num, period);
	return 0;
}

static const cli_option update_options[] = {
	{ "period", 0, "YYYYQn", "填报季度，如 2016Q4（默认：现在应报送的季度，并说明是哪一季）", 0, NULL },
	{ "set", 0, "INDICATOR=VALUE", "指标实际值，如 --set 科技型企业=2100（可重复）", CLI_REPEAT, NULL },
	{ "status", 0, "S", "not-started | in-progress | completed（未开始/进行中/已完成）", 0, NULL },
	{ "note", 0, "TEXT", "进展说明", 0, NULL },
	{ "if-version", 0, "N", "只在该季度填报仍是版本 N 时保存（0：尚无填报），否则报告冲突", 0, NULL },
	{ "yes", 0, NULL, "确认看来不合理的数字（累计数低于上次、超过目标或上次的 3 倍）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_update = {
	.name = "update", .run = run_update, .summary = "录入一项任务的季度填报（牵头单位）", .operands = "TASK",
	.min_operands = 1, .max_operands = 1, .missing_operand = "缺少任务序号", .options = update_options,
	.notes = "  季度报送期限为季度结束后 [flags] report_grace_days 天；此后锁定，须督查人员 reopen 后才能再报；\n"
	         "  逾期的首次填报记为迟报。配合单位不报数字，用 ducha note 报送配合情况\n",
};

static const cli_option note_options[] = {
	{ "comment", 0, NULL, "作为督查意见（督查人员；默认：牵头单位的进展情况，配合单位的配合情况）", 0, NULL },
	{ "edit", 0, "ID", "改为 TEXT：自己写的记录（编号见 ducha show TASK），原文留在留痕中", 0, NULL },
	{ "withdraw", 0, "ID", "撤回自己写的记录（不带 TEXT）：不再显示，原文留在留痕中", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_note = {
	.name = "note", .run = run_note, .summary = "添加进展情况或督查意见", .operands = "TASK [TEXT]",
	.min_operands = 1, .max_operands = 2, .missing_operand = "需要任务序号和内容", .options = note_options,
	.notes = "  TEXT 中有空格时请用引号括起来；修改后的记录标明“已修改”\n",
};

static const cli_option accept_options[] = {
	{ "undo", 0, NULL, "撤销销号", 0, NULL },
	{ "reason", 0, "TEXT", "撤销的理由（--undo 时必填）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_accept = {
	.name = "accept", .run = run_accept, .summary = "销号：确认一项已完成的任务（督查人员），或撤销销号",
	.operands = "TASK", .min_operands = 1, .max_operands = 1, .missing_operand = "缺少任务序号",
	.options = accept_options,
	.notes = "  只能为截至日期所在季度及以前最新一份（未退回的）填报报“已完成”的任务销号\n",
};

static const cli_option review_options[] = {
	{ "period", 0, "YYYYQn", "要审核的填报季度", CLI_REQUIRED, NULL },
	{ "pass", 0, NULL, "通过", CLI_ONE_OF, NULL },
	{ "return", 0, "REASON", "退回，并写明理由（单位重新报送后才计入）", CLI_ONE_OF, NULL },
	{ 0 },
};

const cli_command cli_cmd_review = {
	.name = "review", .run = run_review, .summary = "审核一份季度填报：通过或退回（督查人员）", .operands = "TASK",
	.min_operands = 1, .max_operands = 1, .missing_operand = "缺少任务序号", .options = review_options,
};

static const cli_option reopen_options[] = {
	{ "period", 0, "YYYYQn", "要重新打开的填报季度", CLI_REQUIRED, NULL },
	{ "reason", 0, "TEXT", "重新打开的理由", CLI_REQUIRED, NULL },
	{ 0 },
};

const cli_command cli_cmd_reopen = {
	.name = "reopen", .run = run_reopen, .summary = "重新打开已锁定的季度填报，允许单位再报送一次（督查人员）",
	.operands = "TASK", .min_operands = 1, .max_operands = 1, .missing_operand = "缺少任务序号",
	.options = reopen_options,
};
