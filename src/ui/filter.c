/* The filter of the main panes: agency, flag, deadline year. Blank fields
 * (and "all") filter nothing. */
#include "ui_filter.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { FORM_Y = 3, AGENCY_W = 24, YEAR_W = 8, YEAR_MIN = 1900, YEAR_MAX = 2100, CANDIDATES_MAX = 6 };

typedef struct filter_view {
	view base;
	ui_form form;
	agency_rec *agencies;       /* for "did you mean" and completion */
	int nagencies;
} filter_view;

static ui_field *agency_field(filter_view *f) { return &f->form.fields[0]; }
static ui_field *flag_field(filter_view *f) { return &f->form.fields[1]; }
static ui_field *year_field(filter_view *f) { return &f->form.fields[2]; }

/* The choices of the flag field: every flag, then the groups people ask
 * for ("滞后及以上" is 滞后 and worse, as `--flag behind+` is). Index 0 is
 * 全部 (no filter). */
#define GROUP_WORSE_THAN_BEHIND \
	(FLAG_SET_OF(FLAG_BEHIND) | FLAG_SET_OF(FLAG_UNREPORTED) | FLAG_SET_OF(FLAG_LAGGING) | FLAG_SET_OF(FLAG_OVERDUE))
#define GROUP_RED (FLAG_SET_OF(FLAG_LAGGING) | FLAG_SET_OF(FLAG_OVERDUE))
#define GROUP_YELLOW (FLAG_SET_OF(FLAG_BEHIND) | FLAG_SET_OF(FLAG_UNREPORTED))
static const struct { flag_set set; const char *zh, *en; } groups[] = {
	{ GROUP_WORSE_THAN_BEHIND, "滞后及以上", "behind or worse" },
	{ GROUP_RED, "红色（逾期、严重滞后）", "red (overdue, lagging)" },
	{ GROUP_YELLOW, "黄色（滞后、未报送）", "yellow (behind, unreported)" },
};
enum { NGROUPS = sizeof groups / sizeof groups[0], NCHOICES = 1 + FLAG_COUNT + NGROUPS };

static flag_set choice_set(int choice)
{
	if (choice <= 0)
		return 0;
	if (choice <= FLAG_COUNT)
		return FLAG_SET_OF(choice - 1);
	return choice - 1 - FLAG_COUNT < NGROUPS ? groups[choice - 1 - FLAG_COUNT].set : 0;
}

static int set_choice_of(flag_set s)
{
	for (int i = 0; i < NCHOICES; i++)
		if (choice_set(i) == s)
			return i;
	return 0;
}

const char *ui_filter_flags_label(flag_set s)
{
	int c = set_choice_of(s);
	if (c == 0)
		return "";
	if (c <= FLAG_COUNT)
		return flag_label((flag_value)(c - 1), ui_english());
	return ui_english() ? groups[c - 1 - FLAG_COUNT].en : groups[c - 1 - FLAG_COUNT].zh;
}

void ui_filter_describe(const ui_filter *f, char *buf, size_t len)
{
	char year[16] = "";
	if (f->year)
		snprintf(year, sizeof year, UI_L("%d年", "%d"), f->year);
	snprintf(buf, len, "%s%s%s%s%s", f->agency, f->agency[0] && (f->flags || f->year) ? " · " : "",
	         ui_filter_flags_label(f->flags), f->flags && f->year ? " · " : "", year);
}

/* Agencies whose name holds the typed text, into buf; returns how many. */
static int candidates(const filter_view *f, const char *typed, char *buf, size_t len, int64_t *only)
{
	int n = 0;
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < f->nagencies; i++) {
		if (!strstr(f->agencies[i].name, typed))
			continue;
		if (n++ == 0)
			*only = f->agencies[i].id;
		if (n <= CANDIDATES_MAX && used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", n > 1 ? UI_L("、", ", ") : "",
			                         f->agencies[i].name);
	}
	return n;
}

static const char *agency_name(const filter_view *f, int64_t id)
{
	for (int i = 0; i < f->nagencies; i++)
		if (f->agencies[i].id == id)
			return f->agencies[i].name;
	return "";
}

/* An exact name, another name it goes by (市发改委), or the one agency
 * whose name holds what was typed. */
static bool check_agency(filter_view *f, store *st, const char *typed, int64_t *id)
{
	char list[300];
	bool found = false;
	*id = 0;
	if (!typed[0])
		return true;
	for (int i = 0; i < f->nagencies; i++)
		if (strcmp(f->agencies[i].name, typed) == 0) {
			*id = f->agencies[i].id;
			return true;
		}
	if (store_agency_find(st, typed, id, &found) && found && agency_name(f, *id)[0])
		return true;
	int n = candidates(f, typed, list, sizeof list, id);
	if (n == 1)
		return true;
	*id = 0;
	if (n == 0)
		snprintf(agency_field(f)->error, sizeof agency_field(f)->error,
		         UI_L("没有名称含“%s”的单位", "No agency name contains \"%s\""), typed);
	else
		snprintf(agency_field(f)->error, sizeof agency_field(f)->error,
		         UI_L("“%s”对应 %d 个单位，请写全：%s", "\"%s\" matches %d agencies; be more precise: %s"), typed, n, list);
	return false;
}

static bool check_year(filter_view *f, const char *typed, int *year)
{
	char *end;
	*year = 0;
	if (!typed[0])
		return true;
	long v = strtol(typed, &end, 10);
	if (*end || v < YEAR_MIN || v > YEAR_MAX) {
		snprintf(year_field(f)->error, sizeof year_field(f)->error,
		         UI_L("年份应为 %d–%d 的整数，如 2017", "The year is a number %d–%d, e.g. 2017"), YEAR_MIN, YEAR_MAX);
		return false;
	}
	*year = (int)v;
	return true;
}

