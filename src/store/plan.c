/* Reads of a plan: the plan, its areas, tasks (numbers by filter, rows),
 * agencies and who does what (tasks in full: detail.c). Lists ask for
 * numbers only and load the few rows they show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "internal.h"
#include "ducha/xalloc.h"

static int parse_date_col(db_stmt *q, int col)
{
	int d = 0;
	date_parse(db_col_text(q, col), &d);
	return d;
}

const char store_sql_plan[] =
	"SELECT id, code, title, issuer, starts, ends FROM plan"
	" WHERE :code = '' OR code = :code ORDER BY id LIMIT 1";

bool store_plan(store *s, const char *code, plan_rec *out)
{
	db_stmt *q = db_prepare(s->db, store_sql_plan);
	if (!q || !db_bind_text(q, ":code", code ? code : ""))
		return false;
	int rc = db_step(q);
	if (rc != 1) {
		if (rc == 0)
			db_fail(s->db, code && *code ? "没有编号为 \"%s\" 的工作方案" : "数据库中还没有工作方案%s",
			        code && *code ? code : "（先运行 ducha init）");
		db_reset(q);
		return false;
	}
	store_read_plan(q, out);
	db_reset(q);
	return true;
}

void store_read_plan(db_stmt *q, plan_rec *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int(q, 0);
	p->code = db_col_dup(q, 1);
	p->title = db_col_dup(q, 2);
	p->issuer = db_col_dup(q, 3);
	p->starts = parse_date_col(q, 4);
	p->ends = parse_date_col(q, 5);
}

void store_read_task(db_stmt *q, task_rec *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_col_int(q, 0);
	t->num = (int)db_col_int(q, 1);
	t->area_num = (int)db_col_int(q, 2);
	t->area_short = db_col_dup(q, 3);
	t->area_title = db_col_dup(q, 4);
	t->measure_num = (int)db_col_int(q, 5);
	t->measure_title = db_col_dup(q, 6);
	t->text = db_col_dup(q, 7);
	t->deadline = db_col_dup(q, 8);
	char *dues = db_col_dup(q, 9);
	for (char *tok = strtok(dues, ","); tok && t->ndues < MODEL_MAX_DUES; tok = strtok(NULL, ","))
		if (date_parse(tok, &t->dues[t->ndues]))
			t->ndues++;
	free(dues);
	t->due = parse_date_col(q, 10);
	t->status = db_col_dup(q, 11);
	t->version = (int)db_col_int(q, 12);
	t->lead = db_col_dup(q, 13);
	t->support = db_col_dup(q, 14);
	t->accepted_by = db_col_dup(q, 15);
	t->accepted_at = db_col_dup(q, 16);
}

int store_filter_shape(const task_filter *f)
{
	return (f && f->area ? 1 : 0) | (f && f->agency_id ? 2 : 0);
}

/* Binds what the filter's shape of statement takes. */
bool store_bind_filter(db_stmt *q, int64_t plan_id, const task_filter *f)
{
	return db_bind_int(q, ":plan", plan_id) && db_bind_int(q, ":year", f ? f->due_year : 0) &&
	       (!db_has_param(q, ":area") || db_bind_int(q, ":area", f->area)) &&
	       (!db_has_param(q, ":agency") ||
	        (db_bind_int(q, ":agency", f->agency_id) && db_bind_text(q, ":role", f->role)));
}

static void read_task_row(db_stmt *q, void *item, void *ctx)
{
	(void)ctx;
	store_read_task(q, item);
}

const char store_sql_tasks_plan[] = STORE_FILTER_SHAPE_0(STORE_TASK_COLUMNS, " ORDER BY t.num");
const char store_sql_tasks_area[] = STORE_FILTER_SHAPE_1(STORE_TASK_COLUMNS, " ORDER BY t.num");
const char store_sql_tasks_agency[] = STORE_FILTER_SHAPE_2(STORE_TASK_COLUMNS, " ORDER BY t.num");
const char store_sql_tasks_area_agency[] = STORE_FILTER_SHAPE_3(STORE_TASK_COLUMNS, " ORDER BY t.num");
static const char *const store_sql_tasks[STORE_FILTER_SHAPE_COUNT] = {
	store_sql_tasks_plan, store_sql_tasks_area, store_sql_tasks_agency, store_sql_tasks_area_agency,
};

bool store_tasks(store *s, int64_t plan_id, const task_filter *f, task_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_tasks[store_filter_shape(f)]);
	if (!q || !store_bind_filter(q, plan_id, f))
		return false;
	return db_collect(q, out, n, sizeof **out, read_task_row, NULL);
}

static void read_agency(db_stmt *q, void *item, void *ctx)
{
	agency_rec *a = item;
	(void)ctx;
	a->id = db_col_int(q, 0);
	a->name = db_col_dup(q, 1);
	a->lead = (int)db_col_int(q, 2);
	a->support = (int)db_col_int(q, 3);
}

const char store_sql_agencies[] =
	"SELECT g.id, g.name, sum(x.role = 'lead'), sum(x.role = 'support')"
	"  FROM agency g JOIN task_agency x ON x.agency_id = g.id"
	"  JOIN task t ON t.id = x.task_id AND t.plan_id = :plan"
	" GROUP BY g.id ORDER BY sum(x.role = 'lead') DESC, count(*) DESC, g.name";

bool store_agencies(store *s, int64_t plan_id, agency_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_agencies);
	if (!q || !db_bind_int(q, ":plan", plan_id))
		return false;
	return db_collect(q, out, n, sizeof **out, read_agency, NULL);
}

