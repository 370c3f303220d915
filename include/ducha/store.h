#ifndef DUCHA_STORE_H
#define DUCHA_STORE_H
/* Every query the program makes. Callers get model structs, never SQL. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/model.h"

enum { STORE_SCHEMA_VERSION = 7, STORE_APPLICATION_ID = 0x44554348 };
/* Beside the database: the audit trail's length and head, rewritten after
 * each commit, so that `check` notices a trail cut short or re-chained. */
#define STORE_ANCHOR_SUFFIX MODEL_ANCHOR_SUFFIX

typedef struct store store;

enum { STORE_READONLY = 1, STORE_CREATE = 2 };

/* Opens and checks a database: refuses a file that is not ducha's or is of a
 * newer schema, and migrates an older one. */
store *store_open(const char *path, int flags, int busy_timeout_ms, char *err, size_t errlen);
void   store_close(store *s);
/* Whether the database and its -wal and -shm files are closed to other users
 * (not world-writable); otherwise a one-line warning naming the file. */
bool   store_files_private(const char *path, char *warning, size_t len);
const char *store_error(const store *s);
bool   store_is_readonly(const store *s);
/* Opened as a read-only snapshot (the folder cannot hold a -shm file). */
bool   store_is_snapshot(const store *s);

/* Whether the database already holds a plan. */
bool store_has_data(store *s, bool *has);
/* Creates the schema (if needed) and loads the built-in plan, in one transaction. */
bool store_init_builtin(store *s, const actor *who);
/* init --force: in place, in one transaction, so other sessions never see
 * the file vanish: every plan, report and note goes, the built-in plan comes
 * back, and a 'reinit' row chained to the old head records what went. */
bool store_reinit_builtin(store *s, const actor *who);

/* The plan named by code, or the first plan when code is NULL or "". */
bool store_plan(store *s, const char *code, plan_rec *out);

typedef struct task_filter {
	int area;                    /* 0: any */
	int64_t agency_id;           /* 0: any */
	const char *role;            /* NULL, "lead" or "support" (with agency_id) */
	int due_year;                /* 0: any; else a due date falls in that year */
} task_filter;

/* Tasks of a plan in number order; *out is malloc'd. */
bool store_tasks(store *s, int64_t plan_id, const task_filter *f, task_rec **out, int *n);
/* One task with indicators, reports and notes. Returns false and sets
 * *found = false when no such task. */
bool store_task_detail(store *s, int64_t plan_id, int num, task_detail *out, bool *found);

/* Which tasks store_task_details reads, and how much of each. */
typedef struct detail_query {
	const int *nums;             /* task numbers, in any order */
	int n;
	const char *upto;            /* "YYYYQn": only reports of quarters up to it; NULL: all */
	bool texts;                  /* report notes, authors and times (else NULL) */
	bool notes;                  /* the task's notes (else nnotes is 0) */
	bool latest_notes;           /* with notes: only the latest of each kind */
	bool verdicts_only;          /* texts only of the reports lists show: each task's
	                              * latest, latest counted and "completed" ones */
} detail_query;
/* Many tasks of a plan with their indicators and reports, in a few queries
 * however many they are (src/store/detail.c). *out is malloc'd, in task
 * number order; a number that is no task is left out. */
bool store_task_details(store *s, int64_t plan_id, const detail_query *q, task_detail **out, int *n);
/* Agencies named in the plan, with lead/support counts, in name order. */
bool store_agencies(store *s, int64_t plan_id, agency_rec **out, int *n);
/* By its name or by another name it goes by (an alias); spaces ignored. */
bool store_agency_find(store *s, const char *name, int64_t *id, bool *found);
/* Every alias and the name of its agency, by alias; malloc'd strings. */
bool store_agency_aliases(store *s, char ***aliases, char ***names, int *n);
/* Another name for an agency (admin), or with agency NULL the alias taken
 * away; audited ('alias'). Refused for a name that is an agency's own or
 * another agency's alias. */
bool store_agency_set_alias(store *s, const actor *who, const char *agency, const char *alias);

/* report_input.expected_version: the version the user started from. */
enum { STORE_ANY_VERSION = 0, STORE_EXPECT_NEW = -1 };

typedef struct report_input {
	int64_t task_id;
	int expected_version;        /* STORE_ANY_VERSION, STORE_EXPECT_NEW or a version */
	char period[8];
	const char *status;          /* NULL: keep (or in-progress when new) */
	const char *note;            /* NULL: keep */
	int nvalues;
	const int64_t *indicator_ids;
	const double *values;
	bool demo;
	bool late;                   /* a first report filed after its due date: 迟报 */
	bool confirmed;              /* (app) implausible figures confirmed by the person */
	const char *created;         /* "YYYY-MM-DDThh:mm:ssZ" of a sample report; NULL: now */
} report_input;

