/* 进度: how far a task has come, beside the flag rules it is judged by.
 * Pure: no SQL, no curses. */
#include <string.h>

#include "ducha/date.h"
#include "ducha/flag.h"

static double share(const indicator_rec *ind, const indicator_state *s)
{
	if (!s->has_actual)
		return 0;
	double base = ind->per_year ? 0 : ind->baseline;
	double span = s->target - base;
	if (span <= 0)
		return s->actual >= s->target ? 1 : 0;
	double v = (s->actual - base) / span;
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

int flag_progress(const task_detail *d, const task_state *st)
{
	const char *status = d->task.status;
	if (strcmp(status, "completed") == 0 || strcmp(status, "accepted") == 0)
		return 100;
	int n = st->nindicators < d->nindicators ? st->nindicators : d->nindicators;
	bool any = false;
	double sum = 0;
	for (int i = 0; i < n; i++) {
		any = any || st->indicators[i].has_actual;
		sum += st->indicators[i].flag == FLAG_DONE ? 1 : share(&d->indicators[i], &st->indicators[i]);
	}
	if (n == 0 || !any)
		return -1;
	return (int)(sum / n * 100 + 0.5);
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
