/* The flag rules (滞后/预警). Pure: no SQL, no curses.
 *
 * Definitions the rest of the program relies on:
 *  - Reports count from the quarter they describe; a quarter that starts
 *    after the as-of date is not known yet and is ignored (so --as-of can
 *    look back in time).
 *  - A figure is judged at the end of the quarter it reports (the as-of
 *    date for an interim figure of the current quarter): a September figure
 *    is compared with September's 序时, never with December's.
 *  - Expected progress (序时进度) runs linearly from the baseline on the
 *    plan's first day (or the day the baseline was measured) to the target
 *    on the due date; on the due date itself the whole target is expected.
 *    Progress is measured from the baseline, so "below 90% of expected"
 *    means below 90% of the expected growth. Counted things (个, 家, 名 …)
 *    are expected in whole numbers, rounded down.
 *  - A cumulative indicator whose baseline is not set (基数未设) has no 序时:
 *    it is judged by its target, its due date and its reports only.
 *  - Before the plan starts nothing is expected: every indicator is ok.
 *  - On the due date an indicator is at most due-soon. After it, a target
 *    not met is overdue once the report of the due date's quarter (or a
 *    later one) is in, or that report's due date has passed; in between the
 *    verdict stands and the reason names the report it waits for. A report
 *    that exceeds the target is done.
 *  - A per-year target applies afresh in every year named by the task's due
 *    dates; the value reported in year Y is that year's count, phased from
 *    max(plan start, 1 January Y) to the due date in Y. A past year whose
 *    target was missed makes the indicator overdue.
 *  - An annual target is the figure of the due date's calendar year alone,
 *    phased like one year of a per-year target; before that year there is
 *    no target, and earlier years' figures are shown, never judged.
 *  - Inside the due-soon window an indicator at or above its expected
 *    progress stays ok (it is on course, and ok means "at or above
 *    expected"); whatever is near its due date without that evidence is
 *    due-soon: milestones, tasks judged by status, indicators a little below
 *    expected (within the behind threshold) or not yet reported.
 *  - A quarter's report is due report_grace_days after the quarter ends;
 *    from the day after that it is unreported, for quarters that end after
 *    the plan started. Once past the due date, the quarter holding the due
 *    date is the last one asked for.
 *  - A zero target (or one at the baseline) asks for nothing more: done. A
 *    missing target (negative or not a number) cannot be measured: such an
 *    indicator is judged by its dates and reports only. */
#include "ducha/flag.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"
#include "flag_internal.h"

static const struct {
	const char *name, *zh, *en, *glyph, *shown_zh, *shown_en;
} flag_table[FLAG_COUNT] = {
#define FLAG_ROW(id, name, zh, en, glyph) [FLAG_##id] = { name, zh, en, glyph, glyph " " zh, glyph " " en },
	DUCHA_FLAGS(FLAG_ROW)
#undef FLAG_ROW
};

void flag_names_list(const char *sep, char *out, size_t len)
{
	size_t n = 0;
	out[0] = '\0';
	for (int f = 0; f < FLAG_COUNT && n < len; f++)
		n += (size_t)snprintf(out + n, len - n, "%s%s", f ? sep : "", flag_table[f].name);
}

static bool known(flag_value f)
{
	return (int)f >= 0 && (int)f < FLAG_COUNT;
}

const char *flag_name(flag_value f)
{
	return known(f) ? flag_table[f].name : "?";
}

const char *flag_label(flag_value f, bool english)
{
	if (!known(f))
		return "?";
	return english ? flag_table[f].en : flag_table[f].zh;
}

const char *flag_glyph(flag_value f)
{
	return known(f) ? flag_table[f].glyph : "?";
}

const char *flag_shown(flag_value f, bool english)
{
	if (!known(f))
		return "?";
	return english ? flag_table[f].shown_en : flag_table[f].shown_zh;
}