/* Records (or amends) the report of a task for a quarter, with its audit row.
 * When someone else saved that report since expected_version, nothing is
 * overwritten: the failure is STORE_FAIL_CONFLICT, their version is in
 * store_conflict_theirs(), and the user's input is kept in the audit trail. */
bool store_save_report(store *s, const actor *who, const report_input *in);
/* kind: "progress", "comment" or "support" (配合情况). */
bool store_add_note(store *s, const actor *who, int64_t task_id, const char *kind,
                    const char *text, bool demo);
/* The same at a given time ("YYYY-MM-DDThh:mm:ssZ"; NULL: now), for sample data. */
bool store_add_note_at(store *s, const actor *who, int64_t task_id, const char *kind, const char *text, bool demo,
                       const char *at);
/* Its author's new text for a note (kept in the trail with the old one);
 * refused (STORE_FAIL_DENIED) for anyone else, a viewer, or an author the
 * rules no longer let write that kind of note on the task. */
bool store_edit_note(store *s, const actor *who, int64_t note_id, const char *text);
/* Its author withdraws a note: no longer shown or searched, the trail keeps it. */
bool store_withdraw_note(store *s, const actor *who, int64_t note_id);
/* 销号: marks a task accepted (inspector or admin); at: its time (NULL: now). */
/* upto: the as-of quarter ("YYYYQn"); only the latest report at or before
 * it counts (a report for a later quarter is no ground for 销号). */
bool store_accept_task(store *s, const actor *who, int64_t task_id, const char *upto, const char *at);
/* 撤销销号, with the reason in the audit row. */
bool store_unaccept_task(store *s, const actor *who, int64_t task_id, const char *reason);
/* An administrator's edit of an indicator definition (edited->id, already
 * checked by indicator_edit_apply), with its audit row. */
bool store_update_indicator(store *s, const actor *who, int64_t task_id, const indicator_rec *edited);
/* 审核 of a submitted (待审核) report: passed, or returned with a reason. */
bool store_review_report(store *s, const actor *who, int64_t task_id, const char *period, bool pass,
                         const char *reason, const char *at);
/* 重新打开 a locked report for one more submission; the reason in the trail. */
bool store_reopen_report(store *s, const actor *who, int64_t task_id, const char *period, const char *reason);

typedef enum store_failure {
	STORE_FAIL_NONE,
	STORE_FAIL_ERROR,            /* see store_error() */
	STORE_FAIL_DENIED,           /* the database's own permission check refused it */
	STORE_FAIL_CONFLICT,         /* someone else changed it first */
	STORE_FAIL_BUSY,             /* still locked after the busy timeout: retry */
	STORE_FAIL_REPLACED,         /* the path names another file than the one opened */
} store_failure;
store_failure store_last_failure(const store *s);
/* Whether the database's path still names the file that was opened;
 * otherwise fails with STORE_FAIL_REPLACED. Checked before each write. */
bool store_same_file(store *s);
/* After STORE_FAIL_CONFLICT: the report as it now stands (JSON). */
const char *store_conflict_theirs(const store *s);
/* The audit chain's newest hash (for report footers) and its length. */
bool store_audit_head(store *s, char hex[65], int64_t *rows);

typedef struct audit_rec {
	int64_t id;
	char *at, *user, *role, *action, *object, *old, *new_value, *hash;
} audit_rec;
void store_audit_free(audit_rec *a);
/* How the audit trail names a task of a plan: "task 15", or "plan CODE task 15"
 * outside the first plan. */
bool store_task_object_name(store *s, int64_t plan_id, int num, char *out, size_t len);
/* Audit rows, oldest first; object_prefix filters (e.g. "task 15"), NULL for all. */
bool store_audit(store *s, const char *object_prefix, audit_rec **out, int *n);

/* What other sessions changed, for a screen that follows them: the data
 * version (PRAGMA data_version: it moves when another connection commits),
 * the last audit row, and the rows after one, oldest first (at most
 * STORE_CHANGES_MAX). */
