/* import-plan: a new plan from its 分工表. Every row is checked before
 * anything is written; then one transaction loads it all. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/app_agencies.h"
#include "ducha/app_write.h"
#include "ducha/cli.h"
#include "ducha/cli_say.h"
#include "ducha/csvread.h"
#include "ducha/date.h"
#include "ducha/officeread.h"
#include "ducha/plantable.h"
#include "ducha/table.h"
#include "ducha/text.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

enum { AREA_SHORT_CHARS = 10 };
/* Due dates are copied from the parser's result into the store's input. */
_Static_assert((int)MODEL_MAX_DUES == (int)DEADLINE_MAX_DUES, "due date arrays differ in size");

typedef struct plan_args {
	const char *file, *code, *title, *issuer, *starts, *sheet;
	bool dry_run, no_indicators, yes;
	int starts_day;
} plan_args;

static int read_plan_args(cli *c, const cli_args *args, plan_args *a)
{
	a->file = args->operands[0];
	a->code = cli_value(c, args, "code");
	a->title = cli_value(c, args, "title");
	a->issuer = cli_value(c, args, "issuer");
	a->starts = cli_value(c, args, "starts");
	a->dry_run = cli_given(c, args, "dry-run");
	a->no_indicators = cli_given(c, args, "no-indicators");
	a->yes = cli_given(c, args, "yes");
	a->sheet = cli_value(c, args, "sheet");
	if (a->sheet && strcmp(officeread_kind(a->file), "xlsx") != 0)
		return cli_usage_error(c, "--sheet 只用于 Excel 工作簿（.xlsx）");
	if (a->starts && !date_parse(a->starts, &a->starts_day))
		return cli_usage_error(c, "--starts \"%s\" 不是 YYYY-MM-DD 格式的有效日期", a->starts);
	return 0;
}

static bool valid_args(const plan_args *a)
{
	text_rule rules[] = { { "编号（--code）", 100, false, true }, { "标题（--title）", 500, false, true },
	                      { "发文单位（--issuer）", 200, false, false } };
	const char *values[] = { a->code, a->title, a->issuer ? a->issuer : "" };
	char err[400];
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (!validate_text(&rules[i], values[i], err, sizeof err)) {
			cli_error("%s", err);
			return false;
		}
	return true;
}

static void print_errors(const char *file, const plantable *t)
{
	for (int i = 0; i < t->nerrors; i++)
		cli_error("%s:%d: %s", file, t->errors[i].line, t->errors[i].msg);
	if (t->nerrors == PLANTABLE_MAX_ERRORS)
		cli_error("%s: 错误太多，只列出前 %d 处", file, PLANTABLE_MAX_ERRORS);
	cli_error("%s: 未导入任何内容（%d 处错误，请改正后重新导入）", file, t->nerrors);
}

/* --- the plan as the store takes it ------------------------------------------ */

typedef struct built {
	import_area *areas;
	import_measure *measures;
	import_task *tasks;
	import_indicator **indicators;
	char **shorts;
} built;

/* A label for narrow columns: the area's first characters. */
static char *short_name(const char *title)
{
	char *cut = text_truncate(title, AREA_SHORT_CHARS * 2);
	/* text_truncate marks a cut with "…"; a label is better without it. */
	size_t n = strlen(cut);
	if (n >= 3 && strcmp(cut + n - 3, "…") == 0)
		cut[n - 3] = '\0';
	return cut;
}

static void build_indicators(const plantable_task *pt, import_task *t, import_indicator **out)
{
	int n = pt->ntargets;
	*out = xcalloc((size_t)n + 1, sizeof **out);
	for (int i = 0; i < n; i++) {
		const plantable_target *g = &pt->targets[i];
		(*out)[i] = (import_indicator){ g->name, g->unit, g->cmp, g->value, g->value_hi, g->per_year,
		                                g->counts_new };
	}
	t->indicators = *out;
	t->nindicators = n;
}

