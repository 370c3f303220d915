#ifndef DUCHA_UI_DECIDE_H
#define DUCHA_UI_DECIDE_H
/* An inspector's decisions on the task in view, each a small form saved with
 * F2: 审核 (pass or return, with a reason) of the latest report waiting for
 * it, 重新打开 a locked report, 销号 and 撤销销号 (with a reason). */
#include "ui_view.h"

typedef enum ui_decision { UI_DECIDE_REVIEW, UI_DECIDE_REOPEN, UI_DECIDE_ACCEPT } ui_decision;

/* The form, or NULL with the reason in the message line. */
view *ui_decide_new(ui *u, int num, ui_decision what);
#endif
