/* The 台账 (ledger) as .xlsx, by libxlsxwriter: one row per indicator with
 * the office's Chinese headers, numbers and dates stored as such (units in
 * the number format), the 预警 cell filled in the flag's colour, a frozen
 * header row with filters, printed A4 landscape one page wide with the
 * header on every page; then a summary sheet per agency with a stacked bar
 * chart. Stored text is escaped and written as strings, never formulas. */
#include "ducha/document.h"
#include "document_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"

static const char *const ledger_head[] = {
	"序号", "重点任务", "牵头单位", "配合单位", "完成时限", "指标", "目标", "实际", "序时",
	"完成率", "差距（百分点）", "预警", "原因", "督查意见", "最新进展",
};
static const double ledger_widths[] = { 5, 30, 14, 14, 13, 18, 10, 10, 10, 8, 8, 8, 22, 22, 22 };
enum { NCOLS = sizeof ledger_head / sizeof ledger_head[0] };

static const uint32_t tone_rgb[TONE_COUNT] = { 0xFFFFFF, 0xF4B6B6, 0xFFE699, 0xBDD7EE, 0xC6E0B4 };
static const uint32_t tone_ink[TONE_COUNT] = { 0x000000, 0xCC1A1A, 0xEDB30D, 0x3373BF, 0x4D9940 };

/* Number formats by unit, made once each ("0.##\" 家\""). */
typedef struct unit_format {
	char *unit;
	lxw_format *f;
} unit_format;

typedef struct ledger {
	lxw_workbook *wb;
	lxw_format *head, *text, *number, *date, *percent, *gap, *tones[TONE_COUNT];
	unit_format units[128];
	int nunits;
} ledger;

static lxw_format *cell_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 10.5);
	return f;
}

static void make_formats(ledger *l)
{
	l->head = cell_format(l->wb);
	format_set_bold(l->head);
	format_set_bg_color(l->head, 0xE6E6E6);
	format_set_align(l->head, LXW_ALIGN_CENTER);
	format_set_align(l->head, LXW_ALIGN_VERTICAL_CENTER);
	l->text = cell_format(l->wb);
	l->number = cell_format(l->wb);
	format_set_num_format(l->number, "0.##");
	l->date = cell_format(l->wb);
	format_set_num_format(l->date, "yyyy\"年\"m\"月\"d\"日\"");
	l->percent = cell_format(l->wb);
	format_set_num_format(l->percent, "0.0%");
	l->gap = cell_format(l->wb);
	format_set_num_format(l->gap, "0.0");
	for (int t = 0; t < TONE_COUNT; t++) {
		l->tones[t] = cell_format(l->wb);
		if (t != TONE_NONE)
			format_set_bg_color(l->tones[t], tone_rgb[t]);
	}
}

static lxw_format *unit_number(ledger *l, const char *unit)
{
	if (!unit || !*unit)
		return l->number;
	for (int i = 0; i < l->nunits; i++)
		if (strcmp(l->units[i].unit, unit) == 0)
			return l->units[i].f;
	if (l->nunits == (int)(sizeof l->units / sizeof l->units[0]))
		return l->number;
	/* The unit inside quotes; a quote or backslash in it is left out. */
	char fmt[160], *w = fmt + snprintf(fmt, sizeof fmt, "0.##\" ");
	for (const char *c = unit; *c && w < fmt + sizeof fmt - 3; c++)
		if (*c != '"' && *c != '\\')
			*w++ = *c;
	*w++ = '"';
	*w = '\0';
	lxw_format *f = cell_format(l->wb);
	format_set_num_format(f, fmt);
	l->units[l->nunits++] = (unit_format){ xstrdup(unit), f };
	return f;
}

static void put_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	char *safe = text_escape(s ? s : "", TEXT_KEEP_NEWLINE);
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, safe, f);
	free(safe);
}

static lxw_datetime excel_date(int day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return (lxw_datetime){ y, m, d, 0, 0, 0 };
}

/* The latest progress note, or the latest report's state. */
static char *latest_progress(const summary_task *t)
{
	for (int i = t->d->nnotes - 1; i >= 0; i--)
		if (strcmp(t->d->notes[i].kind, "progress") == 0)
			return xstrdup(t->d->notes[i].text);
	const report_rec *r = summary_latest_report(t);
	return r ? xasprintf("%s %s", r->period, model_status_label(r->status, false)) : xstrdup("");
}

static void task_cells(ledger *l, lxw_worksheet *ws, int row, const summary_task *t)
{
	char *lead = doc_agency_list(t->d->task.lead), *support = doc_agency_list(t->d->task.support), *progress = latest_progress(t);
	const report_rec *r = summary_latest_report(t);
	const note_rec *c = summary_comment_note(t, 0);
	worksheet_write_number(ws, (lxw_row_t)row, 0, t->d->task.num, l->text);
	put_text(ws, row, 1, t->d->task.text, l->text);
	put_text(ws, row, 2, lead, l->text);
	put_text(ws, row, 3, support, l->text);
	put_text(ws, row, 12, r && r->note ? r->note : "", l->text);
	put_text(ws, row, 13, c ? c->text : "", l->text);
	put_text(ws, row, 14, progress, l->text);
	free(lead);
	free(support);
	free(progress);
}

