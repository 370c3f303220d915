/* A task in full, scrolled: what it is, who does it, how far along it is
 * and why it has its flag, and everything reported on it, newest first. */
#include "ui_task.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/table.h"
#include "ducha/text.h"
#include "ui_doc.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

enum { LABEL_W = 10, DOC_X = 1 };


typedef struct task_view {
	view base;
	int num;
	ui_doc doc;
	char mark[128];             /* the search that opened it: highlighted */
	bool scrolled_to_mark;
} task_view;

/* The labels under an indicator: two Chinese characters, or a short English word. */
static int sub_w(void)
{
	return ui_english() ? 8 : 6;
}

static void add_flag(ui_doc *d, flag_value f)
{
	char shown[64];
	snprintf(shown, sizeof shown, "%s", flag_shown(f, ui_english()));
	ui_doc_add(d, shown, ui_flag_elem(f));
}

static void list_para(ui_doc *d, const char *label, const char *joined)
{
	size_t n = strlen(joined), k = 0;
	char *shown = xmalloc(n * 3 + 4);
	for (size_t i = 0; i < n; i++) {
		if (joined[i] == ';') {
			memcpy(shown + k, "、", 3);
			k += 3;
		} else {
			shown[k++] = joined[i];
		}
	}
	snprintf(shown + k, 4, "%s", k ? "" : "—");
	ui_doc_para(d, 0, label, LABEL_W, shown, UI_E_NORMAL);
	free(shown);
}

static void build_head(ui_doc *d, const ui_task *t)
{
	const task_rec *r = &t->d.task;
	char head[200], cn[16], measure[600];
	snprintf(head, sizeof head, UI_L("任务 %d  【%s】  ", "Task %d  [%s]  "), r->num, r->area_short);
	ui_doc_line_start(d, 0);
	ui_doc_add(d, head, UI_E_HEADER);
	add_flag(d, t->st.flag);
	ui_doc_blank(d);
	text_cn_number(r->measure_num, cn, sizeof cn);
	snprintf(measure, sizeof measure, UI_L("（%s）%s", "(%s) %s"), cn, r->measure_title);
	ui_doc_para(d, 0, UI_L("所属措施", "Measure"), LABEL_W, measure, UI_E_NORMAL);
	ui_doc_para(d, 0, UI_L("重点任务", "Task"), LABEL_W, r->text, UI_E_NORMAL);
}

static void build_facts(ui_doc *d, const ui_task *t, int as_of)
{
	const task_rec *r = &t->d.task;
	char deadline[400];
	char dues[300];
	wording_dues(r, ui_english(), dues, sizeof dues);
	snprintf(deadline, sizeof deadline, "%s  →  %s", r->deadline, dues);
	ui_doc_para(d, 0, UI_L("完成时限", "Deadline"), LABEL_W, deadline, UI_E_NORMAL);
	list_para(d, UI_L("牵头单位", "Lead"), r->lead);
	list_para(d, UI_L("配合单位", "Support"), r->support);
	char status[900];
	wording_task_status(&t->d, as_of, ui_english(), status, sizeof status);
	ui_doc_para(d, 0, UI_L("任务状态", "Status"), LABEL_W, status, UI_E_NORMAL);
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("预警      ", "Flag      "), UI_E_LABEL);
	add_flag(d, t->st.flag);
	ui_doc_para(d, 0, "", LABEL_W, t->st.reason, UI_E_NORMAL);
}

/* "实际 151 家（2017Q3）  序时 188 家（94.2%）  差 37 家": the words show and the reasons use. */
static void progress_text(const indicator_rec *i, const indicator_state *s, char *buf, size_t len)
{
	char a[96], e[96], g[96], label[64];
	wording_actual(i, s, true, ui_english(), a, sizeof a);
	wording_expected(i, s, ui_english(), e, sizeof e);
	wording_expected_label(i, s, ui_english(), label, sizeof label);
	wording_gap(i, s, ui_english(), g, sizeof g);
	snprintf(buf, len, UI_L("实际 %s  %s %s%s%s", "actual %s  %s %s%s%s"), a, label, e, *g ? "  " : "", g);
}

