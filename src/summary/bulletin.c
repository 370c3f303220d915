/* What the 通报 and the 督办单 say, built from the summary model (each task
 * judged once, as on screen): the structure of DESIGN.md "Documents". Every
 * sentence here is the program's own wording; stored text (task texts,
 * agency names, causes, 督查意见) goes in through doc_add, which escapes it. */
#include "ducha/document.h"
#include "document_internal.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"

static void add_owned(document *d, doc_kind kind, char *text)
{
	doc_add(d, kind, text);
	free(text);
}

static void heading(document *d, int level, const char *text)
{
	doc_add(d, DOC_HEADING, text)->level = level;
}

static void heading_owned(document *d, int level, char *text)
{
	heading(d, level, text);
	free(text);
}

/* The program's reason without its "→ 逾期" ending, in document style:
 * dates and quarters written out, no spaces beside Chinese. */
static char *reason_text(const char *reason)
{
	char *r = xstrdup(reason);
	char *arrow = strstr(r, " → ");
	if (arrow)
		*arrow = '\0';
	char *cn = doc_cn_text(r);
	free(r);
	size_t w = 0;
	for (size_t i = 0; cn[i]; i++) {
		bool beside_cjk = cn[i] == ' ' && ((i > 0 && (unsigned char)cn[i - 1] >= 0x80) ||
		                                   (unsigned char)cn[i + 1] >= 0x80);
		if (!beside_cjk)
			cn[w++] = cn[i];
	}
	cn[w] = '\0';
	return cn;
}

static void share(FILE *f, double pct)
{
	fprintf(f, "%.1f%%", pct);
}

/* The quarter whose reports the document rests on: the last one ended. */
static void report_quarter(int as_of, int *year, int *quarter)
{
	period_of_date(as_of, year, quarter);
	if (--*quarter == 0) {
		*quarter = 4;
		--*year;
	}
}

/* ---- one task's item ---- */

/* A date-bound item (a milestone, a task judged by its status): its due
 * date, where it stands, and how late it is or how near. */
static void due_sentence(FILE *f, const char *what, int due, flag_value flag, int as_of, const char *approval)
{
	char date[DATE_CN_SIZE];
	date_format_cn(due, date);
	fprintf(f, "%s完成时限为%s，", what, date);
	if (flag == FLAG_OVERDUE)
		fprintf(f, "至今未完成，已逾期%d天", as_of - due);
	else if (due >= as_of)
		fprintf(f, "尚未完成，距完成时限%d天", due - as_of);
	else
		fputs("尚未完成", f);
	if (approval && *approval)
		fprintf(f, "（该项须经%s）", strncmp(approval, "须经", 6) == 0 ? approval + 6 : approval);
	fputs("。", f);
}

/* "2017年第三季度进展情况未按期报送（应于2017年10月15日前报送）". */
static void missing_sentence(FILE *f, const flag_facts *facts)
{
	char period[DATE_CN_SIZE], date[DATE_CN_SIZE];
	period_format_cn(facts->missing_year, facts->missing_quarter, period);
	date_format_cn(facts->missing_deadline, date);
	if (facts->missing_returned)
		fprintf(f, "%s的填报已退回，尚未重新报送", period);
	else
		fprintf(f, "%s进展情况未按期报送（应于%s前报送）", period, date);
}