bool flag_parse(const char *name, flag_value *out)
{
	for (int f = 0; f < FLAG_COUNT; f++)
		if (name && strcmp(name, flag_table[f].name) == 0) {
			*out = (flag_value)f;
			return true;
		}
	return false;
}

bool flag_is_warning(flag_value f)
{
	return known(f) && f != FLAG_DONE && f != FLAG_OK;
}

bool flag_set_has(flag_set s, flag_value f)
{
	return s == 0 || (known(f) && (s & FLAG_SET_OF(f)));
}

/* One flag by its machine name, Chinese or English label. */
static bool flag_parse_any(const char *name, flag_value *out)
{
	for (int f = 0; f < FLAG_COUNT; f++)
		if (strcmp(name, flag_table[f].name) == 0 || strcmp(name, flag_table[f].zh) == 0 ||
		    strcmp(name, flag_table[f].en) == 0) {
			*out = (flag_value)f;
			return true;
		}
	return false;
}

static bool parse_set_part(const char *part, flag_set *out)
{
	size_t n = strlen(part), plus = 0;
	if (n > 1 && part[n - 1] == '+')
		plus = 1;
	else if (n > 3 && strcmp(part + n - 3, "＋") == 0)
		plus = 3;
	bool and_worse = plus > 0;
	char name[64];
	snprintf(name, sizeof name, "%.*s", (int)(n - plus), part);
	if (strcmp(name, "预警") == 0 || strcmp(name, "warning") == 0) {
		for (int f = 0; f < FLAG_COUNT; f++)
			if (flag_is_warning((flag_value)f))
				*out |= FLAG_SET_OF(f);
		return true;
	}
	flag_value f;
	if (!flag_parse_any(name, &f))
		return false;
	/* "Worse" is the order of severity, so 滞后+ takes in 未报送, 严重滞后, 逾期. */
	for (int g = (int)f; g < (and_worse ? FLAG_COUNT : (int)f + 1); g++)
		*out |= FLAG_SET_OF(g);
	return true;
}

bool flag_parse_set(const char *typed, flag_set *out, char *why, size_t len)
{
	*out = 0;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", typed ? typed : "");
	for (char *p = buf; *p;) {
		char *end = p + strcspn(p, ",");
		char *dun = strstr(p, "、");
		if (dun && dun < end)
			end = dun;
		char keep = *end;
		*end = '\0';
		if (!*p || !parse_set_part(p, out)) {
			snprintf(why, len, "“%s”不是预警状态", p);
			return false;
		}
		p = keep ? end + (keep == ',' ? 1 : strlen("、")) : end;
	}
	if (*out == 0) {
		snprintf(why, len, "没有给出预警状态");
		return false;
	}
	return true;
}

static flag_value worse(flag_value a, flag_value b)
{
	return a > b ? a : b;
}

/* ---- reports visible at the as-of date ----
 * Lists and summaries judge from the same whole history as `show` (read
 * from covering indexes, src/store/detail.c); a returned report counts in
 * none of the rules (model_report_counts). */

static bool visible(const flag_ctx *c, int year, int quarter)
{
	return period_first_day(year, quarter) <= c->as_of;
}

/* The indicator's reported values known at the as-of date, oldest first;
 * only those of one year when year > 0. Malloc'd. */
static value_point *known_values(const flag_ctx *c, const indicator_rec *ind, int year, int *n)
{
	int all;
	value_point *pts = model_indicator_series(c->d, ind->id, &all);
	*n = 0;
	for (int i = 0; i < all; i++)
		if (visible(c, pts[i].year, pts[i].quarter) && (year == 0 || pts[i].year == year))
			pts[(*n)++] = pts[i];
	return pts;
}

/* Whether the report of that quarter is there but returned (退回). */
static bool returned_report(const flag_ctx *c, int year, int quarter)
{
	const report_rec *r = model_report_of(c->d, year, quarter);
	return r && !model_report_counts(r);
}

static int quarter_index(int year, int quarter)
{
	return year * 4 + quarter - 1;
}

