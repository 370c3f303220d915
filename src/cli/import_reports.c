/* import-reports: quarterly reports in bulk from a spreadsheet, all or
 * nothing. Each line gives one indicator's value (or a status or note) of
 * one task for one quarter; the lines of one task and quarter make one
 * report, saved with its audit row like `ducha update`. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/csvread.h"
#include "ducha/date.h"
#include "ducha/permission.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"

enum { RC_TASK, RC_PERIOD, RC_INDICATOR, RC_VALUE, RC_STATUS, RC_NOTE, RC_NCOLS };
enum { HEADER_SEARCH = 10, NOTE_MAX_CHARS = 2000 };

static const char *const col_names[RC_NCOLS][6] = {
	[RC_TASK] = { "task", "任务", "序号", "任务序号", NULL },
	[RC_PERIOD] = { "period", "季度", "填报季度", NULL },
	[RC_INDICATOR] = { "indicator", "指标", "指标名称", NULL },
	[RC_VALUE] = { "value", "数值", "实际值", "完成值", NULL },
	[RC_STATUS] = { "status", "状态", NULL },
	[RC_NOTE] = { "note", "说明", "备注", "进展情况", NULL },
};
static const char *const col_label[RC_NCOLS] = { "task", "period", "indicator", "value", "status",
	                                             "note" };
static const int col_max_chars[RC_NCOLS] = { 20, 20, 100, 40, 20, NOTE_MAX_CHARS };

/* One report being put together from its lines. */
typedef struct pending {
	int line;                    /* its first line */
	int task;
	int64_t task_id;
	char period[8];
	const char *status, *note;   /* NULL: not given */
	int nvalues;
	int64_t *ids;
	double *values;
} pending;

typedef struct batch {
	cli *c;
	const char *file;
	bool dry_run, yes;
	int col[RC_NCOLS];
	task_detail *tasks;          /* the tasks named so far */
	int ntasks;
	pending *reports;
	int nreports;
	int errors;
	int line;                    /* the line being read */
} batch;