static void build(const plantable *pt, const plan_args *a, plan_import *in, built *b)
{
	b->areas = xcalloc((size_t)pt->nareas, sizeof *b->areas);
	b->shorts = xcalloc((size_t)pt->nareas, sizeof *b->shorts);
	b->measures = xcalloc((size_t)pt->nmeasures, sizeof *b->measures);
	b->tasks = xcalloc((size_t)pt->ntasks, sizeof *b->tasks);
	b->indicators = xcalloc((size_t)pt->ntasks, sizeof *b->indicators);
	for (int i = 0; i < pt->nareas; i++) {
		b->shorts[i] = short_name(pt->areas[i]);
		b->areas[i] = (import_area){ i + 1, pt->areas[i], b->shorts[i] };
	}
	for (int i = 0; i < pt->nmeasures; i++)
		b->measures[i] = (import_measure){ i + 1, pt->measures[i].area, pt->measures[i].title };
	int first = 0, last = 0;
	for (int i = 0; i < pt->ntasks; i++) {
		const plantable_task *t = &pt->tasks[i];
		import_task *it = &b->tasks[i];
		*it = (import_task){ .num = t->num, .measure = t->measure, .text = t->text,
		                     .deadline = t->deadline, .ndues = t->due.count,
		                     .lead = (const char *const *)t->lead, .nlead = t->nlead,
		                     .support = (const char *const *)t->support, .nsupport = t->nsupport };
		memcpy(it->dues, t->due.dues, sizeof it->dues);
		build_indicators(t, it, &b->indicators[i]);
		if (i == 0 || t->due.dues[0] < first)
			first = t->due.dues[0];
		if (i == 0 || t->due.dues[t->due.count - 1] > last)
			last = t->due.dues[t->due.count - 1];
	}
	/* Expected progress needs a start and a 分工表 names none: by default the
	 * plan starts on 1 January of the year of its first due date. */
	int y, m, d;
	date_to_ymd(first, &y, &m, &d);
	*in = (plan_import){ .code = a->code, .title = a->title, .issuer = a->issuer, .source = a->file,
	                     .starts = a->starts ? a->starts_day : date_from_ymd(y, 1, 1), .ends = last,
	                     .areas = b->areas, .nareas = pt->nareas, .measures = b->measures,
	                     .nmeasures = pt->nmeasures, .tasks = b->tasks, .ntasks = pt->ntasks };
}

static void built_free(built *b, int nareas, int ntasks)
{
	for (int i = 0; i < nareas; i++)
		free(b->shorts[i]);
	for (int i = 0; i < ntasks; i++)
		free(b->indicators[i]);
	free(b->shorts);
	free(b->indicators);
	free(b->areas);
	free(b->measures);
	free(b->tasks);
}

/* --- dry run -------------------------------------------------------------------- */

static void put(const char *label, const char *s)
{
	char *safe = text_escape(s, 0);
	printf("%s%s\n", label, safe);
	free(safe);
}

/* The names the database does not know, each once, with the line that
 * first has it. */
typedef struct fresh_list {
	const char **names;
	int *lines;
	int n;
} fresh_list;

static void collect_new(const agency_names *k, char **names, int n, int line, fresh_list *fresh)
{
	for (int i = 0; i < n; i++) {
		if (agency_names_has(k, names[i]))
			continue;
		bool seen = false;
		for (int j = 0; j < fresh->n && !seen; j++)
			seen = strcmp(fresh->names[j], names[i]) == 0;
		if (seen)
			continue;
		fresh->names = xrealloc(fresh->names, sizeof *fresh->names * (size_t)(fresh->n + 1));
		fresh->lines = xrealloc(fresh->lines, sizeof *fresh->lines * (size_t)(fresh->n + 1));
		fresh->names[fresh->n] = names[i];
		fresh->lines[fresh->n++] = line;
	}
}

static void find_new(plantable *pt, const agency_names *k, fresh_list *fresh)
{
	for (int t = 0; t < pt->ntasks; t++) {
		plantable_task *task = &pt->tasks[t];
		task->nlead = agency_names_resolve(k, task->lead, task->nlead);
		task->nsupport = agency_names_resolve(k, task->support, task->nsupport);
		collect_new(k, task->lead, task->nlead, task->line, fresh);
		collect_new(k, task->support, task->nsupport, task->line, fresh);
	}
}

