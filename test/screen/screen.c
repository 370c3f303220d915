/* Golden screen test driver: runs the full-screen program from a key script
 * (see src/ui/ui_input.h) on a terminal that draws nowhere, and
 * prints the screen as text at every <dump>.
 *
 *   screen-test --db PATH [--conf PATH] [--as-of DATE] [--role ROLE[:AGENCY]]
 *               [--size COLSxROWS] [--term-out FILE] SCRIPT
 *
 * --term-out: the escape sequences curses sends go to FILE instead of
 * nowhere, so that the benchmarks can count them (make bench).
 * The user is "tester" (admin unless --role says otherwise), so screens do
 * not depend on who runs the tests. Test-only script tokens: <lock> holds
 * the database's write lock from a second connection, as someone else's
 * save would, and <unlock> lets it go; <other-save TASK PERIOD VALUE> saves a
 * report as user "other" (VALUE for the first indicator) from a second
 * connection, as a colleague would meanwhile; <other-note TASK TEXT> adds a
 * note as "other" straight through the store, with "\e" standing for ESC,
 * to show what hostile stored text looks like on screen. */
#include <getopt.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/ui.h"

typedef struct locker {
	const char *path;
	sqlite3 *db;
} locker;

static store *other_store(const char *path, actor *who, plan_rec *plan, int num, task_detail *d)
{
	char err[512];
	bool found;
	store *st = store_open(path, 0, 1000, err, sizeof err);
	memset(who, 0, sizeof *who);
	snprintf(who->user, sizeof who->user, "other");
	who->role = ROLE_ADMIN;
	if (!st || !store_plan(st, NULL, plan) || !store_task_detail(st, plan->id, num, d, &found)) {
		fprintf(stderr, "screen-test: %s\n", st ? store_error(st) : err);
		exit(1);
	}
	return st;
}

static bool other_save(const char *path, const char *args)
{
	int num;
	char period[8];
	double value;
	if (sscanf(args, "%d %7s %lf", &num, period, &value) != 3)
		return false;
	actor who;
	plan_rec plan;
	task_detail d;
	store *st = other_store(path, &who, &plan, num, &d);
	report_input in = { .task_id = d.task.id, .status = "in-progress", .note = "他人填写的说明",
	                    .nvalues = d.nindicators ? 1 : 0, .values = &value };
	int64_t id = d.nindicators ? d.indicators[0].id : 0;
	in.indicator_ids = &id;
	snprintf(in.period, sizeof in.period, "%s", period);
	bool ok = store_save_report(st, &who, &in);
	if (!ok)
		fprintf(stderr, "screen-test: other-save: %s\n", store_error(st));
	model_detail_free(&d);
	model_plan_free(&plan);
	store_close(st);
	return ok;
}

static bool other_note(const char *path, const char *args)
{
	int num, used;
	if (sscanf(args, "%d %n", &num, &used) != 1)
		return false;
	char text[512];
	size_t n = 0;
	for (const char *p = args + used; *p && n + 1 < sizeof text; p++) {
		if (p[0] == '\\' && p[1] == 'e') {
			text[n++] = 0x1b;
			p++;
		} else {
			text[n++] = *p;
		}
	}
	text[n] = '\0';
	actor who;
	plan_rec plan;
	task_detail d;
	store *st = other_store(path, &who, &plan, num, &d);
	bool ok = store_add_note(st, &who, d.task.id, "comment", text, false);
	model_detail_free(&d);
	model_plan_free(&plan);
	store_close(st);
	return ok;
}

static bool lock_hook(void *ctx, const char *token)
{
	locker *l = ctx;
	if (strncmp(token, "other-save ", 11) == 0)
		return other_save(l->path, token + 11);
	if (strncmp(token, "other-note ", 11) == 0)
		return other_note(l->path, token + 11);
	if (strcmp(token, "lock") == 0 && !l->db) {
		if (sqlite3_open(l->path, &l->db) != SQLITE_OK ||
		    sqlite3_exec(l->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "screen-test: cannot lock %s\n", l->path);
			exit(1);
		}
		return true;
	}
	if (strcmp(token, "unlock") == 0 && l->db) {
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(l->db);
		l->db = NULL;
		return true;
	}
	return false;
}

static bool set_role(cli *c, const char *arg)
{
	char name[32];
	const char *colon = strchr(arg, ':');
	snprintf(name, sizeof name, "%.*s", colon ? (int)(colon - arg) : (int)strlen(arg), arg);
	if (!model_role_parse(name, &c->app.who.role))
		return false;
	snprintf(c->app.who.agency, sizeof c->app.who.agency, "%s", colon ? colon + 1 : "");
	return true;
}

static int usage(void)
{
	fprintf(stderr, "usage: screen-test --db PATH [--conf PATH] [--as-of DATE] [--role ROLE[:AGENCY]]"
	                " [--size COLSxROWS] [--term-out FILE] SCRIPT\n");
	return 2;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "conf", required_argument, 0, 'c' },
		{ "as-of", required_argument, 0, 'a' }, { "role", required_argument, 0, 'r' },
		{ "size", required_argument, 0, 's' }, { "term-out", required_argument, 0, 't' },
		{ 0, 0, 0, 0 },
	};
	static cli c;
	const char *conf = NULL, *as_of = NULL;
	ui_script_opts o = { .dump = stdout, .cols = 80, .rows = 24, .hook = lock_hook };
	char err[1024];
	int opt;
	setlocale(LC_ALL, "C.UTF-8");
	config_defaults(&c.app.cfg);
	snprintf(c.app.who.user, sizeof c.app.who.user, "tester");
	c.app.who.role = ROLE_ADMIN;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': c.app.db_path = optarg; break;
		case 'c': conf = optarg; break;
		case 'a': as_of = optarg; break;
		case 'r': if (!set_role(&c, optarg)) return usage(); break;
		case 's': if (sscanf(optarg, "%dx%d", &o.cols, &o.rows) != 2) return usage(); break;
		case 't': o.term_out = optarg; break;
		default: return usage();
		}
	}
	if (optind != argc - 1 || !c.app.db_path)
		return usage();
	o.script = argv[optind];
	if (conf && !config_load(&c.app.cfg, conf, err, sizeof err)) {
		fprintf(stderr, "screen-test: %s\n", err);
		return 1;
	}
	/* The plan the config names, as ducha itself takes it. */
	if (c.app.cfg.plan[0])
		c.app.plan_code = c.app.cfg.plan;
	c.app.as_of = c.app.cfg.as_of ? c.app.cfg.as_of : date_today();
	if (as_of && !date_parse(as_of, &c.app.as_of))
		return usage();
	if (!cli_open(&c, true))
		return 1;
	locker l = { c.app.db_path, NULL };
	o.hook_ctx = &l;
	int rc = ui_run_script(&c.app, &o);
	lock_hook(&l, "unlock");
	cli_close(&c);
	return rc;
}
