#ifndef DUCHA_UI_PLANS_H
#define DUCHA_UI_PLANS_H
/* The plans in the database; Enter switches every view to the chosen one. */
#include "ui_view.h"

view *ui_plans_new(ui *u);
/* The database file was replaced under us (STORE_FAIL_REPLACED): every
 * unsaved form goes to the drafts, the file now at the path is opened,
 * the screens start afresh and the drafts come back; says so. */
void ui_reopen_database(ui *u);
#endif
