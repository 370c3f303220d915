#ifndef DUCHA_UI_REMIND_H
#define DUCHA_UI_REMIND_H
/* 催办: what `ducha remind` would send, as a scrolled text. */
#include "ui_view.h"

view *ui_remind_new(ui *u);
#endif
