#ifndef DUCHA_UI_CONFIRM_H
#define DUCHA_UI_CONFIRM_H
/* A yes/no question on the message line, over the screen beneath. */
#include "ui_view.h"

view *ui_confirm_new(ui *u, const char *question, void (*yes)(ui *u));
#endif
