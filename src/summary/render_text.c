/* The summary as text for a printer: lines of at most page_width display
 * columns (Chinese counts two), long text wrapped, pages of exactly
 * page_length lines separated by form feeds, each ending in the signature
 * lines, the audit chain's head and 第 N 页 共 M 页. Each part (the overview,
 * an agency) starts on a new page; a task is kept on one page when it fits. */
#include "ducha/summary.h"
#include "ducha/wording.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

enum {
	FOOTER_LINES = 4,            /* rule, signatures, audit head, page number */
	RUNNING_LINES = 2,           /* continuation pages: the part's title and a blank */
	NUM_W = 4,                   /* a task's number, right-aligned */
	ITEM_INDENT = NUM_W + 2,
	LABEL_W = 10,                /* "最新填报  " */
	MIN_WRAP = 8,
};

typedef struct lines {
	char **v;
	int n, cap;
} lines;

/* Lines that stay on one page when they fit; keep_next ties a heading to
 * what follows it. */
typedef struct chunk {
	lines l;
	bool keep_next;
} chunk;

/* The overview or one section: starts on a new page. */
typedef struct part {
	chunk *c;
	int n, cap;
	char *running;               /* the title repeated on its continuation pages */
} part;

typedef struct page {
	const char **v;              /* borrowed from the parts */
	int n, cap;
	int part;
	bool first;                  /* the part's first page: no running title */
} page;

typedef struct doc {
	const summary *s;
	int width, length;
	part *parts;
	int nparts, cap_parts;
	page *pages;
	int npages, cap_pages;
} doc;


static void lines_push(lines *l, char *owned)
{
	l->v = xgrow(l->v, l->n, &l->cap, sizeof *l->v);
	l->v[l->n++] = owned;
}