static bool is_new(const fresh_list *fresh, const char *name)
{
	for (int i = 0; i < fresh->n; i++)
		if (strcmp(fresh->names[i], name) == 0)
			return true;
	return false;
}

/* From the database when there is one (opened to read, then closed: the
 * import opens it again once the table has passed). */
static bool read_agency_names(cli *c, agency_names *k)
{
	char err[1024];
	if (access(c->app.db_path, F_OK) != 0)
		return agency_names_read(NULL, k, err, sizeof err);
	store *st = store_open(c->app.db_path, STORE_READONLY, c->app.cfg.busy_timeout_ms, err, sizeof err);
	bool ok = st && agency_names_read(st, k, err, sizeof err);
	if (!ok)
		cli_error("%s", err);
	if (st)
		store_close(st);
	return ok;
}

static void put_agencies(const char *label, char **names, int n, const fresh_list *fresh)
{
	size_t cap = 16;
	for (int i = 0; i < n; i++)
		cap += strlen(names[i]) + 16;
	char *line = xmalloc(cap);
	line[0] = '\0';
	for (int i = 0; i < n; i++) {
		strcat(line, i ? "、" : "");
		strcat(line, names[i]);
		strcat(line, is_new(fresh, names[i]) ? "（新）" : "");
	}
	put(label, n ? line : "—");
	free(line);
}

static void put_target(const plantable_target *g, int due)
{
	char a[32], b[32], d[DATE_TEXT_SIZE], line[600];
	wording_number(g->value, a, sizeof a);
	wording_number(g->value_hi, b, sizeof b);
	date_format(due, d);
	if (g->cmp == CMP_RANGE)
		snprintf(line, sizeof line, "%s %s–%s %s", g->name, a, b, g->unit);
	else
		snprintf(line, sizeof line, "%s %s %s %s", g->name, model_comparator_symbol(g->cmp), a, g->unit);
	size_t n = strlen(line);
	snprintf(line + n, sizeof line - n, "（%s，截止 %s）［%s］", g->per_year ? "每年" : "累计", d,
	         g->source);
	put("      指标：", line);
}

static void put_task(const plantable_task *t, const fresh_list *fresh, int *nind)
{
	char head[64], dues[DEADLINE_MAX_DUES * (DATE_TEXT_SIZE + 2) + 64] = "";
	snprintf(head, sizeof head, "    任务 %d（第 %d 行）：", t->num, t->line);
	put(head, t->text);
	for (int i = 0; i < t->due.count; i++) {
		char d[DATE_TEXT_SIZE];
		date_format(t->due.dues[i], d);
		strcat(dues, i ? "、" : "");
		strcat(dues, d);
	}
	char line[400];
	snprintf(line, sizeof line, "%s → %s%s", t->deadline, dues, t->due.yearly ? "（每年）" : "");
	put("      完成时限：", line);
	put_agencies("      牵头单位：", t->lead, t->nlead, fresh);
	put_agencies("      配合单位：", t->support, t->nsupport, fresh);
	for (int i = 0; i < t->ntargets; i++)
		put_target(&t->targets[i], t->due.dues[t->due.count - 1]);
	for (int i = 0; i < t->nskips; i++) {
		snprintf(line, sizeof line, "%s：%s", t->skips[i].source, t->skips[i].why);
		put("      未识别：", line);
	}
	*nind += t->ntargets;
}

