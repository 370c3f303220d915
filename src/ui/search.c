/* Search as you type: every change of the query asks the store again. */
#include "ui_search.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_draw.h"
#include "ui_edit.h"
#include "ui_i18n.h"
#include "ui_list.h"
#include "ducha/xalloc.h"

enum { QUERY_Y = 1, HEADER_Y = 2, LIST_Y = 3, QUERY_MAX = 100, HIT_LIMIT = 200, KIND_W = 8, NUM_W = 4 };

typedef struct search_view {
	view base;
	ui_edit query;
	search_hit *hits;
	int n;
	ui_list list;
	bool failed;
} search_view;

static const char *kind_label(search_kind k)
{
	switch (k) {
	case SEARCH_TASK: return UI_L("任务内容", "task");
	case SEARCH_PROGRESS: return UI_L("进展情况", "progress");
	case SEARCH_COMMENT: return UI_L("督查意见", "comment");
	case SEARCH_REPORT: return UI_L("填报说明", "report");
	case SEARCH_NUMBER: return UI_L("序号", "number");
	case SEARCH_AGENCY: return UI_L("单位", "agency");
	}
	return "?";
}

/* Byte offset of needle in hay, ASCII letters folded; -1 when absent. */
static long find_folded(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; hay[i]; i++) {
		size_t k = 0;
		while (k < n && hay[i + k] && tolower((unsigned char)hay[i + k]) == tolower((unsigned char)needle[k]))
			k++;
		if (k == n)
			return (long)i;
	}
	return -1;
}

static void add_hit(search_hit **hits, int *n, int *cap, int num, search_kind kind, const char *text)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*hits = xrealloc(*hits, (size_t)*cap * sizeof **hits);
	}
	(*hits)[(*n)++] = (search_hit){ num, kind, xstrdup(text) };
}

/* What the index does not hold, first: the task of that number, and the
 * tasks of every agency whose name holds the text ("牵头单位：市科委"),
 * from two Chinese characters (or three letters) on: one character ("科")
 * is looked for in the texts. */
static void extra_hits(ui *u, const char *q, search_hit **hits, int *n, int *cap)
{
	bool digits = q[0] != '\0';
	for (const char *p = q; *p; p++)
		digits = digits && *p >= '0' && *p <= '9';
	const ui_row *row = digits && strlen(q) < 8 ? ui_data_row(&u->data, atoi(q)) : NULL;
	if (row)
		add_hit(hits, n, cap, row->task.num, SEARCH_NUMBER, row->task.text);
	const agency_rec *agencies;
	const agency_task *links;
	int nagencies, nlinks;
	if (digits || text_width(q) < 3 || !ui_data_agencies(&u->data, &agencies, &nagencies, &links, &nlinks))
		return;
	for (int a = 0; a < nagencies && *n < HIT_LIMIT; a++) {
		if (find_folded(agencies[a].name, q) < 0)
			continue;
		for (int k = 0; k < nlinks && *n < HIT_LIMIT; k++)
			if (links[k].agency_id == agencies[a].id) {
				char text[300];
				snprintf(text, sizeof text, UI_L("%s：%s", "%s: %s"), links[k].lead ? UI_L("牵头单位", "lead") : UI_L("配合单位", "support"),
				         agencies[a].name);
				add_hit(hits, n, cap, links[k].num, SEARCH_AGENCY, text);
			}
	}
}

static void run_query(ui *u, search_view *s)
{
	store_search_free(s->hits, s->n);
	s->hits = NULL;
	s->n = 0;
	s->failed = false;
	char *q = ui_edit_text(&s->query);
	search_hit *found = NULL;
	int nfound = 0, cap = 0;
	if (q[0]) {
		extra_hits(u, q, &s->hits, &s->n, &cap);
		if (!store_search(u->c->st, u->c->plan.id, q, HIT_LIMIT, &found, &nfound)) {
			ui_message(u, true, "%s", store_error(u->c->st));
			s->failed = true;
		}
		for (int i = 0; i < nfound && s->n < HIT_LIMIT; i++)
			add_hit(&s->hits, &s->n, &cap, found[i].task_num, found[i].kind, found[i].text);
		store_search_free(found, nfound);
	}
	free(q);
	s->list.sel = s->list.top = 0;
	ui_list_fit(&s->list, s->n, ui_body_end() - LIST_Y + 1);
}

