#ifndef DUCHA_UI_NOTE_H
#define DUCHA_UI_NOTE_H
/* The note editor: a progress note (进展情况) or an inspector's comment
 * (督查意见), several lines long. */
#include "ui_view.h"

extern const view_ops ui_note_ops;
view *ui_note_new(ui *u, int num);
/* The editor again with a recovered draft's kind and text (d->task of the
 * current plan); NULL, with the reason in why, when the task is gone. */
view *ui_note_from_draft(ui *u, const draft *d, char *why, size_t len);
/* Changing or withdrawing a note of one's own (the newest first; a choice
 * when there are several). NULL, with the reason in the message line, when
 * the user wrote none on the task. */
extern const view_ops ui_note_edit_ops;
view *ui_note_edit_new(ui *u, int num);
/* A recovered draft of a change (d->edits names the note). */
view *ui_note_edit_from_draft(ui *u, const draft *d, char *why, size_t len);
#endif
