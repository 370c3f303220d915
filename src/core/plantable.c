#include "ducha/plantable.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/validate.h"
#include "ducha/xalloc.h"

const char plantable_default_section[] = "全部任务";

/* Header names as offices write them (compared without spaces, ASCII lower case). */
static const char *const col_names[PT_NCOLS][7] = {
	[PT_NUM] = { "序号", "编号", "任务序号", "no", "no.", NULL },
	[PT_AREA] = { "领域", "重点领域", "板块", NULL },
	[PT_MEASURE] = { "措施", "主要措施", "工作措施", NULL },
	[PT_TEXT] = { "重点任务", "工作任务", "主要任务", "任务内容", "任务", NULL },
	[PT_DEADLINE] = { "完成时限", "完成时间", "时限", NULL },
	[PT_LEAD] = { "牵头单位", "牵头部门", NULL },
	[PT_SUPPORT] = { "配合单位", "配合部门", NULL },
};
static const char *const col_label[PT_NCOLS] = { "序号", "领域", "措施", "重点任务", "完成时限",
	                                             "牵头单位", "配合单位" };
static const bool col_required[PT_NCOLS] = { true, false, false, true, true, true, true };
/* The schema's limits, in characters, for the cell as typed. */
static const int col_max_chars[PT_NCOLS] = { 20, 200, 200, 4000, 100, 2000, 2000 };
enum { AGENCY_MAX_CHARS = 100, MAX_AREAS = 99, MAX_MEASURES = 999, MAX_TASK_NUM = 100000,
       MAX_PER_ROLE = 100 };

