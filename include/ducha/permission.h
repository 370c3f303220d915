#ifndef DUCHA_PERMISSION_H
#define DUCHA_PERMISSION_H
/* Who may do what. Checked here in C before anything is attempted (so the
 * user is told why), and again by the SQL that writes (see store/write.c). */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/model.h"

typedef enum permission_action {
	PERM_REPORT,     /* submit or amend a quarterly report */
	PERM_PROGRESS,   /* add a progress note */
	PERM_COMMENT,    /* add an inspector's comment */
	PERM_ACCEPT,     /* accept a completed task (销号), or undo it */
	PERM_SUPPORT,    /* add a supporting agency's 配合情况 note */
	PERM_REVIEW,     /* pass or return a report (审核), reopen a locked one */
	PERM_DEFINE,     /* edit an indicator's definition (administrators only) */
} permission_action;

/* Whether who may act on task t; otherwise a one-line reason in why. */
/* The note a person adds to a task: "comment" (督查意见) for an inspector,
 * "support" (配合情况) for a supporting agency's reporter, else "progress". */
const char *permission_note_kind(const actor *who, const task_rec *t);
bool permission_check(const actor *who, permission_action action, const task_rec *t,
                      char *why, size_t whylen);
/* The permission a kind of note needs: PERM_COMMENT, PERM_SUPPORT or PERM_PROGRESS. */
permission_action permission_of_note_kind(const char *kind);
/* Whether who may edit or withdraw note n of task t: only its author, and
 * only while they may still write that kind of note on t. */
bool permission_may_change_note(const actor *who, const note_rec *n, const task_rec *t, char *why, size_t whylen);
/* Whether a role may do this to some task at all (the key hints leave out
 * what the user can never do: 填报 for a viewer). */
bool permission_role_may_ever(role r, permission_action action);
/* Restricted mode (a forced command, or [access] restricted): path must
 * lie inside report_dir. Always true when not restricted. */
bool permission_inside_folder(const char *report_dir, bool restricted, const char *path,
                              char *why, size_t whylen);

/* Where a file named by a user may be written. */
typedef struct output_rules {
	const char *report_dir;      /* [report] folder */
	const char *db_path;         /* the database: never written over */
	const char *user;            /* the person: restricted output goes to report_dir/USER */
	bool restricted;
} output_rules;
/* Never the database, its -wal/-shm/-journal or anchor (by name or by
 * inode), nor the drafts folder; in restricted mode only inside the user's
 * own subfolder of the report folder, and never over another user's file. */
bool permission_output_path(const output_rules *r, const char *path, char *why, size_t whylen);
/* The folder files go to without -o: the report folder, or the user's own
 * subfolder of it in restricted mode. */
bool permission_output_folder(const output_rules *r, char *out, size_t len, char *why, size_t whylen);
/* Whether an agency is among the task's lead or support agencies. */
bool permission_agency_on_task(const char *agency, const task_rec *t);
#endif
