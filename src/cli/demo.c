/* init --demo: clearly labelled sample quarterly reports (示例数据) for
 * 2016Q1–2017Q3 across the built-in plan, written through the store API so
 * each has its audit row, and marked demo = 1 with notes that say so.
 *
 * Each task follows a profile chosen so that, at the as-of date conf/demo.ini
 * pins (2017-12-10), every flag value occurs among the tasks. The values are
 * computed, not drawn at random: a linear path to a chosen share of the
 * expected progress (序时进度) at that date. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/date.h"

/* The as-of date the profiles are designed for; conf/demo.ini pins the same. */
enum { DEMO_AS_OF_YEAR = 2017, DEMO_AS_OF_MONTH = 12, DEMO_AS_OF_DAY = 10 };
/* Reports for 2016Q1 … 2017Q3. */
enum { DEMO_FIRST_YEAR = 2016, DEMO_QUARTERS = 7, DEMO_MAX_VALUES = 16 };

#define DEMO_MARK "【示例数据】"

typedef enum demo_profile {
	DEMO_UNSET,         /* not in the table: treated as due-soon */
	DEMO_DONE,          /* target met by 2017Q2 (2016 tasks: by their due date) */
	DEMO_OK,            /* a little ahead of expected progress */
	DEMO_DUE_SOON,      /* a little below expected, or a deliverable still open */
	DEMO_BEHIND,        /* 80% of expected */
	DEMO_LAGGING,       /* 55% of expected */
	DEMO_UNREPORTED,    /* no report for 2017Q3 */
	DEMO_OVERDUE,       /* a 2016 due date missed */
} demo_profile;

/* The share of expected progress each profile reaches at the as-of date. */
static const double demo_ratio[] = {
	[DEMO_UNSET] = 0.95, [DEMO_DONE] = 1.05, [DEMO_OK] = 1.01, [DEMO_DUE_SOON] = 0.95,
	[DEMO_BEHIND] = 0.80, [DEMO_LAGGING] = 0.55, [DEMO_UNREPORTED] = 0.95, [DEMO_OVERDUE] = 0.60,
};

static const char *const demo_note[] = {
	[DEMO_UNSET] = "工作有序推进。",
	[DEMO_DONE] = "目标已完成，转入巩固提升。",
	[DEMO_OK] = "按计划推进，进度符合序时要求。",
	[DEMO_DUE_SOON] = "工作有序推进，正在抓紧收尾。",
	[DEMO_BEHIND] = "受项目审批周期影响，进度略慢于计划。",
	[DEMO_LAGGING] = "配套资金未及时到位，进度明显滞后。",
	[DEMO_UNREPORTED] = "按计划推进。",
	[DEMO_OVERDUE] = "工作仍在推进中，尚未完成。",
};

/* Task number → profile for the built-in plan. Tasks whose targets are a
 * handful of 个 round coarsely, so they get the profiles rounding cannot flip. */
static const demo_profile demo_plan[] = {
	[1] = DEMO_DONE,        [2] = DEMO_DONE,        [3] = DEMO_DONE,        [4] = DEMO_OK,
	[5] = DEMO_LAGGING,     [6] = DEMO_BEHIND,      [7] = DEMO_DONE,        [8] = DEMO_DUE_SOON,
	[9] = DEMO_DUE_SOON,    [10] = DEMO_UNREPORTED, [11] = DEMO_OK,         [12] = DEMO_BEHIND,
	[13] = DEMO_OK,         [14] = DEMO_DUE_SOON,   [15] = DEMO_LAGGING,    [16] = DEMO_BEHIND,
	[17] = DEMO_UNREPORTED, [18] = DEMO_DONE,       [19] = DEMO_DONE,       [20] = DEMO_OVERDUE,
	[21] = DEMO_DUE_SOON,   [22] = DEMO_OVERDUE,    [23] = DEMO_DONE,       [24] = DEMO_OK,
	[25] = DEMO_UNREPORTED, [26] = DEMO_LAGGING,    [27] = DEMO_UNREPORTED, [28] = DEMO_DONE,
	[29] = DEMO_DUE_SOON,   [30] = DEMO_BEHIND,     [31] = DEMO_DONE,       [32] = DEMO_OVERDUE,
	[33] = DEMO_DUE_SOON,   [34] = DEMO_OK,         [35] = DEMO_LAGGING,    [36] = DEMO_UNREPORTED,
	[37] = DEMO_DUE_SOON,   [38] = DEMO_DUE_SOON,
};

