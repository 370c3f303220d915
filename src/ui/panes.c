/* The main screen: a tab per area, the area's tasks under it. */
#include "ui_panes.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_draw.h"
#include "ui_filter.h"
#include "ui_i18n.h"
#include "ui_list.h"
#include "ui_rows.h"
#include "ducha/xalloc.h"

enum { PANES_MAX = 9, TABS_Y = 1, AREA_Y = 2, HEADER_Y = 3, LIST_Y = 4 };

/* A pane per area, then 全部 (every task of the plan). */
typedef struct panes {
	view base;
	int area;                   /* index into the areas; pane_count: 全部 */
	int *nums[PANES_MAX + 1];
	int count[PANES_MAX + 1];
	ui_list list[PANES_MAX + 1];
	int tab_x[PANES_MAX + 2];   /* where each tab starts; the last is the end */
	ui_row_cols cols;
	bool load_failed;
	bool stale[PANES_MAX + 1];  /* read again when next shown */
} panes;

/* The areas' panes. */
static int pane_count(ui *u)
{
	return u->data.nareas < PANES_MAX ? u->data.nareas : PANES_MAX;
}

/* The areas' panes and 全部. */
static int tab_count(ui *u)
{
	return pane_count(u) ? pane_count(u) + 1 : 0;
}

static bool is_all(ui *u, int i)
{
	return i == pane_count(u);
}

static int selected_num(const panes *p)
{
	const ui_list *l = &p->list[p->area];
	return l->n ? p->nums[p->area][l->sel] : 0;
}

/* Reads an area's task numbers again, keeping the selected task selected. */
static void load_area(ui *u, panes *p, int i, int height)
{
	int keep = p->list[i].n ? p->nums[i][p->list[i].sel] : 0;
	free(p->nums[i]);
	p->nums[i] = NULL;
	p->count[i] = 0;
	int area = is_all(u, i) ? 0 : u->data.areas[i].num;
	if (!ui_data_nums(&u->data, area, &u->filter, &p->nums[i], &p->count[i]) ||
	    !ui_data_sort(&u->data, p->nums[i], p->count[i], u->sort)) {
		ui_message(u, true, "%s", u->data.err);
		p->load_failed = true;
	}
	for (int k = 0; k < p->count[i]; k++)
		if (p->nums[i][k] == keep)
			p->list[i].sel = k;
	ui_list_fit(&p->list[i], p->count[i], height);
	p->stale[i] = false;
}

/* Only the pane shown is read; the others when they are switched to. */
static void panes_layout(ui *u, view *v)
{
	panes *p = (panes *)v;
	p->load_failed = false;
	for (int i = 0; i < tab_count(u); i++)
		p->stale[i] = true;
	if (pane_count(u))
		load_area(u, p, p->area, ui_body_end() - LIST_Y + 1);
	ui_rows_layout(&p->cols, 0, COLS, false);
}

static void draw_tabs(ui *u, panes *p)
{
	int x = 0;
	ui_blank(TABS_Y, 0, COLS, UI_E_TAB);
	char all_key[32];
	ui_keymap_first(&u->keys, UI_ACT_AREA_ALL, all_key, sizeof all_key);
	for (int i = 0; i < tab_count(u); i++) {
		char label[64];
		bool on = i == p->area;
		/* Brackets mark the current pane without colour. */
		if (is_all(u, i))
			snprintf(label, sizeof label, "%s%s %s%s", on ? "[" : " ", all_key, UI_L("全部", "All"), on ? "]" : " ");
		else
			snprintf(label, sizeof label, "%s%d %s%s", on ? "[" : " ", u->data.areas[i].num,
			         u->data.areas[i].short_name, on ? "]" : " ");
		p->tab_x[i] = x;
		x += ui_put(TABS_Y, x, COLS - x, label, on ? UI_E_TAB_ACTIVE : UI_E_TAB) + 1;
	}
	p->tab_x[tab_count(u)] = x;
}

static void filter_text(ui *u, char *buf, size_t len)
{
	char what[300];
	ui_filter_describe(&u->filter, what, sizeof what);
	snprintf(buf, len, UI_L("筛选：%s", "Filter: %s"), what);
}

static void draw_area_line(ui *u, panes *p)
{
	char cn[16], line[400], filter[300] = "";
	if (is_all(u, p->area)) {
		snprintf(line, sizeof line, UI_L("全部任务（各领域）　%d 项", "All tasks (every area)  %d"), p->count[p->area]);
	} else {
		const area_rec *a = &u->data.areas[p->area];
		if (ui_english())
			snprintf(cn, sizeof cn, "%d", a->num);
		else
			text_cn_number(a->num, cn, sizeof cn);
		snprintf(line, sizeof line, UI_L("%s、%s　%d 项任务", "%s. %s  %d tasks"), cn, a->title, p->count[p->area]);
	}
	if (u->sort != UI_SORT_NUMBER) {
		size_t used = strlen(line);
		snprintf(line + used, sizeof line - used, UI_L("，%s", ", %s"), ui_sort_label(u->sort, ui_english()));
	}
	if (ui_filter_active(&u->filter))
		filter_text(u, filter, sizeof filter);
	char pos[40];
	ui_list_position(&p->list[p->area], pos, sizeof pos);
	/* Two columns spare at the right: arrows are drawn wide by some terminals. */
	int pw = text_width(pos), right = COLS - pw - 2;
	int fw = text_width(filter);
	int used = ui_put(AREA_Y, 1, right - fw - 3, line, UI_E_LABEL);
	if (fw)
		ui_put(AREA_Y, used + 3 > right - fw - 2 ? used + 3 : right - fw - 2, fw, filter, UI_E_MESSAGE);
	ui_put(AREA_Y, right, pw, pos, UI_E_DIM);
}

