/* The flag rules (滞后/预警). Pure: no SQL, no curses.
 *
 * Definitions the rest of the program relies on:
 *  - Reports count from the quarter they describe; a quarter that starts
 *    after the as-of date is not known yet and is ignored (so --as-of can
 *    look back in time).
 *  - Expected progress (序时进度) runs linearly from the baseline on the
 *    plan's first day to the target on the due date; on the due date itself
 *    the whole target is expected. Progress is measured from the baseline,
 *    so "below 90% of expected" means below 90% of the expected growth.
 *  - Before the plan starts nothing is expected: every indicator is ok.
 *  - On the due date an indicator is at most due-soon; from the day after,
 *    it is overdue unless its target is met. A report that exceeds the
 *    target is done.
 *  - A per-year target applies afresh in every year named by the task's due
 *    dates; the value reported in year Y is that year's count, phased from
 *    max(plan start, 1 January Y) to the due date in Y. A past year whose
 *    target was missed makes the indicator overdue.
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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/xalloc.h"

static const struct {
	const char *name, *zh, *en, *glyph;
} flag_table[FLAG_COUNT] = {
#define FLAG_ROW(id, name, zh, en, glyph) [FLAG_##id] = { name, zh, en, glyph },
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

bool flag_parse(const char *name, flag_value *out)
{
	for (int f = 0; f < FLAG_COUNT; f++)
		if (name && strcmp(name, flag_table[f].name) == 0) {
			*out = (flag_value)f;
			return true;
		}
	return false;
}

static flag_value worse(flag_value a, flag_value b)
{
	return a > b ? a : b;
}

/* Everything one evaluation needs, passed as one pointer. */
typedef struct ctx {
	const task_detail *d;
	const plan_rec *plan;
	int as_of;
	const config_flags *rules;
	bool en;
} ctx;

/* The window one target is phased over, and the target in force in it. */
typedef struct phase {
	int start, due;
	int year;                    /* per-year: the year; 0 for cumulative */
	double target, baseline;
} phase;

/* ---- small text helpers ---- */