/* Progress notes and inspectors' comments on a few tasks. */
static const struct {
	int task;
	const char *kind, *text;
} demo_notes[] = {
	{ 15, "progress", "已召开全市科技型企业培育推进会，分解下达各区县目标。" },
	{ 15, "comment", "科技型企业培育进度严重滞后，请牵头单位说明原因并提出整改措施。" },
	{ 22, "comment", "示范区创建已逾期，请于本月底前报送书面情况说明。" },
	{ 5, "comment", "国外研发机构引进明显滞后，请加大工作力度。" },
	{ 17, "comment", "2017年第三季度进展尚未报送，请尽快补报。" },
	{ 13, "progress", "新型科技平台建设进展顺利，已达到序时进度。" },
	{ 5, "support", "市发展改革委已协助对接两家国外研发机构，配合完成项目立项。" },
};

/* Sample baselines for the plan's stock indicators (基数未设 otherwise),
 * labelled as samples: the level at the end of 2015. */
static const struct {
	int task, ord;
	double baseline;
} demo_baselines[] = {
	{ 11, 1, 300 }, { 15, 2, 2000 }, { 17, 1, 60 }, { 24, 2, 30 }, { 24, 3, 200 }, { 34, 1, 400 },
	{ 34, 2, 1500 }, { 35, 1, 120 }, { 35, 2, 200 }, { 37, 1, 20 },
};
#define DEMO_BASELINE_DATE "2015-12-31"
#define DEMO_BASELINE_SOURCE "示例数据（非真实统计）"

typedef struct demo_quarter {
	int year, quarter, end;
} demo_quarter;

static demo_profile profile_of(int task)
{
	int n = (int)(sizeof demo_plan / sizeof demo_plan[0]);
	return task > 0 && task < n ? demo_plan[task] : DEMO_UNSET;
}

static double share(int start, int due, int day)
{
	if (due <= start)
		return day >= due ? 1 : 0;
	double s = (double)(day - start) / (double)(due - start);
	return s < 0 ? 0 : s > 1 ? 1 : s;
}

static bool earlier_year(const indicator_rec *ind, int year)
{
	return model_mode_yearly(ind->mode) && year < date_year(ind->due);
}

/* The window a target is phased over: the plan, or one year of a per-year one. */
static void phase_of(const cli *c, const task_rec *t, const indicator_rec *ind, int year, int *start,
                     int *due)
{
	*start = ind->has_baseline && ind->baseline_date ? ind->baseline_date : c->app.plan.starts;
	*due = ind->due;
	if (!model_mode_yearly(ind->mode))
		return;
	int jan1 = date_from_ymd(year, 1, 1);
	*start = jan1 > c->app.plan.starts ? jan1 : c->app.plan.starts;
	*due = date_from_ymd(year, 12, 31);
	for (int i = 0; i < t->ndues; i++)
		if (date_year(t->dues[i]) == year)
			*due = t->dues[i];
}

/* 0/1: delivered by the profile's quarter, never for one that misses it;
 * an earlier year's deliverable in that year's last quarter. */
static double milestone_value(demo_profile p, const indicator_rec *ind, const demo_quarter *q)
{
	if (earlier_year(ind, q->year))
		return p != DEMO_OVERDUE && q->quarter == 4;
	if (ind->due < date_from_ymd(DEMO_AS_OF_YEAR, 1, 1) && p != DEMO_DONE)
		return p != DEMO_OVERDUE && q->end >= ind->due;
	if (p == DEMO_DONE)
		return q->end >= ind->due || (q->year == date_year(ind->due) && q->quarter >= 2);
	if (p == DEMO_OK)
		return q->year == DEMO_AS_OF_YEAR && q->quarter >= 2;
	return 0;
}

/* A value at the profile's share of the expected progress at the end of
 * its quarter, the day it is judged on. */
static double number_value(const cli *c, const task_rec *t, const indicator_rec *ind, demo_profile p,
                           const demo_quarter *q)
{
	int start, due;
	phase_of(c, t, ind, q->year, &start, &due);
	double s = share(start, due, q->end);
	if (earlier_year(ind, q->year))
		return ceil(ind->target * (p == DEMO_OVERDUE ? 0.6 : 1.05) * s);
	if (p == DEMO_DONE) {
		double by = share(start, due, period_last_day(DEMO_AS_OF_YEAR, 2));
		return ceil(ind->target * 1.05 * (by > 0 ? fmin(1, s / by) : 1));
	}
	double base = model_mode_yearly(ind->mode) ? 0 : ind->baseline;
	double v = base + (ind->target - base) * demo_ratio[p] * s;
	/* On course means at or above: never rounded below it. */
	return demo_ratio[p] >= 1 ? ceil(v) : round(v);
}

static bool is_final_quarter(const demo_quarter *q)
{
	return q->year == DEMO_AS_OF_YEAR && q->quarter == 3;
}

static const char *done_status(const task_rec *t, const demo_quarter *q)
{
	bool yearly = t->ndues >= 2;
	if (t->due < date_from_ymd(DEMO_AS_OF_YEAR, 1, 1))
		return q->end >= t->due ? "completed" : "in-progress";
	if (is_final_quarter(q) || (yearly && q->quarter == 4))
		return "completed";
	return "in-progress";
}

