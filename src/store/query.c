/* Reads: the plan, its tasks, agencies, the audit trail (tasks in full:
 * detail.c). */
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
	if (!q || !db_bind_text(s->db, q, ":code", code ? code : ""))
		return false;
	int rc = db_step(s->db, q);
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
}

bool store_bind_filter(store *s, db_stmt *q, int64_t plan_id, const task_filter *f)
{
	return db_bind_int(s->db, q, ":plan", plan_id) && db_bind_int(s->db, q, ":area", f ? f->area : 0) &&
	       db_bind_int(s->db, q, ":agency", f ? f->agency_id : 0) &&
	       db_bind_text(s->db, q, ":role", f ? f->role : NULL) &&
	       db_bind_int(s->db, q, ":year", f ? f->due_year : 0);
}

const char store_sql_tasks[] =
	STORE_TASK_COLUMNS
	STORE_TASK_FILTER
	" ORDER BY t.num";

bool store_tasks(store *s, int64_t plan_id, const task_filter *f, task_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_tasks);
	if (!q || !store_bind_filter(s, q, plan_id, f))
		return false;
	task_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = xgrow(list, count, &cap, sizeof *list);
		store_read_task(q, &list[count++]);
	}
	db_reset(q);
	*out = list;
	*n = count;
	return rc == 0;
}

const char store_sql_agencies[] =
	"SELECT g.id, g.name, sum(x.role = 'lead'), sum(x.role = 'support')"
	"  FROM agency g JOIN task_agency x ON x.agency_id = g.id"
	"  JOIN task t ON t.id = x.task_id AND t.plan_id = :plan"
	" GROUP BY g.id ORDER BY sum(x.role = 'lead') DESC, count(*) DESC, g.name";

bool store_agencies(store *s, int64_t plan_id, agency_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, store_sql_agencies);
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id))
		return false;
	agency_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = xgrow(list, count, &cap, sizeof *list);
		agency_rec *a = &list[count++];
		a->id = db_col_int(q, 0);
		a->name = db_col_dup(q, 1);
		a->lead = (int)db_col_int(q, 2);
		a->support = (int)db_col_int(q, 3);
	}
	db_reset(q);
	*out = list;
	*n = count;
	return rc == 0;
}

const char store_sql_agency_find[] =
	"SELECT id FROM agency WHERE name = replace(replace(:name, ' ', ''), '　', '')";

bool store_agency_find(store *s, const char *name, int64_t *id, bool *found)
{
	/* Spaces inside a name are layout, not part of it (市 发 展 改 革 委). */
	db_stmt *q = db_prepare(s->db, store_sql_agency_find);
	if (!q || !db_bind_text(s->db, q, ":name", name))
		return false;
	int rc = db_step(s->db, q);
	*found = rc == 1;
	if (rc == 1)
		*id = db_col_int(q, 0);
	db_reset(q);
	if (rc == 0)
		db_fail(s->db, "没有名为 \"%s\" 的单位", name);
	return rc >= 0;
}

void store_audit_free(audit_rec *a)
{
	free(a->at);
	free(a->user);
	free(a->role);
	free(a->action);
	free(a->object);
	free(a->old);
	free(a->new_value);
	free(a->hash);
	memset(a, 0, sizeof *a);
}

bool store_audit(store *s, const char *object_prefix, audit_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, at, user, role, action, object, coalesce(old, ''), coalesce(new, ''), hash"
		"  FROM audit WHERE :prefix IS NULL OR object = :prefix"
		"     OR substr(object, 1, length(:prefix) + 1) = :prefix || ' '"
		" ORDER BY id");
	if (!q || !db_bind_text(s->db, q, ":prefix", object_prefix))
		return false;
	audit_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = xgrow(list, count, &cap, sizeof *list);
		audit_rec *a = &list[count++];
		a->id = db_col_int(q, 0);
		a->at = db_col_dup(q, 1);
		a->user = db_col_dup(q, 2);
		a->role = db_col_dup(q, 3);
		a->action = db_col_dup(q, 4);
		a->object = db_col_dup(q, 5);
		a->old = db_col_dup(q, 6);
		a->new_value = db_col_dup(q, 7);
		a->hash = db_col_dup(q, 8);
	}
	db_reset(q);
	*out = list;
	*n = count;
	return rc == 0;
}
