#ifndef DUCHA_UI_DRAW_H
#define DUCHA_UI_DRAW_H
/* Drawing text on the screen by display width. Everything passes through
 * text_escape on the way (via text_truncate), so stored text cannot steer
 * the terminal, and nothing is cut in the middle of a character. */
#include <stdbool.h>
#include "ducha/flag.h"
#include "ui_theme.h"

/* Draws s at (y, x) in at most w columns, cut with "…"; returns the columns used. */
int  ui_put(int y, int x, int w, const char *s, ui_elem e);
/* The same, padded with spaces to exactly w columns (right: aligned right). */
void ui_put_pad(int y, int x, int w, const char *s, ui_elem e, bool right);
/* Spaces over w columns. */
void ui_blank(int y, int x, int w, ui_elem e);
/* A flag as glyph and label ("▼ 滞后"), in its colour where there is colour. */
int  ui_put_flag(int y, int x, int w, flag_value f);
/* Columns the widest flag takes. */
int  ui_flag_width(void);
#endif
