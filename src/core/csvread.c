#include "ducha/csvread.h"
#include "ducha/userfile.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

/* The 1-based line holding byte offset `at`. */
static int line_of(const char *data, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		line += data[i] == '\n';
	return line;
}

static bool from_gb18030(const char *data, size_t len, char **out, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		*bad = 0;
		return false;
	}
	/* GB18030 needs at most 4 UTF-8 bytes for every 2 of its own. */
	size_t cap = len * 2 + 4;
	char *buf = xrealloc(NULL, cap);
	char *in = (char *)data, *o = buf;
	size_t inleft = len, outleft = cap - 1;
	bool ok = iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1;
	iconv_close(cd);
	if (!ok) {
		*bad = (size_t)(in - data);
		free(buf);
		return false;
	}
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return true;
}

bool csvread_to_utf8(const char *data, size_t len, char **out, size_t *outlen,
                     const char **encoding, int *err_line, char *err, size_t errlen)
{
	const unsigned char *u = (const unsigned char *)data;
	*err_line = 1;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		snprintf(err, errlen, "文件是 UTF-16 编码（Excel 的“Unicode 文本”），"
		                      "请另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”");
		return false;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		*err_line = line_of(data, (size_t)(nul - data));
		snprintf(err, errlen, "含有 NUL 字节，不是文本格式的 CSV 文件");
		return false;
	}
	size_t bad = 0;
	if (text_utf8_valid(data, len, NULL)) {
		*out = xrealloc(NULL, len + 1);
		memcpy(*out, data, len);
		(*out)[len] = '\0';
		*outlen = len;
		*encoding = "UTF-8";
		return true;
	}
	/* A file that is UTF-8 up to one bad line was meant as UTF-8: name the
	 * line rather than read the whole file as GB18030 and garble it. */
	size_t first_bad = 0;
	text_utf8_valid(data, len, &first_bad);
	size_t line_start = first_bad;
	while (line_start > 0 && data[line_start - 1] != '\n')
		line_start--;
	int wide = 0;
	for (size_t i = 0; i < line_start; i++)
		wide += ((unsigned char)data[i] & 0xC0) == 0xC0;
	bool gb = wide < 4 && from_gb18030(data, len, out, outlen, &bad);
	if (gb) {
		*encoding = "GB18030";
		return true;
	}
	if (wide > 0) {
		*err_line = line_of(data, first_bad);
		snprintf(err, errlen, "不是有效的 UTF-8（前面各行是 UTF-8，这一行的字节 0x%02X 不是）；"
		                      "请改正这一行，或把整个文件另存为“CSV UTF-8”", (unsigned char)data[first_bad]);
		return false;
	}
	*err_line = line_of(data, bad);
	snprintf(err, errlen, "既不是 UTF-8 也不是 GB18030/GBK 编码（字节 0x%02X 无法识别）",
	         bad < len ? (unsigned char)data[bad] : 0);
	return false;
}

/* --- parsing ------------------------------------------------------------ */

typedef struct parse_state {
	csv_table *table;
	char **fields;           /* the record being read */
	int nfields, cap;
	int rec_line;            /* its first line; 0 before its first byte */
	int rows_cap;
} parse_state;

static void on_field(void *s, size_t len, void *data)
{
	parse_state *ps = data;
	if (ps->nfields == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 8;
		ps->fields = xrealloc(ps->fields, sizeof *ps->fields * (size_t)ps->cap);
	}
	char *f = xrealloc(NULL, len + 1);
	const char *in = s;
	size_t o = 0;
	/* libcsv hands a NULL buffer for an empty first field. Line breaks in a
	 * cell become \n, whichever system wrote the file. */
	for (size_t i = 0; i < len; i++) {
		if (in[i] == '\r' && i + 1 < len && in[i + 1] == '\n')
			continue;
		f[o++] = in[i] == '\r' ? '\n' : in[i];
	}
	f[o] = '\0';
	ps->fields[ps->nfields++] = f;
}

static bool all_empty(char **fields, int n)
{
	for (int i = 0; i < n; i++)
		for (const char *p = fields[i]; *p; p++)
			if (!isspace((unsigned char)*p))
				return false;
	return true;
}

static void drop_fields(parse_state *ps)
{
	for (int i = 0; i < ps->nfields; i++)
		free(ps->fields[i]);
	ps->nfields = 0;
}

static void on_record(int term, void *data)
{
	(void)term;
	parse_state *ps = data;
	csv_table *t = ps->table;
	if (all_empty(ps->fields, ps->nfields)) {
		drop_fields(ps);
	} else {
		if (t->nrows == ps->rows_cap) {
			ps->rows_cap = ps->rows_cap ? ps->rows_cap * 2 : 64;
			t->rows = xrealloc(t->rows, sizeof *t->rows * (size_t)ps->rows_cap);
		}
		csv_row *r = &t->rows[t->nrows++];
		r->line = ps->rec_line ? ps->rec_line : 1;
		r->nfields = ps->nfields;
		r->merged = NULL;
		r->fields = xrealloc(NULL, sizeof *r->fields * (size_t)(ps->nfields ? ps->nfields : 1));
		memcpy(r->fields, ps->fields, sizeof *r->fields * (size_t)ps->nfields);
		ps->nfields = 0;
	}
	ps->rec_line = 0;
}

