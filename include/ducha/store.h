#ifndef DUCHA_STORE_H
#define DUCHA_STORE_H
/* Every query the program makes. Callers get model structs, never SQL. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/model.h"

enum { STORE_SCHEMA_VERSION = 1, STORE_APPLICATION_ID = 0x44554348 };

typedef struct store store;

typedef struct actor {
	char user[65];
	role role;
	char agency[101];            /* for ROLE_REPORTER */
} actor;

enum { STORE_READONLY = 1, STORE_CREATE = 2 };

/* Opens and checks a database: refuses a file that is not ducha's or is of a
 * newer schema, and migrates an older one. */
store *store_open(const char *path, int flags, int busy_timeout_ms, char *err, size_t errlen);
void   store_close(store *s);
const char *store_error(const store *s);
bool   store_is_readonly(const store *s);

/* Whether the database already holds a plan. */
bool store_has_data(store *s, bool *has);
/* Creates the schema (if needed) and loads the built-in plan, in one transaction. */
bool store_init_builtin(store *s, const actor *who);

/* The plan named by code, or the first plan when code is NULL or "". */
bool store_plan(store *s, const char *code, plan_rec *out);

typedef struct task_filter {
	int area;                    /* 0: any */
	int64_t agency_id;           /* 0: any */
	const char *role;            /* NULL, "lead" or "support" (with agency_id) */
} task_filter;

/* Tasks of a plan in number order; *out is malloc'd. */
bool store_tasks(store *s, int64_t plan_id, const task_filter *f, task_rec **out, int *n);
/* One task with indicators, reports and notes. Returns false and sets
 * *found = false when no such task. */
bool store_task_detail(store *s, int64_t plan_id, int num, task_detail *out, bool *found);
/* Agencies named in the plan, with lead/support counts, in name order. */
bool store_agencies(store *s, int64_t plan_id, agency_rec **out, int *n);
bool store_agency_find(store *s, const char *name, int64_t *id, bool *found);

typedef struct report_input {
	int64_t task_id;
	char period[8];
	const char *status;          /* NULL: keep (or in-progress when new) */
	const char *note;            /* NULL: keep */
	int nvalues;
	const int64_t *indicator_ids;
	const double *values;
	bool demo;
} report_input;

/* Records (or amends) the report of a task for a quarter, with its audit row. */
bool store_save_report(store *s, const actor *who, const report_input *in);
bool store_add_note(store *s, const actor *who, int64_t task_id, const char *kind,
                    const char *text, bool demo);

typedef struct audit_rec {
	int64_t id;
	char *at, *user, *role, *action, *object, *old, *new_value, *hash;
} audit_rec;
void store_audit_free(audit_rec *a);
/* Audit rows, oldest first; object_prefix filters (e.g. "task 15"), NULL for all. */
bool store_audit(store *s, const char *object_prefix, audit_rec **out, int *n);

/* Integrity, foreign keys and the audit chain. Each problem is passed to
 * report(); returns false when the checks could not run. */
bool store_check(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
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
#endif