/* A figure in a trend column, or "-". */
static void trend_value(bool has, double v, char *buf, size_t len)
{
	if (has)
		wording_quantity(v, "", WORDING_COMPUTED, buf, len);
	else
		snprintf(buf, len, "-");
}

/* One row of the trend: the block's label on the first, the row's label,
 * then a cell per quarter, right-aligned. */
static void trend_row(ui_doc *d, const char *block, const char *label, char cells[][24], int n, int cell_w)
{
	char head[64];
	int pad = sub_w() - text_width(block);
	snprintf(head, sizeof head, "%s%*s%s", block, pad > 0 ? pad : 0, "", label);
	ui_doc_row(d, 5, head, text_width(head), cells, n, cell_w, UI_E_NORMAL);
}

/* The indicator's quarters side by side: the figure, 序时 at the quarter's
 * end, and a bar of how far along to the target (▁ to █), as many
 * quarters as the width holds, the latest last. */
static void build_trend(ui_doc *d, const ui_task *t, const plan_rec *plan, const indicator_rec *i, int as_of)
{
	enum { TREND_MAX = 16, CELL_W = 8 };
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	int fit = (d->width - 5 - sub_w() - 4) / CELL_W;
	flag_trend_point pts[TREND_MAX];
	int n = flag_trend(&t->d, plan, i, as_of, pts, fit < TREND_MAX ? fit : TREND_MAX);
	if (n < 2)
		return;
	char quarters[TREND_MAX][24], actual[TREND_MAX][24], expected[TREND_MAX][24], bar[TREND_MAX][24];
	for (int k = 0; k < n; k++) {
		period_format(pts[k].year, pts[k].quarter, quarters[k]);
		trend_value(pts[k].has_actual, pts[k].actual, actual[k], sizeof actual[k]);
		trend_value(pts[k].has_expected, pts[k].expected, expected[k], sizeof expected[k]);
		snprintf(bar[k], sizeof bar[k], "%s", pts[k].has_share ? bars[(int)(pts[k].share * 7 + 0.5)] : " ");
	}
	trend_row(d, UI_L("趋势", "Trend"), UI_L("季度", "Qtr "), quarters, n, CELL_W);
	trend_row(d, "", UI_L("实际", "Act."), actual, n, CELL_W);
	trend_row(d, "", UI_L("序时", "Exp."), expected, n, CELL_W);
	trend_row(d, "", UI_L("完成", "Done"), bar, n, CELL_W);
}

static void build_indicator(ui_doc *d, const indicator_rec *i, const indicator_state *s, int as_of)
{
	char line[600], target[128], due[DATE_TEXT_SIZE];
	snprintf(line, sizeof line, "%d. %s  ", i->ord, i->name);
	ui_doc_line_start(d, 2);
	ui_doc_add(d, line, UI_E_HEADER);
	add_flag(d, s->flag);
	wording_target(i, s->target, ui_english(), target, sizeof target);
	date_format(s->due ? s->due : i->due, due);
	snprintf(line, sizeof line, UI_L("%s，%s %s", "%s, %s %s"), target,
	         model_mode_yearly(i->mode) ? UI_L("本期截至", "this year's due") : UI_L("截至", "due"), due);
	ui_doc_para(d, 5, UI_L("目标", "Target"), sub_w(), line, UI_E_NORMAL);
	wording_definition(i, ui_english(), line, sizeof line);
	ui_doc_para(d, 5, UI_L("口径", "Basis"), sub_w(), line, UI_E_NORMAL);
	progress_text(i, s, line, sizeof line);
	ui_doc_para(d, 5, UI_L("进度", "Now"), sub_w(), line, UI_E_NORMAL);
	ui_doc_para(d, 5, UI_L("原因", "Why"), sub_w(), s->reason, UI_E_NORMAL);
	wording_forecast(i, s, as_of, ui_english(), line, sizeof line);
	ui_doc_para(d, 5, UI_L("预测", "Next"), sub_w(), line, UI_E_NORMAL);
}

