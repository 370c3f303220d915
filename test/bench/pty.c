/* bench-pty: the full-screen program timed as a user feels it. It runs the
 * real binary on a real pseudo-terminal of the given size, writes each key
 * of a script to it and measures from the key written to the last byte of
 * the answer read back, and the bytes of that answer.
 *
 * The end of an answer is known without waiting on a clock: the program
 * writes one line to DUCHA_KEY_TIMING (src/ui/timing.c) after each screen
 * it has drawn, here a FIFO. When that line arrives the screen's bytes are
 * already in the pty (the program wrote them before the line), so they are
 * read off to the end and the clock stops at the last one.
 *
 *   bench-pty --cols C --rows R --keys FILE [--gap-ms G] -- ducha ARGS...
 *
 * --gap-ms: the time between one answer and the next key (default 0, keys
 * back to back); 30 is a held-down arrow's repeat. Work the program does
 * between keys (judging ahead, src/ui/ui.c) runs in the gaps; what it draws
 * there is read off before the next key and counted as "idle" at the end.
 *
 * FILE: one key a line, "KIND KEY" (KIND labels the figure: move, pgdn,
 * enter, esc, pane, search, view…); KEY is a character, \e (Esc), \r
 * (Enter), \t, or one of Down Up PgDn PgUp Home End. Output, one line a
 * key: "KIND MS BYTES"; first the "first MS BYTES" of the first screen,
 * from the process start. BENCH_PTY_DUMP=FILE: everything read off the pty
 * is also written there, to see what a key costs. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { PTY_MAX_KEYS = 100000, PTY_CHUNK = 65536 };

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "bench-pty: %s: %s\n", what, strerror(errno));
	exit(1);
}

typedef struct pty_run {
	int master, fifo;
	pid_t pid;
	char line[512];
	size_t line_len;
	long bytes;                  /* read off the pty since the last mark */
	double last_byte;
} pty_run;

/* Reads what the pty holds now; false at its end. */
static int drain(pty_run *r)
{
	char buf[PTY_CHUNK];
	for (;;) {
		ssize_t n = read(r->master, buf, sizeof buf);
		if (n > 0) {
			static FILE *dump;
			if (!dump && getenv("BENCH_PTY_DUMP"))
				dump = fopen(getenv("BENCH_PTY_DUMP"), "w");
			if (dump) {
				fwrite(buf, 1, (size_t)n, dump);
				fflush(dump);
			}
			r->bytes += n;
			r->last_byte = now_ms();
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return 1;
		return 0;
	}
}

/* Whether a whole line has come through the FIFO (one drawn screen). */
static int fifo_line(pty_run *r)
{
	char c;
	for (;;) {
		ssize_t n = read(r->fifo, &c, 1);
		if (n == 1) {
			if (c == '\n') {
				r->line[r->line_len] = '\0';
				r->line_len = 0;
				return 1;
			}
			if (r->line_len + 1 < sizeof r->line)
				r->line[r->line_len++] = c;
			continue;
		}
		return 0;
	}
}

/* Waits for the next drawn screen, reading the pty all along; then reads
 * the pty to its end. False when the program is gone. */
static int wait_screen(pty_run *r)
{
	for (;;) {
		struct pollfd fds[2] = { { r->master, POLLIN, 0 }, { r->fifo, POLLIN, 0 } };
		if (poll(fds, 2, 30000) <= 0)
			return 0;
		if (fds[0].revents & (POLLIN | POLLHUP) && !drain(r))
			return 0;
		if (fds[1].revents & POLLIN && fifo_line(r)) {
			if (getenv("BENCH_PTY_DEBUG"))
				fprintf(stderr, "[%s]\n", r->line);
			drain(r);
			return 1;
		}
	}
}

static size_t key_bytes(const char *key, char *out)
{
	static const struct { const char *name, *seq; } named[] = {
		/* What xterm sends once the program has asked for keypad mode (smkx). */
		{ "Down", "\033OB" }, { "Up", "\033OA" }, { "PgDn", "\033[6~" }, { "PgUp", "\033[5~" },
		{ "Home", "\033OH" }, { "End", "\033OF" }, { "\\e", "\033" }, { "\\r", "\r" }, { "\\t", "\t" },
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(key, named[i].name) == 0) {
			strcpy(out, named[i].seq);
			return strlen(out);
		}
	strcpy(out, key);
	return strlen(out);
}

static void start(pty_run *r, int cols, int rows, char **argv, const char *fifo_path)
{
	if (mkfifo(fifo_path, 0600) != 0)
		die("mkfifo");
	r->fifo = open(fifo_path, O_RDONLY | O_NONBLOCK);
	if (r->fifo < 0)
		die("open fifo");
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	r->pid = forkpty(&r->master, NULL, NULL, &ws);
	if (r->pid < 0)
		die("forkpty");
	if (r->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("DUCHA_KEY_TIMING", fifo_path, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	fcntl(r->master, F_SETFL, fcntl(r->master, F_GETFL) | O_NONBLOCK);
}

static int usage(void)
{
	fprintf(stderr, "usage: bench-pty --cols C --rows R --keys FILE [--gap-ms G] -- COMMAND [ARG...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cols", required_argument, 0, 'c' }, { "rows", required_argument, 0, 'r' },
		{ "keys", required_argument, 0, 'k' }, { "gap-ms", required_argument, 0, 'g' }, { 0, 0, 0, 0 },
	};
	int cols = 80, rows = 24, opt, gap_ms = 0;
	const char *keys_path = NULL;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': cols = atoi(optarg); break;
		case 'r': rows = atoi(optarg); break;
		case 'k': keys_path = optarg; break;
		case 'g': gap_ms = atoi(optarg); break;
		default: return usage();
		}
	}
	if (!keys_path || optind >= argc)
		return usage();
	FILE *keys = fopen(keys_path, "r");
	if (!keys)
		die(keys_path);
	char dir[] = "/tmp/bench-pty-XXXXXX", fifo_path[64];
	if (!mkdtemp(dir))
		die("mkdtemp");
	snprintf(fifo_path, sizeof fifo_path, "%s/drawn", dir);
	signal(SIGPIPE, SIG_IGN);
	pty_run r = { 0 };
	double t0 = now_ms();
	start(&r, cols, rows, argv + optind, fifo_path);
	int ok = wait_screen(&r);
	printf("first %.3f %ld\n", r.last_byte - t0, r.bytes);
	char line[256];
	int n = 0;
	long idle_bytes = 0;
	while (ok && fgets(line, sizeof line, keys) && n++ < PTY_MAX_KEYS) {
		char kind[64], key[64], seq[16];
		if (sscanf(line, "%63s %63s", kind, key) != 2)
			continue;
		size_t len = key_bytes(key, seq);
		if (gap_ms > 0) {
			struct timespec gap = { gap_ms / 1000, (long)(gap_ms % 1000) * 1000000L };
			nanosleep(&gap, NULL);
		}
		r.bytes = 0;
		drain(&r);
		idle_bytes += r.bytes;
		r.bytes = 0;
		double sent = now_ms();
		if (write(r.master, seq, len) != (ssize_t)len)
			die("write");
		ok = wait_screen(&r);
		printf("%s %.3f %ld\n", kind, r.last_byte - sent, r.bytes);
	}
	printf("idle 0 %ld\n", idle_bytes);
	kill(r.pid, SIGTERM);
	int status;
	waitpid(r.pid, &status, 0);
	unlink(fifo_path);
	rmdir(dir);
	if (!ok) {
		fprintf(stderr, "bench-pty: the program stopped answering after %d keys\n", n);
		return 1;
	}
	return 0;
}