bool flag_required_quarter(int as_of, int plan_starts, int last_due, const config_flags *rules,
                           int *year, int *quarter, int *deadline)
{
	/* A quarter is asked for when it ended on or before this day. */
	int last_end = as_of - rules->report_grace_days - 1;
	int y, q;
	period_of_date(last_end, &y, &q);
	int idx = quarter_index(y, q) - (period_last_day(y, q) == last_end ? 0 : 1);
	int dy, dq;
	period_of_date(last_due, &dy, &dq);
	if (idx > quarter_index(dy, dq))
		idx = quarter_index(dy, dq);
	*year = idx / 4;
	*quarter = idx % 4 + 1;
	if (period_last_day(*year, *quarter) < plan_starts)
		return false;
	*deadline = period_last_day(*year, *quarter) + rules->report_grace_days;
	return true;
}

static bool required_quarter(const flag_ctx *c, int last_due, int *year, int *quarter, int *deadline)
{
	return flag_required_quarter(c->as_of, c->plan->starts, last_due, c->rules, year, quarter, deadline);
}

static bool covers(const value_point *pts, int n, int year, int quarter)
{
	for (int i = 0; i < n; i++)
		if (quarter_index(pts[i].year, pts[i].quarter) >= quarter_index(year, quarter))
			return true;
	return false;
}

/* ---- targets ---- */

bool flag_target_missing(double t)
{
	return !isfinite(t) || t < 0;
}

double flag_threshold(const indicator_rec *ind, const config_flags *rules, double target)
{
	if (ind->cmp == CMP_APPROX)
		return target * (1 - rules->approx_tolerance);
	return target;
}

bool flag_meets(const indicator_rec *ind, const config_flags *rules, double target, double v)
{
	if (ind->cmp == CMP_GT)
		return v > target;
	return v >= flag_threshold(ind, rules, target) - 1e-9;
}

double flag_elapsed_share(int start, int due, int as_of)
{
	if (as_of <= start)
		return due <= start && as_of >= due ? 1 : 0;
	if (as_of >= due)
		return 1;
	return (double)(as_of - start) / (double)(due - start);
}

/* ---- the window after a due date ---- */

/* Whether a counting report known at as_of is of the due date's quarter or
 * later: the report that answers whether the due date was met. */
static bool due_answered(const flag_ctx *c, int dy, int dq)
{
	for (int i = c->d->nreports - 1; i >= 0; i--) {
		const report_rec *r = &c->d->reports[i];
		if (visible(c, r->year, r->quarter) && model_report_counts(r))
			return quarter_index(r->year, r->quarter) >= quarter_index(dy, dq);
	}
	return false;
}

/* After a due date not met: overdue once the report covering it is in (and
 * so says not done) or its due date has passed; until then the verdict
 * stands and the facts name the report waited for. True when overdue. */
static bool past_due(const flag_ctx *c, int due, flag_facts *f)
{
	int dy, dq;
	period_of_date(due, &dy, &dq);
	int deadline = period_last_day(dy, dq) + c->rules->report_grace_days;
	if (due_answered(c, dy, dq) || c->as_of > deadline) {
		f->overdue = true;
		return true;
	}
	f->waiting = true;
	f->waiting_year = dy;
	f->waiting_quarter = dq;
	f->waiting_deadline = deadline;
	return false;
}

/* ---- per-year phases ---- */

/* The years a per-year target applies in: those of the task's due dates, or
 * every year from the plan's start to the indicator's due date when the task
 * names only one. Returns the count; dues[i] is the due date in years[i]. */
static int target_years(const flag_ctx *c, const indicator_rec *ind, int *years, int *dues, int max)
{
	const task_rec *t = &c->d->task;
	int n = 0;
	if (t->ndues >= 2) {
		for (int i = 0; i < t->ndues && n < max; i++) {
			int y = date_year(t->dues[i]);
			if (n && years[n - 1] == y)
				dues[n - 1] = t->dues[i];
			else {
				years[n] = y;
				dues[n++] = t->dues[i];
			}
		}
		return n;
	}
	int last = date_year(ind->due);
	for (int y = date_year(c->plan->starts); y <= last && n < max; y++) {
		years[n] = y;
		dues[n++] = y == last ? ind->due : date_from_ymd(y, 12, 31);
	}
	return n;
}

