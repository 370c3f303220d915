#ifndef DUCHA_UI_LAGGING_H
#define DUCHA_UI_LAGGING_H
/* Every flagged task, worst first. */
#include "ui_view.h"

view *ui_lagging_new(ui *u);
#endif