static void build_indicators(ui_doc *d, const ui_task *t, const plan_rec *plan, int as_of)
{
	ui_doc_blank(d);
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("量化指标", "Indicators"), UI_E_HEADER);
	if (t->d.nindicators == 0)
		ui_doc_para(d, 2, NULL, 0, UI_L("（无量化指标，按任务状态和完成时限督查）",
		                                "(No indicators: followed by status and deadline)"), UI_E_DIM);
	for (int i = 0; i < t->d.nindicators && i < t->st.nindicators; i++) {
		build_indicator(d, &t->d.indicators[i], &t->st.indicators[i], as_of);
		build_trend(d, t, plan, &t->d.indicators[i], as_of);
	}
}

/* "2017-10-10T09:30:00Z" as "2017-10-10 09:30". */
static void when(const char *created, char *buf, size_t len)
{
	snprintf(buf, len, "%.16s", created);
	char *t = strchr(buf, 'T');
	if (t)
		*t = ' ';
}

static const char *indicator_name(const task_detail *d, int64_t id)
{
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].id == id)
			return d->indicators[i].name;
	return "?";
}

typedef struct steps_of_task {
	report_step *steps;
	int n;
} steps_of_task;

/* 经过: each step of a report that went more than the plain way (filed,
 * passed): who returned, reopened or amended it, and when. */
static void history_para(ui_doc *d, const steps_of_task *all, const report_rec *r)
{
	report_step mine[64];
	int n = 0;
	for (int i = 0; i < all->n && n < 64; i++)
		if (strcmp(all->steps[i].period, r->period) == 0)
			mine[n++] = all->steps[i];
	bool more = n > 2 || r->reopened || r->state == REPORT_RETURNED;
	for (int i = 0; i < n && !more; i++)
		more = strcmp(mine[i].action, "report") == 0 && mine[i].old_state[0];
	if (more) {
		char line[2000];
		wording_report_steps(mine, n, ui_english(), line, sizeof line);
		ui_doc_para(d, 6, UI_L("经过", "History"), sub_w(), line, UI_E_DIM);
	}
}

static void build_report(ui_doc *d, const steps_of_task *steps, const task_detail *td, const report_rec *r)
{
	char line[400], at[32];
	when(r->created, at, sizeof at);
	snprintf(line, sizeof line, "%s  %s  %s  %s  %s%s%s", r->period, ui_status_label(r->status),
	         model_report_state_label(r->state, ui_english()), r->author, at, r->late ? UI_L("  迟报", "  late") : "",
	         r->demo ? UI_L("  [示例数据]", "  [demo data]") : "");
	ui_doc_para(d, 2, NULL, 0, line, UI_E_LABEL);
	if (r->state != REPORT_SUBMITTED) {
		char review[700];
		wording_review(r, ui_english(), review, sizeof review);
		ui_doc_para(d, 6, UI_L("审核", "Review"), sub_w(), review,
		            r->state == REPORT_RETURNED ? UI_E_ERROR : UI_E_NORMAL);
	}
	history_para(d, steps, r);
	for (int v = 0; v < r->nvalues; v++) {
		char num[32];
		wording_number(r->values[v], num, sizeof num);
		snprintf(line, sizeof line, "%s = %s", indicator_name(td, r->indicator_ids[v]), num);
		ui_doc_para(d, 6, NULL, 0, line, UI_E_NORMAL);
	}
	if (r->note[0])
		ui_doc_para(d, 6, UI_L("说明", "Note"), sub_w(), r->note, UI_E_NORMAL);
}

