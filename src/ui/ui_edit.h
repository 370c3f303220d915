#ifndef DUCHA_UI_EDIT_H
#define DUCHA_UI_EDIT_H
/* Line and multi-line editors over Unicode characters: the cursor moves by
 * character, never by byte, and widths are display columns (a Chinese
 * character takes two). Text typed or pasted arrives one character at a
 * time from get_wch. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui_action.h"

typedef struct ui_edit {
	uint32_t *buf;
	int len, cap;
	int cur;                    /* cursor, in characters */
	int scroll;                 /* line editor: first column shown; multi-line: first row */
	bool multiline;
	int max_chars;
	bool modified;
} ui_edit;

void  ui_edit_init(ui_edit *e, bool multiline, int max_chars);
void  ui_edit_free(ui_edit *e);
/* Replaces the text (UTF-8; invalid bytes become U+FFFD). Not a modification. */
void  ui_edit_set(ui_edit *e, const char *utf8);
/* The text as malloc'd UTF-8. */
char *ui_edit_text(const ui_edit *e);
bool  ui_edit_empty(const ui_edit *e);
/* Inserts one typed character; false when full. */
bool  ui_edit_insert(ui_edit *e, uint32_t cp);
/* Cursor movement and deletion; width is the columns of the box (for
 * multi-line up/down). Returns false when the action is not an editing one. */
bool  ui_edit_action(ui_edit *e, ui_action a, int width, int height);
/* One code point as UTF-8 into out; returns its length (1–4). */
size_t ui_edit_encode(uint32_t cp, char out[4]);
/* Draws into h rows of w columns at (y, x); the cursor position on screen
 * goes to *cy, *cx. */
void  ui_edit_draw(ui_edit *e, int y, int x, int w, int h, int attr, int *cy, int *cx);
#endif