enum { STORE_CHANGES_MAX = 50 };
#define STORE_CHANGES_MAX_TEXT "50"
typedef struct store_change {
	int64_t id;
	char user[65], role[16], action[16];
	int task;              /* the task of the plan it concerns; 0: none */
	char period[8];        /* a report's quarter ("2017Q4"), or "" */
	bool own;              /* written by this connection */
} store_change;
bool store_data_version(store *s, int64_t *version);
bool store_audit_last(store *s, int64_t *id);
bool store_changes_after(store *s, int64_t plan_id, int64_t after, store_change **out, int *n);

/* The history of every report of a task from the trail, oldest first, in
 * one read (src/store/trail.c). */
bool store_report_steps(store *s, int64_t plan_id, int num, report_step **out, int *n);
void store_report_steps_free(report_step *steps, int n);

/* Integrity, foreign keys, the audit chain, the schema against the shipped
 * one, and the data against what its audit trail says (src/store/verify.c).
 * Each problem is passed to report(); returns false when the checks could
 * not run. */
bool store_check(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                 int *problems);
/* The live database's trail against the anchor file beside it. */
bool store_check_anchor(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                        int *problems);

/* JSON built by SQLite's own functions, so nothing is escaped by hand. */
typedef enum json_kind { JSON_TEXT, JSON_INT, JSON_REAL, JSON_NULL, JSON_RAW, JSON_BOOL } json_kind;
typedef struct json_field {
	const char *key;
	json_kind kind;
	const char *text;            /* JSON_TEXT, or JSON_RAW (already JSON) */
	long long i;
	double d;
} json_field;
/* A malloc'd JSON object of the fields, in order. */
char *store_json_object(store *s, const json_field *fields, int n);
/* A malloc'd JSON array of the given JSON texts. */
char *store_json_array(store *s, char *const *items, int n);
/* A malloc'd JSON array of strings split from a ';'-joined list. */
char *store_json_string_list(store *s, const char *joined);

/* The SQL of every query that runs per screen, list or command, by name
 * (src/store/hot.c): the query-plan test explains each one and fails on a
 * full scan of a table that grows with use. */
typedef struct store_sql {
	const char *name, *sql;
} store_sql;
const store_sql *store_hot_sql(int *n);

/* --- Areas, task numbers, who does what (src/store/plan.c); search (search.c) */

typedef struct area_rec {
	int num;
	char *title, *short_name;
} area_rec;
/* The areas (领域) of a plan in number order; *out is malloc'd. */
bool store_areas(store *s, int64_t plan_id, area_rec **out, int *n);
void store_areas_free(area_rec *a, int n);

/* Only the numbers of the matching tasks, in number order, through the
 * indexes: lists load the rows they show, never whole tables. */
bool store_task_nums(store *s, int64_t plan_id, const task_filter *q, int **nums, int *n);

typedef struct agency_task {
	int64_t agency_id;
	int num;                     /* a task it leads or supports */
	bool lead;                   /* leads it (else supports) */
} agency_task;
/* Every agency and task of a plan that are linked, by agency then task
 * number: one query for the counts of every agency. *out is malloc'd. */
bool store_agency_tasks(store *s, int64_t plan_id, agency_task **out, int *n);
/* Every agency known to the database (id and name; no counts), by id. */
bool store_agency_names(store *s, agency_rec **out, int *n);

/* The last two are found by the screen (src/ui/search.c), not the index. */
typedef enum search_kind {
	SEARCH_TASK, SEARCH_PROGRESS, SEARCH_COMMENT, SEARCH_REPORT, SEARCH_NUMBER, SEARCH_AGENCY
} search_kind;
typedef struct search_hit {
	int task_num;
	search_kind kind;            /* where the text was found */
	char *text;                  /* the whole text that matched */
} search_hit;
/* Task texts, notes and report notes of a plan that contain needle (a
 * substring, Chinese or not; ASCII letters ignore case), by task number,
 * at most limit hits. */
/* Needles of fewer characters than this search the task texts only (the
 * trigram index needs three). */
enum { STORE_SEARCH_MIN_CHARS = 3 };
bool store_search_is_short(const char *needle);
bool store_search(store *s, int64_t plan_id, const char *needle, int limit,
                  search_hit **out, int *n);
void store_search_free(search_hit *h, int n);

/* --- Several plans; import, export, backup (src/store/import.c, backup.c) -- */

/* Every plan in the database, oldest first (the built-in plan is one of
 * them): for a plan switcher. *out is malloc'd. */
bool store_plans(store *s, plan_rec **out, int *n);
void store_plans_free(plan_rec *p, int n);

typedef struct import_indicator {
	const char *name, *unit;
	comparator cmp;
	double target, target_hi;    /* target_hi only for CMP_RANGE */
	bool per_year;
	bool counts_new;             /* baseline 0; otherwise 基数未设 */
} import_indicator;

