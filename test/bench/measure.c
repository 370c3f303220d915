/* Runs a command several times and reports its wall time (median, from
 * fork to exit) and peak resident memory (the largest ru_maxrss of the
 * runs, from wait4), for `make bench`.
 *
 *   bench-measure [-n RUNS] [--fresh PATH] [--each FILE] -- COMMAND [ARG...]
 *
 * --fresh PATH   removes PATH and its -wal and -shm files before each run
 * --each FILE    runs the command once per line of FILE instead, the line's
 *                tab-separated fields appended to its arguments; the total
 *                is then the figure of interest
 *
 * --log FILE     appends "ms exit_status" a run to FILE, and a run that fails
 *                is counted, not fatal (the quarter-end rush counts them)
 * --within-ms W  with --each: spreads the runs evenly over W ms, the first
 *                at a random point of its share (so that many such
 *                processes do not start in step); a run that overruns its
 *                share lets the next start at once
 *
 * The command's output goes to /dev/null; without --log a run that fails
 * stops everything with its exit status and the arguments that failed.
 * Prints one line:
 *   median_ms=… min_ms=… total_ms=… max_rss_kb=… runs=… */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MEASURE_MAX_ARGS = 64, MEASURE_MAX_RUNS = 100000 };

typedef struct measure_run {
	double ms;
	long rss_kb;
	int status;
} measure_run;

static FILE *measure_log;

static double measure_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void measure_fail(char **argv, const char *why)
{
	fprintf(stderr, "bench-measure: %s:", why);
	for (int i = 0; argv[i]; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n");
	exit(1);
}

static void measure_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char name[4096];
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		if (unlink(name) != 0 && errno != ENOENT) {
			perror(name);
			exit(1);
		}
	}
}

static measure_run measure_once(char **argv)
{
	double start = measure_now_ms();
	pid_t pid = fork();
	if (pid < 0)
		measure_fail(argv, "cannot fork");
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			close(null);
		}
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		measure_fail(argv, "wait4 failed");
	measure_run r = { measure_now_ms() - start, ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128 };
	if (!measure_log && r.status != 0)
		measure_fail(argv, "command failed");
	if (measure_log)
		fprintf(measure_log, "%.3f %d\n", r.ms, r.status);
	return r;
}

static int measure_by_ms(const void *a, const void *b)
{
	double x = ((const measure_run *)a)->ms, y = ((const measure_run *)b)->ms;
	return (x > y) - (x < y);
}

/* Splits a line on tabs into argv after the fixed arguments. */
static void measure_append_fields(char *line, char **argv, int fixed)
{
	int n = fixed;
	line[strcspn(line, "\n")] = '\0';
	for (char *tok = strtok(line, "\t"); tok && n < MEASURE_MAX_ARGS - 1; tok = strtok(NULL, "\t"))
		argv[n++] = tok;
	argv[n] = NULL;
}

static int measure_usage(void)
{
	fprintf(stderr, "usage: bench-measure [-n RUNS] [--fresh PATH] [--each FILE] [--log FILE] [--within-ms W]"
	                " -- COMMAND [ARG...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "fresh", required_argument, 0, 'f' }, { "each", required_argument, 0, 'e' },
		{ "log", required_argument, 0, 'l' }, { "within-ms", required_argument, 0, 'w' }, { 0, 0, 0, 0 },
	};
	int runs = 5, opt, within_ms = 0;
	const char *fresh = NULL, *each = NULL;
	while ((opt = getopt_long(argc, argv, "+n:", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': runs = atoi(optarg); break;
		case 'f': fresh = optarg; break;
		case 'e': each = optarg; break;
		case 'w': within_ms = atoi(optarg); break;
		case 'l':
			if (!(measure_log = fopen(optarg, "a"))) {
				perror(optarg);
				return 1;
			}
			setvbuf(measure_log, NULL, _IOLBF, 0);
			break;
		default: return measure_usage();
		}
	}
	int fixed = argc - optind;
	if (fixed < 1 || fixed >= MEASURE_MAX_ARGS - 8 || runs < 1 || runs > MEASURE_MAX_RUNS)
		return measure_usage();
	char *args[MEASURE_MAX_ARGS];
	memcpy(args, argv + optind, (size_t)fixed * sizeof *args);
	args[fixed] = NULL;
	FILE *lines = each ? fopen(each, "r") : NULL;
	if (each && !lines) {
		perror(each);
		return 1;
	}
	measure_run *r = calloc(MEASURE_MAX_RUNS, sizeof *r);
	if (!r)
		return 1;
	int n = 0, planned = 0;
	char line[4096];
	while (lines && within_ms > 0 && fgets(line, sizeof line, lines))
		planned++;
	if (lines)
		rewind(lines);
	double share = planned ? (double)within_ms / planned : 0, t0 = measure_now_ms();
	srand((unsigned)getpid());
	double offset = share * (rand() / (RAND_MAX + 1.0));
	while (n < MEASURE_MAX_RUNS && (lines ? fgets(line, sizeof line, lines) != NULL : n < runs)) {
		if (lines)
			measure_append_fields(line, args, fixed);
		double wait = t0 + offset + n * share - measure_now_ms();
		if (wait > 0) {
			struct timespec ts = { (time_t)(wait / 1000), (long)(fmod(wait, 1000) * 1e6) };
			nanosleep(&ts, NULL);
		}
		if (fresh)
			measure_remove(fresh);
		r[n++] = measure_once(args);
	}
	if (lines)
		fclose(lines);
	double total = 0;
	long rss = 0;
	for (int i = 0; i < n; i++) {
		total += r[i].ms;
		rss = r[i].rss_kb > rss ? r[i].rss_kb : rss;
	}
	qsort(r, (size_t)n, sizeof *r, measure_by_ms);
	double median = n % 2 ? r[n / 2].ms : (r[n / 2 - 1].ms + r[n / 2].ms) / 2;
	printf("median_ms=%.2f min_ms=%.2f total_ms=%.1f max_rss_kb=%ld runs=%d\n", median, r[0].ms, total, rss, n);
	free(r);
	return 0;
}
