/* The quarterly report form. Everything typed stays in the form until it
 * is saved: a check that fails, a locked database or someone else's save
 * first never throws input away. */
#include "ui_report_form.h"

#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/table.h"
#include "ducha/text.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ducha/app_write.h"
#include "ui_i18n.h"
#include "ui_plans.h"
#include "ducha/app_calendar.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

enum { NOTE_MAX_CHARS = 2000, VALUE_MAX_CHARS = 24, FORM_Y = 3, PERIOD_W = 10, VALUE_W = 14 };

/* The version of each period's report when the form opened (or after a
 * conflict), so a save can tell whether someone else saved in between. */
typedef struct seen {
	char period[8];
	int version;
} seen;

typedef struct report_view {
	view base;
	int num;
	int64_t task_id;
	ui_form form;
	int nind;
	indicator_rec *ind;         /* copies of the indicators: name, unit, kind */
	seen *seen;
	int nseen;
	bool confirm;                /* implausible figures shown: the next save confirms them */
	char loaded[PERIOD_TEXT_SIZE]; /* the quarter whose report the fields hold */
} report_view;

static ui_field *period_field(report_view *r) { return &r->form.fields[0]; }
static ui_field *value_field(report_view *r, int i) { return &r->form.fields[1 + i]; }
static ui_field *status_field(report_view *r) { return &r->form.fields[1 + r->nind]; }
static ui_field *note_field(report_view *r) { return &r->form.fields[2 + r->nind]; }

static void remember_versions(report_view *r, const task_detail *d)
{
	free(r->seen);
	r->seen = xcalloc((size_t)d->nreports + 1, sizeof *r->seen);
	r->nseen = d->nreports;
	for (int i = 0; i < d->nreports; i++) {
		snprintf(r->seen[i].period, sizeof r->seen[i].period, "%s", d->reports[i].period);
		r->seen[i].version = d->reports[i].version;
	}
}

static int expected_version(const report_view *r, const char *period)
{
	for (int i = 0; i < r->nseen; i++)
		if (strcmp(r->seen[i].period, period) == 0)
			return r->seen[i].version;
	return STORE_EXPECT_NEW;
}

static const report_rec *report_for(const task_detail *d, const char *period)
{
	for (int i = 0; i < d->nreports; i++)
		if (strcmp(d->reports[i].period, period) == 0)
			return &d->reports[i];
	return NULL;
}

static bool value_of(const report_rec *rep, int64_t id, double *v)
{
	for (int i = 0; rep && i < rep->nvalues; i++)
		if (rep->indicator_ids[i] == id) {
			*v = rep->values[i];
			return true;
		}
	return false;
}

/* The name, its unit and what figure to enter: 累计 since the plan began,
 * or 本年累计 for a per-year target. A milestone is a choice. */
static void indicator_label(const indicator_rec *i, char *buf, size_t len)
{
	const char *what = model_mode_yearly(i->mode) ? UI_L("本年累计", "this year so far") : UI_L("累计", "to date");
	if (i->milestone)
		snprintf(buf, len, "%s", i->name);
	else if (i->unit[0])
		snprintf(buf, len, UI_L("%s（%s，%s）", "%s (%s, %s)"), i->name, i->unit, what);
	else
		snprintf(buf, len, UI_L("%s（%s）", "%s (%s)"), i->name, what);
}

/* A milestone's choice: not reported, not done, done. */
static const char *const milestone_choices_zh[] = { "—", "未完成", "已完成" };
static const char *const milestone_choices_en[] = { "—", "not done", "done" };

/* A value field's input as text ("" when blank; a milestone "0" or "1"). */
static char *value_text(report_view *r, int i)
{
	ui_field *f = value_field(r, i);
	if (f->kind == UI_FIELD_CHOICE)
		return xstrdup(f->choice == 0 ? "" : f->choice == 1 ? "0" : "1");
	return ui_edit_text(&f->edit);
}

/* Sets a value field from text: the program's value, or (typed) input
 * a person typed earlier (a draft). */
static void set_value_text(report_view *r, int i, const char *text, bool typed)
{
	ui_field *f = value_field(r, i);
	if (f->kind == UI_FIELD_CHOICE) {
		f->choice = !text[0] ? 0 : strcmp(text, "0") == 0 ? 1 : 2;
		if (!typed)
			f->choice0 = f->choice;
	} else if (typed) {
		ui_form_set_typed(f, text);
	} else {
		ui_form_set_value(f, text);
	}
}

