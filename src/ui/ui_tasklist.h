#ifndef DUCHA_UI_TASKLIST_H
#define DUCHA_UI_TASKLIST_H
/* A list of tasks under a title, reloaded by its source after every save:
 * an agency's tasks, the lagging tasks. */
#include <stdbool.h>
#include "ui_view.h"

typedef struct ui_tasklist_source {
	/* Fills the task numbers to show and the title; false on a store error. */
	bool (*load)(ui *u, void *ctx, int **nums, int *n, char *title, size_t title_len);
	void (*free)(void *ctx);
	void *ctx;
	const char *agency;         /* show this agency's role in each row, or NULL */
	const char *kind;           /* "lagging", "agency", "mine": what the list is of */
	bool standing;              /* show each task's 本期 (the report due now) */
} ui_tasklist_source;

view *ui_tasklist_new(ui *u, const ui_tasklist_source *src);
/* Whether v is a task list of this kind. */
bool ui_tasklist_is(const view *v, const char *kind);
#endif
