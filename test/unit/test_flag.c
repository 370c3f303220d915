/* The flag rules, on tasks built in memory (no database). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/wording.h"
#include "ducha/text.h"

static int day(const char *iso)
{
	int d = 0;
	ck_assert_msg(date_parse(iso, &d), "bad date in test: %s", iso);
	return d;
}

static char *dup(const char *s)
{
	char *p = strdup(s);
	ck_assert_ptr_nonnull(p);
	return p;
}

static const config_flags rules = { 0.90, 0.70, 0.05, 30, 15 };

/* The built-in plan's dates: 渝府办发〔2016〕25号 starts 2016-02-06. */
static plan_rec plan_2016(void)
{
	plan_rec p = { 1, NULL, NULL, NULL, 0, 0 };
	p.starts = day("2016-02-06");
	p.ends = day("2017-12-31");
	return p;
}

/* A task due on the given ISO dates (ascending, NULL-terminated). */
static task_detail task_due(const char *first, ...)
{
	task_detail d;
	memset(&d, 0, sizeof d);
	d.task.id = 15;
	d.task.num = 15;
	d.task.status = dup("open");
	d.task.lead = dup("市中小企业局");
	va_list ap;
	va_start(ap, first);
	for (const char *iso = first; iso; iso = va_arg(ap, const char *))
		d.task.dues[d.task.ndues++] = day(iso);
	va_end(ap);
	d.task.due = d.task.dues[d.task.ndues - 1];
	return d;
}

static indicator_rec *add_indicator(task_detail *d, const char *name, comparator cmp,
                                    double target, const char *unit, bool per_year)
{
	d->indicators = realloc(d->indicators, sizeof *d->indicators * (size_t)(d->nindicators + 1));
	ck_assert_ptr_nonnull(d->indicators);
	indicator_rec *i = &d->indicators[d->nindicators++];
	memset(i, 0, sizeof *i);
	i->id = 100 + d->nindicators;
	i->ord = d->nindicators;
	i->name = dup(name);
	i->unit = dup(unit);
	i->cmp = cmp;
	i->target = i->target_hi = target;
	i->due = d->task.due;
	i->mode = per_year ? MODE_PER_YEAR : MODE_CUMULATIVE;
	i->has_baseline = true;
	i->baseline_source = dup("");
	i->source = dup("");
	i->approval = dup("");
	return i;
}

static indicator_rec *add_milestone(task_detail *d, const char *name, bool per_year)
{
	indicator_rec *i = add_indicator(d, name, CMP_GE, 1, "", per_year);
	i->milestone = true;
	return i;
}

/* A report for a quarter; value < 0 leaves the first indicator out. */
static report_rec *add_report(task_detail *d, const char *period, const char *status)
{
	d->reports = realloc(d->reports, sizeof *d->reports * (size_t)(d->nreports + 1));
	ck_assert_ptr_nonnull(d->reports);
	report_rec *r = &d->reports[d->nreports++];
	memset(r, 0, sizeof *r);
	r->id = d->nreports;
	snprintf(r->period, sizeof r->period, "%s", period);
	ck_assert(period_parse(period, &r->year, &r->quarter));
	r->status = model_report_status(status);
	r->note = dup("");
	r->author = dup("test");
	r->created = dup("2017-01-01T00:00:00Z");
	return r;
}

static void set_value(report_rec *r, const indicator_rec *i, double v)
{
	r->indicator_ids = realloc(r->indicator_ids, sizeof *r->indicator_ids * (size_t)(r->nvalues + 1));
	r->values = realloc(r->values, sizeof *r->values * (size_t)(r->nvalues + 1));
	ck_assert(r->indicator_ids && r->values);
	r->indicator_ids[r->nvalues] = i->id;
	r->values[r->nvalues++] = v;
}

/* One report with one value for the first indicator. */
static void report_value(task_detail *d, const char *period, double v)
{
	set_value(add_report(d, period, "in-progress"), &d->indicators[0], v);
}

static task_state judge(const task_detail *d, const char *as_of)
{
	plan_rec p = plan_2016();
	task_state s;
	flag_evaluate_task(d, &p, day(as_of), &rules, false, &s);
	return s;
}

static void expect_flag(const task_detail *d, const char *as_of, flag_value want)
{
	task_state s = judge(d, as_of);
	ck_assert_msg(s.flag == want, "as of %s: %s, want %s (%s)", as_of, flag_name(s.flag),
	              flag_name(want), s.reason);
	flag_task_state_free(&s);
}

/* Task 15: 培育科技型企业超过5000家 by 2017-12-31. */
static task_detail task15(void)
{
	task_detail d = task_due("2017-12-31", NULL);
	add_indicator(&d, "科技型企业", CMP_GT, 5000, "家", false);
	return d;
}

START_TEST(names_and_order)
{
	const char *names[] = { "done", "ok", "due-soon", "behind", "unreported", "lagging", "overdue" };
	for (int f = 0; f < FLAG_COUNT; f++) {
		flag_value back;
		ck_assert_str_eq(flag_name((flag_value)f), names[f]);
		ck_assert(flag_parse(names[f], &back) && back == (flag_value)f);
		ck_assert(strlen(flag_glyph((flag_value)f)) > 0);
		ck_assert(strlen(flag_label((flag_value)f, false)) > 0);
		ck_assert(strlen(flag_label((flag_value)f, true)) > 0);
	}
	flag_value out;
	ck_assert(!flag_parse("late", &out));
	ck_assert(!flag_parse("", &out));
	ck_assert_str_eq(flag_label(FLAG_LAGGING, false), "严重滞后");
	ck_assert_str_eq(flag_label(FLAG_BEHIND, true), "behind");
	ck_assert_int_lt(FLAG_BEHIND, FLAG_LAGGING);
	ck_assert_int_lt(FLAG_LAGGING, FLAG_OVERDUE);
}
END_TEST