static void panes_draw(ui *u, view *v)
{
	panes *p = (panes *)v;
	if (pane_count(u) == 0)
		return;
	draw_tabs(u, p);
	draw_area_line(u, p);
	ui_rows_header(&p->cols, HEADER_Y);
	const ui_list *l = &p->list[p->area];
	if (l->n == 0 && !p->load_failed)
		ui_put(LIST_Y, 2, COLS - 2, ui_filter_active(&u->filter)
		       ? UI_L("（本领域没有符合筛选条件的任务；按 f 修改筛选）", "(No task here matches the filter; f changes it)")
		       : UI_L("（本领域没有任务）", "(No tasks in this area)"), UI_E_DIM);
	int shown = l->n - l->top < l->height ? l->n - l->top : l->height;
	if (shown > 0)
		ui_data_prefetch(&u->data, p->nums[p->area] + l->top, shown);
	for (int r = 0; r < shown; r++)
		ui_rows_draw(u, &p->cols, LIST_Y + r, p->nums[p->area][l->top + r], l->top + r == l->sel, NULL);
}

static void switch_to(ui *u, panes *p, int i)
{
	int n = tab_count(u);
	if (!n)
		return;
	p->area = (i % n + n) % n;
	if (p->stale[p->area])
		load_area(u, p, p->area, ui_body_end() - LIST_Y + 1);
}

static bool panes_action(ui *u, view *v, ui_action a)
{
	panes *p = (panes *)v;
	if (a >= UI_ACT_AREA_1 && a <= UI_ACT_AREA_5) {
		if (a - UI_ACT_AREA_1 < pane_count(u))
			switch_to(u, p, a - UI_ACT_AREA_1);
		return true;
	}
	if (a == UI_ACT_AREA_ALL) {
		switch_to(u, p, pane_count(u));
		return true;
	}
	switch (a) {
	case UI_ACT_NEXT_PANE: switch_to(u, p, p->area + 1); return true;
	case UI_ACT_PREV_PANE: switch_to(u, p, p->area - 1); return true;
	case UI_ACT_OPEN: ui_open_task(u, selected_num(p)); return true;
	default: return ui_list_action(&p->list[p->area], a);
	}
}

static void panes_mouse(ui *u, view *v, const ui_event *ev)
{
	panes *p = (panes *)v;
	ui_list *l = &p->list[p->area];
	if (ev->y == TABS_Y && ev->mouse != UI_MOUSE_WHEEL_UP && ev->mouse != UI_MOUSE_WHEEL_DOWN) {
		for (int i = 0; i < tab_count(u); i++)
			if (ev->x >= p->tab_x[i] && ev->x < p->tab_x[i + 1])
				switch_to(u, p, i);
		return;
	}
	if (ui_list_mouse(l, ev->mouse, ev->y, LIST_Y))
		ui_open_task(u, selected_num(p));
}

static int panes_task(ui *u, view *v)
{
	(void)u;
	return selected_num((panes *)v);
}

static int panes_step(ui *u, view *v, int from, int delta)
{
	(void)u;
	panes *p = (panes *)v;
	return ui_list_step_from(&p->list[p->area], p->nums[p->area], from, delta);
}

static void panes_free(view *v)
{
	panes *p = (panes *)v;
	for (int i = 0; i <= PANES_MAX; i++)
		free(p->nums[i]);
	free(p);
}

static const ui_action panes_hints[] = {
	UI_ACT_OPEN, UI_ACT_REPORT, UI_ACT_NOTE, UI_ACT_LAGGING, UI_ACT_AGENCIES, UI_ACT_SEARCH,
	UI_ACT_FILTER, UI_ACT_QUIT, UI_ACT_AREA_1, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops panes_ops = {
	.name = "panes",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST | UI_SCOPE_PANES | UI_SCOPE_TASK,
	.layout = panes_layout,
	.draw = panes_draw,
	.action = panes_action,
	.mouse = panes_mouse,
	.task = panes_task,
	.step = panes_step,
	.free = panes_free,
	.hints = panes_hints,
};

view *ui_panes_new(ui *u)
{
	(void)u;
	panes *p = xcalloc(1, sizeof *p);
	p->base.ops = &panes_ops;
	return &p->base;
}