static void indicator_sentence(FILE *f, const indicator_rec *i, const indicator_state *st, int as_of)
{
	double a, e, g;
	if (i->milestone && (st->flag == FLAG_OVERDUE || st->flag == FLAG_DUE_SOON)) {
		due_sentence(f, i->name, st->due, st->flag, as_of, i->approval);
		return;
	}
	if (!document_shares(i, st, &a, &e, &g) && st->flag == FLAG_UNREPORTED && st->facts.missing) {
		fprintf(f, "%s：", i->name);
		missing_sentence(f, &st->facts);
		fputs("。", f);
		return;
	}
	if (!document_shares(i, st, &a, &e, &g)) {
		char *r = reason_text(st->reason);
		fprintf(f, "%s：%s。", i->name, r);
		free(r);
		return;
	}
	char qty[96], period[DATE_CN_SIZE];
	wording_quantity(st->actual, i->unit, WORDING_ENTERED, qty, sizeof qty);
	char *q = reason_text(qty);
	period_format_cn(st->actual_year, st->actual_quarter, period);
	fprintf(f, "%s截至%s为%s，完成目标的", i->name, period, q);
	share(f, a);
	if (e >= 0 && g > 0) {
		fputs("，低于序时进度", f);
		fprintf(f, "%.1f个百分点", g);
	}
	if (st->flag == FLAG_UNREPORTED && st->facts.missing) {
		fputs("；", f);
		missing_sentence(f, &st->facts);
	}
	fputs("。", f);
	free(q);
}

/* What is wrong: each warned indicator, or the task's own reason. */
static void state_sentences(FILE *f, const summary *s, const summary_task *t, const char *sep)
{
	int told = 0;
	for (int k = 0; k < t->d->nindicators && k < t->now->nindicators; k++) {
		const indicator_state *st = &t->now->indicators[k];
		if (!flag_is_warning(st->flag) || st->flag == FLAG_DUE_SOON)
			continue;
		fputs(told ? sep : "", f);
		indicator_sentence(f, &t->d->indicators[k], st, s->as_of);
		told++;
	}
	if (!told && t->now->story == TASK_STORY_STATUS &&
	    (t->now->flag == FLAG_OVERDUE || t->now->flag == FLAG_DUE_SOON)) {
		due_sentence(f, "", t->now->due, t->now->flag, s->as_of, NULL);
	} else if (!told && t->now->flag == FLAG_UNREPORTED && t->now->facts.missing) {
		missing_sentence(f, &t->now->facts);
		fputs("。", f);
	} else if (!told) {
		char *r = reason_text(t->now->reason);
		fprintf(f, "%s。", r);
		free(r);
	}
}

/* Whether a sentence already ends with its full stop (。！？). */
static bool ends_with_stop(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && (!strcmp(s + n - 3, "。") || !strcmp(s + n - 3, "！") || !strcmp(s + n - 3, "？"));
}

static void cause_and_opinion(FILE *f, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	if (r && r->note && *r->note) {
		char period[DATE_CN_SIZE];
		period_format_cn(r->year, r->quarter, period);
		char *note = doc_safe(r->note);
		/* An unreported task's latest note is last quarter's, not a cause. */
		if (t->now->flag == FLAG_UNREPORTED)
			fprintf(f, "上次填报（%s）：%s%s", period, note, ends_with_stop(note) ? "" : "。");
		else
			fprintf(f, "原因（%s填报）：%s%s", period, note, ends_with_stop(note) ? "" : "。");
		free(note);
	}
	const note_rec *sup = summary_support_note(t, 0);
	if (sup) {
		char *text = doc_safe(sup->text);
		fprintf(f, "配合情况：%s%s", text, ends_with_stop(text) ? "" : "。");
		free(text);
	}
	const note_rec *c = summary_comment_note(t, 0);
	if (c) {
		char *text = doc_safe(c->text);
		fprintf(f, "督查意见：%s", text);
		free(text);
	}
}

/* with_lead: name the lead unit; supporting: the reader supports it (a 督办单). */
static char *item_text(const summary *s, const summary_task *t, int n, bool with_lead, bool supporting)
{
	doc_sink k;
	doc_sink_open(&k);
	char *text = doc_safe(t->d->task.text);
	size_t len = strlen(text);
	/* The task's own full stop, if it has one, before the lead unit. */
	bool stop = len >= 3 && strcmp(text + len - 3, "。") == 0;
	if (stop)
		text[len - 3] = '\0';
	fprintf(k.f, "%d．第%d项：%s", n, t->d->task.num, text);
	free(text);
	if (with_lead || supporting) {
		char *lead = doc_agency_list(t->d->task.lead);
		fprintf(k.f, "（牵头单位：%s%s）", lead, supporting ? "；你单位配合" : "");
		free(lead);
	}
	fputs("。", k.f);
	state_sentences(k.f, s, t, "");
	cause_and_opinion(k.f, t);
	return doc_sink_close(&k);
}

