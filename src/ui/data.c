/* Tasks as the screens need them: rows read a page at a time, tasks in
 * full one at a time; each evaluated once. */
#include "ui_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_judge.h"
#include "ducha/date.h"
#include "ducha/xalloc.h"

/* Tasks in full kept between events: the one on screen, the forms over it,
 * and a few to go back to. Rows, which are small, are all kept. */
enum { UI_DATA_KEEP_TASKS = 8 };

bool ui_data_open(ui_data *u, store *st, const plan_rec *plan, int as_of,
                  const config_flags *rules, bool english)
{
	memset(u, 0, sizeof *u);
	u->st = st;
	u->plan = plan;
	u->as_of = as_of;
	u->rules = rules;
	u->english = english;
	int y, q;
	period_of_date(as_of, &y, &q);
	period_format(y, q, u->upto);
	if (!store_areas(st, plan->id, &u->areas, &u->nareas)) {
		snprintf(u->err, sizeof u->err, "%s", store_error(st));
		return false;
	}
	return true;
}

static void drop(ui_task *t)
{
	if (!t)
		return;
	flag_task_state_free(&t->st);
	model_detail_free(&t->d);
	free(t);
}

static void drop_row(ui_row *r)
{
	if (!r)
		return;
	model_task_free(&r->task);
	free(r);
}

void ui_data_close(ui_data *u)
{
	ui_data_forget_all(u);
	free(u->cache);
	free(u->rows);
	store_areas_free(u->areas, u->nareas);
	memset(u, 0, sizeof *u);
}

static void make_room(ui_data *u, int num)
{
	if (num < u->cap)
		return;
	int cap = u->cap ? u->cap : 64;
	while (cap <= num)
		cap *= 2;
	ui_task **p = realloc(u->cache, (size_t)cap * sizeof *p);
	ui_row **r = p ? realloc(u->rows, (size_t)cap * sizeof *r) : NULL;
	if (!p || !r)
		abort();
	memset(p + u->cap, 0, (size_t)(cap - u->cap) * sizeof *p);
	memset(r + u->cap, 0, (size_t)(cap - u->cap) * sizeof *r);
	u->cache = p;
	u->rows = r;
	u->cap = cap;
}

static char *dup_text(const char *s)
{
	char *p = xstrdup(s ? s : "");
	return p;
}

static void copy_task(task_rec *to, const task_rec *from)
{
	*to = *from;
	to->area_short = dup_text(from->area_short);
	to->area_title = dup_text(from->area_title);
	to->measure_title = dup_text(from->measure_title);
	to->text = dup_text(from->text);
	to->deadline = dup_text(from->deadline);
	to->status = dup_text(from->status);
	to->lead = dup_text(from->lead);
	to->support = dup_text(from->support);
}

/* Keeps the row of a judged task; its task record is moved (take) or copied. */
static void keep_row(ui_data *u, task_detail *d, const task_state *st, bool take)
{
	int num = d->task.num;
	if (num < 1)
		return;
	make_room(u, num);
	ui_row *r = xcalloc(1, sizeof *r);
	if (take) {
		r->task = d->task;
		memset(&d->task, 0, sizeof d->task);
	} else {
		copy_task(&r->task, &d->task);
	}
	r->flag = st->flag;
	memcpy(r->reason, st->reason, sizeof r->reason);
	drop_row(u->rows[num]);
	u->rows[num] = r;
}

const ui_task *ui_data_task(ui_data *u, int num)
{
	if (num < 1)
		return NULL;
	make_room(u, num);
	ui_task *t = u->cache[num];
	if (t) {
		t->used = ++u->clock;
		return t;
	}
	t = calloc(1, sizeof *t);
	bool found;
	if (!t)
		abort();
	if (!store_task_detail(u->st, u->plan->id, num, &t->d, &found)) {
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
		free(t);
		return NULL;
	}
	flag_evaluate_task(&t->d, u->plan, u->as_of, u->rules, u->english, &t->st);
	t->progress = flag_progress(&t->d, &t->st);
	t->used = ++u->clock;
	u->cache[num] = t;
	u->ntasks++;
	/* The row comes from the same reading, so list and detail agree. */
	keep_row(u, &t->d, &t->st, false);
	u->rows[num]->progress = t->progress;
	return t;
}

/* The rows among nums not read yet, in one batch, judged from the reports
 * their verdicts need only. */
bool ui_data_prefetch(ui_data *u, const int *nums, int n)
{
	int *missing = calloc((size_t)n + 1, sizeof *missing), k = 0;
	if (!missing)
		abort();
	for (int i = 0; i < n; i++)
		if (nums[i] >= 1 && (nums[i] >= u->cap || !u->rows[nums[i]]))
			missing[k++] = nums[i];
	judge_scope scope = { u->st, u->plan, u->as_of, u->rules, u->english, false, false };
	judged_tasks j;
	bool ok = judge_nums(&scope, missing, k, &j);
	free(missing);
	if (!ok) {
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
		return false;
	}
	for (int i = 0; i < j.n; i++) {
		int num = j.d[i].task.num;
		keep_row(u, &j.d[i], &j.st[i], true);
		if (num >= 1)
			u->rows[num]->progress = j.progress[i];
	}
	judged_free(&j);
	return true;
}

const ui_row *ui_data_row(ui_data *u, int num)
{
	if (num < 1)
		return NULL;
	if (num < u->cap && u->rows[num])
		return u->rows[num];
	if (!ui_data_prefetch(u, &num, 1))
		return NULL;
	if (num < u->cap && u->rows[num])
		return u->rows[num];
	snprintf(u->err, sizeof u->err, u->english ? "No task numbered %d" : "没有序号为 %d 的任务", num);
	return NULL;
}

void ui_data_forget(ui_data *u, int num)
{
	if (num < 1 || num >= u->cap)
		return;
	if (u->cache[num])
		u->ntasks--;
	drop(u->cache[num]);
	u->cache[num] = NULL;
	drop_row(u->rows[num]);
	u->rows[num] = NULL;
}

void ui_data_forget_all(ui_data *u)
{
	for (int i = 0; i < u->cap; i++)
		ui_data_forget(u, i);
}

void ui_data_trim(ui_data *u)
{
	while (u->ntasks > UI_DATA_KEEP_TASKS) {
		int oldest = 0;
		for (int i = 1; i < u->cap; i++)
			if (u->cache[i] && (!oldest || u->cache[i]->used < u->cache[oldest]->used))
				oldest = i;
		drop(u->cache[oldest]);
		u->cache[oldest] = NULL;
		u->ntasks--;
	}
}

bool ui_filter_active(const ui_filter *f)
{
	return f && (f->agency_id || f->flag >= 0 || f->year);
}

bool ui_data_nums(ui_data *u, int area, const ui_filter *f, int **nums, int *n)
{
	task_filter q = { .area = area, .agency_id = f ? f->agency_id : 0, .due_year = f ? f->year : 0 };
	if (!store_task_nums(u->st, u->plan->id, &q, nums, n)) {
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
		return false;
	}
	if (!f || f->flag < 0)
		return true;
	/* Flags are judged in C, not SQL: only the tasks the SQL kept are read,
	 * all together. */
	int kept = 0;
	bool ok = ui_data_prefetch(u, *nums, *n);
	for (int i = 0; i < *n; i++) {
		const ui_row *t = ok ? ui_data_row(u, (*nums)[i]) : NULL;
		if (!t) {
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		if ((int)t->flag == f->flag)
			(*nums)[kept++] = (*nums)[i];
	}
	*n = kept;
	return true;
}

bool ui_agency_in(const char *joined, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = joined; p && *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}
