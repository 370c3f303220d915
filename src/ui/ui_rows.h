#ifndef DUCHA_UI_ROWS_H
#define DUCHA_UI_ROWS_H
/* One task per row, the same in every list: number, text cut by display
 * width with "…", due date, lead agency, progress, flag (glyph and label). */
#include <stdbool.h>
#include "ui_view.h"

typedef struct ui_row_cols {
	int x, w;                   /* the list's columns */
	int num, role, text, due, lead, progress, flag;   /* widths; role 0 when not shown */
	bool standing;              /* the lead column shows 本期 (the report due now) instead */
} ui_row_cols;

/* Column widths for a list w wide; with_role adds the agency's role (牵头/配合). */
void ui_rows_layout(ui_row_cols *c, int x, int w, bool with_role);
void ui_rows_header(const ui_row_cols *c, int y);
/* Draws task num at row y. agency: whose role to show (with_role). */
void ui_rows_draw(ui *u, const ui_row_cols *c, int y, int num, bool selected, const char *agency);
#endif
