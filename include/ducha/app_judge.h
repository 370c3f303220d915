#ifndef DUCHA_APP_JUDGE_H
#define DUCHA_APP_JUDGE_H
/* Tasks judged at the as-of date: the one way the CLI listings, the TUI's
 * rows and the summaries load tasks and ask the flag module about them.
 * Read in a few queries whatever their number (store_task_details), then
 * judged with the plan's rules; 进度 beside each verdict. */
#include <stdbool.h>
#include "ducha/app.h"
#include "ducha/flag.h"

/* What to read and how to judge it. */
typedef struct judge_scope {
	store *st;
	const plan_rec *plan;
	int as_of;
	const config_flags *rules;
	bool english;
	bool series;                 /* every report known at the as-of date (forecasts);
	                              * else only the reports the verdicts need */
	bool texts;                  /* report notes, authors, times */
} judge_scope;

typedef struct judged_tasks {
	task_detail *d;              /* in task number order; a number that is no task is left out */
	task_state *st;              /* parallel to d */
	int *progress;               /* parallel to d: 进度 in %, -1 when there is none */
	int n;
} judged_tasks;

judge_scope app_judge_scope(const app *a, bool series);
/* The tasks with these numbers. */
bool judge_nums(const judge_scope *j, const int *nums, int n, judged_tasks *out);
/* The tasks of the plan that match f (NULL: all), in number order. */
bool judge_filter(const judge_scope *j, const task_filter *f, judged_tasks *out);
void judged_free(judged_tasks *t);
#endif
