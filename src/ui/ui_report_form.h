#ifndef DUCHA_UI_REPORT_FORM_H
#define DUCHA_UI_REPORT_FORM_H
/* The quarterly report form: period (the as-of date's quarter by default),
 * one field per indicator, status and note. Checked before saving, errors
 * under the fields; a failed save keeps everything typed. */
#include "ui_view.h"

extern const view_ops ui_report_ops;
view *ui_report_new(ui *u, int num);
/* The form again with a recovered draft's input (d->task of the current
 * plan); NULL, with the reason in why, when the draft no longer fits. */
view *ui_report_from_draft(ui *u, const draft *d, char *why, size_t len);
#endif
