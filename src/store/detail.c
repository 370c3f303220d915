/* Tasks in full: indicators, reports with their values, notes. However many
 * tasks are asked for, it takes one query per kind of row (tasks,
 * indicators, report heads, values, report texts, notes), each walking an
 * index in task order, so a screen of rows or a whole plan costs a handful
 * of statements instead of several per task.
 *
 * The reports' heads (period, status, review marks) and the values are read
 * from covering indexes (report_heads, report_value_series in
 * db/schema.sql): a task's history is a few index pages, never the report
 * rows with their notes. The notes, authors and times are read by id after
 * that: every report's, or for the verdicts alone (lists, summaries) only
 * those of the reports shown: each task's latest, its latest one that
 * counts, and its "completed" ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "internal.h"
#include "ducha/xalloc.h"

/* Task sets are bound as a JSON array and read with json_each, so one
 * prepared statement serves any number of tasks. */
#define IN_TASKS "IN (SELECT value FROM json_each(:tasks))"

const char store_sql_details_tasks[] =
	STORE_TASK_COLUMNS " WHERE t.plan_id = :plan AND t.num IN (SELECT value FROM json_each(:nums))"
	" ORDER BY t.num";
const char store_sql_details_indicators[] =
	"SELECT task_id, id, ord, name, kind, comparator, target, target_hi, unit, due, mode, baseline,"
	"       baseline_date, baseline_source, source, approval"
	"  FROM indicator WHERE task_id " IN_TASKS " ORDER BY task_id, ord";
const char store_sql_details_report_heads[] =
	"SELECT task_id, id, period, status, demo, version, state, reason, late, reopened"
	"  FROM report WHERE task_id " IN_TASKS " AND period <= :upto ORDER BY task_id, period";
const char store_sql_details_report_texts[] =
	"SELECT id, note, author, created, reviewer, reviewed FROM report"
	" WHERE id IN (SELECT value FROM json_each(:reports))";
/* In the order of the task's indicators, so a report's values need no
 * sorting; the report is found by id (report_index). */
const char store_sql_details_values[] =
	"SELECT i.task_id, v.report_id, v.indicator_id, v.value"
	"  FROM indicator i JOIN report_value v ON v.indicator_id = i.id"
	" WHERE i.task_id " IN_TASKS " ORDER BY i.task_id, i.ord";
const char store_sql_details_notes[] =
	"SELECT task_id, id, kind, text, author, created, demo, edited FROM note"
	" WHERE task_id " IN_TASKS " AND withdrawn = 0 ORDER BY task_id, created, id";

/* Later than any period, for "every report". */
static const char all_periods[] = "9999Q4";

/* "[a,b,c]" of integers: nothing in it needs escaping. malloc'd. */
static char *json_ints(const int64_t *v, int n)
{
	char *out = xmalloc((size_t)n * 21 + 3), *p = out;
	*p++ = '[';
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s%lld", i ? "," : "", (long long)v[i]);
	strcpy(p, "]");
	return out;
}

typedef struct report_ref {
	int64_t id;
	report_rec *r;
	int nindicators;             /* of its task: the most values it can have */
} report_ref;

/* The details being filled, found by task id as the rows arrive in task id
 * order: a cursor walks the ids in the same order. */
typedef struct batch {
	task_detail *d;
	int n;
	int *by_id;                  /* indices into d, ascending task id */
	char *ids;                   /* JSON array of the task ids */
	int cursor;
	report_ref *refs;            /* every report read, ascending id */
	int nrefs;
} batch;

static task_detail *batch_find(batch *b, int64_t task_id)
{
	if (b->cursor < b->n && b->d[b->by_id[b->cursor]].task.id > task_id)
		b->cursor = 0;           /* a new query starts over */
	while (b->cursor < b->n && b->d[b->by_id[b->cursor]].task.id < task_id)
		b->cursor++;
	if (b->cursor < b->n && b->d[b->by_id[b->cursor]].task.id == task_id)
		return &b->d[b->by_id[b->cursor]];
	return NULL;
}

static int by_task_id(const void *a, const void *b, void *ctx)
{
	const task_detail *d = ctx;
	int64_t x = d[*(const int *)a].task.id, y = d[*(const int *)b].task.id;
	return (x > y) - (x < y);
}

