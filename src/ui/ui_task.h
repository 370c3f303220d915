#ifndef DUCHA_UI_TASK_H
#define DUCHA_UI_TASK_H
/* A task in full: text, measure, deadline, agencies, indicators with flags, history. */
#include "ui_view.h"

view *ui_task_new(ui *u, int num);
#endif
