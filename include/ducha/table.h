#ifndef DUCHA_TABLE_H
#define DUCHA_TABLE_H
/* Command output as a table of typed cells, rendered as text (aligned by
 * display width), CSV (RFC 4180, formula-safe) or JSON (through SQLite). */
#include <stdbool.h>
#include <stdio.h>
#include "ducha/store.h"

/* PDF, DOCX and XLSX are documents (report only): files, never a terminal. */
typedef enum out_format { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_HTML, FMT_PDF, FMT_DOCX, FMT_XLSX } out_format;
enum {
	FMT_ALLOW_TEXT = 1, FMT_ALLOW_CSV = 2, FMT_ALLOW_JSON = 4, FMT_ALLOW_HTML = 8, FMT_ALLOW_PDF = 16,
	FMT_ALLOW_DOCX = 32, FMT_ALLOW_XLSX = 64
};
/* Whether the format is a binary document file. */
bool format_is_binary(out_format f);
bool format_parse(const char *name, unsigned allowed, out_format *out);

typedef struct table_column {
	const char *key;          /* CSV header and JSON key */
	const char *header;       /* text header (Chinese) */
	int max_width;            /* text: cut to this many columns; 0 = no limit */
	bool right;               /* text: align right */
	bool csv_only;            /* left out of the text table (kept in CSV and JSON) */
} table_column;

typedef struct table_cell {
	json_kind kind;
	char *text;               /* JSON_TEXT; JSON_RAW: the JSON */
	char *display;            /* how text and CSV show it (JSON_RAW lists) */
	bool list;                /* a ';'-joined list (in display): made JSON only for JSON */
	long long i;
	double d;
} table_cell;

typedef struct table {
	const table_column *cols;
	int ncols;
	table_cell *cells;        /* row-major */
	int nrows, cap;
	int filled;               /* cells in the row being built */
	bool text_only;           /* csv_only columns are not kept (table_init_for text) */
} table;

void table_init(table *t, const table_column *cols, int ncols);
/* For one format: printed as text, the csv_only columns' texts are not kept
 * (a listing of thousands of rows holds only what it shows). */
void table_init_for(table *t, const table_column *cols, int ncols, out_format f);
void table_free(table *t);
/* Room for this many rows at once (a listing knows how many it prints). */
void table_reserve(table *t, int rows);
void table_text(table *t, const char *s);
void table_int(table *t, long long v);
void table_real(table *t, double v);
void table_null(table *t);
/* A ';'-joined list: a JSON array of strings, shown joined with sep in text. */
void table_list(table *t, store *s, const char *joined);

bool table_print(const table *t, store *s, out_format f, FILE *out);
/* A CSV field, quoted as needed, with a leading = + - @ neutralised. */
void table_csv_field(FILE *out, const char *s);
#endif