static void batch_index(batch *b)
{
	int64_t *ids = xcalloc((size_t)b->n + 1, sizeof *ids);
	b->by_id = xcalloc((size_t)b->n + 1, sizeof *b->by_id);
	for (int i = 0; i < b->n; i++) {
		b->by_id[i] = i;
		ids[i] = b->d[i].task.id;
	}
	qsort_r(b->by_id, (size_t)b->n, sizeof *b->by_id, by_task_id, b->d);
	b->ids = json_ints(ids, b->n);
	free(ids);
}

static bool read_tasks(store *s, int64_t plan_id, const detail_query *dq, batch *b)
{
	int64_t *nums = xcalloc((size_t)dq->n + 1, sizeof *nums);
	for (int i = 0; i < dq->n; i++)
		nums[i] = dq->nums[i];
	char *json = json_ints(nums, dq->n);
	free(nums);
	db_stmt *q = db_prepare(s->db, store_sql_details_tasks);
	bool ok = q && db_bind_int(q, ":plan", plan_id) && db_bind_text(q, ":nums", json);
	free(json);
	if (!ok)
		return false;
	int cap = 0, rc;
	while ((rc = db_step(q)) == 1) {
		b->d = xgrow(b->d, b->n, &cap, sizeof *b->d);
		memset(&b->d[b->n], 0, sizeof b->d[0]);
		store_read_task(q, &b->d[b->n++].task);
	}
	db_reset(q);
	return rc == 0;
}

static int parse_date(const char *text)
{
	int d = 0;
	date_parse(text, &d);
	return d;
}

static void read_indicator(db_stmt *q, indicator_rec *i)
{
	memset(i, 0, sizeof *i);
	i->id = db_col_int(q, 1);
	i->ord = (int)db_col_int(q, 2);
	i->name = db_col_dup(q, 3);
	i->milestone = strcmp(db_col_text(q, 4), "milestone") == 0;
	model_comparator_parse(db_col_text(q, 5), &i->cmp);
	i->target = db_col_double(q, 6);
	i->target_hi = db_col_is_null(q, 7) ? i->target : db_col_double(q, 7);
	i->unit = db_col_dup(q, 8);
	i->due = parse_date(db_col_text(q, 9));
	model_mode_parse(db_col_text(q, 10), &i->mode);
	i->has_baseline = !db_col_is_null(q, 11);
	i->baseline = i->has_baseline ? db_col_double(q, 11) : 0;
	i->baseline_date = db_col_is_null(q, 12) ? 0 : parse_date(db_col_text(q, 12));
	i->baseline_source = db_col_dup(q, 13);
	i->source = db_col_dup(q, 14);
	i->approval = db_col_dup(q, 15);
}

static bool read_indicators(store *s, batch *b)
{
	db_stmt *q = db_prepare(s->db, store_sql_details_indicators);
	if (!q || !db_bind_text(q, ":tasks", b->ids))
		return false;
	int rc, cap = 0;
	task_detail *last = NULL;
	while ((rc = db_step(q)) == 1) {
		task_detail *d = batch_find(b, db_col_int(q, 0));
		if (!d)
			continue;
		if (d != last)
			cap = 0;
		last = d;
		d->indicators = xgrow(d->indicators, d->nindicators, &cap, sizeof *d->indicators);
		read_indicator(q, &d->indicators[d->nindicators++]);
	}
	db_reset(q);
	return rc == 0;
}

static void read_head(db_stmt *q, report_rec *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(q, 1);
	const char *period = db_col_text(q, 2);
	size_t len = strlen(period);
	memcpy(r->period, period, len < sizeof r->period ? len + 1 : 0);
	period_parse(r->period, &r->year, &r->quarter);
	/* The schema admits only these (CHECK): any other reads as in progress. */
	r->status = model_report_status(db_col_text(q, 3));
	if (!r->status)
		r->status = model_report_status("in-progress");
	r->demo = db_col_int(q, 4) != 0;
	r->version = (int)db_col_int(q, 5);
	model_report_state_parse(db_col_text(q, 6), &r->state);
	r->reason = db_col_dup(q, 7);
	r->late = db_col_int(q, 8) != 0;
	r->reopened = db_col_int(q, 9) != 0;
}

static int by_report_id(const void *a, const void *b)
{
	int64_t x = ((const report_ref *)a)->id, y = ((const report_ref *)b)->id;
	return (x > y) - (x < y);
}

/* Every report of the batch by id, once the heads are all read (the
 * arrays no longer move). */
