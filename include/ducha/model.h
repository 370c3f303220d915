#ifndef DUCHA_MODEL_H
#define DUCHA_MODEL_H
/* The plan as the program sees it: plain structs filled by the store and
 * read by core, cli, report and ui. No SQL, no curses. */
#include <stdbool.h>
#include <stdint.h>

enum { MODEL_MAX_DUES = 16 };

typedef enum comparator { CMP_GE, CMP_GT, CMP_APPROX, CMP_RANGE } comparator;

typedef enum role { ROLE_ADMIN, ROLE_INSPECTOR, ROLE_REPORTER, ROLE_VIEWER } role;

/* Who is acting: the person, the role the config gives them, their agency. */
typedef struct actor {
	char user[65];
	role role;
	char agency[101];            /* for ROLE_REPORTER */
} actor;

/* The database's files: SQLite's companions and the audit anchor beside it. */
#define MODEL_ANCHOR_SUFFIX ".anchor"

typedef struct plan_rec {
	int64_t id;
	char *code, *title, *issuer;
	int starts, ends;            /* day numbers */
} plan_rec;

typedef struct task_rec {
	int64_t id;
	int num;
	int area_num, measure_num;
	char *area_short, *area_title, *measure_title;
	char *text;
	char *deadline;              /* as written */
	int dues[MODEL_MAX_DUES];    /* normalised, ascending */
	int ndues;
	int due;                     /* the last due date */
	char *status;                /* open | in-progress | completed | accepted */
	char *lead, *support;        /* agency names joined with ';' */
	int version;
	char *accepted_by, *accepted_at; /* 销号 ("" while not accepted) */
} task_rec;

/* How a target runs in time (DESIGN.md, "Domain rules"): a level reached by
 * the due date from the baseline; an amount in each year the task names
 * (reports give the year-to-date figure); the figure of the due date's
 * calendar year alone. */
typedef enum indicator_mode { MODE_CUMULATIVE, MODE_PER_YEAR, MODE_ANNUAL, MODE_COUNT } indicator_mode;

typedef struct indicator_rec {
	int64_t id;
	int ord;
	char *name, *unit;
	bool milestone;              /* 0/1: a roadmap published, a platform built */
	comparator cmp;
	double target, target_hi;    /* target_hi only for CMP_RANGE */
	int due;
	indicator_mode mode;
	bool has_baseline;           /* false: 基数未设 (a stock level not known yet) */
	double baseline;             /* the level at baseline_date (0 when not set) */
	int baseline_date;           /* day the baseline was measured; 0: the plan's start */
	char *baseline_source;       /* "2015年统计公报", "示例数据"; "" */
	char *source;                /* where it comes from if not the task's text ("措施（六）"); "" */
	char *approval;              /* whose approval a milestone waits on ("须经国务院批复"); "" */
} indicator_rec;

/* One reported value of one indicator, at the end of its quarter. */
typedef struct value_point {
	int year, quarter;
	int day;                     /* the quarter's last day */
	double value;
} value_point;

/* 审核 of a report: 待审核, 已通过, 已退回 (its figures do not count). */
typedef enum report_state { REPORT_SUBMITTED, REPORT_PASSED, REPORT_RETURNED } report_state;

typedef struct report_rec {
	int64_t id;
	char period[8];
	int year, quarter;
	const char *status;          /* not-started | in-progress | completed: the model's
	                              * own text (model_report_status), never freed */
	char *note, *author, *created;
	bool demo;
	int version;
	report_state state;
	char *reason, *reviewer, *reviewed;   /* the review (with texts only) */
	bool late;                   /* 迟报: first filed after its due date */
	bool reopened;               /* an inspector allowed one more submission */
	int nvalues;
	int64_t *indicator_ids;
	double *values;
} report_rec;

typedef struct note_rec {
	int64_t id;
	char *kind;                  /* progress | comment | support (配合情况) */
	char *text, *author, *created;
	char *edited;                /* its author's last change, or NULL */
	bool demo;
} note_rec;

typedef struct agency_rec {
	int64_t id;
	char *name;
	int lead, support;           /* task counts in the current plan */
} agency_rec;

/* A task with everything the flag rules and the detail views need. */
typedef struct task_detail {
	task_rec task;
	indicator_rec *indicators;
	int nindicators;
	report_rec *reports;         /* oldest first */
	int nreports;
	note_rec *notes;             /* oldest first */
	int nnotes;
} task_detail;

void model_plan_free(plan_rec *p);
void model_task_free(task_rec *t);
void model_indicator_free(indicator_rec *i);
/* A deep copy (free it with model_indicator_free). */
void model_indicator_copy(indicator_rec *dst, const indicator_rec *src);
void model_report_free(report_rec *r);
void model_note_free(note_rec *n);
void model_agency_free(agency_rec *a);
void model_detail_free(task_detail *d);

const char *model_comparator_symbol(comparator c);   /* "≥", ">", "≈", "–" */
bool model_comparator_parse(const char *sql_value, comparator *out);
const char *model_comparator_sql(comparator c);      /* ">=", ">", "~", "range" */
const char *model_mode_name(indicator_mode m);       /* cumulative | per-year | annual */
const char *model_mode_label(indicator_mode m, bool english); /* 累计 | 每年 | 年度 */
bool model_mode_parse(const char *name, indicator_mode *out);
/* Whether a figure's year has its own target (per-year, annual): its
 * figures start from zero each year. */
bool model_mode_yearly(indicator_mode m);
const char *model_role_name(role r);
/* Task and report statuses as shown: "in-progress" → 进行中 / "in progress". */
const char *model_status_label(const char *status, bool english);
/* A report status as typed — its value or its Chinese label — or NULL. */
const char *model_status_parse(const char *typed);
/* The model's text of a report status as stored (not-started, in-progress,
 * completed), or NULL. */
const char *model_report_status(const char *stored);
bool model_role_parse(const char *name, role *out);

/* The values reported for one indicator, oldest first; malloc'd, *n points. */
value_point *model_indicator_series(const task_detail *d, int64_t indicator_id, int *n);
/* A task's indicator by its number within the task (ord 1, 2, …), or NULL. */
const indicator_rec *model_indicator_of(const task_detail *d, int ord);
/* The latest report, or NULL. */
const report_rec *model_latest_report(const task_detail *d);
/* The report of one quarter, or NULL. */
const report_rec *model_report_of(const task_detail *d, int year, int quarter);
/* One step of a report's history, from the audit trail: who did what, when. */
typedef struct report_step {
	char period[8];              /* the report's quarter */
	char at[24];                 /* "YYYY-MM-DDThh:mm:ssZ" */
	char user[65];
	char action[16];             /* report | review | reopen | conflict */
	char state[16], old_state[16];   /* the report's 审核 state after and before ("" when none) */
	char *why;                   /* a return's or a reopening's reason ("" when none) */
} report_step;

/* Whether a report counts for the verdicts: not returned (a returned
 * report's figures wait for it to be submitted again). */
bool model_report_counts(const report_rec *r);
const char *model_report_state_name(report_state s);            /* submitted | passed | returned */
const char *model_report_state_label(report_state s, bool english); /* 待审核 | 已通过 | 已退回 */
bool model_report_state_parse(const char *name, report_state *out);
/* Whether name is one of the ';'-joined agencies (a task's lead or support). */
bool model_agency_in(const char *joined, const char *name);
#endif
