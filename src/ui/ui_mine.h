#ifndef DUCHA_UI_MINE_H
#define DUCHA_UI_MINE_H
/* 我的任务: a reporter's start screen. The tasks the agency leads, then those
 * it supports, each with where it stands on the report due now, and the
 * counts at the top. */
#include "ui_view.h"

view *ui_mine_new(ui *u);
#endif
