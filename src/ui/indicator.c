/* The indicator definition form (administrators): one indicator at a time,
 * chosen in its first field; saving sends only what changed to
 * app_edit_indicator, which checks it and writes it with its audit row. */
#include "ui_indicator.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/date.h"
#include "ducha/indicator.h"
#include "ducha/validate.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ui_i18n.h"
#include "ui_plans.h"

enum { F_WHICH, F_NAME, F_TARGET, F_CMP, F_UNIT, F_MODE, F_BASELINE, F_BASE_DATE, F_BASE_SOURCE, F_DUE, F_COUNT };
enum { FORM_Y = 3 };

typedef struct indicator_view {
	view base;
	int num;
	int shown;                  /* index of the indicator the fields hold */
	char *names[UI_FIELD_MAX_CHOICES];
	ui_form form;
} indicator_view;

static const char *const cmp_labels[] = { "≥", ">", "≈", "–" };

static const indicator_rec *current(ui *u, const indicator_view *iv)
{
	const ui_task *t = ui_data_task(&u->data, iv->num);
	return t && iv->shown < t->d.nindicators ? &t->d.indicators[iv->shown] : NULL;
}

static void target_text(const indicator_rec *i, char *buf, size_t len)
{
	char lo[48], hi[48];
	wording_number(i->target, lo, sizeof lo);
	wording_number(i->target_hi, hi, sizeof hi);
	if (i->cmp == CMP_RANGE)
		snprintf(buf, len, "%s-%s", lo, hi);
	else
		snprintf(buf, len, "%s", lo);
}

/* The baseline as the field shows it: only a cumulative count has one. */
static void baseline_shown(const indicator_rec *i, char *buf, size_t len)
{
	buf[0] = '\0';
	if (i->has_baseline && !i->milestone && i->mode == MODE_CUMULATIVE)
		wording_number(i->baseline, buf, len);
}

/* The fields as the indicator now stands. */
static void fill(indicator_view *iv, const indicator_rec *i)
{
	char buf[160];
	ui_field *f = iv->form.fields;
	ui_form_set_value(&f[F_NAME], i->name);
	target_text(i, buf, sizeof buf);
	ui_form_set_value(&f[F_TARGET], buf);
	f[F_CMP].choice = f[F_CMP].choice0 = (int)i->cmp;
	ui_form_set_value(&f[F_UNIT], i->unit);
	f[F_MODE].choice = f[F_MODE].choice0 = (int)i->mode;
	baseline_shown(i, buf, sizeof buf);
	ui_form_set_value(&f[F_BASELINE], buf);
	date_format(i->baseline_date, buf);
	ui_form_set_value(&f[F_BASE_DATE], i->baseline_date ? buf : "");
	ui_form_set_value(&f[F_BASE_SOURCE], i->baseline_source ? i->baseline_source : "");
	date_format(i->due, buf);
	ui_form_set_value(&f[F_DUE], buf);
	ui_form_clear_errors(&iv->form);
}

static void build_form(indicator_view *iv, const task_detail *d)
{
	int n = d->nindicators < UI_FIELD_MAX_CHOICES ? d->nindicators : UI_FIELD_MAX_CHOICES;
	for (int i = 0; i < n; i++)
		iv->names[i] = xasprintf("%d. %s", d->indicators[i].ord, d->indicators[i].name);
	const char *modes[MODE_COUNT];
	for (int m = 0; m < MODE_COUNT; m++)
		modes[m] = model_mode_label((indicator_mode)m, ui_english());
	ui_form_init(&iv->form);
	ui_form_add_choice(&iv->form, UI_L("指标", "Indicator"), (const char *const *)iv->names, n, 0);
	ui_form_add_line(&iv->form, UI_L("名称", "Name"), 40, 100, "");
	ui_form_add_line(&iv->form, UI_L("目标值（范围写 3-5）", "Target (a range: 3-5)"), 16, 40, "");
	ui_form_add_choice(&iv->form, UI_L("比较", "Comparator"), cmp_labels, 4, 0);
	ui_form_add_line(&iv->form, UI_L("单位", "Unit"), 10, 20, "");
	ui_form_add_choice(&iv->form, UI_L("计算方式", "Mode"), modes, MODE_COUNT, 0);
	ui_form_add_line(&iv->form, UI_L("基数（空：未设）", "Baseline (empty: not set)"), 16, 40, "");
	ui_form_add_line(&iv->form, UI_L("基数日期（空：方案施行日）", "Baseline date (empty: plan start)"), 12, 10, "");
	ui_form_add_line(&iv->form, UI_L("基数来源", "Baseline source"), 40, 100, "");
	ui_form_add_line(&iv->form, UI_L("截止日期", "Due"), 12, 10, "");
	fill(iv, &d->indicators[0]);
	iv->form.focus = F_NAME;
}

