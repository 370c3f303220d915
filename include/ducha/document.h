#ifndef DUCHA_DOCUMENT_H
#define DUCHA_DOCUMENT_H
/* The documents an office hands out — the 通报 of the whole plan and the
 * 督办单 of one agency — as a list of blocks that say what each piece is
 * (版头, title, heading, paragraph, table, chart, 版记), not how it looks.
 * The PDF (Pango + Cairo) and the .docx renderers lay the same blocks out
 * by GB/T 9704, so both say the same words. Every text in a block has been
 * made harmless (text_escape) when it was added. No curses, no SQL. */
#include <stdbool.h>
#include <stdio.h>
#include "ducha/config.h"
#include "ducha/summary.h"

typedef enum doc_kind {
	DOC_MASTHEAD,      /* 版头: text (red, large), number, issuer and date, the red rule */
	DOC_TITLE,         /* 二号 小标宋, centred */
	DOC_ADDRESSEE,     /* 主送, flush left */
	DOC_HEADING,       /* level 1: 一、(黑体); level 2: （一）(楷体) */
	DOC_PARAGRAPH,     /* body text, first line indented two characters */
	DOC_SIGNATURE,     /* 落款 and date, right, one line each */
	DOC_ATTACHMENT,    /* starts a page: "附件N" flush left, then its title centred */
	DOC_TABLE,
	DOC_CHART_AGENCIES,   /* stacked bars: tasks by colour per agency */
	DOC_CHART_INDICATORS, /* each red indicator: actual, the 序时 mark, the target */
	DOC_RECORD,        /* 版记 at the foot of the last page: lines between rules */
} doc_kind;

/* The office's colours for flags (DESIGN.md): 红 逾期/严重滞后, 黄 滞后/未报送,
 * 蓝 临期, 绿 正常/已完成. */
typedef enum doc_tone { TONE_NONE, TONE_RED, TONE_YELLOW, TONE_BLUE, TONE_GREEN, TONE_COUNT } doc_tone;
doc_tone doc_tone_of(flag_value f);
const char *doc_tone_label(doc_tone t);   /* 红 / 黄 / 蓝 / 绿 */

typedef struct doc_table {
	int ncols, nrows;
	char **head;           /* ncols */
	double *widths;        /* relative widths, ncols */
	bool *numeric;         /* ncols: right-aligned */
	char **cells;          /* nrows × ncols */
	doc_tone *tones;       /* nrows: the row's colour (its 预警 cell is filled) */
	int tone_col;          /* the column filled by tone; -1 none */
} doc_table;

typedef struct doc_bar {
	char *name;
	int counts[TONE_COUNT];   /* by tone, TONE_NONE unused */
} doc_bar;

typedef struct doc_mark {
	char *label;
	double actual, expected, target;   /* as shares of the target, percent */
} doc_mark;

typedef struct doc_block {
	doc_kind kind;
	int level;             /* DOC_HEADING */
	bool landscape;        /* DOC_ATTACHMENT: it and what follows, until the next */
	char *text;            /* one paragraph; DOC_SIGNATURE, DOC_RECORD: lines split by '\n' */
	char *extra;           /* DOC_MASTHEAD: the number line; DOC_ATTACHMENT: its title */
	char *extra2;          /* DOC_MASTHEAD: issuer; extra3 date */
	char *extra3;
	doc_table table;
	doc_bar *bars;
	int nbars;
	doc_mark *marks;
	int nmarks;
} doc_block;

typedef struct document {
	doc_block *blocks;
	int nblocks, cap;
	char *title;           /* for the file's metadata */
	char *running;         /* a running header for later pages ("" for none) */
	bool one_page;         /* a 督办单: set smaller rather than spill onto a second page */
} document;

void document_free(document *d);

/* The 通报 of the whole plan (s built with SUMMARY_ALL) or the 督办单 of one
 * agency (SUMMARY_AGENCY). */
void document_bulletin(document *d, const summary *s, const config_document *cfg);
void document_notice(document *d, const summary *s, const config_document *cfg);
/* A list the TUI prints (its title, every task of it). */
void document_list(document *d, const summary *s, const config_document *cfg);
/* The right one for s. */
void document_build(document *d, const summary *s, const config_document *cfg);

/* Renderers. false with errno set (or a message in err) on failure.
 * Text: wrapped to page_width, pages of page_length lines (0: no pages). */
bool summary_render_text_document(const document *d, int page_width, int page_length, FILE *out);
bool summary_render_html_document(const document *d, FILE *out);
bool document_render_pdf(const document *d, const config_document *cfg, FILE *out, char *err, size_t errlen);
bool document_render_docx(const document *d, const config_document *cfg, FILE *out, char *err, size_t errlen);
/* A chart block drawn as PNG (three times its size in points), for the
 * .docx and the .xlsx; *w_pt, *h_pt: the size it is shown at. */
bool document_chart_png(const doc_block *b, const config_document *cfg, double width_pt, unsigned char **png,
                        size_t *len, double *w_pt, double *h_pt);
/* The 台账 (ledger): one row per indicator, a summary sheet per agency, a chart. */
bool summary_render_xlsx(const summary *s, FILE *out, char *err, size_t errlen);

/* Shared by the builders and the 台账: one indicator's figures as shares of
 * its target (percent); false when it has no figure or no target. gap: 序时
 * minus actual, in 百分点 (positive: behind). */
bool document_shares(const indicator_rec *i, const indicator_state *st, double *actual, double *expected,
                     double *gap);
/* Ranking of the agencies (best first, shared places): the 推进率 the
 * attachment prints, as a percent with one decimal. */
double document_rate(const summary_section *sec);
#endif
