#ifndef DUCHA_PRINT_H
#define DUCHA_PRINT_H
/* Printing a produced file with the configured command ([print] command,
 * e.g. "lp -d office"), and the report folder that files are written into.
 * No curses, no SQL. */
#include <stdbool.h>
#include <stddef.h>

enum { PRINT_MAX_ARGS = 32 };

/* Splits command on spaces and tabs into at most PRINT_MAX_ARGS words
 * (no quoting: the config names a program and its options) into argv,
 * which points into buf. Returns the number of words. */
int print_split(const char *command, char *buf, size_t buflen, char **argv);
/* Runs the command with path appended as its last argument: fork and
 * execvp, no shell, so nothing in the path is ever interpreted; stdin is
 * /dev/null. quiet: its output goes to /dev/null (the full-screen program);
 * otherwise to our stderr, keeping stdout for what the user asked for.
 * False with a one-line reason when it cannot run or exits non-zero. */
bool print_run(const char *command, const char *path, bool quiet, char *err, size_t errlen);
/* Creates the folder and any missing parents. */
bool print_folder_ensure(const char *dir, char *err, size_t errlen);
#endif
