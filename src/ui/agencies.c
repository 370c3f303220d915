/* Agencies: how many tasks each leads and supports, and how those tasks
 * stand; Enter lists an agency's tasks. */
#include "ui_agencies.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_calendar.h"
#include "ducha/date.h"
#include "ducha/text.h"
#include "ui_draw.h"
#include "ui_i18n.h"
#include "ui_agency_trend.h"
#include "ui_list.h"
#include "ui_print.h"
#include "ui_tasklist.h"
#include "ducha/xalloc.h"

enum { TITLE_Y = 1, HEADER_Y = 2, LIST_Y = 3, COUNT_W = 4, NAME_MAX_W = 30 };
/* 本期填报's columns: 应报 (all the reports owed), 已报, 待审核, 已退回, 未报. */
enum { PERIOD_W = 6 };
enum { PERIOD_OWED, PERIOD_FILED, PERIOD_WAITING, PERIOD_RETURNED, PERIOD_MISSING, PERIOD_COLUMNS };

typedef struct agencies_view {
	view base;
	const agency_rec *list;      /* the data's (ui_data_agencies) */
	int n;
	int (*flags)[FLAG_COUNT];   /* per agency: its tasks (lead or support) by flag */
	bool period;                /* 本期填报: the quarter's reports of the tasks each leads */
	int (*standing)[PERIOD_COLUMNS];
	ui_list sel;
	int name_w, flag_w[FLAG_COUNT];
	bool failed;
	int unjudged;               /* tasks not judged yet: the counts are of the rest */
} agencies_view;

static void drop(agencies_view *a)
{
	free(a->flags);
	free(a->standing);
	a->list = NULL;
	a->flags = NULL;
	a->standing = NULL;
	a->n = 0;
}

static int agency_index(const agencies_view *a, int64_t id)
{
	for (int i = 0; i < a->n; i++)
		if (a->list[i].id == id)
			return i;
	return -1;
}

static void count_standing(int *c, quarter_standing s)
{
	if (s == STANDING_NONE)
		return;
	c[PERIOD_OWED]++;
	c[s == STANDING_DUE || s == STANDING_MISSING ? PERIOD_MISSING : PERIOD_FILED]++;
	c[PERIOD_WAITING] += s == STANDING_SUBMITTED;
	c[PERIOD_RETURNED] += s == STANDING_RETURNED;
}

/* Every agency's tasks by flag: who does what in one query, and the rows
 * of the plan's tasks read together. */
static bool count_flags(ui *u, agencies_view *a)
{
	const agency_task *links;
	int nlinks, *all, total, i = -1;
	if (!ui_data_agencies(&u->data, NULL, NULL, &links, &nlinks))
		return false;
	/* Judged ahead of need while keys are awaited (ui_data_fill); until
	 * then the counts are of those judged so far and the title says so. */
	ui_data_settle_if_few(&u->data);
	bool ahead = ui_data_fill_pending(&u->data) && u->data.unjudged != 0;
	bool ok = ui_data_nums(&u->data, 0, NULL, &all, &total);
	a->unjudged = 0;
	if (ok) {
		for (int k = 0; ahead && k < total; k++)
			a->unjudged += ui_data_known_row(&u->data, all[k]) == NULL;
		ok = ahead || ui_data_prefetch(&u->data, all, total);
		free(all);
	}
	u->data.shown_partial = u->data.shown_partial || a->unjudged > 0;
	for (int k = 0; k < nlinks && ok; k++) {
		if (k == 0 || links[k].agency_id != links[k - 1].agency_id)
			i = agency_index(a, links[k].agency_id);
		const ui_row *t = i < 0 ? NULL : ahead ? ui_data_known_row(&u->data, links[k].num)
		                                       : ui_data_row(&u->data, links[k].num);
		if (ahead && !t)
			continue;
		if (i >= 0 && (ok = t != NULL)) {
			a->flags[i][t->flag]++;
			if (model_agency_in(t->task.lead, a->list[i].name))
				count_standing(a->standing[i], t->standing);
		}
	}
	return ok;
}

static bool load(ui *u, agencies_view *a)
{
	if (!ui_data_agencies(&u->data, &a->list, &a->n, NULL, NULL))
		return false;
	a->flags = xcalloc((size_t)a->n + 1, sizeof *a->flags);
	a->standing = xcalloc((size_t)a->n + 1, sizeof *a->standing);
	return count_flags(u, a);
}

static void widths(agencies_view *a)
{
	int rest = 1 + 2 * (COUNT_W + 1);
	for (int f = 0; f < FLAG_COUNT; f++) {
		int w = text_width(flag_label((flag_value)f, ui_english()));
		a->flag_w[f] = w > COUNT_W ? w : COUNT_W;
		rest += a->flag_w[f] + 1;
	}
	/* Wide screens do not push the counts away from the names. */
	a->name_w = COLS - rest - 1 < NAME_MAX_W ? COLS - rest - 1 : NAME_MAX_W;
}

