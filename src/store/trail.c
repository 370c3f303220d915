/* Reads of the audit trail (留痕): its rows, for ducha log (appending is a
 * write: write.c; checking it: verify.c). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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

bool store_audit(store *s, const char *object_prefix, audit_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, at, user, role, action, object, coalesce(old, ''), coalesce(new, ''), hash"
		"  FROM audit WHERE :prefix IS NULL OR object = :prefix"
		"     OR substr(object, 1, length(:prefix) + 1) = :prefix || ' '"
		" ORDER BY id");
	if (!q || !db_bind_text(q, ":prefix", object_prefix))
		return false;
	return db_collect(q, out, n, sizeof **out, read_audit, NULL);
}
