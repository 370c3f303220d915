/* Answer times for the benchmarks: see ui_timing.h. */
#include "ui_timing.h"
#include "ducha/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct ui_timing {
	FILE *out;
	int term_fd;
	long long since;             /* when the event arrived (or the process began) */
	long long bytes;             /* terminal output so far */
	char what[48];
	bool first;
};

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The first screen is timed from the start of the process: taken before
 * main(), as early as the program's own code can run. */
static long long process_start;

__attribute__((constructor)) static void timing_mark_start(void)
{
	process_start = now_ns();
}

static long long term_offset(const ui_timing *t)
{
	off_t at = lseek(t->term_fd, 0, SEEK_CUR);
	return at < 0 ? -1 : (long long)at;
}

ui_timing *ui_timing_open(int term_fd)
{
	/* Never for a setgid run (secure_getenv): it would let anyone append
	 * to a file the group may write, the shared database among them. */
	const char *path = secure_getenv("DUCHA_KEY_TIMING");
	if (!path || !*path)
		return NULL;
	ui_timing *t = xcalloc(1, sizeof *t);
	t->out = fopen(path, "a");
	if (!t->out) {
		free(t);
		return NULL;
	}
	t->term_fd = term_fd;
	t->since = process_start;
	t->bytes = term_offset(t);
	t->first = true;
	return t;
}

void ui_timing_event(ui_timing *t, const ui_event *ev)
{
	if (!t)
		return;
	t->since = now_ns();
	if (ev->kind == UI_EV_KEY)
		ui_key_name(ev->key, t->what, sizeof t->what);
	else
		snprintf(t->what, sizeof t->what, "%s", ev->kind == UI_EV_MOUSE ? "mouse" : "resize");
	/* One word per field. */
	for (char *p = t->what; *p; p++)
		if (*p == ' ' || *p == '\n' || *p == '\t')
			*p = '_';
	if (!t->what[0])
		snprintf(t->what, sizeof t->what, "?");
}

void ui_timing_drawn(ui_timing *t)
{
	if (!t)
		return;
	long long end = now_ns(), at = term_offset(t);
	long long sent = at >= 0 && t->bytes >= 0 ? at - t->bytes : -1;
	if (t->first)
		fprintf(t->out, "first - %lld %lld\n", end - t->since, sent);
	else
		fprintf(t->out, "key %s %lld %lld\n", t->what, end - t->since, sent);
	/* At once: a reader (test/bench/pty.c) takes the line as "drawn". */
	fflush(t->out);
	t->first = false;
	t->bytes = at;
}

void ui_timing_close(ui_timing *t)
{
	if (!t)
		return;
	fclose(t->out);
	free(t);
}
