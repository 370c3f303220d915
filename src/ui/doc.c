/* Scrolled text of coloured segments. */
#include "ui_doc.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_draw.h"
#include "ducha/xalloc.h"

void ui_doc_free(ui_doc *d)
{
	for (int i = 0; i < d->n; i++) {
		for (int s = 0; s < d->lines[i].nsegs; s++)
			free(d->lines[i].segs[s].text);
		free(d->lines[i].segs);
	}
	free(d->lines);
	d->lines = NULL;
	d->n = d->cap = 0;
}

void ui_doc_clear(ui_doc *d, int width)
{
	ui_doc_free(d);
	d->width = width;
}

void ui_doc_line_start(ui_doc *d, int indent)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		ui_doc_line *p = xrealloc(d->lines, (size_t)d->cap * sizeof *p);
		d->lines = p;
	}
	d->lines[d->n++] = (ui_doc_line){ NULL, 0, indent };
}

void ui_doc_add(ui_doc *d, const char *text, ui_elem e)
{
	if (d->n == 0)
		ui_doc_line_start(d, 0);
	ui_doc_line *l = &d->lines[d->n - 1];
	ui_seg *p = xrealloc(l->segs, (size_t)(l->nsegs + 1) * sizeof *p);
	char *copy = xstrdup(text ? text : "");
	l->segs = p;
	l->segs[l->nsegs++] = (ui_seg){ copy, e };
}

void ui_doc_blank(ui_doc *d)
{
	ui_doc_line_start(d, 0);
}

void ui_doc_para(ui_doc *d, int indent, const char *label, int label_w, const char *text, ui_elem e)
{
	char **lines;
	int cols = d->width - indent - label_w;
	int n = text_wrap(text ? text : "", cols < 2 ? 2 : cols, &lines);
	for (int i = 0; i < n; i++) {
		ui_doc_line_start(d, indent);
		if (label_w) {
			/* The label column is padded so the text lines up. */
			char pad[256];
			int w = i == 0 && label ? text_width(label) : 0;
			snprintf(pad, sizeof pad, "%s%*s", i == 0 && label ? label : "",
			         label_w > w ? label_w - w : 0, "");
			ui_doc_add(d, pad, UI_E_LABEL);
		}
		ui_doc_add(d, lines[i], e);
	}
	text_free_lines(lines, n);
}

static void clamp(ui_doc *d)
{
	if (d->top > d->n - d->height)
		d->top = d->n - d->height;
	if (d->top < 0)
		d->top = 0;
}

bool ui_doc_action(ui_doc *d, ui_action a)
{
	switch (a) {
	case UI_ACT_UP: d->top--; break;
	case UI_ACT_DOWN: d->top++; break;
	case UI_ACT_PAGE_UP: d->top -= d->height - 1; break;
	case UI_ACT_PAGE_DOWN: d->top += d->height - 1; break;
	case UI_ACT_FIRST: d->top = 0; break;
	case UI_ACT_LAST: d->top = d->n; break;
	default: return false;
	}
	clamp(d);
	return true;
}

/* A segment, with the doc's mark highlighted where it appears. */
static int put_marked(const ui_doc *d, int y, int x, int w, const char *text, ui_elem e)
{
	const char *at = d->mark[0] ? strstr(text, d->mark) : NULL;
	if (!at)
		return ui_put(y, x, w, text, e);
	char *pre = xstrdup(text);
	pre[at - text] = '\0';
	int used = ui_put(y, x, w, pre, e);
	free(pre);
	used += ui_put(y, x + used, w - used, d->mark, UI_E_MATCH);
	return used + put_marked(d, y, x + used, w - used, at + strlen(d->mark), e);
}

void ui_doc_draw(ui_doc *d, int y, int x, int h)
{
	d->height = h;
	clamp(d);
	for (int r = 0; r < h && d->top + r < d->n; r++) {
		const ui_doc_line *l = &d->lines[d->top + r];
		int col = x + l->indent, right = x + d->width;
		for (int s = 0; s < l->nsegs && col < right; s++)
			col += put_marked(d, y + r, col, right - col, l->segs[s].text, l->segs[s].elem);
	}
}

int ui_doc_find_mark(const ui_doc *d)
{
	for (int i = 0; d->mark[0] && i < d->n; i++)
		for (int s = 0; s < d->lines[i].nsegs; s++)
			if (strstr(d->lines[i].segs[s].text, d->mark))
				return i;
	return -1;
}

void ui_doc_row(ui_doc *d, int indent, const char *label, int label_w, char cells[][24], int n, int cell_w,
                ui_elem e)
{
	char line[1024];
	int pad = label_w - text_width(label);
	size_t used = (size_t)snprintf(line, sizeof line, "%s%*s", label, pad < 0 ? 1 : pad, "");
	for (int k = 0; k < n && used < sizeof line; k++) {
		int w = cell_w - text_width(cells[k]);
		used += (size_t)snprintf(line + used, sizeof line - used, "%*s%s", w > 0 ? w : 1, "", cells[k]);
	}
	ui_doc_line_start(d, indent);
	ui_doc_add(d, line, e);
}
