#include "ducha/app_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_calendar.h"
#include "ducha/date.h"
#include "ducha/validate.h"
#include "ducha/wording.h"
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

static app_result report_allowed(app *a, const task_detail *d, const report_input *in, report_input *out,
                                 char *msg, size_t len);

app_result app_save_report(app *a, const task_detail *d, const report_input *in, char *msg, size_t len)
{
	report_input normal;
	app_result r = report_allowed(a, d, in, &normal, msg, len);
	if (r != APP_OK)
		return r;
	return store_save_report(a->st, &a->who, &normal) ? APP_OK : app_store_failure(a, msg, len);
}

static app_result add_note(app *a, const task_rec *t, const char *kind, const char *text, bool sample, char *msg,
                           size_t len)
{
	if (!app_may(a, permission_of_note_kind(kind), t, msg, len))
		return APP_REFUSED;
	bool ok = store_add_note_at(a->st, &a->who, t->id, kind, text, sample, sample ? a->stamp : NULL);
	return ok ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_add_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg, size_t len)
{
	return add_note(a, t, kind, text, false, msg, len);
}

const note_rec *app_find_note(const task_detail *d, int64_t note_id)
{
	for (int i = 0; i < d->nnotes; i++)
		if (d->notes[i].id == note_id)
			return &d->notes[i];
	return NULL;
}

/* text NULL: withdraw. */
static app_result change_note(app *a, const task_detail *d, int64_t note_id, const char *text, char *msg,
                              size_t len)
{
	const note_rec *n = app_find_note(d, note_id);
	if (!n) {
		snprintf(msg, len, "任务 %d 没有编号为 %lld 的记录（或已撤回）", d->task.num, (long long)note_id);
		return APP_REFUSED;
	}
	if (!permission_may_change_note(&a->who, n, &d->task, msg, len) ||
	    !app_may(a, permission_of_note_kind(n->kind), &d->task, msg, len))
		return APP_REFUSED;
	if (text && strcmp(text, n->text) == 0) {
		snprintf(msg, len, "内容没有改动，没有保存");
		return APP_REFUSED;
	}
	bool ok = text ? store_edit_note(a->st, &a->who, note_id, text) : store_withdraw_note(a->st, &a->who, note_id);
	return ok ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_edit_note(app *a, const task_detail *d, int64_t note_id, const char *text, char *msg, size_t len)
{
	return change_note(a, d, note_id, text, msg, len);
}

app_result app_withdraw_note(app *a, const task_detail *d, int64_t note_id, char *msg, size_t len)
{
	return change_note(a, d, note_id, NULL, msg, len);
}

app_result app_add_sample_note(app *a, const task_rec *t, const char *kind, const char *text, char *msg,
                               size_t len)
{
	return add_note(a, t, kind, text, true, msg, len);
}

/* The lock of the quarter (迟报 noted in out); an administrator is not held
 * by it. */
static bool unlocked(app *a, const task_detail *d, int y, int q, report_input *out, char *msg, size_t len)
{
	int grace = a->cfg.flags.report_grace_days;
	calendar_lock lock = calendar_lock_of(y, q, a->as_of, grace, model_report_of(d, y, q));
	out->late = lock == CALENDAR_LATE;
	if (lock != CALENDAR_LOCKED || a->who.role == ROLE_ADMIN)
		return true;
	char due[DATE_TEXT_SIZE];
	date_format(calendar_due_date(y, q, grace), due);
	snprintf(msg, len, "%s 的填报已于 %s 截止并锁定：需要督查人员重新打开（ducha reopen）后才能再报送", out->period,
	         due);
	return false;
}

static const indicator_rec *indicator_of(const task_detail *d, int64_t id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == id)
			return &d->indicators[i];
	return NULL;
}

/* The last figure of an indicator reported before quarter (y, q), or -1. */
static double last_figure(const task_detail *d, int64_t id, int y, int q, char period[PERIOD_TEXT_SIZE])
{
	int n;
	value_point *pts = model_indicator_series(d, id, &n);
	double v = -1;
	for (int i = 0; i < n; i++)
		if (pts[i].year * 4 + pts[i].quarter < y * 4 + q) {
			v = pts[i].value;
			period_format(pts[i].year, pts[i].quarter, period);
		}
	free(pts);
	return v;
}

/* Figures a person should look at twice: a cumulative figure below the
 * last, more than 3× the target or the last figure. */