/* Beside the field: the target and the last value reported before this
 * quarter (amending a quarter shows its own value in the field). */
static void indicator_aside(const task_detail *d, const indicator_rec *i, int year, int quarter,
                            char *buf, size_t len)
{
	char a[32], b[32], target[96], last[96] = "";
	wording_number(i->target, a, sizeof a);
	wording_number(i->target_hi, b, sizeof b);
	if (i->milestone)
		snprintf(target, sizeof target, "%s", UI_L("里程碑", "milestone"));
	else if (i->cmp == CMP_RANGE)
		snprintf(target, sizeof target, UI_L("目标 %s–%s", "target %s–%s"), a, b);
	else
		snprintf(target, sizeof target, UI_L("目标 %s %s", "target %s %s"), model_comparator_symbol(i->cmp), a);
	int n;
	value_point *pts = model_indicator_series(d, i->id, &n);
	while (n && (pts[n - 1].year > year || (pts[n - 1].year == year && pts[n - 1].quarter >= quarter)))
		n--;
	if (n) {
		wording_number(pts[n - 1].value, a, sizeof a);
		snprintf(last, sizeof last, UI_L("；上次 %s（%dQ%d）", "; last %s (%dQ%d)"), a, pts[n - 1].year,
		         pts[n - 1].quarter);
	}
	free(pts);
	snprintf(buf, len, "%s%s", target, last);
}

static int status_index(const char *status)
{
	for (int i = 0; i < UI_REPORT_STATUSES; i++)
		if (status && strcmp(status, ui_report_status[i]) == 0)
			return i;
	return 1;  /* in-progress */
}

static void add_indicator_fields(report_view *r, const task_detail *d, const report_rec *rep, int year,
                                 int quarter)
{
	r->nind = d->nindicators;
	r->ind = xcalloc((size_t)r->nind + 1, sizeof *r->ind);
	for (int i = 0; i < r->nind; i++) {
		const indicator_rec *src = &d->indicators[i];
		indicator_rec *dst = &r->ind[i];
		model_indicator_copy(dst, src);
		char label[300], value[32] = "";
		double v;
		indicator_label(src, label, sizeof label);
		if (value_of(rep, src->id, &v))
			wording_number(v, value, sizeof value);
		ui_field *f = src->milestone
			? ui_form_add_choice(&r->form, label, ui_english() ? milestone_choices_en : milestone_choices_zh, 3, 0)
			: ui_form_add_line(&r->form, label, VALUE_W, VALUE_MAX_CHARS, value);
		if (src->milestone)
			set_value_text(r, i, value, false);
		indicator_aside(d, src, year, quarter, f->aside, sizeof f->aside);
	}
}

static void build_form(report_view *r, const task_detail *d, const app *a)
{
	int y, q;
	char period[PERIOD_TEXT_SIZE];
	calendar_due_quarter(a->as_of, a->plan.starts, a->cfg.flags.report_grace_days, &y, &q);
	period_format(y, q, period);
	snprintf(r->loaded, sizeof r->loaded, "%s", period);
	const report_rec *rep = report_for(d, period);
	const report_rec *latest = model_latest_report(d);
	const char *status_labels[UI_REPORT_STATUSES];
	for (int i = 0; i < UI_REPORT_STATUSES; i++)
		status_labels[i] = ui_status_label(ui_report_status[i]);
	ui_form_init(&r->form);
	ui_form_add_line(&r->form, UI_L("填报季度", "Quarter"), PERIOD_W, 6, period);
	add_indicator_fields(r, d, rep, y, q);
	ui_form_add_choice(&r->form, UI_L("进展状态", "Status"), status_labels, UI_REPORT_STATUSES,
	                   status_index(rep ? rep->status : latest ? latest->status : NULL));
	ui_form_add_text(&r->form, UI_L("进展说明", "Note"), NOTE_MAX_CHARS, rep ? rep->note : "");
	if (rep)
		snprintf(note_field(r)->aside, sizeof note_field(r)->aside, "%s",
		         UI_L("（已有本季度填报，保存即修改）", "(this quarter has a report: saving amends it)"));
	/* The value fields come first: the quarter is usually right. */
	r->form.focus = r->nind ? 1 : 1 + r->nind;
}

