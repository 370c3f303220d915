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

/* One judged item: an indicator, or a task that has none. Its own copy of
 * what is printed, so the tasks can be let go as soon as they are judged:
 * memory holds one batch of tasks' histories, not the plan's. */
typedef struct lag_row {
	flag_value flag;
	int num, ord;                /* ord 0: the task itself */
	char *name, *unit, *lead, *reason;
	bool has_actual, has_forecast;
	double expected, actual, target, forecast_value;
	int actual_year, actual_quarter, due, forecast_met_day;
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
	if (a->flag != b->flag)
		return a->flag > b->flag ? -1 : 1;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return (a->ord > b->ord) - (a->ord < b->ord);
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
	if (!r->ord) {
		for (int i = 0; i < 4; i++)   /* expected, actual, its quarter, target */
			table_null(t);
		table_text(t, "");
		add_date(t, r->due);
		return;
	}
	char period[PERIOD_TEXT_SIZE] = "";
	table_real(t, r->expected);
	if (r->has_actual) {
		table_real(t, r->actual);
		period_format(r->actual_year, r->actual_quarter, period);
		table_text(t, period);
	} else {
		table_null(t);
		table_null(t);
	}
	table_real(t, r->target);
	table_text(t, r->unit);
	add_date(t, r->due);
}

static void add_row(cli *c, table *t, const lag_row *r, bool english, out_format fmt)
{
	table_text(t, flag_name(r->flag));
	add_label(t, r->flag, english, fmt);
	table_int(t, r->num);
	/* A task judged without indicators: an empty field, shown as a dash. */
	table_text(t, r->ord ? r->name : fmt == FMT_TEXT ? "—" : "");
	add_numbers(t, r);
	table_list(t, c->app.st, r->lead);
	if (r->has_forecast) {
		table_real(t, r->forecast_value);
		add_date(t, r->forecast_met_day);
	} else {
		table_null(t);
		table_null(t);
	}
	table_text(t, r->reason);
}

static bool flagged(flag_value f)
{
	return flag_is_warning(f);
}

static lag_row task_row(const task_detail *d, const task_state *ts)
{
	return (lag_row){ .flag = ts->flag, .num = d->task.num, .lead = xstrdup(d->task.lead),
		          .reason = xstrdup(ts->reason), .due = ts->due };
}

static lag_row indicator_row(const task_detail *d, const indicator_rec *i, const indicator_state *st)
{
	return (lag_row){
		.flag = st->flag, .num = d->task.num, .ord = i->ord, .name = xstrdup(i->name), .unit = xstrdup(i->unit),
		.lead = xstrdup(d->task.lead), .reason = xstrdup(st->reason), .has_actual = st->has_actual,
		.has_forecast = st->has_forecast, .expected = st->expected, .actual = st->actual, .target = st->target,
		.forecast_value = st->forecast_value, .actual_year = st->actual_year,
		.actual_quarter = st->actual_quarter, .due = st->due, .forecast_met_day = st->forecast_met_day,
	};
}

typedef struct lag_rows {
	lag_row *v;
	int n, cap;
} lag_rows;

static void push_row(lag_rows *rows, lag_row r)
{
	rows->v = xgrow(rows->v, rows->n, &rows->cap, sizeof *rows->v);
	rows->v[rows->n++] = r;
}

/* The rows of one task: its flagged indicators, or the task itself when it
 * has none. */
static void task_rows(const task_detail *d, const task_state *ts, lag_rows *rows)
{
	if (d->nindicators == 0) {
		if (flagged(ts->flag))
			push_row(rows, task_row(d, ts));
		return;
	}
	/* An accepted task is closed, whatever its indicators still say. */
	if (ts->flag == FLAG_DONE)
		return;
	for (int i = 0; i < d->nindicators; i++)
		if (flagged(ts->indicators[i].flag))
			push_row(rows, indicator_row(d, &d->indicators[i], &ts->indicators[i]));
}

static void free_rows(lag_rows *rows)
{
	for (int i = 0; i < rows->n; i++) {
		free(rows->v[i].name);
		free(rows->v[i].unit);
		free(rows->v[i].lead);
		free(rows->v[i].reason);
	}
	free(rows->v);
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

static int print_rows(cli *c, const lag_args *a, lag_rows *rows, bool english)
{
	qsort(rows->v, (size_t)rows->n, sizeof *rows->v, row_order);
	table t;
	table_init_for(&t, lag_columns, LAG_NCOLS, a->fmt);
	table_reserve(&t, rows->n);
	for (int i = 0; i < rows->n; i++) {
		add_row(c, &t, &rows->v[i], english, a->fmt);
		/* The table has its own copy: the row's texts can go (peak memory). */
		lag_row *r = &rows->v[i];
		free(r->name);
		free(r->unit);
		free(r->lead);
		free(r->reason);
		r->name = r->unit = r->lead = r->reason = NULL;
	}
	if (a->fmt == FMT_TEXT)
		print_heading(c, rows->n, english);
	bool ok = table_print(&t, c->app.st, a->fmt, stdout);
	table_free(&t);
	return ok ? 0 : cli_error("%s", store_error(c->app.st));
}

/* The forecast column fits a line through every report: each task's whole
 * series, read and judged a batch at a time and then let go. */
enum { LAG_BATCH = 256 };

static bool judge_batch(judge_cache *cache, const int *nums, int n, lag_rows *rows)
{
	if (!judge_cache_load_tasks(cache, nums, n, JUDGE_SERIES))
		return false;
	for (int i = 0; i < n; i++) {
		bool missing;
		const judged_task *j = judge_cache_task(cache, nums[i], JUDGE_SERIES, &missing);
		if (!j && !missing)
			return false;
		if (j)
			task_rows(&j->d, &j->st, rows);
	}
	judge_cache_forget_all(cache);
	return true;
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
	judge_scope scope = app_judge_scope(&c->app);
	judge_cache cache;
	judge_cache_open(&cache, &scope);
	int *nums = NULL, n = 0;
	lag_rows rows = { 0 };
	bool ok = judge_cache_nums(&cache, &a.filter, 0, &nums, &n);
	for (int i = 0; ok && i < n; i += LAG_BATCH)
		ok = judge_batch(&cache, nums + i, n - i < LAG_BATCH ? n - i : LAG_BATCH, &rows);
	rc = ok ? print_rows(c, &a, &rows, english) : cli_error("%s", store_error(c->app.st));
	free_rows(&rows);
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