static bool plausible(const task_detail *d, const report_input *in, int y, int q, char *msg, size_t len)
{
	size_t used = 0;
	msg[0] = '\0';
	for (int i = 0; i < in->nvalues && used < len; i++) {
		const indicator_rec *ind = indicator_of(d, in->indicator_ids[i]);
		char period[PERIOD_TEXT_SIZE] = "", v[48], w[48];
		if (!ind || ind->milestone)
			continue;
		double last = last_figure(d, ind->id, y, q, period), value = in->values[i];
		bool same_year = period[0] && atoi(period) == y;
		wording_number(value, v, sizeof v);
		const char *sep = used ? "；" : "";
		if (!model_mode_yearly(ind->mode) && last >= 0 && value < last) {
			wording_number(last, w, sizeof w);
			used += (size_t)snprintf(msg + used, len - used, "%s%s %s 低于上次（%s）的 %s：累计数不会减少", sep,
			                         ind->name, v, period, w);
		} else if (ind->target > 0 && value > 3 * ind->target) {
			wording_number(ind->target, w, sizeof w);
			used += (size_t)snprintf(msg + used, len - used, "%s%s %s 超过目标 %s 的 3 倍", sep, ind->name, v, w);
		} else if (last > 0 && value > 3 * last && (!model_mode_yearly(ind->mode) || same_year)) {
			wording_number(last, w, sizeof w);
			used += (size_t)snprintf(msg + used, len - used, "%s%s %s 超过上次（%s）%s 的 3 倍", sep, ind->name, v,
			                         period, w);
		}
	}
	return msg[0] == '\0';
}

/* The rules of one report's input; its period normalised into out. */
static app_result report_allowed(app *a, const task_detail *d, const report_input *in, report_input *out,
                                 char *msg, size_t len)
{
	int y, q;
	if (!app_may(a, PERM_REPORT, &d->task, msg, len))
		return APP_REFUSED;
	if (!period_parse(in->period, &y, &q)) {
		snprintf(msg, len, "填报季度 \"%s\" 应为 YYYYQn（n 为 1–4），如 2017Q4", in->period);
		return APP_REFUSED;
	}
	if (!period_allowed(y, q, a->plan.starts, a->as_of, msg, len))
		return APP_REFUSED;
	*out = *in;
	period_format(y, q, out->period);
	if (!unlocked(a, d, y, q, out, msg, len))
		return APP_REFUSED;
	if (in->nvalues == 0 && !in->status && (!in->note || !*in->note)) {
		snprintf(msg, len, "没有要保存的内容：至少填一个指标值、任务状态或进展说明");
		return APP_REFUSED;
	}
	if (!in->confirmed && !plausible(d, in, y, q, msg, len))
		return APP_CONFIRM;
	return APP_OK;
}

app_result app_save_reports(app *a, const task_detail *const *tasks, const report_input *in, int n,
                            int *failed_at, char *msg, size_t len)
{
	report_input *normal = xcalloc((size_t)n + 1, sizeof *normal);
	*failed_at = -1;
	for (int i = 0; i < n; i++) {
		app_result r = report_allowed(a, tasks[i], &in[i], &normal[i], msg, len);
		if (r != APP_OK) {
			*failed_at = i;
			free(normal);
			return r;
		}
	}
	bool ok = store_save_reports(a->st, &a->who, normal, n, failed_at);
	free(normal);
	return ok ? APP_OK : app_store_failure(a, msg, len);
}

typedef struct quarter_text { char text[PERIOD_TEXT_SIZE]; } quarter_text;

static quarter_text as_of_quarter(const app *a)
{
	quarter_text q;
	int y, n;
	period_of_date(a->as_of, &y, &n);
	period_format(y, n, q.text);
	return q;
}

/* The one reason a task cannot be accepted now, or false. */
static bool accept_refused(const app *a, const task_detail *d, char *msg, size_t len)
{
	const report_rec *r = flag_counting_report(d, a->as_of);
	if (strcmp(d->task.status, "accepted") == 0)
		snprintf(msg, len, "任务 %d 已于 %.10s 由 %s 销号", d->task.num, d->task.accepted_at, d->task.accepted_by);
	else if (!r && d->nreports && !model_report_counts(&d->reports[d->nreports - 1]))
		snprintf(msg, len, "任务 %d 的填报已退回，待重新报送，不能销号", d->task.num);
	else if (!r && d->nreports)
		snprintf(msg, len, "任务 %d 截至 %s 还没有填报（%s 在截至日期所在季度之后，不算），不能销号", d->task.num,
		         as_of_quarter(a).text, d->reports[d->nreports - 1].period);
	else if (!r)
		snprintf(msg, len, "任务 %d 还没有填报，不能销号", d->task.num);
	else if (strcmp(r->status, "completed") != 0)
		snprintf(msg, len, "任务 %d 的最新填报（%s，%s）没有报“已完成”，不能销号", d->task.num, r->period,
		         model_status_label(r->status, false));
	else
		return false;
	return true;
}