static void lines_free(lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- wrapping ---- */

/* Wraps s into lines of at most cols columns with the program's one line
 * breaker (text_wrap: escaped, 避头尾, numbers and words kept whole). */
static void wrap(const char *s, int cols, lines *out)
{
	char **got;
	int n = text_wrap(s ? s : "", cols < MIN_WRAP ? MIN_WRAP : cols, &got);
	for (int i = 0; i < n; i++) {
		lines_push(out, got[i]);
		got[i] = NULL;
	}
	if (n == 0)
		lines_push(out, xstrdup(""));
	text_free_lines(got, n);
}

/* ---- building the parts ---- */

static part *cur_part(doc *d)
{
	return &d->parts[d->nparts - 1];
}

static chunk *cur_chunk(doc *d)
{
	part *p = cur_part(d);
	if (p->n == 0) {
		p->c = xgrow(p->c, p->n, &p->cap, sizeof *p->c);
		memset(&p->c[p->n++], 0, sizeof *p->c);
	}
	return &p->c[p->n - 1];
}

/* Starts a chunk; an empty one just started is reused, so that a heading
 * stays tied to the first block after it. */
static void new_chunk(doc *d, bool keep_next)
{
	part *p = cur_part(d);
	if (p->n == 0 || p->c[p->n - 1].l.n > 0) {
		p->c = xgrow(p->c, p->n, &p->cap, sizeof *p->c);
		memset(&p->c[p->n++], 0, sizeof *p->c);
	}
	p->c[p->n - 1].keep_next = keep_next;
}

static void new_part(doc *d, const char *running)
{
	d->parts = xgrow(d->parts, d->nparts, &d->cap_parts, sizeof *d->parts);
	part *p = &d->parts[d->nparts++];
	memset(p, 0, sizeof *p);
	p->running = text_truncate(running, d->width);
}

/* Every line goes through here: one wider than the page (which the layout
 * never makes) would still be cut to fit. */
static void emit(doc *d, char *owned)
{
	if (text_width(owned) > d->width) {
		char *cut = text_truncate(owned, d->width);
		free(owned);
		owned = cut;
	}
	lines_push(&cur_chunk(d)->l, owned);
}

static void blank(doc *d)
{
	emit(d, xasprintf("%s", ""));
}

/* text wrapped after indent columns of space and a label padded to label_w. */
static void labelled(doc *d, int indent, const char *label, int label_w, const char *text)
{
	lines w = { 0 };
	wrap(text, d->width - indent - label_w, &w);
	for (int i = 0; i < w.n; i++) {
		const char *l = i == 0 && label ? label : "";
		int pad = label_w - text_width(l);
		emit(d, xasprintf("%*s%s%*s%s", indent, "", l, pad > 0 ? pad : 0, "", w.v[i]));
	}
	lines_free(&w);
}

static void centered(doc *d, const char *text)
{
	lines w = { 0 };
	wrap(text, d->width, &w);
	for (int i = 0; i < w.n; i++)
		emit(d, xasprintf("%*s%s", (d->width - text_width(w.v[i])) / 2, "", w.v[i]));
	lines_free(&w);
}

static void rule(doc *d, char c)
{
	char *r = xmalloc((size_t)d->width + 1);
	memset(r, c, (size_t)d->width);
	r[d->width] = '\0';
	emit(d, r);
}

/* A numbered heading, kept with what follows it. */
static void heading(doc *d, int *num, const char *title)
{
	char cn[16];
	text_cn_number(++*num, cn, sizeof cn);
	new_chunk(d, true);
	char *line = xasprintf("%s、%s", cn, title);
	labelled(d, 0, NULL, 0, line);
	free(line);
	new_chunk(d, false);
}

static void title_block(doc *d, const char *who_line)
{
	const summary *s = d->s;
	char as_of[DATE_TEXT_SIZE];
	date_format(s->as_of, as_of);
	centered(d, "督 查 通 报");
	char *plan = xasprintf("%s《%s》", s->plan_code, s->plan_title);
	centered(d, plan);
	free(plan);
	blank(d);
	labelled(d, 0, NULL, 0, who_line);
	char *stamp = xasprintf("截至日期：%s　　制表：%s　%s", as_of, s->produced_at, s->produced_by);
	labelled(d, 0, NULL, 0, stamp);
	free(stamp);
	if (s->since) {
		char since[16];
		summary_since_text(s, since, sizeof since);
		char *line = xasprintf("对比：%s 末以来的变化（预警变化和此后报送的数值）见文末", since);
		labelled(d, 0, NULL, 0, line);
		free(line);
	}
	rule(d, '=');
	blank(d);
}

/* ---- a task ---- */

static void flag_line(doc *d, const task_state *st)
{
	char *text = xasprintf("%s：%s", flag_shown(st->flag, false), st->reason);
	labelled(d, ITEM_INDENT, "预警", LABEL_W, text);
	free(text);
}

static void indicator_lines(doc *d, const summary_task *t)
{
	for (int i = 0; i < t->d->nindicators; i++) {
		const indicator_rec *ind = &t->d->indicators[i];
		const indicator_state *st = &t->now->indicators[i];
		char line[600];
		wording_indicator_line(ind, st, false, line, sizeof line);
		char *text = xasprintf("%s；%s", line, flag_shown(st->flag, false));
		labelled(d, ITEM_INDENT, i == 0 ? "指标" : "", LABEL_W, text);
		free(text);
	}
}

static char *joined_list(const char *joined)
{
	char *out = xasprintf("%s", joined);
	for (char *p = out; *p; p++)
		if (*p == ';')
			*p = ' ';
	return out;
}

static void latest_line(doc *d, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	char review[700] = "";
	if (r && r->state == REPORT_RETURNED)
		wording_review(r, false, review, sizeof review);
	char *text = r ? xasprintf("%s %s%s%s%s%s%s", r->period, model_status_label(r->status, false), review[0] ? "（" : "",
	                        review, review[0] ? "）" : "", r->note[0] ? "：" : "", r->note)
	               : xasprintf("尚无填报");
	labelled(d, ITEM_INDENT, "最新填报", LABEL_W, text);
	free(text);
}

/* The latest 配合情况 of the supporting agencies (the last three). */
static void support_lines(doc *d, const summary_task *t)
{
	for (int i = 0; i < 3; i++) {
		const note_rec *n = summary_support_note(t, i);
		if (!n)
			return;
		char *text = xasprintf("%s %.10s：%s", n->author, n->created, n->text);
		labelled(d, ITEM_INDENT, i == 0 ? "配合情况" : "", LABEL_W, text);
		free(text);
	}
}

static void task_block(doc *d, const summary_task *t, summary_role part_in)
{
	const task_rec *task = &t->d->task;
	char due[MODEL_MAX_DUES * 16];
	wording_dues(task, false, due, sizeof due);
	new_chunk(d, false);
	char num[16];
	snprintf(num, sizeof num, "%*d", NUM_W, task->num);
	labelled(d, 0, num, ITEM_INDENT, task->text);
	char *deadline = xasprintf("%s（%s）", task->deadline, due);
	labelled(d, ITEM_INDENT, "完成时限", LABEL_W, deadline);
	free(deadline);
	char status[900];
	wording_task_status(t->d, d->s->as_of, false, status, sizeof status);
	labelled(d, ITEM_INDENT, "任务状态", LABEL_W, status);
	if (part_in != SUMMARY_LEAD) {
		char *lead = joined_list(task->lead);
		labelled(d, ITEM_INDENT, "牵头单位", LABEL_W, lead);
		free(lead);
	}
	flag_line(d, t->now);
	indicator_lines(d, t);
	latest_line(d, t);
	support_lines(d, t);
	blank(d);
}

static void task_group(doc *d, const summary_section *sec, summary_role part_in, int count, int *num,
                       const char *name)
{
	char *title = xasprintf("%s（%d 项）", name, count);
	heading(d, num, title);
	free(title);
	if (count == 0) {
		labelled(d, ITEM_INDENT, NULL, 0, "（无）");
		blank(d);
	}
	for (int i = 0; i < sec->nitems; i++)
		if (sec->items[i].role == part_in)
			task_block(d, &d->s->tasks[sec->items[i].task], part_in);
}

/* ---- what changed since --since ---- */

static void change_block(doc *d, const summary_task *t)
{
	new_chunk(d, false);
	char num[16];
	snprintf(num, sizeof num, "%*d", NUM_W, t->d->task.num);
	char *moved = t->then.flag != t->now->flag
	                  ? xasprintf("%s → %s", flag_shown(t->then.flag, false),
	                           flag_shown(t->now->flag, false))
	                  : xasprintf("未变（%s）", flag_shown(t->now->flag, false));
	char *line = xasprintf("预警 %s", moved);
	labelled(d, 0, num, ITEM_INDENT, line);
	free(line);
	free(moved);
	for (int r = t->since_from; r < t->known; r++) {
		const report_rec *rep = &t->d->reports[r];
		char values[1024];
		wording_values(t->d, rep, false, values, sizeof values);
		char *text = xasprintf("%s %s%s%s", rep->period, model_status_label(rep->status, false), values[0] ? "：" : "",
		                    values);
		labelled(d, ITEM_INDENT, r == t->since_from ? "新报" : "", LABEL_W, text);
		free(text);
	}
	blank(d);
}

static void changes(doc *d, const summary_section *sec, int *num)
{
	char since[16];
	summary_since_text(d->s, since, sizeof since);
	char *title = xasprintf("%s 以来的变化（%s 末的预警 → 现在；此后报送的数值）", since, since);
	heading(d, num, title);
	free(title);
	int shown = 0;
	for (int i = 0; i < sec->nitems; i++) {
		const summary_task *t = &d->s->tasks[sec->items[i].task];
		bool dup = false;
		for (int j = 0; j < i && !dup; j++)
			dup = sec->items[j].task == sec->items[i].task;
		if (!dup && summary_task_changed(d->s, t)) {
			change_block(d, t);
			shown++;
		}
	}
	if (!shown)
		labelled(d, ITEM_INDENT, NULL, 0, "（无变化）");
}

/* ---- a section ---- */

static void section_counts(doc *d, const summary_section *sec)
{
	char flags[512];
	wording_counts(sec->flags, false, flags, sizeof flags);
	char *line = sec->agency ? xasprintf("牵头任务 %d 项，配合任务 %d 项，共 %d 项；完成率 %d%%（已完成 %d 项）。",
	                                  sec->nlead, sec->nsupport, sec->ntasks,
	                                  sec->completion < 0 ? 0 : sec->completion, sec->flags[FLAG_DONE])
	                         : xasprintf("任务 %d 项；完成率 %d%%（已完成 %d 项）。", sec->ntasks,
	                                  sec->completion < 0 ? 0 : sec->completion, sec->flags[FLAG_DONE]);
	labelled(d, 4, NULL, 0, line);
	free(line);
	line = xasprintf("预警：%s。", flags);
	labelled(d, 4, NULL, 0, line);
	free(line);
	if (sec->rank) {
		line = xasprintf("在全部 %d 个单位中排第 %d 位（排名见总览）。", d->s->nsections, sec->rank);
		labelled(d, 4, NULL, 0, line);
		free(line);
	}
	blank(d);
}

static void section_part(doc *d, const summary_section *sec)
{
	char *running = xasprintf("%s 督查通报 · %s（续）", d->s->plan_code, sec->title);
	new_part(d, running);
	free(running);
	char *who = xasprintf("%s：%s", sec->agency ? "单位" : "范围", sec->title);
	title_block(d, who);
	free(who);
	int num = 0;
	heading(d, &num, "总体情况");
	section_counts(d, sec);
	if (sec->agency) {
		task_group(d, sec, SUMMARY_LEAD, sec->nlead, &num, "牵头任务");
		task_group(d, sec, SUMMARY_SUPPORT, sec->nsupport, &num, "配合任务");
	} else {
		task_group(d, sec, SUMMARY_LISTED, sec->nitems, &num, "任务");
	}
	if (d->s->since)
		changes(d, sec, &num);
}

/* ---- the overview ---- */

typedef struct column {
	const char *header;
	int width;
} column;

static const column rank_cols[] = {
	{ "牵头", 4 }, { "配合", 4 }, { "逾期", 4 }, { "严重滞后", 8 }, { "未报送", 6 }, { "滞后", 4 }, { "完成率", 6 },
};
enum { NRANK_COLS = sizeof rank_cols / sizeof rank_cols[0], RANK_W = 4 };

static int name_width(const doc *d)
{
	int fixed = RANK_W + 1;
	for (int c = 0; c < NRANK_COLS; c++)
		fixed += 1 + rank_cols[c].width;
	return d->width - fixed;
}

static void rank_header(doc *d)
{
	int nw = name_width(d);
	/* printf pads by bytes: "名次" is six bytes and four columns, RANK_W. */
	char *line = xasprintf("%s %s%*s", "名次", "单位", nw - 4, "");
	for (int c = 0; c < NRANK_COLS; c++) {
		char *more = xasprintf("%s %*s%s", line, rank_cols[c].width - text_width(rank_cols[c].header), "",
		                    rank_cols[c].header);
		free(line);
		line = more;
	}
	emit(d, line);
	rule(d, '-');
}

static void rank_row(doc *d, const summary_section *sec)
{
	int values[NRANK_COLS] = { sec->nlead, sec->nsupport, sec->flags[FLAG_OVERDUE], sec->flags[FLAG_LAGGING],
	                           sec->flags[FLAG_UNREPORTED], sec->flags[FLAG_BEHIND],
	                           sec->completion < 0 ? 0 : sec->completion };
	int nw = name_width(d);
	lines name = { 0 };
	wrap(sec->title, nw, &name);
	char *line = xasprintf("%*d %s%*s", RANK_W, sec->rank, name.v[0], nw - text_width(name.v[0]), "");
	for (int c = 0; c < NRANK_COLS; c++) {
		char *more = c == NRANK_COLS - 1 ? xasprintf("%s %*d%%", line, rank_cols[c].width - 1, values[c])
		                                 : xasprintf("%s %*d", line, rank_cols[c].width, values[c]);
		free(line);
		line = more;
	}
	emit(d, line);
	for (int i = 1; i < name.n; i++)
		emit(d, xasprintf("%*s%s", RANK_W + 1, "", name.v[i]));
	lines_free(&name);
}

static void overview_changes(doc *d, int *num)
{
	char since[16];
	summary_since_text(d->s, since, sizeof since);
	char *title = xasprintf("%s 以来预警变化的任务", since);
	heading(d, num, title);
	free(title);
	int shown = 0;
	for (int i = 0; i < d->s->ntasks; i++) {
		const summary_task *t = &d->s->tasks[i];
		if (t->then.flag == t->now->flag)
			continue;
		char *lead = joined_list(t->d->task.lead);
		char *line = xasprintf("%s → %s；牵头：%s", flag_shown(t->then.flag, false),
		                    flag_shown(t->now->flag, false), lead);
		char num_text[16];
		snprintf(num_text, sizeof num_text, "%*d", NUM_W, t->d->task.num);
		new_chunk(d, false);
		labelled(d, 0, num_text, ITEM_INDENT, line);
		free(line);
		free(lead);
		shown++;
	}
	if (!shown)
		labelled(d, ITEM_INDENT, NULL, 0, "（无）");
}

static void overview_part(doc *d)
{
	const summary *s = d->s;
	char *running = xasprintf("%s 督查通报 · 总览（续）", s->plan_code);
	new_part(d, running);
	free(running);
	title_block(d, "范围：全部单位（先为推进情况排名总览，后为各单位通报）");
	int num = 0;
	heading(d, &num, "总体情况");
	char flags[512];
	wording_counts(s->totals, false, flags, sizeof flags);
	char *line = xasprintf("全部任务 %d 项，已完成 %d 项；预警：%s。", s->ntotal, s->totals[FLAG_DONE], flags);
	labelled(d, 4, NULL, 0, line);
	free(line);
	blank(d);
	heading(d, &num, "各单位排名");
	labelled(d, 4, NULL, 0, "按各单位牵头或配合的任务计；逾期、严重滞后、未报送、滞后的任务多者在前，"
	                        "再按完成率（已完成任务所占比例）由低到高。");
	blank(d);
	/* The header stays with the first row; the rows may run onto the next page. */
	new_chunk(d, true);
	rank_header(d);
	for (int i = 0; i < s->nsections; i++) {
		new_chunk(d, false);
		rank_row(d, &s->sections[s->ranking[i]]);
	}
	blank(d);
	if (s->since)
		overview_changes(d, &num);
}

/* ---- pages ---- */

static page *new_page(doc *d, int part_no, bool first)
{
	d->pages = xgrow(d->pages, d->npages, &d->cap_pages, sizeof *d->pages);
	page *p = &d->pages[d->npages++];
	memset(p, 0, sizeof *p);
	p->part = part_no;
	p->first = first;
	return p;
}

static int capacity(const doc *d, const page *p)
{
	return d->length - FOOTER_LINES - (p->first ? 0 : RUNNING_LINES);
}

/* Adds a line, turning the page when it is full; a page never starts blank. */
static page *put_line(doc *d, page *p, const char *line)
{
	if (p->n >= capacity(d, p))
		p = new_page(d, p->part, false);
	if (p->n == 0 && !p->first && line[0] == '\0')
		return p;
	p->v = xgrow(p->v, p->n, &p->cap, sizeof *p->v);
	p->v[p->n++] = line;
	return p;
}

/* Lines of the chunks from i that must stay together (keep_next ties). */
static int group_size(const part *pt, int i, int *end)
{
	int n = 0;
	*end = i;
	do
		n += pt->c[*end].l.n;
	while (pt->c[(*end)++].keep_next && *end < pt->n);
	return n;
}

static void paginate_part(doc *d, int pi)
{
	const part *pt = &d->parts[pi];
	page *p = new_page(d, pi, true);
	for (int i = 0; i < pt->n;) {
		int end, size = group_size(pt, i, &end);
		int room = capacity(d, p) - p->n;
		/* The blank line that closes a block may fall off the page. */
		const lines *last = &pt->c[end - 1].l;
		int need = last->n && last->v[last->n - 1][0] == '\0' ? size - 1 : size;
		if (need > room && p->n > 0 && size <= d->length - FOOTER_LINES - RUNNING_LINES)
			p = new_page(d, pi, false);
		for (; i < end; i++)
			for (int k = 0; k < pt->c[i].l.n; k++)
				p = put_line(d, p, pt->c[i].l.v[k]);
	}
}

/* ---- output ---- */

static void footer(const doc *d, FILE *out, int page_no)
{
	int blanks = (d->width - 22 - 4) / 3;
	char under[200];
	memset(under, '_', (size_t)blanks);
	under[blanks] = '\0';
	for (int i = 0; i < d->width; i++)
		fputc('-', out);
	fprintf(out, "\n填报人：%s  审核人：%s  日期：%s\n", under, under, under);
	char *hash = xasprintf("留痕链头 %s", d->s->audit_head);
	char *cut = text_truncate(hash, d->width);
	fprintf(out, "%s\n", cut);
	free(cut);
	free(hash);
	if (page_no > 0) {
		char *no = xasprintf("第 %d 页 共 %d 页", page_no, d->npages);
		fprintf(out, "%*s%s\n", (d->width - text_width(no)) / 2, "", no);
		free(no);
	}
}

static void print_pages(const doc *d, FILE *out)
{
	for (int i = 0; i < d->npages; i++) {
		const page *p = &d->pages[i];
		int used = p->n;
		if (i > 0)
			fputc('\f', out);
		if (!p->first) {
			fprintf(out, "%s\n\n", d->parts[p->part].running);
			used += RUNNING_LINES;
		}
		for (int k = 0; k < p->n; k++)
			fprintf(out, "%s\n", p->v[k]);
		for (; used < d->length - FOOTER_LINES; used++)
			fputc('\n', out);
		footer(d, out, i + 1);
	}
}

/* Without pages: the parts one after another, each closed by its signatures. */
static void print_flowing(const doc *d, FILE *out)
{
	for (int pi = 0; pi < d->nparts; pi++) {
		const part *pt = &d->parts[pi];
		if (pi > 0)
			fputc('\n', out);
		for (int i = 0; i < pt->n; i++)
			for (int k = 0; k < pt->c[i].l.n; k++)
				fprintf(out, "%s\n", pt->c[i].l.v[k]);
		footer(d, out, 0);
	}
}

static void doc_free(doc *d)
{
	for (int pi = 0; pi < d->nparts; pi++) {
		part *pt = &d->parts[pi];
		for (int i = 0; i < pt->n; i++)
			lines_free(&pt->c[i].l);
		free(pt->c);
		free(pt->running);
	}
	for (int i = 0; i < d->npages; i++)
		free(d->pages[i].v);
	free(d->parts);
	free(d->pages);
}

bool summary_render_text(const summary *s, int page_width, int page_length, FILE *out)
{
	doc d = { .s = s, .width = page_width, .length = page_length };
	if (s->overview)
		overview_part(&d);
	for (int i = 0; i < s->nsections; i++)
		section_part(&d, &s->sections[i]);
	if (page_length > 0) {
		for (int i = 0; i < d.nparts; i++)
			paginate_part(&d, i);
		print_pages(&d, out);
	} else {
		print_flowing(&d, out);
	}
	doc_free(&d);
	return !ferror(out);
}
