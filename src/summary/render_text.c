/* The document (通报, 督办单) as text for a terminal or a mail: the same
 * blocks as the PDF, wrapped by the one line breaker (display columns, 避头尾,
 * numbers whole) to [report] page_width, and with page_length paginated into
 * pages of exactly that many lines, "— N —" at the foot, separated by form
 * feeds. Small blocks and table rows are never split over pages, and the
 * 版记 takes the lines before it along, so no page holds only a footer. */
#include "ducha/summary.h"
#include "ducha/document.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

enum { KEEP_MAX = 12, MIN_COL = 4 };

typedef struct tline {
	char *text;
	int group;                   /* lines of a group stay on one page (up to KEEP_MAX) */
	bool page_before;            /* an attachment starts a page */
	bool with_prev;              /* the 版记: never alone at the top of a page */
} tline;

typedef struct tdoc {
	tline *lines;
	int n, cap;
	int group;
	int width;
	bool page_next;
	bool after_heading;
} tdoc;

static void push(tdoc *t, char *owned)
{
	t->lines = xgrow(t->lines, t->n, &t->cap, sizeof *t->lines);
	t->lines[t->n++] = (tline){ owned, t->group, t->page_next, false };
	t->page_next = false;
}

static void blank(tdoc *t)
{
	push(t, xstrdup(""));
}

static void next_group(tdoc *t)
{
	t->group++;
}

/* Wrapped to the width, each line after indent columns of spaces. */
static void wrapped(tdoc *t, const char *text, int indent, const char *first_prefix)
{
	char *s = xasprintf("%s%s", first_prefix ? first_prefix : "", text);
	char **lines;
	int n = text_wrap(s, t->width - indent, &lines);
	for (int i = 0; i < n; i++)
		push(t, xasprintf("%*s%s", indent, "", lines[i]));
	text_free_lines(lines, n);
	free(s);
}

static void centered(tdoc *t, const char *text)
{
	char **lines;
	int n = text_wrap(text, t->width, &lines);
	for (int i = 0; i < n; i++)
		push(t, xasprintf("%*s%s", (t->width - text_width(lines[i])) / 2, "", lines[i]));
	text_free_lines(lines, n);
}

static void right(tdoc *t, const char *text, int margin)
{
	int w = text_width(text);
	int pad = t->width - margin - w;
	push(t, xasprintf("%*s%s", pad > 0 ? pad : 0, "", text));
}

static char *rule(int width)
{
	char *s = xcalloc((size_t)width * 3 + 1, 1);
	for (int i = 0; i < width; i++)
		strcat(s, "─");
	return s;
}

/* ---- blocks ---- */

static void masthead(tdoc *t, const doc_block *b)
{
	/* The masthead's characters spaced out, as it is printed large. */
	char *spaced = xcalloc(strlen(b->text) * 2 + 1, 1);
	for (const char *c = b->text; *c;) {
		size_t k = 1;
		while ((c[k] & 0xC0) == 0x80)
			k++;
		if (*spaced && *c != ' ')
			strcat(spaced, " ");
		if (*c != ' ')
			strncat(spaced, c, k);
		c += k;
	}
	centered(t, spaced);
	free(spaced);
	if (b->extra && *b->extra)
		centered(t, b->extra);
	int left = text_width(b->extra2 ? b->extra2 : ""), date = text_width(b->extra3 ? b->extra3 : "");
	int gap = t->width - left - date;
	if (gap >= 2)
		push(t, xasprintf("%s%*s%s", b->extra2, gap, "", b->extra3));
	else {
		push(t, xstrdup(b->extra2));
		right(t, b->extra3, 0);
	}
	push(t, rule(t->width));
	blank(t);
}

/* The lines from here on join the last group with text in it. */
static void attach_to_previous(tdoc *t)
{
	int last = t->n - 1;
	while (last > 0 && !t->lines[last].text[0])
		last--;
	if (last < 0)
		return;
	t->group = t->lines[last].group;
	for (int i = last + 1; i < t->n; i++)
		t->lines[i].group = t->group;
}

static void signature(tdoc *t, const char *text)
{
	attach_to_previous(t);
	blank(t);
	blank(t);
	char *copy = xstrdup(text);
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		right(t, l, 8);
	free(copy);
	blank(t);
}

static void attachment_note(tdoc *t, const char *text)
{
	blank(t);
	char *copy = xstrdup(text);
	int n = 0;
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		wrapped(t, l, n++ ? 10 : 4, NULL);
	free(copy);
}