app_result app_accept(app *a, const task_detail *d, char *msg, size_t len)
{
	char upto[PERIOD_TEXT_SIZE];
	int y, q;
	if (!app_may(a, PERM_ACCEPT, &d->task, msg, len) || accept_refused(a, d, msg, len))
		return APP_REFUSED;
	period_of_date(a->as_of, &y, &q);
	period_format(y, q, upto);
	return store_accept_task(a->st, &a->who, d->task.id, upto, a->stamp) ? APP_OK : app_store_failure(a, msg, len);
}

static bool reason_given(const char *reason, const char *what, char *msg, size_t len)
{
	text_rule rule = { what, 500, false, true };
	if (!reason || !*reason) {
		snprintf(msg, len, "请写明%s", what);
		return false;
	}
	return validate_text(&rule, reason, msg, len);
}

app_result app_unaccept(app *a, const task_detail *d, const char *reason, char *msg, size_t len)
{
	if (!app_may(a, PERM_ACCEPT, &d->task, msg, len) || !reason_given(reason, "撤销销号的理由", msg, len))
		return APP_REFUSED;
	if (strcmp(d->task.status, "accepted") != 0) {
		snprintf(msg, len, "任务 %d 没有销号，无从撤销", d->task.num);
		return APP_REFUSED;
	}
	return store_unaccept_task(a->st, &a->who, d->task.id, reason) ? APP_OK : app_store_failure(a, msg, len);
}

/* The report of a period ("YYYYQn", lower case too) of d, with a message when none. */
static const report_rec *period_report(const task_detail *d, const char *period, char out[PERIOD_TEXT_SIZE],
                                       char *msg, size_t len)
{
	int y, q;
	if (!period_parse(period, &y, &q)) {
		snprintf(msg, len, "季度 \"%s\" 应为 YYYYQn（n 为 1–4），如 2017Q4", period);
		return NULL;
	}
	period_format(y, q, out);
	const report_rec *r = model_report_of(d, y, q);
	if (!r)
		snprintf(msg, len, "任务 %d 还没有 %s 的填报", d->task.num, out);
	return r;
}

app_result app_review(app *a, const task_detail *d, const char *period, bool pass, const char *reason, char *msg,
                      size_t len)
{
	char p[PERIOD_TEXT_SIZE];
	if (!app_may(a, PERM_REVIEW, &d->task, msg, len))
		return APP_REFUSED;
	const report_rec *r = period_report(d, period, p, msg, len);
	if (!r || (!pass && !reason_given(reason, "退回的理由", msg, len)))
		return APP_REFUSED;
	if (r->state != REPORT_SUBMITTED) {
		snprintf(msg, len, "任务 %d %s 的填报%s，不是待审核的", d->task.num, p, model_report_state_label(r->state, false));
		return APP_REFUSED;
	}
	bool ok = store_review_report(a->st, &a->who, d->task.id, p, pass, pass ? (reason ? reason : "") : reason, a->stamp);
	return ok ? APP_OK : app_store_failure(a, msg, len);
}

app_result app_reopen(app *a, const task_detail *d, const char *period, const char *reason, char *msg, size_t len)
{
	char p[PERIOD_TEXT_SIZE], due[DATE_TEXT_SIZE];
	if (!app_may(a, PERM_REVIEW, &d->task, msg, len))
		return APP_REFUSED;
	const report_rec *r = period_report(d, period, p, msg, len);
	if (!r) {
		snprintf(msg + strlen(msg), len - strlen(msg), "：逾期的首次填报可以直接报送（记为迟报），无需重新打开");
		return APP_REFUSED;
	}
	if (!reason_given(reason, "重新打开的理由", msg, len))
		return APP_REFUSED;
	int grace = a->cfg.flags.report_grace_days;
	calendar_lock lock = calendar_lock_of(r->year, r->quarter, a->as_of, grace, r);
	date_format(calendar_due_date(r->year, r->quarter, grace), due);
	if (lock == CALENDAR_OPEN || lock == CALENDAR_REOPENED) {
		snprintf(msg, len, lock == CALENDAR_OPEN ? "任务 %d %s 的填报到 %s 截止，还没有锁定，单位可以直接修改"
		                                         : "任务 %d %s 的填报已经重新打开（截止 %s），等待单位报送",
		         d->task.num, p, due);
		return APP_REFUSED;
	}
	return store_reopen_report(a->st, &a->who, d->task.id, p, reason) ? APP_OK : app_store_failure(a, msg, len);
}
