/* The loop: draw everything, wait for one event, handle it. Resizes are
 * handled here and only here, with a full relayout. */
#include "ducha/ui.h"

#include <curses.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ducha/app_write.h"
#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"
#include "ui_decide.h"
#include "ui_mine.h"
#include "ui_agencies.h"
#include "ui_confirm.h"
#include "ui_draw.h"
#include "ui_filter.h"
#include "ui_follow.h"
#include "ui_help.h"
#include "ui_indicator.h"
#include "ui_plan_edit.h"
#include "ui_i18n.h"
#include "ui_lagging.h"
#include "ui_note.h"
#include "ui_panes.h"
#include "ui_plans.h"
#include "ui_print.h"
#include "ui_recover.h"
#include "ui_remind.h"
#include "ui_report_form.h"
#include "ui_screen.h"
#include "ui_search.h"
#include "ui_task.h"
#include "ui_tasklist.h"
#include "ui_view.h"

/* How long a lone Esc waits for the rest of a key sequence: short, so that
 * "back" answers within a frame; a key's sequence is sent in one write by
 * the terminal and arrives in one packet even over SSH. */
enum { UI_ESC_DELAY_MS = 10 };

/* --- the view stack ----------------------------------------------------- */

int ui_body_end(void)
{
	return LINES - 3;
}

view *ui_top(ui *u)
{
	return u->depth ? u->stack[u->depth - 1] : NULL;
}

void ui_push(ui *u, view *v)
{
	if (u->depth == UI_MAX_VIEWS) {
		v->ops->free(v);
		ui_message(u, true, "%s", UI_L("打开的屏幕太多，请先按 Esc 返回", "Too many screens open: press Esc first"));
		return;
	}
	u->stack[u->depth++] = v;
	u->views_changed++;
	if (!u->too_small && v->ops->layout)
		v->ops->layout(u, v);
}

view *ui_detach(ui *u)
{
	if (!u->depth)
		return NULL;
	u->views_changed++;
	return u->stack[--u->depth];
}

void ui_pop(ui *u)
{
	view *v = ui_detach(u);
	if (v)
		v->ops->free(v);
}

void ui_message(ui *u, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

void ui_relayout(ui *u)
{
	u->too_small = LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS;
	if (u->too_small)
		return;
	for (int i = 0; i < u->depth; i++)
		if (u->stack[i]->ops->layout)
			u->stack[i]->ops->layout(u, u->stack[i]);
}

/* --- drafts and opening tasks ------------------------------------------- */

bool ui_draft_keep(ui *u, view *v)
{
	if (u->ndrafts == UI_MAX_DRAFTS)
		return false;
	u->drafts[u->ndrafts++] = v;
	u->views_changed++;
	return true;
}

view *ui_draft_take(ui *u, const view_ops *ops, int task)
{
	for (int i = 0; i < u->ndrafts; i++) {
		view *v = u->drafts[i];
		if (v->ops == ops && v->ops->task(u, v) == task) {
			memmove(u->drafts + i, u->drafts + i + 1, (size_t)(u->ndrafts - i - 1) * sizeof *u->drafts);
			u->ndrafts--;
			u->views_changed++;
			return v;
		}
	}
	return NULL;
}

/* A form knows best whether it holds unsaved input: asking for its draft
 * tells, and the draft is dropped again. */
bool ui_holds_input(ui *u, view *v)
{
	draft d = { 0 };
	bool unsaved = v->ops->save_draft && v->ops->save_draft(u, v, &d);
	draft_free(&d);
	return unsaved;
}

int ui_unsaved_forms(ui *u)
{
	int n = u->ndrafts;
	for (int i = 0; i < u->depth; i++)
		n += ui_holds_input(u, u->stack[i]);
	return n;
}

bool ui_may_write(ui *u, int num, permission_action what)
{
	if (store_is_readonly(u->c->st)) {
		ui_message(u, true, "%s", UI_L("数据库以只读方式打开，不能保存", "The database is open read-only"));
		return false;
	}
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return false;
	}
	char why[400];
	if (!app_may(u->c, what, &t->d.task, why, sizeof why)) {
		ui_message(u, true, "%s", why);
		return false;
	}
	return true;
}

/* Opening a task reads it afresh: someone may have reported on it since. */
void ui_open_task(ui *u, int num)
{
	ui_open_task_marked(u, num, NULL);
}

void ui_open_task_marked(ui *u, int num, const char *mark)
{
	if (num <= 0)
		return;
	ui_data_forget(&u->data, num);
	ui_push(u, mark && mark[0] ? ui_task_new_marked(u, num, mark) : ui_task_new(u, num));
}

