#ifndef DUCHA_UI_DOC_H
#define DUCHA_UI_DOC_H
/* Scrolled text made of lines of coloured segments: the task detail and the
 * help screen. Built for one width; rebuilt on resize. */
#include <stdbool.h>
#include "ui_action.h"
#include "ui_theme.h"

typedef struct ui_seg {
	char *text;
	ui_elem elem;
} ui_seg;

typedef struct ui_doc_line {
	ui_seg *segs;
	int nsegs;
	int indent;
} ui_doc_line;

typedef struct ui_doc {
	ui_doc_line *lines;
	int n, cap;
	int top, height;
	int width;                  /* the width it was built for */
	char mark[128];             /* text shown highlighted wherever it appears (a search's) */
} ui_doc;

void ui_doc_clear(ui_doc *d, int width);
void ui_doc_free(ui_doc *d);
/* Starts a line. */
void ui_doc_line_start(ui_doc *d, int indent);
/* Adds a segment to the current line. */
void ui_doc_add(ui_doc *d, const char *text, ui_elem e);
/* A wrapped paragraph: label in the first lines' left margin (label_w
 * columns), text wrapped by display width in the rest. */
void ui_doc_para(ui_doc *d, int indent, const char *label, int label_w, const char *text, ui_elem e);
void ui_doc_blank(ui_doc *d);
/* A line of a table: label padded to label_w columns (a space after it
 * when it is wider), then each cell right-aligned in cell_w columns. */
void ui_doc_row(ui_doc *d, int indent, const char *label, int label_w, char cells[][24], int n, int cell_w,
                ui_elem e);
/* Scrolling: up, down, page up/down, first, last. */
bool ui_doc_action(ui_doc *d, ui_action a);
void ui_doc_draw(ui_doc *d, int y, int x, int h);
/* The first line holding the mark, or -1. */
int ui_doc_find_mark(const ui_doc *d);
#endif