static void build_history(ui_doc *d, const ui_task *t, store *st, int64_t plan_id)
{
	ui_doc_blank(d);
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("季度填报（最新在前）", "Quarterly reports (newest first)"), UI_E_HEADER);
	if (t->d.nreports == 0)
		ui_doc_para(d, 2, NULL, 0, UI_L("（尚无填报）", "(none yet)"), UI_E_DIM);
	/* The whole task's trail in one read, not one per report. */
	steps_of_task steps = { NULL, 0 };
	if (t->d.nreports && !store_report_steps(st, plan_id, t->d.task.num, &steps.steps, &steps.n)) {
		store_report_steps_free(steps.steps, steps.n);
		steps = (steps_of_task){ NULL, 0 };
	}
	for (int r = t->d.nreports - 1; r >= 0; r--)
		build_report(d, &steps, &t->d, &t->d.reports[r]);
	store_report_steps_free(steps.steps, steps.n);
	ui_doc_blank(d);
	ui_doc_line_start(d, 0);
	ui_doc_add(d, UI_L("进展情况 / 配合情况 / 督查意见（最新在前）", "Progress, support notes, comments (newest first)"),
	           UI_E_HEADER);
	if (t->d.nnotes == 0)
		ui_doc_para(d, 2, NULL, 0, UI_L("（尚无）", "(none yet)"), UI_E_DIM);
	for (int i = t->d.nnotes - 1; i >= 0; i--) {
		const note_rec *n = &t->d.notes[i];
		char line[300], at[32];
		when(n->created, at, sizeof at);
		char edited[64] = "";
		if (n->edited) {
			char at_edit[32];
			when(n->edited, at_edit, sizeof at_edit);
			snprintf(edited, sizeof edited, UI_L("  （%s 已修改）", "  (edited %s)"), at_edit);
		}
		snprintf(line, sizeof line, "%s  %s  %s%s%s", at,
		         wording_note_kind(n->kind, ui_english()), n->author, edited,
		         n->demo ? UI_L("  [示例数据]", "  [demo data]") : "");
		ui_doc_para(d, 2, NULL, 0, line, UI_E_LABEL);
		ui_doc_para(d, 6, NULL, 0, n->text, UI_E_NORMAL);
	}
}

static void task_layout(ui *u, view *v)
{
	task_view *t = (task_view *)v;
	int top = t->doc.top;
	ui_doc_clear(&t->doc, COLS - 2 * DOC_X);
	const ui_task *task = ui_data_task(&u->data, t->num);
	if (!task) {
		ui_doc_para(&t->doc, 0, NULL, 0, u->data.err, UI_E_ERROR);
		return;
	}
	build_head(&t->doc, task);
	build_facts(&t->doc, task, u->data.as_of);
	build_indicators(&t->doc, task, &u->c->plan, u->data.as_of);
	build_history(&t->doc, task, u->c->st, u->c->plan.id);
	/* The same place after a resize or a save; the draw clamps it. The
	 * first time, a search's match is brought into view. */
	snprintf(t->doc.mark, sizeof t->doc.mark, "%s", t->mark);
	int at = t->scrolled_to_mark ? -1 : ui_doc_find_mark(&t->doc);
	t->scrolled_to_mark = true;
	t->doc.top = at > ui_body_end() - UI_BODY_TOP - 2 ? at - 2 : top;
}

static void task_draw(ui *u, view *v)
{
	(void)u;
	task_view *t = (task_view *)v;
	ui_doc_draw(&t->doc, UI_BODY_TOP, DOC_X, ui_body_end() - UI_BODY_TOP + 1);
}

/* [ and ]: the task before or after this one in the list it was opened
 * from, whose selection moves with it (Esc returns to it there). */
static bool step_task(ui *u, int from, int delta)
{
	view *list = u->depth > 1 ? u->stack[u->depth - 2] : NULL;
	int num = list && list->ops->step ? list->ops->step(u, list, from, delta) : -1;
	if (num < 0) {
		ui_message(u, false, "%s", UI_L("这项任务不在下面的列表中，没有上一项、下一项", "This task is not in the list beneath"));
		return true;
	}
	if (!num) {
		ui_message(u, false, "%s", delta < 0 ? UI_L("已是列表中的第一项", "This is the first task of the list")
		                                     : UI_L("已是列表中的最后一项", "This is the last task of the list"));
		return true;
	}
	ui_pop(u);
	ui_open_task(u, num);
	return true;
}

static bool task_action(ui *u, view *v, ui_action a)
{
	if (a == UI_ACT_PREV_TASK || a == UI_ACT_NEXT_TASK)
		return step_task(u, ((task_view *)v)->num, a == UI_ACT_PREV_TASK ? -1 : 1);
	return ui_doc_action(&((task_view *)v)->doc, a);
}

