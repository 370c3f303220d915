#ifndef DUCHA_UI_SEARCH_H
#define DUCHA_UI_SEARCH_H
/* Search as you type over task text, notes and report notes. */
#include "ui_view.h"

view *ui_search_new(ui *u);
#endif