static void reopen_or_new(ui *u, const view_ops *ops, int num, view *(*make)(ui *, int))
{
	view *kept = ui_draft_take(u, ops, num);
	if (kept) {
		ui_push(u, kept);
		ui_message(u, false, "%s", UI_L("接着编辑上次未保存的草稿", "Back to your unsaved draft"));
		return;
	}
	view *v = make(u, num);
	if (v)
		ui_push(u, v);
}

void ui_open_report(ui *u, int num)
{
	if (num > 0)
		ui_data_forget(&u->data, num);
	if (num > 0 && ui_may_write(u, num, PERM_REPORT))
		reopen_or_new(u, &ui_report_ops, num, ui_report_new);
}

/* Either kind of note will do: the editor offers those this user may write. */
static bool note_allowed(ui *u, int num)
{
	char why[400];
	const ui_task *t = ui_data_task(&u->data, num);
	if (t && permission_check(&u->c->who, PERM_PROGRESS, &t->d.task, why, sizeof why))
		return ui_may_write(u, num, PERM_PROGRESS);
	if (t && u->c->who.role == ROLE_REPORTER && permission_check(&u->c->who, PERM_SUPPORT, &t->d.task, why, sizeof why))
		return ui_may_write(u, num, PERM_SUPPORT);
	if (t && permission_check(&u->c->who, PERM_COMMENT, &t->d.task, why, sizeof why))
		return ui_may_write(u, num, PERM_COMMENT);
	return ui_may_write(u, num, u->c->who.role == ROLE_INSPECTOR ? PERM_COMMENT : PERM_PROGRESS);
}

void ui_open_note(ui *u, int num)
{
	if (num > 0 && note_allowed(u, num))
		reopen_or_new(u, &ui_note_ops, num, ui_note_new);
}

void ui_open_note_edit(ui *u, int num)
{
	if (num <= 0)
		return;
	ui_data_forget(&u->data, num);
	if (store_is_readonly(u->c->st))
		ui_message(u, true, "%s", UI_L("数据库以只读方式打开，不能保存", "The database is open read-only"));
	else
		reopen_or_new(u, &ui_note_edit_ops, num, ui_note_edit_new);
}

/* --- drawing ------------------------------------------------------------ */

static void draw_title(ui *u)
{
	const app *c = u->c;
	char left[600], right[300], as_of[DATE_TEXT_SIZE];
	date_format(c->as_of, as_of);
	/* The read-only mark comes first: a long title is cut from the right. */
	snprintf(left, sizeof left, " %s%s  %s %s", UI_L("督查", "ducha"),
	         store_is_readonly(c->st) ? UI_L(" [只读]", " [read-only]") : "", c->plan.code, c->plan.title);
	bool reporter = c->who.role == ROLE_REPORTER;
	snprintf(right, sizeof right, UI_L("截至 %s  用户 %s（%s%s%s） ", "as of %s  user %s (%s%s%s) "), as_of,
	         c->who.user, ui_role_label(c->who.role), reporter ? " " : "", reporter ? c->who.agency : "");
	int rw = text_width(right);
	ui_blank(0, 0, COLS, UI_E_TITLE);
	ui_put(0, 0, COLS - rw - 1, left, UI_E_TITLE);
	ui_put(0, COLS - rw, rw, right, UI_E_TITLE);
}

/* Whether a long message may take the last body row too: when it is
 * blank, or holds a row of a list that is not its selection (a list's ">"
 * sign); never a line of a text being read. */
static bool last_row_free(view *v)
{
	wchar_t row[512];
	int n = mvinnwstr(LINES - 3, 0, row, COLS < 511 ? COLS : 511);
	if (n == ERR)
		return false;
	bool blank = true;
	for (int i = 0; i < n && blank; i++)
		blank = row[i] == L' ';
	return blank || (v->ops->step && row[0] != L'>');
}

/* The message line's text from column x. When it does not fit and may
 * take two lines, it starts on the row above (the last body row; the
 * caller knows no selection is there) and the second line takes the rest,
 * cut only if even that does not fit. Returns the row it starts on. */
