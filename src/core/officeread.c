/* Excel workbooks and Word tables as the rows of a CSV: see officeread.h.
 * SpreadsheetML (ECMA-376 part 1, §18) keeps text in the shared strings and
 * merges in <mergeCells>; WordprocessingML (§17.4) keeps a table as rows of
 * cells with gridSpan (across) and vMerge (down). */
#include "ducha/officeread.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "ducha/date.h"
#include "ducha/plantable.h"
#include "ducha/xalloc.h"

/* --- small helpers ---------------------------------------------------------- */

typedef struct sbuf {
	char *p;
	size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static char *sb_take(sbuf *b)
{
	if (!b->p)
		return xstrdup("");
	return b->p;
}

static bool is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static xmlNode *child(const xmlNode *n, const char *local)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, local))
			return c;
	return NULL;
}

/* An attribute by its local name (r:id and w:val alike); malloc'd or NULL. */
static char *attr(const xmlNode *n, const char *local)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)local);
	char *out = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return out;
}

static void add_content(sbuf *b, const xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	if (s)
		sb_add(b, (const char *)s, strlen((const char *)s));
	xmlFree(s);
}

/* One part of the zip, whole; NULL when absent (err empty) or unreadable. */
static char *read_part(zip_t *z, const char *name, size_t *len, char *err, size_t errlen)
{
	zip_stat_t st;
	err[0] = '\0';
	if (zip_stat(z, name, 0, &st) != 0)
		return NULL;
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > OFFICEREAD_MAX_PART) {
		snprintf(err, errlen, "其中的 %s 过大（超过 %d MB），不像是一张分工表", name, OFFICEREAD_MAX_PART >> 20);
		return NULL;
	}
	zip_file_t *f = zip_fopen(z, name, 0);
	char *buf = f ? xmalloc((size_t)st.size + 1) : NULL;
	zip_int64_t got = f ? zip_fread(f, buf, st.size) : -1;
	if (f)
		zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		snprintf(err, errlen, "无法读出其中的 %s（文件损坏？）", name);
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

/* A part as XML, parsed without the network or entity expansion. */
static xmlDoc *read_xml(zip_t *z, const char *name, bool required, char *err, size_t errlen)
{
	size_t len = 0;
	char *buf = read_part(z, name, &len, err, errlen);
	if (!buf) {
		if (required && !err[0])
			snprintf(err, errlen, "其中缺少 %s", name);
		return NULL;
	}
	xmlDoc *doc = xmlReadMemory(buf, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(buf);
	if (!doc)
		snprintf(err, errlen, "其中的 %s 不是有效的 XML（文件损坏？）", name);
	/* Office never writes a DTD; one here could only define entities whose
	 * expansion (a "billion laughs") reading the text would pay for. */
	if (doc && (doc->intSubset || doc->extSubset)) {
		snprintf(err, errlen, "其中的 %s 带有 DTD（Office 文件不会有），拒绝读取", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static zip_t *open_zip(const char *path, const char *what, char *err, size_t errlen)
{
	int code = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &code);
	if (!z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, code);
		snprintf(err, errlen, "%s: 无法作为%s打开（%s）", path, what, zip_error_strerror(&ze));
		zip_error_fini(&ze);
	}
	return z;
}

/* --- the grid both formats fill ---------------------------------------------- */

typedef struct grid_row {
	char **cells;                /* NULL where empty */
	unsigned char *merged;
} grid_row;

typedef struct grid {
	grid_row *rows;              /* by row number (1-based; rows[0] unused) */
	int nrows, ncols;
} grid;

static bool grid_set(grid *g, int row, int col, char *text, bool merged)
{
	if (row < 1 || row > OFFICEREAD_MAX_ROWS || col < 0 || col >= OFFICEREAD_MAX_COLS) {
		free(text);
		return false;
	}
	if (row >= g->nrows) {
		int n = row + 1 > g->nrows * 2 ? row + 1 : g->nrows * 2;
		g->rows = xrealloc(g->rows, sizeof *g->rows * (size_t)n);
		memset(g->rows + g->nrows, 0, sizeof *g->rows * (size_t)(n - g->nrows));
		g->nrows = n;
	}
	grid_row *r = &g->rows[row];
	if (!r->cells) {
		r->cells = xcalloc(OFFICEREAD_MAX_COLS, sizeof *r->cells);
		r->merged = xcalloc(OFFICEREAD_MAX_COLS, 1);
	}
	free(r->cells[col]);
	r->cells[col] = text;
	r->merged[col] = merged;
	if (col + 1 > g->ncols)
		g->ncols = col + 1;
	return true;
}

static const char *grid_get(const grid *g, int row, int col)
{
	if (row < 1 || row >= g->nrows || !g->rows[row].cells || col < 0 || col >= OFFICEREAD_MAX_COLS)
		return NULL;
	return g->rows[row].cells[col];
}

static void grid_free(grid *g)
{
	for (int r = 0; r < g->nrows; r++) {
		if (!g->rows[r].cells)
			continue;
		for (int c = 0; c < OFFICEREAD_MAX_COLS; c++)
			free(g->rows[r].cells[c]);
		free(g->rows[r].cells);
		free(g->rows[r].merged);
	}
	free(g->rows);
	memset(g, 0, sizeof *g);
}

static bool row_empty(const grid_row *r, int ncols)
{
	for (int c = 0; r->cells && c < ncols; c++)
		if (r->cells[c] && r->cells[c][0])
			return false;
	return true;
}

/* Rows with something in them, as a CSV would give them. */
static void grid_to_table(grid *g, const char *encoding, csv_table *out)
{
	memset(out, 0, sizeof *out);
	out->encoding = encoding;
	int cap = 0;
	for (int r = 1; r < g->nrows; r++) {
		grid_row *gr = &g->rows[r];
		if (row_empty(gr, g->ncols))
			continue;
		if (out->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			out->rows = xrealloc(out->rows, sizeof *out->rows * (size_t)cap);
		}
		csv_row *row = &out->rows[out->nrows++];
		row->line = r;
		row->nfields = g->ncols;
		row->fields = xcalloc((size_t)g->ncols, sizeof *row->fields);
		row->merged = xcalloc((size_t)g->ncols, 1);
		for (int c = 0; c < g->ncols; c++) {
			row->fields[c] = gr->cells[c] ? gr->cells[c] : xstrdup("");
			gr->cells[c] = NULL;
			row->merged[c] = gr->merged[c];
		}
	}
}

/* --- xlsx ---------------------------------------------------------------------- */

/* The text of a shared string or an inline one: its runs, not the phonetic
 * guide (rPh). OOXML writes a CR or LF it cannot hold raw as _x000D_. */
static void rich_text(sbuf *b, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "rPh"))
			continue;
		if (is(c, "t"))
			add_content(b, c);
		else if (c->type == XML_ELEMENT_NODE)
			rich_text(b, c);
	}
}

