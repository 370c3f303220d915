#include "ducha/app_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/xalloc.h"

bool app_may(const app *a, permission_action what, const task_rec *t, char *why, size_t len)
{
	if (store_is_readonly(a->st)) {
		snprintf(why, len, "数据库 %s 以只读方式打开，不能保存", a->db_path);
		return false;
	}
	return permission_check(&a->who, what, t, why, len);
}

app_result app_store_failure(const app *a, char *msg, size_t len)
{
	snprintf(msg, len, "%s", store_error(a->st));
	switch (store_last_failure(a->st)) {
	case STORE_FAIL_CONFLICT: return APP_CONFLICT;
	case STORE_FAIL_BUSY: return APP_BUSY;
	case STORE_FAIL_REPLACED: return APP_REPLACED;
	case STORE_FAIL_DENIED:   /* the SQL's own check, or a rule of the store's: its message says */
	case STORE_FAIL_NONE:
	case STORE_FAIL_ERROR: break;
	}
	return APP_FAILED;
}

static bool report_allowed(app *a, const task_rec *t, const report_input *in, report_input *out, char *msg,
                           size_t len);

app_result app_save_report(app *a, const task_rec *t, const report_input *in, char *msg, size_t len)
{
	report_input normal;
	if (!report_allowed(a, t, in, &normal, msg, len))
		return APP_REFUSED;
	return store_save_report(a->st, &a->who, &normal) ? APP_OK : app_store_failure(a, msg, len);
}

static app_result add_note(app *a, const task_rec *t, const char *kind, const char *text, bool sample, char *msg,
                           size_t len)
{
	permission_action what = strcmp(kind, "comment") == 0 ? PERM_COMMENT : PERM_PROGRESS;
	if (!app_may(a, what, t, msg, len))
		return APP_REFUSED;
	return store_add_note(a->st, &a->who, t->id, kind, text, sample) ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_add_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg, size_t len)
{
	return add_note(a, t, kind, text, false, msg, len);
}

app_result app_add_sample_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg,
                               size_t len)
{
	return add_note(a, t, kind, text, true, msg, len);
}

/* The rules of one report's input; its period normalised into out. */
static bool report_allowed(app *a, const task_rec *t, const report_input *in, report_input *out, char *msg,
                           size_t len)
{
	int y, q;
	if (!app_may(a, PERM_REPORT, t, msg, len))
		return false;
	if (!period_parse(in->period, &y, &q)) {
		snprintf(msg, len, "填报季度 \"%s\" 应为 YYYYQn（n 为 1–4），如 2017Q4", in->period);
		return false;
	}
	if (!period_allowed(y, q, a->plan.starts, a->as_of, msg, len))
		return false;
	*out = *in;
	period_format(y, q, out->period);
	return true;
}

app_result app_save_reports(app *a, const task_rec *const *tasks, const report_input *in, int n, int *failed_at,
                            char *msg, size_t len)
{
	report_input *normal = xcalloc((size_t)n + 1, sizeof *normal);
	*failed_at = -1;
	for (int i = 0; i < n; i++)
		if (!report_allowed(a, tasks[i], &in[i], &normal[i], msg, len)) {
			*failed_at = i;
			free(normal);
			return APP_REFUSED;
		}
	bool ok = store_save_reports(a->st, &a->who, normal, n, failed_at);
	free(normal);
	return ok ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_accept(app *a, const task_rec *t, char *msg, size_t len)
{
	char upto[PERIOD_TEXT_SIZE];
	int y, q;
	if (!app_may(a, PERM_ACCEPT, t, msg, len))
		return APP_REFUSED;
	period_of_date(a->as_of, &y, &q);
	period_format(y, q, upto);
	return store_accept_task(a->st, &a->who, t->id, upto) ? APP_OK : app_store_failure(a, msg, len);
}