/* Column widths in display columns, from the relative widths, at least MIN_COL. */
static int *column_widths(const doc_table *tb, int width)
{
	int *w = xcalloc((size_t)tb->ncols, sizeof *w);
	double total = 0;
	for (int c = 0; c < tb->ncols; c++)
		total += tb->widths[c];
	int room = width - (tb->ncols - 1), used = 0;
	for (int c = 0; c < tb->ncols; c++) {
		w[c] = (int)(room * tb->widths[c] / total);
		w[c] = w[c] < MIN_COL ? MIN_COL : w[c];
		used += w[c];
	}
	/* Whatever rounding left over goes to the widest column; overflow is taken from it. */
	int widest = 0;
	for (int c = 1; c < tb->ncols; c++)
		widest = w[c] > w[widest] ? c : widest;
	w[widest] += room - used;
	if (w[widest] < MIN_COL)
		w[widest] = MIN_COL;
	return w;
}

/* A line being put together, cell by cell (thousands of table rows: no
 * stream, no format string). */
typedef struct line_buf {
	char *p;
	size_t len, cap;
} line_buf;

static void line_room(line_buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 128;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static void line_put(line_buf *b, const char *s, size_t n)
{
	line_room(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void line_spaces(line_buf *b, int n)
{
	if (n <= 0)
		return;
	line_room(b, (size_t)n);
	memset(b->p + b->len, ' ', (size_t)n);
	b->len += (size_t)n;
	b->p[b->len] = '\0';
}

static void table_row(tdoc *t, char *const *cells, const doc_table *tb, const int *w, bool head)
{
	char **lines[64];
	int n[64], most = 1;
	int ncols = tb->ncols < 64 ? tb->ncols : 64;
	for (int c = 0; c < ncols; c++) {
		n[c] = text_wrap(cells[c] ? cells[c] : "", w[c], &lines[c]);
		most = n[c] > most ? n[c] : most;
	}
	for (int l = 0; l < most; l++) {
		line_buf row = { 0 };
		line_put(&row, "", 0);
		for (int c = 0; c < ncols; c++) {
			const char *s = l < n[c] ? lines[c][l] : "";
			int pad = w[c] - text_width(s);
			bool right_align = !head && tb->numeric[c];
			line_spaces(&row, c ? 1 : 0);
			line_spaces(&row, right_align ? pad : 0);
			line_put(&row, s, strlen(s));
			line_spaces(&row, right_align ? 0 : pad);
		}
		/* No trailing blanks. */
		while (row.len && row.p[row.len - 1] == ' ')
			row.p[--row.len] = '\0';
		push(t, row.p);
	}
	for (int c = 0; c < ncols; c++)
		text_free_lines(lines[c], n[c]);
}

static void text_table(tdoc *t, const doc_table *tb)
{
	if (!tb->ncols)
		return;
	int *w = column_widths(tb, t->width);
	next_group(t);
	table_row(t, tb->head, tb, w, true);
	push(t, rule(t->width));
	if (!tb->nrows)
		push(t, xstrdup("（无）"));
	for (int r = 0; r < tb->nrows; r++) {
		if (r)
			next_group(t);
		table_row(t, &tb->cells[r * tb->ncols], tb, w, false);
	}
	free(w);
	next_group(t);
	blank(t);
}

static void agency_chart(tdoc *t, const doc_block *b)
{
	static const char *const head[] = { "单位", "红", "黄", "蓝", "绿" };
	static const double widths[] = { 8, 1, 1, 1, 1 };
	static const bool numeric[] = { false, true, true, true, true };
	doc_table tb = { .ncols = 5, .head = (char **)head, .widths = (double *)widths, .numeric = (bool *)numeric };
	char **cells = xcalloc((size_t)b->nbars * 5 + 1, sizeof *cells);
	for (int i = 0; i < b->nbars; i++) {
		cells[i * 5] = b->bars[i].name;
		for (int k = 1; k < 5; k++)
			cells[i * 5 + k] = xasprintf("%d", b->bars[i].counts[k]);
	}
	tb.cells = cells;
	tb.nrows = b->nbars;
	next_group(t);
	centered(t, b->text);
	blank(t);
	text_table(t, &tb);
	for (int i = 0; i < b->nbars; i++)
		for (int k = 1; k < 5; k++)
			free(cells[i * 5 + k]);
	free(cells);
}

static void indicator_chart(tdoc *t, const doc_block *b)
{
	if (!b->nmarks)
		return;
	next_group(t);
	centered(t, b->text);
	blank(t);
	for (int i = 0; i < b->nmarks; i++) {
		const doc_mark *m = &b->marks[i];
		char *line = m->expected >= 0 ? xasprintf("%s：实际%.1f%%，序时%.1f%%", m->label, m->actual, m->expected)
		                              : xasprintf("%s：实际%.1f%%", m->label, m->actual);
		next_group(t);
		wrapped(t, line, 4, NULL);
		free(line);
	}
	next_group(t);
	blank(t);
}

static void record(tdoc *t, const char *text)
{
	/* Its own group that takes lines before it along to a new page. */
	next_group(t);
	int first = t->n;
	blank(t);
	push(t, rule(t->width));
	char *copy = xstrdup(text);
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		wrapped(t, l, 2, NULL);
	free(copy);
	push(t, rule(t->width));
	t->lines[first].with_prev = true;
}

static void block(tdoc *t, const doc_block *b)
{
	switch (b->kind) {
	case DOC_MASTHEAD: masthead(t, b); break;
	case DOC_TITLE:
		next_group(t);
		centered(t, b->text);
		blank(t);
		break;
	case DOC_ADDRESSEE: next_group(t); wrapped(t, b->text, 0, NULL); break;
	case DOC_HEADING:
		/* A heading goes with what follows (the next block does not start a group). */
		next_group(t);
		wrapped(t, b->text, 0, "　　");
		t->after_heading = true;
		return;
	case DOC_PARAGRAPH:
		if (!t->after_heading)
			next_group(t);
		if (b->level == 1)
			attachment_note(t, b->text);
		else
			wrapped(t, b->text, 0, "　　");
		break;
	case DOC_SIGNATURE: signature(t, b->text); break;
	case DOC_ATTACHMENT:
		next_group(t);
		t->page_next = true;
		push(t, xstrdup(b->text));
		centered(t, b->extra ? b->extra : "");
		blank(t);
		break;
	case DOC_TABLE: text_table(t, &b->table); break;
	case DOC_CHART_AGENCIES: agency_chart(t, b); break;
	case DOC_CHART_INDICATORS: indicator_chart(t, b); break;
	case DOC_RECORD: record(t, b->text); break;
	}
	t->after_heading = false;
}

/* ---- pages ---- */

static int group_end(const tdoc *t, int i)
{
	int end = i + 1;
	while (end < t->n && t->lines[end].group == t->lines[i].group && !t->lines[end].page_before)
		end++;
	return end;
}

static void finish_page(FILE *out, int width, int body, int *used, int *page)
{
	for (; *used < body; ++*used)
		fputc('\n', out);
	char num[32];
	snprintf(num, sizeof num, "— %d —", *page);
	fprintf(out, "\n%*s%s\n", (width - text_width(num)) / 2, "", num);
	++*page;
	*used = 0;
}

/* Whether line i opens a page's text (blank lines there are skipped). */
static bool blank_at_top(const tdoc *t, int i)
{
	return !t->lines[i].text[0] && !t->lines[i].page_before;
}

/* Where each page starts (line indices, starts[0] = 0): groups are kept
 * whole when they fit, a page never opens with blank lines, and a group
 * marked with_prev (the 版记) never opens a page alone: it takes the last
 * lines of the page before along. */
static int page_starts(const tdoc *t, int body, int **out)
{
	int *starts = xcalloc((size_t)t->n + 2, sizeof *starts), npages = 1, used = 0;
	for (int i = 0; i < t->n;) {
		int end = group_end(t, i), size = end - i;
		bool fits = used + size <= body;
		if (used > 0 && (t->lines[i].page_before || (size <= KEEP_MAX && !fits))) {
			int start = i;
			if (t->lines[i].with_prev) {
				/* Back three lines with text, if the page keeps five. */
				int back = i, texts = 0;
				while (back > starts[npages - 1] + 5 && texts < 3)
					texts += t->lines[--back].text[0] != 0;
				start = texts == 3 ? back : i;
			}
			starts[npages++] = start;
			used = 0;
			for (int k = start; k < i; k++)
				used++;
		}
		for (; i < end; i++) {
			if (used == 0 && blank_at_top(t, i))
				continue;
			if (used == body) {
				starts[npages++] = i;
				used = 0;
			}
			used++;
		}
	}
	*out = starts;
	return npages;
}

static bool print_pages(const tdoc *t, int length, FILE *out)
{
	int body = length - 2, *starts, npages = page_starts(t, body, &starts);
	starts[npages] = t->n;
	for (int pg = 0; pg < npages; pg++) {
		int used = 0;
		for (int i = starts[pg]; i < starts[pg + 1]; i++) {
			if (used == 0 && blank_at_top(t, i))
				continue;
			fprintf(out, "%s\n", t->lines[i].text);
			used++;
		}
		int page = pg + 1;
		finish_page(out, t->width, body, &used, &page);
		if (pg + 1 < npages)
			fputc('\f', out);
	}
	free(starts);
	return !ferror(out);
}

bool summary_render_text_document(const document *d, int page_width, int page_length, FILE *out)
{
	tdoc t = { .width = page_width };
	for (int i = 0; i < d->nblocks; i++)
		block(&t, &d->blocks[i]);
	bool ok;
	if (page_length > 0) {
		ok = print_pages(&t, page_length, out);
	} else {
		for (int i = 0; i < t.n; i++)
			fprintf(out, "%s\n", t.lines[i].text);
		ok = !ferror(out);
	}
	for (int i = 0; i < t.n; i++)
		free(t.lines[i].text);
	free(t.lines);
	return ok;
}
