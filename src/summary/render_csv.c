/* The summary as CSV for Excel: a header row, then one row per indicator of
 * each task and role (a task an agency both leads and supports has two
 * sets); UTF-8 with a byte order mark by default ([report] csv_encoding). Every text cell
 * goes through table_csv_field: escaped, quoted, a leading = + - @ made
 * harmless. Lists inside a cell are joined with ';'. */
#include "ducha/summary.h"
#include "ducha/wording.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/document.h"
#include "document_internal.h"

#include <errno.h>
#include <iconv.h>

/* Chinese headers, as the office's Excel sheets have them; one row per
 * indicator (a task without indicators has one row). */
static const char *const base_header[] = {
	"工作方案", "截至日期", "单位", "名次", "角色", "序号", "领域", "完成时限", "截止日期", "任务预警",
	"任务预警原因", "指标", "目标", "实际", "实际季度", "序时", "完成率（%）", "差距（百分点）", "指标预警",
	"指标说明", "最新填报季度", "最新填报状态", "最新进展", "督查意见", "牵头单位", "配合单位", "重点任务",
};
static const char *const since_header[] = { "比较季度", "当时预警", "此后填报" };

/* A cell that joins several things, written to the CSV when whole. */
static void cell_emit(doc_sink *c, FILE *out)
{
	char *text = doc_sink_close(c);
	table_csv_field(out, text);
	free(text);
}

static void text(FILE *out, const char *s)
{
	fputc(',', out);
	table_csv_field(out, s);
}

static void number(FILE *out, bool have, double v)
{
	char buf[64] = "";
	if (have)
		wording_number(v, buf, sizeof buf);
	fprintf(out, ",%s", buf);
}

static void share_cell(FILE *out, bool have, double v)
{
	if (have)
		fprintf(out, ",%.1f", v);
	else
		fputc(',', out);
}

/* The indicator's cells; k == -1: blanks, for a task without indicators. */
static void indicator_cells(FILE *out, const summary_task *t, int k)
{
	if (k < 0) {
		fputs(",,,,,,,,,", out);
		return;
	}
	const indicator_rec *ind = &t->d->indicators[k];
	const indicator_state *st = &t->now->indicators[k];
	char target[200], period[PERIOD_TEXT_SIZE] = "";
	wording_target(ind, st->target, false, target, sizeof target);
	text(out, ind->name);
	text(out, target);
	number(out, st->has_actual, st->actual);
	if (st->has_actual)
		period_format(st->actual_year, st->actual_quarter, period);
	text(out, period);
	double a = 0, e = -1, g = 0;
	bool shares = document_shares(ind, st, &a, &e, &g);
	number(out, shares && e >= 0, st->expected);
	share_cell(out, shares, a);
	share_cell(out, shares && e >= 0, g);
	text(out, flag_label(st->flag, false));
	text(out, st->reason);
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
	text(out, flag_label(t->then.flag, false));
	doc_sink c;
	doc_sink_open(&c);
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

static void row(FILE *out, const summary *s, const summary_section *sec, const summary_item *it, int k)
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
	text(out, summary_role_label(it->role));
	fprintf(out, ",%d", task->num);
	text(out, task->area_short);
	text(out, task->deadline);
	text(out, due);
	text(out, flag_label(t->now->flag, false));
	text(out, t->now->reason);
	indicator_cells(out, t, k);
	latest(out, t);
	const note_rec *c = summary_comment_note(t, 0);
	text(out, c ? c->text : "");
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

static bool write_rows(const summary *s, FILE *out)
{
	header(out, s->since);
	for (int i = 0; i < s->nsections; i++)
		for (int k = 0; k < s->sections[i].nitems; k++) {
			const summary_item *it = &s->sections[i].items[k];
			int n = s->tasks[it->task].d->nindicators;
			for (int ind = n ? 0 : -1; ind < n; ind++)
				row(out, s, &s->sections[i], it, ind);
		}
	return !ferror(out);
}

/* GB18030 for the Excel of older office PCs: the whole text converted. */
static bool write_gb18030(const char *utf8, size_t len, FILE *out)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	char chunk[4096];
	char *in = (char *)utf8;
	size_t left = len;
	bool ok = true;
	while (ok && left) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		ok = (r != (size_t)-1 || errno == E2BIG) && fwrite(chunk, 1, (size_t)(o - chunk), out) == (size_t)(o - chunk);
	}
	iconv_close(cd);
	return ok;
}

bool summary_render_csv(const summary *s, int encoding, FILE *out)
{
	if (encoding == CSV_UTF8_BOM)
		fputs("\xEF\xBB\xBF", out);
	if (encoding != CSV_GB18030)
		return write_rows(s, out);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return false;
	bool ok = write_rows(s, mem);
	ok = fclose(mem) == 0 && ok && write_gb18030(buf, len, out);
	free(buf);
	return ok;
}