static void agencies_layout(ui *u, view *v)
{
	agencies_view *a = (agencies_view *)v;
	drop(a);
	a->failed = !load(u, a);
	if (a->failed)
		ui_message(u, true, "%s", u->data.err);
	ui_list_fit(&a->sel, a->n, ui_body_end() - LIST_Y + 1);
	widths(a);
}

static const char *period_label(int col)
{
	static const char *const zh[PERIOD_COLUMNS] = { "应报", "已报", "待审核", "已退回", "未报" };
	static const char *const en[PERIOD_COLUMNS] = { "owed", "filed", "review", "returned", "missing" };
	return ui_english() ? en[col] : zh[col];
}

static void draw_period_header(agencies_view *a)
{
	int x = 1;
	ui_blank(HEADER_Y, 0, COLS, UI_E_HEADER);
	ui_put(HEADER_Y, x, a->name_w, UI_L("单位", "Agency"), UI_E_HEADER);
	x += a->name_w + 1;
	for (int k = 0; k < PERIOD_COLUMNS; k++) {
		ui_put_pad(HEADER_Y, x, PERIOD_W, period_label(k), UI_E_HEADER, true);
		x += PERIOD_W + 1;
	}
}

static void draw_period_row(agencies_view *a, int i, int y)
{
	bool on = i == a->sel.sel;
	ui_elem mark = on ? UI_E_SELECTED : UI_E_NORMAL;
	char num[16];
	int x = 1;
	ui_blank(y, 0, COLS, UI_E_NORMAL);
	ui_put(y, 0, 1, on ? ">" : " ", mark);
	ui_put(y, x, a->name_w, a->list[i].name, mark);
	x += a->name_w + 1;
	for (int k = 0; k < PERIOD_COLUMNS; k++) {
		int c = a->standing[i][k];
		snprintf(num, sizeof num, "%d", c);
		ui_elem e = c && k == PERIOD_RETURNED ? UI_E_ERROR : c && k == PERIOD_MISSING ? UI_E_FLAG_UNREPORTED : UI_E_NORMAL;
		ui_put_pad(y, x, PERIOD_W, c ? num : "-", e, true);
		x += PERIOD_W + 1;
	}
}

static void draw_header(agencies_view *a)
{
	int x = 1;
	ui_blank(HEADER_Y, 0, COLS, UI_E_HEADER);
	ui_put(HEADER_Y, x, a->name_w, UI_L("单位", "Agency"), UI_E_HEADER);
	x += a->name_w + 1;
	ui_put_pad(HEADER_Y, x, COUNT_W, UI_L("牵头", "Lead"), UI_E_HEADER, true);
	x += COUNT_W + 1;
	ui_put_pad(HEADER_Y, x, COUNT_W, UI_L("配合", "Supp"), UI_E_HEADER, true);
	x += COUNT_W + 1;
	/* Worst first, as in the lagging view. */
	for (int f = FLAG_COUNT - 1; f >= 0; f--) {
		ui_put_pad(HEADER_Y, x, a->flag_w[f], flag_label((flag_value)f, ui_english()), UI_E_HEADER, true);
		x += a->flag_w[f] + 1;
	}
}

static void draw_row(agencies_view *a, int i, int y)
{
	bool on = i == a->sel.sel;
	/* As in the task lists, only the sign and the name show the selection. */
	ui_elem e = UI_E_NORMAL, mark = on ? UI_E_SELECTED : UI_E_NORMAL;
	char num[16];
	int x = 1;
	ui_blank(y, 0, COLS, e);
	ui_put(y, 0, 1, on ? ">" : " ", mark);
	ui_put(y, x, a->name_w, a->list[i].name, mark);
	x += a->name_w + 1;
	snprintf(num, sizeof num, "%d", a->list[i].lead);
	ui_put_pad(y, x, COUNT_W, num, e, true);
	x += COUNT_W + 1;
	snprintf(num, sizeof num, "%d", a->list[i].support);
	ui_put_pad(y, x, COUNT_W, num, e, true);
	x += COUNT_W + 1;
	for (int f = FLAG_COUNT - 1; f >= 0; f--) {
		int c = a->flags[i][f];
		snprintf(num, sizeof num, "%d", c);
		ui_put_pad(y, x, a->flag_w[f], c ? num : "-", c ? ui_flag_elem((flag_value)f) : e, true);
		x += a->flag_w[f] + 1;
	}
}

/* "本期填报 2017Q4（2018-01-15 前报送）：按各单位牵头的任务计". */
static void period_title(ui *u, char *buf, size_t len)
{
	int y, q, grace = u->c->cfg.flags.report_grace_days;
	char period[PERIOD_TEXT_SIZE], due[DATE_TEXT_SIZE];
	calendar_due_quarter(u->c->as_of, u->c->plan.starts, grace, &y, &q);
	period_format(y, q, period);
	date_format(calendar_due_date(y, q, grace), due);
	snprintf(buf, len, UI_L("本期填报 %s（%s 前报送）：按各单位牵头的任务计；Enter 看该单位的任务",
	                        "Reports for %s (due %s), by the tasks each agency leads; Enter lists them"),
	         period, due);
}

