#ifndef DUCHA_UI_PANES_H
#define DUCHA_UI_PANES_H
/* The main screen: one pane per area, switched by 1–5, Tab or the mouse. */
#include "ui_view.h"

view *ui_panes_new(ui *u);
#endif
