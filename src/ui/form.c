/* Forms: labelled fields, one focused, errors under the fields. */
#include "ui_form.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_draw.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { FORM_GUTTER = 2, FORM_TEXT_MIN_ROWS = 3 };

void ui_form_init(ui_form *f)
{
	memset(f, 0, sizeof *f);
}

void ui_form_free(ui_form *f)
{
	for (int i = 0; i < f->n; i++)
		ui_edit_free(&f->fields[i].edit);
	free(f->fields);
	free(f->field_y);
	memset(f, 0, sizeof *f);
}

static ui_field *add(ui_form *f, ui_field_kind kind, const char *label)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		ui_field *p = xrealloc(f->fields, (size_t)f->cap * sizeof *p);
		int *y = xrealloc(f->field_y, (size_t)f->cap * sizeof *y);
		f->fields = p;
		f->field_y = y;
	}
	ui_field *fd = &f->fields[f->n];
	f->field_y[f->n] = -1;
	f->n++;
	memset(fd, 0, sizeof *fd);
	fd->kind = kind;
	snprintf(fd->label, sizeof fd->label, "%s", label);
	return fd;
}

ui_field *ui_form_add_line(ui_form *f, const char *label, int width, int max_chars, const char *value)
{
	ui_field *fd = add(f, UI_FIELD_LINE, label);
	fd->width = width;
	ui_edit_init(&fd->edit, false, max_chars);
	ui_form_set_value(fd, value);
	return fd;
}

void ui_form_set_value(ui_field *fd, const char *text)
{
	ui_edit_set(&fd->edit, text);
	fd->edit.modified = false;
	fd->fresh = text && *text;
}

ui_field *ui_form_add_choice(ui_form *f, const char *label, const char *const *choices, int n, int choice)
{
	ui_field *fd = add(f, UI_FIELD_CHOICE, label);
	for (int i = 0; i < n && i < UI_FIELD_MAX_CHOICES; i++) {
		fd->choices[fd->nchoices++] = choices[i];
		int w = text_width(choices[i]) + 4;   /* "< " and " >" */
		fd->width = w > fd->width ? w : fd->width;
	}
	fd->choice = fd->choice0 = choice;
	return fd;
}

ui_field *ui_form_add_text(ui_form *f, const char *label, int max_chars, const char *value)
{
	ui_field *fd = add(f, UI_FIELD_TEXT, label);
	ui_edit_init(&fd->edit, true, max_chars);
	ui_edit_set(&fd->edit, value);
	return fd;
}

static void move_focus(ui_form *f, int delta)
{
	int to = f->focus + delta;
	if (to >= 0 && to < f->n)
		f->focus = to;
}

static bool choice_action(ui_field *fd, ui_action a)
{
	if (a != UI_ACT_LEFT && a != UI_ACT_RIGHT)
		return false;
	fd->choice = (fd->choice + (a == UI_ACT_LEFT ? fd->nchoices - 1 : 1)) % fd->nchoices;
	return true;
}

bool ui_form_action(ui_form *f, ui_action a)
{
	if (f->n == 0)
		return false;
	ui_field *fd = &f->fields[f->focus];
	if (a == UI_ACT_NEXT_FIELD || a == UI_ACT_PREV_FIELD) {
		move_focus(f, a == UI_ACT_NEXT_FIELD ? 1 : -1);
		return true;
	}
	if (fd->kind == UI_FIELD_TEXT)
		return ui_edit_action(&fd->edit, a, f->text_w, f->text_h);
	if (a == UI_ACT_DOWN || a == UI_ACT_UP || a == UI_ACT_OPEN) {
		move_focus(f, a == UI_ACT_UP ? -1 : 1);
		return true;
	}
	if (fd->kind == UI_FIELD_CHOICE)
		return choice_action(fd, a);
	bool done = ui_edit_action(&fd->edit, a, fd->width, 1);
	if (done)
		fd->fresh = false;   /* moved into or edited: no longer replaced at once */
	return done;
}

void ui_form_text(ui_form *f, uint32_t cp)
{
	if (f->n == 0)
		return;
	ui_field *fd = &f->fields[f->focus];
	if (fd->kind == UI_FIELD_CHOICE) {
		if (cp == ' ')
			choice_action(fd, UI_ACT_RIGHT);
		return;
	}
	if (fd->kind == UI_FIELD_LINE && fd->fresh) {
		/* Typing 510 over a prefilled 498 means 510, not 498510. */
		ui_edit_set(&fd->edit, "");
		fd->edit.modified = true;
		fd->fresh = false;
	}
	ui_edit_insert(&fd->edit, cp);
}

bool ui_form_modified(const ui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		const ui_field *fd = &f->fields[i];
		if (fd->kind == UI_FIELD_CHOICE ? fd->choice != fd->choice0 : fd->edit.modified)
			return true;
	}
	return false;
}

void ui_form_set_typed(ui_field *fd, const char *text)
{
	ui_edit_set(&fd->edit, text);
	fd->edit.modified = true;
	fd->fresh = false;
}

void ui_form_clear_errors(ui_form *f)
{
	for (int i = 0; i < f->n; i++)
		f->fields[i].error[0] = '\0';
}

bool ui_form_focus_error(ui_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].error[0]) {
			f->focus = i;
			return true;
		}
	return false;
}

