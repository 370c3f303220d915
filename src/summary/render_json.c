/* The summary as one JSON document, built by SQLite's JSON functions (no
 * escaping by hand), then made safe for a terminal by text_json_safe. */
#include "ducha/summary.h"
#include "ducha/document.h"
#include "ducha/wording.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

/* JSON pieces being assembled; any NULL from the store makes the whole fail. */
typedef struct parts {
	store *st;
	bool failed;
} parts;

static char *object(parts *p, const json_field *f, int n)
{
	char *out = p->failed ? NULL : store_json_object(p->st, f, n);
	p->failed = p->failed || !out;
	return out;
}

/* An array of items (each freed here). */
static char *array(parts *p, char **items, int n)
{
	char *out = NULL;
	for (int i = 0; i < n; i++)
		p->failed = p->failed || !items[i];
	if (!p->failed)
		out = store_json_array(p->st, items, n);
	p->failed = p->failed || !out;
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return out;
}

static char **items_alloc(int n)
{
	char **items = xcalloc((size_t)n + 1, sizeof *items);
	return items;
}

static char *flag_counts(parts *p, const int *flags)
{
	json_field f[FLAG_COUNT];
	for (int i = 0; i < FLAG_COUNT; i++)
		f[i] = (json_field){ flag_name((flag_value)i), JSON_INT, NULL, flags[i], 0 };
	return object(p, f, FLAG_COUNT);
}

static char *indicator(parts *p, const indicator_rec *ind, const indicator_state *st)
{
	char target[128], period[PERIOD_TEXT_SIZE] = "";
	wording_target(ind, ind->target, false, target, sizeof target);
	if (st->has_actual)
		period_format(st->actual_year, st->actual_quarter, period);
	bool measurable = isfinite(st->target) && st->target >= 0;
	json_field f[] = {
		{ "name", JSON_TEXT, ind->name, 0, 0 },
		{ "unit", JSON_TEXT, ind->unit, 0, 0 },
		{ "target", measurable ? JSON_REAL : JSON_NULL, NULL, 0, st->target },
		{ "target_text", JSON_TEXT, target, 0, 0 },
		{ "actual", st->has_actual ? JSON_REAL : JSON_NULL, NULL, 0, st->actual },
		{ "actual_period", st->has_actual ? JSON_TEXT : JSON_NULL, period, 0, 0 },
		{ "expected", measurable ? JSON_REAL : JSON_NULL, NULL, 0, st->expected },
		{ "expected_share", JSON_REAL, NULL, 0, st->expected_share },
		{ "flag", JSON_TEXT, flag_name(st->flag), 0, 0 },
		{ "reason", JSON_TEXT, st->reason, 0, 0 },
	};
	return object(p, f, (int)(sizeof f / sizeof f[0]));
}

static char *report(parts *p, const task_detail *d, const report_rec *r)
{
	if (!r)
		return NULL;
	json_field *vals = xcalloc((size_t)r->nvalues + 1, sizeof *vals);
	for (int v = 0; v < r->nvalues; v++)
		vals[v] = (json_field){ summary_indicator_name(d, r->indicator_ids[v]), JSON_REAL, NULL, 0, r->values[v] };
	char *values = object(p, vals, r->nvalues);
	free(vals);
	json_field f[] = {
		{ "period", JSON_TEXT, r->period, 0, 0 },
		{ "status", JSON_TEXT, r->status, 0, 0 },
		{ "note", JSON_TEXT, r->note, 0, 0 },
		{ "author", JSON_TEXT, r->author, 0, 0 },
		{ "created", JSON_TEXT, r->created, 0, 0 },
		{ "demo", JSON_BOOL, NULL, r->demo, 0 },
		{ "values", JSON_RAW, values ? values : "{}", 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]));
	free(values);
	return out;
}

static char *since(parts *p, const summary *s, const summary_task *t)
{
	char period[16];
	if (!s->since)
		return NULL;
	summary_since_text(s, period, sizeof period);
	char **items = items_alloc(t->known - t->since_from);
	for (int r = t->since_from; r < t->known; r++)
		items[r - t->since_from] = report(p, t->d, &t->d->reports[r]);
	char *reports = array(p, items, t->known - t->since_from);
	json_field f[] = {
		{ "quarter", JSON_TEXT, period, 0, 0 },
		{ "flag_then", JSON_TEXT, flag_name(t->then.flag), 0, 0 },
		{ "reason_then", JSON_TEXT, t->then.reason, 0, 0 },
		{ "reports", JSON_RAW, reports ? reports : "[]", 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]));
	free(reports);
	return out;
}

static char *item(parts *p, const summary *s, const summary_item *it)
{
	const summary_task *t = &s->tasks[it->task];
	const task_rec *task = &t->d->task;
	char due[DATE_TEXT_SIZE];
	date_format(task->due, due);
	char **items = items_alloc(t->d->nindicators);
	for (int i = 0; i < t->d->nindicators; i++)
		items[i] = indicator(p, &t->d->indicators[i], &t->now->indicators[i]);
	char *inds = array(p, items, t->d->nindicators);
	char *latest = report(p, t->d, summary_latest_report(t));
	char *changed = since(p, s, t);
	char *lead = p->failed ? NULL : store_json_string_list(p->st, task->lead);
	char *support = p->failed ? NULL : store_json_string_list(p->st, task->support);
	p->failed = p->failed || !lead || !support;
	json_field f[] = {
		{ "role", JSON_TEXT, summary_role_name(it->role), 0, 0 },
		{ "task", JSON_INT, NULL, task->num, 0 },
		{ "area", JSON_TEXT, task->area_short, 0, 0 },
		{ "text", JSON_TEXT, task->text, 0, 0 },
		{ "deadline", JSON_TEXT, task->deadline, 0, 0 },
		{ "due", JSON_TEXT, due, 0, 0 },
		{ "lead", JSON_RAW, lead ? lead : "[]", 0, 0 },
		{ "support", JSON_RAW, support ? support : "[]", 0, 0 },
		{ "flag", JSON_TEXT, flag_name(t->now->flag), 0, 0 },
		{ "flag_label", JSON_TEXT, flag_label(t->now->flag, false), 0, 0 },
		{ "reason", JSON_TEXT, t->now->reason, 0, 0 },
		{ "indicators", JSON_RAW, inds ? inds : "[]", 0, 0 },
		{ "latest_report", latest ? JSON_RAW : JSON_NULL, latest, 0, 0 },
		{ "since", changed ? JSON_RAW : JSON_NULL, changed, 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]));
	free(inds);
	free(latest);
	free(changed);
	free(lead);
	free(support);
	return out;
}