static void line_error(batch *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line_error(batch *b, const char *fmt, ...)
{
	char msg[800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_error("%s:%d: %s", b->file, b->line, msg);
	b->errors++;
}

static int find_header(const csv_table *csv, int col[RC_NCOLS])
{
	for (int r = 0; r < csv->nrows && r < HEADER_SEARCH; r++) {
		for (int c = 0; c < RC_NCOLS; c++)
			col[c] = csvread_column(&csv->rows[r], col_names[c]);
		if (col[RC_TASK] >= 0 && col[RC_PERIOD] >= 0)
			return r;
	}
	return -1;
}

static const char *cell(const batch *b, const csv_row *row, int c)
{
	int i = b->col[c];
	return i >= 0 && i < row->nfields ? row->fields[i] : "";
}

static bool valid_cells(batch *b, const csv_row *row)
{
	bool ok = true;
	for (int c = 0; c < RC_NCOLS; c++) {
		if (b->col[c] < 0)
			continue;
		char field[64], err[400];
		snprintf(field, sizeof field, "%s（第 %d 列）", col_label[c], b->col[c] + 1);
		text_rule rule = { field, col_max_chars[c], c == RC_NOTE, c == RC_TASK || c == RC_PERIOD };
		if (!validate_text(&rule, cell(b, row, c), err, sizeof err)) {
			line_error(b, "%s", err);
			ok = false;
		}
	}
	return ok;
}

/* The task of that number in the current plan, loaded once. */
static const task_detail *task_of(batch *b, const char *text)
{
	char *end;
	long num = strtol(text, &end, 10);
	if (!*text || *end || num < 1 || num > 100000) {
		line_error(b, "task \"%s\" 不是任务序号", text);
		return NULL;
	}
	for (int i = 0; i < b->ntasks; i++)
		if (b->tasks[i].task.num == num)
			return &b->tasks[i];
	task_detail d;
	bool found;
	if (!store_task_detail(b->c->app.st, b->c->app.plan.id, (int)num, &d, &found)) {
		line_error(b, "工作方案 %s 中%s", b->c->app.plan.code, store_error(b->c->app.st));
		return NULL;
	}
	b->tasks = xrealloc(b->tasks, sizeof *b->tasks * (size_t)(b->ntasks + 1));
	b->tasks[b->ntasks] = d;
	return &b->tasks[b->ntasks++];
}

/* A task already loaded by task_of. */
static const task_detail *task_by_id(const batch *b, int64_t id)
{
	for (int i = 0; i < b->ntasks; i++)
		if (b->tasks[i].task.id == id)
			return &b->tasks[i];
	return NULL;
}

static pending *report_for(batch *b, const task_detail *d, const char *period)
{
	for (int i = 0; i < b->nreports; i++)
		if (b->reports[i].task_id == d->task.id && strcmp(b->reports[i].period, period) == 0)
			return &b->reports[i];
	b->reports = xrealloc(b->reports, sizeof *b->reports * (size_t)(b->nreports + 1));
	pending *p = &b->reports[b->nreports++];
	*p = (pending){ .line = b->line, .task = d->task.num, .task_id = d->task.id };
	snprintf(p->period, sizeof p->period, "%s", period);
	return p;
}

static const indicator_rec *indicator_of(batch *b, const task_detail *d, const char *name)
{
	for (int i = 0; i < d->nindicators; i++)
		if (strcmp(d->indicators[i].name, name) == 0)
			return &d->indicators[i];
	line_error(b, "任务 %d 没有名为 \"%s\" 的指标", d->task.num, name);
	return NULL;
}

static void add_value(batch *b, pending *p, const task_detail *d, const char *name, const char *text)
{
	const indicator_rec *ind = indicator_of(b, d, name);
	double v;
	char err[300];
	if (!ind)
		return;
	if (!validate_number(ind->name, text, &v, err, sizeof err)) {
		line_error(b, "%s", err);
		return;
	}
	if (ind->milestone && v != 0 && v != 1) {
		line_error(b, "指标 \"%s\" 是里程碑，只能填 0（未完成）或 1（已完成）", ind->name);
		return;
	}
	for (int i = 0; i < p->nvalues; i++)
		if (p->ids[i] == ind->id) {
			line_error(b, "任务 %d %s 的指标 \"%s\" 在前面已经填过", p->task, p->period, ind->name);
			return;
		}
	p->ids = xrealloc(p->ids, sizeof *p->ids * (size_t)(p->nvalues + 1));
	p->values = xrealloc(p->values, sizeof *p->values * (size_t)(p->nvalues + 1));
	p->ids[p->nvalues] = ind->id;
	p->values[p->nvalues++] = v;
}

/* A status or note given on several lines of one report must agree. */
static void set_once(batch *b, const pending *p, const char **slot, const char *value, const char *what)
{
	if (*slot && strcmp(*slot, value) != 0) {
		line_error(b, "任务 %d %s 的%s与第 %d 行起给出的不同", p->task, p->period, what, p->line);
		return;
	}
	*slot = value;
}

static void read_line(batch *b, const csv_row *row)
{
	b->line = row->line;
	if (!valid_cells(b, row))
		return;
	const char *period = cell(b, row, RC_PERIOD), *status = cell(b, row, RC_STATUS);
	const char *ind = cell(b, row, RC_INDICATOR), *value = cell(b, row, RC_VALUE);
	const char *note = cell(b, row, RC_NOTE), *mapped = NULL;
	int y, q;
	const task_detail *d = task_of(b, cell(b, row, RC_TASK));
	char why[400], normal[PERIOD_TEXT_SIZE];
	if (!period_parse(period, &y, &q))
		line_error(b, "period \"%s\" 不是有效的季度（应为 YYYYQn，如 2016Q4）", period);
	else if (!period_allowed(y, q, b->c->app.plan.starts, b->c->app.as_of, why, sizeof why))
		line_error(b, "%s", why);
	if (*status && !(mapped = model_status_parse(status)))
		line_error(b, "status \"%s\" 应为 not-started、in-progress 或 completed（或 未开始、进行中、已完成）", status);
	if (!*ind != !*value)
		line_error(b, "indicator 和 value 要一起填写");
	if (!*ind && !*status && !*note)
		line_error(b, "这一行没有要保存的内容（indicator/value、status、note 都是空的）");
	if (d && !permission_check(&b->c->app.who, PERM_REPORT, &d->task, why, sizeof why))
		line_error(b, "%s", why);
	if (!d || !period_parse(period, &y, &q))
		return;
	period_format(y, q, normal);
	pending *p = report_for(b, d, normal);
	if (*ind && *value)
		add_value(b, p, d, ind, value);
	if (mapped)
		set_once(b, p, &p->status, mapped, "状态");
	if (*note)
		set_once(b, p, &p->note, note, "说明");
}

/* --dry-run: each report that would be saved, and whether it replaces one. */
static int show_plan(const batch *b)
{
	int replaced = 0;
	for (int i = 0; i < b->nreports; i++) {
		const pending *p = &b->reports[i];
		const report_rec *old = NULL;
		for (int t = 0; t < b->ntasks && !old; t++)
			for (int r = 0; b->tasks[t].task.id == p->task_id && r < b->tasks[t].nreports; r++)
				if (strcmp(b->tasks[t].reports[r].period, p->period) == 0)
					old = &b->tasks[t].reports[r];
		if (old) {
			replaced++;
			cli_say(stdout, "第 %d 行  任务 %d %s：替换已有的填报（第 %d 版，%s 填于 %s）；%d 个指标值%s%s",
			        p->line, p->task, p->period, old->version, old->author ? old->author : "?",
			        old->created ? old->created : "?", p->nvalues, p->status ? "、状态" : "",
			        p->note ? "、说明" : "");
		} else {
			cli_say(stdout, "第 %d 行  任务 %d %s：新填报；%d 个指标值%s%s", p->line, p->task, p->period,
			        p->nvalues, p->status ? "、状态" : "", p->note ? "、说明" : "");
		}
	}
	cli_say(stdout, "合计 %d 份填报，其中 %d 份替换已有的；--dry-run：未写入任何内容", b->nreports, replaced);
	return 0;
}

static int save(batch *b)
{
	if (b->dry_run)
		return show_plan(b);
	report_input *in = xcalloc((size_t)b->nreports + 1, sizeof *in);
	const task_detail **tasks = xcalloc((size_t)b->nreports + 1, sizeof *tasks);
	int values = 0, failed = -1;
	for (int i = 0; i < b->nreports; i++) {
		const pending *p = &b->reports[i];
		tasks[i] = task_by_id(b, p->task_id);
		in[i] = (report_input){ .task_id = p->task_id, .expected_version = STORE_ANY_VERSION, .confirmed = b->yes,
		                        .status = p->status, .note = p->note, .nvalues = p->nvalues,
		                        .indicator_ids = p->ids, .values = p->values };
		snprintf(in[i].period, sizeof in[i].period, "%s", p->period);
		values += p->nvalues;
	}
	char err[1024];
	app_result r = app_save_reports(&b->c->app, tasks, in, b->nreports, &failed, err, sizeof err);
	free(in);
	free(tasks);
	if (r != APP_OK) {
		b->line = failed >= 0 ? b->reports[failed].line : 0;
		return cli_error("%s:%d: %s，未导入任何内容: %s%s", b->file, b->line, r == APP_REFUSED || r == APP_CONFIRM ? "不能保存" : "保存失败",
		                 err, r == APP_CONFIRM ? "（核对无误请加 --yes 再导入）" : "");
	}
	cli_say(stdout, "已导入 %d 份季度填报（%d 个指标值），来自 %s", b->nreports, values, b->file);
	return 0;
}

static void batch_free(batch *b)
{
	for (int i = 0; i < b->ntasks; i++)
		model_detail_free(&b->tasks[i]);
	free(b->tasks);
	for (int i = 0; i < b->nreports; i++) {
		free(b->reports[i].ids);
		free(b->reports[i].values);
	}
	free(b->reports);
}

static int import_rows(batch *b, const csv_table *csv)
{
	int header = find_header(csv, b->col);
	if (header < 0)
		return cli_error("%s:%d: 找不到表头：前 %d 行中没有同时含 task 和 period 两列的行；未导入任何内容",
		                 b->file, csv->nrows ? csv->rows[0].line : 1, HEADER_SEARCH);
	if ((b->col[RC_INDICATOR] < 0) != (b->col[RC_VALUE] < 0))
		return cli_error("%s:%d: 表头要么同时有 indicator 和 value 两列，要么都没有；未导入任何内容",
		                 b->file, csv->rows[header].line);
	for (int r = header + 1; r < csv->nrows; r++)
		read_line(b, &csv->rows[r]);
	if (!b->errors && !b->nreports)
		return cli_error("%s: 表头下面没有任何填报；未导入任何内容", b->file);
	if (b->errors)
		return cli_error("%s: 未导入任何内容（%d 处错误，请改正后重新导入）", b->file, b->errors);
	return save(b);
}

static int run_import_reports(cli *c, const cli_args *a)
{
	bool dry = cli_given(c, a, "dry-run");
	const char *file = a->operands[0];
	csv_table csv;
	char err[1024];
	if (!csvread_file(file, &csv, err, sizeof err))
		return cli_error("%s；未导入任何内容", err);
	cli_say(stderr, "读取 %s（编码 %s）", file, csv.encoding);
	int rc = 1;
	if (cli_open(c, !dry)) {
		batch b = { .c = c, .file = file, .dry_run = dry, .yes = cli_given(c, a, "yes") };
		rc = import_rows(&b, &csv);
		batch_free(&b);
	}
	csvread_free(&csv);
	return rc;
}

static const cli_option import_reports_options[] = {
	{ "dry-run", 0, NULL, "只列出将要保存的各份填报、哪些会替换已有的填报，不写入", 0, NULL },
	{ "yes", 0, NULL, "确认看来不合理的数字（同 ducha update --yes）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_import_reports = {
	.name = "import-reports", .run = run_import_reports, .summary = "从 CSV 批量导入季度填报（全部成功或全部不导入）",
	.operands = "FILE.csv", .min_operands = 1, .max_operands = 1, .missing_operand = "缺少 CSV 文件",
	.options = import_reports_options,
	.notes = "  列按表头名称匹配：task、period，以及 indicator 与 value、status、note（也可用 任务、季度、指标、数值、状态、说明）\n"
	         "  同一任务同一季度的各行合成一份填报；权限和留痕与 ducha update 相同\n",
};