static void task_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	task_view *t = (task_view *)v;
	if (ev->mouse == UI_MOUSE_WHEEL_UP || ev->mouse == UI_MOUSE_WHEEL_DOWN)
		for (int i = 0; i < 3; i++)
			ui_doc_action(&t->doc, ev->mouse == UI_MOUSE_WHEEL_UP ? UI_ACT_UP : UI_ACT_DOWN);
}

static int task_num(ui *u, view *v)
{
	(void)u;
	return ((task_view *)v)->num;
}

static void task_free(view *v)
{
	task_view *t = (task_view *)v;
	ui_doc_free(&t->doc);
	free(t);
}

static const ui_action task_hints[] = {
	UI_ACT_REPORT, UI_ACT_NOTE, UI_ACT_PAGE_DOWN, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP, UI_ACT_NONE,
};

static bool has_own_note(ui *u, const task_detail *d)
{
	for (int i = 0; i < d->nnotes; i++)
		if (strcmp(d->notes[i].author, u->c->who.user) == 0)
			return true;
	return false;
}

/* The hints with 改记录 after 备注 (one list at a time is in use). */
static const ui_action *with_edit_note(const ui_action *base)
{
	static ui_action out[16];
	int n = 0;
	for (int i = 0; base[i] != UI_ACT_NONE && n < 14; i++) {
		out[n++] = base[i];
		if (base[i] == UI_ACT_NOTE)
			out[n++] = UI_ACT_EDIT_NOTE;
	}
	out[n] = UI_ACT_NONE;
	return out;
}

/* An inspector also sees 审核 and 重开, and 销号 when the task is reported
 * completed (or accepted: undo). */
static const ui_action *task_hints_for(ui *u, view *v)
{
	static const ui_action inspector[] = {
		UI_ACT_REVIEW, UI_ACT_REOPEN, UI_ACT_NOTE, UI_ACT_PAGE_DOWN, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_NONE,
	};
	static const ui_action inspector_accept[] = {
		UI_ACT_ACCEPT, UI_ACT_REVIEW, UI_ACT_REOPEN, UI_ACT_NOTE, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_NONE,
	};
	static const ui_action admin[] = {
		UI_ACT_REPORT, UI_ACT_NOTE, UI_ACT_INDICATOR, UI_ACT_EDIT_TASK, UI_ACT_PAGE_DOWN, UI_ACT_BACK, UI_ACT_HELP,
		UI_ACT_NONE,
	};
	const ui_task *t = ui_data_task(&u->data, ((task_view *)v)->num);
	const ui_action *base = task_hints;
	/* An administrator keeps the reporter's keys in view, and 指标; the others work too. */
	if (u->c->who.role == ROLE_ADMIN) {
		base = admin;
	} else if (u->c->who.role == ROLE_INSPECTOR) {
		task_phase phase = t ? flag_task_phase(&t->d, u->c->as_of, NULL) : TASK_NOT_STARTED;
		base = phase == TASK_REPORTED_DONE || phase == TASK_ACCEPTED ? inspector_accept : inspector;
	}
	return t && has_own_note(u, &t->d) ? with_edit_note(base) : base;
}

static const view_ops task_ops = {
	.name = "task",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST | UI_SCOPE_TASK,
	.layout = task_layout,
	.draw = task_draw,
	.action = task_action,
	.mouse = task_mouse,
	.task = task_num,
	.free = task_free,
	.hints = task_hints,
	.hints_for = task_hints_for,
};

view *ui_task_new_marked(ui *u, int num, const char *mark)
{
	task_view *t = (task_view *)ui_task_new(u, num);
	char *safe = text_escape(mark ? mark : "", 0);
	snprintf(t->mark, sizeof t->mark, "%s", safe);
	free(safe);
	return &t->base;
}

view *ui_task_new(ui *u, int num)
{
	(void)u;
	task_view *t = xcalloc(1, sizeof *t);
	t->base.ops = &task_ops;
	t->num = num;
	return &t->base;
}