/* The status an agency would report. Yearly tasks close each earlier year
 * (a "completed" report in its Q4) unless their profile is to miss it. */
static const char *report_status(const task_rec *t, demo_profile p, const demo_quarter *q)
{
	if (q->year == DEMO_FIRST_YEAR && q->quarter == 1 && (p == DEMO_LAGGING || p == DEMO_OVERDUE))
		return "not-started";
	if (p == DEMO_DONE)
		return done_status(t, q);
	if (t->ndues >= 2 && q->quarter == 4 && p != DEMO_OVERDUE)
		return "completed";
	return "in-progress";
}

static bool save_quarter(cli *c, const task_detail *d, demo_profile p, const demo_quarter *q)
{
	int64_t ids[DEMO_MAX_VALUES];
	double values[DEMO_MAX_VALUES];
	int n = d->nindicators < DEMO_MAX_VALUES ? d->nindicators : DEMO_MAX_VALUES;
	for (int i = 0; i < n; i++) {
		const indicator_rec *ind = &d->indicators[i];
		ids[i] = ind->id;
		values[i] = ind->milestone ? milestone_value(p, ind, q) : number_value(c, &d->task, ind, p, q);
		if (values[i] < 0)
			values[i] = 0;
	}
	static const char *const season[] = { "一季度分解落实年度目标，", "二季度推进项目落地，",
	                                      "三季度开展中期自查，", "四季度集中攻坚，" };
	char note[512], created[32], day[DATE_TEXT_SIZE];
	snprintf(note, sizeof note, DEMO_MARK "%dQ%d：%s%s", q->year, q->quarter, season[q->quarter - 1], demo_note[p]);
	report_input in = { .task_id = d->task.id, .status = report_status(&d->task, p, q), .note = note,
	                    .nvalues = n, .indicator_ids = ids, .values = values, .demo = true };
	period_format(q->year, q->quarter, in.period);
	/* Filed in the days before its due date, as offices do, and judged then. */
	int filed = q->end + c->app.cfg.flags.report_grace_days - 1 - d->task.num % 7;
	date_format(filed, day);
	snprintf(created, sizeof created, "%sT%02d:%02d:00Z", day, 1 + d->task.num % 8, (d->task.num * 7) % 60);
	in.created = created;
	char err[512];
	in.confirmed = true;   /* made up to look plausible: no question to ask */
	int as_of = c->app.as_of;
	c->app.as_of = filed;
	bool ok = app_save_report(&c->app, d, &in, err, sizeof err) == APP_OK;
	c->app.as_of = as_of;
	return ok;
}

/* The task's sample baselines; *set: some were, so d is to be read again. */
static bool set_baselines(cli *c, const task_detail *d, bool *set)
{
	*set = false;
	for (size_t i = 0; i < sizeof demo_baselines / sizeof demo_baselines[0]; i++) {
		if (demo_baselines[i].task != d->task.num)
			continue;
		indicator_edit e = { .baseline_source = DEMO_BASELINE_SOURCE, .set_baseline = true,
		                     .baseline = demo_baselines[i].baseline, .set_baseline_date = true };
		date_parse(DEMO_BASELINE_DATE, &e.baseline_date);
		char err[512];
		if (app_edit_indicator(&c->app, d, demo_baselines[i].ord, &e, err, sizeof err) != APP_OK)
			return false;
		*set = true;
	}
	return true;
}

/* The task with its sample baselines set. */
static bool read_task(cli *c, int num, task_detail *d)
{
	bool found, set;
	if (!store_task_detail(c->app.st, c->app.plan.id, num, d, &found))
		return false;
	if (!set_baselines(c, d, &set)) {
		model_detail_free(d);
		return false;
	}
	if (!set)
		return true;
	model_detail_free(d);
	return store_task_detail(c->app.st, c->app.plan.id, num, d, &found);
}

static bool load_task(cli *c, int num, int *reports)
{
	task_detail d;
	if (!read_task(c, num, &d))
		return false;
	demo_profile p = profile_of(num);
	bool ok = true;
	for (int k = 0; ok && k < DEMO_QUARTERS; k++) {
		demo_quarter q = { DEMO_FIRST_YEAR + k / 4, k % 4 + 1, 0 };
		q.end = period_last_day(q.year, q.quarter);
		if (p == DEMO_UNREPORTED && is_final_quarter(&q))
			continue;
		ok = save_quarter(c, &d, p, &q);
		*reports += ok;
	}
	model_detail_free(&d);
	return ok;
}

