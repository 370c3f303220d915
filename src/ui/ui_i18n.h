#ifndef DUCHA_UI_I18N_H
#define DUCHA_UI_I18N_H
/* Labels of the full-screen program: Chinese by default, English with
 * [ui] lang = en. Each label is written where it is used, in both languages. */
#include <stdbool.h>
#include "ducha/model.h"

void ui_set_english(bool english);
bool ui_english(void);
#define UI_L(zh, en) (ui_english() ? (en) : (zh))

/* Task and report status (open, in-progress, …) as shown. */
const char *ui_status_label(const char *status);
const char *ui_role_label(role r);
/* Report statuses a form offers, in order, and their labels. */
enum { UI_REPORT_STATUSES = 3 };
extern const char *const ui_report_status[UI_REPORT_STATUSES];
#endif
