/* Shared by the store's own files only. */
#ifndef DUCHA_STORE_INTERNAL_H
#define DUCHA_STORE_INTERNAL_H
#include <sys/types.h>

#include "ducha/db.h"
#include "ducha/store.h"

enum { STORE_OWN_AUDIT = 64 };

struct store {
	db *db;
	store_failure failure;
	char *theirs;                /* JSON of the other side of a conflict */
	bool snapshot;               /* opened immutable: see store_open */
	char *path;                  /* as opened, for the anchor and the replaced-file check */
	dev_t dev;                   /* the file opened: a write refuses another one */
	ino_t ino;
	/* The audit rows this connection wrote lately (a ring), so that a
	 * screen following the trail tells its own saves from others'. */
	int64_t own_audit[STORE_OWN_AUDIT];
	int own_count, own_committed;
};

/* The columns every task read selects (read by store_read_task), from
 * task t joined to its measure m and area a. */
#define STORE_TASK_COLUMNS \
	"SELECT t.id, t.num, a.num, a.short, a.title, m.num, m.title, t.text, t.deadline," \
	"  (SELECT group_concat(value, ',') FROM json_each(t.dues)), t.due, t.status, t.version," \
	"  (SELECT group_concat(g.name, ';') FROM (SELECT g.name FROM task_agency x" \
	"     JOIN agency g ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'lead'" \
	"     ORDER BY x.ord) AS g)," \
	"  (SELECT group_concat(g.name, ';') FROM (SELECT g.name FROM task_agency x" \
	"     JOIN agency g ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'support'" \
	"     ORDER BY x.ord) AS g)," \
	"  t.accepted_by, t.accepted_at" \
	" FROM task t JOIN measure m ON m.id = t.measure_id JOIN area a ON a.id = m.area_id"

void store_read_task(db_stmt *q, task_rec *t);

/* A write's transaction (src/store/write.c): BEGIN IMMEDIATE after checking
 * the file is still the one opened; then COMMIT, or ROLLBACK with the error
 * kept (store_last_failure). */
bool store_tx_begin(store *s);
bool store_tx_finish(store *s, bool ok);
/* The task's trail object ("task 5", "plan CODE task 5") with a suffix. */
bool store_task_object(store *s, int64_t task_id, const char *suffix, char *out, size_t len);
/* Due dates (day numbers, ascending) as a JSON array. malloc'd. */
char *store_dues_json(store *s, const int *dues, int n);

/* The SQL of the hot queries, defined beside the functions that run them
 * and listed by store_hot_sql() (hot.c) for the query-plan test. */
extern const char store_sql_plan[], store_sql_agencies[], store_sql_agency_find[];
extern const char store_sql_areas[], store_sql_agency_tasks[], store_sql_agency_names[], store_sql_search[];
extern const char store_sql_details_tasks[], store_sql_details_indicators[], store_sql_details_report_heads[],
	store_sql_details_report_texts[], store_sql_details_values[], store_sql_details_notes[];
extern const char store_sql_audit_next[], store_sql_report_json[], store_sql_find_report[],
	store_sql_report_update[], store_sql_report_insert[], store_sql_value_upsert[], store_sql_task_object[],
	store_sql_audit_head[];

/* How the audit trail names a plan's tasks, up to the number: "task " in
 * the first plan, "plan CODE task " in any other, so `log TASK` never mixes
 * plans. plan and code: SQL for the plan's id and code. */
#define STORE_SQL_TASK_PREFIX(plan, code) \
	"(CASE WHEN " plan " = (SELECT min(id) FROM plan) THEN '' ELSE 'plan ' || " code " || ' ' END || 'task ')"

/* The id of the trail's last init or reinit (0: none): one index lookup
 * per action, however long the trail. */
#define STORE_SQL_LAST_INIT \
	"(SELECT coalesce(max(id), 0) FROM (SELECT max(id) AS id FROM audit WHERE action = 'init'" \
	" UNION ALL SELECT max(id) FROM audit WHERE action = 'reinit'))"
/* The rows of an object and of the objects below it ("task 5", "task 5
 * report 2017Q3"): a range of the index by object, :object given, :below
 * its prefix for the ones below ("task 5 "). */
#define STORE_SQL_OBJECT_RANGE(col) \
	"(" col " = :object OR (" col " >= :below AND " col " < :below || x'ff'))"

