/* show TASK */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/table.h"
#include "ducha/text.h"

enum { SHOW_WIDTH = 78 };

static void print_wrapped(const char *label, const char *s, int indent)
{
	char **lines;
	int n = text_wrap(s, SHOW_WIDTH - indent, &lines);
	for (int i = 0; i < n; i++) {
		if (i == 0 && label)
			text_print_padded(stdout, label, indent, false);
		else
			printf("%*s", indent, "");
		printf("%s\n", lines[i]);
	}
	text_free_lines(lines, n);
}

static void print_list(const char *label, const char *joined)
{
	size_t cap = strlen(joined) * 3 + 8, len = 0;
	char *shown = malloc(cap);
	if (!shown)
		abort();
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

static void target_text(const indicator_rec *i, char *buf, size_t len)
{
	char a[32], b[32];
	if (i->milestone) {
		snprintf(buf, len, "完成");
		return;
	}
	table_format_number(i->target, a, sizeof a);
	table_format_number(i->target_hi, b, sizeof b);
	if (i->cmp == CMP_RANGE)
		snprintf(buf, len, "%s–%s %s", a, b, i->unit);
	else
		snprintf(buf, len, "%s %s %s", model_comparator_symbol(i->cmp), a, i->unit);
}

static const char *status_label(const char *status)
{
	static const struct { const char *v, *label; } map[] = {
		{ "open", "未开始" }, { "not-started", "未开始" }, { "in-progress", "进行中" },
		{ "completed", "已完成" }, { "accepted", "已销号" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].v, status) == 0)
			return map[i].label;
	return status;
}

static const char *indicator_name(const task_detail *d, int64_t id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == id)
			return d->indicators[i].name;
	return "?";
}

static void print_indicators(const task_detail *d)
{
	printf("\n量化指标\n");
	if (d->nindicators == 0)
		printf("  （无量化指标，按任务状态和完成时限督查）\n");
	for (int i = 0; i < d->nindicators; i++) {
		const indicator_rec *ind = &d->indicators[i];
		char target[96], due[DATE_TEXT_SIZE], actual[48] = "未报送";
		target_text(ind, target, sizeof target);
		date_format(ind->due, due);
		int n;
		value_point *pts = model_indicator_series(d, ind->id, &n);
		if (n) {
			char v[32];
			table_format_number(pts[n - 1].value, v, sizeof v);
			snprintf(actual, sizeof actual, "%s（%dQ%d）", v, pts[n - 1].year, pts[n - 1].quarter);
		}
		free(pts);
		printf("  %d. ", ind->ord);
		text_print_padded(stdout, ind->name, 26, false);
		printf("  目标 ");
		text_print_padded(stdout, target, 14, false);
		printf("  %s %s  实际 %s\n", ind->per_year ? "每年" : "截至", due, actual);
	}
}

static void print_history(const task_detail *d)
{
	printf("\n季度填报（最新在前）\n");
	if (d->nreports == 0)
		printf("  （尚无填报）\n");
	for (int r = d->nreports - 1; r >= 0; r--) {
		const report_rec *rep = &d->reports[r];
		printf("  %s  %s  %s  %s%s\n", rep->period, status_label(rep->status), rep->author,
		       rep->created, rep->demo ? "  [示例数据]" : "");
		for (int v = 0; v < rep->nvalues; v++) {
			char num[32];
			table_format_number(rep->values[v], num, sizeof num);
			char *name = text_escape(indicator_name(d, rep->indicator_ids[v]), 0);
			printf("      %s = %s\n", name, num);
			free(name);
		}
		if (rep->note[0])
			print_wrapped("      说明：", rep->note, 12);
	}
	printf("\n进展情况 / 督查意见（最新在前）\n");
	if (d->nnotes == 0)
		printf("  （尚无）\n");
	for (int i = d->nnotes - 1; i >= 0; i--) {
		const note_rec *n = &d->notes[i];
		char *author = text_escape(n->author, 0);
		printf("  %s  %s  %s%s\n", n->created, strcmp(n->kind, "comment") ? "进展" : "督查意见", author,
		       n->demo ? "  [示例数据]" : "");
		free(author);
		print_wrapped(NULL, n->text, 6);
	}
}

