/* show TASK */
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/table.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

/* Every line of show goes out through here: whatever stored text it holds
 * (names, units, reasons built from them) is escaped on the way. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *safe = text_escape_vprintf(TEXT_KEEP_NEWLINE, fmt, ap);
	va_end(ap);
	fputs(safe, stdout);
	free(safe);
}

enum { SHOW_WIDTH = 78 };

static void print_wrapped(const char *label, const char *s, int indent)
{
	char **lines;
	int n = text_wrap(s, SHOW_WIDTH - indent, &lines);
	for (int i = 0; i < n; i++) {
		if (i == 0 && label)
			text_print_padded(stdout, label, indent, false);
		else
			say("%*s", indent, "");
		say("%s\n", lines[i]);
	}
	text_free_lines(lines, n);
}

static void print_list(const char *label, const char *joined)
{
	size_t cap = strlen(joined) * 3 + 8, len = 0;
	char *shown = xmalloc(cap);
	for (const char *p = joined; *p; p++) {
		if (*p == ';') {
			memcpy(shown + len, "、", 3);
			len += 3;
		} else {
			shown[len++] = *p;
		}
	}
	shown[len] = '\0';
	print_wrapped(label, len ? shown : "—", 10);
	free(shown);
}

static const char *indicator_name(const task_detail *d, int64_t id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == id)
			return d->indicators[i].name;
	return "?";
}

/* A flag's reason is one line by design; wrapping would split its numbers. */
static void print_reason(const char *label, const char *reason)
{
	char *safe = text_escape(reason, 0);
	say("%s%s\n", label, safe);
	free(safe);
}

static void print_indicator_state(const cli *c, const indicator_rec *ind, const indicator_state *st)
{
	/* show's labels are Chinese; only the reason follows [general] lang. */
	char expected[160], gap[96], forecast[256], label[64];
	wording_expected(ind, st, false, expected, sizeof expected);
	wording_expected_label(ind, st, false, label, sizeof label);
	wording_gap(ind, st, false, gap, sizeof gap);
	say("     %s %s  %s%s预警 %s\n", label, expected, gap, *gap ? "  " : "", flag_shown(st->flag, false));
	print_reason("     原因  ", st->reason);
	if (st->has_forecast) {
		wording_forecast(ind, st, c->app.as_of, false, forecast, sizeof forecast);
		say("     预测  %s\n", forecast);
	}
}

static void print_indicators(const cli *c, const task_detail *d, const task_state *ts)
{
	say("\n量化指标\n");
	if (d->nindicators == 0)
		say("  （无量化指标，按任务状态和完成时限督查）\n");
	for (int i = 0; i < d->nindicators; i++) {
		const indicator_rec *ind = &d->indicators[i];
		const indicator_state *st = &ts->indicators[i];
		char target[96], due[DATE_TEXT_SIZE], actual[96];
		wording_target(ind, ind->target, false, target, sizeof target);
		wording_actual(ind, st, true, false, actual, sizeof actual);
		date_format(ind->due, due);
		say("  %d. %s\n", ind->ord, ind->name);
		say("     目标 %s  截至 %s  实际 %s\n", target, due, actual);
		char how[400];
		wording_definition(ind, false, how, sizeof how);
		print_wrapped("     口径  ", how, 11);
		print_indicator_state(c, ind, st);
	}
}

static void print_history(const task_detail *d)
{
	say("\n季度填报（最新在前）\n");
	if (d->nreports == 0)
		say("  （尚无填报）\n");
	for (int r = d->nreports - 1; r >= 0; r--) {
		const report_rec *rep = &d->reports[r];
		char review[700];
		wording_review(rep, false, review, sizeof review);
		say("  %s  %s  %s  %s  %s%s%s\n", rep->period, model_status_label(rep->status, false),
		    model_report_state_label(rep->state, false), rep->author, rep->created, rep->late ? "  迟报" : "",
		    rep->demo ? "  [示例数据]" : "");
		if (rep->state != REPORT_SUBMITTED)
			print_wrapped("      审核：", review, 12);
		for (int v = 0; v < rep->nvalues; v++) {
			char num[32];
			wording_number(rep->values[v], num, sizeof num);
			char *name = text_escape(indicator_name(d, rep->indicator_ids[v]), 0);
			say("      %s = %s\n", name, num);
			free(name);
		}
		if (rep->note[0])
			print_wrapped("      说明：", rep->note, 12);
	}
	say("\n进展情况 / 配合情况 / 督查意见（最新在前）\n");
	if (d->nnotes == 0)
		say("  （尚无）\n");
	for (int i = d->nnotes - 1; i >= 0; i--) {
		const note_rec *n = &d->notes[i];
		char *author = text_escape(n->author, 0);
		char edited[80] = "";
		if (n->edited)
			snprintf(edited, sizeof edited, "  （%s 已修改）", n->edited);
		say("  %s  %s  %s  编号 %lld%s%s\n", n->created, wording_note_kind(n->kind, false), author,
		    (long long)n->id, edited, n->demo ? "  [示例数据]" : "");
		free(author);
		print_wrapped(NULL, n->text, 6);
	}
}