/* The phase of a yearly target in one year: from max(plan start, 1 January)
 * to that year's due date; a year's count starts from zero. */
static flag_phase year_phase(const flag_ctx *c, const indicator_rec *ind, int year, int due)
{
	flag_phase p = { date_from_ymd(year, 1, 1), due, year, ind->target, 0, true };
	if (p.start < c->plan->starts)
		p.start = c->plan->starts;
	return p;
}

/* ---- one indicator ---- */

/* The day a figure is judged on: the end of the quarter it reports, or the
 * as-of date for the current quarter's interim figure; as_of without one. */
static int judged_day(const flag_ctx *c, const indicator_state *st)
{
	if (!st->has_actual)
		return c->as_of;
	int end = period_last_day(st->actual_year, st->actual_quarter);
	return end < c->as_of ? end : c->as_of;
}

/* 序时 on one day: linear from the baseline at the phase's start to the
 * target on its due date; counted things are whole, so rounded down. */
static double expected_on(const indicator_rec *ind, const flag_phase *p, int day, double *share)
{
	*share = ind->milestone ? (day >= p->due ? 1 : 0) : flag_elapsed_share(p->start, p->due, day);
	if (ind->milestone)
		return *share;
	double v = p->baseline + (p->target - p->baseline) * *share;
	return validate_whole_unit(ind->unit) ? floor(v + 1e-9) : v;
}

/* Fills actual and expected for a phase from the known points. */
static void measure(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p, const value_point *pts,
                    int n, indicator_state *st)
{
	st->target = p->target;
	st->due = p->due;
	st->has_actual = n > 0;
	if (n) {
		st->actual = pts[n - 1].value;
		st->actual_year = pts[n - 1].year;
		st->actual_quarter = pts[n - 1].quarter;
	}
	/* A deliverable is due by its date, whatever quarter last said "not yet". */
	st->expected_day = ind->milestone ? c->as_of : judged_day(c, st);
	st->at_figure = st->has_actual && !ind->milestone;
	double share = 0;
	double expected = expected_on(ind, p, st->expected_day, &share);
	if (ind->milestone || (!flag_target_missing(p->target) && p->paced))
		st->expected = expected;
	st->expected_share = share;
	st->gap = n && p->paced && !flag_target_missing(p->target) ? st->expected - st->actual : 0;
}

/* Behind / lagging from actual against expected growth; ok when on course or
 * when nothing can be measured yet. *on_course: at or above expected. */
static flag_value pace(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p,
                       const indicator_state *st, bool *on_course)
{
	*on_course = false;
	if (ind->milestone || flag_target_missing(p->target) || !p->paced || !st->has_actual)
		return FLAG_OK;
	double want = st->expected - p->baseline;
	if (want <= 1e-9)
		return FLAG_OK;          /* nothing expected yet: ok, but not shown to be on course */
	double ratio = (st->actual - p->baseline) / want;
	/* On the due date the only way to be on course is to be done. */
	*on_course = ratio >= 1 - 1e-9 && c->as_of < p->due;
	if (ratio < c->rules->lagging)
		return FLAG_LAGGING;
	if (ratio < c->rules->behind)
		return FLAG_BEHIND;
	return FLAG_OK;
}

/* Whether the report asked for by now is missing, told in f. */
static bool missing_report(const flag_ctx *c, const flag_phase *p, const value_point *all, int nall, flag_facts *f)
{
	int ry, rq, deadline;
	f->missing = required_quarter(c, p->due, &ry, &rq, &deadline) && !covers(all, nall, ry, rq);
	if (f->missing) {
		f->missing_year = ry;
		f->missing_quarter = rq;
		f->missing_deadline = deadline;
		f->missing_returned = returned_report(c, ry, rq);
	}
	return f->missing;
}

