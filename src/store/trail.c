/* Reads of the audit trail (留痕): its rows, for ducha log (appending is a
 * write: write.c; checking it: verify.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ducha/xalloc.h"

void store_audit_free(audit_rec *a)
{
	free(a->at);
	free(a->user);
	free(a->role);
	free(a->action);
	free(a->object);
	free(a->old);
	free(a->new_value);
	free(a->hash);
	memset(a, 0, sizeof *a);
}

static void read_audit(db_stmt *q, void *item, void *ctx)
{
	audit_rec *a = item;
	(void)ctx;
	a->id = db_col_int(q, 0);
	a->at = db_col_dup(q, 1);
	a->user = db_col_dup(q, 2);
	a->role = db_col_dup(q, 3);
	a->action = db_col_dup(q, 4);
	a->object = db_col_dup(q, 5);
	a->old = db_col_dup(q, 6);
	a->new_value = db_col_dup(q, 7);
	a->hash = db_col_dup(q, 8);
}

#define AUDIT_COLUMNS_READ "SELECT id, at, user, role, action, object, coalesce(old, ''), coalesce(new, ''), hash FROM audit"

const char store_sql_audit_of[] = AUDIT_COLUMNS_READ " WHERE " STORE_SQL_OBJECT_RANGE("object") " ORDER BY id";

bool store_audit(store *s, const char *object_prefix, audit_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, object_prefix ? store_sql_audit_of : AUDIT_COLUMNS_READ " ORDER BY id");
	if (!q)
		return false;
	if (object_prefix) {
		char *below = xasprintf("%s ", object_prefix);
		bool ok = db_bind_text(q, ":object", object_prefix) && db_bind_text(q, ":below", below);
		free(below);
		if (!ok)
			return false;
	}
	return db_collect(q, out, n, sizeof **out, read_audit, NULL);
}

static void read_step(db_stmt *q, void *item, void *ctx)
{
	report_step *st = item;
	(void)ctx;
	snprintf(st->period, sizeof st->period, "%s", db_col_text(q, 6));
	snprintf(st->at, sizeof st->at, "%s", db_col_text(q, 0));
	snprintf(st->user, sizeof st->user, "%s", db_col_text(q, 1));
	snprintf(st->action, sizeof st->action, "%s", db_col_text(q, 2));
	snprintf(st->state, sizeof st->state, "%s", db_col_text(q, 3));
	snprintf(st->old_state, sizeof st->old_state, "%s", db_col_text(q, 4));
	st->why = db_col_dup(q, 5);
}

const char store_sql_report_steps[] =
	"SELECT at, user, action, coalesce(json_extract(new, '$.state'), 'submitted'),"
	"       CASE WHEN old IS NULL THEN '' ELSE coalesce(json_extract(old, '$.state'), 'submitted') END,"
	"       coalesce(json_extract(new, '$.why'), ''), substr(object, length(:below) + 1)"
	"  FROM audit WHERE object >= :below AND object < :below || x'ff'"
	/* '+': these narrow the rows the object's range gives, never choose the
	 * index (by action they would read every report row of the trail). */
	"   AND +action IN ('report', 'review', 'reopen', 'conflict')"
	"   AND +id > " STORE_SQL_LAST_INIT " ORDER BY id";

bool store_report_steps(store *s, int64_t plan_id, int num, report_step **out, int *n)
{
	char object[320];
	*out = NULL;
	*n = 0;
	if (!store_task_object_name(s, plan_id, num, object, sizeof object - 40))
		return false;
	size_t len = strlen(object);
	snprintf(object + len, sizeof object - len, " report ");
	db_stmt *q = db_prepare(s->db, store_sql_report_steps);
	return q && db_bind_text(q, ":below", object) && db_collect(q, out, n, sizeof **out, read_step, NULL);
}

void store_report_steps_free(report_step *steps, int n)
{
	for (int i = 0; i < n; i++)
		free(steps[i].why);
	free(steps);
}

/* --- what others changed ------------------------------------------------------ */

bool store_data_version(store *s, int64_t *version)
{
	return db_pragma_int(s->db, "data_version", version);
}

const char store_sql_audit_last[] = "SELECT coalesce(max(id), 0) FROM audit";

bool store_audit_last(store *s, int64_t *id)
{
	db_stmt *q = db_prepare(s->db, store_sql_audit_last);
	bool found = false;
	return q && db_one_int(q, id, &found);
}

const char store_sql_task_object_prefix[] =
	"SELECT " STORE_SQL_TASK_PREFIX("id", "code") " FROM plan WHERE id = :plan";
/* A screenful of news at most: more than this and the screen is read afresh. */
const char store_sql_changes_after[] =
	"SELECT id, user, role, action, object FROM audit WHERE id > :after ORDER BY id LIMIT " STORE_CHANGES_MAX_TEXT;

typedef struct change_ctx {
	const char *prefix;
} change_ctx;

/* "task 13 report 2017Q4": task 13, period 2017Q4, when the prefix is this plan's. */
static void parse_object(const char *object, const char *prefix, store_change *c)
{
	size_t len = strlen(prefix);
	if (strncmp(object, prefix, len) != 0)
		return;
	char *end;
	long num = strtol(object + len, &end, 10);
	if (end == object + len || num <= 0 || num > 1000000 || (*end && *end != ' '))
		return;
	c->task = (int)num;
	const char *report = strstr(end, " report ");
	if (report)
		snprintf(c->period, sizeof c->period, "%.6s", report + 8);
}

static void read_change(db_stmt *q, void *item, void *ctx)
{
	store_change *c = item;
	const change_ctx *x = ctx;
	c->id = db_col_int(q, 0);
	snprintf(c->user, sizeof c->user, "%s", db_col_text(q, 1));
	snprintf(c->role, sizeof c->role, "%s", db_col_text(q, 2));
	snprintf(c->action, sizeof c->action, "%s", db_col_text(q, 3));
	parse_object(db_col_text(q, 4), x->prefix, c);
}

static bool own_row(const store *s, int64_t id)
{
	int from = s->own_committed > STORE_OWN_AUDIT ? s->own_committed - STORE_OWN_AUDIT : 0;
	for (int i = from; i < s->own_committed; i++)
		if (s->own_audit[i % STORE_OWN_AUDIT] == id)
			return true;
	return false;
}

bool store_changes_after(store *s, int64_t plan_id, int64_t after, store_change **out, int *n)
{
	char prefix[300];
	bool found = false;
	*out = NULL;
	*n = 0;
	db_stmt *p = db_prepare(s->db, store_sql_task_object_prefix);
	if (!p || !db_bind_int(p, ":plan", plan_id) || !db_one_text(p, prefix, sizeof prefix, &found))
		return false;
	db_stmt *q = db_prepare(s->db, store_sql_changes_after);
	change_ctx x = { found ? prefix : "\x01" };
	if (!q || !db_bind_int(q, ":after", after) || !db_collect(q, out, n, sizeof **out, read_change, &x))
		return false;
	for (int i = 0; i < *n; i++)
		(*out)[i].own = own_row(s, (*out)[i].id);
	return true;
}
