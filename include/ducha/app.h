#ifndef DUCHA_APP_H
#define DUCHA_APP_H
/* The program's context, shared by the command line and the full-screen
 * program: the config, the open database and plan, who is acting and as of
 * when. The front ends (src/cli, src/ui) ask this layer; it asks the store
 * and the core. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ducha/model.h"
#include "ducha/permission.h"
#include "ducha/store.h"

typedef enum app_lang { APP_LANG_ZH, APP_LANG_EN } app_lang;

typedef struct app {
	config cfg;
	const char *db_path;
	const char *plan_code;       /* --plan, or the config's */
	const char *user_opt;        /* --user */
	int as_of;                   /* resolved: --as-of, config, today */
	bool restricted;             /* forced command or [access] restricted: see permission.h */
	app_lang lang;               /* [ui] lang */
	actor who;
	store *st;
	plan_rec plan;
	const char *stamp;           /* a fixed time for reviews and 销号 written (sample data); NULL: now */
} app;

/* APP_OPEN_PREFER_WRITE: writable if the file allows, else read-only (the
 * full-screen program then says so and refuses each save). */
typedef enum app_open_how { APP_OPEN_READ, APP_OPEN_WRITE, APP_OPEN_PREFER_WRITE } app_open_how;

/* Opens the database and loads the plan. False with one line in err; a
 * warning that does not stop the work (a world-writable file, a read-only
 * snapshot) in warn, "" when there is none. */
/* [ui] lang as the language of the program's words. */
app_lang app_language(const config *cfg);
bool app_open(app *a, app_open_how how, char *err, size_t errlen, char *warn, size_t warnlen);
void app_close(app *a);
/* One escaped line "ducha: MESSAGE" on stderr (nothing typed or stored may
 * steer the terminal); returns 1, the failure exit status. */
int app_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int app_verror(const char *fmt, va_list ap);
/* Where files named by the user may go (see permission.h). */
output_rules app_output_rules(const app *a);
#endif
