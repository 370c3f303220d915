/* An agency's flags over the quarters: for each quarter ended, how many of
 * the tasks it leads or supports stood at each of the office's colours at
 * the quarter's end, side by side, with a bar of the red ones. */
#include "ui_agency_trend.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ui_doc.h"
#include "ui_theme.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

enum { DOC_X = 1, LABEL_W = 24, CELL_W = 8, QUARTERS_MAX = 12 };

typedef struct trend_view {
	view base;
	ui_doc doc;
	int64_t agency_id;
	char name[101];
} trend_view;

/* The office's colours as the documents name them (DESIGN: 红 逾期、严重滞后;
 * 黄 滞后、未报送; 蓝 临期; 绿 正常、已完成). */
static const struct { const char *zh, *en; flag_set flags; flag_value shown_as; } colours[] = {
	{ "红（逾期、严重滞后）", "red (overdue, lagging)", FLAG_SET_OF(FLAG_OVERDUE) | FLAG_SET_OF(FLAG_LAGGING), FLAG_LAGGING },
	{ "黄（滞后、未报送）", "yellow (behind, unreported)", FLAG_SET_OF(FLAG_BEHIND) | FLAG_SET_OF(FLAG_UNREPORTED),
	  FLAG_BEHIND },
	{ "蓝（临期）", "blue (due soon)", FLAG_SET_OF(FLAG_DUE_SOON), FLAG_DUE_SOON },
	{ "绿（正常、已完成）", "green (on course, done)", FLAG_SET_OF(FLAG_OK) | FLAG_SET_OF(FLAG_DONE), FLAG_OK },
};

static int count_of(const int counts[FLAG_COUNT], flag_set s)
{
	int n = 0;
	for (int f = 0; f < FLAG_COUNT; f++)
		n += flag_set_has(s, (flag_value)f) ? counts[f] : 0;
	return n;
}

static void add_row(ui_doc *d, const char *label, char cells[][24], int n, ui_elem e)
{
	ui_doc_row(d, 2, label, LABEL_W, cells, n, CELL_W, e);
}

/* The last quarters ended by the as-of date, from the plan's start, as
 * many as the width holds. */
static int quarters(ui *u, int width, int *years, int *qs, int *days)
{
	int fit = (width - 2 - LABEL_W) / CELL_W, y, q;
	if (fit > QUARTERS_MAX)
		fit = QUARTERS_MAX;
	period_of_date(u->c->as_of, &y, &q);
	int last = y * 4 + q - 2;                  /* the quarter before the as-of date's */
	period_of_date(u->c->plan.starts, &y, &q);
	int first = y * 4 + q - 1, n = last - first + 1 < fit ? last - first + 1 : fit;
	for (int k = 0; k < n; k++) {
		int idx = last - n + 1 + k;
		years[k] = idx / 4;
		qs[k] = idx % 4 + 1;
		days[k] = period_last_day(years[k], qs[k]);
	}
	return n > 0 ? n : 0;
}

static void trend_layout(ui *u, view *v)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	trend_view *t = (trend_view *)v;
	int top = t->doc.top, years[QUARTERS_MAX], qs[QUARTERS_MAX], days[QUARTERS_MAX];
	int counts[QUARTERS_MAX][FLAG_COUNT];
	ui_doc_clear(&t->doc, COLS - 2 * DOC_X);
	char head[300];
	char *name = text_escape(t->name, 0);
	snprintf(head, sizeof head, UI_L("%s 牵头和配合的任务：各季度末的预警", "%s's tasks (lead and support): flags at each quarter's end"),
	         name);
	free(name);
	ui_doc_line_start(&t->doc, 0);
	ui_doc_add(&t->doc, head, UI_E_HEADER);
	int n = quarters(u, t->doc.width, years, qs, days);
	if (n == 0 || !ui_data_agency_trend(&u->data, t->agency_id, days, n, counts)) {
		ui_doc_para(&t->doc, 2, NULL, 0, n ? u->data.err : UI_L("（方案开始以来还没有结束的季度）", "(no quarter has ended yet)"),
		            n ? UI_E_ERROR : UI_E_DIM);
		return;
	}
	char cells[QUARTERS_MAX][24];
	for (int k = 0; k < n; k++)
		period_format(years[k], qs[k], cells[k]);
	ui_doc_blank(&t->doc);
	add_row(&t->doc, UI_L("季度", "quarter"), cells, n, UI_E_LABEL);
	int most = 1;
	for (int k = 0; k < n; k++) {
		int red = count_of(counts[k], colours[0].flags);
		most = red > most ? red : most;
	}
	for (size_t c = 0; c < sizeof colours / sizeof colours[0]; c++) {
		for (int k = 0; k < n; k++)
			snprintf(cells[k], sizeof cells[k], "%d", count_of(counts[k], colours[c].flags));
		add_row(&t->doc, ui_english() ? colours[c].en : colours[c].zh, cells, n, ui_flag_elem(colours[c].shown_as));
	}
	for (int k = 0; k < n; k++)
		snprintf(cells[k], sizeof cells[k], "%s", bars[count_of(counts[k], colours[0].flags) * 7 / most]);
	add_row(&t->doc, UI_L("红色趋势", "red, as a bar"), cells, n, ui_flag_elem(FLAG_LAGGING));
	ui_doc_blank(&t->doc);
	ui_doc_para(&t->doc, 2, NULL, 0, UI_L("每个季度末的情况按现在的填报判定（含之后补报、修改的）。",
	                                      "Each quarter's end is judged by the reports as they are now (later ones included)."),
	            UI_E_DIM);
	t->doc.top = top;
}

static void trend_draw(ui *u, view *v)
{
	(void)u;
	trend_view *t = (trend_view *)v;
	ui_doc_draw(&t->doc, UI_BODY_TOP, DOC_X, ui_body_end() - UI_BODY_TOP + 1);
}

static bool trend_action(ui *u, view *v, ui_action a)
{
	(void)u;
	return ui_doc_action(&((trend_view *)v)->doc, a);
}

static void trend_free(view *v)
{
	trend_view *t = (trend_view *)v;
	ui_doc_free(&t->doc);
	free(t);
}

static const ui_action trend_hints[] = { UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_HELP, UI_ACT_NONE };

static const view_ops trend_ops = {
	.name = "agency-trend",
	.scope = UI_SCOPE_GLOBAL | UI_SCOPE_LIST,
	.layout = trend_layout,
	.draw = trend_draw,
	.action = trend_action,
	.free = trend_free,
	.hints = trend_hints,
};

view *ui_agency_trend_new(ui *u, int64_t agency_id, const char *name)
{
	(void)u;
	trend_view *t = xcalloc(1, sizeof *t);
	t->base.ops = &trend_ops;
	t->agency_id = agency_id;
	snprintf(t->name, sizeof t->name, "%s", name);
	return &t->base;
}