/* Feeds libcsv one byte at a time so that every record knows the line it
 * starts on and every error the line and column it happened at. */
static bool feed(struct csv_parser *p, parse_state *ps, const char *text, size_t len,
                 int *err_line, char *err, size_t errlen)
{
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		char ch = text[i];
		if (!ps->rec_line && ch != '\n' && ch != '\r')
			ps->rec_line = line;
		if (csv_parse(p, text + i, 1, on_field, on_record, ps) != 1) {
			*err_line = line;
			snprintf(err, errlen, "第 %d 列的引号用法不对（引号括起的单元格里，"
			                      "引号要写成两个 \"\"；右引号后只能是逗号或换行）", ps->nfields + 1);
			return false;
		}
		if (ch == '\n' || (ch == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			line++;
	}
	if (csv_fini(p, on_field, on_record, ps) != 0) {
		*err_line = ps->rec_line ? ps->rec_line : line;
		snprintf(err, errlen, "第 %d 列的引号没有闭合（从这一行一直到文件末尾）", ps->nfields + 1);
		return false;
	}
	return true;
}

/* Parses UTF-8 text, which it frees (so a large file is held once, not twice). */
static bool parse_text(char *text, size_t tlen, csv_table *out, int *err_line, char *err,
                       size_t errlen)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	parse_state ps = { .table = out };
	bool ok = feed(&p, &ps, text, tlen, err_line, err, errlen);
	drop_fields(&ps);
	free(ps.fields);
	csv_free(&p);
	free(text);
	if (!ok)
		csvread_free(out);
	return ok;
}

bool csvread_parse(const char *data, size_t len, csv_table *out, int *err_line,
                   char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	char *text;
	size_t tlen;
	if (!csvread_to_utf8(data, len, &text, &tlen, &out->encoding, err_line, err, errlen))
		return false;
	return parse_text(text, tlen, out, err_line, err, errlen);
}

bool csvread_file(const char *path, csv_table *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	userfile_ids ids;
	userfile_as_user(&ids);
	FILE *f = fopen(path, "rb");
	userfile_as_program(&ids);
	if (!f) {
		snprintf(err, errlen, "%s: 无法打开: %s", path, strerror(errno));
		return false;
	}
	char *data = NULL;
	size_t len = 0, cap = 0, n;
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			data = xrealloc(data, cap);
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0 && len <= CSVREAD_MAX_BYTES);
	bool read_error = ferror(f);
	fclose(f);
	if (read_error || len > CSVREAD_MAX_BYTES) {
		snprintf(err, errlen, "%s: %s", path, read_error ? "读取失败" : "文件太大（最多 16 MB）");
		free(data);
		return false;
	}
	int line = 0;
	char why[400], *text = NULL;
	size_t tlen = 0;
	bool ok = csvread_to_utf8(data, len, &text, &tlen, &out->encoding, &line, why, sizeof why);
	free(data);
	ok = ok && parse_text(text, tlen, out, &line, why, sizeof why);
	if (!ok)
		snprintf(err, errlen, "%s:%d: %s", path, line, why);
	return ok;
}

void csvread_free(csv_table *t)
{
	for (int r = 0; r < t->nrows; r++) {
		for (int i = 0; i < t->rows[r].nfields; i++)
			free(t->rows[r].fields[i]);
		free(t->rows[r].fields);
		free(t->rows[r].merged);
	}
	free(t->rows);
	memset(t, 0, sizeof *t);
}

/* --- headers ------------------------------------------------------------ */

/* The header cell without spaces, line breaks, BOM or a trailing '*', ASCII lower case. */
static void header_key(const char *cell, char *out, size_t outlen)
{
	size_t len = strlen(cell), o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(cell + i, len - i, &cp);
		if (k == 0)
			k = 1, cp = '?';
		bool skip = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 ||
		            cp == 0xA0 || cp == 0xFEFF;
		if (!skip && o + k < outlen) {
			memcpy(out + o, cell + i, k);
			if (cp < 0x80)
				out[o] = (char)tolower((unsigned char)out[o]);
			o += k;
		}
		i += k;
	}
	while (o > 0 && out[o - 1] == '*')
		o--;
	out[o] = '\0';
}

bool csvread_header_is(const char *cell, const char *const *names)
{
	char key[256];
	header_key(cell, key, sizeof key);
	for (; *names; names++)
		if (strcmp(key, *names) == 0)
			return true;
	return false;
}

int csvread_column(const csv_row *row, const char *const *names)
{
	for (int i = 0; i < row->nfields; i++)
		if (csvread_header_is(row->fields[i], names))
			return i;
	return -1;
}