static int put_message_text(int x, const char *text, ui_elem e, bool two_lines)
{
	int y = LINES - 2;
	char **lines = NULL;
	int n = two_lines && text_width(text) > COLS - x ? text_wrap(text, COLS - x, &lines) : 0;
	if (n < 2) {
		ui_put(y, x, COLS - x, text, e);
		text_free_lines(lines, n);
		return y;
	}
	ui_blank(y - 1, 0, COLS, UI_E_NORMAL);
	ui_blank(y, 0, COLS, UI_E_NORMAL);
	ui_put(y - 1, x, COLS - x, lines[0], e);
	if (n == 2) {
		ui_put(y, x, COLS - x, lines[1], e);
	} else {
		/* The rest as one line, cut with "…" where the screen ends. */
		size_t len = 0;
		for (int i = 1; i < n; i++)
			len += strlen(lines[i]);
		char *rest = xmalloc(len + 1);
		rest[0] = '\0';
		for (int i = 1; i < n; i++)
			strcat(rest, lines[i]);
		ui_put(y, x, COLS - x, rest, e);
		free(rest);
	}
	text_free_lines(lines, n);
	return y - 1;
}

/* The message line: a message when there is one, otherwise why the task
 * in view has its flag. two_lines: drawn over the view, it may take the
 * row above. Returns whether the text is wider than its line. */
static bool draw_message(ui *u, view *v, bool two_lines)
{
	int y = LINES - 2;
	if (u->msg[0]) {
		char shown[sizeof u->msg + 8];
		snprintf(shown, sizeof shown, "%s%s", u->msg_error ? "! " : "", u->msg);
		put_message_text(0, shown, u->msg_error ? UI_E_ERROR : UI_E_MESSAGE, two_lines);
		return text_width(shown) > COLS;
	}
	int num = v->ops->task ? v->ops->task(u, v) : 0;
	const ui_row *t = num && !u->reason_held ? ui_data_row(&u->data, num) : NULL;
	if (!t)
		return false;
	char head[32];
	snprintf(head, sizeof head, "%d ", num);
	int x = ui_put(y, 0, COLS, head, UI_E_DIM);
	x += ui_put_flag(y, x, COLS - x, t->flag);
	/* A returned report's reason first: it is what its agency must act on. */
	const char *why = t->returned[0] ? t->returned : t->reason;
	int top = put_message_text(x + 2, why, t->returned[0] ? UI_E_ERROR : UI_E_NORMAL, two_lines);
	if (top != y) {
		x = ui_put(top, 0, COLS, head, UI_E_DIM);
		ui_put_flag(top, x, COLS - x, t->flag);
	}
	return text_width(why) > COLS - x - 2;
}

/* The key a hint names: the first of the action's, or in a form the first
 * that does not type text ("?" types itself there; F1 is help). */
static void hint_key(ui *u, ui_action a, char *buf, size_t len)
{
	view *v = ui_top(u);
	if (v && (v->ops->scope & UI_SCOPE_EDIT)) {
		for (int i = 0; i < u->keys.nkeys[a]; i++)
			if (!ui_key_is_text(u->keys.keys[a][i])) {
				ui_key_name(u->keys.keys[a][i], buf, len);
				return;
			}
	}
	if (a == UI_ACT_AREA_1) {
		char first[32], last[32];
		ui_keymap_first(&u->keys, UI_ACT_AREA_1, first, sizeof first);
		ui_keymap_first(&u->keys, UI_ACT_AREA_5, last, sizeof last);
		snprintf(buf, len, "%s-%s", first, last);
	} else {
		ui_keymap_first(&u->keys, a, buf, len);
	}
}

static int hint_width(ui *u, ui_action a)
{
	char key[64];
	hint_key(u, a, key, sizeof key);
	return text_width(key) + 1 + text_width(ui_action_get(a)->hint[ui_english()]);
}

static int put_hint(ui *u, ui_action a, int x)
{
	char key[64];
	hint_key(u, a, key, sizeof key);
	x += ui_put(LINES - 1, x, COLS - x, key, UI_E_HINT_KEY) + 1;
	return x + ui_put(LINES - 1, x, COLS - x, ui_action_get(a)->hint[ui_english()], UI_E_HINT) + 2;
}

/* Whether the hint line offers the action to this user: not what the role
 * can never do, nor a write on a read-only database. */
static bool offered(ui *u, ui_action a)
{
	static const struct { ui_action act; permission_action perm; } writes[] = {
		{ UI_ACT_REPORT, PERM_REPORT }, { UI_ACT_REVIEW, PERM_REVIEW }, { UI_ACT_REOPEN, PERM_REVIEW },
		{ UI_ACT_ACCEPT, PERM_ACCEPT }, { UI_ACT_INDICATOR, PERM_DEFINE }, { UI_ACT_EDIT_TASK, PERM_DEFINE },
		{ UI_ACT_EDIT_AREA, PERM_DEFINE },
	};
	role r = u->c->who.role;
	bool readonly = store_is_readonly(u->c->st);
	if (a == UI_ACT_NOTE || a == UI_ACT_EDIT_NOTE)
		return !readonly && (permission_role_may_ever(r, PERM_PROGRESS) || permission_role_may_ever(r, PERM_COMMENT));
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++)
		if (writes[i].act == a)
			return !readonly && permission_role_may_ever(r, writes[i].perm);
	return true;
}

