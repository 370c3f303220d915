/* Tasks in full: indicators, reports with their values, notes. However many
 * tasks are asked for, it takes one query per kind of row (tasks,
 * indicators, reports, values, notes), each walking an index in task order,
 * so a screen of rows or a whole plan costs a handful of statements instead
 * of several per task.
 *
 * For the verdicts alone (lists, counts) it reads only the reports the flag
 * rules look at, found by index seeks, so the cost does not grow with the
 * years of history: for each indicator its latest value known by `upto`;
 * for a per-year indicator also its latest in each year its targets can
 * fall in; for each task its latest report; for a task without indicators
 * its "completed" reports up to its last due date (see src/core/flag.c:
 * known_values, covers, latest_known, completed_between). Forecasts, which
 * fit a line through every value, need them all and ask for DETAIL_ALL. */
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
const char store_sql_details_reports[] =
	"SELECT task_id, id, period, status, demo, version, state, note, author, created,"
	"       reason, reviewer, reviewed, late, reopened"
	"  FROM report WHERE task_id " IN_TASKS " AND period <= :upto ORDER BY task_id, period";
/* Without the texts: the notes, the longest part of a report row, are not
 * copied. */
const char store_sql_details_report_heads[] =
	"SELECT task_id, id, period, status, demo, version, state, NULL, NULL, NULL, reason, NULL, NULL, late, reopened"
	"  FROM report WHERE task_id " IN_TASKS " AND period <= :upto ORDER BY task_id, period";
const char store_sql_details_values[] =
	"SELECT r.task_id, v.report_id, v.indicator_id, v.value"
	"  FROM report r JOIN report_value v ON v.report_id = r.id"
	" WHERE r.task_id " IN_TASKS " AND r.period <= :upto ORDER BY r.task_id, r.period";
const char store_sql_details_notes[] =
	"SELECT task_id, id, kind, text, author, created, demo FROM note"
	" WHERE task_id " IN_TASKS " ORDER BY task_id, created, id";

/* Twins of the flag rules (src/core/flag.c, "SQL twins"): change both together.
 * The verdicts' reports: each task's latest (with its texts, which lists
 * and summaries show), and a task without indicators its "completed" ones
 * up to the quarter of its last due date. */
const char store_sql_verdict_reports[] =
	"SELECT t.id, r.id, r.period, r.status, r.demo, r.version, r.state, r.note, r.author, r.created,"
	"       r.reason, r.reviewer, r.reviewed, r.late, r.reopened"
	"  FROM task t JOIN report r"
	"  ON r.id = (SELECT x.id FROM report x WHERE x.task_id = t.id AND x.period <= :upto"
	"             AND x.state <> 'returned' ORDER BY x.period DESC LIMIT 1)"
	" WHERE t.id " IN_TASKS
	" UNION ALL "
	/* The latest even when returned: lists and reminders show it, with its
	 * reason; the rules pass over it (model_report_counts). UNION ALL: a
	 * report two parts both pick is kept once by the reader (report_row),
	 * cheaper than having SQLite sort every row, note and all, to find it. */
	"SELECT t.id, r.id, r.period, r.status, r.demo, r.version, r.state, r.note, r.author, r.created,"
	"       r.reason, r.reviewer, r.reviewed, r.late, r.reopened"
	"  FROM task t JOIN report r"
	"  ON r.id = (SELECT x.id FROM report x WHERE x.task_id = t.id AND x.period <= :upto"
	"             ORDER BY x.period DESC LIMIT 1)"
	" WHERE t.id " IN_TASKS
	" UNION ALL "
	"SELECT r.task_id, r.id, r.period, r.status, r.demo, r.version, r.state, r.note, r.author, r.created,"
	"       r.reason, r.reviewer, r.reviewed, r.late, r.reopened"
	"  FROM task t JOIN report r ON r.task_id = t.id AND r.status = 'completed' AND r.period <= :upto"
	"  AND r.state <> 'returned'"
	"  AND r.period <= substr(t.due, 1, 4) || 'Q' || ((CAST(substr(t.due, 6, 2) AS INTEGER) + 2) / 3)"
	" WHERE t.id " IN_TASKS " AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.task_id = t.id)"
	" ORDER BY 1, 3";
/* The verdicts' values: each indicator's latest known by :upto, and a
 * per-year or annual indicator's latest in each year from the plan's start (or the
 * task's first due date, if earlier) to its last due date. One index seek
 * each, whatever the history. */
