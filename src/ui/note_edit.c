/* Changing a note one wrote oneself: a new text, or withdrawing it. The
 * trail keeps the old text either way (app_edit_note, app_withdraw_note). */
#include "ui_note.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/text.h"
#include "ducha/validate.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_form_view.h"
#include "ui_i18n.h"
#include "ui_plans.h"

enum { NOTE_MAX_CHARS = 2000, FORM_Y = 3, EDIT_MAX_NOTES = UI_FIELD_MAX_CHOICES, ACT_EDIT = 0, ACT_WITHDRAW = 1 };

typedef struct note_edit_view {
	view base;
	int num;
	ui_form form;
	int64_t ids[EDIT_MAX_NOTES];   /* this user's notes on the task, newest first */
	char labels[EDIT_MAX_NOTES][160];
	const char *label_ptrs[EDIT_MAX_NOTES];
	int nnotes;
	int picked;                    /* the note whose text the form holds */
	ui_field *which, *what, *text; /* which: NULL with one note */
} note_edit_view;

static const note_rec *picked_note(ui *u, note_edit_view *e)
{
	const ui_task *t = ui_data_task(&u->data, e->num);
	return t ? app_find_note(&t->d, e->ids[e->picked]) : NULL;
}

static void note_edit_draw(ui *u, view *v)
{
	note_edit_view *e = (note_edit_view *)v;
	const ui_task *t = ui_data_task(&u->data, e->num);
	char head[200];
	snprintf(head, sizeof head, UI_L("修改或撤回我的记录 · 任务 %d · ", "Change or withdraw my note · task %d · "), e->num);
	int x = 1 + ui_put(1, 1, COLS - 2, head, UI_E_HEADER);
	ui_put(1, x, COLS - x - 1, t ? t->d.task.text : "", UI_E_NORMAL);
	ui_form_draw(&e->form, FORM_Y, 0, COLS - 1, ui_body_end() - FORM_Y + 1, &u->cursor_y, &u->cursor_x);
}

static void saved(ui *u, note_edit_view *e, bool withdrawn)
{
	int num = e->num;
	long long id = (long long)e->ids[e->picked];
	ui_pop(u);
	ui_data_forget(&u->data, num);
	ui_relayout(u);
	ui_message(u, false,
	           withdrawn ? UI_L("已撤回：任务 %d 的记录（编号 %lld），原文留在留痕中", "Withdrawn: note %2$lld of task %1$d (kept in the trail)")
	                     : UI_L("已修改：任务 %d 的记录（编号 %lld），原文留在留痕中", "Changed: note %2$lld of task %1$d (the old text stays in the trail)"),
	           num, id);
}

static void save(ui *u, note_edit_view *e)
{
	bool withdraw = e->what->choice == ACT_WITHDRAW;
	text_rule rule = { UI_L("记录", "The note"), NOTE_MAX_CHARS, true, true };
	char *text = ui_edit_text(&e->text->edit);
	ui_form_clear_errors(&e->form);
	char why[600];
	const ui_task *t = ui_data_task(&u->data, e->num);
	if (!withdraw && !validate_text(&rule, text, e->text->error, sizeof e->text->error)) {
		ui_form_focus_error(&e->form);
		ui_message(u, true, "%s", UI_L("有错误，没有保存", "Not saved: see the error under the text"));
		free(text);
		return;
	}
	app_result r = !t ? APP_FAILED
	               : withdraw ? app_withdraw_note(u->c, &t->d, e->ids[e->picked], why, sizeof why)
	                          : app_edit_note(u->c, &t->d, e->ids[e->picked], text, why, sizeof why);
	free(text);
	if (!t)
		snprintf(why, sizeof why, "%s", u->data.err);
	if (r == APP_OK)
		saved(u, e, withdraw);
	else if (r == APP_REPLACED)
		ui_reopen_database(u);
	else
		ui_message(u, true, UI_L("没有保存（你的输入都还在）：%s", "Not saved (your input is kept): %s"), why);
}

/* Another note picked: its text replaces the one shown, unless typed into. */
static void follow_pick(ui *u, note_edit_view *e)
{
	if (!e->which || e->which->choice == e->picked)
		return;
	char *typed = ui_edit_text(&e->text->edit);
	const note_rec *old = picked_note(u, e);
	bool untouched = old && strcmp(typed, old->text) == 0;
	free(typed);
	e->picked = e->which->choice;
	const note_rec *n = picked_note(u, e);
	if (untouched && n)
		ui_edit_set(&e->text->edit, n->text);
}

static void leave(ui *u, note_edit_view *e)
{
	ui_form_view_leave(u, &e->base, &e->form, e->num,
	                   UI_L("任务 %d 的修改已留作草稿：再按 e 接着改；退出前会提醒", "Task %d's change is kept as a draft: e goes back to it"));
}

static bool note_edit_action(ui *u, view *v, ui_action a)
{
	note_edit_view *e = (note_edit_view *)v;
	if (a == UI_ACT_SAVE) {
		save(u, e);
		return true;
	}
	if (a == UI_ACT_CANCEL) {
		leave(u, e);
		return true;
	}
	bool done = ui_form_action(&e->form, a);
	follow_pick(u, e);
	return done;
}

static void note_edit_text(ui *u, view *v, uint32_t cp)
{
	note_edit_view *e = (note_edit_view *)v;
	ui_form_view_text(&e->form, cp);
	follow_pick(u, e);
}