static char *tidy_breaks(char *s)
{
	char *o = s;
	for (const char *p = s; *p;) {
		if (p[0] == '\r') {
			p++;
			if (*p != '\n')
				*o++ = '\n';
		} else if (strncmp(p, "_x000D_", 7) == 0) {
			p += 7;
		} else if (strncmp(p, "_x000A_", 7) == 0) {
			*o++ = '\n';
			p += 7;
		} else if (strncmp(p, "_x0009_", 7) == 0) {
			*o++ = ' ';
			p += 7;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return s;
}

typedef struct workbook {
	char **shared;
	int nshared;
	bool *date_style;            /* by cell style index */
	int nstyles;
} workbook;

static void read_shared(zip_t *z, workbook *w, char *err, size_t errlen)
{
	xmlDoc *doc = read_xml(z, "xl/sharedStrings.xml", false, err, errlen);
	if (!doc)
		return;
	int cap = 0;
	for (xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
		if (!is(si, "si"))
			continue;
		sbuf b = { 0 };
		rich_text(&b, si);
		if (w->nshared == cap) {
			cap = cap ? cap * 2 : 256;
			w->shared = xrealloc(w->shared, sizeof *w->shared * (size_t)cap);
		}
		w->shared[w->nshared++] = tidy_breaks(sb_take(&b));
	}
	xmlFreeDoc(doc);
}

/* A number format that shows a date: the built-in ones, or a code with a
 * day, month or year outside quotes and brackets (not a plain number). */
static bool date_format_code(int id, const char *code)
{
	if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return true;
	bool quoted = false, bracket = false;
	for (const char *p = code ? code : ""; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '[')
			bracket = true;
		else if (*p == ']')
			bracket = false;
		else if (!quoted && !bracket && strchr("yYdD", *p))
			return true;
	}
	return false;
}

static void read_styles(zip_t *z, workbook *w, char *err, size_t errlen)
{
	xmlDoc *doc = read_xml(z, "xl/styles.xml", false, err, errlen);
	if (!doc)
		return;
	xmlNode *root = xmlDocGetRootElement(doc), *fmts = child(root, "numFmts"), *xfs = child(root, "cellXfs");
	int cap = 0;
	for (xmlNode *xf = xfs ? xfs->children : NULL; xf; xf = xf->next) {
		if (!is(xf, "xf"))
			continue;
		char *id_text = attr(xf, "numFmtId");
		int id = id_text ? atoi(id_text) : 0;
		free(id_text);
		char *code = NULL;
		for (xmlNode *f = fmts ? fmts->children : NULL; f && !code; f = f->next) {
			char *fid = is(f, "numFmt") ? attr(f, "numFmtId") : NULL;
			if (fid && atoi(fid) == id)
				code = attr(f, "formatCode");
			free(fid);
		}
		if (w->nstyles == cap) {
			cap = cap ? cap * 2 : 32;
			w->date_style = xrealloc(w->date_style, sizeof *w->date_style * (size_t)cap);
		}
		w->date_style[w->nstyles++] = date_format_code(id, code);
		free(code);
	}
	xmlFreeDoc(doc);
}

/* "xl/worksheets/sheet1.xml" of the sheet named (or the first). */
static char *sheet_part(zip_t *z, const char *name, char *err, size_t errlen)
{
	xmlDoc *book = read_xml(z, "xl/workbook.xml", true, err, errlen);
	if (!book)
		return NULL;
	char *rid = NULL, *first = NULL;
	sbuf names = { 0 };
	xmlNode *sheets = child(xmlDocGetRootElement(book), "sheets");
	for (xmlNode *s = sheets ? sheets->children : NULL; s && !rid; s = s->next) {
		char *sname = is(s, "sheet") ? attr(s, "name") : NULL;
		if (sname && (!name || strcmp(sname, name) == 0))
			rid = attr(s, "id");
		if (sname) {
			sb_add(&names, names.len ? "、" : "", names.len ? strlen("、") : 0);
			sb_add(&names, sname, strlen(sname));
		}
		if (!first)
			first = sname;
		else
			free(sname);
	}
	xmlFreeDoc(book);
	if (!rid) {
		if (name)
			snprintf(err, errlen, "没有名为“%s”的工作表（有：%s）", name, names.p ? names.p : "无");
		else
			snprintf(err, errlen, "工作簿中没有工作表");
	}
	free(first);
	free(names.p);
	if (!rid)
		return NULL;
	xmlDoc *rels = read_xml(z, "xl/_rels/workbook.xml.rels", true, err, errlen);
	char *part = NULL;
	for (xmlNode *r = rels ? xmlDocGetRootElement(rels)->children : NULL; r && !part; r = r->next) {
		char *id = is(r, "Relationship") ? attr(r, "Id") : NULL;
		if (id && strcmp(id, rid) == 0) {
			char *to = attr(r, "Target");
			if (to) {
				part = xmalloc(strlen(to) + 4);
				if (to[0] == '/')
					strcpy(part, to + 1);
				else
					sprintf(part, "xl/%s", to);
			}
			free(to);
		}
		free(id);
	}
	if (rels && !part)
		snprintf(err, errlen, "找不到工作表的内容（workbook.xml.rels 中没有 %s）", rid);
	xmlFreeDoc(rels);
	free(rid);
	return part;
}

/* "C12" → column 2, row 12; false when it is not a reference. */
static bool cell_ref(const char *ref, int *col, int *row)
{
	int c = 0, i = 0;
	while (ref[i] && isalpha((unsigned char)ref[i]) && i < 3)
		c = c * 26 + (toupper((unsigned char)ref[i++]) - 'A' + 1);
	if (i == 0 || !isdigit((unsigned char)ref[i]))
		return false;
	*col = c - 1;
	*row = atoi(ref + i);
	return true;
}

/* Excel's day 1 is 1900-01-01, counting the 29 February 1900 it invented;
 * written as a document writes a date (a 完成时限 reads it so). */
static char *serial_date(double serial)
{
	int days = (int)serial, y, m, d;
	date_to_ymd(date_from_ymd(1899, 12, 31) + days - (days > 59 ? 1 : 0), &y, &m, &d);
	char *out = xmalloc(32);
	snprintf(out, 32, "%d年%d月%d日", y, m, d);
	return out;
}

static char *cell_value(const workbook *w, const xmlNode *c)
{
	char *type = attr(c, "t"), *style = attr(c, "s");
	xmlNode *v = child(c, "v");
	sbuf b = { 0 };
	if (type && strcmp(type, "inlineStr") == 0 && child(c, "is"))
		rich_text(&b, child(c, "is"));
	else if (v)
		add_content(&b, v);
	char *text = tidy_breaks(sb_take(&b));
	if (type && strcmp(type, "s") == 0) {
		int k = atoi(text);
		free(text);
		text = xstrdup(k >= 0 && k < w->nshared ? w->shared[k] : "");
	} else if (type && strcmp(type, "b") == 0) {
		bool yes = strcmp(text, "1") == 0;
		free(text);
		text = xstrdup(yes ? "TRUE" : "FALSE");
	} else if ((!type || strcmp(type, "n") == 0) && text[0]) {
		char *end;
		double num = strtod(text, &end);
		int s = style ? atoi(style) : 0;
		if (*end == '\0') {
			free(text);
			if (s >= 0 && s < w->nstyles && w->date_style[s] && num >= 1 && num < 2958466) {
				text = serial_date(num);
			} else {
				text = xmalloc(32);
				snprintf(text, 32, "%.15g", num);
			}
		}
	}
	free(type);
	free(style);
	return text;
}

static bool read_cells(const workbook *w, xmlNode *data, grid *g, char *err, size_t errlen)
{
	int next_row = 1;
	for (xmlNode *r = data ? data->children : NULL; r; r = r->next) {
		if (!is(r, "row"))
			continue;
		char *rn = attr(r, "r");
		int row = rn ? atoi(rn) : next_row, col = 0;
		free(rn);
		next_row = row + 1;
		for (xmlNode *c = r->children; c; c = c->next) {
			if (!is(c, "c"))
				continue;
			char *ref = attr(c, "r");
			int rr = row;
			if (ref && !cell_ref(ref, &col, &rr))
				col = col + 1;
			free(ref);
			char *text = cell_value(w, c);
			if (text[0] && !grid_set(g, row, col, text, false)) {
				snprintf(err, errlen, "第 %d 行第 %d 列超出范围（最多 %d 行、%d 列）", row, col + 1,
				         OFFICEREAD_MAX_ROWS, OFFICEREAD_MAX_COLS);
				return false;
			} else if (!text[0]) {
				free(text);
			}
			col++;
		}
	}
	return true;
}

/* A merged range's text goes down its first column, marked merged; the
 * other columns stay empty (a title across the page is said once). */
static void apply_merges(xmlNode *merges, grid *g)
{
	for (xmlNode *m = merges ? merges->children : NULL; m; m = m->next) {
		char *ref = is(m, "mergeCell") ? attr(m, "ref") : NULL;
		char *colon = ref ? strchr(ref, ':') : NULL;
		int c0, r0, c1, r1;
		if (colon && cell_ref(ref, &c0, &r0) && cell_ref(colon + 1, &c1, &r1) && r1 > r0) {
			const char *top = grid_get(g, r0, c0);
			for (int r = r0 + 1; top && r <= r1 && r <= OFFICEREAD_MAX_ROWS; r++)
				grid_set(g, r, c0, xstrdup(top), true);
		}
		free(ref);
	}
}

static void workbook_free(workbook *w)
{
	for (int i = 0; i < w->nshared; i++)
		free(w->shared[i]);
	free(w->shared);
	free(w->date_style);
}

bool officeread_xlsx(const char *path, const char *sheet, csv_table *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	char why[600] = "";
	zip_t *z = open_zip(path, "Excel 工作簿（.xlsx）", err, errlen);
	if (!z)
		return false;
	workbook w = { 0 };
	grid g = { 0 };
	char *part = sheet_part(z, sheet, why, sizeof why);
	xmlDoc *doc = part ? read_xml(z, part, true, why, sizeof why) : NULL;
	bool ok = doc != NULL;
	if (ok) {
		read_shared(z, &w, why, sizeof why);
		read_styles(z, &w, why, sizeof why);
		why[0] = '\0';
		xmlNode *root = xmlDocGetRootElement(doc);
		ok = read_cells(&w, child(root, "sheetData"), &g, why, sizeof why);
		if (ok)
			apply_merges(child(root, "mergeCells"), &g);
	}
	if (ok)
		grid_to_table(&g, "Excel", out);
	else
		snprintf(err, errlen, "%s: %s", path, why);
	xmlFreeDoc(doc);
	free(part);
	grid_free(&g);
	workbook_free(&w);
	zip_discard(z);
	return ok;
}

/* --- docx ---------------------------------------------------------------------- */

/* A paragraph's text: runs, breaks as line breaks, a tab as a space; a
 * deleted run (tracked changes) is not text. */
static void para_text(sbuf *b, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "t"))
			add_content(b, c);
		else if (is(c, "br") || is(c, "cr"))
			sb_add(b, "\n", 1);
		else if (is(c, "tab"))
			sb_add(b, " ", 1);
		else if (c->type == XML_ELEMENT_NODE && !is(c, "del") && !is(c, "delText") && !is(c, "instrText") &&
		         !is(c, "tbl") && !is(c, "rPr") && !is(c, "pPr"))
			para_text(b, c);
	}
}