/* A section's figures; with items when asked (the overview's ranking has none). */
static char *section(parts *p, const summary *s, const summary_section *sec, bool with_items)
{
	char *flags = flag_counts(p, sec->flags), *items = NULL;
	int lead_ok = 0, support_ok = 0;
	for (int f = 0; f < FLAG_COUNT; f++) {
		lead_ok += summary_on_course((flag_value)f) ? sec->lead_flags[f] : 0;
		support_ok += summary_on_course((flag_value)f) ? sec->support_flags[f] : 0;
	}
	if (with_items) {
		char **list = items_alloc(sec->nitems);
		for (int i = 0; i < sec->nitems; i++)
			list[i] = item(p, s, &sec->items[i]);
		items = array(p, list, sec->nitems);
	}
	json_field f[] = {
		{ "kind", JSON_TEXT, sec->agency ? "agency" : "list", 0, 0 },
		{ "title", JSON_TEXT, sec->title, 0, 0 },
		{ "rank", sec->rank ? JSON_INT : JSON_NULL, NULL, sec->rank, 0 },
		{ "lead", JSON_INT, NULL, sec->nlead, 0 },
		{ "support", JSON_INT, NULL, sec->nsupport, 0 },
		{ "tasks", JSON_INT, NULL, sec->ntasks, 0 },
		{ "completion", sec->completion >= 0 ? JSON_INT : JSON_NULL, NULL, sec->completion, 0 },
		{ "lead_on_course", JSON_INT, NULL, lead_ok, 0 },
		{ "support_on_course", JSON_INT, NULL, support_ok, 0 },
		{ "rate", sec->rate_den ? JSON_REAL : JSON_NULL, NULL, 0, sec->rate_den ? document_rate(sec) : 0 },
		{ "flags", JSON_RAW, flags ? flags : "{}", 0, 0 },
		{ "items", with_items ? JSON_RAW : JSON_NULL, items ? items : "[]", 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]) - (with_items ? 0 : 1));
	free(flags);
	free(items);
	return out;
}

static char *overview(parts *p, const summary *s)
{
	if (!s->overview)
		return NULL;
	char **list = items_alloc(s->nsections);
	for (int i = 0; i < s->nsections; i++)
		list[i] = section(p, s, &s->sections[s->ranking[i]], false);
	char *ranking = array(p, list, s->nsections);
	char *totals = flag_counts(p, s->totals);
	json_field f[] = {
		{ "tasks", JSON_INT, NULL, s->ntotal, 0 },
		{ "flags", JSON_RAW, totals ? totals : "{}", 0, 0 },
		{ "ranking", JSON_RAW, ranking ? ranking : "[]", 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]));
	free(ranking);
	free(totals);
	return out;
}

static char *whole(parts *p, const summary *s)
{
	char as_of[DATE_TEXT_SIZE], period[16];
	date_format(s->as_of, as_of);
	if (s->since)
		summary_since_text(s, period, sizeof period);
	json_field pf[] = {
		{ "code", JSON_TEXT, s->plan_code, 0, 0 },
		{ "title", JSON_TEXT, s->plan_title, 0, 0 },
		{ "issuer", JSON_TEXT, s->plan_issuer, 0, 0 },
	};
	char *plan = object(p, pf, 3);
	char *over = overview(p, s);
	char **list = items_alloc(s->nsections);
	for (int i = 0; i < s->nsections; i++)
		list[i] = section(p, s, &s->sections[i], true);
	char *sections = array(p, list, s->nsections);
	json_field f[] = {
		{ "plan", JSON_RAW, plan ? plan : "{}", 0, 0 },
		{ "as_of", JSON_TEXT, as_of, 0, 0 },
		{ "produced_at", JSON_TEXT, s->produced_at, 0, 0 },
		{ "produced_by", JSON_TEXT, s->produced_by, 0, 0 },
		{ "audit_head", JSON_TEXT, s->audit_head, 0, 0 },
		{ "audit_rows", JSON_INT, NULL, s->audit_rows, 0 },
		{ "since", s->since ? JSON_TEXT : JSON_NULL, period, 0, 0 },
		{ "overview", over ? JSON_RAW : JSON_NULL, over, 0, 0 },
		{ "sections", JSON_RAW, sections ? sections : "[]", 0, 0 },
	};
	char *out = object(p, f, (int)(sizeof f / sizeof f[0]));
	free(plan);
	free(over);
	free(sections);
	return out;
}

bool summary_render_json(const summary *s, store *st, FILE *out)
{
	parts p = { st, false };
	char *json = whole(&p, s);
	if (!json)
		return false;
	char *safe = text_json_safe(json);
	fputs(safe, out);
	fputc('\n', out);
	free(safe);
	free(json);
	return !ferror(out);
}
