/* Plan switcher: a database may hold several plans (the built-in one and
 * any imported 分工表); Enter makes the selected plan the current one for
 * every view, as --plan does on the command line. */
#include "ui_plans.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ui_draw.h"
#include "ui_i18n.h"
#include "ui_list.h"
#include "ui_panes.h"
#include "ui_recover.h"
#include "ducha/xalloc.h"

enum { TITLE_Y = 1, HEADER_Y = 2, LIST_Y = 3, CODE_W = 24, DATES_W = 23 };

typedef struct plans_view {
	view base;
	plan_rec *list;
	int n;
	ui_list sel;
} plans_view;

static void plans_layout(ui *u, view *v)
{
	plans_view *p = (plans_view *)v;
	store_plans_free(p->list, p->n);
	p->list = NULL;
	p->n = 0;
	if (!store_plans(u->c->st, &p->list, &p->n))
		ui_message(u, true, "%s", store_error(u->c->st));
	for (int i = 0; i < p->n && p->sel.sel == 0; i++)
		if (p->list[i].id == u->c->plan.id)
			p->sel.sel = i;
	ui_list_fit(&p->sel, p->n, ui_body_end() - LIST_Y + 1);
}

static void draw_row(ui *u, plans_view *p, int i, int y)
{
	const plan_rec *pl = &p->list[i];
	bool on = i == p->sel.sel;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], dates[32];
	date_format(pl->starts, from);
	date_format(pl->ends, to);
	snprintf(dates, sizeof dates, "%s–%s", from, to);
	ui_blank(y, 0, COLS, UI_E_NORMAL);
	ui_put(y, 0, 1, on ? ">" : " ", on ? UI_E_SELECTED : UI_E_NORMAL);
	ui_put(y, 1, 2, pl->id == u->c->plan.id ? "*" : " ", UI_E_LABEL);
	ui_put(y, 3, CODE_W, pl->code, on ? UI_E_SELECTED : UI_E_NORMAL);
	ui_put(y, 4 + CODE_W, DATES_W, dates, UI_E_NORMAL);
	ui_put(y, 5 + CODE_W + DATES_W, COLS - 6 - CODE_W - DATES_W, pl->title, UI_E_NORMAL);
}

static void plans_draw(ui *u, view *v)
{
	plans_view *p = (plans_view *)v;
	char title[200];
	snprintf(title, sizeof title, UI_L("工作方案：%d 个（* 为当前方案）；Enter 切换",
	                                   "%d plans (* is the current one); Enter switches"), p->n);
	ui_put(TITLE_Y, 1, COLS - 2, title, UI_E_LABEL);
	ui_blank(HEADER_Y, 0, COLS, UI_E_HEADER);
	ui_put(HEADER_Y, 3, CODE_W, UI_L("文号", "Code"), UI_E_HEADER);
	ui_put(HEADER_Y, 4 + CODE_W, DATES_W, UI_L("起止日期", "From–to"), UI_E_HEADER);
	ui_put(HEADER_Y, 5 + CODE_W + DATES_W, COLS - 6 - CODE_W - DATES_W, UI_L("名称", "Title"),
	       UI_E_HEADER);
	for (int r = 0; r < p->sel.height && p->sel.top + r < p->n; r++)
		draw_row(u, p, p->sel.top + r, LIST_Y + r);
}

/* Everything on screen belongs to one plan: reopen the data and start again
 * from the main screen. Drafts belong to the old plan's tasks, so a switch
 * waits until they are saved or dropped. */
static void switch_plan(ui *u, const plan_rec *to)
{
	app *c = u->c;
	if (to->id == c->plan.id) {
		ui_pop(u);
		return;
	}
	if (ui_unsaved_forms(u)) {
		ui_message(u, true, "%s", UI_L("有未保存的填报或记录草稿：请先保存或放弃，再切换方案",
		                               "Unsaved drafts: save or drop them before switching plans"));
		return;
	}
	plan_rec next;
	if (!store_plan(c->st, to->code, &next)) {
		ui_message(u, true, "%s", store_error(c->st));
		return;
	}
	ui_data_close(&u->data);
	model_plan_free(&c->plan);
	c->plan = next;
	if (!ui_data_open(&u->data, c->st, &c->plan, c->as_of, &c->cfg.flags, ui_english()))
		ui_message(u, true, "%s", u->data.err);
	while (u->depth)
		ui_pop(u);
	memset(&u->filter, 0, sizeof u->filter);
	ui_push(u, ui_panes_new(u));
	ui_relayout(u);
	ui_message(u, false, UI_L("已切换到 %s", "Switched to %s"), c->plan.code);
	ui_recover_restore(u);
}

void ui_reopen_database(ui *u)
{
	app *c = u->c;
	char err[1024], why[512];
	snprintf(why, sizeof why, "%.500s", store_error(c->st));
	store *fresh = store_open(c->db_path, 0, c->cfg.busy_timeout_ms, err, sizeof err);
	plan_rec next;
	if (!fresh || !store_plan(fresh, c->plan.code, &next)) {
		ui_message(u, true, UI_L("%s；重新打开失败：%s（你的输入已存为草稿）", "%s; reopening failed: %s (your input is kept as drafts)"),
		           why, fresh ? store_error(fresh) : err);
		store_close(fresh);
		return;
	}
	ui_data_close(&u->data);
	store_close(c->st);
	model_plan_free(&c->plan);
	c->st = fresh;
	c->plan = next;
	if (!ui_data_open(&u->data, c->st, &c->plan, c->as_of, &c->cfg.flags, ui_english()))
		ui_message(u, true, "%s", u->data.err);
	/* Forms with input become drafts (u or n on the task brings them back). */
	while (u->depth) {
		view *v = ui_detach(u);
		if (!ui_holds_input(u, v) || !ui_draft_keep(u, v))
			v->ops->free(v);
	}
	ui_push(u, ui_panes_new(u));
	ui_relayout(u);
	ui_message(u, true, UI_L("数据库文件已被替换，刚才没有保存；已打开现在的文件，输入留作草稿（在任务上按 u 或 n 取回）",
	                         "The database file was replaced: not saved; the new file is open and your input kept as a draft (u or n on the task)"));
}

static bool plans_action(ui *u, view *v, ui_action a)
{
	plans_view *p = (plans_view *)v;
	if (a == UI_ACT_OPEN) {
		if (p->n)
			switch_plan(u, &p->list[p->sel.sel]);
		return true;
	}
	return ui_list_action(&p->sel, a);
}

static void plans_mouse(ui *u, view *v, const ui_event *ev)
{
	plans_view *p = (plans_view *)v;
	if (ui_list_mouse(&p->sel, ev->mouse, ev->y, LIST_Y) && p->n)
		switch_plan(u, &p->list[p->sel.sel]);
}

static void plans_free(view *v)
{
	plans_view *p = (plans_view *)v;
	store_plans_free(p->list, p->n);
	free(p);
}

static const ui_action plans_hints[] = {
	UI_ACT_OPEN, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops plans_ops = {
	.name = "plans",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST,
	.layout = plans_layout,
	.draw = plans_draw,
	.action = plans_action,
	.mouse = plans_mouse,
	.free = plans_free,
	.hints = plans_hints,
};

view *ui_plans_new(ui *u)
{
	(void)u;
	plans_view *p = xcalloc(1, sizeof *p);
	p->base.ops = &plans_ops;
	return &p->base;
}
