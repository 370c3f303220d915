/* The summary as one self-contained HTML file for A4: styles inline, no
 * script, no external resource, so it prints the same anywhere. Every
 * stored string is first made harmless (text_escape) and then HTML-escaped.
 * Page numbers and the audit head sit in the @page margin boxes; each
 * agency starts on a new page. */
#include "ducha/summary.h"
#include "ducha/wording.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

/* Written as is: our own markup and wording only, never stored text. */
static const char page_style[] =
	"@page { size: A4; margin: 16mm 14mm 20mm 14mm;\n"
	"  @bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
	" font: 9pt \"Noto Serif CJK SC\", serif; }\n"
	"  @bottom-left { content: \"留痕链头 %.16s…\"; font: 7pt \"Noto Sans CJK SC\", sans-serif; color: #333; }\n"
	"}\n";
static const char style[] =
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", SimSun,"
	" \"Noto Sans CJK SC\", serif; font-size: 10.5pt; line-height: 1.45; color: #000; margin: 0; }\n"
	"@media screen { body { max-width: 182mm; margin: 8mm auto; } }\n"
	"section { break-before: page; }\n"
	"section:first-of-type { break-before: auto; }\n"
	"h1 { text-align: center; font-size: 22pt; letter-spacing: 0.6em; margin: 0 0 2mm; }\n"
	"p.plan { text-align: center; font-size: 12pt; margin: 0 0 4mm; }\n"
	"h2 { font-family: \"Noto Sans CJK SC\", sans-serif; font-size: 12pt; margin: 5mm 0 2mm;"
	" break-after: avoid; }\n"
	"table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"th, td { border: 0.5pt solid #000; padding: 1mm 1.4mm; vertical-align: top; text-align: left;"
	" overflow-wrap: anywhere; }\n"
	"th { background: #eee; font-family: \"Noto Sans CJK SC\", sans-serif; font-weight: normal; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; }\n"
	"table.meta th { width: 18mm; }\n"
	"table.tasks { font-size: 9pt; }\n"
	"table.rank td.n, table.counts td { text-align: right; }\n"
	"table.counts th, table.rank th { text-align: center; }\n"
	"td.num { text-align: right; }\n"
	".flag { font-weight: bold; white-space: nowrap; }\n"
	".date { white-space: nowrap; }\n"
	".flag-overdue, .flag-lagging { font-weight: bold; text-decoration: underline; }\n"
	".lead, .reason, .small { font-size: 8.5pt; }\n"
	"ul { margin: 0; padding-left: 1em; }\n"
	"p.note { margin: 1mm 0; }\n"
	".sign { display: flex; justify-content: space-between; margin: 10mm 0 3mm; break-inside: avoid; }\n"
	".sign span { width: 30%; border-bottom: 0.5pt solid #000; padding-bottom: 1mm; }\n"
	"p.audit { font-size: 7pt; font-family: monospace; overflow-wrap: anywhere; color: #333; }\n";

/* Escaped for HTML after text_escape: markup characters become entities. */
static void esc(FILE *out, const char *s, bool keep_newline)
{
	char *e = text_escape(s ? s : "", keep_newline ? TEXT_KEEP_NEWLINE : 0);
	for (const char *p = e; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs("<br>", out); break;
		default: fputc(*p, out);
		}
	}
	free(e);
}

/* A ';'-joined list of agencies, escaped like any stored text, each after
 * the first preceded by sep (our own markup or wording). */
static void list_text(FILE *out, const char *joined, const char *sep)
{
	char *copy = xstrdup(joined ? joined : "");
	char *save = NULL;
	int i = 0;
	for (char *name = strtok_r(copy, ";", &save); name; name = strtok_r(NULL, ";", &save)) {
		fputs(i++ ? sep : "", out);
		esc(out, name, false);
	}
	free(copy);
}

static void flag_mark(FILE *out, flag_value f)
{
	fprintf(out, "<span class=\"flag flag-%s\">%s</span>", flag_name(f), flag_shown(f, false));
}

static void head(FILE *out, const summary *s)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"generator\" content=\"ducha\">\n<title>督查通报 ", out);
	esc(out, s->plan_code, false);
	if (!s->overview && s->nsections == 1) {
		fputs(" ", out);
		esc(out, s->sections[0].title, false);
	}
	fputs("</title>\n<style>\n", out);
	/* The audit head is hex digits: safe inside the CSS string. Its start is
	 * on every page; the whole of it closes each section. */
	fprintf(out, page_style, s->audit_head);
	fprintf(out, "%s</style>\n</head>\n<body>\n", style);
}

