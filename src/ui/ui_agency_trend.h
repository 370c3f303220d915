#ifndef DUCHA_UI_AGENCY_TREND_H
#define DUCHA_UI_AGENCY_TREND_H
/* An agency's flag counts over the quarters (t in the agencies view). */
#include <stdint.h>
#include "ui_view.h"

view *ui_agency_trend_new(ui *u, int64_t agency_id, const char *name);
#endif
