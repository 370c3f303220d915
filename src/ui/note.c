/* The note editor: a progress note or an inspector's comment. */
#include "ui_note.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ducha/app_write.h"
#include "ui_i18n.h"
#include "ui_plans.h"
#include "ducha/validate.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"

enum { NOTE_MAX_CHARS = 2000, FORM_Y = 3 };

typedef struct note_view {
	view base;
	int num;
	int64_t task_id;
	ui_form form;
	const char *kinds[2];       /* "progress" and/or "comment", as this user may write */
	int nkinds;
} note_view;

static const char *kind_label(const char *kind)
{
	return wording_note_kind(kind, ui_english());
}

static permission_action kind_permission(const char *kind)
{
	return strcmp(kind, "comment") == 0 ? PERM_COMMENT : strcmp(kind, "support") == 0 ? PERM_SUPPORT : PERM_PROGRESS;
}

static ui_field *text_field(note_view *n)
{
	return &n->form.fields[n->form.n - 1];
}

static const char *chosen_kind(note_view *n)
{
	return n->nkinds > 1 ? n->kinds[n->form.fields[0].choice] : n->kinds[0];
}

static void note_draw(ui *u, view *v)
{
	note_view *n = (note_view *)v;
	const ui_task *t = ui_data_task(&u->data, n->num);
	char head[200];
	snprintf(head, sizeof head, UI_L("%s · 任务 %d · ", "%s · task %d · "),
	         n->nkinds > 1 ? UI_L("进展情况 / 督查意见", "Note") : kind_label(n->kinds[0]), n->num);
	int x = 1 + ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_put(1, x, COLS - x - 1, t ? t->d.task.text : "", UI_E_NORMAL);
	ui_form_draw(&n->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static void save(ui *u, note_view *n)
{
	const char *kind = chosen_kind(n);
	text_rule rule = { kind_label(kind), NOTE_MAX_CHARS, true, true };
	char *text = ui_edit_text(&text_field(n)->edit);
	ui_form_clear_errors(&n->form);
	if (!validate_text(&rule, text, text_field(n)->error, sizeof text_field(n)->error)) {
		ui_form_focus_error(&n->form);
		ui_message(u, true, "%s", UI_L("有错误，没有保存", "Not saved: see the error under the text"));
	} else if (ui_may_write(u, n->num, kind_permission(kind))) {
		char why[600];
		const ui_task *t = ui_data_task(&u->data, n->num);
		app_result result = t ? app_add_note(u->c, &t->d.task, kind, text, why, sizeof why) : APP_FAILED;
		if (!t)
			snprintf(why, sizeof why, "%s", u->data.err);
		if (result == APP_OK) {
			int num = n->num;
			ui_pop(u);
			ui_data_forget(&u->data, num);
			ui_relayout(u);
			ui_message(u, false, UI_L("已保存：任务 %d 的%s", "Saved: %2$s on task %1$d"), num, kind_label(kind));
		} else if (result == APP_REPLACED) {
			free(text);
			ui_reopen_database(u);
			return;
		} else {
			ui_message(u, true, UI_L("没有保存（你的输入都还在）：%s", "Not saved (your input is kept): %s"), why);
		}
	}
	free(text);
}

static void leave(ui *u, note_view *n)
{
	ui_form_view_leave(u, &n->base, &n->form, n->num, UI_L("任务 %d 的备注已留作草稿：再按 n 接着写；退出前会提醒", "Task %d's note is kept as a draft: n goes back to it"));
}

static bool note_action(ui *u, view *v, ui_action a)
{
	note_view *n = (note_view *)v;
	if (a == UI_ACT_SAVE) {
		save(u, n);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		leave(u, n);
		return true;
	}
	bool done = ui_form_action(&n->form, a);
	if (done)
		text_field(n)->error[0] = '\0';
	return done;
}

static void note_text(ui *u, view *v, uint32_t cp)
{
	(void)u;
	note_view *n = (note_view *)v;
	ui_form_text(&n->form, cp);
	text_field(n)->error[0] = '\0';
}

static void note_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((note_view *)v)->form, ev);
}