const char store_sql_verdict_values[] =
	"WITH RECURSIVE"
	" ind AS (SELECT i.id, i.task_id,"
	"   min(CAST(substr(p.starts, 1, 4) AS INTEGER),"
	"       CAST(substr(json_extract(t.dues, '$[0]'), 1, 4) AS INTEGER)) AS ylo,"
	"   min(CAST(substr(:upto, 1, 4) AS INTEGER), max(CAST(substr(t.due, 1, 4) AS INTEGER),"
	"       CAST(substr(i.due, 1, 4) AS INTEGER))) AS yhi"
	"   FROM indicator i JOIN task t ON t.id = i.task_id JOIN plan p ON p.id = t.plan_id"
	"  WHERE i.task_id " IN_TASKS " AND i.mode IN ('per-year', 'annual')),"
	" years(y) AS (SELECT (SELECT min(ylo) FROM ind) UNION ALL"
	"   SELECT y + 1 FROM years WHERE y < CAST(substr(:upto, 1, 4) AS INTEGER)),"
	" pick(task_id, ind, rid) AS ("
	"  SELECT i.task_id, i.id, (SELECT r.id FROM report r JOIN report_value v"
	"      ON v.report_id = r.id AND v.indicator_id = i.id"
	"    WHERE r.task_id = i.task_id AND r.period <= :upto AND r.state <> 'returned'"
	"    ORDER BY r.period DESC LIMIT 1)"
	"    FROM indicator i WHERE i.task_id " IN_TASKS
	"  UNION"
	"  SELECT ind.task_id, ind.id, (SELECT r.id FROM report r JOIN report_value v"
	"      ON v.report_id = r.id AND v.indicator_id = ind.id"
	"    WHERE r.task_id = ind.task_id AND r.period BETWEEN years.y || 'Q1' AND min(years.y || 'Q4', :upto)"
	"      AND r.state <> 'returned'"
	"    ORDER BY r.period DESC LIMIT 1)"
	"    FROM ind JOIN years ON years.y BETWEEN ind.ylo AND ind.yhi)"
	" SELECT k.task_id, r.id, r.period, r.status, r.demo, r.version, r.state, k.ind, v.value"
	"   FROM pick k JOIN report r ON r.id = k.rid"
	"   JOIN report_value v ON v.report_id = r.id AND v.indicator_id = k.ind"
	"  ORDER BY k.task_id, r.period";

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

/* The details being filled, found by task id as the rows arrive in task id
 * order: a cursor walks the ids in the same order. */
typedef struct batch {
	task_detail *d;
	int n;
	int *by_id;                  /* indices into d, ascending task id */
	char *ids;                   /* JSON array of the task ids */
	int cursor;
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

/* texts: the note, author and times (columns 7–9, 11, 12); review: the
 * return's reason and the 迟报 and reopened marks (10, 13, 14), which lists
 * show. */
static void read_report(db_stmt *q, bool texts, bool review, report_rec *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(q, 1);
	snprintf(r->period, sizeof r->period, "%s", db_col_text(q, 2));
	period_parse(r->period, &r->year, &r->quarter);
	r->status = db_col_dup(q, 3);
	r->demo = db_col_int(q, 4) != 0;
	r->version = (int)db_col_int(q, 5);
	model_report_state_parse(db_col_text(q, 6), &r->state);
	if (review) {
		r->reason = db_col_dup(q, 10);
		r->late = db_col_int(q, 13) != 0;
		r->reopened = db_col_int(q, 14) != 0;
	}
	if (texts) {
		r->note = db_col_dup(q, 7);
		r->author = db_col_dup(q, 8);
		r->created = db_col_dup(q, 9);
		r->reviewer = db_col_dup(q, 11);
		r->reviewed = db_col_dup(q, 12);
	}
}

static bool read_reports(store *s, const detail_query *dq, batch *b)
{
	db_stmt *q = db_prepare(s->db, dq->texts ? store_sql_details_reports : store_sql_details_report_heads);
	if (!q || !db_bind_text(q, ":tasks", b->ids) ||
	    !db_bind_text(q, ":upto", dq->upto ? dq->upto : all_periods))
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
		d->reports = xgrow(d->reports, d->nreports, &cap, sizeof *d->reports);
		read_report(q, dq->texts, true, &d->reports[d->nreports++]);
	}
	db_reset(q);
	return rc == 0;
}

/* The report of a task by id; reports arrive in the order the values do. */
static report_rec *report_of(task_detail *d, int64_t report_id, int *from)
{
	for (; *from < d->nreports; (*from)++)
		if (d->reports[*from].id == report_id)
			return &d->reports[*from];
	return NULL;
}

static void add_value(report_rec *r, int64_t indicator_id, double value)
{
	int cap = r->nvalues, capv = r->nvalues;
	r->indicator_ids = xgrow(r->indicator_ids, r->nvalues, &cap, sizeof *r->indicator_ids);
	r->values = xgrow(r->values, r->nvalues, &capv, sizeof *r->values);
	r->indicator_ids[r->nvalues] = indicator_id;
	r->values[r->nvalues++] = value;
}

static int ord_of(const task_detail *d, int64_t indicator_id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == indicator_id)
			return d->indicators[i].ord;
	return 1000;
}

/* A report's values in the order of its indicators (as the task lists
 * them); the index gives them by indicator id. */
