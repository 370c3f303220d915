#ifndef DUCHA_APP_CALENDAR_H
#define DUCHA_APP_CALENDAR_H
/* The reporting calendar, in one place: which quarter's report is due at a
 * date, by when, and whether a quarter's report is open, locked or
 * reopened. A quarter's report is due [flags] report_grace_days after the
 * quarter ends; until then its agency may edit it, after that it is locked
 * (a first report filed late is taken, marked 迟报), unless an inspector
 * reopened it for one more submission. */
#include <stdbool.h>
#include "ducha/model.h"

/* The quarter the report form opens on at day: the latest ended quarter
 * until its report's due date, after that the current quarter (interim
 * progress). Never before the plan's first quarter. */
void calendar_due_quarter(int day, int plan_starts, int grace_days, int *year, int *quarter);
/* The day a quarter's report is due. */
int calendar_due_date(int year, int quarter, int grace_days);

typedef enum calendar_lock {
	CALENDAR_OPEN,       /* before its due date: the agency edits freely */
	CALENDAR_LATE,       /* past its due date with no report: a first report is 迟报 */
	CALENDAR_LOCKED,     /* past its due date, reported: only after a reopening */
	CALENDAR_REOPENED,   /* locked, but an inspector allowed one more submission */
} calendar_lock;

/* The state of quarter (year, quarter) at as_of, given its report (NULL: none). */
calendar_lock calendar_lock_of(int year, int quarter, int as_of, int grace_days, const report_rec *report);
#endif