/* --- drawing ------------------------------------------------------------ */

static int label_width(const ui_form *f, int w)
{
	int lw = 0;
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].kind != UI_FIELD_TEXT) {
			int x = text_width(f->fields[i].label);
			lw = x > lw ? x : lw;
		}
	lw += 2;
	return lw > w * 2 / 5 ? w * 2 / 5 : lw;
}

static int rows_of(const ui_field *fd)
{
	return (fd->kind == UI_FIELD_TEXT ? 1 + FORM_TEXT_MIN_ROWS : 1) + (fd->error[0] ? 1 : 0);
}

/* The first field to draw so that the focused one is on screen. */
static int first_shown(const ui_form *f, int h)
{
	int first = 0, used = 0;
	for (int i = 0; i <= f->focus; i++)
		used += rows_of(&f->fields[i]);
	while (used > h && first < f->focus)
		used -= rows_of(&f->fields[first++]);
	return first;
}

static void draw_label(const ui_form *f, int i, int y, int x, int lw)
{
	bool focused = i == f->focus;
	/* The focus is marked by a sign as well as by colour. */
	ui_put(y, x, FORM_GUTTER, focused ? ">" : " ", UI_E_LABEL);
	ui_put(y, x + FORM_GUTTER, lw - 1, f->fields[i].label, focused ? UI_E_HEADER : UI_E_LABEL);
}

static void draw_choice(const ui_field *fd, bool focused, int y, int x, int w)
{
	char shown[160];
	snprintf(shown, sizeof shown, "< %s >", fd->choices[fd->choice]);
	ui_put(y, x, w, shown, focused ? UI_E_FIELD_ACTIVE : UI_E_FIELD);
}

static int draw_field_row(ui_form *f, int i, int y, int x, int w, int lw, int *cy, int *cx)
{
	ui_field *fd = &f->fields[i];
	bool focused = i == f->focus;
	int in_x = x + FORM_GUTTER + lw, in_w = fd->width;
	if (in_w > x + w - in_x)
		in_w = x + w - in_x;
	draw_label(f, i, y, x, lw);
	if (fd->kind == UI_FIELD_CHOICE) {
		draw_choice(fd, focused, y, in_x, in_w);
	} else {
		int ry, rx;
		ui_edit_draw(&fd->edit, y, in_x, in_w, 1,
		             ui_attr(focused ? UI_E_FIELD_ACTIVE : UI_E_FIELD), &ry, &rx);
		if (focused) {
			*cy = ry;
			*cx = rx;
		}
	}
	if (fd->aside[0])
		ui_put(y, in_x + in_w + 2, x + w - in_x - in_w - 2, fd->aside, UI_E_DIM);
	return 1;
}

static int draw_text_field(ui_form *f, int i, int y, int x, int w, int rows, int *cy, int *cx)
{
	ui_field *fd = &f->fields[i];
	draw_label(f, i, y, x, w - FORM_GUTTER);
	if (fd->aside[0]) {
		int lw = text_width(fd->label) + 2;
		ui_put(y, x + FORM_GUTTER + lw, w - FORM_GUTTER - lw, fd->aside, UI_E_DIM);
	}
	f->text_w = w - FORM_GUTTER;
	f->text_h = rows;
	int ry, rx;
	ui_edit_draw(&fd->edit, y + 1, x + FORM_GUTTER, f->text_w, rows,
	             ui_attr(i == f->focus ? UI_E_FIELD_ACTIVE : UI_E_FIELD), &ry, &rx);
	if (i == f->focus) {
		*cy = ry;
		*cx = rx;
	}
	return 1 + rows;
}

static void draw_error(const ui_field *fd, int y, int x, int w)
{
	char shown[sizeof fd->error + 8];
	snprintf(shown, sizeof shown, "! %s", fd->error);
	ui_put(y, x, w, shown, UI_E_ERROR);
}

void ui_form_draw(ui_form *f, int y, int x, int w, int h, int *cy, int *cx)
{
	int lw = label_width(f, w - FORM_GUTTER), row = y, end = y + h;
	*cy = *cx = -1;
	for (int i = 0; i < f->n; i++)
		f->field_y[i] = -1;
	for (int i = first_shown(f, h); i < f->n && row < end; i++) {
		ui_field *fd = &f->fields[i];
		f->field_y[i] = row;
		if (fd->kind == UI_FIELD_TEXT) {
			int rows = end - row - 1 - (fd->error[0] ? 1 : 0);
			if (rows < 1)
				rows = 1;
			row += draw_text_field(f, i, row, x, w, rows, cy, cx);
		} else {
			row += draw_field_row(f, i, row, x, w, lw, cy, cx);
		}
		if (fd->error[0] && row < end)
			draw_error(fd, row++, x + FORM_GUTTER + (fd->kind == UI_FIELD_TEXT ? 0 : lw),
			           w - FORM_GUTTER - (fd->kind == UI_FIELD_TEXT ? 0 : lw));
	}
}

bool ui_form_click(ui_form *f, int y)
{
	for (int i = f->n - 1; i >= 0; i--)
		if (f->field_y[i] >= 0 && y >= f->field_y[i]) {
			f->focus = i;
			return true;
		}
	return false;
}