START_TEST(issue_expected_progress)
{
	task_detail d = task15();
	report_value(&d, "2016Q4", 1000);
	task_state s = judge(&d, "2017-01-15");
	const indicator_state *i = &s.indicators[0];
	/* judged at the end of 2016Q4, the figure's quarter: 329 of 694 days;
	 * whole 家, rounded down */
	ck_assert_double_eq_tol(i->expected, floor(5000.0 * 329 / 694), 1e-6);
	ck_assert_double_eq_tol(i->expected_share, 329.0 / 694, 1e-9);
	ck_assert_double_eq_tol(i->gap, floor(5000.0 * 329 / 694) - 1000, 1e-6);
	ck_assert_int_eq(i->expected_day, day("2016-12-31"));
	ck_assert(i->has_actual);
	ck_assert_int_eq(i->actual_year, 2016);
	ck_assert_int_eq(i->actual_quarter, 4);
	ck_assert_int_eq(i->flag, FLAG_LAGGING);
	ck_assert_str_eq(i->reason, "2016Q4 末序时 2370 家（47.4%），实际 1000 家，差 1370 家 → 严重滞后");
	ck_assert_int_eq(s.flag, FLAG_LAGGING);
	ck_assert_int_eq(s.due, day("2017-12-31"));
	ck_assert_str_eq(s.reason, "科技型企业：2016Q4 末序时 2370 家（47.4%），实际 1000 家，差 1370 家 → 严重滞后");
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(issue_task15_cases)
{
	const struct { double v; flag_value want; } cases[] = {
		{ 1000, FLAG_LAGGING }, { 2000, FLAG_BEHIND }, { 2370, FLAG_OK },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		task_detail d = task15();
		report_value(&d, "2016Q4", cases[k].v);
		expect_flag(&d, "2017-01-15", cases[k].want);
		model_detail_free(&d);
	}
	task_detail none = task15();
	expect_flag(&none, "2017-01-15", FLAG_UNREPORTED);
	task_state s = judge(&none, "2017-01-15");
	ck_assert_msg(strstr(s.reason, "实际 尚无填报") && strstr(s.reason, "2016Q3 未报送"), "%s", s.reason);
	flag_task_state_free(&s);
	model_detail_free(&none);

	task_detail late = task15();
	report_value(&late, "2017Q4", 4000);
	expect_flag(&late, "2018-03-01", FLAG_OVERDUE);
	s = judge(&late, "2018-03-01");
	ck_assert_str_eq(s.indicators[0].reason,
	                 "2017Q4 末序时 5000 家（100.0%），实际 4000 家，差 1000 家；已过截止日 2017-12-31 → 逾期");
	flag_task_state_free(&s);
	model_detail_free(&late);
}
END_TEST

START_TEST(due_day_and_day_after)
{
	task_detail d = task15();
	report_value(&d, "2017Q3", 4800);
	report_value(&d, "2017Q4", 4900);
	task_state s = judge(&d, "2017-12-31");
	ck_assert_int_eq(s.flag, FLAG_DUE_SOON);                /* not overdue on the day */
	ck_assert_double_eq_tol(s.indicators[0].expected, 5000, 1e-9);
	ck_assert_double_eq_tol(s.indicators[0].expected_share, 1, 1e-9);
	ck_assert_msg(strstr(s.indicators[0].reason, "今天截止"), "%s", s.indicators[0].reason);
	flag_task_state_free(&s);
	expect_flag(&d, "2018-01-01", FLAG_OVERDUE);
	/* exactly 5000 on the due day: ">" needs more than that */
	d.reports[1].values[0] = 5000;
	expect_flag(&d, "2017-12-31", FLAG_DUE_SOON);
	d.reports[d.nreports - 1].values[0] = 5001;
	expect_flag(&d, "2017-12-31", FLAG_DONE);
	expect_flag(&d, "2018-01-01", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(due_soon_window)
{
	task_detail d = task15();
	report_value(&d, "2017Q3", 4200);
	/* 2017-12-01: 30 days left; 2017Q3's expected 5000×602/694 = 4337; 4200 is 97% */
	expect_flag(&d, "2017-12-01", FLAG_DUE_SOON);
	/* 31 days left: outside the window, 96% of expected is ok */
	expect_flag(&d, "2017-11-30", FLAG_OK);
	/* at or above expected stays ok inside the window: on course */
	d.reports[0].values[0] = 4900;
	expect_flag(&d, "2017-12-10", FLAG_OK);
	/* below the behind threshold the worse flag wins */
	d.reports[0].values[0] = 3800;
	expect_flag(&d, "2017-12-10", FLAG_BEHIND);
	model_detail_free(&d);
}
END_TEST

START_TEST(before_plan_starts)
{
	task_detail d = task15();
	task_state s = judge(&d, "2016-01-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_double_eq_tol(s.indicators[0].expected, 0, 1e-12);
	ck_assert_msg(strstr(s.reason, "2016-02-06"), "%s", s.reason);
	flag_task_state_free(&s);
	/* a task due before the plan even starts is still only ok */
	task_detail early = task_due("2016-01-31", NULL);
	add_indicator(&early, "x", CMP_GE, 10, "个", false);
	expect_flag(&early, "2016-01-20", FLAG_OK);
	model_detail_free(&early);
	/* tasks judged by status, too */
	task_detail plain = task_due("2016-12-31", NULL);
	expect_flag(&plain, "2016-02-05", FLAG_OK);
	model_detail_free(&plain);
	/* and on the first day nothing is expected yet */
	s = judge(&d, "2016-02-06");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_double_eq_tol(s.indicators[0].expected, 0, 1e-12);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(leap_year_2016)
{
	/* 2016-02-06 → 2016-12-31 is 329 days with 29 February; to 2016-03-01, 24 */
	task_detail d = task_due("2016-12-31", NULL);
	add_indicator(&d, "研发创新中心", CMP_GE, 329, "个", false);
	task_state s = judge(&d, "2016-03-01");
	ck_assert_double_eq_tol(s.indicators[0].expected, 24, 1e-9);
	flag_task_state_free(&s);
	s = judge(&d, "2016-02-29");
	ck_assert_double_eq_tol(s.indicators[0].expected, 23, 1e-9);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(zero_and_missing_target)
{
	task_detail d = task_due("2017-12-31", NULL);
	add_indicator(&d, "零目标", CMP_GE, 0, "个", false);
	expect_flag(&d, "2016-06-01", FLAG_DONE);              /* nothing asked for */
	model_detail_free(&d);

	/* "> 0" needs something, but nothing is expected along the way */
	d = task_due("2017-12-31", NULL);
	add_indicator(&d, "超过零", CMP_GT, 0, "个", false);
	report_value(&d, "2016Q1", 0);
	report_value(&d, "2016Q2", 0);
	task_state s = judge(&d, "2016-07-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_double_eq_tol(s.indicators[0].expected, 0, 1e-12);
	flag_task_state_free(&s);
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	d.reports[1].values[0] = 1;
	expect_flag(&d, "2016-07-20", FLAG_DONE);
	model_detail_free(&d);

	/* a missing target is judged by dates and reports only */
	d = task_due("2017-12-31", NULL);
	add_indicator(&d, "无目标", CMP_GE, NAN, "个", false);
	report_value(&d, "2016Q2", 5);
	s = judge(&d, "2016-08-01");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_msg(strstr(s.reason, "未设目标值"), "%s", s.reason);
	ck_assert(!s.indicators[0].has_forecast);
	flag_task_state_free(&s);
	expect_flag(&d, "2017-12-20", FLAG_UNREPORTED);
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	model_detail_free(&d);
}
END_TEST

START_TEST(report_exceeds_target)
{
	task_detail d = task15();
	report_value(&d, "2016Q4", 5100);
	task_state s = judge(&d, "2017-01-15");
	ck_assert_int_eq(s.flag, FLAG_DONE);
	ck_assert(s.indicators[0].gap < 0);
	ck_assert_str_eq(s.indicators[0].reason, "目标 > 5000 家，实际 5100 家 → 已完成");
	flag_task_state_free(&s);
	/* done stays done, also long after the due date and without new reports */
	expect_flag(&d, "2019-06-01", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

static task_detail task16(void)
{
	task_detail d = task_due("2016-12-31", "2017-12-31", NULL);
	add_indicator(&d, "众创空间", CMP_GE, 200, "家", true);
	return d;
}

START_TEST(per_year_second_year)
{
	task_detail d = task16();
	report_value(&d, "2016Q4", 210);
	report_value(&d, "2017Q2", 60);
	task_state s = judge(&d, "2017-07-01");
	const indicator_state *i = &s.indicators[0];
	/* 2017's target phased over 2017 alone, at the end of 2017Q2: 200 × 180/364, whole 家 */
	ck_assert_double_eq_tol(i->expected, floor(200.0 * 180 / 364), 1e-6);
	ck_assert_double_eq_tol(i->target, 200, 1e-12);
	ck_assert_int_eq(i->due, day("2017-12-31"));
	ck_assert_double_eq_tol(i->actual, 60, 1e-12);
	ck_assert_int_eq(i->flag, FLAG_LAGGING);
	ck_assert_msg(strncmp(i->reason, "2017Q2 末序时 98 家（49.5%）", strlen("2017Q2 末序时 98 家（49.5%）")) == 0,
	              "%s", i->reason);
	flag_task_state_free(&s);
	/* 2016's count does not carry into 2017 */
	model_detail_free(&d);
	d = task16();
	report_value(&d, "2016Q4", 210);
	report_value(&d, "2017Q1", 10);
	expect_flag(&d, "2017-04-20", FLAG_LAGGING);
	/* the second year met: done */
	report_value(&d, "2017Q3", 205);
	expect_flag(&d, "2017-10-20", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(per_year_first_year)
{
	task_detail d = task16();
	report_value(&d, "2016Q3", 210);
	/* 2016 met but 2017 is still to come: ok, not done */
	task_state s = judge(&d, "2016-10-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_msg(strstr(s.reason, "2017-12-31"), "%s", s.reason);
	flag_task_state_free(&s);
	/* 2016 phased from the plan's start, not from 1 January */
	model_detail_free(&d);
	d = task16();
	report_value(&d, "2016Q2", 50);
	s = judge(&d, "2016-07-01");
	ck_assert_double_eq_tol(s.indicators[0].expected, floor(200.0 * 145 / 329), 1e-6);
	flag_task_state_free(&s);
	/* a missed first year is overdue in the second */
	report_value(&d, "2016Q4", 150);
	report_value(&d, "2017Q1", 100);
	s = judge(&d, "2017-04-20");
	ck_assert_int_eq(s.flag, FLAG_OVERDUE);
	ck_assert_int_eq(s.indicators[0].due, day("2016-12-31"));    /* the year missed */
	ck_assert_msg(strstr(s.reason, "2016Q4 末序时") && strstr(s.reason, "实际 150 家"), "%s", s.reason);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(per_year_with_one_due_date)
{
	/* "每年新增50家" on a task due 2017-12-31: every plan year counts */
	task_detail d = task15();
	add_indicator(&d, "市级技术创新平台", CMP_GE, 50, "家", true);
	report_rec *r = add_report(&d, "2016Q4", "in-progress");
	set_value(r, &d.indicators[0], 5001);
	set_value(r, &d.indicators[1], 30);                  /* 2016 missed */
	task_state s = judge(&d, "2017-02-01");
	ck_assert_int_eq(s.indicators[1].flag, FLAG_OVERDUE);
	ck_assert_int_eq(s.indicators[1].due, day("2016-12-31"));
	flag_task_state_free(&s);
	r->values[1] = 55;
	s = judge(&d, "2017-02-01");
	ck_assert_int_eq(s.indicators[1].flag, FLAG_OK);     /* 2017 has just begun */
	ck_assert_double_eq_tol(s.indicators[1].expected, floor(50.0 * 31 / 364), 1e-6);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(range_lower_bound)
{
	task_detail d = task_due("2017-12-31", NULL);
	indicator_rec *i = add_indicator(&d, "国家级农业科技园区", CMP_RANGE, 1, "个", false);
	i->target_hi = 2;
	report_value(&d, "2017Q3", 0);
	/* 0.87 of one park expected by 2017Q3: whole parks, so none yet */
	expect_flag(&d, "2017-10-20", FLAG_OK);
	expect_flag(&d, "2017-12-10", FLAG_DUE_SOON);
	report_value(&d, "2017Q4", 0);
	expect_flag(&d, "2018-01-02", FLAG_OVERDUE);            /* the report of the due date says not done */
	d.nreports = 1;
	model_report_free(&d.reports[1]);
	d.reports[0].values[0] = 1;                           /* the lower bound is enough */
	task_state s = judge(&d, "2017-10-20");
	ck_assert_int_eq(s.flag, FLAG_DONE);
	ck_assert_msg(strstr(s.reason, "1–2 个"), "%s", s.reason);
	flag_task_state_free(&s);
	d.reports[0].values[0] = 3;                           /* above the range still meets it */
	expect_flag(&d, "2017-10-20", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(approx_tolerance)
{
	task_detail d = task_due("2017-12-31", NULL);
	add_indicator(&d, "交易规模", CMP_APPROX, 50, "亿元", false);
	report_value(&d, "2017Q3", 47.5);                   /* 50 − 5% */
	expect_flag(&d, "2017-10-20", FLAG_DONE);
	d.reports[0].values[0] = 47.4;
	expect_flag(&d, "2017-10-20", FLAG_OK);              /* 47.4 of 2017Q3's expected 43.4 */
	task_state s = judge(&d, "2017-10-20");
	ck_assert_msg(strstr(s.reason, "≈ 50 亿元（±5% 以内为达标）"), "%s", s.reason);
	flag_task_state_free(&s);
	expect_flag(&d, "2018-01-01", FLAG_OK);              /* waits for 2017Q4's report */
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	d.reports[0].values[0] = 55;
	expect_flag(&d, "2017-10-20", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(milestones)
{
	task_detail d = task_due("2016-06-30", NULL);
	add_milestone(&d, "路线图发布", false);
	report_value(&d, "2016Q1", 0);
	task_state s = judge(&d, "2016-04-10");
	ck_assert_int_eq(s.flag, FLAG_OK);                   /* nothing expected before the due date */
	ck_assert_double_eq_tol(s.indicators[0].expected, 0, 1e-12);
	flag_task_state_free(&s);
	expect_flag(&d, "2016-06-01", FLAG_DUE_SOON);
	s = judge(&d, "2016-06-30");
	ck_assert_int_eq(s.flag, FLAG_DUE_SOON);
	ck_assert_double_eq_tol(s.indicators[0].expected, 1, 1e-12);
	flag_task_state_free(&s);
	s = judge(&d, "2016-07-01");
	ck_assert_int_eq(s.flag, FLAG_OK);                   /* 2016Q2's report is due by 07-15 */
	ck_assert_msg(strstr(s.reason, "待 2016Q2 填报（2016-07-15 前）"), "%s", s.reason);
	flag_task_state_free(&s);
	s = judge(&d, "2016-07-16");
	ck_assert_int_eq(s.flag, FLAG_OVERDUE);
	ck_assert_str_eq(s.indicators[0].reason,
	                 "序时 2016-06-30 前完成，实际 未完成（2016Q1）；2016Q2 未报送（应于 2016-07-15 前报送）；"
	                 "已过截止日 2016-06-30 → 逾期");
	flag_task_state_free(&s);
	report_value(&d, "2016Q3", 1);
	expect_flag(&d, "2016-10-01", FLAG_DONE);            /* late, but delivered */
	model_detail_free(&d);
}
END_TEST

START_TEST(per_year_milestone)
{
	task_detail d = task_due("2016-12-31", "2017-12-31", NULL);
	add_milestone(&d, "指南发布", true);
	report_value(&d, "2016Q4", 1);
	report_value(&d, "2017Q3", 0);
	expect_flag(&d, "2017-10-20", FLAG_OK);
	expect_flag(&d, "2017-12-10", FLAG_DUE_SOON);
	d.reports[0].values[0] = 0;                           /* 2016's guide never came */
	expect_flag(&d, "2017-10-20", FLAG_OVERDUE);
	model_detail_free(&d);
}
END_TEST

START_TEST(unreported_grace)
{
	task_detail d = task15();
	report_value(&d, "2017Q2", 4100);
	/* 2017Q3's report is due by 2017-10-15: on that day it is not missing yet */
	expect_flag(&d, "2017-10-15", FLAG_OK);
	task_state s = judge(&d, "2017-10-16");
	ck_assert_int_eq(s.flag, FLAG_UNREPORTED);
	ck_assert_str_eq(s.indicators[0].reason,
	                 "2017Q2 末序时 3674 家（73.5%），实际 4100 家（2017Q2），超 426 家；"
	                 "2017Q3 未报送（应于 2017-10-15 前报送） → 未报送");
	flag_task_state_free(&s);
	/* a report for a later quarter covers the missing one */
	report_value(&d, "2017Q4", 4500);
	expect_flag(&d, "2017-10-16", FLAG_OK);
	model_detail_free(&d);

	/* 2016Q1 ends after the plan started, so its report is asked for */
	d = task15();
	expect_flag(&d, "2016-04-15", FLAG_OK);
	expect_flag(&d, "2016-04-16", FLAG_UNREPORTED);
	/* but not for a quarter that ended before the plan started */
	plan_rec p = plan_2016();
	p.starts = day("2016-04-01");
	task_state late;
	flag_evaluate_task(&d, &p, day("2016-04-20"), &rules, false, &late);
	ck_assert_int_eq(late.flag, FLAG_OK);
	flag_task_state_free(&late);
	/* the grace period comes from the rules */
	config_flags strict = rules;
	strict.report_grace_days = 0;
	p = plan_2016();
	flag_evaluate_task(&d, &p, day("2016-04-01"), &strict, false, &late);
	ck_assert_int_eq(late.flag, FLAG_UNREPORTED);
	flag_task_state_free(&late);
	model_detail_free(&d);
}
END_TEST

START_TEST(reports_after_as_of_are_unknown)
{
	task_detail d = task15();
	report_value(&d, "2016Q4", 2400);
	report_value(&d, "2017Q2", 1000);
	task_state s = judge(&d, "2017-01-15");
	ck_assert_double_eq_tol(s.indicators[0].actual, 2400, 1e-12);
	ck_assert_int_eq(s.flag, FLAG_OK);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(forecast_run_rate)
{
	task_detail d = task15();
	report_value(&d, "2016Q2", 1000);
	report_value(&d, "2016Q3", 1500);
	report_value(&d, "2016Q4", 2000);
	task_state s = judge(&d, "2017-01-20");
	const indicator_state *i = &s.indicators[0];
	ck_assert(i->has_forecast);
	/* 500 per 92 days; from 2016-12-31 to the due date is 365 days; whole 家 */
	ck_assert_double_eq_tol(i->forecast_value, floor(2000 + 500.0 / 92 * 365), 1e-6);
	/* 3000 more at 500 per 92 days: 552 days after 2016-12-31 */
	ck_assert_int_eq(i->forecast_met_day, day("2016-12-31") + 552);
	flag_task_state_free(&s);

	/* the run rate is carried on from the latest report, not from the fitted
	 * line: 1000, 1600, 2000 has the same rate but ends at 2000 */
	d.reports[1].values[0] = 1600;
	s = judge(&d, "2017-01-20");
	ck_assert_double_eq_tol(s.indicators[0].forecast_value, floor(2000 + 500.0 / 92 * 365), 1e-6);
	flag_task_state_free(&s);

	/* flat: never met */
	d.reports[1].values[0] = 1000;
	d.reports[2].values[0] = 1000;
	s = judge(&d, "2017-01-20");
	ck_assert(s.indicators[0].has_forecast);
	ck_assert_int_eq(s.indicators[0].forecast_met_day, 0);
	flag_task_state_free(&s);
	model_detail_free(&d);

	/* one quarter is not a rate */
	d = task15();
	report_value(&d, "2016Q4", 2000);
	s = judge(&d, "2017-01-20");
	ck_assert(!s.indicators[0].has_forecast);
	flag_task_state_free(&s);
	model_detail_free(&d);

	/* before a quarter of the time has passed (2016-02-06 + 173.5 days) */
	d = task15();
	report_value(&d, "2016Q1", 100);
	report_value(&d, "2016Q2", 600);
	s = judge(&d, "2016-07-20");
	ck_assert(!s.indicators[0].has_forecast);
	flag_task_state_free(&s);
	s = judge(&d, "2016-07-29");
	ck_assert(s.indicators[0].has_forecast);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(baseline_counts_growth)
{
	task_detail d = task15();
	d.indicators[0].baseline = 4000;
	report_value(&d, "2016Q4", 4100);
	/* at 2016Q4: 4000 + 1000 × 329/694 = 4474; growth 100 of 474 is lagging */
	task_state s = judge(&d, "2017-01-15");
	ck_assert_double_eq_tol(s.indicators[0].expected, floor(4000 + 1000.0 * 329 / 694), 1e-6);
	ck_assert_int_eq(s.flag, FLAG_LAGGING);
	flag_task_state_free(&s);
	/* measured on another day, the line runs from that day */
	d.indicators[0].baseline_date = day("2015-12-31");
	s = judge(&d, "2017-01-15");
	ck_assert_double_eq_tol(s.indicators[0].expected, floor(4000 + 1000.0 * 366 / 731), 1e-6);
	flag_task_state_free(&s);
	/* 基数未设: no 序时 from 0, judged by the target and the dates */
	d.indicators[0].has_baseline = false;
	d.indicators[0].baseline = 0;
	d.indicators[0].baseline_date = 0;
	s = judge(&d, "2017-01-15");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert(s.indicators[0].facts.no_baseline);
	ck_assert_str_eq(s.indicators[0].reason, "基数未设，不计序时；目标 > 5000 家，实际 4100 家（2016Q4） → 正常");
	flag_task_state_free(&s);
	expect_flag(&d, "2017-12-10", FLAG_UNREPORTED);        /* 2017Q3 missing */
	report_value(&d, "2017Q3", 4900);
	expect_flag(&d, "2017-12-10", FLAG_DUE_SOON);
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	d.reports[0].values[0] = 5100;
	d.nreports = 1;
	model_report_free(&d.reports[1]);
	expect_flag(&d, "2017-01-15", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(task_is_worst_of_indicators)
{
	task_detail d = task15();
	indicator_rec *b = add_indicator(&d, "中小企业科技成果转化", CMP_GE, 200, "项", false);
	report_rec *r = add_report(&d, "2016Q4", "in-progress");
	set_value(r, &d.indicators[0], 2400);
	set_value(r, b, 80);                                 /* 80 of 99 expected: behind */
	task_state s = judge(&d, "2017-01-15");
	ck_assert_int_eq(s.indicators[0].flag, FLAG_OK);
	ck_assert_int_eq(s.indicators[1].flag, FLAG_BEHIND);
	ck_assert_int_eq(s.flag, FLAG_BEHIND);
	ck_assert_msg(strncmp(s.reason, "中小企业科技成果转化：", strlen("中小企业科技成果转化：")) == 0, "%s",
	              s.reason);
	flag_task_state_free(&s);
	/* an indicator left out of the reports is unreported, worse than behind */
	r->nvalues = 1;
	expect_flag(&d, "2017-01-16", FLAG_UNREPORTED);
	/* an inspector's acceptance closes the task */
	free(d.task.status);
	d.task.status = dup("accepted");
	expect_flag(&d, "2017-01-16", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(tasks_without_indicators)
{
	task_detail d = task_due("2017-12-31", NULL);
	add_report(&d, "2017Q3", "in-progress");
	expect_flag(&d, "2017-10-20", FLAG_OK);
	expect_flag(&d, "2017-12-10", FLAG_DUE_SOON);
	expect_flag(&d, "2018-01-01", FLAG_OK);                 /* waits for 2017Q4's report */
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	task_state s = judge(&d, "2017-12-10");
	ck_assert_str_eq(s.reason, "序时 2017-12-31 前完成，实际 进行中（2017Q3）；距截止 21 天 → 临期");
	flag_task_state_free(&s);
	add_report(&d, "2017Q4", "completed");
	expect_flag(&d, "2018-01-01", FLAG_DONE);
	model_detail_free(&d);

	d = task_due("2017-12-31", NULL);
	expect_flag(&d, "2016-10-20", FLAG_UNREPORTED);
	free(d.task.status);
	d.task.status = dup("completed");
	expect_flag(&d, "2016-10-20", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(yearly_task_without_indicators)
{
	task_detail d = task_due("2016-12-31", "2017-12-31", NULL);
	add_report(&d, "2016Q3", "completed");
	add_report(&d, "2017Q3", "in-progress");
	expect_flag(&d, "2016-10-20", FLAG_OK);              /* 2016 done, 2017 ahead */
	expect_flag(&d, "2017-10-20", FLAG_OK);
	expect_flag(&d, "2017-12-10", FLAG_DUE_SOON);
	d.reports[0].status = model_report_status("in-progress");         /* 2016 never completed */
	task_state s = judge(&d, "2017-10-20");
	ck_assert_int_eq(s.flag, FLAG_OVERDUE);
	ck_assert_int_eq(s.due, day("2016-12-31"));
	ck_assert_msg(strstr(s.reason, "2016-12-31"), "%s", s.reason);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(gap_adds_up_as_shown)
{
	/* expected 43.35… is shown as 43.4; the gap follows the shown numbers: 43.4 − 30.25 → 13.2 */
	task_detail d = task_due("2017-12-31", NULL);
	add_indicator(&d, "贷款规模", CMP_GE, 50, "亿元", false);
	report_value(&d, "2017Q3", 30.25);
	task_state s = judge(&d, "2017-12-10");
	ck_assert_double_eq_tol(wording_shown_gap(&s.indicators[0]), 13.2, 1e-9);
	ck_assert_msg(strstr(s.reason, "2017Q3 末序时 43.4 亿元（86.7%），实际 30.25 亿元，差 13.2 亿元；距截止 21 天"), "%s",
	              s.reason);
	flag_task_state_free(&s);
	model_detail_free(&d);
	char buf[64];
	wording_quantity(49.96, "亿元", WORDING_COMPUTED, buf, sizeof buf);
	ck_assert_str_eq(buf, "50 亿元");
	wording_quantity(2478.4, "家", WORDING_COMPUTED, buf, sizeof buf);
	ck_assert_str_eq(buf, "2478 家");
	wording_quantity(-0.01, "", WORDING_COMPUTED, buf, sizeof buf);
	ck_assert_str_eq(buf, "0");
	/* What someone typed is shown as typed. */
	wording_quantity(2.35, "%", WORDING_ENTERED, buf, sizeof buf);
	ck_assert_str_eq(buf, "2.35 %");
	wording_quantity(-0.001, "", WORDING_ENTERED, buf, sizeof buf);
	ck_assert_str_eq(buf, "0");
}
END_TEST

START_TEST(english_reasons)
{
	task_detail d = task15();
	report_value(&d, "2016Q4", 1000);
	plan_rec p = plan_2016();
	task_state s;
	flag_evaluate_task(&d, &p, day("2017-01-15"), &rules, true, &s);
	ck_assert_str_eq(s.indicators[0].reason,
	                 "expected at the end of 2016Q4 2370 家 (47.4%), actual 1000 家, short by 1370 家 → lagging");
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(thresholds_from_rules)
{
	task_detail d = task15();
	report_value(&d, "2016Q4", 2000);                    /* 80.7% of expected */
	config_flags loose = rules;
	loose.behind = 0.80;
	loose.lagging = 0.50;
	plan_rec p = plan_2016();
	task_state s;
	flag_evaluate_task(&d, &p, day("2017-01-15"), &loose, false, &s);
	ck_assert_int_eq(s.flag, FLAG_OK);
	flag_task_state_free(&s);
	loose.behind = 0.95;
	loose.lagging = 0.85;
	flag_evaluate_task(&d, &p, day("2017-01-15"), &loose, false, &s);
	ck_assert_int_eq(s.flag, FLAG_LAGGING);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(reason_never_cuts_a_character)
{
	task_detail d = task15();
	free(d.indicators[0].name);
	char name[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "长");                               /* 300 bytes */
	d.indicators[0].approval = (free(d.indicators[0].approval), dup(name));   /* said when overdue */
	report_value(&d, "2017Q4", 1000);
	d.indicators[0].name = dup(name);
	task_state s = judge(&d, "2018-03-01");
	size_t len = strlen(s.reason), bad = 0;
	ck_assert_uint_lt(len, FLAG_REASON_SIZE);
	ck_assert_uint_gt(len, FLAG_REASON_SIZE - 8);         /* cut, not emptied */
	ck_assert_msg(text_utf8_valid(s.reason, len, &bad), "cut inside a character at byte %zu", bad);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST


/* Task 6's 年度技术交易合同额 ≥ 200 亿元: the figure of 2017 alone. */
static task_detail task6_annual(void)
{
	task_detail d = task_due("2017-12-31", NULL);
	indicator_rec *i = add_indicator(&d, "年度技术交易合同额", CMP_GE, 200, "亿元", false);
	i->mode = MODE_ANNUAL;
	i->has_baseline = false;
	return d;
}

START_TEST(annual_mode)
{
	task_detail d = task6_annual();
	report_value(&d, "2016Q4", 210);
	/* a figure for a year without a target: shown, never judged */
	task_state s = judge(&d, "2016-12-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_int_eq(s.indicators[0].facts.story, FLAG_STORY_NOT_YET);
	flag_task_state_free(&s);
	/* January 2017: 2016's 210 does not meet 2017's target */
	s = judge(&d, "2017-01-10");
	ck_assert_int_ne(s.flag, FLAG_DONE);
	ck_assert(!s.indicators[0].has_actual);
	ck_assert_msg(strstr(s.indicators[0].reason, "尚无 2017 年度填报"), "%s", s.indicators[0].reason);
	flag_task_state_free(&s);
	/* 2017Q1 year to date 45 against 2017Q1's 序时 200 × 89/364 = 48.9: ok, not lagging */
	report_value(&d, "2017Q1", 45);
	s = judge(&d, "2017-04-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_double_eq_tol(s.indicators[0].expected, 200.0 * 89 / 364, 1e-6);
	ck_assert_msg(strstr(s.reason, "2017Q1 末序时 48.9 亿元"), "%s", s.reason);
	flag_task_state_free(&s);
	/* the due day, the day after, a report exceeding the target */
	report_value(&d, "2017Q4", 190);
	expect_flag(&d, "2017-12-31", FLAG_DUE_SOON);
	expect_flag(&d, "2018-01-01", FLAG_OVERDUE);            /* the due date's report says not done */
	d.reports[d.nreports - 1].values[0] = 230;
	expect_flag(&d, "2018-01-01", FLAG_DONE);
	model_detail_free(&d);
}
END_TEST

START_TEST(per_year_leap_year_and_boundary)
{
	/* 2016 is a leap year: 2016-02-06 … 2016-12-31 is 329 days */
	task_detail d = task16();
	report_value(&d, "2016Q1", 30);
	task_state s = judge(&d, "2016-04-20");
	ck_assert_double_eq_tol(s.indicators[0].expected_share, 54.0 / 329, 1e-9);
	ck_assert_int_eq(s.indicators[0].expected_day, day("2016-03-31"));
	flag_task_state_free(&s);
	/* across the year boundary, 2016's count is not 2017's */
	report_value(&d, "2016Q4", 205);
	s = judge(&d, "2017-01-20");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert(!s.indicators[0].has_actual);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(overdue_waits_for_the_due_dates_report)
{
	/* task 13: 490 of 500 reported for 2017Q3 */
	task_detail d = task_due("2017-12-31", NULL);
	add_indicator(&d, "新型科技平台", CMP_GE, 500, "个", false);
	report_value(&d, "2017Q3", 490);
	task_state s = judge(&d, "2018-01-05");
	ck_assert_int_eq(s.flag, FLAG_OK);
	ck_assert_msg(strstr(s.reason, "已过完成时限 2017-12-31，待 2017Q4 填报（2018-01-15 前）确认"), "%s", s.reason);
	flag_task_state_free(&s);
	expect_flag(&d, "2018-01-15", FLAG_OK);
	expect_flag(&d, "2018-01-16", FLAG_OVERDUE);
	model_detail_free(&d);
	/* a milestone awaiting an approval says so when overdue */
	d = task_due("2016-12-31", NULL);
	indicator_rec *m = add_milestone(&d, "示范区创建", false);
	free(m->approval);
	m->approval = dup("须经国务院批复");
	report_value(&d, "2016Q4", 0);
	s = judge(&d, "2017-01-05");
	ck_assert_int_eq(s.flag, FLAG_OVERDUE);
	ck_assert_msg(strstr(s.reason, "该项须经国务院批复"), "%s", s.reason);
	flag_task_state_free(&s);
	model_detail_free(&d);
}
END_TEST

START_TEST(flag_sets)
{
	flag_set set;
	char why[200];
	ck_assert(flag_parse_set("behind+", &set, why, sizeof why));
	ck_assert(flag_set_has(set, FLAG_BEHIND) && flag_set_has(set, FLAG_OVERDUE) && flag_set_has(set, FLAG_UNREPORTED));
	ck_assert(!flag_set_has(set, FLAG_DUE_SOON) && !flag_set_has(set, FLAG_OK));
	ck_assert(flag_parse_set("滞后", &set, why, sizeof why) && set == FLAG_SET_OF(FLAG_BEHIND));
	ck_assert(flag_parse_set("预警", &set, why, sizeof why));
	for (int f = 0; f < FLAG_COUNT; f++)
		ck_assert(flag_set_has(set, (flag_value)f) == flag_is_warning((flag_value)f));
	ck_assert(!flag_set_has(set, FLAG_OK) && !flag_set_has(set, FLAG_DONE));
	ck_assert(flag_parse_set("ok,已完成", &set, why, sizeof why) && set == (FLAG_SET_OF(FLAG_OK) | FLAG_SET_OF(FLAG_DONE)));
	ck_assert(flag_parse_set("逾期、临期", &set, why, sizeof why));
	ck_assert(!flag_parse_set("late", &set, why, sizeof why));
	ck_assert(strstr(why, "late"));
	ck_assert(!flag_parse_set("", &set, why, sizeof why));
}
END_TEST

static Suite *flag_suite(void)
{
	Suite *s = suite_create("flag");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, names_and_order);
	tcase_add_test(tc, issue_expected_progress);
	tcase_add_test(tc, issue_task15_cases);
	tcase_add_test(tc, due_day_and_day_after);
	tcase_add_test(tc, due_soon_window);
	tcase_add_test(tc, before_plan_starts);
	tcase_add_test(tc, leap_year_2016);
	tcase_add_test(tc, zero_and_missing_target);
	tcase_add_test(tc, report_exceeds_target);
	tcase_add_test(tc, per_year_second_year);
	tcase_add_test(tc, annual_mode);
	tcase_add_test(tc, per_year_leap_year_and_boundary);
	tcase_add_test(tc, overdue_waits_for_the_due_dates_report);
	tcase_add_test(tc, flag_sets);
	tcase_add_test(tc, per_year_first_year);
	tcase_add_test(tc, per_year_with_one_due_date);
	tcase_add_test(tc, range_lower_bound);
	tcase_add_test(tc, approx_tolerance);
	tcase_add_test(tc, milestones);
	tcase_add_test(tc, per_year_milestone);
	tcase_add_test(tc, unreported_grace);
	tcase_add_test(tc, reports_after_as_of_are_unknown);
	tcase_add_test(tc, forecast_run_rate);
	tcase_add_test(tc, baseline_counts_growth);
	tcase_add_test(tc, task_is_worst_of_indicators);
	tcase_add_test(tc, tasks_without_indicators);
	tcase_add_test(tc, yearly_task_without_indicators);
	tcase_add_test(tc, gap_adds_up_as_shown);
	tcase_add_test(tc, english_reasons);
	tcase_add_test(tc, thresholds_from_rules);
	tcase_add_test(tc, reason_never_cuts_a_character);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(flag_suite)