static void index_reports(batch *b)
{
	int n = 0;
	for (int i = 0; i < b->n; i++)
		n += b->d[i].nreports;
	b->refs = xcalloc((size_t)n + 1, sizeof *b->refs);
	for (int i = 0; i < b->n; i++)
		for (int k = 0; k < b->d[i].nreports; k++)
			b->refs[b->nrefs++] = (report_ref){ b->d[i].reports[k].id, &b->d[i].reports[k],
			                                    b->d[i].nindicators };
	qsort(b->refs, (size_t)b->nrefs, sizeof *b->refs, by_report_id);
}

/* Values come in report id order within an indicator, so the one after the
 * last found is tried before a search. */
static report_ref *report_find(const batch *b, int64_t id, int *hint)
{
	if (*hint + 1 < b->nrefs && b->refs[*hint + 1].id == id)
		return &b->refs[++*hint];
	report_ref key = { .id = id };
	report_ref *found = bsearch(&key, b->refs, (size_t)b->nrefs, sizeof *b->refs, by_report_id);
	if (found)
		*hint = (int)(found - b->refs);
	return found;
}

/* The heads arrive in task order: gathered in one array, then each task's
 * run copied into an array of its own size (a few reallocations a batch
 * instead of several a task). */
static bool read_reports(store *s, const detail_query *dq, batch *b)
{
	db_stmt *q = db_prepare(s->db, store_sql_details_report_heads);
	if (!q || !db_bind_text(q, ":tasks", b->ids) ||
	    !db_bind_text(q, ":upto", dq->upto ? dq->upto : all_periods))
		return false;
	report_rec *all = NULL;
	task_detail **owner = NULL;
	int rc, n = 0, cap = 0, cap_owner = 0;
	b->cursor = 0;
	while ((rc = db_step(q)) == 1) {
		task_detail *d = batch_find(b, db_col_int(q, 0));
		if (!d)
			continue;
		all = xgrow(all, n, &cap, sizeof *all);
		owner = xgrow(owner, n, &cap_owner, sizeof *owner);
		owner[n] = d;
		read_head(q, &all[n++]);
	}
	db_reset(q);
	for (int from = 0, to; from < n; from = to) {
		for (to = from; to < n && owner[to] == owner[from]; to++)
			;
		task_detail *d = owner[from];
		d->reports = xcalloc((size_t)(to - from), sizeof *d->reports);
		memcpy(d->reports, all + from, (size_t)(to - from) * sizeof *d->reports);
		d->nreports = to - from;
	}
	free(all);
	free(owner);
	index_reports(b);
	return rc == 0;
}

/* A report holds at most one value per indicator of its task: room for
 * them all is taken once. Values of reports after upto are passed over. */
static bool read_values(store *s, batch *b)
{
	db_stmt *q = db_prepare(s->db, store_sql_details_values);
	if (!q || !db_bind_text(q, ":tasks", b->ids))
		return false;
	int rc, hint = -1;
	while ((rc = db_step(q)) == 1) {
		report_ref *ref = report_find(b, db_col_int(q, 1), &hint);
		if (!ref)
			continue;
		report_rec *r = ref->r;
		if (!r->values) {
			r->indicator_ids = xcalloc((size_t)ref->nindicators + 1, sizeof *r->indicator_ids);
			r->values = xcalloc((size_t)ref->nindicators + 1, sizeof *r->values);
		}
		if (r->nvalues < ref->nindicators) {
			r->indicator_ids[r->nvalues] = db_col_int(q, 2);
			r->values[r->nvalues++] = db_col_double(q, 3);
		}
	}
	db_reset(q);
	return rc == 0;
}

/* The reports a list or a summary shows of a task: its latest, its latest
 * that counts (not returned), and the "completed" ones. */
static bool shown_in_lists(const task_detail *d, int k)
{
	const report_rec *r = &d->reports[k];
	if (k == d->nreports - 1 || strcmp(r->status, "completed") == 0)
		return true;
	if (r->state == REPORT_RETURNED)
		return false;
	for (int later = k + 1; later < d->nreports; later++)
		if (d->reports[later].state != REPORT_RETURNED)
			return false;
	return true;
}

/* The texts of every report, or for the verdicts of those shown. */
static char *text_report_ids(const batch *b, bool verdicts_only)
{
	int64_t *ids = xcalloc((size_t)b->nrefs + 1, sizeof *ids);
	int n = 0;
	for (int i = 0; i < b->n; i++)
		for (int k = 0; k < b->d[i].nreports; k++)
			if (!verdicts_only || shown_in_lists(&b->d[i], k))
				ids[n++] = b->d[i].reports[k].id;
	char *json = json_ints(ids, n);
	free(ids);
	return json;
}