/* Drops a UTF-8 sequence that a cut left incomplete at the end of buf. */
static void trim_partial_utf8(char *buf)
{
	size_t len = strlen(buf), start = len;
	while (start > 0 && ((unsigned char)buf[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return;
	unsigned char lead = (unsigned char)buf[start - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (start - 1) < need)
		buf[start - 1] = '\0';
}

/* Appends to a reason, never past its end nor leaving half a character. */
static void put(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(char *buf, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= FLAG_REASON_SIZE)
		return;
	va_list ap;
	va_start(ap, fmt);
	int wrote = vsnprintf(buf + len, FLAG_REASON_SIZE - len, fmt, ap);
	va_end(ap);
	if (wrote >= 0 && len + (size_t)wrote >= FLAG_REASON_SIZE)
		trim_partial_utf8(buf);
}

/* Decimals a quantity is shown with: none from 100 up, one below. */
static int decimals_for(double v)
{
	return fabs(v) >= 100 ? 0 : 1;
}

static double round_to(double v, int decimals)
{
	return decimals ? round(v * 10) / 10 : round(v);
}

void flag_format_quantity(double v, const char *unit, char *buf, size_t len)
{
	double shown = round_to(v, decimals_for(v));
	if (shown == 0)
		shown = 0;               /* no "-0" */
	if (shown == floor(shown))
		snprintf(buf, len, "%.0f%s%s", shown, *unit ? " " : "", unit);
	else
		snprintf(buf, len, "%.1f%s%s", shown, *unit ? " " : "", unit);
}

/* ---- reports visible at the as-of date ---- */

static bool visible(const ctx *c, int year, int quarter)
{
	return period_first_day(year, quarter) <= c->as_of;
}

/* The indicator's reported values known at the as-of date, oldest first;
 * only those of one year when year > 0. Malloc'd. */
static value_point *known_values(const ctx *c, const indicator_rec *ind, int year, int *n)
{
	int all;
	value_point *pts = model_indicator_series(c->d, ind->id, &all);
	*n = 0;
	for (int i = 0; i < all; i++)
		if (visible(c, pts[i].year, pts[i].quarter) && (year == 0 || pts[i].year == year))
			pts[(*n)++] = pts[i];
	return pts;
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

static bool required_quarter(const ctx *c, int last_due, int *year, int *quarter, int *deadline)
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

/* "；2017Q3 未报送（应于 2017-10-15 前报送）" when the report is missing. */
static void note_unreported(const ctx *c, int year, int quarter, int deadline, char *reason)
{
	char period[PERIOD_TEXT_SIZE], date[DATE_TEXT_SIZE];
	period_format(year, quarter, period);
	date_format(deadline, date);
	if (c->en)
		put(reason, "; %s not reported (due by %s)", period, date);
	else
		put(reason, "；%s 未报送（应于 %s 前报送）", period, date);
}

/* ---- targets ---- */

static bool target_missing(double t)
{
	return !isfinite(t) || t < 0;
}

/* The lowest value that meets the target. */
static double threshold(const indicator_rec *ind, const config_flags *rules, double target)
{
	if (ind->cmp == CMP_APPROX)
		return target * (1 - rules->approx_tolerance);
	return target;
}

static bool meets(const indicator_rec *ind, const config_flags *rules, double target, double v)
{
	if (ind->cmp == CMP_GT)
		return v > target;
	return v >= threshold(ind, rules, target) - 1e-9;
}

/* Elapsed share of a window at the as-of date, 0..1; the due date counts in full. */
static double elapsed_share(int start, int due, int as_of)
{
	if (as_of <= start)
		return due <= start && as_of >= due ? 1 : 0;
	if (as_of >= due)
		return 1;
	return (double)(as_of - start) / (double)(due - start);
}

/* ---- per-year phases ---- */

/* The years a per-year target applies in: those of the task's due dates, or
 * every year from the plan's start to the indicator's due date when the task
 * names only one. Returns the count; dues[i] is the due date in years[i]. */
static int target_years(const ctx *c, const indicator_rec *ind, int *years, int *dues, int max)
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

/* The phase of a per-year target in one year: from max(plan start, 1 January)
 * to that year's due date; a year's count starts from zero. */
static phase year_phase(const ctx *c, const indicator_rec *ind, int year, int due)
{
	phase p = { date_from_ymd(year, 1, 1), due, year, ind->target, 0 };
	if (p.start < c->plan->starts)
		p.start = c->plan->starts;
	return p;
}

double flag_shown_gap(const indicator_state *st)
{
	int dec = decimals_for(st->expected);
	return round_to(round_to(st->expected, dec) - st->actual, dec);
}

/* ---- reasons ---- */

static void expected_text(const ctx *c, const indicator_rec *ind, const phase *p,
                          const indicator_state *st, char *reason)
{
	char due[DATE_TEXT_SIZE], e[64];
	date_format(p->due, due);
	if (ind->milestone) {
		if (c->en)
			put(reason, "expected: done by %s", due);
		else
			put(reason, "序时 %s 前完成", due);
		return;
	}
	if (target_missing(p->target)) {
		put(reason, c->en ? "expected: no target set" : "序时 无（未设目标值）");
		return;
	}
	flag_format_quantity(st->expected, ind->unit, e, sizeof e);
	if (p->year && c->en)
		put(reason, "%d: ", p->year);
	else if (p->year)
		put(reason, "%d 年度", p->year);
	put(reason, c->en ? "expected %s (%.1f%%)" : "序时 %s（%.1f%%）", e, st->expected_share * 100);
}

static void actual_text(const ctx *c, const indicator_rec *ind, const indicator_state *st,
                        bool stale, char *reason)
{
	char a[64], period[PERIOD_TEXT_SIZE];
	if (!st->has_actual) {
		put(reason, c->en ? ", actual: none reported" : "，实际 尚无填报");
		return;
	}
	if (ind->milestone)
		snprintf(a, sizeof a, "%s", st->actual >= 1 ? (c->en ? "done" : "已完成")
		                                            : (c->en ? "not done" : "未完成"));
	else
		flag_format_quantity(st->actual, ind->unit, a, sizeof a);
	put(reason, c->en ? ", actual %s" : "，实际 %s", a);
	if (stale) {
		period_format(st->actual_year, st->actual_quarter, period);
		put(reason, c->en ? " (%s)" : "（%s）", period);
	}
}

static void gap_text(const ctx *c, const indicator_rec *ind, const indicator_state *st, char *reason)
{
	char g[64];
	if (!st->has_actual || ind->milestone || target_missing(st->target))
		return;
	double gap = flag_shown_gap(st);
	flag_format_quantity(fabs(gap), ind->unit, g, sizeof g);
	if (strcmp(g, "0") == 0 || strncmp(g, "0 ", 2) == 0)
		return;
	if (gap > 0)
		put(reason, c->en ? ", short by %s" : "，差 %s", g);
	else
		put(reason, c->en ? ", ahead by %s" : "，超 %s", g);
}

static void due_text(const ctx *c, int due, char *reason)
{
	char date[DATE_TEXT_SIZE];
	date_format(due, date);
	if (c->as_of > due)
		put(reason, c->en ? "; past the due date %s" : "；已过截止日 %s", date);
	else if (c->as_of == due)
		put(reason, c->en ? "; due today" : "；今天截止");
	else
		put(reason, c->en ? "; due in %d days" : "；距截止 %d 天", due - c->as_of);
}

static void verdict_text(const ctx *c, flag_value f, char *reason)
{
	put(reason, " → %s", flag_label(f, c->en));
}

/* ---- forecast ---- */

/* Least squares over the reported points; projects the value at the due date
 * and the day the target would be met. */
static void forecast(const ctx *c, const indicator_rec *ind, const phase *p,
                     const value_point *pts, int n, indicator_state *st)
{
	if (ind->milestone || target_missing(p->target) || n < 2)
		return;
	if (elapsed_share(p->start, p->due, c->as_of) < 0.25)
		return;
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (int i = 0; i < n; i++) {
		sx += pts[i].day;
		sy += pts[i].value;
	}
	double mx = sx / n, my = sy / n;
	for (int i = 0; i < n; i++) {
		sxx += (pts[i].day - mx) * (pts[i].day - mx);
		sxy += (pts[i].day - mx) * (pts[i].value - my);
	}
	if (sxx <= 0)
		return;                  /* all points on one day: no rate */
	/* The run rate carried on from the latest report, so the projection
	 * starts where the agency says it is now. */
	double slope = sxy / sxx;
	const value_point *last = &pts[n - 1];
	st->has_forecast = true;
	st->forecast_value = last->value + slope * (p->due - last->day);
	st->forecast_met_day = 0;
	for (int i = 0; i < n; i++)
		if (meets(ind, c->rules, p->target, pts[i].value)) {
			st->forecast_met_day = pts[i].day;
			return;
		}
	if (slope <= 0)
		return;
	double day = last->day + (threshold(ind, c->rules, p->target) - last->value) / slope;
	/* A date a century out is "never" for a plan that lasts a few years. */
	if (day > p->due + 36525.0)
		return;
	/* Whole days; the tolerance keeps an exact day from rounding up. */
	st->forecast_met_day = (int)ceil(day - 1e-6);
}

/* ---- one indicator ---- */

/* Fills actual and expected for a phase from the known points. */
static void measure(const ctx *c, const indicator_rec *ind, const phase *p, const value_point *pts,
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
	double share = elapsed_share(p->start, p->due, c->as_of);
	if (ind->milestone) {
		share = c->as_of >= p->due ? 1 : 0;
		st->expected = share;
	} else if (!target_missing(p->target)) {
		st->expected = p->baseline + (p->target - p->baseline) * share;
	}
	st->expected_share = share;
	st->gap = n && !target_missing(p->target) ? st->expected - st->actual : 0;
}

/* Behind / lagging from actual against expected growth; ok when on course or
 * when nothing can be measured yet. *on_course: at or above expected. */
static flag_value pace(const ctx *c, const indicator_rec *ind, const phase *p,
                       const indicator_state *st, bool *on_course)
{
	*on_course = false;
	if (ind->milestone || target_missing(p->target) || !st->has_actual)
		return FLAG_OK;
	double want = st->expected - p->baseline;
	if (want <= 1e-9) {
		*on_course = true;       /* nothing expected yet */
		return FLAG_OK;
	}
	double ratio = (st->actual - p->baseline) / want;
	/* On the due date the only way to be on course is to be done. */
	*on_course = ratio >= 1 - 1e-9 && c->as_of < p->due;
	if (ratio < c->rules->lagging)
		return FLAG_LAGGING;
	if (ratio < c->rules->behind)
		return FLAG_BEHIND;
	return FLAG_OK;
}

/* "目标 ≥ 200 家" / "目标 3–5 家" */
static void target_text(const indicator_rec *ind, double target, char *buf, size_t len)
{
	char t[64], hi[64];
	flag_format_quantity(target, ind->unit, t, sizeof t);
	if (ind->cmp == CMP_RANGE) {
		flag_format_quantity(ind->target_hi, ind->unit, hi, sizeof hi);
		char lo[64];
		flag_format_quantity(target, "", lo, sizeof lo);
		snprintf(buf, len, "%s–%s", lo, hi);
	} else {
		snprintf(buf, len, "%s %s", model_comparator_symbol(ind->cmp), t);
	}
}

static void reason_done(const ctx *c, const indicator_rec *ind, const phase *p,
                        indicator_state *st)
{
	char t[140], a[64];
	st->reason[0] = '\0';
	if (p->year)
		put(st->reason, c->en ? "%d: " : "%d 年度", p->year);
	if (ind->milestone) {
		put(st->reason, c->en ? "milestone reached" : "里程碑已完成");
	} else {
		target_text(ind, p->target, t, sizeof t);
		flag_format_quantity(st->has_actual ? st->actual : p->baseline, ind->unit, a, sizeof a);
		put(st->reason, c->en ? "target %s, actual %s" : "目标 %s，实际 %s", t, a);
	}
	verdict_text(c, FLAG_DONE, st->reason);
}

/* The verdict inside one phase that has not been met: pace, unreported,
 * due-soon and overdue, the worst of them, with every applicable note. */
static void judge_open(const ctx *c, const indicator_rec *ind, const phase *p,
                       const value_point *all, int nall, indicator_state *st)
{
	bool on_course;
	flag_value f = pace(c, ind, p, st, &on_course);
	int ry, rq, deadline;
	bool missing = required_quarter(c, p->due, &ry, &rq, &deadline) && !covers(all, nall, ry, rq);
	bool soon = c->as_of <= p->due && p->due - c->as_of <= c->rules->due_soon_days;
	if (missing)
		f = worse(f, FLAG_UNREPORTED);
	if (soon && !on_course)
		f = worse(f, FLAG_DUE_SOON);
	if (c->as_of > p->due)
		f = FLAG_OVERDUE;
	st->flag = f;
	st->reason[0] = '\0';
	expected_text(c, ind, p, st, st->reason);
	actual_text(c, ind, st, missing, st->reason);
	gap_text(c, ind, st, st->reason);
	if (missing)
		note_unreported(c, ry, rq, deadline, st->reason);
	if (soon || c->as_of > p->due)
		due_text(c, p->due, st->reason);
	verdict_text(c, f, st->reason);
}

static void judge_before_start(const ctx *c, indicator_state *st)
{
	char date[DATE_TEXT_SIZE];
	date_format(c->plan->starts, date);
	st->flag = FLAG_OK;
	st->expected = 0;
	st->expected_share = 0;
	st->gap = 0;
	snprintf(st->reason, sizeof st->reason,
	         c->en ? "expected: nothing yet (the plan starts %s), actual: not due → %s"
	               : "序时 无（方案 %s 起施行），实际 尚未要求填报 → %s",
	         date, flag_label(FLAG_OK, c->en));
}

/* A phase: done when met, otherwise judged as open. */
static void judge_phase(const ctx *c, const indicator_rec *ind, const phase *p,
                        const value_point *pts, int n, const value_point *all, int nall,
                        indicator_state *st)
{
	measure(c, ind, p, pts, n, st);
	forecast(c, ind, p, pts, n, st);
	if (c->as_of < c->plan->starts) {
		judge_before_start(c, st);
		return;
	}
	bool met = !target_missing(p->target) &&
	           meets(ind, c->rules, p->target, n ? st->actual : (ind->milestone ? 0 : p->baseline));
	if (met) {
		st->flag = FLAG_DONE;
		reason_done(c, ind, p, st);
		return;
	}
	judge_open(c, ind, p, all, nall, st);
}

static void judge_cumulative(const ctx *c, const indicator_rec *ind, indicator_state *st)
{
	phase p = { c->plan->starts, ind->due, 0, ind->target, ind->milestone ? 0 : ind->baseline };
	int n;
	value_point *pts = known_values(c, ind, 0, &n);
	judge_phase(c, ind, &p, pts, n, pts, n, st);
	free(pts);
}

/* The first past year whose target was missed, judged as overdue; false when
 * every past year was met. */
static bool judge_past_years(const ctx *c, const indicator_rec *ind, const int *years,
                             const int *dues, int count, const value_point *all, int nall,
                             indicator_state *st)
{
	for (int i = 0; i < count && dues[i] < c->as_of; i++) {
		phase p = year_phase(c, ind, years[i], dues[i]);
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

static void judge_per_year(const ctx *c, const indicator_rec *ind, indicator_state *st)
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
		phase p = year_phase(c, ind, years[i], dues[i]);
		int n;
		value_point *pts = known_values(c, ind, years[i], &n);
		judge_phase(c, ind, &p, pts, n, all, nall, st);
		free(pts);
		/* Only the last year's target met makes the indicator done. */
		if (st->flag == FLAG_DONE && i < count - 1) {
			st->flag = FLAG_OK;
			char *arrow = strstr(st->reason, " → ");
			if (arrow)
				*arrow = '\0';
			char next[DATE_TEXT_SIZE];
			date_format(dues[i + 1], next);
			put(st->reason, c->en ? "; next target due %s" : "；下一年度目标截止 %s", next);
			verdict_text(c, FLAG_OK, st->reason);
		}
	}
	free(all);
}

static void judge_indicator(const ctx *c, const indicator_rec *ind, indicator_state *st)
{
	memset(st, 0, sizeof *st);
	if (ind->per_year)
		judge_per_year(c, ind, st);
	else
		judge_cumulative(c, ind, st);
}

/* ---- tasks judged by status and dates ---- */

static bool task_marked_done(const task_rec *t)
{
	return strcmp(t->status, "completed") == 0 || strcmp(t->status, "accepted") == 0;
}

/* The latest known report, or NULL. */
static const report_rec *latest_known(const ctx *c)
{
	for (int i = c->d->nreports - 1; i >= 0; i--)
		if (visible(c, c->d->reports[i].year, c->d->reports[i].quarter))
			return &c->d->reports[i];
	return NULL;
}

/* Whether a known report says "completed" for a quarter ending in (after, upto]. */
static bool completed_between(const ctx *c, int after, int upto)
{
	for (int i = 0; i < c->d->nreports; i++) {
		const report_rec *r = &c->d->reports[i];
		int end = period_last_day(r->year, r->quarter);
		if (visible(c, r->year, r->quarter) && strcmp(r->status, "completed") == 0 && end > after &&
		    end <= upto)
			return true;
	}
	return false;
}

static void status_reason(const ctx *c, int due, flag_value f, bool missing, int ry, int rq,
                          int deadline, char *reason)
{
	char date[DATE_TEXT_SIZE], period[PERIOD_TEXT_SIZE];
	const report_rec *r = latest_known(c);
	date_format(due, date);
	reason[0] = '\0';
	put(reason, c->en ? "expected: done by %s" : "序时 %s 前完成", date);
	if (r) {
		period_format(r->year, r->quarter, period);
		put(reason, c->en ? ", actual: %s (%s)" : "，实际 %s（%s）", model_status_label(r->status, c->en), period);
	} else {
		put(reason, c->en ? ", actual: none reported" : "，实际 尚无填报");
	}
	if (missing)
		note_unreported(c, ry, rq, deadline, reason);
	bool soon = c->as_of <= due && due - c->as_of <= c->rules->due_soon_days;
	if (f == FLAG_OVERDUE || soon)
		due_text(c, due, reason);
	verdict_text(c, f, reason);
}

static void judge_status_before_start(const ctx *c, task_state *out)
{
	indicator_state st = { 0 };
	judge_before_start(c, &st);
	out->flag = st.flag;
	memcpy(out->reason, st.reason, sizeof out->reason);
}

static void set_task_reason(task_state *out, flag_value f, const char *why, bool en)
{
	out->flag = f;
	out->reason[0] = '\0';
	put(out->reason, "%s → %s", why, flag_label(f, en));
}

/* Whether the latest known report says "completed" for a quarter ending after day. */
static bool latest_completed_after(const ctx *c, int day)
{
	const report_rec *r = latest_known(c);
	return r && strcmp(r->status, "completed") == 0 && period_last_day(r->year, r->quarter) > day;
}

/* The first due date not met yet: past and missed (overdue), or still
 * ahead. Returns its index, or -1 when the last one is met (done). */
static int open_milestone(const ctx *c, const int *dues, int ndues)
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
static void judge_by_status(const ctx *c, task_state *out)
{
	const task_rec *t = &c->d->task;
	if (c->as_of < c->plan->starts) {
		judge_status_before_start(c, out);
		return;
	}
	if (task_marked_done(t)) {
		set_task_reason(out, FLAG_DONE, c->en ? "task marked completed" : "任务已标记完成", c->en);
		return;
	}
	int ndues = t->ndues ? t->ndues : 1;
	const int *dues = t->ndues ? t->dues : &t->due;
	int k = open_milestone(c, dues, ndues);
	if (k < 0) {
		set_task_reason(out, FLAG_DONE, c->en ? "reported completed" : "已报完成", c->en);
		return;
	}
	out->due = dues[k];
	if (dues[k] < c->as_of) {
		out->flag = FLAG_OVERDUE;
		status_reason(c, dues[k], FLAG_OVERDUE, false, 0, 0, 0, out->reason);
		return;
	}
	bool done_now = completed_between(c, k ? dues[k - 1] : -1000000, dues[k]);
	int ry, rq, deadline;
	bool missing = required_quarter(c, dues[ndues - 1], &ry, &rq, &deadline);
	if (missing) {
		const report_rec *r = latest_known(c);
		missing = !r || quarter_index(r->year, r->quarter) < quarter_index(ry, rq);
	}
	flag_value f = FLAG_OK;
	if (!done_now && dues[k] - c->as_of <= c->rules->due_soon_days)
		f = FLAG_DUE_SOON;
	if (missing)
		f = worse(f, FLAG_UNREPORTED);
	out->flag = f;
	status_reason(c, dues[k], f, missing, ry, rq, deadline, out->reason);
}

/* ---- a task ---- */

void flag_evaluate_task(const task_detail *d, const plan_rec *plan, int as_of,
                        const config_flags *rules, bool english, task_state *out)
{
	ctx c = { d, plan, as_of, rules, english };
	memset(out, 0, sizeof *out);
	out->nindicators = d->nindicators;
	out->due = d->task.due;
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
		set_task_reason(out, FLAG_DONE, english ? "task accepted" : "任务已验收销号", english);
		return;
	}
	out->flag = out->indicators[worst].flag;
	out->due = out->indicators[worst].due;
	out->reason[0] = '\0';
	put(out->reason, "%s%s%s", d->indicators[worst].name, english ? ": " : "：",
	    out->indicators[worst].reason);
}

void flag_task_state_free(task_state *s)
{
	free(s->indicators);
	memset(s, 0, sizeof *s);
}
