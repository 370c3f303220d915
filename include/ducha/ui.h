#ifndef DUCHA_UI_H
#define DUCHA_UI_H
/* The full-screen program: five area panes, task detail, quarterly report
 * form, notes, agencies, lagging tasks, search, filter and help. */
#include <stdio.h>
#include "ducha/app.h"

/* Runs on the terminal. c holds the config, the user, the as-of date, the
 * open store and the plan. Key and colour settings are checked before the
 * screen starts (a one-line error then). Returns the exit status. */
int ui_run(app *c);

/* The golden screen tests: the same program, driven by a key script (see
 * ui_input.h) on a terminal that draws nowhere; each <dump> writes the
 * screen as text to dump. Test-only script tokens go to hook. */
typedef struct ui_script_opts {
	const char *script;
	FILE *dump;
	int cols, rows;
	bool (*hook)(void *ctx, const char *token);
	void *hook_ctx;
	const char *term_out;        /* a file the terminal's output goes to; NULL: nowhere */
} ui_script_opts;
int ui_run_script(app *c, const ui_script_opts *o);
#endif
