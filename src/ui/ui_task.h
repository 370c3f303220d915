#ifndef DUCHA_UI_TASK_H
#define DUCHA_UI_TASK_H
/* A task in full: text, measure, deadline, agencies, indicators with flags, history. */
#include "ui_view.h"

view *ui_task_new(ui *u, int num);
/* The same, with mark (a search's text) highlighted and brought into view. */
view *ui_task_new_marked(ui *u, int num, const char *mark);
#endif
