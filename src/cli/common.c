#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/print.h"
#include "ducha/text.h"

int cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	app_verror(fmt, ap);
	va_end(ap);
	return 1;
}

int cli_usage_error(const cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *safe = text_escape_vprintf(0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "ducha %s: %s（用 ducha %s --help 查看用法）\n", c->command, safe, c->command);
	free(safe);
	return 2;
}

bool cli_may_write(const cli *c, const char *path)
{
	char why[PATH_MAX + 300], folder[PATH_MAX + 100];
	output_rules r = app_output_rules(&c->app);
	/* Restricted: the person's own folder exists before a path is judged. */
	if (c->app.restricted && !cli_output_folder(c, folder, sizeof folder))
		return false;
	if (permission_output_path(&r, path, why, sizeof why))
		return true;
	cli_error("%s", why);
	return false;
}

bool cli_output_folder(const cli *c, char *out, size_t len)
{
	char why[PATH_MAX + 300];
	output_rules r = app_output_rules(&c->app);
	if (!permission_output_folder(&r, out, len, why, sizeof why) || !print_folder_ensure(out, why, sizeof why)) {
		cli_error("%s", why);
		return false;
	}
	return true;
}

bool cli_open(cli *c, bool write)
{
	return cli_open_mode(c, write ? APP_OPEN_WRITE : APP_OPEN_READ);
}

bool cli_open_mode(cli *c, app_open_how how)
{
	char err[1024], warn[2048];
	bool ok = app_open(&c->app, how, err, sizeof err, warn, sizeof warn);
	/* Each warning on a line of its own, then the error, as before. */
	for (char *line = warn, *next; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		cli_error("%s", line);
	}
	if (!ok)
		cli_error("%s", err);
	return ok;
}

void cli_close(cli *c)
{
	app_close(&c->app);
}

bool cli_wants_help(const cli *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_print_usage(c->spec, stdout);
			return true;
		}
	}
	return false;
}

bool cli_parse_task(const cli *c, const char *arg, int *num)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno || v < 1 || v > 100000) {
		cli_usage_error(c, "\"%s\" 不是任务序号（应为正整数，如 15）", arg);
		return false;
	}
	*num = (int)v;
	return true;
}

bool cli_parse_area(const cli *c, const char *arg, int *area)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno || v < 1 || v > 99) {
		cli_usage_error(c, "--area \"%s\" 应为领域编号（内置方案为 1–5）", arg);
		return false;
	}
	*area = (int)v;
	return true;
}

bool cli_find_agency(cli *c, const char *name, int64_t *id)
{
	bool found = false;
	if (!store_agency_find(c->app.st, name, id, &found) || !found) {
		cli_error("%s", store_error(c->app.st));
		return false;
	}
	return true;
}

bool cli_open_listing(cli *c, const char *agency, task_filter *f)
{
	return cli_open(c, false) && (!agency || cli_find_agency(c, agency, &f->agency_id));
}

int cli_open_task(cli *c, int num, task_detail *d)
{
	bool found;
	if (!cli_open(c, true))
		return 1;
	if (!store_task_detail(c->app.st, c->app.plan.id, num, d, &found))
		return cli_error("%s", store_error(c->app.st));
	return 0;
}
