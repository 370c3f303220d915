#ifndef DUCHA_DOCUMENT_INTERNAL_H
#define DUCHA_DOCUMENT_INTERNAL_H
/* Building blocks of documents, for the builders in src/summary only. */
#include "ducha/document.h"

/* Text written piece by piece (open_memstream), then taken whole. */
typedef struct doc_sink {
	char *buf;
	size_t len;
	FILE *f;
} doc_sink;
void doc_sink_open(doc_sink *k);
/* The text written, malloc'd; the caller owns it. */
char *doc_sink_close(doc_sink *k);

/* "市科委、市经济信息委" from the store's ';'-joined list, malloc'd. */
char *doc_agency_list(const char *joined);

/* The largest total of one bar of a chart block (at least 1). */
int doc_bars_max(const doc_block *b);

/* Adds a block; text is escaped (newlines kept) on the way in. */
doc_block *doc_add(document *d, doc_kind kind, const char *text);
/* A copy with U+2060 WORD JOINER between a digit and the CJK character
 * after it, so that "5000家" and "10日" are never broken apart. Malloc'd. */
char *doc_bind_numbers(const char *text);
/* A stored string made harmless, malloc'd. */
char *doc_safe(const char *s);
/* The program's wording with its dates and quarters written the Chinese way. */
char *doc_cn_text(const char *s);
void doc_table_start(doc_block *b, int ncols, const char *const *head, const double *widths,
                     const bool *numeric);
/* Takes the ncols malloc'd cells (each escaped), leaving NULLs. */
void doc_table_row(doc_block *b, doc_tone tone, char **cells);

/* GB/T 9704 on A4: 版心 156 × 225 mm from a 37 mm top and a 28 mm left
 * margin; 22 lines of 28 characters of 三号 (16 pt). */
#define DOC_MM 2.834645669
#define DOC_PAGE_W (210.0 * DOC_MM)
#define DOC_PAGE_H (297.0 * DOC_MM)
#define DOC_TOP (37.0 * DOC_MM)
#define DOC_LEFT (28.0 * DOC_MM)
#define DOC_TEXT_W (156.0 * DOC_MM)
#define DOC_TEXT_H (225.0 * DOC_MM)
#define DOC_BODY_PT 16.0
#define DOC_LINES 22
#define DOC_CHARS 28
#endif