static void print_text(const cli *c, const task_detail *d, const task_state *ts)
{
	const task_rec *t = &d->task;
	char cn[16], due[DATE_TEXT_SIZE];
	text_cn_number(t->measure_num, cn, sizeof cn);
	say("任务 %d  【%s】  %s\n", t->num, t->area_short, c->app.plan.code);
	char measure[600];
	snprintf(measure, sizeof measure, "（%s）%s", cn, t->measure_title);
	print_wrapped("所属措施  ", measure, 10);
	say("\n");
	print_wrapped(NULL, t->text, 2);
	say("\n");
	char deadline[400] = "";
	size_t len = (size_t)snprintf(deadline, sizeof deadline, "%s（", t->deadline);
	for (int i = 0; i < t->ndues && len < sizeof deadline; i++) {
		date_format(t->dues[i], due);
		len += (size_t)snprintf(deadline + len, sizeof deadline - len, "%s%s", i ? "、" : "", due);
	}
	if (len < sizeof deadline)
		snprintf(deadline + len, sizeof deadline - len, "）");
	print_wrapped("完成时限  ", deadline, 10);
	print_list("牵头单位  ", t->lead);
	print_list("配合单位  ", t->support);
	char status[900];
	wording_task_status(d, c->app.as_of, false, status, sizeof status);
	print_wrapped("任务状态  ", status, 10);
	say("预警状态  %s\n", flag_shown(ts->flag, c->app.lang == APP_LANG_EN));
	print_reason("预警原因  ", ts->reason);
	print_indicators(c, d, ts);
	print_history(d);
}

static char *dues_json(cli *c, const task_rec *t)
{
	char *items[MODEL_MAX_DUES];
	char quoted[MODEL_MAX_DUES][16];
	for (int i = 0; i < t->ndues; i++) {
		char due[DATE_TEXT_SIZE];
		date_format(t->dues[i], due);
		snprintf(quoted[i], sizeof quoted[i], "\"%s\"", due);  /* digits and dashes only */
		items[i] = quoted[i];
	}
	return store_json_array(c->app.st, items, t->ndues);
}

static char *forecast_json(cli *c, const indicator_state *st)
{
	char met[DATE_TEXT_SIZE];
	if (!st->has_forecast)
		return NULL;
	date_format(st->forecast_met_day, met);
	json_field f[] = {
		{ "value", JSON_REAL, NULL, 0, st->forecast_value },
		{ "met", st->forecast_met_day ? JSON_TEXT : JSON_NULL, met, 0, 0 },
	};
	return store_json_object(c->app.st, f, (int)(sizeof f / sizeof f[0]));
}