static void search_layout(ui *u, view *v)
{
	search_view *s = (search_view *)v;
	(void)u;
	ui_list_fit(&s->list, s->n, ui_body_end() - LIST_Y + 1);
}

/* Start of the shown part: about a third of the width before the match. */
static size_t snippet_start(const char *text, size_t match, int before)
{
	size_t start = match;
	int w = 0;
	while (start > 0) {
		size_t k = start - 1;
		while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
		uint32_t cp;
		text_decode(text + k, start - k, &cp);
		if (w + text_cp_width(cp) > before)
			break;
		w += text_cp_width(cp);
		start = k;
	}
	return start;
}

static void draw_snippet(int y, int x, int w, const char *raw, const char *needle, bool on)
{
	char *text = text_escape(raw, 0), *pat = text_escape(needle, 0);
	long at = find_folded(text, pat);
	ui_elem e = on ? UI_E_SELECTED : UI_E_NORMAL;
	if (at < 0) {
		ui_put(y, x, w, text, e);
	} else {
		size_t start = snippet_start(text, (size_t)at, w / 3);
		size_t mlen = strlen(pat);
		char *pre = strndup(text + start, (size_t)at - start), *hit = strndup(text + at, mlen);
		if (!pre || !hit)
			abort();
		int used = start ? ui_put(y, x, w, "…", e) : 0;
		used += ui_put(y, x + used, w - used, pre, e);
		used += ui_put(y, x + used, w - used, hit, UI_E_MATCH);
		ui_put(y, x + used, w - used, text + at + mlen, e);
		free(pre);
		free(hit);
	}
	free(text);
	free(pat);
}

static void draw_hit(search_view *s, int i, int y, const char *needle)
{
	bool on = i == s->list.sel;
	ui_elem e = on ? UI_E_SELECTED : UI_E_NORMAL;
	char num[16];
	ui_blank(y, 0, COLS, e);
	ui_put(y, 0, 1, on ? ">" : " ", e);
	snprintf(num, sizeof num, "%d", s->hits[i].task_num);
	ui_put_pad(y, 1, NUM_W, num, e, true);
	ui_put(y, 2 + NUM_W, KIND_W, kind_label(s->hits[i].kind), e);
	int x = 3 + NUM_W + KIND_W;
	draw_snippet(y, x, COLS - x - 1, s->hits[i].text, needle, on);
}

static void draw_query(ui *u, search_view *s)
{
	const char *label = UI_L("搜索：", "Search: ");
	int x = 1 + ui_put(QUERY_Y, 1, COLS, label, UI_E_HEADER);
	int w = COLS / 2 - x;
	ui_edit_draw(&s->query, QUERY_Y, x, w, 1, ui_attr(UI_E_FIELD_ACTIVE), &u->cursor_y, &u->cursor_x);
	char count[120];
	if (ui_edit_empty(&s->query))
		snprintf(count, sizeof count, "%s", UI_L("输入要找的文字", "type what to find"));
	else
		snprintf(count, sizeof count, s->n == HIT_LIMIT ? UI_L("前 %d 条", "first %d hits") : UI_L("%d 条", "%d hits"),
		         s->n);
	ui_put(QUERY_Y, x + w + 2, COLS - x - w - 3, count, UI_E_DIM);
}

