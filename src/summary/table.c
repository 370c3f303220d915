#include "ducha/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"
#include "ducha/wording.h"

bool format_parse(const char *name, unsigned allowed, out_format *out)
{
	static const struct { const char *name; out_format f; unsigned bit; } map[] = {
		{ "text", FMT_TEXT, FMT_ALLOW_TEXT }, { "csv", FMT_CSV, FMT_ALLOW_CSV },
		{ "json", FMT_JSON, FMT_ALLOW_JSON }, { "html", FMT_HTML, FMT_ALLOW_HTML },
		{ "pdf", FMT_PDF, FMT_ALLOW_PDF }, { "docx", FMT_DOCX, FMT_ALLOW_DOCX }, { "xlsx", FMT_XLSX, FMT_ALLOW_XLSX },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(name, map[i].name) == 0 && (allowed & map[i].bit)) {
			*out = map[i].f;
			return true;
		}
	return false;
}

bool format_is_binary(out_format f)
{
	return f == FMT_PDF || f == FMT_DOCX || f == FMT_XLSX;
}

void table_init(table *t, const table_column *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

void table_init_for(table *t, const table_column *cols, int ncols, out_format f)
{
	table_init(t, cols, ncols);
	t->text_only = f == FMT_TEXT;
}

void table_reserve(table *t, int rows)
{
	int want = (rows + 1) * t->ncols;
	if (want <= t->cap)
		return;
	t->cap = want;
	t->cells = xrealloc(t->cells, sizeof *t->cells * (size_t)t->cap);
}

/* A cell of a column this table does not print. */
static bool not_kept(const table *t)
{
	return t->text_only && t->cols[t->filled].csv_only;
}

void table_free(table *t)
{
	for (int i = 0; i < t->nrows * t->ncols + t->filled; i++) {
		free(t->cells[i].text);
		free(t->cells[i].display);
	}
	free(t->cells);
	memset(t, 0, sizeof *t);
}

static table_cell *next_cell(table *t)
{
	int index = t->nrows * t->ncols + t->filled;
	if (index >= t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xrealloc(t->cells, sizeof *t->cells * (size_t)t->cap);
	}
	table_cell *c = &t->cells[index];
	memset(c, 0, sizeof *c);
	if (++t->filled == t->ncols) {
		t->filled = 0;
		t->nrows++;
	}
	return c;
}

static char *dup(const char *s)
{
	char *p = xstrdup(s ? s : "");
	return p;
}

void table_text(table *t, const char *s)
{
	bool drop = not_kept(t);
	table_cell *c = next_cell(t);
	c->kind = drop ? JSON_NULL : JSON_TEXT;
	c->text = drop ? NULL : dup(s);
}

void table_int(table *t, long long v)
{
	table_cell *c = next_cell(t);
	c->kind = JSON_INT;
	c->i = v;
}

void table_real(table *t, double v)
{
	table_cell *c = next_cell(t);
	c->kind = JSON_REAL;
	c->d = v;
}

void table_null(table *t)
{
	next_cell(t)->kind = JSON_NULL;
}

/* The JSON array is made only when JSON is printed: text and CSV show the
 * list as it is, and one SQL statement a cell was a fifth of a listing. */
void table_list(table *t, store *s, const char *joined)
{
	(void)s;
	bool drop = not_kept(t);
	table_cell *c = next_cell(t);
	c->kind = drop ? JSON_NULL : JSON_RAW;
	c->list = !drop;
	c->display = drop ? NULL : dup(joined);
}


/* The cell as text and CSV show it; list_sep joins lists. */
static char *cell_string(const table_cell *c, const char *list_sep)
{
	char buf[64];
	switch (c->kind) {
	case JSON_TEXT:
		return dup(c->text);
	case JSON_INT:
		snprintf(buf, sizeof buf, "%lld", c->i);
		return dup(buf);
	case JSON_REAL:
		wording_number(c->d, buf, sizeof buf);
		return dup(buf);
	case JSON_BOOL:
		return dup(c->i ? "true" : "false");
	case JSON_NULL:
		return dup("");
	case JSON_RAW:
		break;
	}
	/* Lists are stored ';'-joined: swap in the separator. */
	const char *src = c->display ? c->display : c->text;
	size_t n = 0;
	for (const char *p = src; *p; p++)
		n += *p == ';' ? strlen(list_sep) : 1;
	char *out = xmalloc(n + 1), *o = out;
	for (const char *p = src; *p; p++) {
		if (*p == ';') {
			strcpy(o, list_sep);
			o += strlen(list_sep);
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* Index of the last column the text table shows. */
static int last_text_column(const table *t)
{
	int last = -1;
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].csv_only)
			last = c;
	return last;
}

static void print_text(const table *t, FILE *out)
{
	int final = last_text_column(t);
	if (final < 0)
		return;
	int *width = xcalloc((size_t)final + 1, sizeof *width);
	for (int c = 0; c <= final; c++)
		width[c] = text_width(t->cols[c].header);
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c <= final; c++) {
			char *s = cell_string(&t->cells[r * t->ncols + c], "、");
			int w = text_width(s);
			free(s);
			if (t->cols[c].max_width && w > t->cols[c].max_width)
				w = t->cols[c].max_width;
			if (w > width[c])
				width[c] = w;
		}
	for (int c = 0; c < t->ncols; c++) {
		bool last = c == final;
		if (t->cols[c].csv_only)
			continue;
		if (last && !t->cols[c].right)
			fputs(t->cols[c].header, out);
		else
			text_print_padded(out, t->cols[c].header, width[c], t->cols[c].right);
		fputs(last ? "\n" : "  ", out);
	}
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].csv_only)
				continue;
			char *s = cell_string(&t->cells[r * t->ncols + c], "、");
			bool last = c == final;
			if (last && !t->cols[c].right) {
				/* The last column is not padded, only cut. */
				char *cut = t->cols[c].max_width ? text_truncate(s, t->cols[c].max_width)
				                                 : text_escape(s, 0);
				fputs(cut, out);
				free(cut);
			} else {
				text_print_padded(out, s, width[c], t->cols[c].right);
			}
			free(s);
			fputs(last ? "\n" : "  ", out);
		}
	free(width);
}

