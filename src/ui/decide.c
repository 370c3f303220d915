#include "ui_decide.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_calendar.h"
#include "ducha/app_write.h"
#include "ducha/date.h"
#include "ducha/xalloc.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ui_i18n.h"
#include "ui_plans.h"

enum { FORM_Y = 3, REASON_MAX_CHARS = 500 };

typedef struct decide_view {
	view base;
	ui_decision what;
	bool undo;                   /* ACCEPT of an accepted task: 撤销销号 */
	int num;
	char period[16];
	char title[300];
	ui_form form;
} decide_view;

static ui_field *reason_field(decide_view *d) { return &d->form.fields[d->form.n - 1]; }

/* The latest report at or before the as-of quarter, or NULL. */
static const report_rec *latest_report(const ui *u, const task_detail *d)
{
	const report_rec *latest;
	flag_task_phase(d, u->c->as_of, &latest);
	return latest;
}

/* The latest locked report (the one to reopen), or NULL. */
static const report_rec *locked_report(const ui *u, const task_detail *d)
{
	for (int i = d->nreports - 1; i >= 0; i--) {
		const report_rec *r = &d->reports[i];
		if (calendar_lock_of(r->year, r->quarter, u->c->as_of, u->c->cfg.flags.report_grace_days, r) == CALENDAR_LOCKED)
			return r;
	}
	return NULL;
}

static bool prepare_review(ui *u, decide_view *d, const task_detail *t)
{
	const report_rec *r = latest_report(u, t);
	if (!r || r->state != REPORT_SUBMITTED) {
		ui_message(u, true, UI_L("任务 %d 没有待审核的填报", "Task %d has no report waiting for review"), d->num);
		return false;
	}
	static const char *zh[] = { "通过", "退回" }, *en[] = { "pass", "return" };
	snprintf(d->period, sizeof d->period, "%s", r->period);
	snprintf(d->title, sizeof d->title, UI_L("审核 · 任务 %d · %s 的填报（%s 报送）", "Review · task %d · %s (by %s)"), d->num,
	         r->period, r->author);
	ui_form_add_choice(&d->form, UI_L("审核结论", "Decision"), ui_english() ? en : zh, 2, 0);
	ui_form_add_text(&d->form, UI_L("理由（退回时必填）", "Reason (for a return)"), REASON_MAX_CHARS, "");
	return true;
}

static bool prepare_reopen(ui *u, decide_view *d, const task_detail *t)
{
	const report_rec *r = locked_report(u, t);
	if (!r) {
		ui_message(u, true, UI_L("任务 %d 没有已锁定的填报", "Task %d has no locked report"), d->num);
		return false;
	}
	snprintf(d->period, sizeof d->period, "%s", r->period);
	snprintf(d->title, sizeof d->title, UI_L("重新打开 · 任务 %d · %s 的填报", "Reopen · task %d · %s"), d->num, r->period);
	ui_form_add_text(&d->form, UI_L("理由", "Reason"), REASON_MAX_CHARS, "");
	return true;
}

static bool prepare_accept(ui *u, decide_view *d, const task_detail *t)
{
	char why[400];
	d->undo = flag_task_phase(t, u->c->as_of, NULL) == TASK_ACCEPTED;
	if (!d->undo && flag_task_phase(t, u->c->as_of, NULL) != TASK_REPORTED_DONE) {
		const report_rec *r = latest_report(u, t);
		snprintf(why, sizeof why, r ? UI_L("最新填报（%s）没有报“已完成”", "the latest report (%s) does not say completed")
		                            : UI_L("还没有填报", "there is no report yet%s"), r ? r->period : "");
		ui_message(u, true, UI_L("任务 %d 不能销号：%s", "Task %d cannot be accepted: %s"), d->num, why);
		return false;
	}
	snprintf(d->title, sizeof d->title, d->undo ? UI_L("撤销销号 · 任务 %d（按 F2 确认）", "Undo acceptance · task %d (F2 confirms)")
	                                            : UI_L("销号 · 任务 %d（按 F2 确认，Esc 取消）", "Accept · task %d (F2 confirms, Esc cancels)"),
	         d->num);
	ui_form_add_text(&d->form, d->undo ? UI_L("理由（必填）", "Reason (required)") : UI_L("备注（可不填）", "Remark (optional)"),
	                 REASON_MAX_CHARS, "");
	return true;
}

static app_result decide(ui *u, decide_view *d, const task_detail *t, const char *reason, char *why, size_t len)
{
	switch (d->what) {
	case UI_DECIDE_REVIEW: {
		bool pass = d->form.fields[0].choice == 0;
		return app_review(u->c, t, d->period, pass, reason, why, len);
	}
	case UI_DECIDE_REOPEN: return app_reopen(u->c, t, d->period, reason, why, len);
	case UI_DECIDE_ACCEPT: break;
	}
	return d->undo ? app_unaccept(u->c, t, reason, why, len) : app_accept(u->c, t, why, len);
}

