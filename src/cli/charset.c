/* A terminal in GB18030 or GBK (Xshell's default on Chinese Windows): the
 * program works in UTF-8 inside, so the arguments typed there are turned
 * into UTF-8, and what goes to that terminal is turned back by a small
 * child process between the program and the terminal (iconv). Pipes and
 * files keep UTF-8: CSV, JSON and the documents have their own encodings. */
#include "ducha/cli_charset.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

enum { CHUNK = 8192 };

static pid_t converters[2];
static int nconverters;
static char **converted_args;   /* kept for the program's life (argv points into them) */

/* The locale's charset when it is not UTF-8 but one iconv knows, else NULL. */
static const char *legacy_charset(void)
{
	const char *set = nl_langinfo(CODESET);
	if (!set || !*set || strcmp(set, "UTF-8") == 0 || strcmp(set, "ANSI_X3.4-1968") == 0)
		return NULL;
	iconv_t cd = iconv_open("UTF-8", set);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return set;
}

static char *convert(iconv_t cd, const char *s)
{
	size_t in_left = strlen(s), cap = in_left * 4 + 4, out_left = cap - 1;
	char *out = xmalloc(cap), *in = (char *)s, *o = out;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
		free(out);
		return NULL;
	}
	*o = '\0';
	return out;
}

void cli_charset_args(int argc, char **argv)
{
	const char *set = legacy_charset();
	if (!set)
		return;
	iconv_t cd = iconv_open("UTF-8", set);
	converted_args = xcalloc((size_t)argc, sizeof *converted_args);
	for (int i = 1; i < argc; i++) {
		/* Already UTF-8 (a script's, or ASCII): left as it is. */
		if (text_utf8_valid(argv[i], strlen(argv[i]), NULL))
			continue;
		char *utf8 = convert(cd, argv[i]);
		if (utf8)
			argv[i] = converted_args[i] = utf8;
	}
	iconv_close(cd);
}

/* The child: UTF-8 from in, the terminal's charset to out. A character
 * cut between two reads waits for the rest; one the charset lacks (GBK has
 * no emoji) becomes '?'. */
static void pump(int in, int out, iconv_t cd)
{
	char buf[CHUNK + 8], conv[CHUNK * 4];
	size_t kept = 0;
	ssize_t n;
	while ((n = read(in, buf + kept, CHUNK)) > 0 || (n < 0 && errno == EINTR)) {
		if (n < 0)
			continue;
		size_t left = kept + (size_t)n;
		char *p = buf;
		while (left > 0) {
			char *o = conv;
			size_t room = sizeof conv;
			size_t r = iconv(cd, &p, &left, &o, &room);
			if (write(out, conv, (size_t)(o - conv)) < 0)
				_exit(1);
			if (r != (size_t)-1 || errno == E2BIG)
				continue;
			if (errno == EINVAL)
				break;              /* the rest of a character comes next */
			if (write(out, "?", 1) < 0)
				_exit(1);
			p++;
			left--;
		}
		memmove(buf, p, left);
		kept = left;
	}
	_exit(0);
}

/* fd now writes into a converter whose output is the terminal fd was. */
static void convert_fd(int fd, const char *set)
{
	iconv_t cd = iconv_open(set, "UTF-8");
	int p[2];
	if (cd == (iconv_t)-1 || pipe(p) != 0)
		return;
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return;
	}
	if (pid == 0) {
		close(p[1]);
		/* Only the pipe and the terminal: the other converter must see its
		 * pipe close when the program ends. */
		int tty = dup(fd);
		for (int std = 0; std < 3; std++)
			close(std);
		pump(p[0], tty, cd);
	}
	iconv_close(cd);
	close(p[0]);
	dup2(p[1], fd);
	close(p[1]);
	converters[nconverters++] = pid;
}

static void finish(void)
{
	fflush(stdout);
	fflush(stderr);
	close(STDOUT_FILENO);
	close(STDERR_FILENO);
	for (int i = 0; i < nconverters; i++)
		while (waitpid(converters[i], NULL, 0) < 0 && errno == EINTR)
			;
}

void cli_charset_output(void)
{
	const char *set = legacy_charset();
	if (!set || nconverters)
		return;
	if (isatty(STDOUT_FILENO))
		convert_fd(STDOUT_FILENO, set);
	if (isatty(STDERR_FILENO))
		convert_fd(STDERR_FILENO, set);
	if (nconverters)
		atexit(finish);
}
