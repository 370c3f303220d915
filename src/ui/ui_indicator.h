#ifndef DUCHA_UI_INDICATOR_H
#define DUCHA_UI_INDICATOR_H
/* An administrator's edit of a task's indicator definitions: name, target,
 * comparator, unit, mode, baseline (its date and source), due date. */
#include "ui_view.h"

/* NULL (with the reason on the message line) when the user may not, or
 * the task has no indicators. */
view *ui_indicator_new(ui *u, int num);
#endif
