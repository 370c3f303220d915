/* A yes/no question on the message line. */
#include "ui_confirm.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

typedef struct confirm_view {
	view base;
	char question[400];
	void (*yes)(ui *u);
} confirm_view;

static void confirm_draw(ui *u, view *v)
{
	(void)u;
	confirm_view *c = (confirm_view *)v;
	char line[sizeof c->question + 40];
	snprintf(line, sizeof line, "%s %s", c->question, UI_L("(y 是 / n 否)", "(y/n)"));
	ui_blank(LINES - 2, 0, COLS, UI_E_ERROR);
	ui_put(LINES - 2, 0, COLS, line, UI_E_ERROR);
}

static void answer(ui *u, confirm_view *c, bool yes)
{
	void (*then)(ui *) = c->yes;
	ui_pop(u);
	if (yes)
		then(u);
}

static bool confirm_action(ui *u, view *v, ui_action a)
{
	if (a == UI_ACT_CANCEL)
		answer(u, (confirm_view *)v, false);
	return true;
}

static void confirm_text(ui *u, view *v, uint32_t cp)
{
	if (cp == 'y' || cp == 'Y')
		answer(u, (confirm_view *)v, true);
	else if (cp == 'n' || cp == 'N')
		answer(u, (confirm_view *)v, false);
}

static void confirm_free(view *v)
{
	free(v);
}

static const view_ops confirm_ops = {
	.name = "confirm",
	.scope = UI_SCOPE_EDIT,
	.overlay = true,
	.draw = confirm_draw,
	.action = confirm_action,
	.text = confirm_text,
	.free = confirm_free,
	.hints = NULL,
};

view *ui_confirm_new(ui *u, const char *question, void (*yes)(ui *u))
{
	(void)u;
	confirm_view *c = xcalloc(1, sizeof *c);
	c->base.ops = &confirm_ops;
	snprintf(c->question, sizeof c->question, "%s", question);
	c->yes = yes;
	return &c->base;
}