/* The hint line; its last entry (help) always finds room. */
static void draw_hints(ui *u, view *v)
{
	const ui_action *all = v->ops->hints_for ? v->ops->hints_for(u, v) : v->ops->hints;
	ui_action h[32];
	int n = 0, x = 1;
	for (int i = 0; all && all[i] != UI_ACT_NONE && n < 31; i++)
		if (offered(u, all[i]))
			h[n++] = all[i];
	h[n] = UI_ACT_NONE;
	ui_blank(LINES - 1, 0, COLS, UI_E_HINT);
	if (n == 0)
		return;
	int reserve = hint_width(u, h[n - 1]) + 1;
	for (int i = 0; i < n - 1; i++)
		if (x + hint_width(u, h[i]) <= COLS - reserve - 2)
			x = put_hint(u, h[i], x);
	put_hint(u, h[n - 1], x);
}

static void draw_too_small(void)
{
	char line[200];
	snprintf(line, sizeof line, UI_L("终端太小：至少需要 %d×%d，现在是 %d×%d", "Terminal too small: needs %dx%d, is %dx%d"),
	         UI_MIN_COLS, UI_MIN_ROWS, COLS, LINES);
	const char *more = UI_L("请把窗口放大；按 q 退出", "Enlarge the window, or press q to quit");
	int y = LINES / 2 - 1;
	ui_put(y < 0 ? 0 : y, 0, COLS, line, UI_E_ERROR);
	ui_put(y + 1 < LINES ? y + 1 : 0, 0, COLS, more, UI_E_NORMAL);
}