static void search_draw(ui *u, view *v)
{
	search_view *s = (search_view *)v;
	draw_query(u, s);
	ui_blank(HEADER_Y, 0, COLS, UI_E_HEADER);
	ui_put_pad(HEADER_Y, 1, NUM_W, UI_L("序号", "No."), UI_E_HEADER, true);
	ui_put(HEADER_Y, 2 + NUM_W, KIND_W, UI_L("出处", "Where"), UI_E_HEADER);
	char *needle = ui_edit_text(&s->query);
	/* One or two characters search the task texts; the notes from three on. */
	bool short_needle = needle[0] && store_search_is_short(needle);
	ui_put(HEADER_Y, 3 + NUM_W + KIND_W, COLS,
	       short_needle ? UI_L("内容（任务内容；输入三个字起也搜进展情况、督查意见、填报说明）",
	                           "Text (tasks; from three characters also notes and report notes)")
	                    : UI_L("内容（任务内容、进展情况、督查意见、填报说明）",
	                           "Text (tasks, progress notes, comments, report notes)"),
	       UI_E_HEADER);
	if (needle[0] && s->n == 0 && !s->failed)
		ui_put(LIST_Y, 2, COLS - 2, UI_L("（没有找到）", "(nothing found)"), UI_E_DIM);
	for (int r = 0; r < s->list.height && s->list.top + r < s->n; r++)
		draw_hit(s, s->list.top + r, LIST_Y + r, needle);
	free(needle);
}

static int search_task(ui *u, view *v)
{
	(void)u;
	search_view *s = (search_view *)v;
	return s->n ? s->hits[s->list.sel].task_num : 0;
}

static int search_step(ui *u, view *v, int from, int delta)
{
	search_view *s = (search_view *)v;
	int at = -1;
	for (int i = 0; i < s->n && at < 0; i++)
		if (s->hits[i].task_num == from)
			at = i;
	if (at < 0)
		return -1;
	return ui_list_step(&s->list, at, delta) < 0 ? 0 : search_task(u, v);
}

/* The task of the hit, with the search's text highlighted in it. */
static void open_hit(ui *u, search_view *s)
{
	if (!s->n)
		return;
	char *q = ui_edit_text(&s->query);
	const search_hit *h = &s->hits[s->list.sel];
	ui_open_task_marked(u, h->task_num, h->kind == SEARCH_NUMBER ? NULL : q);
	free(q);
}

static bool search_action(ui *u, view *v, ui_action a)
{
	search_view *s = (search_view *)v;
	switch (a) {
	case UI_ACT_CANCEL: ui_pop(u); return true;
	case UI_ACT_OPEN: open_hit(u, s); return true;
	case UI_ACT_UP: case UI_ACT_DOWN: case UI_ACT_PAGE_UP: case UI_ACT_PAGE_DOWN:
		return ui_list_action(&s->list, a);
	default:
		break;
	}
	bool was = s->query.modified;
	s->query.modified = false;
	bool done = ui_edit_action(&s->query, a, COLS / 2, 1);
	if (s->query.modified)
		run_query(u, s);
	s->query.modified = was || s->query.modified;
	return done;
}

static void search_text(ui *u, view *v, uint32_t cp)
{
	search_view *s = (search_view *)v;
	if (ui_edit_insert(&s->query, cp))
		run_query(u, s);
}

static void search_mouse(ui *u, view *v, const ui_event *ev)
{
	search_view *s = (search_view *)v;
	if (ui_list_mouse(&s->list, ev->mouse, ev->y, LIST_Y))
		open_hit(u, s);
}

static void search_free(view *v)
{
	search_view *s = (search_view *)v;
	store_search_free(s->hits, s->n);
	ui_edit_free(&s->query);
	free(s);
}

static const ui_action search_hints[] = {
	UI_ACT_OPEN, UI_ACT_DOWN, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops search_ops = {
	.name = "search",
	.scope = UI_SCOPE_EDIT,
	.layout = search_layout,
	.draw = search_draw,
	.action = search_action,
	.text = search_text,
	.mouse = search_mouse,
	.task = search_task,
	.step = search_step,
	.free = search_free,
	.hints = search_hints,
};

view *ui_search_new(ui *u)
{
	(void)u;
	search_view *s = xcalloc(1, sizeof *s);
	s->base.ops = &search_ops;
	ui_edit_init(&s->query, false, QUERY_MAX);
	return &s->base;
}
