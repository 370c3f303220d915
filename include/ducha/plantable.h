#ifndef DUCHA_PLANTABLE_H
#define DUCHA_PLANTABLE_H
/* A 分工表 (division-of-labour table) read from CSV rows into tasks ready to
 * be stored: the header row found by column names (in any order, after any
 * title rows), every cell validated, agency lists split and normalised,
 * deadlines parsed, targets proposed. Every bad line is reported, with its
 * line number. Pure: no SQL, no I/O. */
#include <stdbool.h>
#include "ducha/csvread.h"
#include "ducha/deadline.h"
#include "ducha/target.h"

enum { PLANTABLE_HEADER_SEARCH = 10, PLANTABLE_MAX_ERRORS = 200 };

/* Columns: 序号, 重点任务, 完成时限, 牵头单位, 配合单位 are required;
 * 领域 and 措施 optional (a merged cell, empty below its first row, is
 * filled down). */
typedef enum plantable_col {
	PT_NUM, PT_AREA, PT_MEASURE, PT_TEXT, PT_DEADLINE, PT_LEAD, PT_SUPPORT, PT_NCOLS
} plantable_col;

typedef struct plantable_error {
	int line;
	char msg[480];
} plantable_error;

/* A proposed target as the table keeps it: target_propose's, its strings in
 * one heap block that name points to (free name only). */
typedef struct plantable_target {
	char *name, *unit, *source;
	comparator cmp;
	double value, value_hi;
	bool per_year, counts_new;
} plantable_target;

typedef struct plantable_task {
	int line;                    /* where its row starts in the file */
	int num;
	int area, measure;           /* 1-based numbers of plantable.areas / .measures */
	char *text, *deadline;       /* line breaks taken out */
	deadline due;
	char **lead, **support;      /* normalised agency names */
	int nlead, nsupport;
	/* Proposed targets and the numbers that could not be read, exactly as
	 * many as found (a full target_list per task would cost 10 KB each). */
	plantable_target *targets;
	int ntargets;
	target_skip *skips;
	int nskips;
} plantable_task;

typedef struct plantable_measure {
	int area;
	char *title;
} plantable_measure;

typedef struct plantable {
	int header_line;
	bool has_col[PT_NCOLS];
	char **areas;                /* titles; area n is areas[n - 1] */
	int nareas;
	plantable_measure *measures; /* measure n is measures[n - 1] */
	int nmeasures;
	plantable_task *tasks;
	int ntasks;
	plantable_error *errors;     /* in line order */
	int nerrors;
} plantable;

/* The names of the area and measure made when the table has no such column. */
extern const char plantable_default_section[];

/* Whether a row is a 分工表's header: it names the 序号, 重点任务 and
 * 牵头单位 columns (a Word 通知 holds other tables too). */
bool plantable_header_row(const csv_row *row);

/* Agency names the database knows (and their aliases), sorted by strcmp:
 * where a line break inside an agency cell ends a name. */
typedef struct plantable_known {
	const char *const *names;
	int n;
} plantable_known;

/* Reads the table; false when there are errors (all of them in out->errors).
 * known (may be NULL) and the names the table itself gives between
 * separators decide the line breaks of agency cells.
 * The cells of each row below the header are freed once read (so a large
 * file is held about once); csvread_free still frees the rest. */
bool plantable_read(csv_table *csv, bool propose_targets, const plantable_known *known, plantable *out);
void plantable_free(plantable *t);

/* A table of a plan's areas and measures (import-plan --areas): columns
 * 领域 and/or 措施 (the number: 1, 一, （一）), 标题, and 简称 (areas). A
 * row with a 措施 number is that measure; one with only a 领域 number, the
 * area. Titles lose their numbering as in the 分工表. */
typedef struct plantable_section {
	int line;
	bool measure;
	int num;
	char *title, *short_name;    /* NULL when the cell is empty */
} plantable_section;

typedef struct plantable_sections {
	plantable_section *items;
	int n;
	plantable_error *errors;
	int nerrors;
} plantable_sections;

bool plantable_read_sections(const csv_table *csv, plantable_sections *out);
void plantable_sections_free(plantable_sections *s);

/* Splits a 牵头单位/配合单位 cell on 、，,;； (never inside brackets) and at
 * the line breaks that end a name: those after which the lines would not
 * read as known names (a PDF breaks "市发展改革⏎委" anywhere; a typed cell
 * has "市科委⏎市教委" one a line). Removes the spaces inside each name and
 * writes its brackets full-width, as official names do; duplicates dropped.
 * Returns the count; *names is malloc'd (free with plantable_free_names).
 * On a name that is too long: -1 and a reason in err. */
int  plantable_split_agencies(const char *cell, const plantable_known *known, char ***names, char *err,
                              size_t errlen);
void plantable_free_names(char **names, int n);
/* The known name nearest to name (by characters added, dropped or
 * changed), when at most half of the longer one differs; else NULL. */
const char *plantable_nearest(const char *name, const plantable_known *known);
/* A cell's lines joined as a PDF copy needs: line breaks and the blanks
 * around them removed (a space kept between two Latin words, none inside a
 * number), blanks next to a Chinese character removed, other runs of blanks
 * one space. malloc'd. */
char *plantable_join_lines(const char *cell);
#endif
