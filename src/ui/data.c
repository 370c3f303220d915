/* The screens' view of the judged-task cache (src/app/judge.c): the same
 * rows and tasks, with a failure turned into the message line's text. */
#include "ui_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/xalloc.h"

/* Tasks in full kept between events: the one on screen, the forms over it,
 * and a few to go back to. Rows, which are small, are all kept. */
enum { UI_DATA_KEEP_TASKS = 8 };

static void note_failure(ui_data *u, bool missing, int num)
{
	if (missing)
		snprintf(u->err, sizeof u->err, u->english ? "No task numbered %d" : "没有序号为 %d 的任务", num);
	else
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
}

bool ui_data_open(ui_data *u, store *st, const plan_rec *plan, int as_of,
                  const config_flags *rules, bool english)
{
	memset(u, 0, sizeof *u);
	u->st = st;
	u->plan = plan;
	u->as_of = as_of;
	u->english = english;
	u->unjudged = -1;
	judge_scope scope = { st, plan, as_of, rules, english };
	judge_cache_open(&u->cache, &scope);
	if (!store_areas(st, plan->id, &u->areas, &u->nareas)) {
		note_failure(u, false, 0);
		return false;
	}
	return true;
}

static void drop_agencies(ui_data *u)
{
	for (int i = 0; i < u->nagencies; i++)
		model_agency_free(&u->agencies[i]);
	free(u->agencies);
	free(u->links);
	u->agencies = NULL;
	u->links = NULL;
	u->nagencies = u->nlinks = 0;
	u->have_agencies = false;
}