static char *indicator_json(cli *c, const indicator_rec *i, const indicator_state *st)
{
	char due[DATE_TEXT_SIZE], due_now[DATE_TEXT_SIZE], baseline_date[DATE_TEXT_SIZE];
	date_format(i->due, due);
	date_format(i->baseline_date, baseline_date);
	date_format(st->due, due_now);
	char period[PERIOD_TEXT_SIZE] = "";
	if (st->has_actual)
		period_format(st->actual_year, st->actual_quarter, period);
	bool measurable = isfinite(st->target) && st->target >= 0;
	char *forecast = forecast_json(c, st);
	json_field f[] = {
		{ "name", JSON_TEXT, i->name, 0, 0 },
		{ "kind", JSON_TEXT, i->milestone ? "milestone" : "number", 0, 0 },
		{ "comparator", JSON_TEXT, model_comparator_sql(i->cmp), 0, 0 },
		{ "target", JSON_REAL, NULL, 0, i->target },
		{ "target_hi", i->cmp == CMP_RANGE ? JSON_REAL : JSON_NULL, NULL, 0, i->target_hi },
		{ "unit", JSON_TEXT, i->unit, 0, 0 },
		{ "due", JSON_TEXT, due, 0, 0 },
		{ "mode", JSON_TEXT, model_mode_name(i->mode), 0, 0 },
		{ "baseline", i->has_baseline ? JSON_REAL : JSON_NULL, NULL, 0, i->baseline },
		{ "baseline_date", i->baseline_date ? JSON_TEXT : JSON_NULL, baseline_date, 0, 0 },
		{ "baseline_source", JSON_TEXT, i->baseline_source, 0, 0 },
		{ "source", JSON_TEXT, i->source, 0, 0 },
		{ "approval", JSON_TEXT, i->approval, 0, 0 },
		{ "actual", st->has_actual ? JSON_REAL : JSON_NULL, NULL, 0, st->actual },
		{ "actual_period", st->has_actual ? JSON_TEXT : JSON_NULL, period, 0, 0 },
		{ "target_in_force", measurable ? JSON_REAL : JSON_NULL, NULL, 0, st->target },
		{ "due_in_force", JSON_TEXT, due_now, 0, 0 },
		{ "expected", measurable && !st->facts.no_baseline ? JSON_REAL : JSON_NULL, NULL, 0, st->expected },
		{ "expected_share", JSON_REAL, NULL, 0, st->expected_share },
		{ "expected_period", st->at_figure ? JSON_TEXT : JSON_NULL, period, 0, 0 },
		{ "gap", st->has_actual && measurable ? JSON_REAL : JSON_NULL, NULL, 0, st->gap },
		{ "flag", JSON_TEXT, flag_name(st->flag), 0, 0 },
		{ "flag_label", JSON_TEXT, flag_label(st->flag, c->app.lang == APP_LANG_EN), 0, 0 },
		{ "reason", JSON_TEXT, st->reason, 0, 0 },
		{ "forecast", forecast ? JSON_RAW : JSON_NULL, forecast, 0, 0 },
	};
	char *out = store_json_object(c->app.st, f, (int)(sizeof f / sizeof f[0]));
	free(forecast);
	return out;
}

static char *report_json(cli *c, const task_detail *d, const report_rec *r)
{
	json_field *vals = xcalloc((size_t)r->nvalues + 1, sizeof *vals);
	for (int v = 0; v < r->nvalues; v++)
		vals[v] = (json_field){ indicator_name(d, r->indicator_ids[v]), JSON_REAL, NULL, 0, r->values[v] };
	char *values = store_json_object(c->app.st, vals, r->nvalues);
	free(vals);
	json_field f[] = {
		{ "period", JSON_TEXT, r->period, 0, 0 },  { "status", JSON_TEXT, r->status, 0, 0 },
		{ "note", JSON_TEXT, r->note, 0, 0 },      { "author", JSON_TEXT, r->author, 0, 0 },
		{ "created", JSON_TEXT, r->created, 0, 0 }, { "demo", JSON_BOOL, NULL, r->demo, 0 },
		{ "values", JSON_RAW, values ? values : "{}", 0, 0 },
	};
	char *out = store_json_object(c->app.st, f, (int)(sizeof f / sizeof f[0]));
	free(values);
	return out;
}

static char *note_json(cli *c, const note_rec *n)
{
	json_field f[] = {
		{ "id", JSON_INT, NULL, n->id, 0 },
		{ "kind", JSON_TEXT, n->kind, 0, 0 },     { "text", JSON_TEXT, n->text, 0, 0 },
		{ "edited", n->edited ? JSON_TEXT : JSON_NULL, n->edited, 0, 0 },
		{ "author", JSON_TEXT, n->author, 0, 0 }, { "created", JSON_TEXT, n->created, 0, 0 },
		{ "demo", JSON_BOOL, NULL, n->demo, 0 },
	};
	return store_json_object(c->app.st, f, (int)(sizeof f / sizeof f[0]));
}

/* A JSON array of one element kind; frees the items. */
static char *array_of(cli *c, char **items, int n)
{
	char *out = store_json_array(c->app.st, items, n);
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return out;
}

static char **items_alloc(int n)
{
	char **items = xcalloc((size_t)n + 1, sizeof *items);
	return items;
}

