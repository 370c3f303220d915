#ifndef DUCHA_OFFICEREAD_H
#define DUCHA_OFFICEREAD_H
/* A 分工表 as offices receive it: an Excel workbook (.xlsx) or the table
 * inside a Word 通知 (.docx), read into the rows a CSV would give
 * (csvread.h), so the same reader (plantable.h) takes all three. Both
 * formats are zip files of XML: read with libzip and libxml2. A cell
 * covered by a merge from above takes that cell's text, marked merged. No
 * SQL, no curses. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/csvread.h"

enum { OFFICEREAD_MAX_PART = 64 * 1024 * 1024, OFFICEREAD_MAX_COLS = 64, OFFICEREAD_MAX_ROWS = 200000 };

/* The first sheet, or the one named sheet. Row numbers are the sheet's;
 * line breaks inside cells are kept; a date cell reads 2018年6月30日. */
bool officeread_xlsx(const char *path, const char *sheet, csv_table *out, char *err, size_t errlen);
/* The first table with a header row naming 序号, 重点任务 and 牵头单位
 * (within its first rows); paragraphs and breaks in a cell are line
 * breaks; gridSpan and vMerge as Word writes them. Row numbers count the
 * table's rows from 1. */
bool officeread_docx(const char *path, csv_table *out, char *err, size_t errlen);
/* Which reader a file name asks for: "xlsx", "docx" or "csv" (any other). */
const char *officeread_kind(const char *path);
#endif