static void dry_run(const plantable *pt, const plan_import *in, const char *encoding, bool starts_given,
                    const agency_names *k, const fresh_list *fresh)
{
	char line[800], s[DATE_TEXT_SIZE], e[DATE_TEXT_SIZE];
	int nind = 0;
	snprintf(line, sizeof line, "%s（%s 编码，表头在第 %d 行）", in->source, encoding, pt->header_line);
	put("试导入，未写入任何内容：", line);
	snprintf(line, sizeof line, "%s《%s》", in->code, in->title);
	put("工作方案：", line);
	date_format(in->starts, s);
	date_format(in->ends, e);
	printf("  起止：%s 至 %s%s\n", s, e,
	       starts_given ? "" : "（起始日默认取最早截止日期所在年份的 1 月 1 日，可用 --starts 指定）");
	for (int a = 1; a <= pt->nareas; a++) {
		snprintf(line, sizeof line, "%d %s（简称 %s）", a, pt->areas[a - 1], in->areas[a - 1].short_name);
		put("领域 ", line);
		for (int m = 1; m <= pt->nmeasures; m++) {
			if (pt->measures[m - 1].area != a)
				continue;
			snprintf(line, sizeof line, "%d %s", m, pt->measures[m - 1].title);
			put("  措施 ", line);
			for (int t = 0; t < pt->ntasks; t++)
				if (pt->tasks[t].measure == m)
					put_task(&pt->tasks[t], fresh, &nind);
		}
	}
	for (int i = 0; i < fresh->n; i++) {
		agency_names_describe_new(k, fresh->names[i], line, sizeof line);
		char label[64];
		snprintf(label, sizeof label, "数据库中没有的单位（第 %d 行）：", fresh->lines[i]);
		put(label, line);
	}
	printf("合计：%d 个领域，%d 项措施，%d 项任务，%d 个量化指标（加 --no-indicators 则不建），"
	       "%d 个新单位%s\n", pt->nareas, pt->nmeasures, pt->ntasks, nind, fresh->n,
	       fresh->n ? "（核对无误后导入时须加 --yes，它们将作为新单位建立）" : "");
}

/* An agency named once by its name and once by an alias in the two roles
 * of a task (the reader compared the names as written). */
static bool roles_clash(const plan_args *a, const plantable *pt)
{
	bool clash = false;
	for (int t = 0; t < pt->ntasks; t++)
		for (int i = 0; i < pt->tasks[t].nlead; i++)
			for (int j = 0; j < pt->tasks[t].nsupport; j++)
				if (strcmp(pt->tasks[t].lead[i], pt->tasks[t].support[j]) == 0) {
					cli_error("%s:%d: “%s”（含其别名）同时列在牵头单位和配合单位中", a->file, pt->tasks[t].line,
					          pt->tasks[t].lead[i]);
					clash = true;
				}
	if (clash)
		cli_error("%s: 未导入任何内容", a->file);
	return clash;
}

/* Names the database does not know: refused without --yes, each said with
 * the nearest known one. */
static bool new_names_refused(const plan_args *a, const agency_names *k, const fresh_list *fresh)
{
	if (!fresh->n || a->yes)
		return false;
	char line[600];
	for (int i = 0; i < fresh->n; i++) {
		agency_names_describe_new(k, fresh->names[i], line, sizeof line);
		char *safe = text_escape(line, 0);
		cli_error("%s:%d: 数据库中没有这个单位：%s", a->file, fresh->lines[i], safe);
		free(safe);
	}
	cli_error("%s: 未导入任何内容：表中有 %d 个数据库中没有的单位；请改正表格，或核对无误后加 --yes 导入"
	          "（它们将作为新单位建立；可先用 --dry-run 查看）", a->file, fresh->n);
	return true;
}

/* --- the command ------------------------------------------------------------------- */

static bool open_for_import(cli *c, bool dry, bool *created)
{
	char err[1024];
	*created = access(c->app.db_path, F_OK) != 0;
	if (dry && *created)
		return true;   /* nothing to compare with: every agency is new */
	c->app.st = store_open(c->app.db_path, dry ? STORE_READONLY : STORE_CREATE, c->app.cfg.busy_timeout_ms,
	                   err, sizeof err);
	if (!c->app.st)
		cli_error("%s", err);
	return c->app.st != NULL;
}

static bool code_taken(cli *c, const char *code)
{
	bool exists = false;
	if (c->app.st && !store_plan_exists(c->app.st, code, &exists)) {
		cli_error("%s", store_error(c->app.st));
		return true;
	}
	if (exists)
		cli_error("已有编号为 \"%s\" 的工作方案，未导入任何内容（换一个 --code）", code);
	return exists;
}