static void indicator_cells(ledger *l, lxw_worksheet *ws, int row, const summary_task *t, int k)
{
	lxw_row_t r = (lxw_row_t)row;
	const indicator_rec *i = k >= 0 ? &t->d->indicators[k] : NULL;
	const indicator_state *st = k >= 0 ? &t->now->indicators[k] : NULL;
	flag_value f = st ? st->flag : t->now->flag;
	int due = st ? st->due : t->now->due ? t->now->due : t->d->task.due;
	lxw_datetime when = excel_date(due);
	worksheet_write_datetime(ws, r, 4, &when, l->date);
	put_text(ws, row, 5, i ? i->name : "", l->text);
	put_text(ws, row, 11, flag_label(f, false), l->tones[doc_tone_of(f)]);
	if (!i) {
		for (int col = 6; col <= 10; col++)
			worksheet_write_blank(ws, r, (lxw_col_t)col, l->text);
		return;
	}
	lxw_format *num = unit_number(l, i->milestone ? "" : i->unit);
	if (i->milestone)
		put_text(ws, row, 6, "完成", l->text);
	else
		worksheet_write_number(ws, r, 6, st->target, num);
	double a, e, g;
	bool shares = document_shares(i, st, &a, &e, &g);
	if (st->has_actual && !i->milestone)
		worksheet_write_number(ws, r, 7, st->actual, num);
	else
		put_text(ws, row, 7, i->milestone && st->has_actual ? (st->actual >= 1 ? "已完成" : "未完成") : "", l->text);
	if (shares && e >= 0)
		worksheet_write_number(ws, r, 8, st->expected, num);
	else
		worksheet_write_blank(ws, r, 8, l->text);
	if (shares)
		worksheet_write_number(ws, r, 9, a / 100, l->percent);
	else
		worksheet_write_blank(ws, r, 9, l->text);
	if (shares && e >= 0)
		worksheet_write_number(ws, r, 10, g, l->gap);
	else
		worksheet_write_blank(ws, r, 10, l->text);
}

static void page_setup(lxw_worksheet *ws, const char *header)
{
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	worksheet_set_header(ws, header);
	worksheet_set_footer(ws, "&C— &P —");
}

/* Lines a text takes in a column (Excel's widths count narrow characters). */
static int lines_in(const char *text, double width)
{
	int w = text_width(text ? text : "");
	int per = width > 2 ? (int)width - 1 : 1;
	return w / per + 1;
}

/* Excel and LibreOffice keep a written file's row heights: set each row
 * tall enough for its longest wrapped cell. */
static void row_height(lxw_worksheet *ws, int row, const summary_task *t)
{
	const report_rec *r = summary_latest_report(t);
	const note_rec *c = summary_comment_note(t, 0);
	int lines = lines_in(t->d->task.text, ledger_widths[1]);
	int more[] = { lines_in(t->d->task.lead, ledger_widths[2]), lines_in(t->d->task.support, ledger_widths[3]),
		       lines_in(r ? r->note : "", ledger_widths[12]), lines_in(c ? c->text : "", ledger_widths[13]) };
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		lines = more[i] > lines ? more[i] : lines;
	worksheet_set_row(ws, (lxw_row_t)row, 13.0 * (lines > 12 ? 12 : lines) + 2, NULL);
}

static int ledger_rows(ledger *l, lxw_worksheet *ws, const summary *s)
{
	int row = 1;
	const summary_section *sec = s->overview ? NULL : &s->sections[0];
	int count = sec ? sec->nitems : s->ntasks;
	for (int n = 0; n < count; n++) {
		const summary_task *t = sec ? &s->tasks[sec->items[n].task] : &s->tasks[n];
		int ni = t->d->nindicators;
		for (int k = ni ? 0 : -1; k < ni; k++) {
			row_height(ws, row, t);
			task_cells(l, ws, row, t);
			indicator_cells(l, ws, row, t, k);
			row++;
		}
	}
	return row;
}

static void ledger_sheet(ledger *l, const summary *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(l->wb, "台账");
	for (int c = 0; c < NCOLS; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, ledger_widths[c], NULL);
		put_text(ws, 0, c, ledger_head[c], l->head);
	}
	worksheet_set_row(ws, 0, 30, NULL);
	int rows = ledger_rows(l, ws, s);
	worksheet_freeze_panes(ws, 1, 2);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(rows > 1 ? rows - 1 : 1), NCOLS - 1);
	char as_of[DATE_CN_SIZE], header[300];
	date_format_cn(s->as_of, as_of);
	char *code = text_escape(s->plan_code, 0), amp[200];
	/* '&' starts a code in Excel's header: a literal one is "&&". */
	size_t w = 0;
	for (const char *c = code; *c && w < sizeof amp - 3; c++) {
		if (*c == '&')
			amp[w++] = '&';
		amp[w++] = *c;
	}
	amp[w] = '\0';
	snprintf(header, sizeof header, "&L%s 重点任务台账&R截至%s", amp, as_of);
	page_setup(ws, header);
	free(code);
}