static void add_error(plantable *t, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add_error(plantable *t, int line, const char *fmt, ...)
{
	if (t->nerrors == PLANTABLE_MAX_ERRORS)
		return;
	if (t->nerrors % 16 == 0)
		t->errors = xrealloc(t->errors, sizeof *t->errors * (size_t)(t->nerrors + 16));
	plantable_error *e = &t->errors[t->nerrors++];
	e->line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

/* --- cells ------------------------------------------------------------------ */

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

static bool is_break_cp(uint32_t cp)
{
	return cp == '\n' || cp == '\r';
}

/* Code points of s (invalid bytes stop it: cells are validated first). */
static uint32_t *decode_all(const char *s, int *n)
{
	size_t len = strlen(s);
	uint32_t *cp = xrealloc(NULL, sizeof *cp * (len + 1));
	*n = 0;
	for (size_t i = 0; i < len;) {
		size_t k = text_decode(s + i, len - i, &cp[*n]);
		if (k == 0)
			break;
		i += k;
		(*n)++;
	}
	return cp;
}

static size_t put_cp(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static char *encode(const uint32_t *cp, int from, int to)
{
	char *out = xrealloc(NULL, (size_t)(to - from) * 4 + 1);
	size_t o = 0;
	for (int i = from; i < to; i++)
		o += put_cp(out + o, cp[i]);
	out[o] = '\0';
	return xrealloc(out, o + 1);   /* kept for the whole import: no slack */
}

static bool ascii_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Text copied out of a PDF: a line break is layout, so it goes with the
 * blanks around it (but two Latin words stay apart: "Open Source"; a number
 * cut in two joins: "5⏎00" is 500); blanks between Chinese characters are
 * the spacing of a title ("市 发 展 改 革 委"), so they go too; blanks
 * between two ASCII characters become one space. */
char *plantable_join_lines(const char *cell)
{
	int n;
	uint32_t *cp = decode_all(cell, &n);
	uint32_t *out = xrealloc(NULL, sizeof *out * (size_t)(n + 1));
	int o = 0;
	for (int i = 0; i < n; i++) {
		if (!is_break_cp(cp[i]) && !is_blank_cp(cp[i])) {
			out[o++] = cp[i];
			continue;
		}
		bool broke = false;
		for (; i < n && (is_blank_cp(cp[i]) || is_break_cp(cp[i])); i++)
			broke |= is_break_cp(cp[i]);
		i--;
		if (o == 0 || i + 1 >= n)
			continue;
		uint32_t before = out[o - 1], after = cp[i + 1];
		bool keep = broke ? ascii_letter(before) && ascii_letter(after)
		                  : before < 0x80 && after < 0x80;
		if (keep)
			out[o++] = ' ';
	}
	int s = 0;
	while (s < o && is_blank_cp(out[s]))
		s++;
	while (o > s && is_blank_cp(out[o - 1]))
		o--;
	char *text = encode(out, s, o);
	free(cp);
	free(out);
	return text;
}

/* A cell as exported by table_csv_field: a leading ' that neutralised a
 * formula (= + - @) is not part of the text. */
static const char *cell_at(const csv_row *r, int col)
{
	if (col < 0 || col >= r->nfields)
		return "";
	const char *s = r->fields[col];
	if (s[0] == '\'' && s[1] && strchr("=+-@", s[1]))
		return s + 1;
	return s;
}

/* 0–9, ０–９, 一二三四五六七八九十百零〇 */
static bool is_cn_numeral(uint32_t cp)
{
	static const uint32_t cn[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
	                               0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6, 0x3007 };
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
		return true;
	for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
		if (cp == cn[i])
			return true;
	return false;
}

/* "一、创新能力…", "（一）加快…", "1. 加快…" → the title without its number. */
static char *strip_numbering(const char *s)
{
	int n, i = 0;
	uint32_t *cp = decode_all(s, &n);
	bool bracket = n > 0 && (cp[0] == '(' || cp[0] == 0xFF08);
	i = bracket;
	int digits = i;
	while (i < n && is_cn_numeral(cp[i]))
		i++;
	bool numbered = false;
	if (i > digits && bracket && i < n && (cp[i] == ')' || cp[i] == 0xFF09)) {
		i++;
		numbered = true;
		if (i < n && (cp[i] == 0x3001 || cp[i] == '.' || cp[i] == 0xFF0E))
			i++;
	} else if (i > digits && !bracket && i < n && (cp[i] == 0x3001 || cp[i] == '.' || cp[i] == 0xFF0E)) {
		i++;
		numbered = true;
	}
	if (!numbered)
		i = 0;
	while (i < n && is_blank_cp(cp[i]))
		i++;
	char *out = encode(cp, i < n ? i : 0, n);
	free(cp);
	return out;
}

/* --- agencies ----------------------------------------------------------------- */

static bool is_list_separator(uint32_t cp)
{
	return cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == ';' || cp == 0xFF1B;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool known_name(const plantable_known *k, const char *name)
{
	return k && k->n && bsearch(&name, k->names, (size_t)k->n, sizeof *k->names, by_string);
}

/* The last character of a name that ends an agency's name: 委 局 办 厅 … */
static bool ends_like_agency(const uint32_t *cp, int len)
{
	static const char suffixes[] = "委局办厅部院会府司行所站队处室心团社校馆台署区";
	if (len == 0)
		return false;
	char last[8];
	last[put_cp(last, cp[len - 1])] = '\0';
	return strstr(suffixes, last) != NULL;
}

enum { MAX_SEGMENTS = 64 };

typedef struct piece {
	uint32_t *cp;                /* the piece's characters, blanks and breaks taken out */
	int start[MAX_SEGMENTS + 1]; /* where each line of it starts in cp; start[n] = its length */
	int n;
} piece;

/* How likely these lines of a piece are one agency's name: a known name
 * best; an unknown one better when it ends like a name, worse when it runs
 * on past a line that ended like one ("市科委⏎市教委" are two). */
static int group_score(const piece *p, int from, int to, const plantable_known *k)
{
	char *name = encode(p->cp, p->start[from], p->start[to]);
	bool known = known_name(k, name);
	free(name);
	if (known)
		return 4;
	int score = ends_like_agency(p->cp + p->start[from], p->start[to] - p->start[from]) ? -1 : -3;
	for (int m = from + 1; m < to; m++)
		if (ends_like_agency(p->cp + p->start[from], p->start[m] - p->start[from]))
			score -= 2;
	return score;
}

/* Which line breaks of a piece end a name: the split that names the most
 * known agencies (then the fewest names). bounds[i] is true where a name
 * ends after line i. */
static void choose_breaks(const piece *p, const plantable_known *k, bool *bounds)
{
	int best[MAX_SEGMENTS + 1], groups[MAX_SEGMENTS + 1], from[MAX_SEGMENTS + 1];
	best[0] = 0;
	groups[0] = 0;
	for (int i = 1; i <= p->n; i++) {
		best[i] = -1000000;
		for (int j = 0; j < i; j++) {
			int s = best[j] + group_score(p, j, i, k);
			if (s > best[i] || (s == best[i] && groups[j] + 1 < groups[i])) {
				best[i] = s;
				groups[i] = groups[j] + 1;
				from[i] = j;
			}
		}
	}
	for (int i = 0; i < p->n && i < MAX_SEGMENTS; i++)
		bounds[i] = false;
	for (int i = p->n; i > 0; i = from[i])
		bounds[i - 1] = true;
}

void plantable_free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static bool add_name(char ***names, int *n, const uint32_t *cp, int len, char *err, size_t errlen)
{
	if (len == 0)
		return true;
	char *name = encode(cp, 0, len);
	if (len > AGENCY_MAX_CHARS) {
		snprintf(err, errlen, "单位名称太长（%d 个字符，最多 %d 个）: %.60s…", len, AGENCY_MAX_CHARS, name);
		free(name);
		return false;
	}
	for (int i = 0; i < *n; i++)
		if (strcmp((*names)[i], name) == 0) {
			free(name);
			return true;
		}
	*names = xrealloc(*names, sizeof **names * (size_t)(*n + 1));
	(*names)[(*n)++] = name;
	return true;
}

/* Calls each for every piece of a cell between separators (never inside
 * brackets): its characters without blanks or breaks, brackets full-width
 * (市 发 展 改 革 委 → 市发展改革委; 各区县(自治县) → 各区县（自治县）), and
 * where each of its lines starts. Stops at the first false. */
typedef bool (*piece_fn)(const piece *p, void *ctx);

static bool each_piece(const char *cell, piece_fn each, void *ctx)
{
	int n, depth = 0, len = 0;
	uint32_t *cp = decode_all(cell, &n);
	piece p = { .cp = xrealloc(NULL, sizeof *p.cp * (size_t)(n + 1)) };
	bool ok = true;
	for (int i = 0; ok && i <= n; i++) {
		uint32_t c = i < n ? cp[i] : 0;
		if (c == '(' || c == 0xFF08)
			depth++;
		else if ((c == ')' || c == 0xFF09) && depth > 0)
			depth--;
		if (i == n || (depth == 0 && is_list_separator(c))) {
			/* Lines 0 … p.n; the last one may be empty (a break at the end). */
			p.n = p.n > 0 && p.start[p.n] == len ? p.n : p.n + 1;
			p.start[p.n] = len;
			ok = len == 0 || each(&p, ctx);
			p.n = len = 0;
		} else if (depth == 0 && is_break_cp(c)) {
			/* a line of the piece ends (one break, however many there are) */
			if (len > p.start[p.n] && p.n < MAX_SEGMENTS - 1)
				p.start[++p.n] = len;
		} else if (!is_blank_cp(c) && !is_break_cp(c)) {
			p.cp[len++] = c == '(' ? 0xFF08 : c == ')' ? 0xFF09 : c;
		}
	}
	free(cp);
	free(p.cp);
	return ok;
}

typedef struct split_ctx {
	const plantable_known *known;
	char ***names;
	int count;
	char *err;
	size_t errlen;
} split_ctx;

/* A piece's lines, split into names where choose_breaks says. */
static bool split_piece(const piece *p, void *ctx)
{
	split_ctx *x = ctx;
	bool bounds[MAX_SEGMENTS];
	choose_breaks(p, x->known, bounds);
	bool ok = true;
	for (int i = 0, from = 0; ok && i < p->n; i++)
		if (bounds[i]) {
			ok = add_name(x->names, &x->count, p->cp + p->start[from], p->start[i + 1] - p->start[from], x->err,
			              x->errlen);
			from = i + 1;
		}
	return ok;
}

int plantable_split_agencies(const char *cell, const plantable_known *known, char ***names, char *err,
                             size_t errlen)
{
	split_ctx x = { known, names, 0, err, errlen };
	*names = NULL;
	if (!each_piece(cell, split_piece, &x)) {
		plantable_free_names(*names, x.count);
		*names = NULL;
		return -1;
	}
	return x.count;
}

/* The characters two names share in order (the longest common subsequence). */
static int shared_chars(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	int *row = xcalloc((size_t)nb + 1, sizeof *row);
	for (int i = 1; i <= na; i++) {
		int diag = 0;
		for (int j = 1; j <= nb; j++) {
			int up = row[j];
			row[j] = a[i - 1] == b[j - 1] ? diag + 1 : (up > row[j - 1] ? up : row[j - 1]);
			diag = up;
		}
	}
	int n = row[nb];
	free(row);
	return n;
}

/* Edit distance in characters (insert, delete, substitute one). */
static int distance(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	int *row = xmalloc(sizeof *row * (size_t)(nb + 1));
	for (int j = 0; j <= nb; j++)
		row[j] = j;
	for (int i = 1; i <= na; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= nb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	int d = row[nb];
	free(row);
	return d;
}

const char *plantable_nearest(const char *name, const plantable_known *k)
{
	int na, best = -1, best_d = 0, best_shared = 0;
	uint32_t *a = decode_all(name, &na);
	for (int i = 0; k && i < k->n; i++) {
		int nb;
		uint32_t *b = decode_all(k->names[i], &nb);
		int d = distance(a, na, b, nb), shared = shared_chars(a, na, b, nb);
		/* Close: at most half the longer name differs; of two as close, the
		 * one that keeps more of it (市经信委: 市经济信息委, not 市教委). */
		if (d * 2 <= (na > nb ? na : nb) && (best < 0 || d < best_d || (d == best_d && shared > best_shared))) {
			best = i;
			best_d = d;
			best_shared = shared;
		}
		free(b);
	}
	free(a);
	return best < 0 ? NULL : k->names[best];
}

/* --- header ------------------------------------------------------------------- */

static bool find_columns(const csv_row *row, int col[PT_NCOLS])
{
	for (int c = 0; c < PT_NCOLS; c++)
		col[c] = csvread_column(row, col_names[c]);
	return col[PT_NUM] >= 0 && col[PT_TEXT] >= 0;
}

bool plantable_header_row(const csv_row *row)
{
	return csvread_column(row, col_names[PT_NUM]) >= 0 && csvread_column(row, col_names[PT_TEXT]) >= 0 &&
	       csvread_column(row, col_names[PT_LEAD]) >= 0;
}

/* The header row's index, or -1 (with the errors recorded). */
static int find_header(const csv_table *csv, int col[PT_NCOLS], plantable *t)
{
	if (csv->nrows == 0) {
		add_error(t, 1, "文件中没有任何内容");
		return -1;
	}
	for (int r = 0; r < csv->nrows && r < PLANTABLE_HEADER_SEARCH; r++) {
		if (!find_columns(&csv->rows[r], col))
			continue;
		t->header_line = csv->rows[r].line;
		for (int c = 0; c < PT_NCOLS; c++) {
			t->has_col[c] = col[c] >= 0;
			if (col_required[c] && col[c] < 0)
				add_error(t, t->header_line, "表头缺少“%s”列（列名按名称匹配，顺序不限）", col_label[c]);
		}
		return t->nerrors ? -1 : r;
	}
	add_error(t, csv->rows[0].line, "找不到表头：前 %d 行中没有同时含“序号”和“重点任务”两列的行",
	          PLANTABLE_HEADER_SEARCH);
	return -1;
}

/* --- rows ------------------------------------------------------------------ */

typedef struct reader {
	plantable *t;
	const int *col;
	const csv_row *row;
	char *area, *measure;        /* the current 领域 / 措施, filled down */
	const plantable_known *known;
	bool propose;
	int row_errors;
	int tasks_cap;               /* room in t->tasks */
} reader;

static void row_error(reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row_error(reader *rd, const char *fmt, ...)
{
	char msg[480];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	add_error(rd->t, rd->row->line, "%s", msg);
	rd->row_errors++;
}

static const char *cell(const reader *rd, plantable_col c)
{
	return cell_at(rd->row, rd->col[c]);
}

/* The cell through validate_text; its label names the column. */
static bool valid_cell(reader *rd, plantable_col c)
{
	if (rd->col[c] < 0)
		return true;
	char field[64], err[400];
	snprintf(field, sizeof field, "%s（第 %d 列）", col_label[c], rd->col[c] + 1);
	text_rule rule = { field, col_max_chars[c], true, col_required[c] && c != PT_SUPPORT };
	if (validate_text(&rule, cell(rd, c), err, sizeof err))
		return true;
	row_error(rd, "%s", err);
	return false;
}

static bool parse_num(reader *rd, int *num)
{
	char *s = plantable_join_lines(cell(rd, PT_NUM));
	int n;
	uint32_t *cp = decode_all(s, &n);
	long v = 0;
	int i = 0, digits = 0;
	for (; i < n; i++) {
		uint32_t c = cp[i] >= 0xFF10 && cp[i] <= 0xFF19 ? '0' + (cp[i] - 0xFF10) : cp[i];
		if (c < '0' || c > '9' || digits >= 7)
			break;
		v = v * 10 + (long)(c - '0');
		digits++;
	}
	/* "1." and "1、" are how lists are numbered. */
	if (i < n && (cp[i] == '.' || cp[i] == 0x3001 || cp[i] == 0xFF0E))
		i++;
	bool ok = digits > 0 && i == n && v >= 1 && v <= MAX_TASK_NUM;
	if (!ok)
		row_error(rd, "序号（第 %d 列）\"%.40s\" 不是 1–%d 的整数", rd->col[PT_NUM] + 1, s, MAX_TASK_NUM);
	*num = (int)v;
	free(cp);
	free(s);
	return ok;
}

static bool parse_agencies(reader *rd, plantable_col c, char ***names, int *n)
{
	char err[300];
	*names = NULL;
	*n = plantable_split_agencies(cell(rd, c), rd->known, names, err, sizeof err);
	if (*n < 0) {
		row_error(rd, "%s（第 %d 列）: %s", col_label[c], rd->col[c] + 1, err);
		*n = 0;
		return false;
	}
	if (*n > MAX_PER_ROLE) {
		row_error(rd, "%s（第 %d 列）: 单位太多（%d 个，最多 %d 个）", col_label[c], rd->col[c] + 1, *n,
		          MAX_PER_ROLE);
		return false;
	}
	if (c == PT_LEAD && *n == 0) {
		row_error(rd, "牵头单位（第 %d 列）不能为空（合并单元格另存为 CSV 后只留在第一行，请逐行填写）",
		          rd->col[c] + 1);
		return false;
	}
	return true;
}

static void check_both_roles(reader *rd, const plantable_task *task)
{
	for (int i = 0; i < task->nlead; i++)
		for (int j = 0; j < task->nsupport; j++)
			if (strcmp(task->lead[i], task->support[j]) == 0)
				row_error(rd, "“%s”同时列在牵头单位和配合单位中", task->lead[i]);
}

/* A 领域/措施 cell, or the one above it when empty (a merged cell). */
static bool section(reader *rd, plantable_col c, char **current)
{
	if (rd->col[c] < 0)
		return true;
	char *joined = plantable_join_lines(cell(rd, c));
	char *title = strip_numbering(joined);
	free(joined);
	if (title[0]) {
		free(*current);
		*current = title;
		return true;
	}
	free(title);
	if (*current)
		return true;
	row_error(rd, "%s（第 %d 列）为空，上面也没有可沿用的%s", col_label[c], rd->col[c] + 1, col_label[c]);
	return false;
}

static int area_number(plantable *t, const char *title)
{
	for (int i = 0; i < t->nareas; i++)
		if (strcmp(t->areas[i], title) == 0)
			return i + 1;
	t->areas = xrealloc(t->areas, sizeof *t->areas * (size_t)(t->nareas + 1));
	t->areas[t->nareas++] = xstrdup(title);
	return t->nareas;
}

static int measure_number(plantable *t, int area, const char *title)
{
	for (int i = 0; i < t->nmeasures; i++)
		if (t->measures[i].area == area && strcmp(t->measures[i].title, title) == 0)
			return i + 1;
	t->measures = xrealloc(t->measures, sizeof *t->measures * (size_t)(t->nmeasures + 1));
	t->measures[t->nmeasures++] = (plantable_measure){ area, xstrdup(title) };
	return t->nmeasures;
}

/* Without a 领域 column: one area for the plan; without a 措施 column: one
 * measure per area, named like it. */
static bool place(reader *rd, plantable_task *task)
{
	plantable *t = rd->t;
	const char *area = rd->area ? rd->area : plantable_default_section;
	const char *measure = rd->measure ? rd->measure : area;
	task->area = area_number(t, area);
	task->measure = measure_number(t, task->area, measure);
	if (t->nareas > MAX_AREAS)
		row_error(rd, "领域超过 %d 个", MAX_AREAS);
	if (t->nmeasures > MAX_MEASURES)
		row_error(rd, "措施超过 %d 项", MAX_MEASURES);
	return rd->row_errors == 0;
}

static void keep_targets(plantable_task *task)
{
	static target_list found;   /* large: filled once per row, copied out trimmed */
	target_propose(task->text, &found);
	task->ntargets = found.n;
	task->nskips = found.nskipped;
	task->targets = found.n ? xrealloc(NULL, sizeof *task->targets * (size_t)found.n) : NULL;
	for (int i = 0; i < found.n; i++) {
		const target *g = &found.items[i];
		/* One block for the three strings: a large table holds many. */
		size_t a = strlen(g->name) + 1, b = strlen(g->unit) + 1, c = strlen(g->source) + 1;
		char *block = xrealloc(NULL, a + b + c);
		memcpy(block, g->name, a);
		memcpy(block + a, g->unit, b);
		memcpy(block + a + b, g->source, c);
		task->targets[i] = (plantable_target){ block, block + a, block + a + b, g->cmp, g->value,
		                                       g->value_hi, g->per_year, g->counts_new };
	}
	task->skips = found.nskipped ? xrealloc(NULL, sizeof *task->skips * (size_t)found.nskipped) : NULL;
	if (found.nskipped)
		memcpy(task->skips, found.skipped, sizeof *task->skips * (size_t)found.nskipped);
}

static void free_task(plantable_task *task)
{
	free(task->text);
	free(task->deadline);
	plantable_free_names(task->lead, task->nlead);
	plantable_free_names(task->support, task->nsupport);
	for (int i = 0; i < task->ntargets; i++)
		free(task->targets[i].name);   /* the block of all three */
	free(task->targets);
	free(task->skips);
}

static bool parse_deadline(reader *rd, plantable_task *task)
{
	char err[300];
	if (deadline_parse(cell(rd, PT_DEADLINE), &task->due, err, sizeof err)) {
		task->deadline = plantable_join_lines(cell(rd, PT_DEADLINE));
		return true;
	}
	row_error(rd, "完成时限（第 %d 列）: %s", rd->col[PT_DEADLINE] + 1, err);
	return false;
}

/* One row into a task; every problem in it is recorded. */
static void read_row(reader *rd)
{
	plantable_task task = { .line = rd->row->line };
	rd->row_errors = 0;
	bool ok[PT_NCOLS];
	for (int c = 0; c < PT_NCOLS; c++)
		ok[c] = valid_cell(rd, (plantable_col)c);
	/* Each valid cell is read on, so that one line lists all its problems. */
	if (ok[PT_NUM])
		parse_num(rd, &task.num);
	if (ok[PT_TEXT]) {
		task.text = plantable_join_lines(cell(rd, PT_TEXT));
		if (!task.text[0])
			row_error(rd, "重点任务（第 %d 列）只有空白", rd->col[PT_TEXT] + 1);
	}
	if (ok[PT_DEADLINE])
		parse_deadline(rd, &task);
	bool lead = ok[PT_LEAD] && parse_agencies(rd, PT_LEAD, &task.lead, &task.nlead);
	bool support = ok[PT_SUPPORT] && parse_agencies(rd, PT_SUPPORT, &task.support, &task.nsupport);
	if (lead && support)
		check_both_roles(rd, &task);
	/* A 措施 filled down never crosses into another 领域. */
	char *area_before = rd->area ? xstrdup(rd->area) : NULL;
	if (ok[PT_AREA] && section(rd, PT_AREA, &rd->area) && area_before &&
	    strcmp(area_before, rd->area) != 0) {
		free(rd->measure);
		rd->measure = NULL;
	}
	free(area_before);
	if (ok[PT_MEASURE])
		section(rd, PT_MEASURE, &rd->measure);
	if (rd->row_errors || !place(rd, &task)) {
		free_task(&task);
		return;
	}
	if (rd->propose)
		keep_targets(&task);
	plantable *t = rd->t;
	if (t->ntasks == rd->tasks_cap) {
		rd->tasks_cap = rd->tasks_cap ? rd->tasks_cap * 2 : 64;
		t->tasks = xrealloc(t->tasks, sizeof *t->tasks * (size_t)rd->tasks_cap);
	}
	t->tasks[t->ntasks++] = task;
}

/* A title row, a repeated header (a table printed over several pages), a
 * row with neither number nor task: which of them to skip or refuse. */
static bool skip_row(reader *rd)
{
	const char *num = cell(rd, PT_NUM), *text = cell(rd, PT_TEXT);
	if (csvread_header_is(num, col_names[PT_NUM]) && csvread_header_is(text, col_names[PT_TEXT]))
		return true;
	char *n = plantable_join_lines(num), *x = plantable_join_lines(text);
	bool neither = !n[0] && !x[0];
	free(n);
	free(x);
	if (neither)
		row_error(rd, "这一行既没有序号也没有重点任务（如是说明文字，请删去）");
	return neither;
}

static int by_num(const void *a, const void *b)
{
	const plantable_task *x = *(plantable_task *const *)a, *y = *(plantable_task *const *)b;
	if (x->num != y->num)
		return (x->num > y->num) - (x->num < y->num);
	return (x->line > y->line) - (x->line < y->line);
}

static void check_duplicates(plantable *t)
{
	plantable_task **order = xrealloc(NULL, sizeof *order * (size_t)t->ntasks);
	for (int i = 0; i < t->ntasks; i++)
		order[i] = &t->tasks[i];
	qsort(order, (size_t)t->ntasks, sizeof *order, by_num);
	for (int i = 1; i < t->ntasks; i++)
		if (order[i]->num == order[i - 1]->num)
			add_error(t, order[i]->line, "序号 %d 与第 %d 行重复", order[i]->num, order[i - 1]->line);
	free(order);
}

/* Errors in line order; within a line, in the order found (columns). At
 * most PLANTABLE_MAX_ERRORS, so an insertion sort (stable) is enough. */
static void sort_errors(plantable *t)
{
	for (int i = 1; i < t->nerrors; i++) {
		plantable_error e = t->errors[i];
		int j = i;
		for (; j > 0 && t->errors[j - 1].line > e.line; j--)
			t->errors[j] = t->errors[j - 1];
		t->errors[j] = e;
	}
}

typedef struct own_ctx {
	char ***names;
	int *n, *cap;
} own_ctx;

/* A piece on one line is a name as the table itself writes it. */
static bool own_piece(const piece *p, void *ctx)
{
	own_ctx *x = ctx;
	int len = p->start[p->n];
	if (p->n != 1 || len > AGENCY_MAX_CHARS)
		return true;
	if (*x->n == *x->cap) {
		*x->cap = *x->cap ? *x->cap * 2 : 64;
		*x->names = xrealloc(*x->names, sizeof **x->names * (size_t)*x->cap);
	}
	(*x->names)[(*x->n)++] = encode(p->cp, 0, len);
	return true;
}

/* The names a cell gives on their own lines, between separators: the
 * table's own word on where a name ends. */
static void own_names(const char *cell, char ***names, int *n, int *cap)
{
	own_ctx x = { names, n, cap };
	each_piece(cell, own_piece, &x);
}

/* The known names and those the table gives on their own, sorted, once each. */
static plantable_known gather_known(const csv_table *csv, int header, const int *col, const plantable_known *known)
{
	char **names = NULL;
	int n = 0, cap = 0;
	for (int i = 0; known && i < known->n; i++) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, sizeof *names * (size_t)cap);
		}
		names[n++] = xstrdup(known->names[i]);
	}
	for (int r = header + 1; r < csv->nrows; r++) {
		own_names(cell_at(&csv->rows[r], col[PT_LEAD]), &names, &n, &cap);
		own_names(cell_at(&csv->rows[r], col[PT_SUPPORT]), &names, &n, &cap);
	}
	if (n)
		qsort(names, (size_t)n, sizeof *names, by_string);
	int kept = 0;
	for (int i = 0; i < n; i++) {
		if (kept && strcmp(names[kept - 1], names[i]) == 0)
			free(names[i]);
		else
			names[kept++] = names[i];
	}
	return (plantable_known){ (const char *const *)names, kept };
}

static void free_known(plantable_known *k)
{
	for (int i = 0; i < k->n; i++)
		free((char *)k->names[i]);
	free((void *)k->names);
}

/* A row whose 序号 is merged from the row above (Excel, Word) continues that
 * task: its own cells are added to the task's, on a new line. */
static void join_continuations(csv_table *csv, int header, const int *col)
{
	int kept = header + 1;
	for (int r = header + 1; r < csv->nrows; r++) {
		csv_row *row = &csv->rows[r], *prev = kept > header + 1 ? &csv->rows[kept - 1] : NULL;
		bool continues = prev && row->merged && col[PT_NUM] < row->nfields && row->merged[col[PT_NUM]];
		if (!continues) {
			csv->rows[kept++] = *row;
			continue;
		}
		for (int c = 0; c < row->nfields && c < prev->nfields; c++) {
			if (!row->merged[c] && row->fields[c][0]) {
				char *both = xmalloc(strlen(prev->fields[c]) + strlen(row->fields[c]) + 2);
				sprintf(both, "%s%s%s", prev->fields[c], prev->fields[c][0] ? "\n" : "", row->fields[c]);
				free(prev->fields[c]);
				prev->fields[c] = both;
			}
		}
		for (int c = 0; c < row->nfields; c++)
			free(row->fields[c]);
		free(row->fields);
		free(row->merged);
	}
	csv->nrows = kept;
}

bool plantable_read(csv_table *csv, bool propose_targets, const plantable_known *known, plantable *out)
{
	memset(out, 0, sizeof *out);
	int col[PT_NCOLS];
	int header = find_header(csv, col, out);
	if (header < 0)
		return false;
	join_continuations(csv, header, col);
	plantable_known all = gather_known(csv, header, col, known);
	reader rd = { .t = out, .col = col, .propose = propose_targets, .known = &all };
	for (int r = header + 1; r < csv->nrows; r++) {
		rd.row = &csv->rows[r];
		if (!skip_row(&rd))
			read_row(&rd);
		/* Its cells are copied into the table: memory stays near one copy of the file. */
		for (int i = 0; i < csv->rows[r].nfields; i++)
			free(csv->rows[r].fields[i]);
		csv->rows[r].nfields = 0;
	}
	free(rd.area);
	free(rd.measure);
	free_known(&all);
	check_duplicates(out);
	if (out->ntasks == 0 && out->nerrors == 0)
		add_error(out, out->header_line, "表头下面没有任何任务");
	sort_errors(out);
	return out->nerrors == 0;
}

void plantable_free(plantable *t)
{
	for (int i = 0; i < t->ntasks; i++)
		free_task(&t->tasks[i]);
	free(t->tasks);
	for (int i = 0; i < t->nareas; i++)
		free(t->areas[i]);
	free(t->areas);
	for (int i = 0; i < t->nmeasures; i++)
		free(t->measures[i].title);
	free(t->measures);
	free(t->errors);
	memset(t, 0, sizeof *t);
}

/* --- areas and measures (import-plan --areas) --------------------------------- */

static const char *const section_cols[4][5] = {
	{ "领域", "领域编号", "领域序号", NULL }, { "措施", "措施编号", "措施序号", NULL },
	{ "标题", "名称", "领域或措施标题", NULL }, { "简称", "短名", "标签", NULL },
};

/* 1–999 as digits, or in Chinese numerals (一 … 九十九), bracketed or
 * followed by 、 or . as lists number them; 0 when it is not a number. */
static int cn_digit(uint32_t c)
{
	static const uint32_t digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
	for (int k = 0; k < 10; k++)
		if (c == digits[k])
			return k;
	return -1;
}

static int section_number(const char *cell)
{
	char *s = plantable_join_lines(cell);
	int n, v = 0, i = 0, cur = 0;
	uint32_t *cp = decode_all(s, &n);
	free(s);
	if (i < n && (cp[i] == '(' || cp[i] == 0xFF08))
		i++;
	int start = i;
	for (; i < n && cp[i] >= '0' && cp[i] <= '9' && v < 1000; i++)
		v = v * 10 + (int)(cp[i] - '0');
	for (; i == start || (i > start && v == 0); i++) {     /* 一 … 九十九: no digits read */
		if (i >= n)
			break;
		int d = cn_digit(cp[i]);
		if (d >= 0) {
			cur = d;
		} else if (cp[i] == 0x5341) {                       /* 十 */
			v += (cur ? cur : 1) * 10;
			cur = 0;
		} else {
			break;
		}
		start = i + 1;
	}
	v += cur;
	if (i < n && (cp[i] == ')' || cp[i] == 0xFF09 || cp[i] == 0x3001 || cp[i] == '.' || cp[i] == 0xFF0E))
		i++;
	bool ok = i == n && v >= 1 && v <= 999;
	free(cp);
	return ok ? v : 0;
}

static void section_error(plantable_sections *t, int line, const char *msg, const char *cell)
{
	t->errors = xrealloc(t->errors, sizeof *t->errors * (size_t)(t->nerrors + 1));
	plantable_error *e = &t->errors[t->nerrors++];
	e->line = line;
	snprintf(e->msg, sizeof e->msg, msg, cell);
}

static char *section_text(const csv_row *r, int col, bool title)
{
	if (col < 0)
		return NULL;
	char *joined = plantable_join_lines(cell_at(r, col));
	char *out = title ? strip_numbering(joined) : xstrdup(joined);
	free(joined);
	if (!out[0]) {
		free(out);
		return NULL;
	}
	return out;
}

static void read_section_row(plantable_sections *t, const csv_row *r, const int *col)
{
	const char *area = col[0] >= 0 ? cell_at(r, col[0]) : "", *measure = col[1] >= 0 ? cell_at(r, col[1]) : "";
	char *m = plantable_join_lines(measure), *a = plantable_join_lines(area);
	bool is_measure = m[0] != '\0';
	int num = section_number(is_measure ? m : a);
	if (!m[0] && !a[0])
		section_error(t, r->line, "这一行既没有领域也没有措施的编号%s", "");
	else if (!num)
		section_error(t, r->line, "编号“%.40s”不是 1–999 的数（可写 1、一、（一））", is_measure ? m : a);
	free(m);
	free(a);
	if (!num)
		return;
	plantable_section s = { r->line, is_measure, num, section_text(r, col[2], true), section_text(r, col[3], false) };
	if (!s.title && !s.short_name) {
		section_error(t, r->line, "没有标题也没有简称%s", "");
		return;
	}
	if (is_measure && s.short_name) {
		free(s.short_name);
		s.short_name = NULL;
		section_error(t, r->line, "措施没有简称（只有领域有）%s", "");
	}
	t->items = xrealloc(t->items, sizeof *t->items * (size_t)(t->n + 1));
	t->items[t->n++] = s;
}

bool plantable_read_sections(const csv_table *csv, plantable_sections *out)
{
	memset(out, 0, sizeof *out);
	int col[4] = { -1, -1, -1, -1 }, header = -1;
	for (int r = 0; r < csv->nrows && r < PLANTABLE_HEADER_SEARCH && header < 0; r++) {
		for (int c = 0; c < 4; c++)
			col[c] = csvread_column(&csv->rows[r], section_cols[c]);
		if ((col[0] >= 0 || col[1] >= 0) && (col[2] >= 0 || col[3] >= 0))
			header = r;
	}
	if (header < 0) {
		section_error(out, csv->nrows ? csv->rows[0].line : 1,
		              "找不到表头：应有“领域”或“措施”列（编号），以及“标题”或“简称”列%s", "");
		return false;
	}
	for (int r = header + 1; r < csv->nrows; r++)
		read_section_row(out, &csv->rows[r], col);
	if (out->n == 0 && out->nerrors == 0)
		section_error(out, csv->rows[header].line, "表头下面没有任何领域或措施%s", "");
	return out->nerrors == 0;
}

void plantable_sections_free(plantable_sections *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->items[i].title);
		free(s->items[i].short_name);
	}
	free(s->items);
	free(s->errors);
	memset(s, 0, sizeof *s);
}
