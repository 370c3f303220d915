/* The judged-task service and its cache (see app_judge.h). */
#include "ducha/app_judge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_calendar.h"
#include "ducha/date.h"
#include "ducha/xalloc.h"

judge_scope app_judge_scope(const app *a)
{
	return (judge_scope){ a->st, &a->plan, a->as_of, &a->cfg.flags, a->lang == APP_LANG_EN };
}

void judge_cache_open(judge_cache *c, const judge_scope *scope)
{
	memset(c, 0, sizeof *c);
	c->scope = *scope;
}

static void drop_task(judged_task *t)
{
	if (!t)
		return;
	flag_task_state_free(&t->st);
	model_detail_free(&t->d);
	free(t);
}

static void drop_row(judged_row *r)
{
	if (!r)
		return;
	model_task_free(&r->task);
	free(r);
}

void judge_cache_close(judge_cache *c)
{
	judge_cache_forget_all(c);
	free(c->tasks);
	free(c->rows);
	free(c->plan_nums);
	memset(c, 0, sizeof *c);
}

static void make_room(judge_cache *c, int num)
{
	if (num < c->cap)
		return;
	int cap = c->cap ? c->cap : 64;
	while (cap <= num)
		cap *= 2;
	c->tasks = xrealloc(c->tasks, (size_t)cap * sizeof *c->tasks);
	c->rows = xrealloc(c->rows, (size_t)cap * sizeof *c->rows);
	memset(c->tasks + c->cap, 0, (size_t)(cap - c->cap) * sizeof *c->tasks);
	memset(c->rows + c->cap, 0, (size_t)(cap - c->cap) * sizeof *c->rows);
	c->cap = cap;
}

static void copy_task(task_rec *to, const task_rec *from)
{
	*to = *from;
	to->area_short = xstrdup(from->area_short ? from->area_short : "");
	to->area_title = xstrdup(from->area_title ? from->area_title : "");
	to->measure_title = xstrdup(from->measure_title ? from->measure_title : "");
	to->text = xstrdup(from->text ? from->text : "");
	to->deadline = xstrdup(from->deadline ? from->deadline : "");
	to->status = xstrdup(from->status ? from->status : "");
	to->lead = xstrdup(from->lead ? from->lead : "");
	to->support = xstrdup(from->support ? from->support : "");
	to->accepted_by = xstrdup(from->accepted_by ? from->accepted_by : "");
	to->accepted_at = xstrdup(from->accepted_at ? from->accepted_at : "");
}

/* Keeps the row of a judged task; its task record is moved (take) or
 * copied. (The standing is read before the record moves.) */
static void keep_row(judge_cache *c, task_detail *d, const task_state *st, int progress, bool take)
{
	int num = d->task.num;
	if (num < 1)
		return;
	make_room(c, num);
	judged_row *r = xcalloc(1, sizeof *r);
	int y, q, grace = c->scope.rules->report_grace_days;
	calendar_due_quarter(c->scope.as_of, c->scope.plan->starts, grace, &y, &q);
	r->standing = flag_quarter_standing(d, y, q, calendar_due_date(y, q, grace), c->scope.as_of);
	const report_rec *due = r->standing == STANDING_RETURNED ? model_report_of(d, y, q) : NULL;
	if (due)
		snprintf(r->returned, sizeof r->returned, c->scope.english ? "%s returned: %s" : "%s 已退回：%s", due->period,
		         due->reason ? due->reason : "");
	r->due = flag_shown_due(d, st, &r->more_dues);
	if (take) {
		r->task = d->task;
		memset(&d->task, 0, sizeof d->task);
	} else {
		copy_task(&r->task, &d->task);
	}
	r->flag = st->flag;
	r->progress = progress;
	r->has_gap = flag_gap_points(d, st, &r->gap_points);
	const report_rec *latest = model_latest_report(d);
	r->last_report = latest ? latest->year * 4 + latest->quarter - 1 : -1;
	memcpy(r->reason, st->reason, sizeof r->reason);
	drop_row(c->rows[num]);
	c->rows[num] = r;
}

static bool known_at(const judge_cache *c, int num, unsigned depth, bool row)
{
	if (num < 1 || num >= c->cap)
		return false;
	if (row)
		return c->rows[num] != NULL;
	return c->tasks[num] && (c->tasks[num]->depth & depth) == depth;
}

