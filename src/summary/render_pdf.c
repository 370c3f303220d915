/* The document as PDF, set by Pango (Chinese line breaking: closing marks
 * never start a line, numbers stay whole) and drawn by Cairo, which embeds
 * the fonts it uses. GB/T 9704 on A4: the 版心, 22 lines of 28 characters
 * of 三号 body text, "— N —" page numbers outside (odd right, even left);
 * attachments on landscape pages with their table headers repeated. */
#include "ducha/document.h"
#include "document_internal.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/xalloc.h"

enum font_role { F_BODY, F_TITLE, F_HEADING, F_KAI, F_SMALL, F_SMALL_BOLD, F_MAST, F_PAGE, F_COUNT };

typedef struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontDescription *fonts[F_COUNT];
	bool landscape;
	bool page_open;
	int page;
	double x, y, w, h;           /* the 版心 of the current page */
	double body;                 /* the body's size: 三号 (16 pt), 四号 to fit a 督办单 on a page */
	double pitch;                /* the body's line pitch */
	double at;                   /* the next line's top, from the 版心's top */
	FILE *out;
	int write_errno;
	bool picture;                /* a chart alone, as a picture: its title is the caller's */
} pdf;

static const double tone_fill[TONE_COUNT][3] = {
	{ 1, 1, 1 }, { 0.96, 0.71, 0.71 }, { 1, 0.90, 0.60 }, { 0.74, 0.84, 0.93 }, { 0.78, 0.88, 0.71 },
};
static const double tone_ink[TONE_COUNT][3] = {
	{ 0, 0, 0 }, { 0.80, 0.10, 0.10 }, { 0.93, 0.70, 0.05 }, { 0.20, 0.45, 0.75 }, { 0.30, 0.60, 0.25 },
};

/* Pango, Cairo and fontconfig keep font caches for the life of the
 * process; released at exit so leak checkers see only our own memory. */
