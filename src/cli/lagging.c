/* lagging: every flagged task and indicator, worst first, with its reason
 * and lead agencies. The verdicts come from the flag module, the same one
 * the tasks list, show, the TUI and the summaries ask. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_judge.h"
#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/table.h"
#include "ducha/xalloc.h"

/* One judged item: an indicator, or a task that has none. */
typedef struct lag_row {
	const task_detail *d;
	const indicator_rec *ind;    /* NULL: the task itself */
	const indicator_state *st;   /* NULL with ind */
	const task_state *ts;
} lag_row;

typedef struct lag_args {
	task_filter filter;
	const char *agency;
	out_format fmt;
} lag_args;

static const table_column lag_columns[] = {
	{ "flag", "预警值", 0, false, true },
	{ "label", "预警", 0, false, false },
	{ "task", "序号", 0, true, false },
	{ "indicator", "指标", 16, false, false },
	{ "expected", "序时", 0, true, true },
	{ "actual", "实际", 0, true, true },
	{ "actual_period", "填报季度", 0, false, true },
	{ "target", "目标", 0, true, true },
	{ "unit", "单位", 0, false, true },
	{ "due", "截止日期", 0, false, true },
	{ "lead", "牵头单位", 14, false, false },
	{ "forecast", "预测值", 0, true, true },
	{ "forecast_met", "预计达标", 0, false, true },
	{ "reason", "原因", 0, false, false },
};
enum { LAG_NCOLS = sizeof lag_columns / sizeof lag_columns[0] };

static int read_args(cli *c, const cli_args *args, lag_args *a)
{
	const char *area = cli_value(c, args, "area");
	a->agency = cli_value(c, args, "agency");
	a->fmt = cli_format(c, args, FMT_TEXT);
	return area && !cli_parse_area(c, area, &a->filter.area) ? 2 : 0;
}

/* Worst first; then by task number and indicator order, so the list is stable. */
static int row_order(const void *pa, const void *pb)
{
	const lag_row *a = pa, *b = pb;
	flag_value fa = a->st ? a->st->flag : a->ts->flag, fb = b->st ? b->st->flag : b->ts->flag;
	if (fa != fb)
		return fa > fb ? -1 : 1;
	if (a->d->task.num != b->d->task.num)
		return a->d->task.num < b->d->task.num ? -1 : 1;
	int oa = a->ind ? a->ind->ord : 0, ob = b->ind ? b->ind->ord : 0;
	return (oa > ob) - (oa < ob);
}

static void add_date(table *t, int day)
{
	char date[DATE_TEXT_SIZE];
	if (day <= 0) {
		table_null(t);
		return;
	}
	date_format(day, date);
	table_text(t, date);
}

static void add_label(table *t, flag_value f, bool english, out_format fmt)
{
	char shown[64];
	if (fmt == FMT_TEXT)
		snprintf(shown, sizeof shown, "%s", flag_shown(f, english));
	else
		snprintf(shown, sizeof shown, "%s", flag_label(f, english));
	table_text(t, shown);
}

/* The numbers of an indicator row, or nulls for a task row. */
static void add_numbers(table *t, const lag_row *r)
{
	const indicator_state *st = r->st;
	if (!st) {
		for (int i = 0; i < 4; i++)   /* expected, actual, its quarter, target */
			table_null(t);
		table_text(t, "");
		add_date(t, r->ts->due);
		return;
	}
	char period[PERIOD_TEXT_SIZE] = "";
	table_real(t, st->expected);
	if (st->has_actual) {
		table_real(t, st->actual);
		period_format(st->actual_year, st->actual_quarter, period);
		table_text(t, period);
	} else {
		table_null(t);
		table_null(t);
	}
	table_real(t, st->target);
	table_text(t, r->ind->unit);
	add_date(t, st->due);
}

static void add_row(cli *c, table *t, const lag_row *r, bool english, out_format fmt)
{
	flag_value f = r->st ? r->st->flag : r->ts->flag;
	table_text(t, flag_name(f));
	add_label(t, f, english, fmt);
	table_int(t, r->d->task.num);
	/* A task judged without indicators: an empty field, shown as a dash. */
	table_text(t, r->ind ? r->ind->name : fmt == FMT_TEXT ? "—" : "");
	add_numbers(t, r);
	table_list(t, c->app.st, r->d->task.lead);
	if (r->st && r->st->has_forecast) {
		table_real(t, r->st->forecast_value);
		add_date(t, r->st->forecast_met_day);
	} else {
		table_null(t);
		table_null(t);
	}
	table_text(t, r->st ? r->st->reason : r->ts->reason);
}