static void note_edit_mouse(ui *u, view *v, const ui_event *ev)
{
	(void)u;
	ui_form_view_mouse(&((note_edit_view *)v)->form, ev);
}

static int note_edit_task(ui *u, view *v)
{
	(void)u;
	return ((note_edit_view *)v)->num;
}

static void note_edit_free(view *v)
{
	note_edit_view *e = (note_edit_view *)v;
	ui_form_free(&e->form);
	free(e);
}

static bool note_edit_save_draft(ui *u, view *v, draft *d)
{
	note_edit_view *e = (note_edit_view *)v;
	const note_rec *n = picked_note(u, e);
	if (!ui_form_modified(&e->form) || !n)
		return false;
	d->kind = DRAFT_NOTE;
	d->task = e->num;
	d->note_kind = xstrdup(n->kind);
	d->edits = (int)e->ids[e->picked];
	d->note = ui_edit_text(&e->text->edit);
	return true;
}

static const ui_action note_edit_hints[] = {
	UI_ACT_SAVE, UI_ACT_NEXT_FIELD, UI_ACT_LEFT, UI_ACT_CANCEL, UI_ACT_HELP, UI_ACT_NONE,
};

const view_ops ui_note_edit_ops = {
	.explain = {
		"修改或撤回自己写的记录（别人的记录不能改）。“记录”选哪一条（最新在前），“操作”选修改或撤回；"
		"修改：改好内容后按 F2，记录标明“已修改”；撤回：按 F2 后这条记录不再显示、打印和搜索。原文都留在留痕中。",
		"Change or withdraw a note you wrote (nobody else's). Note: which one (newest first); Action: change or "
		"withdraw. Change: edit the text, F2, and the note shows as edited; withdraw: F2 and it is no longer shown, "
		"printed or searched. The trail keeps the old text either way.",
	},
	.name = "note-edit",
	.scope = UI_SCOPE_EDIT,
	.draw = note_edit_draw,
	.action = note_edit_action,
	.text = note_edit_text,
	.mouse = note_edit_mouse,
	.task = note_edit_task,
	.free = note_edit_free,
	.save_draft = note_edit_save_draft,
	.hints = note_edit_hints,
};

/* This user's notes on the task, newest first; 0 when none. */
static int own_notes(ui *u, note_edit_view *e, const task_detail *d)
{
	for (int i = d->nnotes - 1; i >= 0 && e->nnotes < EDIT_MAX_NOTES; i--) {
		const note_rec *n = &d->notes[i];
		if (strcmp(n->author, u->c->who.user) != 0)
			continue;
		/* Two notes of one minute are told apart by how they begin. */
		char *start = xstrdup(n->text);
		for (char *p = start; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		char *cut = text_truncate(start, 24);
		char *label = e->labels[e->nnotes];
		snprintf(label, sizeof e->labels[0], "%.5s %.5s %s：%s", n->created + 5,
		         strlen(n->created) > 11 ? n->created + 11 : "", wording_note_kind(n->kind, ui_english()), cut);
		free(cut);
		free(start);
		e->label_ptrs[e->nnotes] = label;
		e->ids[e->nnotes++] = n->id;
	}
	return e->nnotes;
}

static view *edit_view(ui *u, int num, int64_t id, const char *typed, char *why, size_t len)
{
	const ui_task *t = ui_data_task(&u->data, num);
	if (!t) {
		snprintf(why, len, "%s", u->data.err);
		return NULL;
	}
	note_edit_view *e = xcalloc(1, sizeof *e);
	e->base.ops = &ui_note_edit_ops;
	e->num = num;
	if (own_notes(u, e, &t->d) == 0) {
		snprintf(why, len, UI_L("任务 %d 上没有你写的记录：只能修改或撤回自己写的", "Task %d has no note of yours: only your own can be changed"), num);
		free(e);
		return NULL;
	}
	for (int i = 0; i < e->nnotes; i++)
		if (e->ids[i] == id)
			e->picked = i;
	if (id && e->ids[e->picked] != id) {
		snprintf(why, len, UI_L("任务 %d 的那条记录已不在（已撤回？）", "That note of task %d is gone (withdrawn?)"), num);
		free(e);
		return NULL;
	}
	ui_form_init(&e->form);
	if (e->nnotes > 1)
		ui_form_add_choice(&e->form, UI_L("记录", "Note"), e->label_ptrs, e->nnotes, e->picked);
	const char *acts[2] = { UI_L("修改", "change"), UI_L("撤回", "withdraw") };
	ui_form_add_choice(&e->form, UI_L("操作", "Action"), acts, 2, ACT_EDIT);
	ui_form_add_text(&e->form, UI_L("内容", "Text"), NOTE_MAX_CHARS, picked_note(u, e)->text);
	/* Pointers into the fields only once the form has stopped growing. */
	if (e->nnotes > 1)
		e->which = &e->form.fields[0];
	e->what = &e->form.fields[e->form.n - 2];
	e->text = &e->form.fields[e->form.n - 1];
	if (typed)
		ui_form_set_typed(e->text, typed);
	e->form.focus = e->form.n - 1;
	return &e->base;
}

view *ui_note_edit_new(ui *u, int num)
{
	char why[300];
	view *v = edit_view(u, num, 0, NULL, why, sizeof why);
	if (!v)
		ui_message(u, true, "%s", why);
	return v;
}

view *ui_note_edit_from_draft(ui *u, const draft *d, char *why, size_t len)
{
	return edit_view(u, d->task, d->edits, d->note, why, len);
}