static char *cell_text(const xmlNode *tc)
{
	sbuf b = { 0 };
	bool first = true;
	for (const xmlNode *p = tc->children; p; p = p->next) {
		if (!is(p, "p"))
			continue;
		if (!first)
			sb_add(&b, "\n", 1);
		first = false;
		para_text(&b, p);
	}
	return sb_take(&b);
}

static int int_attr(const xmlNode *n, const char *local, int fallback)
{
	char *v = n ? attr(n, local) : NULL;
	int k = v ? atoi(v) : fallback;
	free(v);
	return k;
}

/* The elements a row or a table holds, also inside a content control. */
static int children_named(const xmlNode *n, const char *local, const xmlNode **out, int max)
{
	int k = 0;
	for (const xmlNode *c = n->children; c && k < max; c = c->next) {
		if (is(c, local))
			out[k++] = c;
		else if (is(c, "sdt") && child(c, "sdtContent"))
			k += children_named(child(c, "sdtContent"), local, out + k, max - k);
	}
	return k;
}

static void read_table(const xmlNode *tbl, grid *g)
{
	static const xmlNode *rows[OFFICEREAD_MAX_ROWS];
	int nrows = children_named(tbl, "tr", rows, OFFICEREAD_MAX_ROWS);
	for (int r = 0; r < nrows; r++) {
		const xmlNode *cells[OFFICEREAD_MAX_COLS];
		int ncells = children_named(rows[r], "tc", cells, OFFICEREAD_MAX_COLS);
		int col = int_attr(child(child(rows[r], "trPr"), "gridBefore"), "val", 0);
		for (int k = 0; k < ncells && col < OFFICEREAD_MAX_COLS; k++) {
			const xmlNode *pr = child(cells[k], "tcPr"), *vm = child(pr, "vMerge");
			int span = int_attr(child(pr, "gridSpan"), "val", 1);
			char *how = vm ? attr(vm, "val") : NULL;
			bool below = vm && (!how || strcmp(how, "continue") == 0);
			free(how);
			const char *above = below ? grid_get(g, r, col) : NULL;
			if (below)
				grid_set(g, r + 1, col, xstrdup(above ? above : ""), true);
			else
				grid_set(g, r + 1, col, tidy_breaks(cell_text(cells[k])), false);
			col += span > 0 && span <= OFFICEREAD_MAX_COLS ? span : 1;
		}
	}
}

