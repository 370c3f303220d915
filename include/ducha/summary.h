#ifndef DUCHA_SUMMARY_H
#define DUCHA_SUMMARY_H
/* The printed summaries (通报): one model, built once from the store and
 * judged by the flag module (so paper and screen never disagree), and
 * renderers over it: text for a printer, CSV for Excel, one self-contained
 * HTML file for A4, and JSON through SQLite. No curses, no SQL. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "ducha/config.h"
#include "ducha/flag.h"
#include "ducha/store.h"
#include "ducha/table.h"

typedef enum summary_role { SUMMARY_LEAD, SUMMARY_SUPPORT, SUMMARY_LISTED } summary_role;

/* A task judged once (taken from the summary's judged-task cache), shared by every
 * section it appears in. */
typedef struct summary_task {
	struct judged_task *own;     /* the summary's (judge_cache_take), trimmed to what it shows */
	const task_detail *d;        /* &own->d */
	const task_state *now;       /* at the as-of date: &own->st */
	task_state then;             /* at the end of the --since quarter (when asked) */
	int known;                   /* reports known at the as-of date: d.reports[0..known) */
	int since_from;              /* the first known report of a quarter after --since */
} summary_task;

typedef struct summary_item {
	int task;                    /* index into summary.tasks */
	summary_role role;
} summary_item;

typedef struct summary_section {
	char *title;                 /* the agency's name, or the list's title */
	bool agency;                 /* an agency's: lead tasks, then support tasks */
	int nlead, nsupport;
	int ntasks;                  /* distinct tasks (a task is counted once) */
	int flags[FLAG_COUNT];       /* distinct tasks by flag */
	int completion;              /* share of its tasks done, percent; -1: no tasks */
	int lead_flags[FLAG_COUNT];  /* lead tasks by flag */
	int support_flags[FLAG_COUNT]; /* support tasks by flag */
	/* 推进率 = (2 × lead tasks on course + support tasks on course) ÷
	 * (2 × lead tasks + support tasks); on course: 已完成, 正常, 临期. */
	int rate_num, rate_den;
	int rank;                    /* place in the overview, best first, ties share it; 0: none */
	summary_item *items;         /* lead by number, then support by number */
	int nitems;
} summary_section;

typedef struct summary {
	char *plan_code, *plan_title, *plan_issuer;
	int as_of;
	char produced_at[32];        /* "YYYY-MM-DD hh:mm", local time */
	char produced_by[65];
	char audit_head[65];         /* the audit chain's newest hash when built */
	int64_t audit_rows;
	char file_key[48];           /* "agency-12", "all", "list-lagging": for file names */
	bool overview;               /* every agency, ranked; totals are the whole plan's */
	int totals[FLAG_COUNT];      /* overview: the plan's tasks by flag */
	int ntotal;
	bool since;
	int since_year, since_quarter, since_day;   /* since_day: that quarter's last day */
	summary_task *tasks;
	int ntasks, cap_tasks;
	int *slots;                  /* by task number: its index in tasks + 1; 0: not kept */
	int cap_slots;
	struct judge_cache *cache;   /* the tasks' details and verdicts */
	summary_section *sections;
	int nsections, cap_sections;
	int *ranking;                /* overview: section indices, best 推进率 first */
	/* Used while building only (the cache keeps the store until freed). */
	store *st;
	const plan_rec *plan;
	const config_flags *rules;
} summary;

typedef enum summary_scope { SUMMARY_ALL, SUMMARY_AGENCY, SUMMARY_LIST } summary_scope;

typedef struct summary_request {
	summary_scope scope;
	int64_t agency_id;           /* SUMMARY_AGENCY */
	const char *agency_name;     /* SUMMARY_AGENCY: shown if the plan names it nowhere */
	const char *title;           /* SUMMARY_LIST: what the list is */
	const char *list_key;        /* SUMMARY_LIST: a fixed word for the file name ("lagging") */
	const int *nums;             /* SUMMARY_LIST: task numbers, in the order shown */
	int nnums;
	int as_of;
	const config_flags *rules;
	const char *user;            /* who produces it */
	bool since;
	int since_year, since_quarter;
} summary_request;

/* Builds the whole model inside one read snapshot, so that the audit head in
 * the footer is the state the numbers come from. On failure store_error()
 * says why. The flags' reasons are in Chinese: the summary is a document. */
bool summary_build(summary *s, store *st, const plan_rec *plan, const summary_request *r);
void summary_free(summary *s);

/* Whether a task's flag moved since the --since quarter, or values were reported since. */
bool summary_task_changed(const summary *s, const summary_task *t);
/* Whether a flag counts as on course for the ranking (绿 and 蓝). */
bool summary_on_course(flag_value f);
/* The n-th latest 督查意见 (comment) note, 0: the latest, or NULL. */
const note_rec *summary_comment_note(const summary_task *t, int n);
/* The n-th latest 配合情况 note (0: the latest), or NULL. */
const note_rec *summary_support_note(const summary_task *t, int n);
/* The latest report known at the as-of date, or NULL. */
const report_rec *summary_latest_report(const summary_task *t);

/* Wording shared by the renderers, so every format says the same. */
const char *summary_role_label(summary_role r);          /* 牵头 / 配合 / "" */

/* 催办 (src/summary/remind.c): per agency, the tasks overdue, those whose
 * last due quarterly report is missing (or returned) and those near their
 * date and not on course, each once, with the task's text; as plain text
 * into out, nothing at all when there is nothing to remind. Returns how
 * many tasks. */
typedef struct remind_rules {
	int as_of, plan_starts;
	const config_flags *rules;
	const char *plan_code, *plan_title;
} remind_rules;
int summary_remind(FILE *out, const summary *s, const remind_rules *r);
const char *summary_role_name(summary_role r);           /* lead / support / listed */
const char *summary_indicator_name(const task_detail *d, int64_t indicator_id);
/* The sentences about indicators and tasks: ducha/wording.h. */
/* "2017Q2" of the --since quarter. */
void summary_since_text(const summary *s, char *buf, size_t len);

/* The shortest page the text renderer lays out: header, footer and a few lines. */
enum { SUMMARY_MIN_PAGE_LENGTH = 20 };

typedef struct summary_output {
	out_format fmt;
	int page_width, page_length; /* text; page_length 0: no pages */
	int csv_encoding;            /* CSV: CSV_UTF8_BOM (for Excel), CSV_UTF8, CSV_GB18030 */
	const config_document *doc;  /* PDF, DOCX: the issuer, the requirements, the fonts */
} summary_output;

bool summary_render_csv(const summary *s, int encoding, FILE *out);
/* JSON is built by SQLite's functions through st; false on a store error. */
bool summary_render_json(const summary *s, store *st, FILE *out);
/* false with errno, or with a message in err (err may be NULL). */
bool summary_render(const summary *s, store *st, const summary_output *o, FILE *out, char *err, size_t errlen);
/* Renders into path through a temporary file in the same folder, renamed into
 * place only when written whole; otherwise nothing is left and err says why. */
bool summary_write_file(const summary *s, store *st, const summary_output *o, const char *path,
                        bool as_user, char *err, size_t errlen);
/* A file name made of fixed words, numbers and dates only: it goes on the
 * print command's line, where stored text must never go. */
void summary_file_name(const summary *s, out_format fmt, char *buf, size_t len);
#endif
