/* Tasks as the screens need them: loaded on demand, evaluated once. */
#include "ducha/ui_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ui_data_open(ui_data *u, store *st, const plan_rec *plan, int as_of,
                  const config_flags *rules, bool english)
{
	memset(u, 0, sizeof *u);
	u->st = st;
	u->plan = plan;
	u->as_of = as_of;
	u->rules = rules;
	u->english = english;
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

void ui_data_close(ui_data *u)
{
	ui_data_forget_all(u);
	free(u->cache);
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
	if (!p)
		abort();
	memset(p + u->cap, 0, (size_t)(cap - u->cap) * sizeof *p);
	u->cache = p;
	u->cap = cap;
}

const ui_task *ui_data_task(ui_data *u, int num)
{
	if (num < 1)
		return NULL;
	make_room(u, num);
	if (u->cache[num])
		return u->cache[num];
	ui_task *t = calloc(1, sizeof *t);
	bool found;
	if (!t)
		abort();
	if (!store_task_detail(u->st, u->plan->id, num, &t->d, &found)) {
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
		free(t);
		return NULL;
	}
	flag_evaluate_task(&t->d, u->plan, u->as_of, u->rules, u->english, &t->st);
	t->progress = ui_task_progress(&t->d, &t->st);
	u->cache[num] = t;
	return t;
}

void ui_data_forget(ui_data *u, int num)
{
	if (num < 1 || num >= u->cap)
		return;
	drop(u->cache[num]);
	u->cache[num] = NULL;
}

void ui_data_forget_all(ui_data *u)
{
	for (int i = 0; i < u->cap; i++)
		ui_data_forget(u, i);
}

bool ui_filter_active(const ui_filter *f)
{
	return f && (f->agency_id || f->flag >= 0 || f->year);
}

bool ui_data_nums(ui_data *u, int area, const ui_filter *f, int **nums, int *n)
{
	task_query q = { .area = area, .agency_id = f ? f->agency_id : 0, .due_year = f ? f->year : 0 };
	if (!store_task_nums(u->st, u->plan->id, &q, nums, n)) {
		snprintf(u->err, sizeof u->err, "%s", store_error(u->st));
		return false;
	}
	if (!f || f->flag < 0)
		return true;
	/* Flags are judged in C, not SQL: only the tasks the SQL kept are read. */
	int kept = 0;
	for (int i = 0; i < *n; i++) {
		const ui_task *t = ui_data_task(u, (*nums)[i]);
		if (!t) {
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		if ((int)t->st.flag == f->flag)
			(*nums)[kept++] = (*nums)[i];
	}
	*n = kept;
	return true;
}

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

int ui_task_progress(const task_detail *d, const task_state *st)
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