static void indicator_draw(ui *u, view *v)
{
	indicator_view *iv = (indicator_view *)v;
	const ui_task *t = ui_data_task(&u->data, iv->num);
	char head[200];
	snprintf(head, sizeof head, UI_L("指标定义 · 任务 %d · ", "Indicators · task %d · "), iv->num);
	int x = 1 + ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_put(1, x, COLS - x - 1, t ? t->d.task.text : "", UI_E_NORMAL);
	ui_form_draw(&iv->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static char *typed(indicator_view *iv, int field)
{
	return ui_edit_text(&iv->form.fields[field].edit);
}

/* A text field into e when it differs from what the indicator has. */
static const char *changed_text(char *now, const char *was)
{
	return strcmp(now, was ? was : "") != 0 ? now : NULL;
}

static bool read_number_fields(indicator_view *iv, const indicator_rec *i, char **t, indicator_edit *e)
{
	ui_field *f = iv->form.fields;
	char was[160];
	target_text(i, was, sizeof was);
	bool range;
	if (strcmp(t[F_TARGET], was) != 0) {
		if (!indicator_parse_target(t[F_TARGET], &e->target, &e->target_hi, &range, f[F_TARGET].error,
		                            sizeof f[F_TARGET].error))
			return false;
		e->set_target = true;
	}
	baseline_shown(i, was, sizeof was);
	if (strcmp(t[F_BASELINE], was) != 0) {
		e->clear_baseline = !*t[F_BASELINE];
		e->set_baseline = !e->clear_baseline;
		if (e->set_baseline && !validate_number(UI_L("基数", "baseline"), t[F_BASELINE], &e->baseline,
		                                        f[F_BASELINE].error, sizeof f[F_BASELINE].error))
			return false;
	}
	return true;
}

/* A date field that changed into *day (0 when emptied, if allowed). */
static bool read_date_field(indicator_view *iv, int field, const char *text, int was, bool required, bool *set,
                            int *day)
{
	char shown[DATE_TEXT_SIZE];
	date_format(was, shown);
	if (strcmp(text, was ? shown : "") == 0)
		return true;
	*set = true;
	*day = 0;
	const char *bad = NULL;
	if (!*text && required)
		bad = UI_L("截止日期不能为空", "a due date is needed");
	else if (*text && !date_parse(text, day))
		bad = UI_L("日期应为 YYYY-MM-DD", "a date is YYYY-MM-DD");
	if (bad)
		snprintf(iv->form.fields[field].error, sizeof iv->form.fields[field].error, "%s", bad);
	return !bad;
}

/* The edit the fields ask for; false with an error under a field. */
static bool read_edit(indicator_view *iv, const indicator_rec *i, char **t, indicator_edit *e)
{
	ui_field *f = iv->form.fields;
	memset(e, 0, sizeof *e);
	e->name = changed_text(t[F_NAME], i->name);
	e->unit = changed_text(t[F_UNIT], i->unit);
	e->baseline_source = changed_text(t[F_BASE_SOURCE], i->baseline_source);
	e->set_cmp = f[F_CMP].choice != (int)i->cmp;
	e->cmp = (comparator)f[F_CMP].choice;
	e->set_mode = f[F_MODE].choice != (int)i->mode;
	e->mode = (indicator_mode)f[F_MODE].choice;
	return read_number_fields(iv, i, t, e) &&
	       read_date_field(iv, F_BASE_DATE, t[F_BASE_DATE], i->baseline_date, false, &e->set_baseline_date,
	                       &e->baseline_date) &&
	       read_date_field(iv, F_DUE, t[F_DUE], i->due, true, &e->set_due, &e->due);
}

static void saved(ui *u, indicator_view *iv)
{
	int num = iv->num, shown = iv->shown;
	ui_data_forget(&u->data, num);
	ui_relayout(u);
	const ui_task *t = ui_data_task(&u->data, num);
	if (t && shown < t->d.nindicators)
		fill(iv, &t->d.indicators[shown]);
	ui_message(u, false, UI_L("已保存：任务 %d 的指标定义（记入留痕），预警已按新定义重算",
	                          "Saved: task %d's indicator (audited); verdicts follow it"), num);
}

static void save(ui *u, indicator_view *iv)
{
	const ui_task *t = ui_data_task(&u->data, iv->num);
	const indicator_rec *i = current(u, iv);
	if (!t || !i) {
		ui_message(u, true, "%s", u->data.err);
		return;
	}
	char *text[F_COUNT] = { 0 };
	for (int k = F_NAME; k < F_COUNT; k++)
		if (iv->form.fields[k].kind == UI_FIELD_LINE)
			text[k] = typed(iv, k);
	ui_form_clear_errors(&iv->form);
	indicator_edit e;
	char why[600];
	if (!read_edit(iv, i, text, &e)) {
		ui_form_focus_error(&iv->form);
		ui_message(u, true, "%s", UI_L("有错误，没有保存", "Not saved: see the error under the field"));
	} else if (!indicator_edit_any(&e)) {
		ui_message(u, false, "%s", UI_L("没有改动", "Nothing changed"));
	} else {
		app_result r = app_edit_indicator(u->c, &t->d, i->ord, &e, why, sizeof why);
		if (r == APP_OK)
			saved(u, iv);
		else if (r == APP_REPLACED)
			ui_reopen_database(u);
		else
			ui_message(u, true, UI_L("没有保存（输入都还在）：%s", "Not saved (your input is kept): %s"), why);
	}
	for (int k = 0; k < F_COUNT; k++)
		free(text[k]);
}

/* Another indicator chosen: its fields. */
static void follow_choice(ui *u, indicator_view *iv)
{
	int chosen = iv->form.fields[F_WHICH].choice;
	if (chosen == iv->shown)
		return;
	iv->shown = chosen;
	const indicator_rec *i = current(u, iv);
	if (i)
		fill(iv, i);
}

static bool indicator_action(ui *u, view *v, ui_action a)
{
	indicator_view *iv = (indicator_view *)v;
	if (a == UI_ACT_SAVE) {
		save(u, iv);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		ui_pop(u);
		return true;
	}
	bool done = ui_form_action(&iv->form, a);
	follow_choice(u, iv);
	return done;
}

static void indicator_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	ui_form_view_text(&((indicator_view *)v)->form, cp);
}

static void indicator_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((indicator_view *)v)->form, ev);
}

