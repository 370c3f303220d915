#ifndef DUCHA_UI_PLANS_H
#define DUCHA_UI_PLANS_H
/* The plans in the database; Enter switches every view to the chosen one. */
#include "ducha/ui_view.h"

view *ui_plans_new(ui *u);
#endif