/* Reads and judges tasks not known yet (nums), all at once. */
static bool read_some(judge_cache *c, const int *nums, int n, unsigned depth, bool row)
{
	/* Reports of quarters that begin after the as-of date are not known yet. */
	char upto[PERIOD_TEXT_SIZE];
	int y, q;
	period_of_date(c->scope.as_of, &y, &q);
	period_format(y, q, upto);
	detail_query dq = { .nums = nums, .n = n, .upto = upto, .texts = (depth & JUDGE_TEXTS) != 0,
	                    .notes = (depth & (JUDGE_NOTES | JUDGE_LATEST_NOTES)) != 0,
	                    .latest_notes = !(depth & JUDGE_NOTES), .verdicts_only = !(depth & JUDGE_SERIES) };
	task_detail *d = NULL;
	int got = 0;
	bool ok = n == 0 || store_task_details(c->scope.st, c->scope.plan->id, &dq, &d, &got);
	for (int i = 0; ok && i < got; i++) {
		task_state st;
		flag_evaluate_task(&d[i], c->scope.plan, c->scope.as_of, c->scope.rules, c->scope.english, &st);
		int progress = flag_progress(&d[i], &st);
		if (row) {
			keep_row(c, &d[i], &st, progress, true);
			flag_task_state_free(&st);
			model_detail_free(&d[i]);
			continue;
		}
		int num = d[i].task.num;
		make_room(c, num);
		if (!c->tasks_only)
			keep_row(c, &d[i], &st, progress, false);
		judged_task *t = xcalloc(1, sizeof *t);
		*t = (judged_task){ .d = d[i], .st = st, .progress = progress, .depth = depth, .used = ++c->clock };
		if (c->tasks[num])
			c->ntasks--;
		drop_task(c->tasks[num]);
		c->tasks[num] = t;
		c->ntasks++;
	}
	free(d);
	return ok;
}

/* At most this many tasks' histories are held at once while reading. */
enum { JUDGE_READ_BATCH = 256 };

/* Reads and judges the tasks among nums not known yet, a batch at a time;
 * each is handed to keep, which takes what it wants from it. */
static bool read_batch(judge_cache *c, const int *nums, int n, unsigned depth, bool row)
{
	int *missing = xcalloc((size_t)n + 1, sizeof *missing), k = 0;
	for (int i = 0; i < n; i++)
		if (nums[i] >= 1 && !known_at(c, nums[i], depth, row)) {
			missing[k++] = nums[i];
			/* Read again, a task keeps what it had. */
			if (!row && nums[i] < c->cap && c->tasks[nums[i]])
				depth |= c->tasks[nums[i]]->depth;
		}
	bool ok = true;
	for (int from = 0; ok && from < k; from += JUDGE_READ_BATCH)
		ok = read_some(c, missing + from, k - from < JUDGE_READ_BATCH ? k - from : JUDGE_READ_BATCH, depth, row);
	free(missing);
	return ok;
}

bool judge_cache_load_rows(judge_cache *c, const int *nums, int n)
{
	return read_batch(c, nums, n, JUDGE_VERDICT, true);
}

bool judge_cache_load_tasks(judge_cache *c, const int *nums, int n, unsigned depth)
{
	return read_batch(c, nums, n, depth, false);
}

const judged_row *judge_cache_row(judge_cache *c, int num, bool *missing)
{
	*missing = false;
	if (!known_at(c, num, 0, true) && !judge_cache_load_rows(c, &num, 1))
		return NULL;
	*missing = !known_at(c, num, 0, true);
	return *missing ? NULL : c->rows[num];
}

const judged_task *judge_cache_task(judge_cache *c, int num, unsigned depth, bool *missing)
{
	*missing = false;
	if (!known_at(c, num, depth, false) && !judge_cache_load_tasks(c, &num, 1, depth))
		return NULL;
	*missing = !known_at(c, num, depth, false);
	if (*missing)
		return NULL;
	c->tasks[num]->used = ++c->clock;
	return c->tasks[num];
}

judged_task *judge_cache_take(judge_cache *c, int num)
{
	if (num < 1 || num >= c->cap || !c->tasks[num])
		return NULL;
	judged_task *t = c->tasks[num];
	c->tasks[num] = NULL;
	c->ntasks--;
	return t;
}

void judge_task_free(judged_task *t)
{
	drop_task(t);
}

void judge_cache_forget(judge_cache *c, int num)
{
	if (num < 1 || num >= c->cap)
		return;
	if (c->tasks[num])
		c->ntasks--;
	drop_task(c->tasks[num]);
	c->tasks[num] = NULL;
	drop_row(c->rows[num]);
	c->rows[num] = NULL;
}

void judge_cache_forget_all(judge_cache *c)
{
	for (int i = 0; i < c->cap; i++)
		judge_cache_forget(c, i);
	/* A reload may follow a change of the plan's tasks. */
	free(c->plan_nums);
	c->plan_nums = NULL;
	c->nplan = 0;
	c->have_plan_nums = false;
}