static void draw(ui *u)
{
	werase(stdscr);
	u->cursor_y = u->cursor_x = -1;
	view *v = ui_top(u);
	if (u->too_small) {
		draw_too_small();
	} else {
		draw_title(u);
		if (v->ops->overlay && u->depth > 1)
			u->stack[u->depth - 2]->ops->draw(u, u->stack[u->depth - 2]);
		bool longer = !v->ops->overlay && draw_message(u, v, false);
		v->ops->draw(u, v);
		/* Two lines only at rest (or for a message): a held arrow key then
		 * never has to redraw the row the reason covered. */
		if (longer && (u->rested || u->msg[0]) && last_row_free(v))
			draw_message(u, v, true);
		draw_hints(u, v);
	}
	if (u->cursor_y >= 0) {
		curs_set(1);
		move(u->cursor_y, u->cursor_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* --- events --------------------------------------------------------------- */

static void quit_now(ui *u)
{
	u->quit = true;
}

static void request_quit(ui *u)
{
	int unsaved = ui_unsaved_forms(u);
	if (unsaved == 0) {
		u->quit = true;
		return;
	}
	if (u->too_small)
		return;
	char q[200];
	snprintf(q, sizeof q, UI_L("有 %d 份未保存的草稿，退出后将丢失。确定退出吗？", "%d unsaved draft(s) will be lost. Quit anyway?"),
	         unsaved);
	ui_push(u, ui_confirm_new(u, q, quit_now));
}

static void back(ui *u)
{
	char key[32];
	if (u->depth > 1) {
		ui_pop(u);
		return;
	}
	ui_keymap_first(&u->keys, UI_ACT_QUIT, key, sizeof key);
	ui_message(u, false, UI_L("这是主屏；按 %s 退出", "This is the main screen; %s quits"), key);
}

/* q closes the screen in view, and quits from the screens the user started
 * on; Q quits at once, keeping what forms hold as drafts. */
static void close_or_quit(ui *u)
{
	if (u->depth > u->home_depth && u->depth > 1)
		ui_pop(u);
	else
		request_quit(u);
}

static void quit_keeping_drafts(ui *u)
{
	u->quit = true;
	u->keep_drafts = true;
}

/* --- typing a task's number ------------------------------------------------ */

static void show_jump(ui *u)
{
	if (u->jump)
		ui_message(u, false, UI_L("转到任务 %d：按 Enter 打开，Esc 取消", "Go to task %d: Enter opens it, Esc cancels"),
		           u->jump);
	else
		ui_message(u, false, "%s", UI_L("转到任务：输入编号，按 Enter 打开", "Go to task: type its number, then Enter"));
}

static void jump_to(ui *u, int num)
{
	u->jumping = false;
	if (num <= 0)
		return;
	/* Read afresh once, as ui_open_task would: the view then finds it. */
	ui_data_forget(&u->data, num);
	if (!ui_data_task(&u->data, num)) {
		ui_message(u, true, UI_L("没有编号为 %d 的任务", "There is no task %d"), num);
		return;
	}
	ui_push(u, ui_task_new(u, num));
}

/* Digits (or ":" and digits) then Enter open that task from any screen
 * that takes no typed text. A digit still does what it is bound to (1-5
 * switch panes), so browsing the panes by number works as before; the
 * message line shows the number Enter would open. True when the key was
 * taken by the number alone. */
static bool jump_key(ui *u, view *v, ui_key k, ui_action a)
{
	bool digit = k >= '0' && k <= '9';
	if (v->ops->text)
		return false;
	if (a == UI_ACT_JUMP) {
		u->jumping = u->jump_typed = true;
		u->jump = 0;
		return true;
	}
	if (!u->jumping) {
		u->jumping = digit && k != '0';
		u->jump_typed = false;
		u->jump = digit ? k - '0' : 0;
		return false;
	}
	if (digit) {
		if (u->jump < 100000)
			u->jump = u->jump * 10 + (k - '0');
		return u->jump_typed || a == UI_ACT_NONE;
	}
	if (k == UI_KEY_ENTER) {
		jump_to(u, u->jump);
		return true;
	}
	if (k == UI_KEY_FN + KEY_BACKSPACE) {
		u->jump /= 10;
		u->jumping = u->jump > 0;
		return true;
	}
	u->jumping = false;
	return k == UI_KEY_ESC;
}

static void ui_push_if(ui *u, view *v)
{
	if (v)
		ui_push(u, v);
}

static bool top_is(ui *u, const char *name)
{
	return strcmp(ui_top(u)->ops->name, name) == 0;
}

static void clear_filter(ui *u)
{
	if (!ui_filter_active(&u->filter)) {
		ui_message(u, false, "%s", UI_L("没有筛选", "No filter is set"));
		return;
	}
	memset(&u->filter, 0, sizeof u->filter);
	ui_relayout(u);
	ui_message(u, false, "%s", UI_L("已清除筛选", "Filter cleared"));
}

static void next_sort(ui *u)
{
	char key[32];
	u->sort = (ui_sort)((u->sort + 1) % UI_SORT_COUNT);
	ui_relayout(u);
	ui_keymap_first(&u->keys, UI_ACT_SORT, key, sizeof key);
	ui_message(u, false, UI_L("%s（按 %s 换下一种）", "Sorted %s (%s: the next order)"), ui_sort_label(u->sort, ui_english()), key);
}

static void global_action(ui *u, view *v, ui_action a)
{
	int num = v->ops->task ? v->ops->task(u, v) : 0;
	switch (a) {
	case UI_ACT_QUIT: close_or_quit(u); break;
	case UI_ACT_QUIT_NOW: quit_keeping_drafts(u); break;
	case UI_ACT_HELP: if (!top_is(u, "help")) ui_push(u, ui_help_new(u)); break;
	case UI_ACT_BACK: back(u); break;
	case UI_ACT_REFRESH:
		ui_data_forget_all(&u->data);
		ui_relayout(u);
		clearok(curscr, TRUE);
		ui_message(u, false, "%s", UI_L("已从数据库重新读取", "Reloaded from the database"));
		break;
	case UI_ACT_AGENCIES: if (!top_is(u, "agencies")) ui_push(u, ui_agencies_new(u)); break;
	case UI_ACT_MINE: if (!ui_tasklist_is(v, "mine")) ui_push(u, ui_mine_new(u)); break;
	case UI_ACT_PERIOD: if (!top_is(u, "period")) ui_push(u, ui_period_new(u)); break;
	case UI_ACT_PLANS: if (!top_is(u, "plans")) ui_push(u, ui_plans_new(u)); break;
	case UI_ACT_LAGGING: if (!ui_tasklist_is(v, "lagging")) ui_push(u, ui_lagging_new(u)); break;
	case UI_ACT_REMIND: if (!top_is(u, "remind")) ui_push(u, ui_remind_new(u)); break;
	case UI_ACT_SEARCH: ui_push(u, ui_search_new(u)); break;
	case UI_ACT_REPORT: ui_open_report(u, num); break;
	case UI_ACT_NOTE: ui_open_note(u, num); break;
	case UI_ACT_EDIT_NOTE: ui_open_note_edit(u, num); break;
	case UI_ACT_REVIEW: ui_push_if(u, ui_decide_new(u, num, UI_DECIDE_REVIEW)); break;
	case UI_ACT_ACCEPT: ui_push_if(u, ui_decide_new(u, num, UI_DECIDE_ACCEPT)); break;
	case UI_ACT_REOPEN: ui_push_if(u, ui_decide_new(u, num, UI_DECIDE_REOPEN)); break;
	case UI_ACT_INDICATOR: ui_push_if(u, ui_indicator_new(u, num)); break;
	case UI_ACT_EDIT_TASK: ui_push_if(u, ui_plan_edit_new(u, num, false)); break;
	case UI_ACT_EDIT_AREA: ui_push_if(u, ui_plan_edit_new(u, num, true)); break;
	case UI_ACT_PRINT: ui_print_unavailable(u); break;
	case UI_ACT_FILTER: ui_push(u, ui_filter_new(u)); break;
	case UI_ACT_CLEAR_FILTER: clear_filter(u); break;
	case UI_ACT_SORT: next_sort(u); break;
	case UI_ACT_TREND:
		ui_message(u, false, "%s", UI_L("t 在单位一览（a）中使用：所选单位各季度末的预警数", "t works in the agencies view (a)"));
		break;
	case UI_ACT_PREV_TASK: case UI_ACT_NEXT_TASK:
		ui_message(u, false, "%s", UI_L("[ 和 ] 在任务详情中换到列表的上一项、下一项", "[ and ] step through a list from inside a task"));
		break;
	default: break;
	}
}

static void unbound_key(ui *u, ui_key k)
{
	char name[32], help[32];
	ui_keymap_first(&u->keys, UI_ACT_HELP, help, sizeof help);
	if (k == UI_KEY_UNKNOWN) {
		ui_message(u, false, UI_L("终端发来一个本程序不认识的按键，已忽略；按 %s 查看按键", "The terminal sent a key this program does not know; ignored (%s: help)"),
		           help);
		return;
	}
	ui_key_name(k, name, sizeof name);
	ui_message(u, false, UI_L("按键 %s 在这里没有作用；按 %s 查看按键", "Key %s does nothing here; %s shows the keys"), name, help);
}

static void handle_key(ui *u, ui_key k)
{
	view *v = ui_top(u);
	u->msg[0] = '\0';
	if (u->too_small) {
		if (ui_keymap_lookup(&u->keys, k, UI_SCOPE_GLOBAL) == UI_ACT_QUIT)
			request_quit(u);
		return;
	}
	ui_action a = ui_keymap_lookup(&u->keys, k, v->ops->scope);
	u->reason_held = a == UI_ACT_UP || a == UI_ACT_DOWN;
	u->rested = false;
	if (jump_key(u, v, k, a)) {
		if (u->jumping)
			show_jump(u);
		return;
	}
	if (a != UI_ACT_NONE) {
		if (!v->ops->action || !v->ops->action(u, v, a))
			global_action(u, v, a);
	} else if (ui_key_is_text(k) && v->ops->text) {
		v->ops->text(u, v, (uint32_t)k);
	} else if (!u->jumping) {
		unbound_key(u, k);
	}
	if (u->jumping && !u->msg[0])
		show_jump(u);
}

static void handle(ui *u, const ui_event *ev)
{
	view *v = ui_top(u);
	switch (ev->kind) {
	case UI_EV_RESIZE:
		ui_relayout(u);
		break;
	case UI_EV_MOUSE:
		if (!u->too_small && v->ops->mouse) {
			u->msg[0] = '\0';
			v->ops->mouse(u, v, ev);
		}
		break;
	case UI_EV_KEY:
		handle_key(u, ev->key);
		break;
	}
}

/* Each role starts where its work is: a reporter on 我的任务, an inspector
 * on 本期填报; Esc goes to the main screen beneath. */
static void push_start(ui *u)
{
	ui_push(u, ui_panes_new(u));
	if (u->c->who.role == ROLE_REPORTER && u->c->who.agency[0])
		ui_push(u, ui_mine_new(u));
	else if (u->c->who.role == ROLE_INSPECTOR)
		ui_push(u, ui_period_new(u));
	u->home_depth = u->depth;
}

/* Tasks judged at a time ahead of need: a few milliseconds at most, so a key
 * that comes meanwhile waits no longer than that. */
enum { UI_FILL_BATCH = 32 };

/* How long the cursor rests after a move before the message line says why
 * its task has its flag: a held arrow key sends only the rows that change
 * (about 40 bytes a row over SSH instead of 200). */
enum { UI_REASON_REST_MS = 150 };

/* How often an idle screen looks for others' saves: one PRAGMA, so a save
 * elsewhere shows within a second without a key. */
enum { UI_FOLLOW_MS = 500 };

static double clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Between keys: the rest of the plan is judged while no key waits, so that
 * the views of the whole plan (lagging, agencies) open at once, and one that
 * opened on a part is laid out again when the last is judged; the message
 * line comes back once the cursor has rested. A script has no rests. */
static void between_keys(ui *u)
{
	double from = clock_ms();
	while (!ui_input_stop_signal()) {
		bool fill = ui_data_fill_pending(&u->data);
		double rested = clock_ms() - from;
		if (!u->rested && (ui_input_is_script(u->in) || rested >= UI_REASON_REST_MS)) {
			/* At rest: the reason comes back, on two lines if it needs them. */
			u->rested = true;
			u->reason_held = false;
			draw(u);
			continue;
		}
		if (!fill && u->rested) {
			if (ui_input_is_script(u->in) || ui_input_wait(u->in, UI_FOLLOW_MS))
				return;
			if (ui_follow_check(u))
				draw(u);
			continue;
		}
		if (!fill) {
			/* Until the rest. At least 1 ms: curses takes a negative timeout as "forever". */
			int left = UI_REASON_REST_MS - (int)rested;
			if (ui_input_wait(u->in, left > 1 ? left : 1))
				return;
			continue;
		}
		if (ui_input_waiting(u->in))
			return;
		if (ui_data_fill(&u->data, UI_FILL_BATCH)) {
			ui_relayout(u);
			draw(u);
		}
	}
}

static void run_loop(ui *u)
{
	ui_follow_start(u);
	push_start(u);
	ui_relayout(u);
	/* A hang-up stops the loop before it draws on a terminal that is gone. */
	while (!u->quit && !ui_input_stop_signal()) {
		draw(u);
		ui_timing_drawn(u->timing);
		between_keys(u);
		ui_event ev;
		if (!ui_input_next(u->in, &ev))
			break;
		ui_timing_event(u->timing, &ev);
		handle(u, &ev);
		ui_data_trim(&u->data);
		ui_recover_sync(u);
	}
}

/* --- start and finish --------------------------------------------------- */

/* Legacy CJK code sets, in which terminals draw ambiguous characters wide. */
static bool legacy_cjk_locale(void)
{
	static const char *const sets[] = { "GB18030", "GBK", "GB2312", "BIG5", "BIG5-HKSCS", "EUC-JP", "EUC-KR", "EUC-TW",
	                                    "SHIFT_JIS" };
	const char *set = nl_langinfo(CODESET);
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		if (strcasecmp(set, sets[i]) == 0)
			return true;
	return false;
}

static void ui_set_display(const config *cfg)
{
	bool wide = cfg->ambiguous_width == 2 || (cfg->ambiguous_width == 0 && legacy_cjk_locale());
	text_set_display((cfg->ascii ? TEXT_DISPLAY_ASCII : 0) | (wide ? TEXT_DISPLAY_AMBIGUOUS_WIDE : 0));
}

static bool prepare(ui *u, app *c, char *err, size_t errlen)
{
	memset(u, 0, sizeof *u);
	u->c = c;
	bool english = strcmp(c->cfg.lang, "en") == 0;
	ui_set_english(english);
	ui_set_display(&c->cfg);
	if (!ui_keymap_init(&u->keys, &c->cfg, err, errlen) || !ui_theme_check(&c->cfg, err, errlen))
		return false;
	if (!ui_data_open(&u->data, c->st, &c->plan, c->as_of, &c->cfg.flags, english)) {
		snprintf(err, errlen, "%s", u->data.err);
		return false;
	}
	return true;
}

static void finish(ui *u)
{
	while (u->depth)
		ui_pop(u);
	for (int i = 0; i < u->ndrafts; i++)
		u->drafts[i]->ops->free(u->drafts[i]);
	u->ndrafts = 0;
	ui_recover_close(u);
	ui_input_free(u->in);
	text_set_display(0);
	ui_timing_close(u->timing);
	ui_data_close(&u->data);
}

static void terminal_modes(const config *cfg)
{
	/* raw: ^C, ^S and ^Q reach the program as keys (quit, save), never as
	 * signals or flow control. */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(UI_ESC_DELAY_MS);
	ui_input_know_sequences();
	/* On TERM=linux ncurses takes the mouse from gpm, which serves the
	 * machine's own console only (never an SSH session) and leaks when
	 * loaded: no mouse there. */
	const char *term = getenv("TERM");
	if (cfg->mouse && !(term && strncmp(term, "linux", 5) == 0))
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	curs_set(0);
}

/* Quitting drops the drafts (the user was asked); anything else that ends
 * the loop — the terminal gone, a hang-up, SIGTERM — keeps them in the
 * recovery file. After a signal the terminal is not touched again: it may
 * be gone, and writing to it could only block or fail. */
static int finish_terminal(ui *u, SCREEN *scr)
{
	int sig = ui_input_stop_signal();
	if (u->quit && !u->keep_drafts)
		ui_recover_discard(u);
	else
		ui_recover_save_all(u);
	if (!sig)
		endwin();
	ui_input_release_stop();
	finish(u);
	delscreen(scr);
	return sig ? 128 + sig : 0;
}

int ui_run(app *c)
{
	ui u;
	char err[700];
	if (!prepare(&u, c, err, sizeof err)) {
		finish(&u);
		return app_error("%s", err);
	}
	const char *term = getenv("TERM");
	ui_input_catch_stop();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		ui_input_release_stop();
		finish(&u);
		return app_error("无法启动全屏界面：终端类型 \"%s\" 不可用（检查 TERM）", term ? term : "");
	}
	set_term(scr);
	/* A terminal that cannot put the cursor anywhere (TERM=dumb, an
	 * editor's shell buffer) would get a blank or scrolling mess. */
	const char *cup = tigetstr("cup");
	if (!cup || cup == (const char *)-1) {
		endwin();
		delscreen(scr);
		ui_input_release_stop();
		finish(&u);
		return app_error("终端类型 \"%s\" 不能定位光标，无法显示全屏界面：请用 TERM=xterm-256color 等终端，"
		                 "或用命令行（ducha tasks、ducha show 等，见 ducha --help）", term ? term : "");
	}
	terminal_modes(&c->cfg);
	ui_theme_start(&c->cfg);
	u.in = ui_input_terminal();
	/* A restricted session writes no file outside the report folder. */
	u.timing = c->restricted ? NULL : ui_timing_open(fileno(stdout));
	ui_recover_start(&u);
	run_loop(&u);
	return finish_terminal(&u, scr);
}

/* --- the golden screen tests -------------------------------------------- */

typedef struct script_ctx {
	ui *u;
	const ui_script_opts *o;
} script_ctx;

static void script_dump(void *ctx, const char *label, bool marked)
{
	script_ctx *s = ctx;
	ui_screen_dump(s->o->dump, label, s->u->cursor_y >= 0, marked ? ui_attr(UI_E_MATCH) : -1);
}

static bool script_hook(void *ctx, const char *token)
{
	script_ctx *s = ctx;
	return s->o->hook && s->o->hook(s->o->hook_ctx, token);
}

/* A terminal type that draws nowhere but measures like a real one. */
static SCREEN *quiet_terminal(FILE *out, FILE *in)
{
	static const char *const types[] = { "xterm-256color", "xterm", "vt100" };
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		SCREEN *scr = newterm(types[i], out, in);
		if (scr)
			return scr;
	}
	return NULL;
}

int ui_run_script(app *c, const ui_script_opts *o)
{
	ui u;
	char err[700];
	if (!prepare(&u, c, err, sizeof err)) {
		finish(&u);
		return app_error("%s", err);
	}
	FILE *out = fopen(o->term_out ? o->term_out : "/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = out && in ? quiet_terminal(out, in) : NULL;
	if (!scr) {
		finish(&u);
		return app_error("cannot start a terminal for the screen test");
	}
	set_term(scr);
	resize_term(o->rows, o->cols);
	terminal_modes(&c->cfg);
	ui_theme_start(&c->cfg);
	script_ctx ctx = { &u, o };
	ui_script_hooks hooks = { script_dump, script_hook, &ctx };
	u.in = ui_input_script(o->script, &hooks, err, sizeof err);
	u.timing = ui_timing_open(fileno(out));
	int rc = 0;
	if (u.in) {
		run_loop(&u);
		if (ui_input_error(u.in)[0]) {
			snprintf(err, sizeof err, "%s", ui_input_error(u.in));
			rc = 1;
		}
	} else {
		rc = 1;
	}
	endwin();
	finish(&u);
	delscreen(scr);
	fclose(out);
	fclose(in);
	if (rc)
		app_error("%s", err);
	return rc;
}