static int cli_show_json(cli *c, const task_detail *d, const task_state *ts)
{
	const task_rec *t = &d->task;
	char due[DATE_TEXT_SIZE], as_of[DATE_TEXT_SIZE];
	date_format(t->due, due);
	date_format(c->app.as_of, as_of);
	char **items = items_alloc(d->nindicators);
	for (int i = 0; i < d->nindicators; i++)
		items[i] = indicator_json(c, &d->indicators[i], &ts->indicators[i]);
	char *indicators = array_of(c, items, d->nindicators);
	items = items_alloc(d->nreports);
	for (int i = 0; i < d->nreports; i++)
		items[i] = report_json(c, d, &d->reports[d->nreports - 1 - i]);
	char *reports = array_of(c, items, d->nreports);
	items = items_alloc(d->nnotes);
	for (int i = 0; i < d->nnotes; i++)
		items[i] = note_json(c, &d->notes[d->nnotes - 1 - i]);
	char *notes = array_of(c, items, d->nnotes);
	char *dues = dues_json(c, t);
	char *lead = store_json_string_list(c->app.st, t->lead);
	char *support = store_json_string_list(c->app.st, t->support);
	json_field f[] = {
		{ "id", JSON_INT, NULL, t->num, 0 },
		{ "plan", JSON_TEXT, c->app.plan.code, 0, 0 },
		{ "area", JSON_INT, NULL, t->area_num, 0 },
		{ "area_title", JSON_TEXT, t->area_title, 0, 0 },
		{ "measure", JSON_INT, NULL, t->measure_num, 0 },
		{ "measure_title", JSON_TEXT, t->measure_title, 0, 0 },
		{ "text", JSON_TEXT, t->text, 0, 0 },
		{ "deadline", JSON_TEXT, t->deadline, 0, 0 },
		{ "dues", JSON_RAW, dues ? dues : "[]", 0, 0 },
		{ "due", JSON_TEXT, due, 0, 0 },
		{ "status", JSON_TEXT, t->status, 0, 0 },
		{ "as_of", JSON_TEXT, as_of, 0, 0 },
		{ "flag", JSON_TEXT, flag_name(ts->flag), 0, 0 },
		{ "flag_label", JSON_TEXT, flag_label(ts->flag, c->app.lang == APP_LANG_EN), 0, 0 },
		{ "flag_reason", JSON_TEXT, ts->reason, 0, 0 },
		{ "lead", JSON_RAW, lead ? lead : "[]", 0, 0 },
		{ "support", JSON_RAW, support ? support : "[]", 0, 0 },
		{ "indicators", JSON_RAW, indicators ? indicators : "[]", 0, 0 },
		{ "reports", JSON_RAW, reports ? reports : "[]", 0, 0 },
		{ "notes", JSON_RAW, notes ? notes : "[]", 0, 0 },
	};
	char *out = store_json_object(c->app.st, f, (int)(sizeof f / sizeof f[0]));
	bool ok = out && indicators && reports && notes && dues && lead && support;
	if (ok) {
		char *safe = text_json_safe(out);
		say("%s\n", safe);
		free(safe);
	}
	free(out);
	free(indicators);
	free(reports);
	free(notes);
	free(dues);
	free(lead);
	free(support);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static int run_show(cli *c, const cli_args *a)
{
	out_format fmt = cli_format(c, a, FMT_TEXT);
	int num;
	if (!cli_parse_task(c, a->operands[0], &num))
		return 2;
	if (!cli_open(c, false))
		return 1;
	task_detail d;
	bool found;
	if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->app.st));
	task_state ts;
	flag_evaluate_task(&d, &c->app.plan, c->app.as_of, &c->app.cfg.flags, c->app.lang == APP_LANG_EN, &ts);
	int rc = 0;
	if (fmt == FMT_JSON)
		rc = cli_show_json(c, &d, &ts);
	else
		print_text(c, &d, &ts);
	flag_task_state_free(&ts);
	model_detail_free(&d);
	return rc;
}

static const cli_option show_options[] = {
	{ "format", 0, "text|json", "输出格式（默认 text）", 0, "输出格式" },
	{ 0 },
};

const cli_command cli_cmd_show = {
	.name = "show", .run = run_show, .summary = "显示一项任务的全部内容", .operands = "TASK",
	.min_operands = 1, .max_operands = 1, .missing_operand = "缺少任务序号", .options = show_options,
};
