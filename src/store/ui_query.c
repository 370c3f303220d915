/* Reads for the full-screen program: areas, task numbers by filter, search.
 * Lists ask for numbers only and load the few rows they show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ducha/xalloc.h"

const char store_sql_agency_tasks[] =
	"SELECT x.agency_id, t.num FROM task t JOIN task_agency x ON x.task_id = t.id"
	" WHERE t.plan_id = :plan ORDER BY x.agency_id, t.num";

const char store_sql_areas[] =
	"SELECT num, title, short FROM area WHERE plan_id = :plan ORDER BY num";

bool store_areas(store *s, int64_t plan_id, area_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_areas);
	*out = NULL;
	*n = 0;
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		area_rec *a = &(*out)[(*n)++];
		a->num = (int)db_col_int(q, 0);
		a->title = db_col_dup(q, 1);
		a->short_name = db_col_dup(q, 2);
	}
	db_reset(q);
	return rc == 0;
}

void store_areas_free(area_rec *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].title);
		free(a[i].short_name);
	}
	free(a);
}

const char store_sql_task_nums[] =
	"SELECT t.num FROM task t JOIN measure m ON m.id = t.measure_id"
	"  JOIN area a ON a.id = m.area_id"
	STORE_TASK_FILTER
	" ORDER BY t.num";

bool store_task_nums(store *s, int64_t plan_id, const task_filter *f, int **nums, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_task_nums);
	*nums = NULL;
	*n = 0;
	if (!q || !store_bind_filter(s, q, plan_id, f))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		*nums = xgrow(*nums, *n, &cap, sizeof **nums);
		(*nums)[(*n)++] = (int)db_col_int(q, 0);
	}
	db_reset(q);
	return rc == 0;
}

bool store_agency_tasks(store *s, int64_t plan_id, agency_task **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_agency_tasks);
	*out = NULL;
	*n = 0;
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		(*out)[*n].agency_id = db_col_int(q, 0);
		(*out)[(*n)++].num = (int)db_col_int(q, 1);
	}
	db_reset(q);
	return rc == 0;
}

/* ASCII case is folded only when the needle holds ASCII letters: a needle
 * without any (Chinese, digits) matches the same text either way, and
 * lowering every note on every keystroke of a search is the slow part. */
#define FOLD(x) "CASE WHEN :fold THEN lower(" x ") ELSE " x " END"

const char store_sql_search[] =
	"SELECT num, kind, text FROM ("
	"  SELECT t.num AS num, 0 AS kind, t.text AS text, 0 AS ord FROM task t"
	"   WHERE t.plan_id = :plan AND instr(" FOLD("t.text") ", " FOLD(":q") ") > 0"
	"  UNION ALL"
	"  SELECT t.num, CASE n.kind WHEN 'comment' THEN 2 ELSE 1 END, n.text, n.id"
	"    FROM note n JOIN task t ON t.id = n.task_id"
	"   WHERE t.plan_id = :plan AND instr(" FOLD("n.text") ", " FOLD(":q") ") > 0"
	"  UNION ALL"
	"  SELECT t.num, 3, r.note, r.id FROM report r JOIN task t ON t.id = r.task_id"
	"   WHERE t.plan_id = :plan AND r.note <> '' AND instr(" FOLD("r.note") ", " FOLD(":q") ") > 0)"
	" ORDER BY num, kind, ord DESC LIMIT :limit";

bool store_search(store *s, int64_t plan_id, const char *needle, int limit,
                  search_hit **out, int *n)
{
	/* instr() compares characters, so a Chinese substring matches exactly;
	 * lower() folds ASCII only, which is what people expect of "AI" or "ai". */
	db_stmt *q = db_prepare(s->db, store_sql_search);
	*out = NULL;
	*n = 0;
	bool fold = false;
	for (const char *p = needle; *p && !fold; p++)
		fold = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id) || !db_bind_text(s->db, q, ":q", needle) ||
	    !db_bind_int(s->db, q, ":fold", fold) || !db_bind_int(s->db, q, ":limit", limit))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		search_hit *h = &(*out)[(*n)++];
		h->task_num = (int)db_col_int(q, 0);
		h->kind = (search_kind)db_col_int(q, 1);
		h->text = db_col_dup(q, 2);
	}
	db_reset(q);
	return rc == 0;
}

void store_search_free(search_hit *h, int n)
{
	for (int i = 0; i < n; i++)
		free(h[i].text);
	free(h);
}