/* By its name or another name it goes by (agency_alias). */
const char store_sql_agency_find[] =
	"WITH k(n) AS (SELECT replace(replace(:name, ' ', ''), '　', ''))"
	" SELECT id FROM agency, k WHERE name = k.n"
	" UNION ALL SELECT agency_id FROM agency_alias, k WHERE alias = k.n LIMIT 1";

bool store_agency_find(store *s, const char *name, int64_t *id, bool *found)
{
	/* Spaces inside a name are layout, not part of it (市 发 展 改 革 委). */
	db_stmt *q = db_prepare(s->db, store_sql_agency_find);
	if (!q || !db_bind_text(q, ":name", name))
		return false;
	int rc = db_step(q);
	*found = rc == 1;
	if (rc == 1)
		*id = db_col_int(q, 0);
	db_reset(q);
	if (rc == 0)
		db_fail(s->db, "没有名为 \"%s\" 的单位", name);
	return rc >= 0;
}

bool store_agency_aliases(store *s, char ***aliases, char ***names, int *n)
{
	db_stmt *q = db_prepare(s->db, "SELECT a.alias, g.name FROM agency_alias a JOIN agency g ON g.id = a.agency_id"
	                               " ORDER BY a.alias");
	int rc = -1, cap = 0;
	*aliases = *names = NULL;
	*n = 0;
	while (q && (rc = db_step(q)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*aliases = xrealloc(*aliases, sizeof **aliases * (size_t)cap);
			*names = xrealloc(*names, sizeof **names * (size_t)cap);
		}
		(*aliases)[*n] = db_col_dup(q, 0);
		(*names)[(*n)++] = db_col_dup(q, 1);
	}
	if (q)
		db_reset(q);
	return q && rc == 0;
}

/* Sorted in C (store_agency_tasks): SQLite's sort of every link was half
 * of the query. */
const char store_sql_agency_tasks[] =
	"SELECT x.agency_id, t.num, x.role = 'lead' FROM task t JOIN task_agency x ON x.task_id = t.id"
	" WHERE t.plan_id = :plan";
const char store_sql_agency_names[] = "SELECT id, name FROM agency ORDER BY id";

const char store_sql_areas[] =
	"SELECT num, title, short FROM area WHERE plan_id = :plan ORDER BY num";

static void read_area(db_stmt *q, void *item, void *ctx)
{
	area_rec *a = item;
	(void)ctx;
	a->num = (int)db_col_int(q, 0);
	a->title = db_col_dup(q, 1);
	a->short_name = db_col_dup(q, 2);
}

bool store_areas(store *s, int64_t plan_id, area_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_areas);
	*out = NULL;
	*n = 0;
	if (!q || !db_bind_int(q, ":plan", plan_id))
		return false;
	return db_collect(q, out, n, sizeof **out, read_area, NULL);
}

void store_areas_free(area_rec *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].title);
		free(a[i].short_name);
	}
	free(a);
}

#define NUMS_FROM "SELECT t.num FROM task t JOIN measure m ON m.id = t.measure_id JOIN area a ON a.id = m.area_id"
const char store_sql_nums_plan[] = STORE_FILTER_SHAPE_0(NUMS_FROM, " ORDER BY t.num");
const char store_sql_nums_area[] = STORE_FILTER_SHAPE_1(NUMS_FROM, " ORDER BY t.num");
const char store_sql_nums_agency[] = STORE_FILTER_SHAPE_2(NUMS_FROM, " ORDER BY t.num");
const char store_sql_nums_area_agency[] = STORE_FILTER_SHAPE_3(NUMS_FROM, " ORDER BY t.num");
static const char *const store_sql_task_nums[STORE_FILTER_SHAPE_COUNT] = {
	store_sql_nums_plan, store_sql_nums_area, store_sql_nums_agency, store_sql_nums_area_agency,
};

static void read_num(db_stmt *q, void *item, void *ctx)
{
	(void)ctx;
	*(int *)item = (int)db_col_int(q, 0);
}

bool store_task_nums(store *s, int64_t plan_id, const task_filter *f, int **nums, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_task_nums[store_filter_shape(f)]);
	*nums = NULL;
	*n = 0;
	if (!q || !store_bind_filter(q, plan_id, f))
		return false;
	return db_collect(q, nums, n, sizeof **nums, read_num, NULL);
}

static void read_agency_task(db_stmt *q, void *item, void *ctx)
{
	agency_task *t = item;
	(void)ctx;
	t->agency_id = db_col_int(q, 0);
	t->num = (int)db_col_int(q, 1);
	t->lead = db_col_int(q, 2) != 0;
}

static int by_agency_then_num(const void *pa, const void *pb)
{
	const agency_task *a = pa, *b = pb;
	if (a->agency_id != b->agency_id)
		return a->agency_id < b->agency_id ? -1 : 1;
	return (a->num > b->num) - (a->num < b->num);
}

static void read_agency_name(db_stmt *q, void *item, void *ctx)
{
	agency_rec *a = item;
	(void)ctx;
	memset(a, 0, sizeof *a);
	a->id = db_col_int(q, 0);
	a->name = db_col_dup(q, 1);
}

bool store_agency_names(store *s, agency_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_agency_names);
	*out = NULL;
	*n = 0;
	return q && db_collect(q, out, n, sizeof **out, read_agency_name, NULL);
}

bool store_agency_tasks(store *s, int64_t plan_id, agency_task **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_agency_tasks);
	*out = NULL;
	*n = 0;
	if (!q || !db_bind_int(q, ":plan", plan_id) || !db_collect(q, out, n, sizeof **out, read_agency_task, NULL))
		return false;
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, by_agency_then_num);
	return true;
}
