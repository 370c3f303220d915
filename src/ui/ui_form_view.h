#ifndef DUCHA_UI_FORM_VIEW_H
#define DUCHA_UI_FORM_VIEW_H
/* What the form views (the quarterly report, the note, the filter) do the
 * same way: Esc over a task's form leaves, keeping typed input as a draft to
 * come back to; typing clears the field's error; a click focuses a field. */
#include "ui_form.h"
#include "ui_view.h"

/* Leaves v: popped when nothing was typed, else kept as a draft with the
 * message kept (printf with the task number); too many drafts keep it open. */
void ui_form_view_leave(ui *u, view *v, const ui_form *f, int num, const char *kept);
/* A typed character for the focused field, whose error it clears. */
void ui_form_view_text(ui_form *f, uint32_t cp);
/* A click or double click focuses the field under it. */
void ui_form_view_mouse(ui_form *f, const ui_event *ev);
#endif