/* ---- counts ---- */

static int count_tone(const int *flags, doc_tone tone)
{
	int n = 0;
	for (int f = 0; f < FLAG_COUNT; f++)
		n += doc_tone_of((flag_value)f) == tone ? flags[f] : 0;
	return n;
}

static void count_part(FILE *f, const char *label, int n, int total, bool *first)
{
	if (!n)
		return;
	fprintf(f, "%s%s%d项", *first ? "" : "，", label, n);
	if (total)
		fprintf(f, "（占%.1f%%）", n * 100.0 / total);
	*first = false;
}

/* "已完成9项（占23.7%），正常推进5项…" worst last, as a reader tallies. */
static void counts_sentence(FILE *f, const int *flags, int total)
{
	static const flag_value order[] = { FLAG_DONE, FLAG_OK, FLAG_DUE_SOON, FLAG_BEHIND,
	                                    FLAG_UNREPORTED, FLAG_LAGGING, FLAG_OVERDUE };
	static const char *const words[] = { "已完成", "正常推进", "临期", "滞后", "未按期报送", "严重滞后", "逾期" };
	bool first = true;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		count_part(f, words[i], flags[order[i]], total, &first);
}

/* The average share of target reached and of 序时, over the paced
 * indicators with a figure: "平均完成目标的53.3%，低于序时进度43.7个百分点". */
static bool progress_sentence(FILE *f, const summary *s)
{
	double sum_a = 0, sum_e = 0;
	int n = 0;
	for (int i = 0; i < s->ntasks; i++) {
		const summary_task *t = &s->tasks[i];
		for (int k = 0; k < t->d->nindicators && k < t->now->nindicators; k++) {
			double a, e, g;
			if (document_shares(&t->d->indicators[k], &t->now->indicators[k], &a, &e, &g) && e >= 0) {
				sum_a += a > 100 ? 100 : a;
				sum_e += e > 100 ? 100 : e;
				n++;
			}
		}
	}
	if (!n)
		return false;
	double a = sum_a / n, e = sum_e / n;
	fprintf(f, "按序时考核的%d个量化指标平均完成目标的%.1f%%，序时进度应为%.1f%%，", n, a, e);
	if (e - a >= 0.05)
		fprintf(f, "低于序时进度%.1f个百分点。", e - a);
	else
		fprintf(f, "达到序时进度。");
	return true;
}

/* ---- the parts ---- */

static void masthead(document *d, const summary *s, const config_document *cfg, const char *text)
{
	doc_block *b = doc_add(d, DOC_MASTHEAD, text);
	char date[DATE_CN_SIZE];
	date_format_cn(s->as_of, date);
	b->extra = doc_safe(cfg->number);
	b->extra2 = doc_safe(cfg->issuer);
	b->extra3 = xstrdup(date);
}

static void opening(document *d, const summary *s)
{
	int y, q;
	char date[DATE_CN_SIZE], period[DATE_CN_SIZE];
	report_quarter(s->as_of, &y, &q);
	date_format_cn(s->as_of, date);
	period_format_cn(y, q, period);
	int nind = 0;
	for (int i = 0; i < s->ntasks; i++)
		nind += s->tasks[i].d->nindicators;
	add_owned(d, DOC_PARAGRAPH,
	          xasprintf("根据《%s》（%s）的分工安排，我们对截至%s的%d项重点任务、%d个量化指标推进情况进行了督查，"
	                    "依据各牵头单位报送的%s进展情况，逐项对照完成时限和序时进度作出判断。现将有关情况通报如下：",
	                    s->plan_title, s->plan_code, date, s->ntotal, nind, period));
}

