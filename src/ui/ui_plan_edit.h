#ifndef DUCHA_UI_PLAN_EDIT_H
#define DUCHA_UI_PLAN_EDIT_H
/* Editing the plan (administrators): a task's definition (E), or the area
 * and measure the task is under (A, sections). */
#include <stdbool.h>
#include "ui_view.h"

view *ui_plan_edit_new(ui *u, int num, bool sections);
#endif