/* The fields hold the report of period (or start empty), and say which. */
static void load_period(ui *u, report_view *r, const char *period)
{
	const ui_task *t = ui_data_task(&u->data, r->num);
	int y, q;
	if (!t || !period_parse(period, &y, &q))
		return;
	const report_rec *rep = report_for(&t->d, period);
	for (int i = 0; i < r->nind; i++) {
		char value[32] = "";
		double v;
		if (value_of(rep, r->ind[i].id, &v))
			wording_number(v, value, sizeof value);
		set_value_text(r, i, value, false);
		indicator_aside(&t->d, &t->d.indicators[i], y, q, value_field(r, i)->aside, sizeof value_field(r, i)->aside);
	}
	if (rep) {
		status_field(r)->choice = status_field(r)->choice0 = status_index(rep->status);
	}
	ui_edit_set(&note_field(r)->edit, rep ? rep->note : "");
	note_field(r)->edit.modified = false;
	snprintf(note_field(r)->aside, sizeof note_field(r)->aside, "%s",
	         rep ? UI_L("（已有本季度填报，保存即修改）", "(this quarter has a report: saving amends it)") : "");
	snprintf(r->loaded, sizeof r->loaded, "%s", period);
	r->confirm = false;
	if (rep)
		ui_message(u, false, UI_L("已载入 %s 的填报（%s 报送，%s）：修改后保存即更新它", "Loaded the %s report (by %s, %s): saving amends it"),
		           period, rep->author, model_report_state_label(rep->state, ui_english()));
	else
		ui_message(u, false, UI_L("%s 还没有填报：这是一份新的填报", "%s has no report yet: this is a new one"), period);
}

/* A valid quarter typed into the period field that the fields do not hold yet. */
static bool period_changed(report_view *r, char period[PERIOD_TEXT_SIZE])
{
	char *text = ui_edit_text(&period_field(r)->edit);
	int y, q;
	bool changed = period_parse(text, &y, &q);
	if (changed) {
		period_format(y, q, period);
		changed = strcmp(period, r->loaded) != 0;
	}
	free(text);
	return changed;
}

/* --- checks and saving -------------------------------------------------- */

static bool check_period(ui *u, report_view *r, char *period)
{
	char *text = ui_edit_text(&period_field(r)->edit);
	int y, q;
	bool ok = period_parse(text, &y, &q);
	if (!ok)
		snprintf(period_field(r)->error, sizeof period_field(r)->error, "%s",
		         UI_L("填报季度应写成 YYYYQn（n 为 1–4），如 2017Q4", "Write the quarter as YYYYQn (n 1–4), e.g. 2017Q4"));
	else if (period_first_day(y, q) > u->c->as_of) {
		char as_of[DATE_TEXT_SIZE];
		date_format(u->c->as_of, as_of);
		snprintf(period_field(r)->error, sizeof period_field(r)->error,
		         UI_L("%s 还没有开始（截至 %s）", "%s has not begun (as of %s)"), text, as_of);
		ok = false;
	} else if (period_last_day(y, q) < u->c->plan.starts) {
		char starts[DATE_TEXT_SIZE];
		date_format(u->c->plan.starts, starts);
		snprintf(period_field(r)->error, sizeof period_field(r)->error,
		         UI_L("%s 在工作方案开始（%s）之前", "%s is before the plan starts (%s)"), text, starts);
		ok = false;
	} else
		period_format(y, q, period);
	free(text);
	return ok;
}

/* The typed values: blank fields are left out (not reported). */
static int check_values(report_view *r, int64_t *ids, double *values, bool *ok)
{
	int n = 0;
	for (int i = 0; i < r->nind; i++) {
		ui_field *f = value_field(r, i);
		char *text = value_text(r, i);
		double v;
		if (text[0] == '\0') {
			free(text);
			continue;
		}
		if (!validate_number(r->ind[i].name, text, &v, f->error, sizeof f->error))
			*ok = false;
		else if (validate_whole_unit(r->ind[i].unit) && v != floor(v)) {
			snprintf(f->error, sizeof f->error, UI_L("%s以“%s”计，应填整数", "%s is counted in %s: a whole number"),
			         r->ind[i].name, r->ind[i].unit);
			*ok = false;
		} else {
			ids[n] = r->ind[i].id;
			values[n++] = v;
		}
		free(text);
	}
	return n;
}