static void overall(document *d, const summary *s)
{
	heading(d, 1, "一、总体情况");
	doc_sink k;
	doc_sink_open(&k);
	fprintf(k.f, "纳入督查的%d项重点任务中，", s->ntotal);
	counts_sentence(k.f, s->totals, s->ntotal);
	int red = count_tone(s->totals, TONE_RED), yellow = count_tone(s->totals, TONE_YELLOW);
	fprintf(k.f, "。红色预警%d项，黄色预警%d项。", red, yellow);
	progress_sentence(k.f, s);
	add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
}

static void since_changes(document *d, const summary *s);

static void achievements(document *d, const summary *s)
{
	heading(d, 1, "二、工作成效");
	doc_sink k;
	doc_sink_open(&k);
	int n = 0;
	for (int r = 0; r < s->nsections; r++) {
		const summary_section *sec = &s->sections[s->ranking[r]];
		if (sec->nlead == 0 || count_tone(sec->lead_flags, TONE_RED) || count_tone(sec->lead_flags, TONE_YELLOW))
			continue;
		fprintf(k.f, "%s%s", n++ ? "、" : "", sec->title);
	}
	char *units = doc_sink_close(&k);
	if (n)
		add_owned(d, DOC_PARAGRAPH, xasprintf("%s等%d个单位牵头的任务均按序时推进或已完成。", units, n));
	else
		doc_add(d, DOC_PARAGRAPH, "各牵头单位均有任务未按序时推进。");
	free(units);
	doc_sink_open(&k);
	int done = 0;
	for (int i = 0; i < s->ntasks; i++)
		if (s->tasks[i].now->flag == FLAG_DONE)
			fprintf(k.f, "%s第%d项", done++ ? "、" : "", s->tasks[i].d->task.num);
	char *list = doc_sink_close(&k);
	if (done)
		add_owned(d, DOC_PARAGRAPH, xasprintf("截至目前，%s共%d项任务已完成。", list, done));
	free(list);
	if (s->since)
		since_changes(d, s);
}

static bool in_tone(const summary_task *t, doc_tone tone)
{
	return doc_tone_of(t->now->flag) == tone;
}

/* The red then the yellow items among the tasks of a section (or the plan). */
static int problem_items(document *d, const summary *s, const summary_section *sec, doc_tone tone,
                         bool with_lead)
{
	int n = 0, count = sec ? sec->nitems : s->ntasks;
	for (int i = 0; i < count; i++) {
		const summary_task *t = sec ? &s->tasks[sec->items[i].task] : &s->tasks[i];
		if (in_tone(t, tone))
			add_owned(d, DOC_PARAGRAPH, item_text(s, t, ++n, with_lead, sec && sec->items[i].role == SUMMARY_SUPPORT));
	}
	return n;
}

static void problems(document *d, const summary *s)
{
	heading(d, 1, "三、存在问题");
	int red = count_tone(s->totals, TONE_RED), yellow = count_tone(s->totals, TONE_YELLOW);
	if (!red && !yellow) {
		doc_add(d, DOC_PARAGRAPH, "未发现逾期、滞后或未按期报送的任务。");
		return;
	}
	if (red) {
		heading_owned(d, 2, xasprintf("（一）逾期和严重滞后的任务（红色预警，%d项）", red));
		problem_items(d, s, NULL, TONE_RED, true);
	}
	if (yellow) {
		heading_owned(d, 2, xasprintf("（%s）滞后和未按期报送的任务（黄色预警，%d项）", red ? "二" : "一", yellow));
		problem_items(d, s, NULL, TONE_YELLOW, true);
	}
}