static int load(cli *c, const plan_args *a, plantable *pt, const char *encoding, const agency_names *k)
{
	plan_import in;
	built b = { 0 };
	fresh_list fresh = { 0 };
	bool created = false;
	char err[1024];
	find_new(pt, k, &fresh);
	build(pt, a, &in, &b);
	int rc = 0;
	if (in.starts > in.ends) {
		rc = cli_error("--starts %s 晚于最后的截止日期", a->starts);
	} else if (roles_clash(a, pt)) {
		rc = 1;
	} else if (!a->dry_run && new_names_refused(a, k, &fresh)) {
		rc = 1;
	} else if (!open_for_import(c, a->dry_run, &created) || code_taken(c, a->code)) {
		rc = 1;
	} else if (a->dry_run) {
		dry_run(pt, &in, encoding, a->starts != NULL, k, &fresh);
	} else if (app_import_plan(&c->app, &in, err, sizeof err) != APP_OK) {
		rc = cli_error("导入失败，未写入任何内容: %s", err);
	} else {
		/* A database made here is shared like one made by init. */
		if (created && chmod(c->app.db_path, 0660) != 0)
			cli_error("无法设置 %s 的权限: %s", c->app.db_path, strerror(errno));
		cli_say(stdout, "已导入《%s》（%s）：%d 个领域，%d 项措施，%d 项任务（文件编码 %s；用 ducha --plan \"%s\" tasks 查看）",
		        a->title, a->code, in.nareas, in.nmeasures, in.ntasks, encoding, a->code);
	}
	built_free(&b, pt->nareas, pt->ntasks);
	free(fresh.names);
	free(fresh.lines);
	return rc;
}

/* The table, whichever of CSV, .xlsx and .docx the file is. */
static bool read_table(const plan_args *a, csv_table *csv, char *err, size_t len)
{
	const char *kind = officeread_kind(a->file);
	if (strcmp(kind, "xlsx") == 0)
		return officeread_xlsx(a->file, a->sheet, csv, err, len);
	if (strcmp(kind, "docx") == 0)
		return officeread_docx(a->file, csv, err, len);
	return csvread_file(a->file, csv, err, len);
}

/* --areas: the current plan's area and measure titles and short labels. */
static void put_sections(const plantable_sections *t)
{
	for (int i = 0; i < t->n; i++) {
		const plantable_section *s = &t->items[i];
		char line[700];
		snprintf(line, sizeof line, "%s %d：%s%s%s%s", s->measure ? "措施" : "领域", s->num, s->title ? "标题 " : "",
		         s->title ? s->title : "", s->short_name ? (s->title ? "，简称 " : "简称 ") : "",
		         s->short_name ? s->short_name : "");
		put("  ", line);
	}
}

static int import_areas(cli *c, const plan_args *a)
{
	csv_table csv;
	char err[1024];
	if (a->code || a->title || a->issuer || a->starts || a->no_indicators || a->yes)
		return cli_usage_error(c, "--areas 只改当前方案（--plan）的领域和措施，不与 --code、--title 等一起用");
	if (!read_table(a, &csv, err, sizeof err))
		return cli_error("%s；未做任何改动", err);
	plantable_sections t;
	bool read = plantable_read_sections(&csv, &t);
	csvread_free(&csv);
	int rc = 0;
	if (!read) {
		for (int i = 0; i < t.nerrors; i++)
			cli_error("%s:%d: %s", a->file, t.errors[i].line, t.errors[i].msg);
		rc = cli_error("%s: 未做任何改动（%d 处错误）", a->file, t.nerrors);
	} else if (!cli_open(c, !a->dry_run)) {
		rc = 1;
	} else if (a->dry_run) {
		printf("试修改《%s》的领域和措施，未写入任何内容：\n", c->app.plan.title);
		put_sections(&t);
	} else {
		section_edit *e = xcalloc((size_t)t.n, sizeof *e);
		for (int i = 0; i < t.n; i++)
			e[i] = (section_edit){ t.items[i].measure, t.items[i].num, t.items[i].title, t.items[i].short_name };
		app_result r = app_edit_sections(&c->app, e, t.n, err, sizeof err);
		free(e);
		if (r != APP_OK)
			rc = cli_error(r == APP_REFUSED ? "%s" : "未做任何改动：%s", err);
		else
			printf("已修改《%s》的 %d 处领域、措施（原来的内容留在留痕中）\n", c->app.plan.title, t.n);
	}
	plantable_sections_free(&t);
	return rc;
}

