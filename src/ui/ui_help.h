#ifndef DUCHA_UI_HELP_H
#define DUCHA_UI_HELP_H
/* Keys and flags, generated from the action table and the key map. */
#include "ui_view.h"

view *ui_help_new(ui *u);
#endif