/* "{reply_date}" and "{issuer}" filled in; "\n" (written as two characters) splits paragraphs. */
static void requirement_paragraphs(document *d, const summary *s, const config_document *cfg, const char *template)
{
	char reply[DATE_CN_SIZE];
	date_format_cn(s->as_of + cfg->reply_days, reply);
	char *text = xstrdup(template);
	for (char *p = text; p && *p;) {
		char *end = strstr(p, "\\n");
		if (end)
			*end = '\0';
		doc_sink k;
		doc_sink_open(&k);
		for (const char *c = p; *c;) {
			if (!strncmp(c, "{reply_date}", 12)) {
				fputs(reply, k.f);
				c += 12;
			} else if (!strncmp(c, "{issuer}", 8)) {
				fputs(cfg->issuer, k.f);
				c += 8;
			} else {
				fputc(*c++, k.f);
			}
		}
		add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
		p = end ? end + 2 : NULL;
	}
	free(text);
}

static void signature(document *d, const summary *s, const config_document *cfg)
{
	char date[DATE_CN_SIZE];
	date_format_cn(s->as_of, date);
	add_owned(d, DOC_SIGNATURE, xasprintf("%s\n%s", cfg->issuer, date));
}

/* 版记: the data version ties the paper to the database it came from. */
static void record(document *d, const summary *s, const config_document *cfg)
{
	char date[DATE_CN_SIZE];
	date_format_cn(s->as_of, date);
	add_owned(d, DOC_RECORD, xasprintf("数据版本：%.12s（%lld条记录）\n%s　　%s印发", s->audit_head,
	                                   (long long)s->audit_rows, cfg->issuer, date));
}

/* ---- the attachments ---- */

static void ranking_table(document *d, const summary *s)
{
	static const char *const head[] = { "名次", "单位", "牵头任务", "牵头正常", "牵头预警", "配合任务", "配合正常",
	                                    "配合预警", "推进率" };
	static const double widths[] = { 1.2, 5, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.5 };
	static const bool numeric[] = { true, false, true, true, true, true, true, true, true };
	doc_block *b = doc_add(d, DOC_TABLE, "");
	doc_table_start(b, 9, head, widths, numeric);
	for (int r = 0; r < s->nsections; r++) {
		const summary_section *sec = &s->sections[s->ranking[r]];
		int lead_ok = 0, sup_ok = 0;
		for (int f = 0; f < FLAG_COUNT; f++) {
			lead_ok += summary_on_course((flag_value)f) ? sec->lead_flags[f] : 0;
			sup_ok += summary_on_course((flag_value)f) ? sec->support_flags[f] : 0;
		}
		char *cells[] = { xasprintf("%d", sec->rank), xstrdup(sec->title), xasprintf("%d", sec->nlead),
		                  xasprintf("%d", lead_ok), xasprintf("%d", sec->nlead - lead_ok),
		                  xasprintf("%d", sec->nsupport), xasprintf("%d", sup_ok),
		                  xasprintf("%d", sec->nsupport - sup_ok), xasprintf("%.1f%%", document_rate(sec)) };
		doc_table_row(b, TONE_NONE, cells);
	}
	doc_add(d, DOC_PARAGRAPH,
	        "说明：推进率＝（2×牵头任务中正常数＋配合任务中正常数）÷（2×牵头任务数＋配合任务数），"
	        "正常含已完成、正常推进和临期；推进率相同的单位名次并列。");
}

static void agency_chart(document *d, const summary *s)
{
	doc_block *b = doc_add(d, DOC_CHART_AGENCIES, "各单位牵头和配合任务的预警分布（项）");
	b->bars = xcalloc((size_t)s->nsections + 1, sizeof *b->bars);
	for (int r = 0; r < s->nsections; r++) {
		const summary_section *sec = &s->sections[s->ranking[r]];
		doc_bar *bar = &b->bars[b->nbars++];
		bar->name = doc_safe(sec->title);
		for (int f = 0; f < FLAG_COUNT; f++)
			bar->counts[doc_tone_of((flag_value)f)] += sec->flags[f];
	}
}

/* What the list says of a task's figures: each warned indicator on a line. */
static char *figures_cell(const summary *s, const summary_task *t)
{
	doc_sink k;
	doc_sink_open(&k);
	state_sentences(k.f, s, t, "\n");
	return doc_sink_close(&k);
}

