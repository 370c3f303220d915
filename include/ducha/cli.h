#ifndef DUCHA_CLI_H
#define DUCHA_CLI_H
/* The command-line commands. Each returns the process exit status:
 * 0 success, 1 failure (one line on stderr), 2 bad usage. */
#include <stdbool.h>
#include <stdio.h>
#include "ducha/app.h"
#include "ducha/config.h"
#include "ducha/flag.h"
#include "ducha/model.h"
#include "ducha/permission.h"
#include "ducha/store.h"
#include "ducha/table.h"

/* A command's options, one table each: the parser, the messages and the
 * usage (ducha COMMAND --help) all come from it. */
enum {
	CLI_REQUIRED = 1 << 0, /* must be given */
	CLI_REPEAT = 1 << 1,   /* may be given again; every value kept */
	CLI_ONE_OF = 1 << 2,   /* with the neighbours so marked: exactly one of them */
	CLI_HIDDEN = 1 << 3,   /* accepted, not in the usage */
	CLI_NOT_IN_SYNOPSIS = 1 << 4, /* listed below the synopsis only (--help, --version) */
};

typedef struct cli_option {
	const char *name;   /* the long name, without "--" */
	char short_name;    /* also -x, or 0 */
	const char *arg;    /* the argument's placeholder; NULL: a switch */
	const char *help;
	unsigned flags;
	const char *choices_what; /* arg "a|b|c" is a choice, refused as "不支持的<what>" */
} cli_option;

typedef struct cli_args cli_args;
typedef struct cli cli;

typedef struct cli_command {
	const char *name;
	int (*run)(cli *c, const cli_args *a);
	const char *summary;           /* the line in ducha --help */
	const char *operands;          /* e.g. "TASK TEXT", "[TASK]"; NULL: none */
	int min_operands, max_operands;
	const char *missing_operand;   /* e.g. "缺少任务序号" */
	bool operands_last;            /* the synopsis shows them after the options */
	const cli_option *options;     /* ends with an entry without a name */
	const char *notes;             /* lines after the options */
} cli_command;

enum { CLI_MAX_OPTIONS = 16, CLI_MAX_REPEATS = 64, CLI_MAX_OPERANDS = 4 };

struct cli_args {
	const char *value[CLI_MAX_OPTIONS]; /* the last value, "" for a switch; NULL: not given */
	const char *repeats[CLI_MAX_REPEATS]; /* every value of the repeatable option */
	int nrepeats;
	const char *operands[CLI_MAX_OPERANDS];
	int noperands;
	int next;                      /* argv index after the options (global options only) */
};

/* Parses argv[1..] by the table. stop_at_operand: the first operand ends
 * the options (the global options before a command). Returns false with
 * the message in err (without the usage hint). */
bool cli_parse_options(const cli_command *spec, int argc, char **argv, bool stop_at_operand,
                       cli_args *out, char *err, size_t len);
/* The usage: the synopsis wrapped to the terminal's 96 columns, then one
 * line per option, then the notes. */
void cli_print_usage(const cli_command *spec, FILE *out);
/* The option's place in its table (a programming error aborts). */
int cli_option_index(const cli_command *spec, const char *name);
/* The value of an option, or NULL. */
const char *cli_value(const cli *c, const cli_args *a, const char *name);
bool cli_given(const cli *c, const cli_args *a, const char *name);

/* What a command line needs beyond the program's context. */
struct cli {
	app app;
	const char *command;
	const cli_command *spec;     /* the current command's table */
};

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
/* Parses a command's arguments (argv[0] is the command), printing the
 * message itself: 0, or 2 for bad usage. */
int cli_parse_command(const cli *c, int argc, char **argv, cli_args *a);
/* --format's value as a format, or dflt when not given. */
out_format cli_format(const cli *c, const cli_args *a, out_format dflt);
/* Where files named by the user may go (see permission.h). */
/* Whether path may be written; prints why not. */
bool cli_may_write(const cli *c, const char *path);
/* The folder files go to without -o (made when missing); prints why not. */
bool cli_output_folder(const cli *c, char *out, size_t len);
/* An agency named on the command line (spaces inside the name ignored);
 * prints the error itself when there is none. */
bool cli_find_agency(cli *c, const char *name, int64_t *id);
/* Opens the database to read, with --agency's name (if given) in f. */
bool cli_open_listing(cli *c, const char *agency, task_filter *f);
/* An area number argument (1–99). */
bool cli_parse_area(const cli *c, const char *arg, int *area);
/* A task number argument. */
bool cli_parse_task(const cli *c, const char *arg, int *num);
/* Opens the database to write and reads task num in full; 0 or the exit status. */
int  cli_open_task(cli *c, int num, task_detail *d);

/* The commands, each declared beside its code. */
extern const cli_command cli_cmd_init, cli_cmd_tasks, cli_cmd_show, cli_cmd_agencies, cli_cmd_update,
	cli_cmd_note, cli_cmd_accept, cli_cmd_lagging, cli_cmd_report, cli_cmd_remind, cli_cmd_log,
	cli_cmd_check, cli_cmd_import_plan, cli_cmd_import_reports, cli_cmd_export, cli_cmd_backup,
	cli_cmd_restore, cli_cmd_review, cli_cmd_reopen, cli_cmd_indicator, cli_cmd_edit;
/* init --demo: sample quarterly reports (示例数据) through the store API. */
bool cli_demo_load(cli *c, int *reports, int *notes);
#endif
