/* 进度: how far a task has come, beside the flag rules it is judged by.
 * Pure: no SQL, no curses. */
#include <math.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/flag.h"
#include "flag_internal.h"

/* One indicator's share of its target in force: actual ÷ target, below 1
 * until the target is met (a "> 5000" at 5000 is not there yet). */
static double share(const indicator_state *s)
{
	if (s->flag == FLAG_DONE)
		return 1;
	if (!s->has_actual || s->facts.story == FLAG_STORY_NOT_YET)
		return 0;
	double v = s->target > 0 ? s->actual / s->target : 0;
	return v < 0 ? 0 : v > 0.999 ? 0.999 : v;
}

/* 进度, defined once (the help says the same, wording_judging_rules): the
 * average over the indicators with a target of actual ÷ target, rounded
 * down, so 100% means every target is met. */
int flag_progress(const task_detail *d, const task_state *st)
{
	const char *status = d->task.status;
	if (strcmp(status, "completed") == 0 || strcmp(status, "accepted") == 0)
		return 100;
	int n = st->nindicators < d->nindicators ? st->nindicators : d->nindicators;
	bool any = false;
	int counted = 0;
	double sum = 0;
	for (int i = 0; i < n; i++) {
		const indicator_state *s = &st->indicators[i];
		if (flag_target_missing(s->target))
			continue;
		any = any || s->has_actual;
		sum += share(s);
		counted++;
	}
	if (counted == 0 || !any)
		return -1;
	return (int)floor(sum / counted * 100 + 1e-9);
}

bool flag_gap_points(const task_detail *d, const task_state *st, int *points)
{
	int n = st->nindicators < d->nindicators ? st->nindicators : d->nindicators;
	bool any = false;
	double worst = 0;
	for (int i = 0; i < n; i++) {
		const indicator_state *s = &st->indicators[i];
		double span = s->target - s->facts.baseline;
		if (!s->has_actual || s->flag == FLAG_DONE || flag_target_missing(s->target) || fabs(span) < 1e-9 ||
		    s->expected_share <= 0)
			continue;
		double behind = (s->expected - s->actual) / span * 100;
		if (!any || behind > worst)
			worst = behind;
		any = true;
	}
	*points = any ? (int)lround(worst) : 0;
	return any;
}

int flag_shown_due(const task_detail *d, const task_state *st, bool *more)
{
	int due = 0;
	bool indicators = st->story == TASK_STORY_INDICATORS && st->indicators;
	for (int i = 0; indicators && i < st->nindicators; i++)
		if (st->indicators[i].flag != FLAG_DONE && (!due || st->indicators[i].due < due))
			due = st->indicators[i].due;
	if (!due)
		due = (st->story == TASK_STORY_STATUS || indicators) && st->due ? st->due : d->task.due;
	int last = d->task.due;
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].due > last)
			last = d->indicators[i].due;
	*more = last > due;
	return due;
}

const report_rec *flag_counting_report(const task_detail *d, int as_of)
{
	int y, q;
	period_of_date(as_of, &y, &q);
	for (int i = d->nreports - 1; i >= 0; i--)
		if (d->reports[i].year * 4 + d->reports[i].quarter <= y * 4 + q && model_report_counts(&d->reports[i]))
			return &d->reports[i];
	return NULL;
}

task_phase flag_task_phase(const task_detail *d, int as_of, const report_rec **latest)
{
	int y, q;
	period_of_date(as_of, &y, &q);
	if (latest) {
		*latest = NULL;
		for (int i = d->nreports - 1; i >= 0 && !*latest; i--)
			if (d->reports[i].year * 4 + d->reports[i].quarter <= y * 4 + q)
				*latest = &d->reports[i];
	}
	const report_rec *counting = flag_counting_report(d, as_of);
	if (strcmp(d->task.status, "accepted") == 0)
		return TASK_ACCEPTED;
	if (!counting)
		return TASK_NOT_STARTED;
	return strcmp(counting->status, "completed") == 0 ? TASK_REPORTED_DONE : TASK_IN_PROGRESS;
}

quarter_standing flag_quarter_standing(const task_detail *d, int year, int quarter, int due_date, int as_of)
{
	if (strcmp(d->task.status, "accepted") == 0 || d->task.due < period_first_day(year, quarter))
		return STANDING_NONE;
	const report_rec *r = model_report_of(d, year, quarter);
	if (r)
		return r->state == REPORT_RETURNED ? STANDING_RETURNED
		       : r->state == REPORT_PASSED ? STANDING_PASSED : STANDING_SUBMITTED;
	return as_of <= due_date ? STANDING_DUE : STANDING_MISSING;
}