static void release_fonts(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

static void fonts_in_use(void)
{
	static bool registered;
	if (!registered && atexit(release_fonts) == 0)
		registered = true;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	pdf *p = closure;
	if (fwrite(data, 1, len, p->out) == len)
		return CAIRO_STATUS_SUCCESS;
	p->write_errno = errno ? errno : EIO;
	return CAIRO_STATUS_WRITE_ERROR;
}

static PangoFontDescription *font(const char *family, double size)
{
	PangoFontDescription *f = pango_font_description_from_string(family);
	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	return f;
}

static void open_fonts(pdf *p, const config_document *cfg)
{
	p->fonts[F_BODY] = font(cfg->font_body, p->body);
	p->fonts[F_TITLE] = font(cfg->font_title, 22);
	p->fonts[F_HEADING] = font(cfg->font_heading, p->body);
	p->fonts[F_KAI] = font(cfg->font_kai, p->body);
	p->fonts[F_SMALL] = font(cfg->font_body, 10.5);
	p->fonts[F_SMALL_BOLD] = font(cfg->font_heading, 10.5);
	p->fonts[F_MAST] = font(cfg->font_title, 40);
	p->fonts[F_PAGE] = font(cfg->font_body, 14);
}

/* ---- pages ---- */

static void page_number(pdf *p)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	pango_layout_set_font_description(l, p->fonts[F_PAGE]);
	char text[32];
	snprintf(text, sizeof text, "— %d —", p->page);
	pango_layout_set_text(l, text, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	double one_char = 14;
	/* Outside edge: odd pages right, even pages left, one character in. */
	double x = p->page % 2 ? p->x + p->w - one_char - w / (double)PANGO_SCALE : p->x + one_char;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x, p->y + p->h + 7 * DOC_MM);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void end_page(pdf *p)
{
	if (!p->page_open)
		return;
	page_number(p);
	cairo_show_page(p->cr);
	p->page_open = false;
}

static void new_page(pdf *p, bool landscape)
{
	end_page(p);
	p->landscape = landscape;
	if (landscape) {
		cairo_pdf_surface_set_size(p->surface, DOC_PAGE_H, DOC_PAGE_W);
		p->x = 30 * DOC_MM;
		p->y = 26 * DOC_MM;
		p->w = 297 * DOC_MM - 2 * p->x;
		p->h = 210 * DOC_MM - p->y - 30 * DOC_MM;
	} else {
		cairo_pdf_surface_set_size(p->surface, DOC_PAGE_W, DOC_PAGE_H);
		p->x = DOC_LEFT;
		p->y = DOC_TOP;
		p->w = DOC_TEXT_W;
		p->h = DOC_TEXT_H;
	}
	p->page++;
	p->page_open = true;
	p->at = 0;
}

static void ensure_room(pdf *p, double height)
{
	if (!p->page_open || p->at + height > p->h + 0.5)
		new_page(p, p->landscape);
}

/* ---- text ---- */

typedef struct text_style {
	enum font_role font;
	PangoAlignment align;
	double indent;               /* first line, points (negative: hanging) */
	double left;                 /* every line, points */
	double pitch;
	double r, g, b;
} text_style;

static PangoLayout *layout_text(pdf *p, const char *text, const text_style *ts, double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	pango_layout_set_font_description(l, p->fonts[ts->font]);
	pango_layout_set_width(l, (int)((width - ts->left) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, ts->align);
	/* Not justified: Pango would spread the space inside numbers too. */
	pango_layout_set_indent(l, (int)(ts->indent * PANGO_SCALE));
	if (ts->font == F_BODY || ts->font == F_HEADING || ts->font == F_KAI) {
		/* 28 characters on a 156 mm line: 16 pt characters a little closer. */
		PangoAttrList *attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new((int)(-0.21 * p->body / DOC_BODY_PT * PANGO_SCALE)));
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
	char *bound = doc_bind_numbers(text);
	pango_layout_set_text(l, bound, -1);
	free(bound);
	return l;
}

/* Draws the lines of a text on the grid, breaking pages between lines. */
static void flow_text(pdf *p, const char *text, const text_style *ts)
{
	PangoLayout *l = layout_text(p, text, ts, p->w);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		ensure_room(p, ts->pitch);
		/* The line's box centred in its pitch, so the grid holds whatever the font. */
		double in_line = (pango_layout_iter_get_baseline(it) - logical.y) / (double)PANGO_SCALE;
		double baseline = p->y + p->at + (ts->pitch - logical.height / (double)PANGO_SCALE) / 2 + in_line;
		cairo_set_source_rgb(p->cr, ts->r, ts->g, ts->b);
		cairo_move_to(p->cr, p->x + ts->left + logical.x / (double)PANGO_SCALE, baseline);
		pango_cairo_show_layout_line(p->cr, line);
		p->at += ts->pitch;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

static text_style style_of(const pdf *p, enum font_role f, PangoAlignment align, double indent)
{
	return (text_style){ f, align, indent, 0, p->pitch, 0, 0, 0 };
}

static void body(pdf *p, const char *text)
{
	text_style ts = style_of(p, F_BODY, PANGO_ALIGN_LEFT, 2 * p->body);
	flow_text(p, text, &ts);
}

/* "附件：1．…" with the later items lined up under the first. */
static void attachment_note(pdf *p, const char *text)
{
	char *copy = xstrdup(text);
	int n = 0;
	for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		text_style ts = style_of(p, F_BODY, PANGO_ALIGN_LEFT, 0);
		ts.left = n++ ? 5 * p->body : 2 * p->body;
		flow_text(p, line, &ts);
	}
	free(copy);
}

static void heading(pdf *p, const doc_block *b)
{
	ensure_room(p, 2 * p->pitch);   /* never the last line of a page */
	text_style ts = style_of(p, b->level == 1 ? F_HEADING : F_KAI, PANGO_ALIGN_LEFT, 2 * p->body);
	flow_text(p, b->text, &ts);
}

static void title(pdf *p, const char *text)
{
	text_style ts = style_of(p, F_TITLE, PANGO_ALIGN_CENTER, 0);
	ts.pitch = p->pitch * 1.25;
	flow_text(p, text, &ts);
	p->at += p->pitch;
}

static void signature(pdf *p, const char *text)
{
	/* Two lines' space above; the lines together; four characters from the right. */
	ensure_room(p, 4 * p->pitch);
	p->at += 2 * p->pitch;
	char *copy = xstrdup(text);
	for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		text_style ts = style_of(p, F_BODY, PANGO_ALIGN_RIGHT, 0);
		double saved = p->w;
		p->w -= 4 * p->body;
		flow_text(p, line, &ts);
		p->w = saved;
	}
	free(copy);
}

static void red_rule(pdf *p, double y, double width)
{
	cairo_set_source_rgb(p->cr, 0.85, 0, 0);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, p->x, y);
	cairo_line_to(p->cr, p->x + p->w, y);
	cairo_stroke(p->cr);
}

