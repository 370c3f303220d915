#ifndef DUCHA_APP_WRITE_H
#define DUCHA_APP_WRITE_H
/* Every change a front end makes, in one place: the permission check, the
 * rules of the input (the quarter), the store's write (one transaction with
 * its audit row), and a failure turned into one line. The CLI and the TUI
 * call these; neither calls a store_* write itself. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/app.h"
#include "ducha/indicator.h"
#include "ducha/permission.h"

typedef enum app_result {
	APP_OK,
	APP_REFUSED,      /* read-only, no permission, a quarter not allowed: msg says which */
	APP_CONFLICT,     /* someone saved first: store_conflict_theirs() has their version */
	APP_BUSY,         /* still locked after the busy timeout: try again */
	APP_REPLACED,     /* the database file was replaced: reopen it */
	APP_FAILED,       /* anything else (the SQL's own refusal too): msg has the store's error */
	APP_CONFIRM,      /* implausible figures: msg says which; save again with confirmed */
} app_result;

/* The store's last failure as a result, its message in msg. */
app_result app_store_failure(const app *a, char *msg, size_t len);
/* Whether who may do what on task t in this database; otherwise why. */
bool app_may(const app *a, permission_action what, const task_rec *t, char *why, size_t len);
/* The quarterly report of task d (in->period "YYYYQn", also lower case): by
 * a lead agency, into a quarter not locked (a first report filed late is
 * 迟报), not empty, and with implausible figures only when in->confirmed.
 * d holds the task's reports (the lock and the last figures). */
app_result app_save_report(app *a, const task_detail *d, const report_input *in, char *msg, size_t len);
/* kind: "progress" or "comment". */
app_result app_add_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg,
                        size_t len);
/* 销号, judged by the latest report at or before the as-of quarter that
 * counts (not returned); a refusal names the one reason that applies. */
app_result app_accept(app *a, const task_detail *d, char *msg, size_t len);
/* 撤销销号, with a reason. */
app_result app_unaccept(app *a, const task_detail *d, const char *reason, char *msg, size_t len);
/* 审核 of the report of period: pass (reason optional) or return (reason required). */
app_result app_review(app *a, const task_detail *d, const char *period, bool pass, const char *reason, char *msg,
                      size_t len);
/* 重新打开 a locked report for one more submission, with a reason. */
app_result app_reopen(app *a, const task_detail *d, const char *period, const char *reason, char *msg, size_t len);
/* Several reports, all or none (import-reports): tasks[i] is in[i]'s task;
 * *failed is the index of the one refused, or -1. */
app_result app_save_reports(app *a, const task_detail *const *tasks, const report_input *in, int n,
                            int *failed, char *msg, size_t len);
/* The note of d with this id (withdrawn ones are not read), or NULL. */
const note_rec *app_find_note(const task_detail *d, int64_t note_id);
/* Its author's new text for a note of d (the trail keeps the old text); an
 * unchanged text is refused. */
app_result app_edit_note(app *a, const task_detail *d, int64_t note_id, const char *text, char *msg, size_t len);
/* Its author withdraws a note of d: no longer shown, the trail keeps it. */
app_result app_withdraw_note(app *a, const task_detail *d, int64_t note_id, char *msg, size_t len);
/* A sample note (示例数据) of init --demo. */
app_result app_add_sample_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg,
                               size_t len);

/* The administrator's changes (src/app/admin.c): the role is checked before
 * anything is opened or written. */
/* Whether who is an administrator; otherwise "user（role）无权<what>：…" in msg. */
bool app_admin_only(const app *a, const char *what, char *msg, size_t len);
/* An administrator's change on a database open to write; otherwise why. */
bool app_admin_writes(const app *a, const char *what, char *msg, size_t len);
/* Opens (creating) a->db_path and loads the built-in plan; a database with
 * data only with force, re-created in place (*rebuilt). a->st and a->plan
 * are set on success. */
app_result app_create(app *a, bool force, bool *rebuilt, char *msg, size_t len);
/* A new plan from an import (a->st open for writing). */
app_result app_import_plan(app *a, const plan_import *in, char *msg, size_t len);
/* A change to a task as typed (NULL: keep): its text, deadline (as
 * written: 2017年年底前), lead and support agencies (a cell, split as
 * import-plan splits one), its measure's number (0: keep). */
typedef struct task_change {
	const char *text, *deadline, *lead, *support;
	int measure;
	bool confirmed;              /* agencies the database does not know are new ones */
} task_change;
/* Administrators. APP_CONFIRM (the names and the nearest known ones in msg)
 * when an agency is unknown and not confirmed. */
app_result app_edit_task(app *a, const task_detail *d, const task_change *c, char *msg, size_t len);
/* Areas' titles and short labels, measures' titles: all or nothing. */
app_result app_edit_sections(app *a, const section_edit *e, int n, char *msg, size_t len);
/* Another name for an agency (市发改委 = 市发展改革委; spaces in it are
 * dropped), or with agency NULL the alias taken away: administrators. On
 * success msg holds the alias as stored. */
app_result app_set_alias(app *a, const char *agency, const char *alias, char *msg, size_t len);
/* An online copy to dest; over an existing file only with force, which is an
 * admin's and leaves a backup row (a->st is opened for it). */
app_result app_backup(app *a, const char *dest, bool force, char *msg, size_t len);
/* Whether that backup is allowed, asked before the database is opened. */
bool app_may_backup(const app *a, const char *dest, bool force, char *msg, size_t len);
/* The database replaced by a checked copy of source. */
app_result app_restore(app *a, const char *source, char *msg, size_t len);
/* The definition of task d's indicator number ord (1, 2, …) edited: checked
 * (indicator_edit_apply), written with its audit row. */
app_result app_edit_indicator(app *a, const task_detail *d, int ord, const indicator_edit *e, char *msg, size_t len);
#endif