/* One row per task: the figures of its warned indicators together. */
static void list_row(doc_block *b, const summary *s, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	const note_rec *c = summary_comment_note(t, 0);
	char *cells[] = {
		xasprintf("%d", t->d->task.num), xstrdup(t->d->task.text), doc_agency_list(t->d->task.lead),
		xstrdup(flag_label(t->now->flag, false)), figures_cell(s, t), xstrdup(r && r->note ? r->note : ""),
		xstrdup(c ? c->text : ""),
	};
	doc_table_row(b, doc_tone_of(t->now->flag), cells);
}

static void warning_list(document *d, const summary *s, const summary_section *sec, doc_tone tone)
{
	static const char *const head[] = { "序号", "重点任务", "牵头单位", "预警", "指标完成情况", "原因", "督查意见" };
	static const double widths[] = { 1.3, 6, 2.6, 1.6, 6.5, 4, 4 };
	static const bool numeric[] = { true, false, false, false, false, false, false };
	doc_block *b = doc_add(d, DOC_TABLE, "");
	doc_table_start(b, 7, head, widths, numeric);
	b->table.tone_col = 3;
	int count = sec ? sec->nitems : s->ntasks;
	for (int i = 0; i < count; i++) {
		const summary_task *t = sec ? &s->tasks[sec->items[i].task] : &s->tasks[i];
		if (in_tone(t, tone))
			list_row(b, s, t);
	}
}

static void indicator_chart(document *d, const summary *s)
{
	doc_block *b = doc_add(d, DOC_CHART_INDICATORS, "红色预警指标：实际完成与序时进度（占目标的百分比）");
	for (int i = 0; i < s->ntasks; i++) {
		const summary_task *t = &s->tasks[i];
		if (!in_tone(t, TONE_RED))
			continue;
		for (int k = 0; k < t->now->nindicators; k++) {
			double a, e, g;
			const indicator_state *st = &t->now->indicators[k];
			if (doc_tone_of(st->flag) != TONE_RED || !document_shares(&t->d->indicators[k], st, &a, &e, &g))
				continue;
			b->marks = xrealloc(b->marks, (size_t)(b->nmarks + 1) * sizeof *b->marks);
			char *name = doc_safe(t->d->indicators[k].name);
			b->marks[b->nmarks++] = (doc_mark){ xasprintf("第%d项 %s", t->d->task.num, name), a, e, 100 };
			free(name);
		}
	}
}

static void attachment(document *d, int n, const char *title, bool landscape)
{
	doc_block *b = doc_add(d, DOC_ATTACHMENT, "");
	free(b->text);
	b->text = xasprintf("附件%d", n);
	b->extra = xstrdup(title);
	b->landscape = landscape;
}

static void since_rows(doc_block *b, const summary *s)
{
	for (int i = 0; i < s->ntasks; i++) {
		const summary_task *t = &s->tasks[i];
		if (t->then.flag == t->now->flag)
			continue;
		char *cells[] = { xasprintf("%d", t->d->task.num), xstrdup(t->d->task.text), doc_agency_list(t->d->task.lead),
		                  xstrdup(flag_label(t->then.flag, false)), xstrdup(flag_label(t->now->flag, false)),
		                  reason_text(t->now->reason) };
		doc_table_row(b, doc_tone_of(t->now->flag), cells);
	}
}

/* How a flag moved: 0 新完成, 1 新增滞后 (worse, now yellow or red), 2 好转
 * (better), 3 临近完成时限 (now 临期); -1 it did not. */
static int change_kind(flag_value was, flag_value is)
{
	if (was == is)
		return -1;
	if (is == FLAG_DONE)
		return 0;
	doc_tone tone = doc_tone_of(is);
	if (is > was && (tone == TONE_RED || tone == TONE_YELLOW))
		return 1;
	if (is == FLAG_DUE_SOON && was < is)
		return 3;
	return 2;
}