static void masthead(pdf *p, const doc_block *b)
{
	ensure_room(p, 6 * p->pitch);
	text_style ts = style_of(p, b->level == 2 ? F_TITLE : F_MAST, PANGO_ALIGN_CENTER, 0);
	ts.pitch = (b->level == 2 ? 1.5 : 2.2) * p->pitch;
	ts.r = 0.85;
	flow_text(p, b->text, &ts);
	if (b->extra && *b->extra) {
		text_style num = style_of(p, F_BODY, PANGO_ALIGN_CENTER, 0);
		flow_text(p, b->extra, &num);
	}
	/* The issuer on the left and the date on the right, on one line. */
	text_style left = style_of(p, F_BODY, PANGO_ALIGN_LEFT, 0);
	text_style right = style_of(p, F_BODY, PANGO_ALIGN_RIGHT, 0);
	double at = p->at;
	flow_text(p, b->extra2 ? b->extra2 : "", &left);
	p->at = at;
	flow_text(p, b->extra3 ? b->extra3 : "", &right);
	red_rule(p, p->y + p->at + 2, 1.4);
	p->at += p->pitch;
}

/* ---- tables ---- */

typedef struct table_layout {
	const doc_table *t;
	double *col_w;
	double pad;
} table_layout;

static double cell_height(pdf *p, const char *text, double width, enum font_role f)
{
	PangoLayout *l = layout_text(p, text, &(text_style){ f, PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0 }, width);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return h / (double)PANGO_SCALE;
}

