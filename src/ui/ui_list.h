#ifndef DUCHA_UI_LIST_H
#define DUCHA_UI_LIST_H
/* A selection in a list of n rows shown height rows at a time. */
#include <stdbool.h>
#include <stddef.h>
#include "ui_action.h"
#include "ui_input.h"

typedef struct ui_list {
	int n, sel, top, height;
} ui_list;

/* New row count or height: the selection and the scroll stay in range. */
void ui_list_fit(ui_list *l, int n, int height);
/* Up, down, page up/down, first, last; false for any other action. */
bool ui_list_action(ui_list *l, ui_action a);
/* Selects the row delta rows from row `at` and returns it: -1 (and nothing
 * moves) when at is -1 (not in the list) or the step goes past an end. */
int ui_list_step(ui_list *l, int at, int delta);
/* The same for a list of task numbers (nums, one per row), from the row of
 * task from: the task now selected; 0 past an end, -1 when from is not there. */
int ui_list_step_from(ui_list *l, const int *nums, int from, int delta);
/* Where the selection is, as shown at a list's top right: "12/38 ↓" (↑
 * when rows are hidden above, ↓ below); "" for an empty list. */
void ui_list_position(const ui_list *l, char *buf, size_t len);
/* Selects the row at screen row `row` of the list (0: the first shown);
 * false when no row is there. */
bool ui_list_click(ui_list *l, int row);
/* Scrolls by a mouse wheel step. */
void ui_list_wheel(ui_list *l, int delta);
/* The mouse on a list whose first row is at screen row top_y: the wheel
 * scrolls, a click selects; true for a double click on a row (open it). */
bool ui_list_mouse(ui_list *l, ui_mouse_kind kind, int y, int top_y);
#endif
