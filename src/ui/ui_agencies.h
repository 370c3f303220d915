#ifndef DUCHA_UI_AGENCIES_H
#define DUCHA_UI_AGENCIES_H
/* Agencies with their lead/support task counts and flag counts; Enter lists the tasks. */
#include "ui_view.h"

view *ui_agencies_new(ui *u);
/* 本期填报: per agency, the reports owed for the quarter due now, filed, to
 * review, returned and missing (an inspector's start screen). */
view *ui_period_new(ui *u);
#endif