static int indicator_task(ui *u, view *v)
{
	(void)u;
	return ((indicator_view *)v)->num;
}

static void indicator_free(view *v)
{
	indicator_view *iv = (indicator_view *)v;
	ui_form_free(&iv->form);
	for (int i = 0; i < UI_FIELD_MAX_CHOICES; i++)
		free(iv->names[i]);
	free(iv);
}

static const ui_action indicator_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_LEFT, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops indicator_ops = {
	.explain = {
		"指标定义（管理员）：名称、单位、目标和比较方式（≥、>、约等）、基数（序时从基数起算，存量指标不设基数则不算序时）、"
		"计算方式（累计：方案开始以来；本年累计：每年从零起；年度：当年全年）。修改写入留痕，已报的数字不变，判定按新定义重算。",
		"Indicator definition (administrators): name, unit, target and comparison (>=, >, about), baseline (expected "
		"progress starts from it; a stock without one has none), mode (to date, this year so far, the year's). A change "
		"is audited; figures already reported stay, and are judged again by the new definition.",
	},
	.name = "indicator",
	.scope = UI_SCOPE_EDIT,
	.draw = indicator_draw,
	.action = indicator_action,
	.text = indicator_text,
	.mouse = indicator_mouse,
	.task = indicator_task,
	.free = indicator_free,
	.hints = indicator_hints,
};

view *ui_indicator_new(ui *u, int num)
{
	if (num <= 0 || !ui_may_write(u, num, PERM_DEFINE))
		return NULL;
	ui_data_forget(&u->data, num);
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return NULL;
	}
	if (t->d.nindicators == 0) {
		ui_message(u, true, UI_L("任务 %d 没有量化指标（按任务状态和完成时限督查）",
		                         "Task %d has no indicators (judged by status and dates)"), num);
		return NULL;
	}
	indicator_view *iv = xcalloc(1, sizeof *iv);
	iv->base.ops = &indicator_ops;
	iv->num = num;
	build_form(iv, &t->d);
	return &iv->base;
}
