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
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* One line, and nothing stored in it may steer the terminal. */
	char *safe = text_escape(msg, 0);
	fprintf(stderr, "ducha: %s\n", safe);
	free(safe);
	return 1;
}

int cli_usage_error(const cli *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *safe = text_escape(msg, 0);
	fprintf(stderr, "ducha %s: %s（用 ducha %s --help 查看用法）\n", c->command, safe, c->command);
	free(safe);
	return 2;
}

output_rules cli_output_rules(const cli *c)
{
	return (output_rules){ c->cfg.report_dir, c->db_path, c->who.user, c->restricted };
}

bool cli_may_write(const cli *c, const char *path)
{
	char why[PATH_MAX + 300], folder[PATH_MAX + 100];
	output_rules r = cli_output_rules(c);
	/* Restricted: the person's own folder exists before a path is judged. */
	if (c->restricted && !cli_output_folder(c, folder, sizeof folder))
		return false;
	if (permission_output_path(&r, path, why, sizeof why))
		return true;
	cli_error("%s", why);
	return false;
}

bool cli_output_folder(const cli *c, char *out, size_t len)
{
	char why[PATH_MAX + 300];
	output_rules r = cli_output_rules(c);
	if (!permission_output_folder(&r, out, len, why, sizeof why) || !print_folder_ensure(out, why, sizeof why)) {
		cli_error("%s", why);
		return false;
	}
	return true;
}

bool cli_open(cli *c, bool write)
{
	return cli_open_mode(c, write ? CLI_OPEN_WRITE : CLI_OPEN_READ);
}

bool cli_open_mode(cli *c, cli_open_how how)
{
	char err[1024];
	bool write = how == CLI_OPEN_WRITE;
	/* What a restore killed half-way left goes at the next start. */
	if (how != CLI_OPEN_READ)
		store_clean_stale(c->db_path);
	c->st = store_open(c->db_path, how == CLI_OPEN_READ ? STORE_READONLY : 0, c->cfg.busy_timeout_ms,
	                   err, sizeof err);
	if (!c->st) {
		cli_error("%s", err);
		return false;
	}
	if (!store_files_private(c->db_path, err, sizeof err))
		cli_error("%s", err);
	if (store_is_snapshot(c->st))
		cli_error("注意：数据库 %s 只能作为只读快照打开（所在文件夹无法建立 -shm 文件），"
		          "显示的可能不是他人刚保存的数据", c->db_path);
	if (write && store_is_readonly(c->st)) {
		cli_error("数据库 %s 是只读的（没有写权限），不能保存；查看命令仍可使用", c->db_path);
		return false;
	}
	if (!store_plan(c->st, c->plan_code, &c->plan)) {
		cli_error("%s", store_error(c->st));
		return false;
	}
	return true;
}

void cli_close(cli *c)
{
	model_plan_free(&c->plan);
	store_close(c->st);
	c->st = NULL;
}

bool cli_wants_help(const cli *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("用法: %s", c->usage);
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
	if (!store_agency_find(c->st, name, id, &found) || !found) {
		cli_error("%s", store_error(c->st));
		return false;
	}
	return true;
}