static void print_text(const cli *c, const task_detail *d)
{
	const task_rec *t = &d->task;
	char cn[16], due[DATE_TEXT_SIZE];
	text_cn_number(t->measure_num, cn, sizeof cn);
	printf("任务 %d  【%s】  %s\n", t->num, t->area_short, c->plan.code);
	char measure[600];
	snprintf(measure, sizeof measure, "（%s）%s", cn, t->measure_title);
	print_wrapped("所属措施  ", measure, 10);
	printf("\n");
	print_wrapped(NULL, t->text, 2);
	printf("\n");
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
	printf("任务状态  %s\n", status_label(t->status));
	print_indicators(d);
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
	return store_json_array(c->st, items, t->ndues);
}

static char *indicator_json(cli *c, const task_detail *d, const indicator_rec *i)
{
	char due[DATE_TEXT_SIZE];
	static const char *const cmp[] = { ">=", ">", "~", "range" };
	date_format(i->due, due);
	int n;
	value_point *pts = model_indicator_series(d, i->id, &n);
	char period[PERIOD_TEXT_SIZE] = "";
	if (n)
		period_format(pts[n - 1].year, pts[n - 1].quarter, period);
	json_field f[] = {
		{ "name", JSON_TEXT, i->name, 0, 0 },
		{ "kind", JSON_TEXT, i->milestone ? "milestone" : "number", 0, 0 },
		{ "comparator", JSON_TEXT, cmp[i->cmp], 0, 0 },
		{ "target", JSON_REAL, NULL, 0, i->target },
		{ "target_hi", i->cmp == CMP_RANGE ? JSON_REAL : JSON_NULL, NULL, 0, i->target_hi },
		{ "unit", JSON_TEXT, i->unit, 0, 0 },
		{ "due", JSON_TEXT, due, 0, 0 },
		{ "mode", JSON_TEXT, i->per_year ? "per-year" : "cumulative", 0, 0 },
		{ "baseline", JSON_REAL, NULL, 0, i->baseline },
		{ "actual", n ? JSON_REAL : JSON_NULL, NULL, 0, n ? pts[n - 1].value : 0 },
		{ "actual_period", n ? JSON_TEXT : JSON_NULL, period, 0, 0 },
	};
	free(pts);
	return store_json_object(c->st, f, (int)(sizeof f / sizeof f[0]));
}

static char *report_json(cli *c, const task_detail *d, const report_rec *r)
{
	json_field *vals = calloc((size_t)r->nvalues + 1, sizeof *vals);
	if (!vals)
		abort();
	for (int v = 0; v < r->nvalues; v++)
		vals[v] = (json_field){ indicator_name(d, r->indicator_ids[v]), JSON_REAL, NULL, 0, r->values[v] };
	char *values = store_json_object(c->st, vals, r->nvalues);
	free(vals);
	json_field f[] = {
		{ "period", JSON_TEXT, r->period, 0, 0 },  { "status", JSON_TEXT, r->status, 0, 0 },
		{ "note", JSON_TEXT, r->note, 0, 0 },      { "author", JSON_TEXT, r->author, 0, 0 },
		{ "created", JSON_TEXT, r->created, 0, 0 }, { "demo", JSON_BOOL, NULL, r->demo, 0 },
		{ "values", JSON_RAW, values ? values : "{}", 0, 0 },
	};
	char *out = store_json_object(c->st, f, (int)(sizeof f / sizeof f[0]));
	free(values);
	return out;
}