static bool check_note(report_view *r, char **note)
{
	text_rule rule = { UI_L("进展说明", "The note"), NOTE_MAX_CHARS, true, false };
	*note = ui_edit_text(&note_field(r)->edit);
	return validate_text(&rule, *note, note_field(r)->error, sizeof note_field(r)->error);
}

/* After someone else saved first: their version beside each field, ours
 * kept in the fields; the next save goes over theirs on purpose. */
static void show_theirs(ui *u, report_view *r, const char *period)
{
	ui_data_forget(&u->data, r->num);
	const ui_task *t = ui_data_task(&u->data, r->num);
	const report_rec *rep = t ? report_for(&t->d, period) : NULL;
	if (!rep) {
		ui_message(u, true, "%s", store_error(u->c->st));
		return;
	}
	remember_versions(r, &t->d);
	for (int i = 0; i < r->nind; i++) {
		double v;
		char num[32] = "—";
		if (value_of(rep, r->ind[i].id, &v))
			wording_number(v, num, sizeof num);
		snprintf(value_field(r, i)->aside, sizeof value_field(r, i)->aside, UI_L("%s 已存：%s", "%s saved: %s"),
		         rep->author, num);
	}
	snprintf(status_field(r)->aside, sizeof status_field(r)->aside, UI_L("%s 已存：%s", "%s saved: %s"),
	         rep->author, ui_status_label(rep->status));
	snprintf(note_field(r)->aside, sizeof note_field(r)->aside, UI_L("%s 已存：%s", "%s saved: %s"), rep->author,
	         rep->note[0] ? rep->note : "—");
	char key[32];
	ui_keymap_first(&u->keys, UI_ACT_SAVE, key, sizeof key);
	ui_relayout(u);
	ui_message(u, true, UI_L("%s 已先保存了 %s 的填报（见各项右侧）；你的输入都在，再按 %s 以你的为准",
	                         "%s saved %s first (shown beside the fields); yours is kept: %s saves yours over it"),
	           rep->author, period, key);
}

static void save_failed(ui *u, report_view *r, const char *period, app_result result, const char *why)
{
	switch (result) {
	case APP_CONFLICT:
		show_theirs(u, r, period);
		break;
	case APP_REPLACED:
		ui_reopen_database(u);
		break;
	case APP_BUSY:
		ui_message(u, true, "%s", UI_L("数据库正忙（有人正在保存）：没有保存，你的输入都还在，请稍后再按保存键",
		                               "The database is busy (someone is saving): nothing saved, your input is kept; save again in a moment"));
		break;
	case APP_CONFIRM: {
		char key[32];
		ui_keymap_first(&u->keys, UI_ACT_SAVE, key, sizeof key);
		r->confirm = true;
		ui_message(u, true, UI_L("请核对：%s。确认无误再按 %s 保存", "Please check: %s. %s again saves it"), why, key);
		break;
	}
	case APP_OK:
	case APP_REFUSED:
	case APP_FAILED:
		ui_message(u, true, UI_L("没有保存（你的输入都还在）：%s", "Not saved (your input is kept): %s"), why);
		break;
	}
}

static void save(ui *u, report_view *r)
{
	char period[PERIOD_TEXT_SIZE] = "", *note = NULL;
	/* Never save one quarter's fields over another's report. */
	if (period_changed(r, period)) {
		char key[32];
		load_period(u, r, period);
		ui_keymap_first(&u->keys, UI_ACT_SAVE, key, sizeof key);
		ui_message(u, true, UI_L("填报季度已改为 %s，已载入该季度的内容：请核对后再按 %s 保存",
		                         "The quarter is now %s and its report is loaded: check it, then %s saves"),
		           period, key);
		return;
	}
	int64_t *ids = xcalloc((size_t)r->nind + 1, sizeof *ids);
	double *values = xcalloc((size_t)r->nind + 1, sizeof *values);
	ui_form_clear_errors(&r->form);
	bool ok = check_period(u, r, period);
	int n = check_values(r, ids, values, &ok);
	ok = check_note(r, &note) && ok;
	if (!ok) {
		ui_form_focus_error(&r->form);
		ui_message(u, true, "%s", UI_L("有错误，没有保存：请按各项下面的提示修改", "Not saved: correct the fields marked below them"));
	} else if (ui_may_write(u, r->num, PERM_REPORT)) {
		report_input in = { .task_id = r->task_id, .expected_version = expected_version(r, period),
		                    .status = ui_report_status[status_field(r)->choice], .note = note,
		                    .nvalues = n, .indicator_ids = ids, .values = values, .confirmed = r->confirm };
		snprintf(in.period, sizeof in.period, "%s", period);
		char why[600];
		const ui_task *t = ui_data_task(&u->data, r->num);
		app_result result = t ? app_save_report(u->c, &t->d, &in, why, sizeof why) : APP_FAILED;
		if (!t)
			snprintf(why, sizeof why, "%s", u->data.err);
		if (result == APP_OK) {
			int num = r->num;
			ui_pop(u);
			ui_data_forget(&u->data, num);
			ui_relayout(u);
			ui_message(u, false, UI_L("已保存：任务 %d %s 季度填报", "Saved: task %d, report for %s"), num, period);
		} else {
			save_failed(u, r, period, result, why);
		}
	}
	free(ids);
	free(values);
	free(note);
}