static void done_message(decide_view *d, char *buf, size_t len)
{
	if (d->what == UI_DECIDE_REVIEW && d->form.fields[0].choice == 0)
		snprintf(buf, len, UI_L("已通过：任务 %d %s 的填报", "Passed: task %d, %s"), d->num, d->period);
	else if (d->what == UI_DECIDE_REVIEW)
		snprintf(buf, len, UI_L("已退回：任务 %d %s 的填报（单位重新报送后才计入）", "Returned: task %d, %s (it counts once resubmitted)"),
		         d->num, d->period);
	else if (d->what == UI_DECIDE_REOPEN)
		snprintf(buf, len, UI_L("已重新打开：任务 %d %s 的填报，单位可以再报送一次", "Reopened: task %d, %s"), d->num, d->period);
	else
		snprintf(buf, len, d->undo ? UI_L("已撤销销号：任务 %d", "Acceptance undone: task %d") : UI_L("已销号：任务 %d", "Accepted: task %d"),
		         d->num);
}

static void save(ui *u, decide_view *d)
{
	char why[600];
	char *reason = ui_edit_text(&reason_field(d)->edit);
	const ui_task *t = ui_data_task(&u->data, d->num);
	app_result r = t ? decide(u, d, &t->d, reason, why, sizeof why) : APP_FAILED;
	if (!t)
		snprintf(why, sizeof why, "%s", u->data.err);
	free(reason);
	if (r == APP_REPLACED) {
		ui_reopen_database(u);
		return;
	}
	if (r != APP_OK) {
		ui_message(u, true, UI_L("没有保存：%s", "Not saved: %s"), why);
		return;
	}
	int num = d->num;
	char done[200];
	done_message(d, done, sizeof done);
	ui_pop(u);
	ui_data_forget(&u->data, num);
	ui_relayout(u);
	ui_message(u, false, "%s", done);
}

static void decide_draw(ui *u, view *v)
{
	decide_view *d = (decide_view *)v;
	ui_put(1, 1, COLS - 2, d->title, UI_E_HEADER);
	ui_form_draw(&d->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static bool decide_action(ui *u, view *v, ui_action a)
{
	decide_view *d = (decide_view *)v;
	if (a == UI_ACT_SAVE) {
		save(u, d);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		ui_pop(u);
		return true;
	}
	return ui_form_action(&d->form, a);
}

static void decide_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	ui_form_view_text(&((decide_view *)v)->form, cp);
}

static void decide_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((decide_view *)v)->form, ev);
}

static int decide_task(ui *u, view *v)
{
	(void)u;
	return ((decide_view *)v)->num;
}

static void decide_free(view *v)
{
	ui_form_free(&((decide_view *)v)->form);
	free(v);
}

static const ui_action decide_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops decide_ops = {
	.explain = {
		"审核：通过，或退回并写明原因（原因会显示给填报单位）；退回的填报不计入判定。"
		"销号：任务已报完成、经核实无误后关闭任务；撤销销号要写原因。"
		"重新打开：已锁定的季度填报允许该单位再报一次，要写原因。F2 确定，Esc 取消。",
		"Review: pass, or return with a reason (shown to the agency); a returned report does not count. Accept: close "
		"a task reported completed once checked; undoing it needs a reason. Reopen: let the agency file a locked "
		"quarter once more, with a reason. F2 confirms, Esc cancels.",
	},
	.name = "decide",
	.scope = UI_SCOPE_EDIT,
	.draw = decide_draw,
	.action = decide_action,
	.text = decide_text,
	.mouse = decide_mouse,
	.task = decide_task,
	.free = decide_free,
	.hints = decide_hints,
};

view *ui_decide_new(ui *u, int num, ui_decision what)
{
	permission_action perm = what == UI_DECIDE_ACCEPT ? PERM_ACCEPT : PERM_REVIEW;
	if (num <= 0 || !ui_may_write(u, num, perm))
		return NULL;
	ui_data_forget(&u->data, num);
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return NULL;
	}
	decide_view *d = xcalloc(1, sizeof *d);
	d->base.ops = &decide_ops;
	d->what = what;
	d->num = num;
	ui_form_init(&d->form);
	bool ok = what == UI_DECIDE_REVIEW ? prepare_review(u, d, &t->d)
	          : what == UI_DECIDE_REOPEN ? prepare_reopen(u, d, &t->d) : prepare_accept(u, d, &t->d);
	if (!ok) {
		decide_free(&d->base);
		return NULL;
	}
	return &d->base;
}
