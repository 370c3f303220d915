#ifndef DUCHA_UI_AGENCIES_H
#define DUCHA_UI_AGENCIES_H
/* Agencies with their lead/support task counts and flag counts; Enter lists the tasks. */
#include "ui_view.h"

view *ui_agencies_new(ui *u);
#endif
