#ifndef DUCHA_CLI_CHARSET_H
#define DUCHA_CLI_CHARSET_H
/* The command line on a terminal whose locale is GB18030 or GBK (nothing
 * happens in a UTF-8 locale; the full-screen program leaves this to curses). */

/* Arguments that are not UTF-8 are converted from the locale's charset. */
void cli_charset_args(int argc, char **argv);
/* Standard output and error, where they are a terminal, go out in the
 * locale's charset until the program exits; pipes and files keep UTF-8. */
void cli_charset_output(void);
#endif
