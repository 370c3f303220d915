#include "ducha/model.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/xalloc.h"

void model_plan_free(plan_rec *p)
{
	free(p->code);
	free(p->title);
	free(p->issuer);
	memset(p, 0, sizeof *p);
}

void model_task_free(task_rec *t)
{
	free(t->area_short);
	free(t->area_title);
	free(t->measure_title);
	free(t->text);
	free(t->deadline);
	free(t->status);
	free(t->lead);
	free(t->support);
	free(t->accepted_by);
	free(t->accepted_at);
	memset(t, 0, sizeof *t);
}

void model_indicator_free(indicator_rec *i)
{
	free(i->name);
	free(i->unit);
	free(i->baseline_source);
	free(i->source);
	free(i->approval);
	memset(i, 0, sizeof *i);
}

static char *copy_text(const char *s)
{
	return xstrdup(s ? s : "");
}

void model_indicator_copy(indicator_rec *dst, const indicator_rec *src)
{
	*dst = *src;
	dst->name = copy_text(src->name);
	dst->unit = copy_text(src->unit);
	dst->baseline_source = copy_text(src->baseline_source);
	dst->source = copy_text(src->source);
	dst->approval = copy_text(src->approval);
}

void model_report_free(report_rec *r)
{
	free(r->note);
	free(r->author);
	free(r->created);
	free(r->reason);
	free(r->reviewer);
	free(r->reviewed);
	free(r->indicator_ids);
	free(r->values);
	memset(r, 0, sizeof *r);
}

void model_note_free(note_rec *n)
{
	free(n->kind);
	free(n->text);
	free(n->author);
	free(n->created);
	free(n->edited);
	memset(n, 0, sizeof *n);
}

void model_agency_free(agency_rec *a)
{
	free(a->name);
	memset(a, 0, sizeof *a);
}

void model_detail_free(task_detail *d)
{
	model_task_free(&d->task);
	for (int i = 0; i < d->nindicators; i++)
		model_indicator_free(&d->indicators[i]);
	for (int i = 0; i < d->nreports; i++)
		model_report_free(&d->reports[i]);
	for (int i = 0; i < d->nnotes; i++)
		model_note_free(&d->notes[i]);
	free(d->indicators);
	free(d->reports);
	free(d->notes);
	memset(d, 0, sizeof *d);
}

const char *model_comparator_symbol(comparator c)
{
	switch (c) {
	case CMP_GE: return "≥";
	case CMP_GT: return ">";
	case CMP_APPROX: return "≈";
	case CMP_RANGE: return "–";
	}
	return "?";
}

bool model_comparator_parse(const char *v, comparator *out)
{
	static const struct { const char *sql; comparator c; } map[] = {
		{ ">=", CMP_GE }, { ">", CMP_GT }, { "~", CMP_APPROX }, { "range", CMP_RANGE },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(v, map[i].sql) == 0) {
			*out = map[i].c;
			return true;
		}
	return false;
}

const char *model_comparator_sql(comparator c)
{
	switch (c) {
	case CMP_GT: return ">";
	case CMP_APPROX: return "~";
	case CMP_RANGE: return "range";
	case CMP_GE: break;
	}
	return ">=";
}

static const struct { const char *name, *zh, *en; } modes[MODE_COUNT] = {
	[MODE_CUMULATIVE] = { "cumulative", "累计", "cumulative" },
	[MODE_PER_YEAR] = { "per-year", "每年", "each year" },
	[MODE_ANNUAL] = { "annual", "年度", "annual" },
};

const char *model_mode_name(indicator_mode m)
{
	return (unsigned)m < MODE_COUNT ? modes[m].name : "?";
}

const char *model_mode_label(indicator_mode m, bool english)
{
	return (unsigned)m < MODE_COUNT ? (english ? modes[m].en : modes[m].zh) : "?";
}

bool model_mode_parse(const char *name, indicator_mode *out)
{
	for (int m = 0; m < MODE_COUNT; m++)
		if (name && (strcmp(name, modes[m].name) == 0 || strcmp(name, modes[m].zh) == 0)) {
			*out = (indicator_mode)m;
			return true;
		}
	return false;
}

bool model_mode_yearly(indicator_mode m)
{
	return m == MODE_PER_YEAR || m == MODE_ANNUAL;
}

static const struct { const char *value, *zh, *en; bool reportable; } statuses[] = {
	{ "open", "未开始", "open", false },
	{ "not-started", "未开始", "not started", true },
	{ "in-progress", "进行中", "in progress", true },
	{ "completed", "已完成", "completed", true },
	{ "accepted", "已销号", "accepted", false },
};

const char *model_status_label(const char *status, bool english)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcmp(statuses[i].value, status) == 0)
			return english ? statuses[i].en : statuses[i].zh;
	return status;
}

const char *model_status_parse(const char *typed)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].reportable &&
		    (strcmp(typed, statuses[i].value) == 0 || strcmp(typed, statuses[i].zh) == 0))
			return statuses[i].value;
	return NULL;
}

const char *model_report_status(const char *stored)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].reportable && strcmp(stored, statuses[i].value) == 0)
			return statuses[i].value;
	return NULL;
}

static const char *const role_names[] = { "admin", "inspector", "reporter", "viewer" };

const char *model_role_name(role r)
{
	return role_names[r];
}

bool model_role_parse(const char *name, role *out)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(name, role_names[i]) == 0) {
			*out = (role)i;
			return true;
		}
	return false;
}

value_point *model_indicator_series(const task_detail *d, int64_t indicator_id, int *n)
{
	value_point *pts = xcalloc((size_t)d->nreports + 1, sizeof *pts);
	*n = 0;
	for (int r = 0; r < d->nreports; r++) {
		const report_rec *rep = &d->reports[r];
		if (!model_report_counts(rep))
			continue;
		for (int v = 0; v < rep->nvalues; v++)
			if (rep->indicator_ids[v] == indicator_id) {
				value_point *p = &pts[(*n)++];
				p->year = rep->year;
				p->quarter = rep->quarter;
				p->value = rep->values[v];
				p->day = period_last_day(rep->year, rep->quarter);
			}
	}
	return pts;
}

const indicator_rec *model_indicator_of(const task_detail *d, int ord)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].ord == ord)
			return &d->indicators[i];
	return NULL;
}

const report_rec *model_latest_report(const task_detail *d)
{
	return d->nreports ? &d->reports[d->nreports - 1] : NULL;
}

const report_rec *model_report_of(const task_detail *d, int year, int quarter)
{
	for (int i = 0; i < d->nreports; i++)
		if (d->reports[i].year == year && d->reports[i].quarter == quarter)
			return &d->reports[i];
	return NULL;
}

bool model_agency_in(const char *joined, const char *name)
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

bool model_report_counts(const report_rec *r)
{
	return r->state != REPORT_RETURNED;
}

static const char *const report_state_names[] = { "submitted", "passed", "returned" };

const char *model_report_state_name(report_state s)
{
	return (unsigned)s < 3 ? report_state_names[s] : "?";
}

const char *model_report_state_label(report_state s, bool english)
{
	static const char *const zh[] = { "待审核", "已通过", "已退回" };
	static const char *const en[] = { "to review", "passed", "returned" };
	return (unsigned)s < 3 ? (english ? en[s] : zh[s]) : "?";
}

bool model_report_state_parse(const char *name, report_state *out)
{
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, report_state_names[i]) == 0) {
			*out = (report_state)i;
			return true;
		}
	return false;
}