static void draw_cell(pdf *p, const char *text, double x, double y, double w, double h, enum font_role f,
                      bool right, const double *fill, double pad)
{
	if (fill) {
		cairo_set_source_rgb(p->cr, fill[0], fill[1], fill[2]);
		cairo_rectangle(p->cr, x, y, w, h);
		cairo_fill(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, 0.5);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	PangoLayout *l = layout_text(
		p, text, &(text_style){ f, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0 },
		w - 2 * pad);
	cairo_move_to(p->cr, x + pad, y + pad);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static double row_height(pdf *p, const table_layout *tl, char *const *cells, enum font_role f)
{
	double h = 0;
	for (int c = 0; c < tl->t->ncols; c++) {
		double ch = cell_height(p, cells[c], tl->col_w[c] - 2 * tl->pad, f);
		h = ch > h ? ch : h;
	}
	return h + 2 * tl->pad;
}

static void draw_row(pdf *p, const table_layout *tl, char *const *cells, double h, enum font_role f,
                     const double *fill_all, doc_tone tone)
{
	double x = p->x;
	for (int c = 0; c < tl->t->ncols; c++) {
		const double *fill = fill_all ? fill_all : c == tl->t->tone_col && tone ? tone_fill[tone] : NULL;
		draw_cell(p, cells[c], x, p->y + p->at, tl->col_w[c], h, f, !fill_all && tl->t->numeric[c], fill, tl->pad);
		x += tl->col_w[c];
	}
	p->at += h;
}

static void draw_table(pdf *p, const doc_table *t)
{
	if (t->ncols == 0)
		return;
	static const double head_fill[3] = { 0.9, 0.9, 0.9 };
	table_layout tl = { t, xcalloc((size_t)t->ncols, sizeof(double)), 3 };
	double total = 0;
	for (int c = 0; c < t->ncols; c++)
		total += t->widths[c];
	for (int c = 0; c < t->ncols; c++)
		tl.col_w[c] = p->w * t->widths[c] / total;
	double head_h = row_height(p, &tl, t->head, F_SMALL_BOLD);
	ensure_room(p, head_h + 20);
	draw_row(p, &tl, t->head, head_h, F_SMALL_BOLD, head_fill, TONE_NONE);
	if (t->nrows == 0) {
		char *none[16] = { 0 };
		for (int c = 0; c < t->ncols && c < 16; c++)
			none[c] = c == 1 ? "（无）" : "";
		draw_row(p, &tl, none, row_height(p, &tl, none, F_SMALL), F_SMALL, NULL, TONE_NONE);
	}
	for (int r = 0; r < t->nrows; r++) {
		char *const *cells = &t->cells[r * t->ncols];
		double h = row_height(p, &tl, cells, F_SMALL);
		if (p->at + h > p->h) {
			/* The header again on the next page. */
			new_page(p, p->landscape);
			draw_row(p, &tl, t->head, head_h, F_SMALL_BOLD, head_fill, TONE_NONE);
		}
		draw_row(p, &tl, cells, h, F_SMALL, NULL, t->tones[r]);
	}
	free(tl.col_w);
	p->at += p->pitch * 0.6;
}

/* ---- charts ---- */

static void small_text(pdf *p, const char *text, double x, double y, double width, PangoAlignment align)
{
	PangoLayout *l = layout_text(p, text, &(text_style){ F_SMALL, align, 0, 0, 0, 0, 0, 0 }, width);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void chart_title(pdf *p, const char *text, double height)
{
	if (p->picture)
		return;
	ensure_room(p, height + 2 * p->pitch);
	text_style ts = style_of(p, F_HEADING, PANGO_ALIGN_CENTER, 0);
	flow_text(p, text, &ts);
}

static void legend(pdf *p, double y)
{
	static const char *const words[] = { "", "红：逾期、严重滞后", "黄：滞后、未报送", "蓝：临期", "绿：正常、已完成" };
	double x = p->x;
	for (int t = TONE_RED; t < TONE_COUNT; t++) {
		cairo_set_source_rgb(p->cr, tone_ink[t][0], tone_ink[t][1], tone_ink[t][2]);
		cairo_rectangle(p->cr, x, y + 3, 10, 8);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		small_text(p, words[t], x + 13, y, 120, PANGO_ALIGN_LEFT);
		x += 130;
	}
}

static void agency_chart(pdf *p, const doc_block *b)
{
	const double row = 15, name_w = 150;
	int max = doc_bars_max(b);
	/* A chart is never split over pages. */
	chart_title(p, b->text, row * (b->nbars + 2.6));
	legend(p, p->y + p->at);
	p->at += row * 1.6;
	double scale = (p->w - name_w - 30) / max;
	for (int i = 0; i < b->nbars; i++) {
		ensure_room(p, row);
		double y = p->y + p->at, x = p->x + name_w;
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		small_text(p, b->bars[i].name, p->x, y, name_w - 6, PANGO_ALIGN_RIGHT);
		for (int t = TONE_RED; t < TONE_COUNT; t++) {
			int n = b->bars[i].counts[t];
			if (!n)
				continue;
			cairo_set_source_rgb(p->cr, tone_ink[t][0], tone_ink[t][1], tone_ink[t][2]);
			cairo_rectangle(p->cr, x, y + 2, n * scale, row - 4);
			cairo_fill(p->cr);
			char num[16];
			snprintf(num, sizeof num, "%d", n);
			cairo_set_source_rgb(p->cr, t == TONE_YELLOW ? 0 : 1, t == TONE_YELLOW ? 0 : 1, t == TONE_YELLOW ? 0 : 1);
			if (n * scale >= 12)
				small_text(p, num, x, y, n * scale, PANGO_ALIGN_CENTER);
			x += n * scale;
		}
		p->at += row;
	}
	p->at += p->pitch * 0.6;
}

/* Each red indicator: its actual as a bar, the 序时 mark, the target line. */
static void indicator_chart(pdf *p, const doc_block *b)
{
	if (b->nmarks == 0)
		return;
	const double row = 17, name_w = 230, figures_w = 150;
	chart_title(p, b->text, row * (b->nmarks > 24 ? 3 : b->nmarks + 2));
	double bar_w = p->w - name_w - figures_w - 12;
	double x0 = p->x + name_w;
	for (int i = 0; i < b->nmarks; i++) {
		ensure_room(p, row);
		const doc_mark *m = &b->marks[i];
		double y = p->y + p->at;
		double a = m->actual > 120 ? 120 : m->actual, e = m->expected > 120 ? 120 : m->expected;
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		small_text(p, m->label, p->x, y + 1, name_w - 8, PANGO_ALIGN_RIGHT);
		cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
		cairo_rectangle(p->cr, x0, y + 3, bar_w * 100 / 120, row - 6);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, tone_ink[TONE_RED][0], tone_ink[TONE_RED][1], tone_ink[TONE_RED][2]);
		cairo_rectangle(p->cr, x0, y + 4, bar_w * a / 120, row - 8);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		cairo_set_line_width(p->cr, 1.6);
		if (e >= 0) {
			cairo_move_to(p->cr, x0 + bar_w * e / 120, y + 1);
			cairo_line_to(p->cr, x0 + bar_w * e / 120, y + row - 1);
			cairo_stroke(p->cr);
		}
		cairo_set_line_width(p->cr, 0.6);
		cairo_move_to(p->cr, x0 + bar_w * 100 / 120, y);
		cairo_line_to(p->cr, x0 + bar_w * 100 / 120, y + row);
		cairo_stroke(p->cr);
		char figures[96];
		if (m->expected >= 0)
			snprintf(figures, sizeof figures, "实际%.1f%%，序时%.1f%%", m->actual, m->expected);
		else
			snprintf(figures, sizeof figures, "实际%.1f%%", m->actual);
		small_text(p, figures, x0 + bar_w + 8, y + 1, figures_w, PANGO_ALIGN_LEFT);
		p->at += row;
	}
	ensure_room(p, row);
	small_text(p, "红色条为实际完成，黑色竖线为序时进度，细线为目标（100%）。", x0, p->y + p->at, bar_w + figures_w,
	           PANGO_ALIGN_LEFT);
	p->at += row + p->pitch * 0.4;
}

/* ---- 版记 ---- */

static void record(pdf *p, const char *text)
{
	int lines = 1;
	for (const char *c = text; *c; c++)
		lines += *c == '\n';
	/* 四号 lines, each kept to one line (the 版记 is short by design). */
	double line_h = 14 * 1.7, need = lines * line_h + 8;
	ensure_room(p, need);
	p->at = p->h - need;
	double y = p->y + p->at;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, 0.7);
	cairo_move_to(p->cr, p->x, y);
	cairo_line_to(p->cr, p->x + p->w, y);
	cairo_stroke(p->cr);
	char *copy = xstrdup(text);
	for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		PangoLayout *l = layout_text(p, line, &(text_style){ F_PAGE, PANGO_ALIGN_LEFT, 0, 0, 0, 0, 0, 0 },
		                             p->w - 2 * p->body);
		pango_layout_set_width(l, -1);
		cairo_move_to(p->cr, p->x + p->body, y + 4);
		pango_cairo_show_layout(p->cr, l);
		g_object_unref(l);
		y += line_h;
	}
	free(copy);
	cairo_move_to(p->cr, p->x, p->y + p->h);
	cairo_line_to(p->cr, p->x + p->w, p->y + p->h);
	cairo_stroke(p->cr);
	p->at = p->h;
}

