#ifndef DUCHA_APP_WRITE_H
#define DUCHA_APP_WRITE_H
/* Every change a front end makes, in one place: the permission check, the
 * rules of the input (the quarter), the store's write (one transaction with
 * its audit row), and a failure turned into one line. The CLI and the TUI
 * call these; neither calls a store_* write itself. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/app.h"
#include "ducha/permission.h"

typedef enum app_result {
	APP_OK,
	APP_REFUSED,      /* read-only, no permission, a quarter not allowed: msg says which */
	APP_CONFLICT,     /* someone saved first: store_conflict_theirs() has their version */
	APP_BUSY,         /* still locked after the busy timeout: try again */
	APP_REPLACED,     /* the database file was replaced: reopen it */
	APP_FAILED,       /* anything else (the SQL's own refusal too): msg has the store's error */
} app_result;

/* Whether who may do what on task t in this database; otherwise why. */
bool app_may(const app *a, permission_action what, const task_rec *t, char *why, size_t len);
/* The quarterly report in on task t (in->period "YYYYQn", also lower case). */
app_result app_save_report(app *a, const task_rec *t, const report_input *in, char *msg, size_t len);
/* kind: "progress" or "comment". */
app_result app_add_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg,
                        size_t len);
/* 销号, judged by the latest report at or before the as-of quarter. */
app_result app_accept(app *a, const task_rec *t, char *msg, size_t len);
#endif