static bool read_report_texts(store *s, const detail_query *dq, batch *b)
{
	char *ids = text_report_ids(b, dq->verdicts_only);
	db_stmt *q = db_prepare(s->db, store_sql_details_report_texts);
	bool ok = q && db_bind_text(q, ":reports", ids);
	free(ids);
	if (!ok)
		return false;
	int rc, hint = -1;
	while ((rc = db_step(q)) == 1) {
		report_ref *ref = report_find(b, db_col_int(q, 0), &hint);
		if (!ref || ref->r->note)
			continue;
		ref->r->note = db_col_dup(q, 1);
		ref->r->author = db_col_dup(q, 2);
		ref->r->created = db_col_dup(q, 3);
		ref->r->reviewer = db_col_dup(q, 4);
		ref->r->reviewed = db_col_dup(q, 5);
	}
	db_reset(q);
	return rc == 0;
}

/* A note of this kind the task has already, or NULL. */
static note_rec *note_of_kind(task_detail *d, const char *kind)
{
	for (int i = 0; i < d->nnotes; i++)
		if (strcmp(d->notes[i].kind, kind) == 0)
			return &d->notes[i];
	return NULL;
}

/* Notes arrive oldest first: with latest, a later one of a kind takes the
 * place of the one before. */
static bool read_notes(store *s, batch *b, bool latest)
{
	db_stmt *q = db_prepare(s->db, store_sql_details_notes);
	if (!q || !db_bind_text(q, ":tasks", b->ids))
		return false;
	int rc, cap = 0;
	task_detail *last = NULL;
	b->cursor = 0;
	while ((rc = db_step(q)) == 1) {
		task_detail *d = batch_find(b, db_col_int(q, 0));
		if (!d)
			continue;
		if (d != last)
			cap = 0;
		last = d;
		note_rec *n = latest ? note_of_kind(d, db_col_text(q, 2)) : NULL;
		if (n) {
			model_note_free(n);
		} else {
			d->notes = xgrow(d->notes, d->nnotes, &cap, sizeof *d->notes);
			n = &d->notes[d->nnotes++];
		}
		n->id = db_col_int(q, 1);
		n->kind = db_col_dup(q, 2);
		n->text = db_col_dup(q, 3);
		n->author = db_col_dup(q, 4);
		n->created = db_col_dup(q, 5);
		n->demo = db_col_int(q, 6) != 0;
		n->edited = db_col_is_null(q, 7) ? NULL : db_col_dup(q, 7);
	}
	db_reset(q);
	return rc == 0;
}

static void batch_free(batch *b)
{
	for (int i = 0; i < b->n; i++)
		model_detail_free(&b->d[i]);
	free(b->d);
	free(b->by_id);
	free(b->ids);
	free(b->refs);
	memset(b, 0, sizeof *b);
}

bool store_task_details(store *s, int64_t plan_id, const detail_query *dq, task_detail **out, int *n)
{
	batch b = { 0 };
	*out = NULL;
	*n = 0;
	if (!read_tasks(s, plan_id, dq, &b)) {
		batch_free(&b);
		return false;
	}
	batch_index(&b);
	bool ok = b.n == 0 || (read_indicators(s, &b) && read_reports(s, dq, &b) && read_values(s, &b) &&
	                       (!dq->texts || read_report_texts(s, dq, &b)) && (!dq->notes || read_notes(s, &b, dq->latest_notes)));
	if (!ok) {
		batch_free(&b);
		return false;
	}
	*out = b.d;
	*n = b.n;
	free(b.by_id);
	free(b.ids);
	free(b.refs);
	return true;
}

bool store_task_detail(store *s, int64_t plan_id, int num, task_detail *out, bool *found)
{
	detail_query dq = { .nums = &num, .n = 1, .texts = true, .notes = true };
	task_detail *d;
	int n;
	memset(out, 0, sizeof *out);
	*found = false;
	if (!store_task_details(s, plan_id, &dq, &d, &n))
		return false;
	if (n == 0) {
		free(d);
		db_fail(s->db, "没有序号为 %d 的任务", num);
		return false;
	}
	*found = true;
	*out = d[0];
	free(d);
	return true;
}