static void summary_row(ledger *l, lxw_worksheet *ws, int row, const summary_section *sec)
{
	int lead_ok = 0, sup_ok = 0, tones[TONE_COUNT] = { 0 };
	for (int f = 0; f < FLAG_COUNT; f++) {
		lead_ok += summary_on_course((flag_value)f) ? sec->lead_flags[f] : 0;
		sup_ok += summary_on_course((flag_value)f) ? sec->support_flags[f] : 0;
		tones[doc_tone_of((flag_value)f)] += sec->flags[f];
	}
	lxw_row_t r = (lxw_row_t)row;
	if (sec->rank)
		worksheet_write_number(ws, r, 0, sec->rank, l->text);
	else
		worksheet_write_blank(ws, r, 0, l->text);
	put_text(ws, row, 1, sec->title, l->text);
	double values[] = { sec->nlead, lead_ok, sec->nlead - lead_ok, sec->nsupport, sup_ok, sec->nsupport - sup_ok,
		            tones[TONE_RED], tones[TONE_YELLOW], tones[TONE_BLUE], tones[TONE_GREEN] };
	for (int c = 0; c < 10; c++)
		worksheet_write_number(ws, r, (lxw_col_t)(2 + c), values[c], l->text);
	worksheet_write_number(ws, r, 12, document_rate(sec) / 100, l->percent);
}

static void agency_chart(ledger *l, lxw_worksheet *ws, int nrows)
{
	lxw_chart *chart = workbook_add_chart(l->wb, LXW_CHART_BAR_STACKED);
	static const char *const names[] = { "红（逾期、严重滞后）", "黄（滞后、未报送）", "蓝（临期）", "绿（正常、已完成）" };
	for (int t = 0; t < 4; t++) {
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(series, "各单位汇总", 1, 1, (lxw_row_t)nrows, 1);
		chart_series_set_values(series, "各单位汇总", 1, (lxw_col_t)(8 + t), (lxw_row_t)nrows, (lxw_col_t)(8 + t));
		chart_series_set_name(series, names[t]);
		lxw_chart_fill fill = { .color = tone_ink[TONE_RED + t] };
		chart_series_set_fill(series, &fill);
	}
	chart_title_set_name(chart, "各单位任务预警分布（项）");
	chart_axis_set_reverse(chart->y_axis);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.8, .y_scale = 0.4 + nrows * 0.1 };
	worksheet_insert_chart_opt(ws, (lxw_row_t)(nrows + 2), 1, chart, &opt);
}

static void summary_sheet(ledger *l, const summary *s)
{
	static const char *const head[] = { "名次", "单位", "牵头任务", "牵头正常", "牵头预警", "配合任务", "配合正常",
		                            "配合预警", "红", "黄", "蓝", "绿", "推进率" };
	lxw_worksheet *ws = workbook_add_worksheet(l->wb, "各单位汇总");
	for (int c = 0; c < 13; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c == 1 ? 28 : 9, NULL);
		put_text(ws, 0, c, head[c], l->head);
	}
	int n = 0;
	for (int i = 0; i < s->nsections; i++)
		summary_row(l, ws, ++n, &s->sections[s->ranking ? s->ranking[i] : i]);
	worksheet_freeze_panes(ws, 1, 0);
	page_setup(ws, "&L各单位任务推进情况");
	if (n)
		agency_chart(l, ws, n);
}

/* Writes the workbook into a private folder, then copies it out. */
static bool copy_file(const char *path, FILE *out)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return false;
	char chunk[16384];
	size_t n;
	bool ok = true;
	while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		ok = fwrite(chunk, 1, n, out) == n;
	ok = ok && !ferror(in);
	fclose(in);
	return ok;
}

bool summary_render_xlsx(const summary *s, FILE *out, char *err, size_t errlen)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/ducha-xlsx-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		snprintf(err, errlen, "无法创建临时文件夹 %s: %s", dir, strerror(errno));
		free(dir);
		return false;
	}
	char *path = xasprintf("%s/ledger.xlsx", dir);
	lxw_workbook_options options = { .tmpdir = dir };
	ledger l = { .wb = workbook_new_opt(path, &options) };
	bool ok = l.wb != NULL;
	if (ok) {
		make_formats(&l);
		ledger_sheet(&l, s);
		summary_sheet(&l, s);
		lxw_error e = workbook_close(l.wb);
		ok = e == LXW_NO_ERROR;
		if (!ok)
			snprintf(err, errlen, "生成 .xlsx 失败: %s", lxw_strerror(e));
	} else {
		snprintf(err, errlen, "生成 .xlsx 失败: 无法创建工作簿");
	}
	if (ok && !copy_file(path, out)) {
		snprintf(err, errlen, "写入 .xlsx 失败: %s", strerror(errno));
		ok = false;
	}
	for (int i = 0; i < l.nunits; i++)
		free(l.units[i].unit);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return ok;
}