void table_csv_field(FILE *out, const char *s)
{
	char *e = text_escape(s, TEXT_KEEP_NEWLINE);
	bool formula = e[0] == '=' || e[0] == '+' || e[0] == '-' || e[0] == '@';
	bool quote = formula || strpbrk(e, ",\"\n\r") != NULL;
	if (quote)
		fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (const char *p = e; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	if (quote)
		fputc('"', out);
	free(e);
}

static void print_csv(const table *t, FILE *out)
{
	for (int c = 0; c < t->ncols; c++) {
		fputs(c ? "," : "", out);
		table_csv_field(out, t->cols[c].key);
	}
	fputs("\r\n", out);
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const table_cell *cell = &t->cells[r * t->ncols + c];
			char *s = cell_string(cell, ";");
			fputs(c ? "," : "", out);
			if (cell->kind == JSON_TEXT || cell->kind == JSON_RAW)
				table_csv_field(out, s);
			else
				fputs(s, out);
			free(s);
		}
		fputs("\r\n", out);
	}
}

static bool print_json(const table *t, store *s, FILE *out)
{
	char **rows = calloc((size_t)t->nrows + 1, sizeof *rows);
	json_field *f = calloc((size_t)t->ncols, sizeof *f);
	bool ok = rows && f;
	char **lists = calloc((size_t)t->ncols + 1, sizeof *lists);
	ok = ok && lists;
	for (int r = 0; ok && r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const table_cell *cell = &t->cells[r * t->ncols + c];
			const char *text = cell->text;
			if (cell->list) {
				free(lists[c]);
				lists[c] = store_json_string_list(s, cell->display);
				text = lists[c] ? lists[c] : "[]";
			}
			f[c] = (json_field){ t->cols[c].key, cell->kind, text, cell->i, cell->d };
		}
		rows[r] = store_json_object(s, f, t->ncols);
		ok = rows[r] != NULL;
	}
	for (int c = 0; lists && c < t->ncols; c++)
		free(lists[c]);
	free(lists);
	char *all = ok ? store_json_array(s, rows, t->nrows) : NULL;
	if (all) {
		char *safe = text_json_safe(all);
		fputs(safe, out);
		fputc('\n', out);
		free(safe);
	}
	for (int r = 0; rows && r < t->nrows; r++)
		free(rows[r]);
	free(rows);
	free(f);
	free(all);
	return all != NULL || (ok && t->nrows == 0);
}

bool table_print(const table *t, store *s, out_format f, FILE *out)
{
	switch (f) {
	case FMT_CSV:
		print_csv(t, out);
		return true;
	case FMT_JSON:
		return print_json(t, s, out);
	default:
		print_text(t, out);
		return true;
	}
}