extern const char store_sql_report_steps[], store_sql_audit_of[], store_sql_search_short[];
extern const char store_sql_audit_last[], store_sql_task_object_prefix[], store_sql_changes_after[];

/* The filter of task lists: a plan, and optionally an area, an agency (in
 * a role) and a due year; binds :plan, :area, :agency, :role, :year
 * (store_bind_filter). The year test reads the task's own dues array: a
 * yearly task (2016年、2017年) belongs to each year it names. */
/* A task filter comes in four shapes (store_filter_shape), each its own
 * statement that SQLite drives from the index the filter names: an area's
 * tasks through its measures (task_measure), an agency's through
 * task_agency_by_agency. One statement with "(:area = 0 OR …)" for all of
 * them read the whole plan for each (issue 17). Appended after the FROM
 * task t JOIN measure m JOIN area a of the query. */
#define STORE_FILTER_AGENCY_JOIN \
	" JOIN task_agency y ON y.task_id = t.id AND y.agency_id = :agency AND (:role IS NULL OR y.role = :role)"
#define STORE_FILTER_PLAN " WHERE t.plan_id = :plan"
/* "+t.plan_id": not by the plan's index, which would read the whole plan in
 * number order. */
#define STORE_FILTER_AREA " WHERE a.plan_id = :plan AND a.num = :area AND +t.plan_id = :plan"
#define STORE_FILTER_AGENCY_PLAN " WHERE +t.plan_id = :plan"
#define STORE_FILTER_YEAR \
	"   AND (:year = 0 OR EXISTS (SELECT 1 FROM json_each(t.dues)" \
	"        WHERE substr(value, 1, 4) = printf('%04d', :year)))"
/* The four, in store_filter_shape's order: whole plan, an area, an agency,
 * an agency within an area. */
#define STORE_FILTER_SHAPE_0(prefix, suffix) prefix STORE_FILTER_PLAN STORE_FILTER_YEAR suffix
#define STORE_FILTER_SHAPE_1(prefix, suffix) prefix STORE_FILTER_AREA STORE_FILTER_YEAR suffix
#define STORE_FILTER_SHAPE_2(prefix, suffix) prefix STORE_FILTER_AGENCY_JOIN STORE_FILTER_AGENCY_PLAN STORE_FILTER_YEAR suffix
#define STORE_FILTER_SHAPE_3(prefix, suffix) prefix STORE_FILTER_AGENCY_JOIN STORE_FILTER_AREA STORE_FILTER_YEAR suffix
enum { STORE_FILTER_SHAPE_COUNT = 4 };
extern const char store_sql_tasks_plan[], store_sql_tasks_area[], store_sql_tasks_agency[],
	store_sql_tasks_area_agency[];
extern const char store_sql_nums_plan[], store_sql_nums_area[], store_sql_nums_agency[], store_sql_nums_area_agency[];
/* Which of the four a filter takes (NULL: the whole plan). */
int store_filter_shape(const task_filter *f);

bool store_bind_filter(db_stmt *q, int64_t plan_id, const task_filter *f);

/* A plan row: id, code, title, issuer, starts, ends (in that order). */
void store_read_plan(db_stmt *q, plan_rec *p);

/* An existing non-empty file must start with SQLite's header. */
bool store_looks_like_sqlite(const char *path, char *err, size_t errlen);
/* The shipped schema (db/schema.sql, db/audit.sql) into an empty database. */
bool store_apply_schema(db *d);
/* SHA-256 of every plan's definition, as 'init', 'import' and 'migrate' record it. */
bool store_definition_digest(store *s, char hex[65]);
/* After a commit: the anchor file follows the trail (replace: even backwards,
 * after a restore). False when it could not be written. */
bool store_anchor_update(store *s, bool replace);
/* The anchor of the database at db_path (a backup's, a restored one's). */
bool store_anchor_write(const char *db_path, int64_t rows, const char *head, bool replace);
bool store_check_replay(store *s, void (*report)(void *ctx, const char *problem), void *ctx,
                        int *problems);

/* Appends an audit row chained to the previous one; inside a transaction. */
bool store_audit_append(store *s, const actor *who, const char *action, const char *object,
                        const char *old_json, const char *new_json);
#endif