static void agencies_draw(ui *u, view *v)
{
	agencies_view *a = (agencies_view *)v;
	char title[300], full[400];
	if (a->period)
		period_title(u, title, sizeof title);
	else
		snprintf(title, sizeof title, UI_L("单位一览：%d 个单位；预警数按该单位牵头或配合的任务计",
		                                   "%d agencies; flags count the tasks each leads or supports"), a->n);
	snprintf(full, sizeof full, "%s", title);
	if (a->unjudged > 0)
		snprintf(full, sizeof full, UI_L("正在判定（还有 %d 项未判定）：%s", "judging (%d tasks to go): %s"),
		         a->unjudged, title);
	ui_put(TITLE_Y, 1, COLS - 2, full, UI_E_LABEL);
	if (a->period)
		draw_period_header(a);
	else
		draw_header(a);
	for (int r = 0; r < a->sel.height && a->sel.top + r < a->n; r++)
		if (a->period)
			draw_period_row(a, a->sel.top + r, LIST_Y + r);
		else
			draw_row(a, a->sel.top + r, LIST_Y + r);
}

/* The source of an agency's task list. */
typedef struct agency_src {
	int64_t id;
	char name[101];
} agency_src;

static bool load_agency_tasks(ui *u, void *ctx, int **nums, int *n, char *title, size_t len)
{
	const agency_src *s = ctx;
	task_filter q = { .agency_id = s->id };
	if (!store_task_nums(u->c->st, u->c->plan.id, &q, nums, n)) {
		snprintf(u->data.err, sizeof u->data.err, "%s", store_error(u->c->st));
		return false;
	}
	int lead = 0;
	ui_data_prefetch(&u->data, *nums, *n);
	for (int i = 0; i < *n; i++) {
		const ui_row *t = ui_data_row(&u->data, (*nums)[i]);
		lead += t && model_agency_in(t->task.lead, s->name);
	}
	snprintf(title, len, UI_L("%s 的任务：牵头 %d 项，配合 %d 项", "Tasks of %s: leads %d, supports %d"), s->name,
	         lead, *n - lead);
	return true;
}

static void open_agency(ui *u, agencies_view *a)
{
	if (a->n == 0)
		return;
	agency_src *s = xcalloc(1, sizeof *s);
	s->id = a->list[a->sel.sel].id;
	snprintf(s->name, sizeof s->name, "%s", a->list[a->sel.sel].name);
	ui_tasklist_source src = { .load = load_agency_tasks, .free = free, .ctx = s, .agency = s->name,
	                           .kind = "agency" };
	ui_push(u, ui_tasklist_new(u, &src));
}

static bool agencies_action(ui *u, view *v, ui_action a)
{
	agencies_view *av = (agencies_view *)v;
	if (a == UI_ACT_OPEN) {
		open_agency(u, av);
		return true;
	}
	if (a == UI_ACT_PRINT) {
		if (av->n)
			ui_print_agency(u, av->list[av->sel.sel].id, av->list[av->sel.sel].name);
		return true;
	}
	if (a == UI_ACT_TREND) {
		if (av->n)
			ui_push(u, ui_agency_trend_new(u, av->list[av->sel.sel].id, av->list[av->sel.sel].name));
		return true;
	}
	return ui_list_action(&av->sel, a);
}

static void agencies_mouse(ui *u, view *v, const ui_event *ev)
{
	agencies_view *a = (agencies_view *)v;
	if (ui_list_mouse(&a->sel, ev->mouse, ev->y, LIST_Y))
		open_agency(u, a);
}

static void agencies_free(view *v)
{
	agencies_view *a = (agencies_view *)v;
	drop(a);
	free(a);
}

static const ui_action agencies_hints[] = {
	UI_ACT_OPEN, UI_ACT_TREND, UI_ACT_PRINT, UI_ACT_LAGGING, UI_ACT_SEARCH, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP, UI_ACT_NONE,
};

/* One view, two names: 单位一览 and 本期填报 (a->period). */
#define AGENCIES_OPS(view_name) { \
	.name = view_name, .scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST, .layout = agencies_layout, \
	.draw = agencies_draw, .action = agencies_action, .mouse = agencies_mouse, .free = agencies_free, \
	.hints = agencies_hints, }

static const view_ops agencies_ops = AGENCIES_OPS("agencies");

view *ui_agencies_new(ui *u)
{
	(void)u;
	agencies_view *a = xcalloc(1, sizeof *a);
	a->base.ops = &agencies_ops;
	return &a->base;
}

static const view_ops period_ops = AGENCIES_OPS("period");

view *ui_period_new(ui *u)
{
	agencies_view *a = (agencies_view *)ui_agencies_new(u);
	a->base.ops = &period_ops;
	a->period = true;
	return &a->base;
}