void judge_cache_trim(judge_cache *c, int keep)
{
	while (c->ntasks > keep) {
		int oldest = 0;
		for (int i = 1; i < c->cap; i++)
			if (c->tasks[i] && (!oldest || c->tasks[i]->used < c->tasks[oldest]->used))
				oldest = i;
		drop_task(c->tasks[oldest]);
		c->tasks[oldest] = NULL;
		c->ntasks--;
	}
}

bool judge_cache_nums(judge_cache *c, const task_filter *f, flag_set flags, int **nums, int *n)
{
	task_filter all = { 0 };
	if (!store_task_nums(c->scope.st, c->scope.plan->id, f ? f : &all, nums, n))
		return false;
	if (flags == 0)
		return true;
	/* Flags are judged in C, not SQL: only the tasks the SQL kept are read,
	 * all together. */
	int kept = 0;
	bool ok = judge_cache_load_rows(c, *nums, *n);
	for (int i = 0; ok && i < *n; i++) {
		int num = (*nums)[i];
		if (known_at(c, num, 0, true) && flag_set_has(flags, c->rows[num]->flag))
			(*nums)[kept++] = num;
	}
	if (!ok) {
		free(*nums);
		*nums = NULL;
		kept = 0;
	}
	*n = kept;
	return ok;
}

typedef struct ranked {
	int num;
	flag_value flag;
} ranked;

static int worst_first(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->flag != y->flag)
		return (int)y->flag - (int)x->flag;
	return x->num - y->num;
}

/* The flagged among nums judged so far, worst first; *unjudged counts the
 * rest. */
static void rank_flagged(const judge_cache *c, int *nums, int *n, int counts[FLAG_COUNT], int *unjudged)
{
	ranked *r = xcalloc((size_t)*n + 1, sizeof *r);
	int kept = 0;
	*unjudged = 0;
	for (int i = 0; i < *n; i++) {
		int num = nums[i];
		if (!known_at(c, num, 0, true)) {
			(*unjudged)++;
			continue;
		}
		if (!flag_is_warning(c->rows[num]->flag))
			continue;
		r[kept++] = (ranked){ num, c->rows[num]->flag };
		counts[c->rows[num]->flag]++;
	}
	qsort(r, (size_t)kept, sizeof *r, worst_first);
	for (int i = 0; i < kept; i++)
		nums[i] = r[i].num;
	free(r);
	*n = kept;
}

bool judge_cache_flagged(judge_cache *c, const task_filter *f, int **nums, int *n, int counts[FLAG_COUNT])
{
	memset(counts, 0, FLAG_COUNT * sizeof *counts);
	if (!judge_cache_nums(c, f, 0, nums, n))
		return false;
	if (!judge_cache_load_rows(c, *nums, *n)) {
		free(*nums);
		*nums = NULL;
		*n = 0;
		return false;
	}
	int unjudged;
	rank_flagged(c, *nums, n, counts, &unjudged);
	return true;
}

bool judge_cache_flagged_known(judge_cache *c, const task_filter *f, int **nums, int *n, int counts[FLAG_COUNT],
                               int *unjudged)
{
	memset(counts, 0, FLAG_COUNT * sizeof *counts);
	*unjudged = 0;
	if (!judge_cache_nums(c, f, 0, nums, n))
		return false;
	rank_flagged(c, *nums, n, counts, unjudged);
	return true;
}

const judged_row *judge_cache_known_row(const judge_cache *c, int num)
{
	return known_at(c, num, 0, true) ? c->rows[num] : NULL;
}

static bool know_plan_nums(judge_cache *c)
{
	if (c->have_plan_nums)
		return true;
	task_filter all = { 0 };
	if (!store_task_nums(c->scope.st, c->scope.plan->id, &all, &c->plan_nums, &c->nplan))
		return false;
	c->have_plan_nums = true;
	return true;
}

int judge_cache_unjudged(judge_cache *c)
{
	if (!know_plan_nums(c))
		return -1;
	int n = 0;
	for (int i = 0; i < c->nplan; i++)
		n += !known_at(c, c->plan_nums[i], 0, true);
	return n;
}

bool judge_cache_fill(judge_cache *c, int budget, int *left)
{
	*left = 0;
	if (!know_plan_nums(c))
		return false;
	int *to_judge = xcalloc((size_t)budget + 1, sizeof *to_judge), k = 0;
	for (int i = 0; i < c->nplan; i++)
		if (!known_at(c, c->plan_nums[i], 0, true)) {
			if (k < budget)
				to_judge[k++] = c->plan_nums[i];
			else
				(*left)++;
		}
	bool ok = judge_cache_load_rows(c, to_judge, k);
	free(to_judge);
	return ok;
}
