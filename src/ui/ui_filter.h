#ifndef DUCHA_UI_FILTER_H
#define DUCHA_UI_FILTER_H
/* The filter of the main panes: agency, flag, deadline year. */
#include "ui_view.h"

view *ui_filter_new(ui *u);
#endif
