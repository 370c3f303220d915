#ifndef DUCHA_UI_VIEW_H
#define DUCHA_UI_VIEW_H
/* The screen state shared by all views, and the view interface (as tig's
 * view_ops): each view lays itself out for the current size, draws the body
 * rows, and handles the actions and text that reach it. Views sit on a
 * stack; Esc pops back to exactly where you were. */
#include <stdbool.h>
#include <stdint.h>
#include "ducha/app.h"
#include "ducha/draft.h"
#include "ducha/permission.h"
#include "ui_data.h"
#include "ui_input.h"
#include "ui_keys.h"
#include "ui_timing.h"

typedef struct ui ui;
typedef struct view view;
typedef struct ui_recover ui_recover;

typedef struct view_ops {
	const char *name;
	unsigned scope;                          /* UI_SCOPE_* it accepts */
	bool overlay;                            /* drawn over the view beneath (a question) */
	void (*layout)(ui *u, view *v);          /* after open, resize, save, reload; NULL:
	                                          * the view lays out as it draws */
	void (*draw)(ui *u, view *v);            /* rows UI_BODY_TOP .. ui_body_end() */
	bool (*action)(ui *u, view *v, ui_action a);
	void (*text)(ui *u, view *v, uint32_t cp);        /* editors: a typed character */
	void (*mouse)(ui *u, view *v, const ui_event *ev);
	int  (*task)(ui *u, view *v);            /* the task selected or open; 0: none */
	/* Lists: selects the task delta rows from task `from` and returns it;
	 * 0 (nothing moves) past an end, -1 when from is not in the list. [
	 * and ] in a task opened over it. */
	int  (*step)(ui *u, view *v, int from, int delta);
	void (*free)(view *v);
	/* Forms: the input not yet saved (kind, task and fields) for the
	 * recovery file, which adds id, user and plan (src/ui/recover.c); false,
	 * leaving out alone, when there is none. NULL: nothing to keep. */
	bool (*save_draft)(ui *u, view *v, draft *out);
	/* Forms: what to enter in each field, shown first by ? (Chinese, English). */
	const char *explain[2];
	const ui_action *hints;                  /* the hint line, ending in UI_ACT_NONE */
	const ui_action *(*hints_for)(ui *u, view *v);  /* instead of hints, when they depend on the user */
} view_ops;

struct view {
	const view_ops *ops;
};

enum {
	UI_MAX_VIEWS = 24, UI_MAX_DRAFTS = 16,
	UI_MIN_COLS = 80, UI_MIN_ROWS = 24,
	UI_BODY_TOP = 1,                         /* row 0 is the title line */
};

struct ui {
	app *c;
	ui_data data;
	ui_keymap keys;
	view *stack[UI_MAX_VIEWS];
	int depth;
	view *drafts[UI_MAX_DRAFTS];             /* forms left with unsaved input */
	int ndrafts;
	ui_filter filter;                        /* of the task lists */
	ui_sort sort;                            /* of the task lists */
	char msg[600];
	bool msg_error;
	bool too_small, quit;
	bool keep_drafts;            /* quit at once (Q): open forms stay drafts for next time */
	int home_depth;              /* the screens the user starts on: q there quits */
	bool jumping;                /* a task number is being typed */
	bool jump_typed;             /* after ":": digits are only the number */
	int jump;                    /* the number typed so far */
	int64_t seen_version;        /* the data version last seen (-1: not followed) */
	int64_t seen_audit;          /* the last audit row seen */
	struct { int task; char period[8]; } saved[8];  /* reports this session saved (a ring) */
	int nsaved;
	bool reason_held;            /* a move: the message line waits for the cursor to rest */
	bool rested;                 /* no key since the rest: a reason may take two lines */
	int cursor_y, cursor_x;                  /* -1: no cursor */
	ui_input *in;
	ui_timing *timing;                       /* DUCHA_KEY_TIMING, or NULL */
	ui_recover *recover;                     /* the recovery file of drafts, or NULL */
	unsigned views_changed;                  /* counts pushes, pops, drafts kept and taken */
};

/* The last body row (the message line and the hint line are below it). */
int  ui_body_end(void);
void ui_push(ui *u, view *v);
/* Pops and frees the top view. */
void ui_pop(ui *u);
/* Pops the top view without freeing it. */
view *ui_detach(ui *u);
view *ui_top(ui *u);
void ui_message(ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Every view lays itself out again (after a resize, a save or a reload). */
void ui_relayout(ui *u);
/* A form left with unsaved input is kept, and found again by kind and task;
 * false (and the form stays open) when there is no room for another. */
bool ui_draft_keep(ui *u, view *v);
view *ui_draft_take(ui *u, const view_ops *ops, int task);
/* Whether a form on the stack holds unsaved input. */
bool ui_holds_input(ui *u, view *v);
/* Forms holding unsaved input: drafts kept, and forms left open under
 * another screen (help opened from a form). */
int ui_unsaved_forms(ui *u);
/* Opens the detail of a task, or its forms when the user may write. */
void ui_open_task(ui *u, int num);
/* The same, with a search's text highlighted in it. */
void ui_open_task_marked(ui *u, int num, const char *mark);
void ui_open_report(ui *u, int num);
void ui_open_note(ui *u, int num);
/* Change or withdraw one of one's own notes on the task. */
void ui_open_note_edit(ui *u, int num);
/* Whether the user may do this to a task (role, agency, read-only
 * database); when not, says why in the message line. */
bool ui_may_write(ui *u, int num, permission_action what);
#endif