/* --- the view ----------------------------------------------------------- */

static void report_draw(ui *u, view *v)
{
	report_view *r = (report_view *)v;
	const ui_task *t = ui_data_task(&u->data, r->num);
	char head[160];
	snprintf(head, sizeof head, UI_L("季度填报 · 任务 %d · ", "Quarterly report · task %d · "), r->num);
	int x = 1 + ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_put(1, x, COLS - x - 1, t ? t->d.task.text : "", UI_E_NORMAL);
	ui_form_draw(&r->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static void leave(ui *u, report_view *r)
{
	ui_form_view_leave(u, &r->base, &r->form, r->num, UI_L("任务 %d 的填报已留作草稿：再按 u 接着填；退出前会提醒", "Task %d's report is kept as a draft: u goes back to it"));
}

static bool report_action(ui *u, view *v, ui_action a)
{
	report_view *r = (report_view *)v;
	if (a == UI_ACT_SAVE) {
		save(u, r);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		leave(u, r);
		return true;
	}
	int focus = r->form.focus;
	bool done = ui_form_action(&r->form, a);
	char period[PERIOD_TEXT_SIZE];
	if (done && focus == r->form.focus)
		r->form.fields[focus].error[0] = '\0';
	else if (done && focus == 0 && period_changed(r, period))
		load_period(u, r, period);
	return done;
}

static void report_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	((report_view *)v)->confirm = false;
	ui_form_view_text(&((report_view *)v)->form, cp);
}

static void report_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((report_view *)v)->form, ev);
}

static int report_task(ui *u, view *v)
{
	(void)u;
	return ((report_view *)v)->num;
}

static void report_free(view *v)
{
	report_view *r = (report_view *)v;
	for (int i = 0; i < r->nind; i++)
		model_indicator_free(&r->ind[i]);
	free(r->ind);
	free(r->seen);
	ui_form_free(&r->form);
	free(r);
}

/* --- drafts: the recovery file ------------------------------------------ */

static char *dup_text(const char *s)
{
	char *p = xstrdup(s);
	return p;
}

static bool report_save_draft(ui *u, view *v, draft *d)
{
	(void)u;
	report_view *r = (report_view *)v;
	if (!ui_form_modified(&r->form))
		return false;
	d->kind = DRAFT_REPORT;
	d->task = r->num;
	d->period = ui_edit_text(&period_field(r)->edit);
	for (int i = 0; i < r->nind; i++) {
		char *text = value_text(r, i);
		draft_add_value(d, r->ind[i].name, text);
		free(text);
	}
	d->status = dup_text(ui_report_status[status_field(r)->choice]);
	d->note = ui_edit_text(&note_field(r)->edit);
	for (int i = 0; i < r->nseen; i++)
		draft_add_seen(d, r->seen[i].period, r->seen[i].version);
	return true;
}

static int indicator_index(const report_view *r, const char *name)
{
	for (int i = 0; i < r->nind; i++)
		if (strcmp(r->ind[i].name, name) == 0)
			return i;
	return -1;
}

static int status_exact(const char *status)
{
	for (int i = 0; i < UI_REPORT_STATUSES; i++)
		if (strcmp(status, ui_report_status[i]) == 0)
			return i;
	return -1;
}

/* The versions the draft's form opened with, not today's: a save then
 * notices anyone who saved the quarter while the draft waited. */