static bool load_notes(cli *c, int *notes)
{
	for (size_t i = 0; i < sizeof demo_notes / sizeof demo_notes[0]; i++) {
		task_detail d;
		bool found;
		if (!store_task_detail(c->app.st, c->app.plan.id, demo_notes[i].task, &d, &found)) {
			if (!found)
				continue;        /* not this plan's task */
			return false;
		}
		char text[512], at[32];
		snprintf(text, sizeof text, DEMO_MARK "%s", demo_notes[i].text);
		/* Written in the weeks before the as-of date the samples are for. */
		snprintf(at, sizeof at, "2017-11-%02dT10:%02d:00Z", 10 + (int)i * 3, (int)i * 7);
		c->app.stamp = at;
		char err[512];
		bool ok = app_add_sample_note(&c->app, &d.task, demo_notes[i].kind, text, err, sizeof err) == APP_OK;
		c->app.stamp = NULL;
		model_detail_free(&d);
		if (!ok)
			return false;
		(*notes)++;
	}
	return true;
}

/* The office's side: reports before the last quarter passed, two of the
 * last returned with a reason, one reopened, one task accepted, so that
 * every state of the cycle appears. */
static const struct {
	int task;
	const char *period, *step, *reason;
} demo_reviews[] = {
	{ 12, "2017Q3", "return", "撬动研发经费投入与财政台账不一致，请核实后重新报送。" },
	{ 30, "2017Q3", "return", "未附人才引进名单，请补充后重新报送。" },
	{ 26, "2017Q2", "reopen", "补报市级高校示范性众创空间名单。" },
	{ 3, NULL, "accept", NULL },
};

/* Reviewed the day after it was filed, as the samples' dates say. */
static void stamp_after(cli *c, const report_rec *r, char *buf, size_t len)
{
	int day = 0;
	char date[DATE_TEXT_SIZE], filed[16];
	snprintf(filed, sizeof filed, "%.10s", r->created ? r->created : "");
	date_parse(filed, &day);
	date_format(day + 1, date);
	snprintf(buf, len, "%sT09:30:00Z", date);
	c->app.stamp = buf;
}

static bool review_task(cli *c, const task_detail *d, const char *last)
{
	char err[512], at[32];
	for (int r = 0; r < d->nreports; r++) {
		stamp_after(c, &d->reports[r], at, sizeof at);
		if (strcmp(d->reports[r].period, last) < 0 &&
		    app_review(&c->app, d, d->reports[r].period, true, NULL, err, sizeof err) != APP_OK)
			return false;
	}
	c->app.stamp = NULL;
	return true;
}

static bool load_reviews(cli *c)
{
	char last[PERIOD_TEXT_SIZE], err[512];
	period_format(DEMO_FIRST_YEAR + (DEMO_QUARTERS - 1) / 4, (DEMO_QUARTERS - 1) % 4 + 1, last);
	bool ok = true;
	for (int num = 1; ok; num++) {
		task_detail d;
		bool found;
		if (!store_task_detail(c->app.st, c->app.plan.id, num, &d, &found))
			return !found;
		ok = review_task(c, &d, last);
		char at[32];
		for (size_t i = 0; ok && i < sizeof demo_reviews / sizeof demo_reviews[0]; i++) {
			if (demo_reviews[i].task != num)
				continue;
			if (d.nreports)
				stamp_after(c, &d.reports[d.nreports - 1], at, sizeof at);
			const char *step = demo_reviews[i].step;
			app_result r = strcmp(step, "return") == 0 ? app_review(&c->app, &d, demo_reviews[i].period, false,
			                                                         demo_reviews[i].reason, err, sizeof err)
			               : strcmp(step, "reopen") == 0 ? app_reopen(&c->app, &d, demo_reviews[i].period,
			                                                          demo_reviews[i].reason, err, sizeof err)
			                                             : app_accept(&c->app, &d, err, sizeof err);
			ok = r == APP_OK;
			c->app.stamp = NULL;
		}
		model_detail_free(&d);
	}
	return ok;
}

/* Sample data is written by a sample author, whoever runs init. */
static bool load_all(cli *c, int *reports, int *notes);

bool cli_demo_load(cli *c, int *reports, int *notes)
{
	actor who = c->app.who;
	snprintf(c->app.who.user, sizeof c->app.who.user, "demo");
	c->app.who.role = ROLE_ADMIN;
	bool ok = load_all(c, reports, notes);
	c->app.who = who;
	return ok;
}

static bool load_all(cli *c, int *reports, int *notes)
{
	task_rec *tasks;
	int n;
	*reports = *notes = 0;
	if (!store_tasks(c->app.st, c->app.plan.id, NULL, &tasks, &n))
		return false;
	bool ok = true;
	for (int i = 0; i < n; i++) {
		ok = ok && load_task(c, tasks[i].num, reports);
		model_task_free(&tasks[i]);
	}
	free(tasks);
	return ok && load_notes(c, notes) && load_reviews(c);
}