static void order_values(const task_detail *d, report_rec *r)
{
	for (int i = 1; i < r->nvalues; i++) {
		int64_t id = r->indicator_ids[i];
		double v = r->values[i];
		int ord = ord_of(d, id), k = i;
		while (k > 0 && ord_of(d, r->indicator_ids[k - 1]) > ord) {
			r->indicator_ids[k] = r->indicator_ids[k - 1];
			r->values[k] = r->values[k - 1];
			k--;
		}
		r->indicator_ids[k] = id;
		r->values[k] = v;
	}
}

static bool read_values(store *s, const detail_query *dq, batch *b)
{
	db_stmt *q = db_prepare(s->db, store_sql_details_values);
	if (!q || !db_bind_text(q, ":tasks", b->ids) ||
	    !db_bind_text(q, ":upto", dq->upto ? dq->upto : all_periods))
		return false;
	int rc, from = 0;
	task_detail *last = NULL;
	report_rec *r = NULL;
	b->cursor = 0;
	while ((rc = db_step(q)) == 1) {
		task_detail *d = batch_find(b, db_col_int(q, 0));
		if (!d)
			continue;
		if (d != last)
			from = 0;
		last = d;
		int64_t report_id = db_col_int(q, 1);
		if (!r || r->id != report_id)
			r = report_of(d, report_id, &from);
		if (r)
			add_value(r, db_col_int(q, 2), db_col_double(q, 3));
	}
	db_reset(q);
	for (int i = 0; i < b->n; i++)
		for (int k = 0; k < b->d[i].nreports; k++)
			order_values(&b->d[i], &b->d[i].reports[k]);
	return rc == 0;
}

/* The task's report of that id, appended from the row when not read yet. */
static report_rec *report_row(task_detail *d, db_stmt *q, int *cap, bool texts, bool review)
{
	int64_t id = db_col_int(q, 1);
	for (int i = d->nreports - 1; i >= 0; i--)
		if (d->reports[i].id == id)
			return &d->reports[i];
	if (d->nreports == 0)
		*cap = 0;
	d->reports = xgrow(d->reports, d->nreports, cap, sizeof *d->reports);
	read_report(q, texts, review, &d->reports[d->nreports]);
	return &d->reports[d->nreports++];
}

static int by_period(const void *a, const void *b)
{
	return strcmp(((const report_rec *)a)->period, ((const report_rec *)b)->period);
}

/* Rows of (task, report columns…, [indicator, value]) into the details. */
static bool read_verdict_rows(store *s, const char *sql, const detail_query *dq, batch *b, bool values)
{
	db_stmt *q = db_prepare(s->db, sql);
	if (!q || !db_bind_text(q, ":tasks", b->ids) || !db_bind_text(q, ":upto", dq->upto))
		return false;
	int rc, cap = 0;
	task_detail *last = NULL;
	b->cursor = 0;
	while ((rc = db_step(q)) == 1) {
		task_detail *d = batch_find(b, db_col_int(q, 0));
		if (!d)
			continue;
		if (d != last)
			cap = d->nreports;
		last = d;
		report_rec *r = report_row(d, q, &cap, dq->texts && !values, !values);
		int64_t ind = values ? db_col_int(q, 7) : 0;
		bool have = false;
		for (int k = 0; values && k < r->nvalues; k++)
			have = have || r->indicator_ids[k] == ind;
		if (values && !have)
			add_value(r, ind, db_col_double(q, 8));
	}
	db_reset(q);
	return rc == 0;
}

static bool read_verdict_reports(store *s, const detail_query *dq, batch *b)
{
	if (!read_verdict_rows(s, store_sql_verdict_reports, dq, b, false) ||
	    !read_verdict_rows(s, store_sql_verdict_values, dq, b, true))
		return false;
	for (int i = 0; i < b->n; i++) {
		task_detail *d = &b->d[i];
		if (d->nreports > 1)
			qsort(d->reports, (size_t)d->nreports, sizeof *d->reports, by_period);
		for (int k = 0; k < d->nreports; k++)
			order_values(d, &d->reports[k]);
	}
	return true;
}

static bool read_notes(store *s, batch *b)
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
		d->notes = xgrow(d->notes, d->nnotes, &cap, sizeof *d->notes);
		note_rec *n = &d->notes[d->nnotes++];
		n->id = db_col_int(q, 1);
		n->kind = db_col_dup(q, 2);
		n->text = db_col_dup(q, 3);
		n->author = db_col_dup(q, 4);
		n->created = db_col_dup(q, 5);
		n->demo = db_col_int(q, 6) != 0;
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
	bool ok = b.n == 0 || (read_indicators(s, &b) &&
	                       (dq->verdicts_only && dq->upto
	                            ? read_verdict_reports(s, dq, &b)
	                            : read_reports(s, dq, &b) && read_values(s, dq, &b)) &&
	                       (!dq->notes || read_notes(s, &b)));
	if (!ok) {
		batch_free(&b);
		return false;
	}
	*out = b.d;
	*n = b.n;
	free(b.by_id);
	free(b.ids);
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
