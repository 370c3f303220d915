/* A titled list of tasks, read again from its source after every save. */
#include "ui_tasklist.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_filter.h"
#include "ui_i18n.h"
#include "ui_list.h"
#include "ui_print.h"
#include "ui_rows.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

enum { TITLE_Y = 1, HEADER_Y = 2, LIST_Y = 3 };

typedef struct tasklist {
	view base;
	ui_tasklist_source src;
	int *nums;
	int n;
	ui_list list;
	ui_row_cols cols;
	char title[400];
	bool failed;
} tasklist;

static int selected_num(const tasklist *t)
{
	return t->list.n ? t->nums[t->list.sel] : 0;
}

/* The list's tasks under the task lists' filter, in their sort order (a
 * list keeps its own order, worst first for the lagging view, until s
 * chooses another); the title says so. */
static bool refine(ui *u, tasklist *t)
{
	if (ui_filter_active(&u->filter)) {
		int *allowed = NULL, nallowed = 0, kept = 0, top = 0;
		if (!ui_data_nums(&u->data, 0, &u->filter, &allowed, &nallowed))
			return false;
		for (int k = 0; k < nallowed; k++)
			top = allowed[k] > top ? allowed[k] : top;
		bool *in = xcalloc((size_t)top + 1, sizeof *in);
		for (int k = 0; k < nallowed; k++)
			in[allowed[k]] = allowed[k] > 0;
		for (int i = 0; i < t->n; i++)
			if (t->nums[i] > 0 && t->nums[i] <= top && in[t->nums[i]])
				t->nums[kept++] = t->nums[i];
		free(in);
		free(allowed);
		char what[300], was[sizeof t->title];
		ui_filter_describe(&u->filter, what, sizeof what);
		snprintf(was, sizeof was, "%s", t->title);
		snprintf(t->title, sizeof t->title, UI_L("筛选（%s）%d 项 · %s", "Filtered (%s): %d · %s"), what, kept, was);
		t->n = kept;
	}
	if (u->sort != UI_SORT_NUMBER) {
		if (!ui_data_sort(&u->data, t->nums, t->n, u->sort))
			return false;
		size_t used = strlen(t->title);
		snprintf(t->title + used, sizeof t->title - used, UI_L("，%s", ", %s"), ui_sort_label(u->sort, ui_english()));
	}
	return true;
}

static void tasklist_layout(ui *u, view *v)
{
	tasklist *t = (tasklist *)v;
	int keep = selected_num(t);
	free(t->nums);
	t->nums = NULL;
	t->n = 0;
	t->failed = !t->src.load(u, t->src.ctx, &t->nums, &t->n, t->title, sizeof t->title) || !refine(u, t);
	if (t->failed)
		ui_message(u, true, "%s", u->data.err);
	for (int i = 0; i < t->n; i++)
		if (t->nums[i] == keep)
			t->list.sel = i;
	ui_list_fit(&t->list, t->n, ui_body_end() - LIST_Y + 1);
	ui_rows_layout(&t->cols, 0, COLS, t->src.agency != NULL);
	t->cols.standing = t->src.standing;
}

static void tasklist_draw(ui *u, view *v)
{
	tasklist *t = (tasklist *)v;
	char pos[40];
	ui_list_position(&t->list, pos, sizeof pos);
	int pw = text_width(pos);
	ui_put(TITLE_Y, 1, COLS - pw - 5, t->title, UI_E_LABEL);
	ui_put(TITLE_Y, COLS - pw - 2, pw, pos, UI_E_DIM);
	ui_rows_header(&t->cols, HEADER_Y);
	if (t->n == 0 && !t->failed)
		ui_put(LIST_Y, 2, COLS - 2, UI_L("（没有任务）", "(no tasks)"), UI_E_DIM);
	int shown = t->n - t->list.top < t->list.height ? t->n - t->list.top : t->list.height;
	if (shown > 0)
		ui_data_prefetch(&u->data, t->nums + t->list.top, shown);
	for (int r = 0; r < shown; r++)
		ui_rows_draw(u, &t->cols, LIST_Y + r, t->nums[t->list.top + r], t->list.top + r == t->list.sel,
		             t->src.agency);
}

static bool tasklist_action(ui *u, view *v, ui_action a)
{
	tasklist *t = (tasklist *)v;
	if (a == UI_ACT_OPEN) {
		ui_open_task(u, selected_num(t));
		return true;
	}
	if (a == UI_ACT_PRINT) {
		ui_print_list(u, t->src.kind, t->src.agency, t->title, t->nums, t->n);
		return true;
	}
	return ui_list_action(&t->list, a);
}

static void tasklist_mouse(ui *u, view *v, const ui_event *ev)
{
	tasklist *t = (tasklist *)v;
	if (ui_list_mouse(&t->list, ev->mouse, ev->y, LIST_Y))
		ui_open_task(u, selected_num(t));
}

static int tasklist_task(ui *u, view *v)
{
	(void)u;
	return selected_num((tasklist *)v);
}

static int tasklist_step(ui *u, view *v, int from, int delta)
{
	(void)u;
	tasklist *t = (tasklist *)v;
	return ui_list_step_from(&t->list, t->nums, from, delta);
}

static void tasklist_free(view *v)
{
	tasklist *t = (tasklist *)v;
	if (t->src.free)
		t->src.free(t->src.ctx);
	free(t->nums);
	free(t);
}

static const ui_action tasklist_hints[] = {
	UI_ACT_OPEN, UI_ACT_REPORT, UI_ACT_NOTE, UI_ACT_PRINT, UI_ACT_SEARCH, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP,
	UI_ACT_NONE,
};

static const view_ops tasklist_ops = {
	.name = "tasklist",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST | UI_SCOPE_TASK,
	.layout = tasklist_layout,
	.draw = tasklist_draw,
	.action = tasklist_action,
	.mouse = tasklist_mouse,
	.task = tasklist_task,
	.step = tasklist_step,
	.free = tasklist_free,
	.hints = tasklist_hints,
};

bool ui_tasklist_is(const view *v, const char *kind)
{
	const tasklist *t = (const tasklist *)v;
	return v->ops == &tasklist_ops && t->src.kind && strcmp(t->src.kind, kind) == 0;
}

view *ui_tasklist_new(ui *u, const ui_tasklist_source *src)
{
	(void)u;
	tasklist *t = xcalloc(1, sizeof *t);
	t->base.ops = &tasklist_ops;
	t->src = *src;
	return &t->base;
}
