#ifndef DUCHA_UI_FORM_H
#define DUCHA_UI_FORM_H
/* A form: labelled line fields, choices and one multi-line text, with an
 * error shown under any field that failed its check. The report form, the
 * note editor and the filter are forms. */
#include <stdbool.h>
#include "ui_action.h"
#include "ui_edit.h"

typedef enum ui_field_kind { UI_FIELD_LINE, UI_FIELD_CHOICE, UI_FIELD_TEXT } ui_field_kind;

enum { UI_FIELD_MAX_CHOICES = 10 };

typedef struct ui_field {
	ui_field_kind kind;
	char label[200];
	char aside[200];            /* right of the input: last value, someone else's value */
	ui_edit edit;               /* LINE and TEXT */
	const char *choices[UI_FIELD_MAX_CHOICES];
	int nchoices, choice;       /* CHOICE */
	int choice0;                /* the choice it opened with, to tell a change */
	int width;                  /* LINE: input columns */
	bool fresh;                 /* LINE: holds a value the program put there; the first character
	                             * typed replaces it, an arrow or Home/End edits it instead */
	char error[300];
} ui_field;

typedef struct ui_form {
	ui_field *fields;
	int n, cap;
	int focus;
	int text_h;                 /* rows the TEXT field got at the last draw */
	int text_w;
	int *field_y;               /* screen row of each field at the last draw, -1 if hidden */
} ui_form;

void ui_form_init(ui_form *f);
void ui_form_free(ui_form *f);
ui_field *ui_form_add_line(ui_form *f, const char *label, int width, int max_chars, const char *value);
ui_field *ui_form_add_choice(ui_form *f, const char *label, const char *const *choices, int n, int choice);
ui_field *ui_form_add_text(ui_form *f, const char *label, int max_chars, const char *value);
/* Moves the focus, edits the focused field; false when not handled here. */
bool ui_form_action(ui_form *f, ui_action a);
/* A typed character for the focused field. */
void ui_form_text(ui_form *f, uint32_t cp);
bool ui_form_modified(const ui_form *f);
/* Sets a line field's value as the program's (not a modification): the
 * first character typed replaces it. */
void ui_form_set_value(ui_field *fd, const char *text);
/* Puts back text typed earlier and never saved (a recovered draft): it
 * counts as a modification, so leaving keeps it as a draft again. */
void ui_form_set_typed(ui_field *fd, const char *text);
void ui_form_clear_errors(ui_form *f);
/* Focus on the first field that has an error; false when none has. */
bool ui_form_focus_error(ui_form *f);
/* Draws in rows [y, y+h) and columns [x, x+w); sets the cursor position. */
void ui_form_draw(ui_form *f, int y, int x, int w, int h, int *cy, int *cx);
/* Focus on the field drawn at screen row y, if any. */
bool ui_form_click(ui_form *f, int y);
#endif