/* The verdict inside one phase that has not been met: pace, unreported,
 * due-soon and overdue, the worst of them, with every applicable note. */
static void judge_open(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p,
                       const value_point *all, int nall, indicator_state *st)
{
	bool on_course;
	flag_value f = pace(c, ind, p, st, &on_course);
	bool soon = c->as_of <= p->due && p->due - c->as_of <= c->rules->due_soon_days;
	st->facts = (flag_facts){ .story = FLAG_STORY_OPEN, .year = p->year, .baseline = p->baseline,
	                          .show_due = soon, .no_baseline = !p->paced };
	if (missing_report(c, p, all, nall, &st->facts))
		f = worse(f, FLAG_UNREPORTED);
	if (soon && !on_course)
		f = worse(f, FLAG_DUE_SOON);
	if (c->as_of > p->due && past_due(c, p->due, &st->facts)) {
		f = FLAG_OVERDUE;
		st->facts.show_due = true;
	}
	st->flag = f;
}

static void judge_before_start(indicator_state *st)
{
	st->flag = FLAG_OK;
	st->facts = (flag_facts){ .story = FLAG_STORY_BEFORE_START };
	st->expected = 0;
	st->expected_share = 0;
	st->gap = 0;
}

/* A phase: done when met, otherwise judged as open. */
static void judge_phase(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p,
                        const value_point *pts, int n, const value_point *all, int nall,
                        indicator_state *st)
{
	measure(c, ind, p, pts, n, st);
	flag_forecast(c, ind, p, pts, n, st);
	if (c->as_of < c->plan->starts) {
		judge_before_start(st);
		return;
	}
	bool met = !flag_target_missing(p->target) && (n || p->paced) &&
	           flag_meets(ind, c->rules, p->target, n ? st->actual : (ind->milestone ? 0 : p->baseline));
	if (met) {
		st->flag = FLAG_DONE;
		st->facts = (flag_facts){ .story = FLAG_STORY_MET, .year = p->year, .baseline = p->baseline };
		return;
	}
	judge_open(c, ind, p, all, nall, st);
}

/* A cumulative target's one phase: from the plan's start (or the
 * baseline's date) to its due date. */
static flag_phase cumulative_phase(const flag_ctx *c, const indicator_rec *ind)
{
	bool paced = ind->milestone || ind->has_baseline;
	flag_phase p = { c->plan->starts, ind->due, 0, ind->target, ind->milestone ? 0 : ind->baseline, paced };
	if (!ind->milestone && ind->has_baseline && ind->baseline_date)
		p.start = ind->baseline_date;
	return p;
}

static void judge_cumulative(const flag_ctx *c, const indicator_rec *ind, indicator_state *st)
{
	flag_phase p = cumulative_phase(c, ind);
	int n;
	value_point *pts = known_values(c, ind, 0, &n);
	judge_phase(c, ind, &p, pts, n, pts, n, st);
	free(pts);
}

/* The first past year whose target was missed, judged as overdue; false when
 * every past year was met. */
static bool judge_past_years(const flag_ctx *c, const indicator_rec *ind, const int *years,
                             const int *dues, int count, const value_point *all, int nall,
                             indicator_state *st)
{
	for (int i = 0; i < count && dues[i] < c->as_of; i++) {
		flag_phase p = year_phase(c, ind, years[i], dues[i]);
		int n;
		value_point *pts = known_values(c, ind, years[i], &n);
		indicator_state past = { 0 };
		judge_phase(c, ind, &p, pts, n, all, nall, &past);
		free(pts);
		if (past.flag != FLAG_DONE || i == count - 1) {
			*st = past;
			return true;
		}
	}
	return false;
}