/* ---- the whole ---- */

static int line_count(pdf *p, const char *text, const text_style *ts)
{
	PangoLayout *l = layout_text(p, text, ts, p->w);
	int n = pango_layout_get_line_count(l);
	g_object_unref(l);
	return n;
}

/* The height of the body's last paragraph, the 附件说明 and the 落款 drawn
 * together: GB/T 9704 keeps the 落款 with body text on its page. 0 when
 * block i is not that paragraph. */
static double closing_height(pdf *p, const document *d, int i)
{
	const doc_block *b = &d->blocks[i];
	if (b->kind != DOC_PARAGRAPH || b->level == 1)
		return 0;
	double h = line_count(p, b->text, &(text_style){ F_BODY, PANGO_ALIGN_LEFT, 2 * p->body, 0, 0, 0, 0, 0 });
	for (int k = i + 1; k < d->nblocks; k++) {
		const doc_block *n = &d->blocks[k];
		if (n->kind == DOC_SIGNATURE)
			return (h + 4) * p->pitch;
		if (n->kind != DOC_PARAGRAPH || n->level != 1)
			return 0;
		int lines = 1;
		for (const char *c = n->text; *c; c++)
			lines += *c == '\n';
		h += lines + 1;
	}
	return 0;
}

static void block(pdf *p, const doc_block *b)
{
	switch (b->kind) {
	case DOC_MASTHEAD: masthead(p, b); break;
	case DOC_TITLE: title(p, b->text); break;
	case DOC_ADDRESSEE: flow_text(p, b->text, &(text_style){ F_BODY, PANGO_ALIGN_LEFT, 0, 0, p->pitch, 0, 0, 0 }); break;
	case DOC_HEADING: heading(p, b); break;
	case DOC_PARAGRAPH:
		if (b->level == 1) {
			p->at += p->pitch;
			attachment_note(p, b->text);
		} else {
			body(p, b->text);
		}
		break;
	case DOC_SIGNATURE: signature(p, b->text); break;
	case DOC_ATTACHMENT:
		new_page(p, b->landscape);
		flow_text(p, b->text, &(text_style){ F_HEADING, PANGO_ALIGN_LEFT, 0, 0, p->pitch, 0, 0, 0 });
		title(p, b->extra ? b->extra : "");
		break;
	case DOC_TABLE: draw_table(p, &b->table); break;
	case DOC_CHART_AGENCIES: agency_chart(p, b); break;
	case DOC_CHART_INDICATORS: indicator_chart(p, b); break;
	case DOC_RECORD: record(p, b->text); break;
	}
}

