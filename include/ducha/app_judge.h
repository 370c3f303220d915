#ifndef DUCHA_APP_JUDGE_H
#define DUCHA_APP_JUDGE_H
/* Tasks judged at the as-of date: the one way the CLI listings, the TUI and
 * the summaries load tasks and ask the flag module about them, and the one
 * cache they keep them in. Each task is read in a batch with others (a few
 * queries whatever their number, store_task_details), judged once, and kept
 * until it is forgotten (after a save) or trimmed.
 *
 * Two kinds of entry: a row (the task, its verdict and 进度; small, all
 * kept) and a task in full (its detail at some depth, its state), which a
 * long-lived user trims to the last few. Reading a task in full keeps its
 * row too, from the same reading, so list and detail agree. */
#include <stdbool.h>
#include "ducha/app.h"
#include "ducha/flag.h"

/* What to read and how to judge it. */
typedef struct judge_scope {
	store *st;
	const plan_rec *plan;
	int as_of;
	const config_flags *rules;
	bool english;                /* the reasons' language */
} judge_scope;

/* How much of a task to read, beyond what its verdict needs. */
enum {
	JUDGE_VERDICT = 0,           /* the verdicts (from the whole history), no texts */
	JUDGE_SERIES = 1,            /* with JUDGE_TEXTS: every report's, not only those lists show */
	JUDGE_TEXTS = 2,             /* report notes, authors, times */
	JUDGE_NOTES = 4,             /* the task's own notes */
	JUDGE_LATEST_NOTES = 8,      /* of the task's own notes, the latest of each kind */
	JUDGE_FULL = JUDGE_SERIES | JUDGE_TEXTS | JUDGE_NOTES,
};

typedef struct judged_row {
	task_rec task;
	flag_value flag;
	char reason[FLAG_REASON_SIZE];
	int progress;                /* 进度 0–100, -1 when there is nothing to measure */
	int due;                     /* the deadline that drives the verdict (flag_shown_due) */
	bool more_dues;              /* a later one follows: shown "2016-12-31+" */
	quarter_standing standing;   /* on the report due now (app_calendar.h) */
	bool has_gap;                /* gap_points can be measured */
	int gap_points;              /* behind 序时, in points (flag_gap_points) */
	int last_report;             /* the latest report's quarter (year × 4 + quarter - 1); -1: none */
	char returned[320];          /* STANDING_RETURNED: "2017Q4 已退回：<the reason>" */
} judged_row;

typedef struct judged_task {
	task_detail d;
	task_state st;
	int progress;
	unsigned depth;              /* what was read (JUDGE_*) */
	unsigned long used;          /* when last asked for: the least recent go first */
} judged_task;

typedef struct judge_cache {
	judge_scope scope;
	judged_row **rows;           /* by task number */
	judged_task **tasks;         /* by task number */
	int cap;                     /* of both */
	int ntasks;
	unsigned long clock;
	bool tasks_only;             /* keeps no rows of tasks read in full (a summary's) */
	int *plan_nums;              /* every task of the plan, for judge_cache_fill */
	int nplan;
	bool have_plan_nums;
} judge_cache;

judge_scope app_judge_scope(const app *a);
void judge_cache_open(judge_cache *c, const judge_scope *scope);
void judge_cache_close(judge_cache *c);

/* Reads the rows among nums not known yet, together. False on a store error
 * (store_error says why). */
bool judge_cache_load_rows(judge_cache *c, const int *nums, int n);
/* A task's row; NULL when it is no task (*missing) or on a store error. */
const judged_row *judge_cache_row(judge_cache *c, int num, bool *missing);
/* Reads the tasks among nums not known at this depth, together. */
bool judge_cache_load_tasks(judge_cache *c, const int *nums, int n, unsigned depth);
/* A task in full at this depth (or more); NULL as judge_cache_row. */
const judged_task *judge_cache_task(judge_cache *c, int num, unsigned depth, bool *missing);

/* Hands a task read in full over to the caller, who frees it with
 * judge_task_free; the cache keeps its row. NULL when it is not read. */
judged_task *judge_cache_take(judge_cache *c, int num);
void judge_task_free(judged_task *t);
/* Forgets one task (after a save) or all (a reload), so they are read again. */
void judge_cache_forget(judge_cache *c, int num);
void judge_cache_forget_all(judge_cache *c);
/* Lets go of all but the keep most recently used tasks in full. */
void judge_cache_trim(judge_cache *c, int keep);

/* The task numbers under f (NULL: all) whose flag is in flags (0: any), in
 * number order. */
bool judge_cache_nums(judge_cache *c, const task_filter *f, flag_set flags, int **nums, int *n);
/* The flagged tasks (worse than ok) under f, worst first then by number,
 * and how many of each flag. */
bool judge_cache_flagged(judge_cache *c, const task_filter *f, int **nums, int *n, int counts[FLAG_COUNT]);
/* The same among the rows judged so far, without reading any; *unjudged
 * says how many under f have no row yet. */
bool judge_cache_flagged_known(judge_cache *c, const task_filter *f, int **nums, int *n, int counts[FLAG_COUNT],
                               int *unjudged);
/* The row of a task if it is judged already, else NULL (nothing is read). */
const judged_row *judge_cache_known_row(const judge_cache *c, int num);

/* Judges the rows of up to budget tasks of the plan not judged yet, so that
 * views of the whole plan find them ready: a screen calls it while it waits
 * for a key. *left: how many are still unjudged (0: all done). */
bool judge_cache_fill(judge_cache *c, int budget, int *left);
/* How many of the plan's tasks have no row yet; -1 on a store error. */
int judge_cache_unjudged(judge_cache *c);
#endif