static void since_changes(document *d, const summary *s)
{
	char period[DATE_CN_SIZE];
	period_format_cn(s->since_year, s->since_quarter, period);
	enum { KINDS = 4 };
	doc_sink lists[KINDS];
	int counts[KINDS] = { 0 };
	static const char *const what[] = { "新完成", "新增滞后", "好转", "临近完成时限" };
	for (int w = 0; w < KINDS; w++)
		doc_sink_open(&lists[w]);
	for (int i = 0; i < s->ntasks; i++) {
		const summary_task *t = &s->tasks[i];
		int w = change_kind(t->then.flag, t->now->flag);
		if (w >= 0)
			fprintf(lists[w].f, "%s第%d项", counts[w]++ ? "、" : "", t->d->task.num);
	}
	doc_sink k;
	doc_sink_open(&k);
	fprintf(k.f, "与%s末相比，", period);
	bool any = false;
	for (int w = 0; w < KINDS; w++) {
		char *list = doc_sink_close(&lists[w]);
		if (counts[w]) {
			fprintf(k.f, "%s%s%d项（%s）", any ? "，" : "", what[w], counts[w], list);
			any = true;
		}
		free(list);
	}
	fputs(any ? "。预警变动的任务见附件。" : "各项任务的预警没有变动。", k.f);
	add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
}

static void attachments(document *d, const summary *s)
{
	int n = 0;
	attachment(d, ++n, "各单位任务推进情况排名", true);
	ranking_table(d, s);
	agency_chart(d, s);
	attachment(d, ++n, "红色预警任务清单", true);
	warning_list(d, s, NULL, TONE_RED);
	indicator_chart(d, s);
	attachment(d, ++n, "黄色预警任务清单", true);
	warning_list(d, s, NULL, TONE_YELLOW);
	if (s->since) {
		char period[DATE_CN_SIZE], title[128];
		period_format_cn(s->since_year, s->since_quarter, period);
		snprintf(title, sizeof title, "%s末以来预警变动的任务", period);
		attachment(d, ++n, title, true);
		static const char *const head[] = { "序号", "重点任务", "牵头单位", "原预警", "现预警", "依据" };
		static const double widths[] = { 1, 7, 2.6, 1.6, 1.6, 8 };
		doc_block *b = doc_add(d, DOC_TABLE, "");
		doc_table_start(b, 6, head, widths, (const bool[]){ true, false, false, false, false, false });
		b->table.tone_col = 4;
		since_rows(b, s);
	}
}

static void attachment_note(document *d, const summary *s)
{
	char *extra = s->since ? xstrdup("\n4．预警变动的任务") : xstrdup("");
	add_owned(d, DOC_PARAGRAPH,
	          xasprintf("附件：1．各单位任务推进情况排名\n2．红色预警任务清单\n3．黄色预警任务清单%s", extra));
	d->blocks[d->nblocks - 1].level = 1;   /* the 附件说明 layout */
	free(extra);
}

void document_bulletin(document *d, const summary *s, const config_document *cfg)
{
	memset(d, 0, sizeof *d);
	d->title = xasprintf("关于《%s》重点任务推进情况的通报", s->plan_title);
	d->running = xasprintf("%s　%s", cfg->masthead, s->plan_code);
	masthead(d, s, cfg, cfg->masthead);
	doc_add(d, DOC_TITLE, d->title);
	add_owned(d, DOC_ADDRESSEE, xasprintf("%s：", cfg->addressees));
	opening(d, s);
	overall(d, s);
	achievements(d, s);
	problems(d, s);
	heading(d, 1, "四、下一步工作要求");
	requirement_paragraphs(d, s, cfg, cfg->requirements);
	attachment_note(d, s);
	signature(d, s, cfg);
	attachments(d, s);
	record(d, s, cfg);
}

/* ---- the 督办单 of one agency ---- */