static char *note_json(cli *c, const note_rec *n)
{
	json_field f[] = {
		{ "kind", JSON_TEXT, n->kind, 0, 0 },     { "text", JSON_TEXT, n->text, 0, 0 },
		{ "author", JSON_TEXT, n->author, 0, 0 }, { "created", JSON_TEXT, n->created, 0, 0 },
		{ "demo", JSON_BOOL, NULL, n->demo, 0 },
	};
	return store_json_object(c->st, f, (int)(sizeof f / sizeof f[0]));
}

/* A JSON array of one element kind; frees the items. */
static char *array_of(cli *c, char **items, int n)
{
	char *out = store_json_array(c->st, items, n);
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return out;
}

static char **items_alloc(int n)
{
	char **items = calloc((size_t)n + 1, sizeof *items);
	if (!items)
		abort();
	return items;
}

static int cli_show_json(cli *c, const task_detail *d)
{
	const task_rec *t = &d->task;
	char due[DATE_TEXT_SIZE];
	date_format(t->due, due);
	char **items = items_alloc(d->nindicators);
	for (int i = 0; i < d->nindicators; i++)
		items[i] = indicator_json(c, d, &d->indicators[i]);
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
	char *lead = store_json_string_list(c->st, t->lead);
	char *support = store_json_string_list(c->st, t->support);
	json_field f[] = {
		{ "id", JSON_INT, NULL, t->num, 0 },
		{ "plan", JSON_TEXT, c->plan.code, 0, 0 },
		{ "area", JSON_INT, NULL, t->area_num, 0 },
		{ "area_title", JSON_TEXT, t->area_title, 0, 0 },
		{ "measure", JSON_INT, NULL, t->measure_num, 0 },
		{ "measure_title", JSON_TEXT, t->measure_title, 0, 0 },
		{ "text", JSON_TEXT, t->text, 0, 0 },
		{ "deadline", JSON_TEXT, t->deadline, 0, 0 },
		{ "dues", JSON_RAW, dues ? dues : "[]", 0, 0 },
		{ "due", JSON_TEXT, due, 0, 0 },
		{ "status", JSON_TEXT, t->status, 0, 0 },
		{ "lead", JSON_RAW, lead ? lead : "[]", 0, 0 },
		{ "support", JSON_RAW, support ? support : "[]", 0, 0 },
		{ "indicators", JSON_RAW, indicators ? indicators : "[]", 0, 0 },
		{ "reports", JSON_RAW, reports ? reports : "[]", 0, 0 },
		{ "notes", JSON_RAW, notes ? notes : "[]", 0, 0 },
	};
	char *out = store_json_object(c->st, f, (int)(sizeof f / sizeof f[0]));
	bool ok = out && indicators && reports && notes && dues && lead && support;
	if (ok)
		printf("%s\n", out);
	free(out);
	free(indicators);
	free(reports);
	free(notes);
	free(dues);
	free(lead);
	free(support);
	return ok ? 0 : cli_error("%s", store_error(c->st));
}

int cli_show(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 },
	};
	out_format fmt = FMT_TEXT;
	int opt, num;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'f')
			return cli_usage_error(c, "无法识别的选项 %s", argv[optind - 1]);
		if (!format_parse(optarg, FMT_ALLOW_TEXT | FMT_ALLOW_JSON, &fmt))
			return cli_usage_error(c, "不支持的输出格式 \"%s\"", optarg);
	}
	if (optind != argc - 1)
		return cli_usage_error(c, optind >= argc ? "缺少任务序号" : "多余的参数 \"%s\"",
		                       argv[argc - 1]);
	if (!cli_parse_task(c, argv[optind], &num))
		return 2;
	if (!cli_open(c, false))
		return 1;
	task_detail d;
	bool found;
	if (!store_task_detail(c->st, c->plan.id, num, &d, &found))
		return cli_error("%s", store_error(c->st));
	int rc = 0;
	if (fmt == FMT_JSON)
		rc = cli_show_json(c, &d);
	else
		print_text(c, &d);
	model_detail_free(&d);
	return rc;
}
