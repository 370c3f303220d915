#ifndef DUCHA_UI_PRINT_H
#define DUCHA_UI_PRINT_H
/* p: the document of what is on screen (an agency's 督办单, a list), made
 * as PDF into the report folder ([report] folder, created when missing),
 * handed to the print command where one is configured, and where it went
 * said in the message line. PDF, because a printer's text filter prints
 * Chinese as boxes. */
#include <stdint.h>
#include "ui_view.h"

/* An agency's summary: its lead and support tasks. */
void ui_print_agency(ui *u, int64_t agency_id, const char *name);
/* A task list's: an agency's list (agency not NULL) is that agency's
 * summary; any other list is summarised as it stands, under its title.
 * kind names the list in the file name ("lagging"). */
void ui_print_list(ui *u, const char *kind, const char *agency, const char *title, const int *nums, int n);
/* Where p does nothing: says where it does. */
void ui_print_unavailable(ui *u);
#endif