static void restore_versions(report_view *r, const draft *d)
{
	free(r->seen);
	r->seen = xcalloc((size_t)d->nseen + 1, sizeof *r->seen);
	r->nseen = d->nseen;
	for (int i = 0; i < d->nseen; i++) {
		snprintf(r->seen[i].period, sizeof r->seen[i].period, "%s", d->seen[i].period);
		r->seen[i].version = d->seen[i].version;
	}
}

/* Puts a draft's input into a fresh form; false (and why) when it no
 * longer fits: an indicator with a typed value is gone, or the status is
 * unknown. Every value field the draft names is set, even to "", since
 * clearing an amended value is input too. */
static bool apply_draft(report_view *r, const draft *d, char *why, size_t len)
{
	int status = status_exact(d->status);
	if (status < 0) {
		snprintf(why, len, UI_L("进展状态 %s 未知", "unknown status %s"), d->status);
		return false;
	}
	for (int i = 0; i < d->nvalues; i++)
		if (indicator_index(r, d->values[i].indicator) < 0 && d->values[i].text[0]) {
			snprintf(why, len, UI_L("任务已没有指标“%s”", "the task no longer has the indicator \"%s\""),
			         d->values[i].indicator);
			return false;
		}
	for (int i = 0; i < d->nvalues; i++) {
		int k = indicator_index(r, d->values[i].indicator);
		if (k >= 0)
			set_value_text(r, k, d->values[i].text, true);
	}
	ui_form_set_typed(period_field(r), d->period);
	snprintf(r->loaded, sizeof r->loaded, "%s", d->period);
	ui_form_set_typed(note_field(r), d->note);
	status_field(r)->choice = status;
	restore_versions(r, d);
	return true;
}

static const ui_action report_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

const view_ops ui_report_ops = {
	.explain = {
		"填报季度：这份填报所属的季度，默认是现在应报的季度；改季度会载入该季度已有的填报。\n"
		"指标：填截至该季度末的数。标“累计”的填方案开始以来的累计数（不是本季度新增数）；"
		"标“本年累计”的填当年 1 月 1 日以来的累计数，每年从零算起；里程碑选“已完成”或“未完成”；"
		"留空表示本季度不报这一项。每项右边是目标和上次填报的数。\n"
		"进展状态：进行中、已完成等；选“已完成”后督查人员可以销号。\n"
		"进展说明：本季度做了什么、遇到什么问题、下一步怎么办，可以多行。\n"
		"F2 检查并保存；数字明显不合理（比上次少、远超目标）时会提示，确认无误再按一次 F2。"
		"Esc 离开，已输入的内容留作草稿，断线也不会丢。",
		"Quarter: the quarter this report is for, by default the one due now; changing it loads that quarter's report.\n"
		"Indicators: the figure at the end of that quarter. \"to date\" is the total since the plan began (not this "
		"quarter's increase); \"this year so far\" counts from 1 January, from zero each year; a milestone is done or "
		"not done; blank leaves it out this quarter. Beside each: the target and the last figure reported.\n"
		"Status: in progress, completed and so on; once completed, an inspector may accept the task.\n"
		"Note: what was done this quarter, what stands in the way, what comes next; several lines.\n"
		"F2 checks and saves; an implausible figure (below the last, far above the target) asks for F2 again. "
		"Esc leaves; what was typed stays as a draft, even if the connection drops.",
	},
	.name = "report",
	.scope = UI_SCOPE_EDIT,
	.draw = report_draw,
	.action = report_action,
	.text = report_text,
	.mouse = report_mouse,
	.task = report_task,
	.free = report_free,
	.save_draft = report_save_draft,
	.hints = report_hints,
};

view *ui_report_new(ui *u, int num)
{
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return NULL;
	}
	report_view *r = xcalloc(1, sizeof *r);
	r->base.ops = &ui_report_ops;
	r->num = num;
	r->task_id = t->d.task.id;
	remember_versions(r, &t->d);
	build_form(r, &t->d, u->c);
	return &r->base;
}

view *ui_report_from_draft(ui *u, const draft *d, char *why, size_t len)
{
	if (!ui_data_task(&u->data, d->task)) {
		snprintf(why, len, "%s", u->data.err);
		return NULL;
	}
	view *v = ui_report_new(u, d->task);
	if (v && !apply_draft((report_view *)v, d, why, len)) {
		report_free(v);
		return NULL;
	}
	return v;
}
