#ifndef DUCHA_CLI_H
#define DUCHA_CLI_H
/* The command-line commands. Each returns the process exit status:
 * 0 success, 1 failure (one line on stderr), 2 bad usage. */
#include <stdbool.h>
#include "ducha/app.h"
#include "ducha/config.h"
#include "ducha/flag.h"
#include "ducha/model.h"
#include "ducha/permission.h"
#include "ducha/store.h"

/* What a command line needs beyond the program's context. */
typedef struct cli {
	app app;
	const char *command;
	const char *usage;           /* the current command's usage text */
} cli;

int  cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int  cli_usage_error(const cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Opens the database (read-only unless write) and loads the plan. A write
 * open of a read-only file is refused with a message. */
bool cli_open(cli *c, bool write);
/* app_open, with its error and warnings printed. */
bool cli_open_mode(cli *c, app_open_how how);
void cli_close(cli *c);
/* Prints the usage when argv holds --help / -h; returns true then. */
bool cli_wants_help(const cli *c, int argc, char **argv);
/* Where files named by the user may go (see permission.h). */
/* Whether path may be written; prints why not. */
bool cli_may_write(const cli *c, const char *path);
/* The folder files go to without -o (made when missing); prints why not. */
bool cli_output_folder(const cli *c, char *out, size_t len);
/* An agency named on the command line (spaces inside the name ignored);
 * prints the error itself when there is none. */
bool cli_find_agency(cli *c, const char *name, int64_t *id);
/* An area number argument (1–99). */
bool cli_parse_area(const cli *c, const char *arg, int *area);
/* A task number argument. */
bool cli_parse_task(const cli *c, const char *arg, int *num);

int cli_init(cli *c, int argc, char **argv);
int cli_tasks(cli *c, int argc, char **argv);
int cli_show(cli *c, int argc, char **argv);
int cli_agencies(cli *c, int argc, char **argv);
int cli_update(cli *c, int argc, char **argv);
int cli_note(cli *c, int argc, char **argv);
int cli_accept(cli *c, int argc, char **argv);
int cli_log(cli *c, int argc, char **argv);
int cli_check(cli *c, int argc, char **argv);
int cli_lagging(cli *c, int argc, char **argv);
int cli_report(cli *c, int argc, char **argv);
int cli_remind(cli *c, int argc, char **argv);
/* init --demo: sample quarterly reports (示例数据) through the store API. */
bool cli_demo_load(cli *c, int *reports, int *notes);
int cli_import_plan(cli *c, int argc, char **argv);
int cli_import_reports(cli *c, int argc, char **argv);
int cli_export(cli *c, int argc, char **argv);
int cli_backup(cli *c, int argc, char **argv);
int cli_restore(cli *c, int argc, char **argv);
#endif
