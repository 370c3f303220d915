/* Task rows, the same in every list of tasks. */
#include "ui_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/wording.h"
#include "ui_draw.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { ROW_MARK = 1, ROW_NUM = 4, ROW_DUE = 11, ROW_PROGRESS = 4, ROW_ROLE = 4 };

void ui_rows_layout(ui_row_cols *c, int x, int w, bool with_role)
{
	memset(c, 0, sizeof *c);
	c->x = x;
	c->w = w;
	c->num = ROW_NUM;
	c->role = with_role ? ROW_ROLE : 0;
	c->due = ROW_DUE;
	/* The lead agencies widen with the terminal (half of every column past
	 * 80, up to 48): at 160 columns the names are whole while the task's
	 * text still has 80. At 80, 18 columns hold "市发展改革委等2家". */
	c->lead = 18 + (w > 80 ? (w - 80) / 2 : 0);
	if (c->lead > 48)
		c->lead = 48;
	c->progress = ROW_PROGRESS;
	c->flag = ui_flag_width();
	int fixed = ROW_MARK + c->num + 1 + (c->role ? c->role + 1 : 0) + 1 + c->due + 1 + c->lead + 1 +
	            c->progress + 1 + c->flag;
	c->text = w - fixed;
}

/* Left edges of the columns, in order: num, role, text, due, lead, progress, flag. */
static void edges(const ui_row_cols *c, int xs[7])
{
	int x = c->x + ROW_MARK;
	xs[0] = x;
	x += c->num + 1;
	xs[1] = x;
	x += c->role ? c->role + 1 : 0;
	xs[2] = x;
	x += c->text + 1;
	xs[3] = x;
	x += c->due + 1;
	xs[4] = x;
	x += c->lead + 1;
	xs[5] = x;
	x += c->progress + 1;
	xs[6] = x;
}

void ui_rows_header(const ui_row_cols *c, int y)
{
	int xs[7];
	edges(c, xs);
	ui_blank(y, c->x, c->w, UI_E_HEADER);
	ui_put_pad(y, xs[0], c->num, UI_L("序号", "No."), UI_E_HEADER, true);
	if (c->role)
		ui_put(y, xs[1], c->role, UI_L("角色", "Role"), UI_E_HEADER);
	ui_put(y, xs[2], c->text, UI_L("重点任务", "Task"), UI_E_HEADER);
	ui_put(y, xs[3], c->due, UI_L("截止日期", "Due"), UI_E_HEADER);
	ui_put(y, xs[4], c->lead, c->standing ? UI_L("本期", "This quarter") : UI_L("牵头单位", "Lead"), UI_E_HEADER);
	ui_put_pad(y, xs[5], c->progress, UI_L("进度", "Done"), UI_E_HEADER, true);
	ui_put(y, xs[6], c->flag, UI_L("预警", "Flag"), UI_E_HEADER);
}

/* "a;b" as people write it: "a、b". */
static char *list_text(const char *joined)
{
	size_t n = strlen(joined), k = 0;
	char *out = xmalloc(n * 3 + 1);
	for (size_t i = 0; i < n; i++) {
		if (joined[i] == ';') {
			memcpy(out + k, "、", 3);
			k += 3;
		} else {
			out[k++] = joined[i];
		}
	}
	out[k] = '\0';
	return out;
}

/* The agencies of "a;b;c" that fit w columns, whole, then "等3家" for all
 * of them when some are left out; the first name is cut only when even it
 * and the count do not fit. */
static void fit_agencies(const char *joined, int w, char *out, size_t len)
{
	char *all = list_text(joined);
	if (text_width(all) <= w) {
		snprintf(out, len, "%s", all);
		free(all);
		return;
	}
	int total = 1;
	for (const char *p = joined; *p; p++)
		total += *p == ';';
	char more[32];
	snprintf(more, sizeof more, UI_L("等%d家", " +%d"), total);
	int room = w - text_width(more);
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = joined; *p && used < len;) {
		size_t n = strcspn(p, ";");
		char name[400];
		snprintf(name, sizeof name, "%s%.*s", used ? UI_L("、", ", ") : "", (int)n, p);
		if (text_width(out) + text_width(name) > room)
			break;
		used += (size_t)snprintf(out + used, len - used, "%s", name);
		p += n + (p[n] == ';');
	}
	if (!used) {
		char *cut = text_truncate(all, room > 1 ? room : 1);
		snprintf(out, len, "%s", cut);
		free(cut);
	}
	snprintf(out + strlen(out), len - strlen(out), "%s", more);
	free(all);
}

static const char *role_of(const task_rec *t, const char *agency)
{
	if (model_agency_in(t->lead, agency))
		return UI_L("牵头", "lead");
	return model_agency_in(t->support, agency) ? UI_L("配合", "supp") : "";
}

void ui_rows_draw(ui *u, const ui_row_cols *c, int y, int num, bool selected, const char *agency)
{
	int xs[7];
	char buf[32];
	/* Only the sign and the number carry the selection's colour: moving
	 * then redraws a few cells instead of two whole rows, which a slow link
	 * feels. The sign marks the selection without colour too. */
	ui_elem e = UI_E_NORMAL, mark = selected ? UI_E_SELECTED : UI_E_NORMAL;
	edges(c, xs);
	ui_blank(y, c->x, c->w, e);
	ui_put(y, c->x, ROW_MARK, selected ? ">" : " ", mark);
	snprintf(buf, sizeof buf, "%d", num);
	ui_put_pad(y, xs[0], c->num, buf, mark, true);
	const ui_row *t = ui_data_row(&u->data, num);
	if (!t) {
		ui_put(y, xs[2], c->text, u->data.err, UI_E_ERROR);
		return;
	}
	if (c->role)
		ui_put(y, xs[1], c->role, role_of(&t->task, agency ? agency : ""), e);
	ui_put(y, xs[2], c->text, t->task.text, e);
	wording_shown_due(t->due, t->more_dues, buf, sizeof buf);
	ui_put(y, xs[3], c->due, buf, e);
	if (c->standing) {
		ui_elem se = t->standing == STANDING_RETURNED || t->standing == STANDING_MISSING ? UI_E_ERROR : e;
		ui_put(y, xs[4], c->lead, wording_standing(t->standing, ui_english()), se);
	} else {
		char lead[600];
		fit_agencies(t->task.lead, c->lead, lead, sizeof lead);
		ui_put(y, xs[4], c->lead, lead, e);
	}
	if (t->progress >= 0)
		snprintf(buf, sizeof buf, "%d%%", t->progress);
	else
		snprintf(buf, sizeof buf, "-");
	ui_put_pad(y, xs[5], c->progress, buf, e, true);
	ui_put_flag(y, xs[6], c->flag, t->flag);
}