static void notice_opening(document *d, const summary *s, const summary_section *sec)
{
	char date[DATE_CN_SIZE];
	date_format_cn(s->as_of, date);
	int red = count_tone(sec->flags, TONE_RED), yellow = count_tone(sec->flags, TONE_YELLOW);
	doc_sink k;
	doc_sink_open(&k);
	if (!sec->ntasks) {
		fprintf(k.f, "根据《%s》（%s）的分工，你单位没有牵头或配合的任务，本期无督办事项。", s->plan_title,
		        s->plan_code);
		add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
		return;
	}
	fprintf(k.f, "根据《%s》（%s）的分工，截至%s，你单位牵头任务%d项、配合任务%d项，共%d项。其中", s->plan_title,
	        s->plan_code, date, sec->nlead, sec->nsupport, sec->ntasks);
	counts_sentence(k.f, sec->flags, sec->ntasks);
	if (red && yellow)
		fprintf(k.f, "。现将红色预警%d项、黄色预警%d项督办如下：", red, yellow);
	else if (red || yellow)
		fprintf(k.f, "。现将%s色预警%d项督办如下：", red ? "红" : "黄", red ? red : yellow);
	else
		fputs("。各项任务均按序时推进，本期无督办事项。", k.f);
	add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
}

void document_notice(document *d, const summary *s, const config_document *cfg)
{
	memset(d, 0, sizeof *d);
	const summary_section *sec = &s->sections[0];
	d->title = xasprintf("督办单（%s）", sec->title);
	d->one_page = true;
	d->running = xasprintf("督办单　%s", sec->title);
	masthead(d, s, cfg, "督 办 单");
	d->blocks[d->nblocks - 1].level = 2;   /* the smaller 版头 of a one-page form */
	add_owned(d, DOC_ADDRESSEE, xasprintf("%s：", sec->title));
	notice_opening(d, s, sec);
	int red = count_tone(sec->flags, TONE_RED), yellow = count_tone(sec->flags, TONE_YELLOW);
	if (red) {
		heading(d, 1, "一、红色预警（逾期、严重滞后）");
		problem_items(d, s, sec, TONE_RED, false);
	}
	if (yellow) {
		heading(d, 1, red ? "二、黄色预警（滞后、未按期报送）" : "一、黄色预警（滞后、未按期报送）");
		problem_items(d, s, sec, TONE_YELLOW, false);
	}
	if (red || yellow) {
		char cn[8];
		text_cn_number((red ? 1 : 0) + (yellow ? 1 : 0) + 1, cn, sizeof cn);
		heading_owned(d, 1, xasprintf("%s、办理要求", cn));
		requirement_paragraphs(d, s, cfg, cfg->notice_requirements);
	}
	signature(d, s, cfg);
	record(d, s, cfg);
}

/* ---- a list from the screen (the lagging view, a filtered list) ---- */

void document_list(document *d, const summary *s, const config_document *cfg)
{
	memset(d, 0, sizeof *d);
	const summary_section *sec = &s->sections[0];
	/* The screen's title (with its counts) is not a document's: a fixed one. */
	d->title = xstrdup("重点任务督查清单");
	d->running = xstrdup(d->title);
	masthead(d, s, cfg, cfg->masthead);
	doc_add(d, DOC_TITLE, d->title);
	char date[DATE_CN_SIZE];
	date_format_cn(s->as_of, date);
	doc_sink k;
	doc_sink_open(&k);
	fprintf(k.f, "截至%s，本清单共%d项任务，", date, sec->ntasks);
	counts_sentence(k.f, sec->flags, sec->ntasks);
	fputs("。", k.f);
	add_owned(d, DOC_PARAGRAPH, doc_sink_close(&k));
	for (int i = 0; i < sec->nitems; i++)
		add_owned(d, DOC_PARAGRAPH, item_text(s, &s->tasks[sec->items[i].task], i + 1, true, false));
	signature(d, s, cfg);
	record(d, s, cfg);
}