static void apply(ui *u, filter_view *f)
{
	char *agency = ui_edit_text(&agency_field(f)->edit), *year_text = ui_edit_text(&year_field(f)->edit);
	int64_t id;
	int year;
	ui_form_clear_errors(&f->form);
	bool ok = check_agency(f, u->c->st, agency, &id);
	ok = check_year(f, year_text, &year) && ok;
	if (ok) {
		u->filter.agency_id = id;
		snprintf(u->filter.agency, sizeof u->filter.agency, "%s", agency_name(f, id));
		u->filter.flags = choice_set(flag_field(f)->choice);
		u->filter.year = year;
		bool active = ui_filter_active(&u->filter);
		ui_pop(u);
		ui_relayout(u);
		char key[32];
		ui_keymap_first(&u->keys, UI_ACT_CLEAR_FILTER, key, sizeof key);
		if (active)
			ui_message(u, false, UI_L("已筛选（各领域、全部和滞后清单）；按 f 修改，按 %s 清除", "Filtered (panes, all, lagging); f changes it, %s clears it"), key);
		else
			ui_message(u, false, "%s", UI_L("已清除筛选", "Filter cleared"));
	} else {
		ui_form_focus_error(&f->form);
		ui_message(u, true, "%s", UI_L("筛选条件有误，见各项下面的提示", "See the errors under the fields"));
	}
	free(agency);
	free(year_text);
}

static void filter_draw(ui *u, view *v)
{
	filter_view *f = (filter_view *)v;
	char *typed = ui_edit_text(&agency_field(f)->edit);
	int64_t id;
	char list[300] = "";
	if (typed[0] && candidates(f, typed, list, sizeof list, &id) > 0)
		snprintf(agency_field(f)->aside, sizeof agency_field(f)->aside, UI_L("可选：%s", "e.g. %s"), list);
	else
		agency_field(f)->aside[0] = '\0';
	free(typed);
	char head[300], key[32];
	ui_keymap_first(&u->keys, UI_ACT_OPEN, key, sizeof key);
	snprintf(head, sizeof head, UI_L("筛选任务清单（%s 应用）：留空或选“全部”即不按该项筛选",
	                                 "Filter the task lists (%s applies): blank or \"all\" does not filter"), key);
	ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_form_draw(&f->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static bool filter_action(ui *u, view *v, ui_action a)
{
	filter_view *f = (filter_view *)v;
	switch (a) {
	case UI_ACT_SAVE: case UI_ACT_OPEN: apply(u, f); return true;
	case UI_ACT_CANCEL: ui_pop(u); return true;
	default: return ui_form_action(&f->form, a);
	}
}

static void filter_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	ui_form_view_text(&((filter_view *)v)->form, cp);
}

static void filter_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((filter_view *)v)->form, ev);
}

static void filter_free(view *v)
{
	filter_view *f = (filter_view *)v;
	for (int i = 0; i < f->nagencies; i++)
		model_agency_free(&f->agencies[i]);
	free(f->agencies);
	ui_form_free(&f->form);
	free(f);
}

static const ui_action filter_hints[] = {
	UI_ACT_NEXT_FIELD, UI_ACT_LEFT, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops filter_ops = {
	.explain = {
		"单位：单位名称或其中几个字（只对应一个单位时即可）；预警：一种预警，或“滞后及以上”（滞后、未报送、"
		"严重滞后、逾期）、“红色”、“黄色”；完成年份：完成时限所在的年份。留空或“全部”不按该项筛选。"
		"筛选对各领域、全部和滞后清单都有效，按 c 清除。",
		"Agency: its name or part of it (when only one agency matches); flag: one flag, or \"behind or worse\" "
		"(behind, unreported, lagging, overdue), red or yellow; deadline year: the year of the due date. Blank or "
		"\"all\" does not filter. The filter applies to the panes, All and the lagging view; c clears it.",
	},
	.name = "filter",
	.scope = UI_SCOPE_EDIT,
	.draw = filter_draw,
	.action = filter_action,
	.text = filter_text,
	.mouse = filter_mouse,
	.free = filter_free,
	.hints = filter_hints,
};

view *ui_filter_new(ui *u)
{
	filter_view *f = xcalloc(1, sizeof *f);
	f->base.ops = &filter_ops;
	if (!store_agencies(u->c->st, u->c->plan.id, &f->agencies, &f->nagencies))
		ui_message(u, true, "%s", store_error(u->c->st));
	const char *flags[NCHOICES];
	flags[0] = UI_L("全部", "all");
	for (int i = 0; i < FLAG_COUNT; i++)
		flags[i + 1] = flag_label((flag_value)i, ui_english());
	for (int i = 0; i < NGROUPS; i++)
		flags[1 + FLAG_COUNT + i] = ui_english() ? groups[i].en : groups[i].zh;
	char year[16] = "";
	if (u->filter.year)
		snprintf(year, sizeof year, "%d", u->filter.year);
	ui_form_init(&f->form);
	ui_form_add_line(&f->form, UI_L("单位", "Agency"), AGENCY_W, 100, u->filter.agency);
	ui_form_add_choice(&f->form, UI_L("预警", "Flag"), flags, NCHOICES, set_choice_of(u->filter.flags));
	ui_form_add_line(&f->form, UI_L("完成年份", "Deadline year"), YEAR_W, 4, year);
	return &f->base;
}
