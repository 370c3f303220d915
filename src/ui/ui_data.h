#ifndef DUCHA_UI_DATA_H
#define DUCHA_UI_DATA_H
/* What the screens show: the application's judged-task cache (app_judge.h)
 * with the screens' messages. Lists show rows: the rows a screen is about
 * to draw are read together, with only the reports their verdicts need, so
 * paging and pane switches do not slow down as history grows. A task opened
 * in full is read alone, with everything; only the few last opened are
 * kept. No curses, no SQL. */
#include <stdbool.h>
#include "ducha/app_judge.h"
#include "ducha/config.h"
#include "ducha/flag.h"
#include "ducha/store.h"

/* A task in full and a row of a task list: the application's (app_judge.h). */
typedef judged_task ui_task;
typedef judged_row ui_row;

/* The filter of the task lists (the panes, 全部, the lagging view); zero
 * means any. */
typedef struct ui_filter {
	int64_t agency_id;
	char agency[101];
	flag_set flags;              /* one flag or a group of them ("滞后及以上") */
	int year;
} ui_filter;

/* How the task lists are sorted (s steps through them). */
typedef enum ui_sort {
	UI_SORT_NUMBER, UI_SORT_DUE, UI_SORT_GAP, UI_SORT_PROGRESS, UI_SORT_LEAD, UI_SORT_LAST_REPORT, UI_SORT_COUNT
} ui_sort;

typedef struct ui_data {
	store *st;
	const plan_rec *plan;
	int as_of;
	bool english;
	judge_cache cache;           /* the one judged-task cache */
	area_rec *areas;
	int nareas;
	char err[512];               /* the last failure, for the message line */
	int unjudged;                /* plan tasks without a row yet; -1: not counted */
	bool fill_failed;            /* judging ahead stopped on a store error */
	bool shown_partial;          /* a view shows what was judged so far */
	agency_rec *agencies;        /* the plan's agencies and who does what, */
	int nagencies;               /* read once (again after a reload) */
	agency_task *links;
	int nlinks;
	bool have_agencies;
} ui_data;

bool ui_data_open(ui_data *u, store *st, const plan_rec *plan, int as_of,
                  const config_flags *rules, bool english);
void ui_data_close(ui_data *u);
/* The task in full with its flags, or NULL (u->err says why). */
const ui_task *ui_data_task(ui_data *u, int num);
/* Reads the rows of these tasks that are not known yet, together: a list
 * calls it for the rows it is about to draw. False on a store error. */
bool ui_data_prefetch(ui_data *u, const int *nums, int n);
/* The row of a task, or NULL (u->err says why). */
const ui_row *ui_data_row(ui_data *u, int num);
/* Forgets one task (after a save) or all (reload), so they are read again. */
void ui_data_forget(ui_data *u, int num);
void ui_data_forget_all(ui_data *u);
/* The plan's definition changed (an edit, an alias): every task, the
 * agencies and the areas are read again. */
void ui_data_forget_plan(ui_data *u);
/* Lets go of all but the last few tasks opened in full; called between
 * events, when no screen holds one. */
void ui_data_trim(ui_data *u);
/* Task numbers of an area (0: all) under a filter, in number order. */
bool ui_data_nums(ui_data *u, int area, const ui_filter *f, int **nums, int *n);
/* The flagged tasks judged so far, worst first, and how many of each flag;
 * *unjudged: how many tasks are not judged yet (the view says so and is
 * laid out again when they are: ui_data_fill). */
bool ui_data_flagged(ui_data *u, int **nums, int *n, int counts[FLAG_COUNT], int *unjudged);
/* Sorts task numbers by s (their rows are judged first); UI_SORT_NUMBER
 * leaves the order as it is. False on a store error. */
bool ui_data_sort(ui_data *u, int *nums, int n, ui_sort s);
/* An agency's tasks (led or supported, each once per link) by flag, judged
 * as of each of the days (the ends of quarters): the flags it had then, by
 * the reports it has now. Reads each task in full: for one agency at a time. */
bool ui_data_agency_trend(ui_data *u, int64_t agency_id, const int *days, int ndays, int counts[][FLAG_COUNT]);
/* "按截止日期排序" and the like. */
const char *ui_sort_label(ui_sort s, bool english);
/* The row of a task if judged already, else NULL; nothing is read. */
const ui_row *ui_data_known_row(ui_data *u, int num);
/* Judges a few more of the plan's tasks ahead of need (between keys).
 * True when the last of them was just judged and a view showed a part. */
bool ui_data_fill(ui_data *u, int budget);
/* The plan's agencies (store_agencies) and their tasks (store_agency_tasks),
 * kept (either pair may be NULL); false on a store error (u->err says why). */
bool ui_data_agencies(ui_data *u, const agency_rec **list, int *n, const agency_task **links, int *nlinks);
/* Judges the rest of the plan now when little is left (a small plan), so
 * that a view of the whole plan never opens on a part of a few dozen tasks. */
void ui_data_settle_if_few(ui_data *u);
/* Whether there is judging left to do ahead of need. */
bool ui_data_fill_pending(const ui_data *u);
bool ui_filter_active(const ui_filter *f);
#endif