static void find_tables(const xmlNode *n, const xmlNode **out, int *k, int max)
{
	for (const xmlNode *c = n->children; c && *k < max; c = c->next) {
		if (is(c, "tbl"))
			out[(*k)++] = c;
		if (c->type == XML_ELEMENT_NODE)
			find_tables(c, out, k, max);
	}
}

static bool has_header(const csv_table *t)
{
	for (int r = 0; r < t->nrows && r < PLANTABLE_HEADER_SEARCH; r++)
		if (plantable_header_row(&t->rows[r]))
			return true;
	return false;
}

bool officeread_docx(const char *path, csv_table *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	char why[600] = "";
	zip_t *z = open_zip(path, "Word 文档（.docx）", err, errlen);
	if (!z)
		return false;
	xmlDoc *doc = read_xml(z, "word/document.xml", true, why, sizeof why);
	enum { MAX_TABLES = 200 };
	const xmlNode *tables[MAX_TABLES];
	int ntables = 0;
	if (doc)
		find_tables(xmlDocGetRootElement(doc), tables, &ntables, MAX_TABLES);
	bool found = false;
	for (int i = 0; i < ntables && !found; i++) {
		grid g = { 0 };
		read_table(tables[i], &g);
		grid_to_table(&g, "Word", out);
		grid_free(&g);
		found = has_header(out);
		if (!found)
			csvread_free(out);
	}
	if (doc && !found)
		snprintf(why, sizeof why, "文档中的 %d 个表格都没有含“序号”“重点任务”“牵头单位”的表头", ntables);
	if (!found)
		snprintf(err, errlen, "%s: %s", path, why);
	xmlFreeDoc(doc);
	zip_discard(z);
	return found;
}

const char *officeread_kind(const char *path)
{
	size_t n = strlen(path);
	if (n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0)
		return "xlsx";
	if (n > 5 && strcasecmp(path + n - 5, ".docx") == 0)
		return "docx";
	return "csv";
}
