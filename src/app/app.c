#include "ducha/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"

int app_verror(const char *fmt, va_list ap)
{
	char *safe = text_escape_vprintf(0, fmt, ap);
	fprintf(stderr, "ducha: %s\n", safe);
	free(safe);
	return 1;
}

int app_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	app_verror(fmt, ap);
	va_end(ap);
	return 1;
}

app_lang app_language(const config *cfg)
{
	return strcmp(cfg->lang, "en") == 0 ? APP_LANG_EN : APP_LANG_ZH;
}

static void add_warning(char *warn, size_t len, const char *text)
{
	size_t n = strlen(warn);
	snprintf(warn + n, len - n, "%s%s", n ? "\n" : "", text);
}

bool app_open(app *a, app_open_how how, char *err, size_t errlen, char *warn, size_t warnlen)
{
	char why[1024];
	warn[0] = '\0';
	a->lang = app_language(&a->cfg);
	/* What a restore killed half-way left goes at the next start. */
	if (how != APP_OPEN_READ)
		store_clean_stale(a->db_path);
	a->st = store_open(a->db_path, how == APP_OPEN_READ ? STORE_READONLY : 0, a->cfg.busy_timeout_ms,
	                   err, errlen);
	if (!a->st)
		return false;
	if (!store_files_private(a->db_path, why, sizeof why))
		add_warning(warn, warnlen, why);
	if (store_is_snapshot(a->st)) {
		snprintf(why, sizeof why, "注意：数据库 %s 只能作为只读快照打开（所在文件夹无法建立 -shm 文件），"
		                          "显示的可能不是他人刚保存的数据", a->db_path);
		add_warning(warn, warnlen, why);
	}
	if (how == APP_OPEN_WRITE && store_is_readonly(a->st)) {
		snprintf(err, errlen, "数据库 %s 是只读的（没有写权限），不能保存；查看命令仍可使用", a->db_path);
		return false;
	}
	if (!store_plan(a->st, a->plan_code, &a->plan)) {
		snprintf(err, errlen, "%s", store_error(a->st));
		return false;
	}
	return true;
}

void app_close(app *a)
{
	model_plan_free(&a->plan);
	store_close(a->st);
	a->st = NULL;
}

output_rules app_output_rules(const app *a)
{
	return (output_rules){ a->cfg.report_dir, a->db_path, a->who.user, a->restricted };
}