static int run_import_plan(cli *c, const cli_args *args)
{
	plan_args a = { 0 };
	int rc = read_plan_args(c, args, &a);
	if (rc)
		return rc;
	if (cli_given(c, args, "areas"))
		return import_areas(c, &a);
	if (!a.code || !a.title)
		return cli_usage_error(c, "缺少 --%s（新工作方案的%s）", a.code ? "title TITLE" : "code CODE",
		                       a.code ? "标题" : "编号");
	if (!valid_args(&a))
		return 1;
	if (!a.dry_run && c->app.who.role != ROLE_ADMIN)
		return cli_error("%s（%s）无权导入工作方案：只有管理员（admin）可以（可先用 --dry-run 检查）",
		                 c->app.who.user, model_role_name(c->app.who.role));
	csv_table csv;
	char err[1024];
	agency_names k;
	if (!read_agency_names(c, &k))
		return 1;
	if (!read_table(&a, &csv, err, sizeof err)) {
		agency_names_free(&k);
		return cli_error("%s；未导入任何内容", err);
	}
	plantable pt;
	bool read = plantable_read(&csv, !a.no_indicators, &k.known, &pt);
	const char *encoding = csv.encoding;   /* a string constant */
	/* The table holds copies of everything: the file's cells can go. */
	csvread_free(&csv);
	if (!read) {
		print_errors(a.file, &pt);
		rc = 1;
	} else {
		rc = load(c, &a, &pt, encoding, &k);
	}
	plantable_free(&pt);
	agency_names_free(&k);
	return rc;
}

static const cli_option import_plan_options[] = {
	{ "code", 0, "CODE", "新工作方案的编号，如 渝府办发〔2016〕25号（导入分工表时必填）", 0, NULL },
	{ "title", 0, "TITLE", "新工作方案的标题（导入分工表时必填）", 0, NULL },
	{ "areas", 0, NULL, "FILE 不是分工表，而是当前方案（--plan）的领域、措施表：列 领域、措施、标题、简称，"
	  "改它们的标题和简称", 0, NULL },
	{ "issuer", 0, "NAME", "发文单位", 0, NULL },
	{ "starts", 0, "YYYY-MM-DD", "序时进度的起点（默认：最早截止日期所在年份的 1 月 1 日）", 0, NULL },
	{ "dry-run", 0, NULL, "只检查并列出将要创建的内容（含建议的量化指标和未能识别的数字），不写入", 0, NULL },
	{ "no-indicators", 0, NULL, "不根据任务文字建议量化指标", 0, NULL },
	{ "sheet", 0, "NAME", "Excel 工作簿中要读的工作表（默认第一个）", 0, NULL },
	{ "yes", 0, NULL, "确认表中数据库没有的单位是新单位，建立它们（不加时列出并拒绝导入）", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_import_plan = {
	.name = "import-plan", .run = run_import_plan, .summary = "从分工表（CSV、Excel 或 Word）导入一个新的工作方案（管理员）",
	.operands = "FILE", .min_operands = 1, .max_operands = 1, .missing_operand = "缺少分工表文件（.csv、.xlsx 或 .docx）",
	.options = import_plan_options,
	.notes = "  FILE：.csv（UTF-8 可带 BOM，或 GB18030/GBK）、.xlsx（第一个或 --sheet 指定的工作表）、\n"
	         "  .docx（表头含 序号、重点任务、牵头单位 的第一个表格）；合并单元格按所合并的内容读\n"
	         "  列按表头名称匹配（顺序不限）：序号、重点任务、完成时限、牵头单位、配合单位，可选 领域、措施\n"
	         "  从 PDF 复制的文字：单元格内的换行和汉字间的空格去掉（英文单词间留一个空格）；\n"
	         "  单位名称按 、，,;； 拆分，换行处是否分开按已有单位名称（含别名）判断\n"
	         "  没有 领域 列：建一个领域“全部任务”；没有 措施 列：每个领域建一项与它同名的措施；\n"
	         "  领域、措施 单元格为空时沿用上一行（合并单元格），措施不跨领域沿用\n",
};
