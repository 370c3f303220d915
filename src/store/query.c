/* Reads: the plan, its tasks, one task in full, agencies, the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "internal.h"

static void *grow(void *p, int n, int *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	void *q = realloc(p, (size_t)*cap * size);
	if (!q)
		abort();
	return q;
}

static int parse_date_col(db_stmt *q, int col)
{
	int d = 0;
	date_parse(db_col_text(q, col), &d);
	return d;
}

bool store_plan(store *s, const char *code, plan_rec *out)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, code, title, issuer, starts, ends FROM plan"
		" WHERE :code = '' OR code = :code ORDER BY id LIMIT 1");
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
	memset(out, 0, sizeof *out);
	out->id = db_col_int(q, 0);
	out->code = db_col_dup(q, 1);
	out->title = db_col_dup(q, 2);
	out->issuer = db_col_dup(q, 3);
	out->starts = parse_date_col(q, 4);
	out->ends = parse_date_col(q, 5);
	db_reset(q);
	return true;
}

#define TASK_COLUMNS \
	"SELECT t.id, t.num, a.num, a.short, a.title, m.num, m.title, t.text, t.deadline," \
	"  (SELECT group_concat(value, ',') FROM json_each(t.dues)), t.due, t.status, t.version," \
	"  (SELECT group_concat(g.name, ';') FROM (SELECT g.name FROM task_agency x" \
	"     JOIN agency g ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'lead'" \
	"     ORDER BY x.ord) AS g)," \
	"  (SELECT group_concat(g.name, ';') FROM (SELECT g.name FROM task_agency x" \
	"     JOIN agency g ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'support'" \
	"     ORDER BY x.ord) AS g)" \
	" FROM task t JOIN measure m ON m.id = t.measure_id JOIN area a ON a.id = m.area_id"

static void read_task(db_stmt *q, task_rec *t)
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

bool store_tasks(store *s, int64_t plan_id, const task_filter *f, task_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, TASK_COLUMNS
		" WHERE t.plan_id = :plan AND (:area = 0 OR a.num = :area)"
		"   AND (:agency = 0 OR EXISTS (SELECT 1 FROM task_agency y WHERE y.task_id = t.id"
		"        AND y.agency_id = :agency AND (:role IS NULL OR y.role = :role)))"
		" ORDER BY t.num");
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id) ||
	    !db_bind_int(s->db, q, ":area", f ? f->area : 0) ||
	    !db_bind_int(s->db, q, ":agency", f ? f->agency_id : 0) ||
	    !db_bind_text(s->db, q, ":role", f ? f->role : NULL))
		return false;
	task_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = grow(list, count, &cap, sizeof *list);
		read_task(q, &list[count++]);
	}
	db_reset(q);
	*out = list;
	*n = count;
	return rc == 0;
}

static bool read_indicators(store *s, task_detail *d)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, ord, name, kind, comparator, target, target_hi, unit, due, mode, baseline"
		"  FROM indicator WHERE task_id = :task ORDER BY ord");
	if (!q || !db_bind_int(s->db, q, ":task", d->task.id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		d->indicators = grow(d->indicators, d->nindicators, &cap, sizeof *d->indicators);
		indicator_rec *i = &d->indicators[d->nindicators++];
		memset(i, 0, sizeof *i);
		i->id = db_col_int(q, 0);
		i->ord = (int)db_col_int(q, 1);
		i->name = db_col_dup(q, 2);
		i->milestone = strcmp(db_col_text(q, 3), "milestone") == 0;
		model_comparator_parse(db_col_text(q, 4), &i->cmp);
		i->target = db_col_double(q, 5);
		i->target_hi = db_col_is_null(q, 6) ? i->target : db_col_double(q, 6);
		i->unit = db_col_dup(q, 7);
		i->due = parse_date_col(q, 8);
		i->per_year = strcmp(db_col_text(q, 9), "per-year") == 0;
		i->baseline = db_col_double(q, 10);
	}
	db_reset(q);
	return rc == 0;
}

static bool read_values(store *s, report_rec *r)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT v.indicator_id, v.value FROM report_value v JOIN indicator i ON i.id = v.indicator_id"
		" WHERE v.report_id = :report ORDER BY i.ord");
	if (!q || !db_bind_int(s->db, q, ":report", r->id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		int capv = cap;
		r->indicator_ids = grow(r->indicator_ids, r->nvalues, &cap, sizeof *r->indicator_ids);
		r->values = grow(r->values, r->nvalues, &capv, sizeof *r->values);
		r->indicator_ids[r->nvalues] = db_col_int(q, 0);
		r->values[r->nvalues] = db_col_double(q, 1);
		r->nvalues++;
	}
	db_reset(q);
	return rc == 0;
}

static bool read_reports(store *s, task_detail *d)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, period, status, note, author, created, demo, version"
		"  FROM report WHERE task_id = :task ORDER BY period");
	if (!q || !db_bind_int(s->db, q, ":task", d->task.id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		d->reports = grow(d->reports, d->nreports, &cap, sizeof *d->reports);
		report_rec *r = &d->reports[d->nreports++];
		memset(r, 0, sizeof *r);
		r->id = db_col_int(q, 0);
		snprintf(r->period, sizeof r->period, "%s", db_col_text(q, 1));
		period_parse(r->period, &r->year, &r->quarter);
		r->status = db_col_dup(q, 2);
		r->note = db_col_dup(q, 3);
		r->author = db_col_dup(q, 4);
		r->created = db_col_dup(q, 5);
		r->demo = db_col_int(q, 6) != 0;
		r->version = (int)db_col_int(q, 7);
	}
	db_reset(q);
	if (rc != 0)
		return false;
	for (int i = 0; i < d->nreports; i++)
		if (!read_values(s, &d->reports[i]))
			return false;
	return true;
}

static bool read_notes(store *s, task_detail *d)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, kind, text, author, created, demo FROM note"
		" WHERE task_id = :task ORDER BY created, id");
	if (!q || !db_bind_int(s->db, q, ":task", d->task.id))
		return false;
	int cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		d->notes = grow(d->notes, d->nnotes, &cap, sizeof *d->notes);
		note_rec *n = &d->notes[d->nnotes++];
		n->id = db_col_int(q, 0);
		n->kind = db_col_dup(q, 1);
		n->text = db_col_dup(q, 2);
		n->author = db_col_dup(q, 3);
		n->created = db_col_dup(q, 4);
		n->demo = db_col_int(q, 5) != 0;
	}
	db_reset(q);
	return rc == 0;
}

bool store_task_detail(store *s, int64_t plan_id, int num, task_detail *out, bool *found)
{
	memset(out, 0, sizeof *out);
	*found = false;
	db_stmt *q = db_prepare(s->db, TASK_COLUMNS " WHERE t.plan_id = :plan AND t.num = :num");
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id) || !db_bind_int(s->db, q, ":num", num))
		return false;
	int rc = db_step(s->db, q);
	if (rc == 1)
		read_task(q, &out->task);
	db_reset(q);
	if (rc != 1) {
		if (rc == 0)
			db_fail(s->db, "没有序号为 %d 的任务", num);
		return false;
	}
	*found = true;
	if (read_indicators(s, out) && read_reports(s, out) && read_notes(s, out))
		return true;
	model_detail_free(out);
	return false;
}

bool store_agencies(store *s, int64_t plan_id, agency_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT g.id, g.name, sum(x.role = 'lead'), sum(x.role = 'support')"
		"  FROM agency g JOIN task_agency x ON x.agency_id = g.id"
		"  JOIN task t ON t.id = x.task_id AND t.plan_id = :plan"
		" GROUP BY g.id ORDER BY sum(x.role = 'lead') DESC, count(*) DESC, g.name");
	if (!q || !db_bind_int(s->db, q, ":plan", plan_id))
		return false;
	agency_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = grow(list, count, &cap, sizeof *list);
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

bool store_agency_find(store *s, const char *name, int64_t *id, bool *found)
{
	/* Spaces inside a name are layout, not part of it (市 发 展 改 革 委). */
	db_stmt *q = db_prepare(s->db,
		"SELECT id FROM agency WHERE name = replace(replace(:name, ' ', ''), '　', '')");
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
		"  FROM audit WHERE :prefix IS NULL OR object = :prefix OR object LIKE :prefix || ' %'"
		" ORDER BY id");
	if (!q || !db_bind_text(s->db, q, ":prefix", object_prefix))
		return false;
	audit_rec *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s->db, q)) == 1) {
		list = grow(list, count, &cap, sizeof *list);
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
