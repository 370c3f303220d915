#ifndef DUCHA_UI_FILTER_H
#define DUCHA_UI_FILTER_H
/* The filter of the task lists: agency, flag (or a group), deadline year. */
#include "ui_view.h"

view *ui_filter_new(ui *u);
/* The flag part of a filter as the filter form names it ("严重滞后",
 * "滞后及以上"); "" when it filters no flag. */
const char *ui_filter_flags_label(flag_set s);
/* The filter as the lists' titles say it: "市科委 · 滞后及以上 · 2017年". */
void ui_filter_describe(const ui_filter *f, char *buf, size_t len);
#endif
