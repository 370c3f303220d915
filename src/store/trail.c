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