static void close_pdf(pdf *p)
{
	for (int i = 0; i < F_COUNT; i++)
		if (p->fonts[i])
			pango_font_description_free(p->fonts[i]);
	if (p->cr)
		cairo_destroy(p->cr);
}

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

bool document_chart_png(const doc_block *b, const config_document *cfg, double width_pt, unsigned char **png,
                        size_t *len, double *w_pt, double *h_pt)
{
	fonts_in_use();
	cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	pdf p = { .body = DOC_BODY_PT, .pitch = DOC_TEXT_H / DOC_LINES, .page_open = true, .w = width_pt, .h = 1e6,
		  .picture = true };
	p.cr = cairo_create(rec);
	open_fonts(&p, cfg);
	if (b->kind == DOC_CHART_AGENCIES)
		agency_chart(&p, b);
	else
		indicator_chart(&p, b);
	close_pdf(&p);
	double x0, y0, w, h;
	cairo_recording_surface_ink_extents(rec, &x0, &y0, &w, &h);
	const double scale = 3;
	bool ok = w > 0 && h > 0;
	if (ok) {
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * scale) + 1, (int)(h * scale) + 1);
		cairo_t *cr = cairo_create(img);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, scale, scale);
		cairo_set_source_surface(cr, rec, -x0, -y0);
		cairo_paint(cr);
		cairo_destroy(cr);
		char *buf = NULL;
		FILE *mem = open_memstream(&buf, len);
		ok = mem && cairo_surface_write_to_png_stream(img, to_memory, mem) == CAIRO_STATUS_SUCCESS;
		if (mem)
			fclose(mem);
		cairo_surface_destroy(img);
		if (ok)
			*png = (unsigned char *)buf;
		else
			free(buf);
		*w_pt = w;
		*h_pt = h;
	}
	cairo_surface_destroy(rec);
	return ok;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* Lays the document out at a body size; returns the page count. With a
 * NULL out the PDF is thrown away (a trial run). */
static int render(const document *d, const config_document *cfg, double body, FILE *out, int *write_errno,
                  cairo_status_t *status)
{
	fonts_in_use();
	pdf p = { .out = out, .body = body, .pitch = DOC_TEXT_H / DOC_LINES * body / DOC_BODY_PT };
	p.surface = out ? cairo_pdf_surface_create_for_stream(write_out, &p, DOC_PAGE_W, DOC_PAGE_H)
	                : cairo_pdf_surface_create_for_stream(discard, NULL, DOC_PAGE_W, DOC_PAGE_H);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "ducha");
	p.cr = cairo_create(p.surface);
	open_fonts(&p, cfg);
	new_page(&p, false);
	for (int i = 0; i < d->nblocks; i++) {
		double keep = closing_height(&p, d, i);
		if (keep > 0 && keep <= p.h && p.at + keep > p.h)
			new_page(&p, p.landscape);
		block(&p, &d->blocks[i]);
	}
	end_page(&p);
	close_pdf(&p);
	cairo_surface_finish(p.surface);
	*status = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	*write_errno = p.write_errno;
	return p.page;
}

bool document_render_pdf(const document *d, const config_document *cfg, FILE *out, char *err, size_t errlen)
{
	int write_errno = 0;
	cairo_status_t status;
	double body = DOC_BODY_PT;
	/* A 督办单 goes on one page where 四号 gets it there. */
	if (d->one_page && render(d, cfg, body, NULL, &write_errno, &status) > 1 &&
	    render(d, cfg, 14, NULL, &write_errno, &status) == 1)
		body = 14;
	render(d, cfg, body, out, &write_errno, &status);
	if (status == CAIRO_STATUS_SUCCESS)
		return true;
	errno = write_errno;
	snprintf(err, errlen, "PDF 生成失败: %s", write_errno ? strerror(write_errno) : cairo_status_to_string(status));
	return false;
}