static int note_task(ui *u, view *v)
{
	(void)u;
	return ((note_view *)v)->num;
}

static void note_free(view *v)
{
	note_view *n = (note_view *)v;
	ui_form_free(&n->form);
	free(n);
}

/* --- drafts: the recovery file ------------------------------------------ */

static bool note_save_draft(ui *u, view *v, draft *d)
{
	(void)u;
	note_view *n = (note_view *)v;
	if (!ui_form_modified(&n->form))
		return false;
	d->kind = DRAFT_NOTE;
	d->task = n->num;
	d->note_kind = xstrdup(chosen_kind(n));
	d->note = ui_edit_text(&text_field(n)->edit);
	return true;
}

static const ui_action note_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

const view_ops ui_note_ops = {
	.explain = {
		"记录：牵头单位写进展情况，配合单位写配合情况，督查人员写督查意见（按你的角色自动选定）。"
		"可以多行，Enter 换行；F2 保存，保存后写入留痕，所有人可见。",
		"Note: a lead agency writes progress, a supporting agency its part, an inspector a comment (chosen by your "
		"role). Several lines, Enter starts a new one; F2 saves it into the audit trail, for everyone to see.",
	},
	.name = "note",
	.scope = UI_SCOPE_EDIT,
	.draw = note_draw,
	.action = note_action,
	.text = note_text,
	.mouse = note_mouse,
	.task = note_task,
	.free = note_free,
	.save_draft = note_save_draft,
	.hints = note_hints,
};

/* The kinds this user may write, the usual one first. */
static void allowed_kinds(ui *u, note_view *n, const task_rec *t)
{
	char why[400];
	bool progress = permission_check(&u->c->who, PERM_PROGRESS, t, why, sizeof why);
	bool comment = permission_check(&u->c->who, PERM_COMMENT, t, why, sizeof why);
	bool support = u->c->who.role == ROLE_REPORTER && permission_check(&u->c->who, PERM_SUPPORT, t, why, sizeof why);
	if (comment && u->c->who.role == ROLE_INSPECTOR)
		n->kinds[n->nkinds++] = "comment";
	if (progress)
		n->kinds[n->nkinds++] = "progress";
	else if (support)
		n->kinds[n->nkinds++] = "support";
	if (comment && u->c->who.role != ROLE_INSPECTOR)
		n->kinds[n->nkinds++] = "comment";
}

view *ui_note_new(ui *u, int num)
{
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		ui_message(u, true, "%s", u->data.err);
		return NULL;
	}
	note_view *n = xcalloc(1, sizeof *n);
	n->base.ops = &ui_note_ops;
	n->num = num;
	n->task_id = t->d.task.id;
	allowed_kinds(u, n, &t->d.task);
	if (n->nkinds == 0)
		n->kinds[n->nkinds++] = "progress";  /* ui_open_note refused already; saving re-checks */
	ui_form_init(&n->form);
	if (n->nkinds > 1) {
		const char *labels[2] = { kind_label(n->kinds[0]), kind_label(n->kinds[1]) };
		ui_form_add_choice(&n->form, UI_L("类别", "Kind"), labels, 2, 0);
	}
	ui_form_add_text(&n->form, UI_L("内容", "Text"), NOTE_MAX_CHARS, "");
	n->form.focus = n->form.n - 1;
	return &n->base;
}

/* The kind is chosen again only if this user may still write it; the text
 * comes back whatever it was, and saving checks the permission anew. */
view *ui_note_from_draft(ui *u, const draft *d, char *why, size_t len)
{
	if (!ui_data_task(&u->data, d->task)) {
		snprintf(why, len, "%s", u->data.err);
		return NULL;
	}
	note_view *n = (note_view *)ui_note_new(u, d->task);
	if (!n) {
		snprintf(why, len, "%s", u->data.err);
		return NULL;
	}
	for (int i = 0; n->nkinds > 1 && i < n->nkinds; i++)
		if (strcmp(n->kinds[i], d->note_kind) == 0)
			n->form.fields[0].choice = i;
	ui_form_set_typed(text_field(n), d->note);
	return &n->base;
}
