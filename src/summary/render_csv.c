/* The summary as CSV for Excel: a header row, then one row per task and
 * role (a task an agency both leads and supports has two). Every text cell
 * goes through table_csv_field: escaped, quoted, a leading = + - @ made
 * harmless. Lists inside a cell are joined with ';'. */
#include "ducha/summary.h"
#include "ducha/wording.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"

static const char *const base_header[] = {
	"plan", "as_of", "agency", "agency_rank", "role", "task", "area", "deadline", "due",
	"flag", "flag_label", "reason", "indicators", "latest_period", "latest_status",
	"latest_note", "lead", "support", "text",
};
static const char *const since_header[] = { "since", "flag_then", "reported_since" };

/* A growable cell, for the cells that join several things. */
typedef struct cell {
	char *p;
	size_t len;
	FILE *f;
} cell;

static void cell_open(cell *c)
{
	c->p = NULL;
	c->f = open_memstream(&c->p, &c->len);
	if (!c->f)
		abort();
}

static void cell_emit(cell *c, FILE *out)
{
	fclose(c->f);
	table_csv_field(out, c->p);
	free(c->p);
}

static void text(FILE *out, const char *s)
{
	fputc(',', out);
	table_csv_field(out, s);
}

static void indicators(FILE *out, const summary_task *t)
{
	cell c;
	cell_open(&c);
	for (int i = 0; i < t->d->nindicators; i++) {
		const indicator_rec *ind = &t->d->indicators[i];
		const indicator_state *st = &t->now->indicators[i];
		char line[600];
		wording_indicator_line(ind, st, false, line, sizeof line);
		fprintf(c.f, "%s%s；%s", i ? ";" : "", line, flag_label(st->flag, false));
	}
	fputc(',', out);
	cell_emit(&c, out);
}

static void latest(FILE *out, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	text(out, r ? r->period : "");
	text(out, r ? model_status_label(r->status, false) : "");
	text(out, r ? r->note : "");
}

static void since_cells(FILE *out, const summary *s, const summary_task *t)
{
	char since[16];
	summary_since_text(s, since, sizeof since);
	text(out, since);
	text(out, flag_name(t->then.flag));
	cell c;
	cell_open(&c);
	for (int r = t->since_from; r < t->known; r++) {
		const report_rec *rep = &t->d->reports[r];
		char values[1024];
		wording_values(t->d, rep, false, values, sizeof values);
		fprintf(c.f, "%s%s %s%s%s", r > t->since_from ? ";" : "", rep->period,
		        model_status_label(rep->status, false), values[0] ? "：" : "", values);
	}
	fputc(',', out);
	cell_emit(&c, out);
}

static void row(FILE *out, const summary *s, const summary_section *sec, const summary_item *it)
{
	const summary_task *t = &s->tasks[it->task];
	const task_rec *task = &t->d->task;
	char as_of[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	date_format(s->as_of, as_of);
	date_format(task->due, due);
	table_csv_field(out, s->plan_code);
	text(out, as_of);
	text(out, sec->agency ? sec->title : "");
	if (sec->rank)
		fprintf(out, ",%d", sec->rank);
	else
		fputc(',', out);
	text(out, summary_role_name(it->role));
	fprintf(out, ",%d", task->num);
	text(out, task->area_short);
	text(out, task->deadline);
	text(out, due);
	text(out, flag_name(t->now->flag));
	text(out, flag_label(t->now->flag, false));
	text(out, t->now->reason);
	indicators(out, t);
	latest(out, t);
	text(out, task->lead);
	text(out, task->support);
	text(out, task->text);
	if (s->since)
		since_cells(out, s, t);
	fputs("\r\n", out);
}

static void header(FILE *out, bool since)
{
	for (size_t i = 0; i < sizeof base_header / sizeof base_header[0]; i++) {
		fputs(i ? "," : "", out);
		table_csv_field(out, base_header[i]);
	}
	for (size_t i = 0; since && i < sizeof since_header / sizeof since_header[0]; i++)
		text(out, since_header[i]);
	fputs("\r\n", out);
}

bool summary_render_csv(const summary *s, bool bom, FILE *out)
{
	if (bom)
		fputs("\xEF\xBB\xBF", out);
	header(out, s->since);
	for (int i = 0; i < s->nsections; i++)
		for (int k = 0; k < s->sections[i].nitems; k++)
			row(out, s, &s->sections[i], &s->sections[i].items[k]);
	return !ferror(out);
}
