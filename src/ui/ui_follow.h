#ifndef DUCHA_UI_FOLLOW_H
#define DUCHA_UI_FOLLOW_H
/* Others' saves, noticed while the screen waits for a key. */
#include <stdbool.h>
#include "ui_view.h"

/* Remembers where the database is now. */
void ui_follow_start(ui *u);
/* Whether another session changed the database since: the tasks it
 * touched are read afresh, the views laid out again and the message line
 * says who did what. True when the screen must be drawn again. */
bool ui_follow_check(ui *u);
#endif
