/* 催办: the text `ducha remind` prints (src/summary/remind.c), read on
 * screen: which agency is reminded of which task, and why. */
#include "ui_remind.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/summary.h"
#include "ui_doc.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { DOC_X = 1 };

typedef struct remind_view {
	view base;
	ui_doc doc;
} remind_view;

/* The reminders as text; NULL (and the message line says why) on a store error. */
static char *remind_text(ui *u, int *count)
{
	const app *c = u->c;
	summary_request r = { .scope = SUMMARY_ALL, .as_of = c->as_of, .rules = &c->cfg.flags, .user = c->who.user };
	summary s = { 0 };
	if (!summary_build(&s, c->st, &c->plan, &r)) {
		ui_message(u, true, "%s", store_error(c->st));
		summary_free(&s);
		return NULL;
	}
	remind_rules rules = { c->as_of, c->plan.starts, &c->cfg.flags, c->plan.code, c->plan.title };
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		abort();
	*count = summary_remind(mem, &s, &rules);
	fclose(mem);
	summary_free(&s);
	return text;
}

static void remind_layout(ui *u, view *v)
{
	remind_view *r = (remind_view *)v;
	int top = r->doc.top, count = 0;
	ui_doc_clear(&r->doc, COLS - 2 * DOC_X);
	char *text = remind_text(u, &count);
	if (text && count == 0)
		ui_doc_para(&r->doc, 0, NULL, 0, UI_L("（没有需要催办的任务：无逾期、无未报送、无临近完成时限而未达序时的任务）",
		                                      "(Nothing to remind: nothing overdue, unreported, or near its date and behind)"),
		            UI_E_DIM);
	for (char *line = text && count ? text : NULL, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		size_t indent = strspn(line, " ");
		ui_doc_line_start(&r->doc, (int)indent);
		ui_doc_add(&r->doc, line + indent, strncmp(line + indent, "【", 3) == 0
		                                   ? UI_E_HEADER : UI_E_NORMAL);
	}
	free(text);
	r->doc.top = top;
}

static void remind_draw(ui *u, view *v)
{
	(void)u;
	remind_view *r = (remind_view *)v;
	ui_doc_draw(&r->doc, UI_BODY_TOP, DOC_X, ui_body_end() - UI_BODY_TOP + 1);
}

static bool remind_action(ui *u, view *v, ui_action a)
{
	(void)u;
	return ui_doc_action(&((remind_view *)v)->doc, a);
}

static void remind_free(view *v)
{
	remind_view *r = (remind_view *)v;
	ui_doc_free(&r->doc);
	free(r);
}

static const ui_action remind_hints[] = {
	UI_ACT_PAGE_DOWN, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP, UI_ACT_NONE,
};

static const view_ops remind_ops = {
	.name = "remind",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST,
	.layout = remind_layout,
	.draw = remind_draw,
	.action = remind_action,
	.free = remind_free,
	.hints = remind_hints,
};

view *ui_remind_new(ui *u)
{
	(void)u;
	remind_view *r = xcalloc(1, sizeof *r);
	r->base.ops = &remind_ops;
	return &r->base;
}
