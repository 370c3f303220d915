#include "ui_form_view.h"

#include "ui_draw.h"
#include "ui_i18n.h"

void ui_form_view_leave(ui *u, view *v, const ui_form *f, int num, const char *kept)
{
	if (!ui_form_modified(f)) {
		ui_pop(u);
		return;
	}
	ui_detach(u);
	if (!ui_draft_keep(u, v)) {
		ui_push(u, v);
		ui_message(u, true, "%s", UI_L("草稿太多：请先保存这一份", "Too many drafts: save this one first"));
		return;
	}
	ui_message(u, false, kept, num);
}

void ui_form_view_mouse(ui_form *f, const ui_event *ev)
{
	if (ev->mouse == UI_MOUSE_CLICK || ev->mouse == UI_MOUSE_DOUBLE)
		ui_form_click(f, ev->y);
}

void ui_form_view_text(ui_form *f, uint32_t cp)
{
	ui_form_text(f, cp);
	if (f->n > 0)
		f->fields[f->focus].error[0] = '\0';
}
