#ifndef DUCHA_CLI_SAY_H
#define DUCHA_CLI_SAY_H
/* A command's message that names stored text or file names: printf-style,
 * and the whole line made safe for a terminal (text_escape), as cli_error
 * does for errors. */
#include <stdio.h>

void cli_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
