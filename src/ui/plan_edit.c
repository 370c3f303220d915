/* Editing the plan (administrators): a task's text, deadline, agencies and
 * measure (E); the area and the measure a task is under (A). Saving sends
 * only what changed to app_edit_task / app_edit_sections, which check it as
 * import-plan checks a 分工表 and write it with its audit row. */
#include "ui_plan_edit.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/xalloc.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ui_i18n.h"
#include "ui_plans.h"

enum { FORM_Y = 3 };
/* In the order drawn: the task's text last, a text field of several lines. */
enum { T_DEADLINE, T_LEAD, T_SUPPORT, T_MEASURE, T_TEXT, T_COUNT };
enum { S_AREA_TITLE, S_AREA_SHORT, S_MEASURE_TITLE, S_COUNT };

typedef struct plan_view {
	view base;
	int num;
	bool sections;               /* the area and measure form, else the task form */
	int area, measure;           /* their numbers */
	char *was[T_COUNT];          /* the fields as they opened */
	bool confirm;                /* new agencies named: the next F2 confirms them */
	ui_form form;
} plan_view;

/* "a;b" → "a、b". malloc'd. */
static char *listed(const char *joined)
{
	char *out = xmalloc(strlen(joined ? joined : "") * 3 + 1), *o = out;
	for (const char *p = joined ? joined : ""; *p; p++) {
		if (*p == ';') {
			memcpy(o, "、", 3);
			o += 3;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

static void add_field(plan_view *pv, int k, bool text, const char *label, int width, int max, char *value)
{
	pv->was[k] = value;
	if (text)
		ui_form_add_text(&pv->form, label, max, value);
	else
		ui_form_add_line(&pv->form, label, width, max, value);
}

static void build_task_form(plan_view *pv, const task_rec *t)
{
	char num[16];
	snprintf(num, sizeof num, "%d", t->measure_num);
	ui_form_init(&pv->form);
	add_field(pv, T_DEADLINE, false, UI_L("完成时限（如 2018年年底前）", "Deadline (as written)"), 30, 100,
	          xstrdup(t->deadline));
	add_field(pv, T_LEAD, false, UI_L("牵头单位（、分隔，可用别名）", "Lead agencies (、 between)"), 50, 2000,
	          listed(t->lead));
	add_field(pv, T_SUPPORT, false, UI_L("配合单位", "Supporting agencies"), 50, 2000, listed(t->support));
	add_field(pv, T_MEASURE, false, UI_L("所属措施（编号）", "Measure (number)"), 6, 3, xstrdup(num));
	add_field(pv, T_TEXT, true, UI_L("重点任务", "Task"), 0, 4000, xstrdup(t->text));
}

static void build_section_form(plan_view *pv, const task_rec *t)
{
	ui_form_init(&pv->form);
	add_field(pv, S_AREA_TITLE, false, UI_L("领域标题", "Area title"), 50, 200, xstrdup(t->area_title));
	add_field(pv, S_AREA_SHORT, false, UI_L("领域简称（标签上显示）", "Area label"), 20, 20, xstrdup(t->area_short));
	add_field(pv, S_MEASURE_TITLE, false, UI_L("措施标题", "Measure title"), 60, 200, xstrdup(t->measure_title));
}

static void plan_draw(ui *u, view *v)
{
	plan_view *pv = (plan_view *)v;
	char head[200];
	if (pv->sections)
		snprintf(head, sizeof head, UI_L("修改领域和措施 · 领域 %d · 措施 %d", "Edit area and measure · area %d · measure %d"),
		         pv->area, pv->measure);
	else
		snprintf(head, sizeof head, UI_L("修改任务 %d（管理员）", "Edit task %d (administrators)"), pv->num);
	ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_form_draw(&pv->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

/* The field's text when it differs from what it opened with, else NULL. */
static char *changed(plan_view *pv, int k)
{
	char *now = ui_edit_text(&pv->form.fields[k].edit);
	if (strcmp(now, pv->was[k]) == 0) {
		free(now);
		return NULL;
	}
	return now;
}

static void done(ui *u, const char *what)
{
	ui_pop(u);
	ui_data_forget_plan(&u->data);
	ui_relayout(u);
	ui_message(u, false, UI_L("已修改：%s（原来的内容留在留痕中）", "Changed: %s (the old one stays in the trail)"), what);
}

static void failed(ui *u, plan_view *pv, app_result r, const char *why)
{
	pv->confirm = r == APP_CONFIRM;
	if (r == APP_REPLACED)
		ui_reopen_database(u);
	else if (r == APP_CONFIRM)
		ui_message(u, true, UI_L("%s（确认是新单位就再按 F2）", "%s (F2 again: they are new agencies)"), why);
	else
		ui_message(u, true, UI_L("没有保存（输入都还在）：%s", "Not saved (your input is kept): %s"), why);
}

static void save_task(ui *u, plan_view *pv)
{
	const ui_task *t = ui_data_task(&u->data, pv->num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return;
	}
	char *c[T_COUNT];
	for (int k = 0; k < T_COUNT; k++)
		c[k] = changed(pv, k);
	task_change ch = { c[T_TEXT], c[T_DEADLINE], c[T_LEAD], c[T_SUPPORT], 0, pv->confirm };
	char why[2048] = "";
	app_result r = APP_OK;
	if (c[T_MEASURE] && (ch.measure = atoi(c[T_MEASURE])) <= 0) {
		snprintf(why, sizeof why, "%s", UI_L("措施编号应为正整数", "A measure is a number"));
		r = APP_REFUSED;
	}
	if (r == APP_OK && !ch.text && !ch.deadline && !ch.lead && !ch.support && !ch.measure)
		ui_message(u, false, "%s", UI_L("没有改动", "Nothing changed"));
	else if (r == APP_OK && (r = app_edit_task(u->c, &t->d, &ch, why, sizeof why)) == APP_OK)
		done(u, UI_L("任务的定义", "the task"));
	else
		failed(u, pv, r, why);
	for (int k = 0; k < T_COUNT; k++)
		free(c[k]);
}

static void save_sections(ui *u, plan_view *pv)
{
	char *c[S_COUNT];
	for (int k = 0; k < S_COUNT; k++)
		c[k] = changed(pv, k);
	section_edit e[2];
	int n = 0;
	if (c[S_AREA_TITLE] || c[S_AREA_SHORT])
		e[n++] = (section_edit){ false, pv->area, c[S_AREA_TITLE], c[S_AREA_SHORT] };
	if (c[S_MEASURE_TITLE])
		e[n++] = (section_edit){ true, pv->measure, c[S_MEASURE_TITLE], NULL };
	char why[1024];
	app_result r;
	if (n == 0)
		ui_message(u, false, "%s", UI_L("没有改动", "Nothing changed"));
	else if ((r = app_edit_sections(u->c, e, n, why, sizeof why)) == APP_OK)
		done(u, UI_L("领域和措施", "the area and measure"));
	else
		failed(u, pv, r, why);
	for (int k = 0; k < S_COUNT; k++)
		free(c[k]);
}

static bool plan_action(ui *u, view *v, ui_action a)
{
	plan_view *pv = (plan_view *)v;
	if (a == UI_ACT_SAVE) {
		if (pv->sections)
			save_sections(u, pv);
		else
			save_task(u, pv);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		ui_pop(u);
		return true;
	}
	pv->confirm = false;
	return ui_form_action(&pv->form, a);
}

static void plan_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	plan_view *pv = (plan_view *)v;
	pv->confirm = false;
	ui_form_view_text(&pv->form, cp);
}

static void plan_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((plan_view *)v)->form, ev);
}

static int plan_task(ui *u, view *v)
{
	(void)u;
	return ((plan_view *)v)->num;
}

static void plan_free(view *v)
{
	plan_view *pv = (plan_view *)v;
	ui_form_free(&pv->form);
	for (int k = 0; k < T_COUNT; k++)
		free(pv->was[k]);
	free(pv);
}

static const ui_action plan_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops plan_task_ops = {
	.explain = {
		"修改任务（管理员）：任务内容、完成时限（照文件写，如 2018年年底前、2017年、2018年）、牵头和配合单位"
		"（用 、 分隔，可用别名；数据库中没有的单位要再按一次 F2 确认）、所属措施的编号。F2 保存，记入留痕；"
		"Esc 放弃。",
		"Edit a task (administrators): its text, deadline (as the document writes it), lead and supporting agencies "
		"(、 between; an alias will do; an agency the database does not know needs a second F2), its measure's "
		"number. F2 saves into the audit trail; Esc gives up.",
	},
	.name = "edit-task",
	.scope = UI_SCOPE_EDIT,
	.draw = plan_draw,
	.action = plan_action,
	.text = plan_text,
	.mouse = plan_mouse,
	.task = plan_task,
	.free = plan_free,
	.hints = plan_hints,
};

static const view_ops plan_section_ops = {
	.explain = {
		"修改领域和措施（管理员）：所选任务所在领域的标题和简称（简称显示在领域标签和窄栏中，最多 20 字），"
		"以及它所属措施的标题。F2 保存，记入留痕；Esc 放弃。",
		"Edit the area and measure of the selected task (administrators): the area's title and label (shown on "
		"its tab, at most 20 characters), the measure's title. F2 saves into the audit trail; Esc gives up.",
	},
	.name = "edit-area",
	.scope = UI_SCOPE_EDIT,
	.draw = plan_draw,
	.action = plan_action,
	.text = plan_text,
	.mouse = plan_mouse,
	.task = plan_task,
	.free = plan_free,
	.hints = plan_hints,
};

view *ui_plan_edit_new(ui *u, int num, bool sections)
{
	if (num <= 0 || !ui_may_write(u, num, PERM_DEFINE))
		return NULL;
	ui_data_forget(&u->data, num);
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return NULL;
	}
	plan_view *pv = xcalloc(1, sizeof *pv);
	pv->base.ops = sections ? &plan_section_ops : &plan_task_ops;
	pv->num = num;
	pv->sections = sections;
	pv->area = t->d.task.area_num;
	pv->measure = t->d.task.measure_num;
	if (sections)
		build_section_form(pv, &t->d.task);
	else
		build_task_form(pv, &t->d.task);
	return &pv->base;
}