static void judge_per_year(const flag_ctx *c, const indicator_rec *ind, indicator_state *st)
{
	int years[MODEL_MAX_DUES], dues[MODEL_MAX_DUES];
	int count = target_years(c, ind, years, dues, MODEL_MAX_DUES);
	if (count == 0 || c->as_of < c->plan->starts) {
		judge_cumulative(c, ind, st);
		return;
	}
	int nall;
	value_point *all = known_values(c, ind, 0, &nall);
	if (!judge_past_years(c, ind, years, dues, count, all, nall, st)) {
		int i = 0;
		while (dues[i] < c->as_of)
			i++;
		flag_phase p = year_phase(c, ind, years[i], dues[i]);
		int n;
		value_point *pts = known_values(c, ind, years[i], &n);
		judge_phase(c, ind, &p, pts, n, all, nall, st);
		free(pts);
		/* Only the last year's target met makes the indicator done. */
		if (st->flag == FLAG_DONE && i < count - 1) {
			st->flag = FLAG_OK;
			st->facts.next_due = dues[i + 1];
		}
	}
	free(all);
}

/* Before the target's year: no target yet; figures of earlier years are
 * shown, never judged; a missing report still counts. */
static void judge_not_yet(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p,
                          const value_point *all, int nall, indicator_state *st)
{
	measure(c, ind, p, all, nall, st);
	st->expected = 0;
	st->expected_share = 0;
	st->gap = 0;
	st->at_figure = false;
	st->facts = (flag_facts){ .story = FLAG_STORY_NOT_YET, .year = p->year };
	st->flag = missing_report(c, p, all, nall, &st->facts) ? FLAG_UNREPORTED : FLAG_OK;
}

/* The figure of one calendar year, the due date's: its year-to-date figures
 * run from 1 January (or the plan's start) to the due date. */
static void judge_annual(const flag_ctx *c, const indicator_rec *ind, indicator_state *st)
{
	int year = date_year(ind->due);
	flag_phase p = year_phase(c, ind, year, ind->due);
	int nall, n;
	value_point *all = known_values(c, ind, 0, &nall);
	value_point *pts = known_values(c, ind, year, &n);
	if (c->as_of >= c->plan->starts && c->as_of < p.start)
		judge_not_yet(c, ind, &p, all, nall, st);
	else
		judge_phase(c, ind, &p, pts, n, all, nall, st);
	free(pts);
	free(all);
}

static void judge_indicator(const flag_ctx *c, const indicator_rec *ind, indicator_state *st)
{
	memset(st, 0, sizeof *st);
	switch (ind->mode) {
	case MODE_PER_YEAR: judge_per_year(c, ind, st); break;
	case MODE_ANNUAL: judge_annual(c, ind, st); break;
	default: judge_cumulative(c, ind, st); break;
	}
	st->facts.tolerance = c->rules->approx_tolerance;
}

/* ---- the trend of an indicator ---- */

/* The phase in force on day, as the judging above builds it; false when
 * no target applies then (before an annual target's year). */
static bool phase_on(const flag_ctx *c, const indicator_rec *ind, int day, flag_phase *p)
{
	if (ind->mode == MODE_CUMULATIVE || ind->milestone) {
		*p = cumulative_phase(c, ind);
		return true;
	}
	if (ind->mode == MODE_ANNUAL) {
		*p = year_phase(c, ind, date_year(ind->due), ind->due);
		return day >= p->start;
	}
	int years[MODEL_MAX_DUES], dues[MODEL_MAX_DUES];
	int count = target_years(c, ind, years, dues, MODEL_MAX_DUES);
	for (int i = 0; i < count; i++)
		if (years[i] == date_year(day)) {
			*p = year_phase(c, ind, years[i], dues[i]);
			return true;
		}
	return false;
}