/* store_agencies' order: most lead tasks first, then most tasks, then name. */
static int by_standing(const void *pa, const void *pb)
{
	const agency_rec *a = pa, *b = pb;
	if (a->lead != b->lead)
		return a->lead > b->lead ? -1 : 1;
	if (a->lead + a->support != b->lead + b->support)
		return a->lead + a->support > b->lead + b->support ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_agency_id(const void *pa, const void *pb)
{
	int64_t a = ((const agency_rec *)pa)->id, b = ((const agency_rec *)pb)->id;
	return (a > b) - (a < b);
}

/* The plan's agencies with their counts, from the links (which the store
 * gives by agency): two light reads instead of a grouped join with every
 * task (a third of the time of a view of 10,000 tasks). Agencies with no
 * task in the plan are left out, as store_agencies leaves them. */
static bool read_agencies(ui_data *u)
{
	agency_rec *all;
	int nall;
	if (!store_agency_tasks(u->st, u->plan->id, &u->links, &u->nlinks) || !store_agency_names(u->st, &all, &nall))
		return false;
	for (int k = 0; k < u->nlinks; k++) {
		agency_rec key = { .id = u->links[k].agency_id };
		agency_rec *a = bsearch(&key, all, (size_t)nall, sizeof *all, by_agency_id);
		if (a && u->links[k].lead)
			a->lead++;
		else if (a)
			a->support++;
	}
	u->agencies = xcalloc((size_t)nall + 1, sizeof *u->agencies);
	for (int i = 0; i < nall; i++) {
		if (all[i].lead + all[i].support)
			u->agencies[u->nagencies++] = all[i];
		else
			model_agency_free(&all[i]);
	}
	free(all);
	qsort(u->agencies, (size_t)u->nagencies, sizeof *u->agencies, by_standing);
	return true;
}

bool ui_data_agencies(ui_data *u, const agency_rec **list, int *n, const agency_task **links, int *nlinks)
{
	if (!u->have_agencies) {
		if (!read_agencies(u)) {
			note_failure(u, false, 0);
			drop_agencies(u);
			return false;
		}
		u->have_agencies = true;
	}
	if (list) {
		*list = u->agencies;
		*n = u->nagencies;
	}
	if (links) {
		*links = u->links;
		*nlinks = u->nlinks;
	}
	return true;
}

void ui_data_forget_plan(ui_data *u)
{
	judge_cache_forget_all(&u->cache);
	u->unjudged = -1;
	drop_agencies(u);
	area_rec *areas;
	int n;
	if (store_areas(u->st, u->plan->id, &areas, &n)) {
		store_areas_free(u->areas, u->nareas);
		u->areas = areas;
		u->nareas = n;
	}
}

void ui_data_close(ui_data *u)
{
	drop_agencies(u);
	judge_cache_close(&u->cache);
	store_areas_free(u->areas, u->nareas);
	memset(u, 0, sizeof *u);
}

const ui_task *ui_data_task(ui_data *u, int num)
{
	bool missing;
	const ui_task *t = judge_cache_task(&u->cache, num, JUDGE_FULL, &missing);
	if (!t)
		note_failure(u, missing, num);
	return t;
}

bool ui_data_prefetch(ui_data *u, const int *nums, int n)
{
	if (judge_cache_load_rows(&u->cache, nums, n))
		return true;
	note_failure(u, false, 0);
	return false;
}

const ui_row *ui_data_row(ui_data *u, int num)
{
	bool missing;
	const ui_row *r = judge_cache_row(&u->cache, num, &missing);
	if (!r)
		note_failure(u, missing, num);
	return r;
}

void ui_data_forget(ui_data *u, int num)
{
	judge_cache_forget(&u->cache, num);
	u->unjudged = -1;
}

void ui_data_forget_all(ui_data *u)
{
	judge_cache_forget_all(&u->cache);
	drop_agencies(u);
	u->unjudged = -1;
}

void ui_data_trim(ui_data *u)
{
	judge_cache_trim(&u->cache, UI_DATA_KEEP_TASKS);
}

bool ui_filter_active(const ui_filter *f)
{
	return f && (f->agency_id || f->flags || f->year);
}

bool ui_data_nums(ui_data *u, int area, const ui_filter *f, int **nums, int *n)
{
	task_filter q = { .area = area, .agency_id = f ? f->agency_id : 0, .due_year = f ? f->year : 0 };
	if (judge_cache_nums(&u->cache, &q, f ? f->flags : 0, nums, n))
		return true;
	note_failure(u, false, 0);
	return false;
}

/* About 10 ms of judging at most: waited for rather than shown in part. */
enum { UI_DATA_JUDGE_AT_ONCE = 200 };

void ui_data_settle_if_few(ui_data *u)
{
	if (u->fill_failed || u->unjudged == 0)
		return;
	int left = judge_cache_unjudged(&u->cache);
	if (left < 0 || left > UI_DATA_JUDGE_AT_ONCE)
		return;
	int rest;
	if (!judge_cache_fill(&u->cache, left + 1, &rest))
		u->fill_failed = true;
	else
		u->unjudged = rest;
}

bool ui_data_flagged(ui_data *u, int **nums, int *n, int counts[FLAG_COUNT], int *unjudged)
{
	ui_data_settle_if_few(u);
	/* Without judging ahead (a store error), the view waits for them all. */
	bool ok = u->fill_failed ? judge_cache_flagged(&u->cache, NULL, nums, n, counts)
	                         : judge_cache_flagged_known(&u->cache, NULL, nums, n, counts, unjudged);
	if (u->fill_failed)
		*unjudged = 0;
	if (!ok) {
		note_failure(u, false, 0);
		return false;
	}
	u->shown_partial = u->shown_partial || *unjudged > 0;
	return true;
}

const ui_row *ui_data_known_row(ui_data *u, int num)
{
	return judge_cache_known_row(&u->cache, num);
}

bool ui_data_fill_pending(const ui_data *u)
{
	return !u->fill_failed && (u->unjudged != 0 || !u->have_agencies);
}

bool ui_data_fill(ui_data *u, int budget)
{
	if (!ui_data_fill_pending(u))
		return false;
	if (u->unjudged == 0) {     /* then who does what, for the agencies view */
		u->fill_failed = !ui_data_agencies(u, NULL, NULL, NULL, NULL);
		return false;
	}
	int left;
	if (!judge_cache_fill(&u->cache, budget, &left)) {
		u->fill_failed = true;
		return u->shown_partial;
	}
	u->unjudged = left;
	if (left > 0 || !u->shown_partial)
		return false;
	u->shown_partial = false;
	return true;
}

/* --- sorting ---------------------------------------------------------------- */

typedef struct sort_item {
	int num;
	const ui_row *row;
} sort_item;

static ui_sort sorting;

/* The furthest behind, the lowest, the oldest first; what cannot be
 * measured last; ties by number. */
static int compare_rows(const void *pa, const void *pb)
{
	const sort_item *a = pa, *b = pb;
	const ui_row *x = a->row, *y = b->row;
	int c = 0;
	switch (sorting) {
	case UI_SORT_DUE: c = (x->due > y->due) - (x->due < y->due); break;
	case UI_SORT_GAP:
		c = x->has_gap != y->has_gap ? (y->has_gap - x->has_gap) : (y->gap_points > x->gap_points) - (y->gap_points < x->gap_points);
		break;
	case UI_SORT_PROGRESS:
		c = (x->progress < 0) != (y->progress < 0) ? (x->progress < 0) - (y->progress < 0)
		                                          : (x->progress > y->progress) - (x->progress < y->progress);
		break;
	case UI_SORT_LEAD: c = strcmp(x->task.lead ? x->task.lead : "", y->task.lead ? y->task.lead : ""); break;
	case UI_SORT_LAST_REPORT: c = (x->last_report > y->last_report) - (x->last_report < y->last_report); break;
	default: break;
	}
	return c ? c : (a->num > b->num) - (a->num < b->num);
}

bool ui_data_sort(ui_data *u, int *nums, int n, ui_sort s)
{
	if (s == UI_SORT_NUMBER || n < 2)
		return true;
	if (!ui_data_prefetch(u, nums, n))
		return false;
	sort_item *items = xcalloc((size_t)n, sizeof *items);
	for (int i = 0; i < n; i++) {
		items[i].num = nums[i];
		items[i].row = ui_data_row(u, nums[i]);
		if (!items[i].row) {
			free(items);
			return false;
		}
	}
	sorting = s;
	qsort(items, (size_t)n, sizeof *items, compare_rows);
	for (int i = 0; i < n; i++)
		nums[i] = items[i].num;
	free(items);
	return true;
}

const char *ui_sort_label(ui_sort s, bool english)
{
	static const char *const zh[] = { "按序号排序", "按截止日期排序（最早的在前）", "按与序时的差距排序（落后最多的在前）",
	                                  "按进度排序（最低的在前）", "按牵头单位排序", "按最近填报排序（最久未报的在前）" };
	static const char *const en[] = { "by number", "by deadline (earliest first)", "by gap to 序时 (furthest behind first)",
	                                  "by progress (lowest first)", "by lead agency", "by last report (longest silent first)" };
	return s >= 0 && s < UI_SORT_COUNT ? (english ? en[s] : zh[s]) : "";
}

/* --- an agency's flags over the quarters --------------------------------- */

enum { TREND_BATCH = 256 };

/* One task's flag at the end of each quarter, counted. */
static bool judge_quarters(ui_data *u, int num, const int *days, int ndays, int counts[][FLAG_COUNT])
{
	const ui_task *t = ui_data_task(u, num);
	if (!t)
		return false;
	for (int q = 0; q < ndays; q++) {
		task_state st;
		flag_judge_task(&t->d, u->plan, days[q], u->cache.scope.rules, &st);
		counts[q][st.flag]++;
		flag_task_state_free(&st);
	}
	return true;
}

bool ui_data_agency_trend(ui_data *u, int64_t agency_id, const int *days, int ndays, int counts[][FLAG_COUNT])
{
	const agency_rec *agencies;
	const agency_task *links;
	int nagencies, nlinks;
	if (!ui_data_agencies(u, &agencies, &nagencies, &links, &nlinks))
		return false;
	memset(counts, 0, (size_t)ndays * sizeof *counts);
	int *nums = xmalloc((size_t)(nlinks ? nlinks : 1) * sizeof *nums), n = 0;
	for (int k = 0; k < nlinks; k++)
		if (links[k].agency_id == agency_id)
			nums[n++] = links[k].num;
	bool ok = true;
	/* Read in batches (one query each, not one per task). */
	for (int k = 0; ok && k < n; k += TREND_BATCH) {
		ok = judge_cache_load_tasks(&u->cache, nums + k, n - k < TREND_BATCH ? n - k : TREND_BATCH, JUDGE_FULL);
		for (int i = k; ok && i < n && i < k + TREND_BATCH; i++)
			ok = judge_quarters(u, nums[i], days, ndays, counts);
	}
	free(nums);
	return ok;
}