static void title_block(FILE *out, const summary *s, const char *what, const char *who)
{
	char as_of[DATE_TEXT_SIZE];
	date_format(s->as_of, as_of);
	fputs("<h1>督查通报</h1>\n<p class=\"plan\">", out);
	esc(out, s->plan_code, false);
	fputs("《", out);
	esc(out, s->plan_title, false);
	fprintf(out, "》</p>\n<table class=\"meta\">\n<tr><th>%s</th><td>", what);
	esc(out, who, false);
	fprintf(out, "</td><th>截至日期</th><td>%s</td></tr>\n<tr><th>制表</th><td>", as_of);
	esc(out, s->produced_at, false);
	fputs(" ", out);
	esc(out, s->produced_by, false);
	fprintf(out, "</td><th>留痕</th><td>%lld 条记录</td></tr>\n", (long long)s->audit_rows);
	if (s->since) {
		char since[16];
		summary_since_text(s, since, sizeof since);
		fprintf(out, "<tr><th>对比</th><td colspan=\"3\">%s 末以来的变化（预警变化和此后报送的数值）见文末</td></tr>\n",
		        since);
	}
	fputs("</table>\n", out);
}

static void counts_table(FILE *out, const int *flags)
{
	fputs("<table class=\"counts\">\n<thead><tr>", out);
	for (int f = FLAG_COUNT - 1; f >= 0; f--) {
		fputs("<th>", out);
		flag_mark(out, (flag_value)f);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody><tr>", out);
	for (int f = FLAG_COUNT - 1; f >= 0; f--)
		fprintf(out, "<td>%d</td>", flags[f]);
	fputs("</tr></tbody>\n</table>\n", out);
}

static void signatures(FILE *out, const summary *s)
{
	fprintf(out, "<div class=\"sign\"><span>填报人：</span><span>审核人：</span><span>日期：</span></div>\n"
	             "<p class=\"audit\">留痕链头 %s（共 %lld 条记录）</p>\n",
	        s->audit_head, (long long)s->audit_rows);
}

/* ---- a task ---- */

static void indicators_cell(FILE *out, const summary_task *t)
{
	if (t->d->nindicators == 0) {
		fputs("<td class=\"small\">（无量化指标，按任务状态和完成时限督查）</td>", out);
		return;
	}
	fputs("<td><ul>", out);
	for (int i = 0; i < t->d->nindicators; i++) {
		const indicator_rec *ind = &t->d->indicators[i];
		const indicator_state *st = &t->now->indicators[i];
		char line[600];
		wording_indicator_line(ind, st, false, line, sizeof line);
		fputs("<li>", out);
		esc(out, line, false);
		fputs("；", out);
		flag_mark(out, st->flag);
		fputs("</li>", out);
	}
	fputs("</ul></td>", out);
}

static void support_notes(FILE *out, const summary_task *t)
{
	for (int i = 0; i < 3; i++) {
		const note_rec *n = summary_support_note(t, i);
		if (!n)
			return;
		fputs("<p class=\"note small\">配合情况（", out);
		esc(out, n->author, false);
		fputs("）：", out);
		esc(out, n->text, true);
		fputs("</p>", out);
	}
}

static void latest_cell(FILE *out, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	if (!r) {
		fputs("<td>尚无填报", out);
		support_notes(out, t);
		fputs("</td>", out);
		return;
	}
	fputs("<td>", out);
	esc(out, r->period, false);
	fputs(" ", out);
	esc(out, model_status_label(r->status, false), false);
	if (r->note[0]) {
		fputs("<p class=\"note small\">", out);
		esc(out, r->note, true);
		fputs("</p>", out);
	}
	support_notes(out, t);
	fputs("</td>", out);
}

/* Each date kept whole; a yearly task's dates may break between them. */
static void dues_html(FILE *out, const task_rec *task)
{
	int n = task->ndues ? task->ndues : 1;
	const int *dues = task->ndues ? task->dues : &task->due;
	/* Each date whole, with the brackets and commas that must not start or
	 * end a line on their own. */
	fputs("<br>", out);
	for (int i = 0; i < n; i++) {
		char date[DATE_TEXT_SIZE];
		date_format(dues[i], date);
		fprintf(out, "<span class=\"date\">%s%s%s</span>", i ? "" : "（", date, i < n - 1 ? "、" : "）");
	}
}

static void task_row(FILE *out, const summary_task *t, summary_role part_in, int as_of)
{
	const task_rec *task = &t->d->task;
	fprintf(out, "<tr><td class=\"num\">%d</td><td>", task->num);
	esc(out, task->text, true);
	if (part_in != SUMMARY_LEAD) {
		fputs("<div class=\"lead\">牵头单位：", out);
		list_text(out, task->lead, "、");
		fputs("</div>", out);
	}
	fputs("</td><td>", out);
	esc(out, task->deadline, false);
	dues_html(out, task);
	fputs("</td><td>", out);
	flag_mark(out, t->now->flag);
	char status[900];
	wording_task_status(t->d, as_of, false, status, sizeof status);
	fputs("<div class=\"status\">", out);
	esc(out, status, false);
	fputs("</div>", out);
	fputs("<div class=\"reason\">", out);
	esc(out, t->now->reason, false);
	fputs("</div></td>", out);
	indicators_cell(out, t);
	latest_cell(out, t);
	fputs("</tr>\n", out);
}

static void tasks_table(FILE *out, const summary *s, const summary_section *sec, summary_role part_in)
{
	fputs("<table class=\"tasks\">\n<colgroup><col style=\"width:11mm\"><col style=\"width:43mm\">"
	      "<col style=\"width:23mm\"><col style=\"width:32mm\"><col style=\"width:44mm\"><col></colgroup>\n"
	      "<thead><tr><th>序号</th><th>重点任务</th><th>完成时限</th><th>预警及原因</th>"
	      "<th>量化指标（目标／实际／序时）</th><th>最新填报</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < sec->nitems; i++)
		if (sec->items[i].role == part_in)
			task_row(out, &s->tasks[sec->items[i].task], part_in, s->as_of);
	fputs("</tbody>\n</table>\n", out);
}

static void task_group(FILE *out, const summary *s, const summary_section *sec, summary_role part_in,
                       int count, int *num, const char *name)
{
	char cn[16];
	text_cn_number(++*num, cn, sizeof cn);
	fprintf(out, "<h2>%s、%s（%d 项）</h2>\n", cn, name, count);
	if (count == 0)
		fputs("<p>（无）</p>\n", out);
	else
		tasks_table(out, s, sec, part_in);
}

/* ---- what changed since --since ---- */

static void change_row(FILE *out, const summary_task *t)
{
	fprintf(out, "<tr><td class=\"num\">%d</td><td>", t->d->task.num);
	flag_mark(out, t->then.flag);
	fputs(" → ", out);
	flag_mark(out, t->now->flag);
	fputs("</td><td>", out);
	if (t->since_from == t->known)
		fputs("（无新报）", out);
	for (int r = t->since_from; r < t->known; r++) {
		const report_rec *rep = &t->d->reports[r];
		char values[1024];
		wording_values(t->d, rep, false, values, sizeof values);
		fprintf(out, "%s", r > t->since_from ? "<br>" : "");
		esc(out, rep->period, false);
		fputs(" ", out);
		esc(out, model_status_label(rep->status, false), false);
		fputs(values[0] ? "：" : "", out);
		esc(out, values, false);
	}
	fputs("</td></tr>\n", out);
}

static void changes(FILE *out, const summary *s, const summary_section *sec, int *num)
{
	char cn[16], since[16];
	text_cn_number(++*num, cn, sizeof cn);
	summary_since_text(s, since, sizeof since);
	fprintf(out, "<h2>%s、%s 以来的变化</h2>\n", cn, since);
	int shown = 0;
	for (int i = 0; i < sec->nitems; i++) {
		const summary_task *t = &s->tasks[sec->items[i].task];
		bool dup = false;
		for (int j = 0; j < i && !dup; j++)
			dup = sec->items[j].task == sec->items[i].task;
		if (dup || !summary_task_changed(s, t))
			continue;
		if (shown++ == 0)
			fprintf(out, "<table class=\"tasks\">\n<colgroup><col style=\"width:11mm\"><col style=\"width:62mm\">"
			             "<col></colgroup>\n<thead><tr><th>序号</th><th>预警（%s 末 → 现在）</th>"
			             "<th>此后报送</th></tr></thead>\n<tbody>\n", since);
		change_row(out, t);
	}
	fputs(shown ? "</tbody>\n</table>\n" : "<p>（无变化）</p>\n", out);
}

/* ---- sections ---- */

static void section_html(FILE *out, const summary *s, const summary_section *sec)
{
	fprintf(out, "<section class=\"%s\">\n", sec->agency ? "agency" : "list");
	title_block(out, s, sec->agency ? "单位" : "范围", sec->title);
	int num = 0;
	fprintf(out, "<h2>一、总体情况</h2>\n<p>");
	num++;
	if (sec->agency)
		fprintf(out, "牵头任务 %d 项，配合任务 %d 项，共 %d 项；", sec->nlead, sec->nsupport, sec->ntasks);
	else
		fprintf(out, "任务 %d 项；", sec->ntasks);
	fprintf(out, "完成率 %d%%（已完成 %d 项）。", sec->completion < 0 ? 0 : sec->completion,
	        sec->flags[FLAG_DONE]);
	if (sec->rank)
		fprintf(out, "在全部 %d 个单位中排第 %d 位（排名见总览）。", s->nsections, sec->rank);
	fputs("</p>\n", out);
	counts_table(out, sec->flags);
	if (sec->agency) {
		task_group(out, s, sec, SUMMARY_LEAD, sec->nlead, &num, "牵头任务");
		task_group(out, s, sec, SUMMARY_SUPPORT, sec->nsupport, &num, "配合任务");
	} else {
		task_group(out, s, sec, SUMMARY_LISTED, sec->nitems, &num, "任务");
	}
	if (s->since)
		changes(out, s, sec, &num);
	signatures(out, s);
	fputs("</section>\n", out);
}

static void rank_table(FILE *out, const summary *s)
{
	/* Wide enough for each flag's glyph and label on one line. */
	fputs("<table class=\"rank\">\n<colgroup><col style=\"width:12mm\"><col><col span=\"2\" style=\"width:12mm\">"
	      "<col style=\"width:17mm\"><col style=\"width:24mm\"><col style=\"width:19mm\"><col style=\"width:15mm\">"
	      "<col style=\"width:16mm\"></colgroup>\n<thead><tr><th>名次</th><th>单位</th><th>牵头</th><th>配合</th>", out);
	static const flag_value cols[] = { FLAG_OVERDUE, FLAG_LAGGING, FLAG_UNREPORTED, FLAG_BEHIND };
	for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++) {
		fputs("<th>", out);
		flag_mark(out, cols[c]);
		fputs("</th>", out);
	}
	fputs("<th>完成率</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < s->nsections; i++) {
		const summary_section *sec = &s->sections[s->ranking[i]];
		fprintf(out, "<tr><td class=\"n\">%d</td><td>", sec->rank);
		esc(out, sec->title, false);
		fprintf(out, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>", sec->nlead, sec->nsupport);
		for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
			fprintf(out, "<td class=\"n\">%d</td>", sec->flags[cols[c]]);
		fprintf(out, "<td class=\"n\">%d%%</td></tr>\n", sec->completion < 0 ? 0 : sec->completion);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void overview_changes(FILE *out, const summary *s)
{
	char since[16];
	summary_since_text(s, since, sizeof since);
	fprintf(out, "<h2>三、%s 以来预警变化的任务</h2>\n", since);
	int shown = 0;
	for (int i = 0; i < s->ntasks; i++) {
		const summary_task *t = &s->tasks[i];
		if (t->then.flag == t->now->flag)
			continue;
		if (shown++ == 0)
			fprintf(out, "<table class=\"tasks\">\n<colgroup><col style=\"width:11mm\"><col style=\"width:62mm\">"
			             "<col></colgroup>\n<thead><tr><th>序号</th><th>预警（%s 末 → 现在）</th>"
			             "<th>牵头单位</th></tr></thead>\n<tbody>\n", since);
		fprintf(out, "<tr><td class=\"num\">%d</td><td>", t->d->task.num);
		flag_mark(out, t->then.flag);
		fputs(" → ", out);
		flag_mark(out, t->now->flag);
		fputs("</td><td>", out);
		list_text(out, t->d->task.lead, "<br>");
		fputs("</td></tr>\n", out);
	}
	fputs(shown ? "</tbody>\n</table>\n" : "<p>（无）</p>\n", out);
}

static void overview_html(FILE *out, const summary *s)
{
	fputs("<section class=\"overview\">\n", out);
	title_block(out, s, "范围", "全部单位（先为推进情况排名总览，后为各单位通报）");
	fprintf(out, "<h2>一、总体情况</h2>\n<p>全部任务 %d 项，已完成 %d 项。</p>\n", s->ntotal,
	        s->totals[FLAG_DONE]);
	counts_table(out, s->totals);
	fputs("<h2>二、各单位排名</h2>\n<p class=\"small\">按各单位牵头或配合的任务计；逾期、严重滞后、未报送、"
	      "滞后的任务多者在前，再按完成率（已完成任务所占比例）由低到高。</p>\n", out);
	rank_table(out, s);
	if (s->since)
		overview_changes(out, s);
	signatures(out, s);
	fputs("</section>\n", out);
}

bool summary_render_html(const summary *s, FILE *out)
{
	head(out, s);
	if (s->overview)
		overview_html(out, s);
	for (int i = 0; i < s->nsections; i++)
		section_html(out, s, &s->sections[i]);
	fputs("</body>\n</html>\n", out);
	return !ferror(out);
}