static bool flagged(flag_value f)
{
	return flag_is_warning(f);
}

/* The rows of one task: its flagged indicators, or the task itself when it
 * has none. Returns the count appended. */
static int task_rows(const task_detail *d, const task_state *ts, lag_row *out)
{
	int n = 0;
	if (d->nindicators == 0) {
		if (flagged(ts->flag))
			out[n++] = (lag_row){ d, NULL, NULL, ts };
		return n;
	}
	/* An accepted task is closed, whatever its indicators still say. */
	if (ts->flag == FLAG_DONE)
		return 0;
	for (int i = 0; i < d->nindicators; i++)
		if (flagged(ts->indicators[i].flag))
			out[n++] = (lag_row){ d, &d->indicators[i], &ts->indicators[i], ts };
	return n;
}

static void print_heading(const cli *c, int rows, bool english)
{
	char date[DATE_TEXT_SIZE];
	date_format(c->app.as_of, date);
	if (english)
		printf("As of %s: %d flagged item%s\n", date, rows, rows == 1 ? "" : "s");
	else
		printf("截至 %s：%d 项预警\n", date, rows);
}

static int print_rows(cli *c, const lag_args *a, const judged_task **tasks, int n, bool english)
{
	int cap = 0;
	for (int i = 0; i < n; i++)
		cap += tasks[i]->d.nindicators + 1;
	lag_row *rows = xcalloc((size_t)cap + 1, sizeof *rows);
	int nrows = 0;
	for (int i = 0; i < n; i++)
		nrows += task_rows(&tasks[i]->d, &tasks[i]->st, rows + nrows);
	qsort(rows, (size_t)nrows, sizeof *rows, row_order);
	table t;
	table_init(&t, lag_columns, LAG_NCOLS);
	for (int i = 0; i < nrows; i++)
		add_row(c, &t, &rows[i], english, a->fmt);
	if (a->fmt == FMT_TEXT)
		print_heading(c, nrows, english);
	bool ok = table_print(&t, c->app.st, a->fmt, stdout);
	table_free(&t);
	free(rows);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

static int run_lagging(cli *c, const cli_args *args)
{
	lag_args a = { .fmt = FMT_TEXT };
	int rc = read_args(c, args, &a);
	if (rc)
		return rc;
	if (!cli_open_listing(c, a.agency, &a.filter))
		return 1;
	bool english = c->app.lang == APP_LANG_EN;
	/* The forecast column fits a line through every report: the whole series. */
	judge_scope scope = app_judge_scope(&c->app);
	judge_cache cache;
	judge_cache_open(&cache, &scope);
	int *nums = NULL, n = 0;
	bool ok = judge_cache_nums(&cache, &a.filter, 0, &nums, &n) && judge_cache_load_tasks(&cache, nums, n, JUDGE_SERIES);
	const judged_task **tasks = xcalloc((size_t)n + 1, sizeof *tasks);
	int got = 0;
	for (int i = 0; ok && i < n; i++) {
		bool missing;
		if ((tasks[got] = judge_cache_task(&cache, nums[i], JUDGE_SERIES, &missing)) != NULL)
			got++;
		else
			ok = missing;
	}
	rc = ok ? print_rows(c, &a, tasks, got, english) : cli_error("%s", store_error(c->app.st));
	free(tasks);
	free(nums);
	judge_cache_close(&cache);
	return rc;
}

static const cli_option lagging_options[] = {
	{ "area", 0, "N", "只列第 N 个领域（1–5）的任务", 0, NULL },
	{ "agency", 0, "NAME", "只列该单位牵头或配合的任务", 0, NULL },
	{ "format", 0, "text|csv|json", "输出格式（默认 text）", 0, "输出格式" },
	{ 0 },
};

const cli_command cli_cmd_lagging = {
	.name = "lagging", .run = run_lagging,
	.summary = "列出滞后、临期、逾期和未报送的任务与指标（最严重的在前）",
	.options = lagging_options,
	.notes = "  按 --as-of 日期（默认今天）计算序时进度；每行给出原因和牵头单位\n",
};
