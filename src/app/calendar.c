#include "ducha/app_calendar.h"

#include "ducha/date.h"

int calendar_due_date(int year, int quarter, int grace_days)
{
	return period_last_day(year, quarter) + grace_days;
}

void calendar_due_quarter(int day, int plan_starts, int grace_days, int *year, int *quarter)
{
	int y, q, py, pq;
	period_of_date(day, &y, &q);
	py = q == 1 ? y - 1 : y;
	pq = q == 1 ? 4 : q - 1;
	/* The ended quarter is still the one due until its due date. */
	bool previous = day <= calendar_due_date(py, pq, grace_days) && period_last_day(py, pq) >= plan_starts;
	*year = previous ? py : y;
	*quarter = previous ? pq : q;
}

calendar_lock calendar_lock_of(int year, int quarter, int as_of, int grace_days, const report_rec *report)
{
	if (as_of <= calendar_due_date(year, quarter, grace_days))
		return CALENDAR_OPEN;
	if (!report)
		return CALENDAR_LATE;
	return report->reopened ? CALENDAR_REOPENED : CALENDAR_LOCKED;
}
