#ifndef DUCHA_CSVREAD_H
#define DUCHA_CSVREAD_H
/* Tables as offices save them from Excel: CSV in UTF-8 (with or without a
 * BOM) or in GB18030/GBK (Chinese Excel's "CSV（逗号分隔）"), converted with
 * iconv and parsed by libcsv. Quoted cells may hold line breaks. Pure: no
 * SQL, no curses. */
#include <stdbool.h>
#include <stddef.h>

enum { CSVREAD_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct csv_row {
	int line;                /* the physical line the record starts on (1-based) */
	int nfields;
	char **fields;           /* UTF-8, NUL-terminated; line breaks as \n */
	unsigned char *merged;   /* per field, 1: covered by a merged cell above, whose text
	                          * it repeats (Excel, Word); NULL for CSV */
} csv_row;

typedef struct csv_table {
	const char *encoding;    /* "UTF-8" or "GB18030" */
	csv_row *rows;           /* rows whose cells are all empty are left out */
	int nrows;
} csv_table;

/* Bytes to UTF-8: a UTF-8 BOM is dropped; valid UTF-8 is kept as it is;
 * anything else is read as GB18030 (a superset of GBK and GB2312). *out is
 * malloc'd. On failure: a reason in err and the line of the bad byte. */
bool csvread_to_utf8(const char *data, size_t len, char **out, size_t *outlen,
                     const char **encoding, int *err_line, char *err, size_t errlen);
/* Parses a whole file's bytes (any of the encodings above). On failure: a
 * one-line reason in err (naming the column) and its line in *err_line. */
bool csvread_parse(const char *data, size_t len, csv_table *out, int *err_line,
                   char *err, size_t errlen);
/* Reads and parses a file; err reads "FILE:LINE: reason". */
bool csvread_file(const char *path, csv_table *out, char *err, size_t errlen);
void csvread_free(csv_table *t);

/* Whether a header cell names one of names: spaces, line breaks, a BOM and a
 * trailing '*' (a template's "required" mark) are ignored, ASCII case too. */
bool csvread_header_is(const char *cell, const char *const *names);
/* The index of the first cell of row that csvread_header_is names, or -1. */
int  csvread_column(const csv_row *row, const char *const *names);
#endif