static void trend_point(const flag_ctx *c, const indicator_rec *ind, const value_point *pts, int n, int year,
                        int quarter, flag_trend_point *tp)
{
	memset(tp, 0, sizeof *tp);
	tp->year = year;
	tp->quarter = quarter;
	for (int i = n - 1; i >= 0 && !tp->has_actual; i--)
		if (pts[i].year == year && pts[i].quarter == quarter) {
			tp->has_actual = true;
			tp->actual = pts[i].value;
		}
	int end = period_last_day(year, quarter);
	flag_phase p;
	if (!phase_on(c, ind, end, &p) || flag_target_missing(p.target))
		return;
	double share;
	if (p.paced) {
		tp->has_expected = true;
		tp->expected = expected_on(ind, &p, end, &share);
	}
	double span = p.target - p.baseline;
	if (tp->has_actual && fabs(span) > 1e-9) {
		double s = (tp->actual - p.baseline) / span;
		tp->has_share = true;
		tp->share = s < 0 ? 0 : s > 1 ? 1 : s;
	}
}

int flag_trend(const task_detail *d, const plan_rec *plan, const indicator_rec *ind, int as_of,
               flag_trend_point *out, int max)
{
	flag_ctx c = { d, plan, as_of, NULL };
	int n;
	if (ind->milestone || max <= 0)
		return 0;
	value_point *pts = model_indicator_series(d, ind->id, &n);
	int year, quarter;
	period_of_date(as_of, &year, &quarter);
	/* Up to the last quarter ended, or the current one once it has a figure. */
	int now = quarter_index(year, quarter), last = now - 1, first = -1;
	for (int i = 0; i < n; i++) {
		int q = quarter_index(pts[i].year, pts[i].quarter);
		if (q == now)
			last = now;
		if (q <= now && (first < 0 || q < first))
			first = q;
	}
	int count = 0;
	if (first >= 0) {
		int from = last - first + 1 > max ? last - max + 1 : first;
		for (int q = from; q <= last; q++)
			trend_point(&c, ind, pts, n, q / 4, q % 4 + 1, &out[count++]);
	}
	free(pts);
	return count;
}

/* ---- tasks judged by status and dates ---- */

static bool task_marked_done(const task_rec *t)
{
	return strcmp(t->status, "completed") == 0 || strcmp(t->status, "accepted") == 0;
}

/* The latest known report, or NULL. */
static const report_rec *latest_known(const flag_ctx *c)
{
	for (int i = c->d->nreports - 1; i >= 0; i--)
		if (visible(c, c->d->reports[i].year, c->d->reports[i].quarter) && model_report_counts(&c->d->reports[i]))
			return &c->d->reports[i];
	return NULL;
}

/* Whether a known report says "completed" for a quarter ending in (after, upto]. */
static bool completed_between(const flag_ctx *c, int after, int upto)
{
	for (int i = 0; i < c->d->nreports; i++) {
		const report_rec *r = &c->d->reports[i];
		int end = period_last_day(r->year, r->quarter);
		if (visible(c, r->year, r->quarter) && model_report_counts(r) && strcmp(r->status, "completed") == 0 &&
		    end > after &&
		    end <= upto)
			return true;
	}
	return false;
}

static int latest_index(const flag_ctx *c)
{
	const report_rec *r = latest_known(c);
	return r ? (int)(r - c->d->reports) : -1;
}

static void set_status_verdict(const flag_ctx *c, task_state *out, int due, flag_value f, bool missing, int ry,
                               int rq, int deadline)
{
	bool soon = c->as_of <= due && due - c->as_of <= c->rules->due_soon_days;
	out->story = TASK_STORY_STATUS;
	out->latest_report = latest_index(c);
	out->facts = (flag_facts){ .story = FLAG_STORY_OPEN, .missing = missing, .missing_year = ry,
	                           .missing_quarter = rq, .missing_deadline = deadline,
	                           .missing_returned = missing && returned_report(c, ry, rq), .show_due = soon };
	if (c->as_of > due && past_due(c, due, &out->facts)) {
		f = FLAG_OVERDUE;
		out->facts.show_due = true;
	}
	out->flag = f;
}

static void set_task_story(task_state *out, flag_value f, task_story story)
{
	out->flag = f;
	out->story = story;
}