typedef struct import_area {
	int num;
	const char *title, *short_name;
} import_area;

typedef struct import_measure {
	int num, area;               /* area: an import_area's num */
	const char *title;
} import_measure;

typedef struct import_task {
	int num, measure;            /* measure: an import_measure's num */
	const char *text, *deadline;
	int dues[MODEL_MAX_DUES];    /* ascending day numbers; the last is the due date */
	int ndues;
	const char *const *lead;     /* agency names, normalised */
	int nlead;
	const char *const *support;
	int nsupport;
	const import_indicator *indicators;
	int nindicators;             /* due at the task's last due date */
} import_task;

typedef struct plan_import {
	const char *code, *title, *issuer;
	const char *source;          /* the file, for the audit row */
	int starts, ends;            /* day numbers */
	const import_area *areas;
	int nareas;
	const import_measure *measures;
	int nmeasures;
	const import_task *tasks;
	int ntasks;
} plan_import;

/* Loads a plan (areas, measures, tasks, agencies, indicators) with one audit
 * row 'import', in one transaction; an empty database gets the schema first.
 * Agencies already known are reused by name. */
bool store_import_plan(store *s, const actor *who, const plan_import *in);
/* A change to a task's definition: what is NULL (or not set) is kept. */
typedef struct task_edit {
	const char *text;
	const char *deadline;        /* as written (2017年年底前), with its due dates: */
	int dues[MODEL_MAX_DUES];    /* ascending day numbers */
	int ndues;
	bool set_lead, set_support;
	const char *const *lead;     /* agency names, normalised; new ones are added */
	int nlead;
	const char *const *support;
	int nsupport;
	int measure;                 /* the measure's number in the plan; 0: keep */
} task_edit;
/* Administrators; one audit row 'plan' with the old and new definition.
 * Indicators due on the old last due date follow the new one. */
bool store_edit_task(store *s, const actor *who, int64_t task_id, const task_edit *e);
/* An area's title and short label (NULL: keep), a measure's title. */
bool store_edit_area(store *s, const actor *who, int64_t plan_id, int num, const char *title, const char *short_name);
bool store_edit_measure(store *s, const actor *who, int64_t plan_id, int num, const char *title);
typedef struct section_edit {
	bool measure;                /* else an area */
	int num;
	const char *title, *short_name;   /* NULL: keep; short_name: areas only */
} section_edit;
/* Several at once, all or nothing (import-plan --areas). */
bool store_edit_sections(store *s, const actor *who, int64_t plan_id, const section_edit *e, int n);

/* Whether a plan of that code exists (false too when there is no schema yet). */
bool store_plan_exists(store *s, const char *code, bool *exists);

/* Saves n reports (store_save_report's rules, permission predicates and one
 * audit row each) in one transaction: all or nothing. On failure *failed is
 * the index of the report that failed, or -1. */
bool store_save_reports(store *s, const actor *who, const report_input *in, int n, int *failed);

/* A whole plan as one JSON document built by SQLite: plan, areas, measures,
 * agencies, tasks with their indicators, reports and notes. malloc'd. */
char *store_export_json(store *s, int64_t plan_id);

/* SQLite's online backup of the database at db_path into dest: a consistent
 * snapshot even while others write, written under a temporary name and moved
 * into place (replace: overwrite an existing dest). */
bool store_backup(const char *db_path, const char *dest, bool replace, int busy_timeout_ms,
                  char *err, size_t errlen);
/* Replaces the database at db_path by the ducha database src, atomically,
 * with an audit row 'restore' appended to src's chain. Refuses a src that is
 * not a ducha database, is of a newer schema, or fails the integrity, foreign
 * key or audit chain checks; refuses a db_path that exists and is not ducha's. */
bool store_restore(const char *db_path, const char *src, const actor *who, int busy_timeout_ms,
                   char *err, size_t errlen);
/* backup --force over an existing file: the 'backup' audit row saying so. */
bool store_audit_backup(store *s, const actor *who, const char *dest);
/* Removes what a restore killed half-way left beside db_path. */
void store_clean_stale(const char *db_path);

/* --- A read snapshot (src/store/store.c) --------------------------------- */

/* A read transaction: every query until store_read_end sees one snapshot of
 * the database, whatever others save meanwhile (a summary's numbers and the
 * audit head in its footer then describe the same state). */
bool store_read_begin(store *s);
void store_read_end(store *s);
#endif