/* Whether the latest known report says "completed" for a quarter ending after day. */
static bool latest_completed_after(const flag_ctx *c, int day)
{
	const report_rec *r = latest_known(c);
	return r && strcmp(r->status, "completed") == 0 && period_last_day(r->year, r->quarter) > day;
}

/* The first due date not met yet: past and missed (overdue), or still
 * ahead. Returns its index, or -1 when the last one is met (done). */
static int open_milestone(const flag_ctx *c, const int *dues, int ndues)
{
	for (int k = 0; k < ndues; k++) {
		int after = k ? dues[k - 1] : -1000000;
		if (k == ndues - 1)
			return latest_completed_after(c, after) ? -1 : k;
		if (dues[k] >= c->as_of || !completed_between(c, after, dues[k]))
			return k;
	}
	return -1;
}

/* A task without indicators. Each due date is a milestone: an earlier one
 * is met by a "completed" report for a quarter up to it, the last one by the
 * latest report saying "completed" for a quarter after the one before. */
static void judge_by_status(const flag_ctx *c, task_state *out)
{
	const task_rec *t = &c->d->task;
	if (c->as_of < c->plan->starts) {
		set_task_story(out, FLAG_OK, TASK_STORY_BEFORE_START);
		return;
	}
	if (task_marked_done(t)) {
		set_task_story(out, FLAG_DONE, TASK_STORY_MARKED_DONE);
		return;
	}
	int ndues = t->ndues ? t->ndues : 1;
	const int *dues = t->ndues ? t->dues : &t->due;
	int k = open_milestone(c, dues, ndues);
	if (k < 0) {
		set_task_story(out, FLAG_DONE, TASK_STORY_REPORTED_DONE);
		return;
	}
	out->due = dues[k];
	bool done_now = completed_between(c, k ? dues[k - 1] : -1000000, dues[k]);
	int ry, rq, deadline;
	bool missing = required_quarter(c, dues[ndues - 1], &ry, &rq, &deadline);
	if (missing) {
		const report_rec *r = latest_known(c);
		missing = !r || quarter_index(r->year, r->quarter) < quarter_index(ry, rq);
	}
	flag_value f = FLAG_OK;
	if (!done_now && dues[k] >= c->as_of && dues[k] - c->as_of <= c->rules->due_soon_days)
		f = FLAG_DUE_SOON;
	if (missing)
		f = worse(f, FLAG_UNREPORTED);
	set_status_verdict(c, out, dues[k], f, missing, ry, rq, deadline);
}

/* ---- a task ---- */

void flag_judge_task(const task_detail *d, const plan_rec *plan, int as_of, const config_flags *rules,
                     task_state *out)
{
	flag_ctx c = { d, plan, as_of, rules };
	memset(out, 0, sizeof *out);
	out->nindicators = d->nindicators;
	out->due = d->task.due;
	out->latest_report = -1;
	if (d->nindicators == 0) {
		judge_by_status(&c, out);
		return;
	}
	out->indicators = xcalloc((size_t)d->nindicators, sizeof *out->indicators);
	int worst = 0;
	for (int i = 0; i < d->nindicators; i++) {
		judge_indicator(&c, &d->indicators[i], &out->indicators[i]);
		if (out->indicators[i].flag > out->indicators[worst].flag)
			worst = i;
	}
	/* An inspector's acceptance (销号) closes the task whatever the numbers say. */
	if (strcmp(d->task.status, "accepted") == 0) {
		set_task_story(out, FLAG_DONE, TASK_STORY_ACCEPTED);
		return;
	}
	out->story = TASK_STORY_INDICATORS;
	out->worst = worst;
	out->flag = out->indicators[worst].flag;
	out->due = out->indicators[worst].due;
}

void flag_evaluate_task(const task_detail *d, const plan_rec *plan, int as_of, const config_flags *rules,
                        bool english, task_state *out)
{
	flag_judge_task(d, plan, as_of, rules, out);
	flag_explain_task(d, plan, as_of, english, out);
}

void flag_task_state_free(task_state *s)
{
	free(s->indicators);
	memset(s, 0, sizeof *s);
}
