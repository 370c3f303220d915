/* Writes. Each is one short BEGIN IMMEDIATE transaction with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/audit.h"
#include "internal.h"


bool store_audit_append(store *s, const actor *who, const char *action, const char *object,
                        const char *old_json, const char *new_json)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT coalesce(max(id), 0) + 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
		"       (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) FROM audit");
	if (!q || db_step(s->db, q) != 1)
		return false;
	int64_t id = db_col_int(q, 0);
	char *at = db_col_dup(q, 1);
	char prev[AUDIT_HASH_HEX];
	snprintf(prev, sizeof prev, "%s", db_col_is_null(q, 2) ? audit_genesis_hash : db_col_text(q, 2));
	db_reset(q);

	q = db_prepare(s->db, "SELECT json_array(:id, :at, :user, :role, :action, :object,"
	                      " json(:old), json(:new))");
	bool ok = q && db_bind_int(s->db, q, ":id", id) && db_bind_text(s->db, q, ":at", at) &&
	          db_bind_text(s->db, q, ":user", who->user) &&
	          db_bind_text(s->db, q, ":role", model_role_name(who->role)) &&
	          db_bind_text(s->db, q, ":action", action) &&
	          db_bind_text(s->db, q, ":object", object) &&
	          db_bind_text(s->db, q, ":old", old_json) && db_bind_text(s->db, q, ":new", new_json) &&
	          db_step(s->db, q) == 1;
	char hash[AUDIT_HASH_HEX];
	if (ok)
		audit_hash(prev, db_col_text(q, 0), hash);
	if (q)
		db_reset(q);
	if (ok) {
		q = db_prepare(s->db,
			"INSERT INTO audit (id, at, user, role, action, object, old, new, prev_hash, hash)"
			" VALUES (:id, :at, :user, :role, :action, :object, :old, :new, :prev, :hash)");
		ok = q && db_bind_int(s->db, q, ":id", id) && db_bind_text(s->db, q, ":at", at) &&
		     db_bind_text(s->db, q, ":user", who->user) &&
		     db_bind_text(s->db, q, ":role", model_role_name(who->role)) &&
		     db_bind_text(s->db, q, ":action", action) &&
		     db_bind_text(s->db, q, ":object", object) &&
		     db_bind_text(s->db, q, ":old", old_json) && db_bind_text(s->db, q, ":new", new_json) &&
		     db_bind_text(s->db, q, ":prev", prev) && db_bind_text(s->db, q, ":hash", hash) &&
		     db_run(s->db, q);
	}
	free(at);
	return ok;
}

/* A report as JSON, for the audit trail; NULL when there is none. */
static char *report_json(store *s, int64_t report_id)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT json_object('period', r.period, 'status', r.status, 'note', r.note,"
		"  'values', (SELECT json_group_object(i.name, v.value) FROM report_value v"
		"             JOIN indicator i ON i.id = v.indicator_id WHERE v.report_id = r.id),"
		"  'version', r.version)"
		" FROM report r WHERE r.id = :id");
	if (!q || !db_bind_int(s->db, q, ":id", report_id))
		return NULL;
	char *out = db_step(s->db, q) == 1 ? db_col_dup(q, 0) : NULL;
	db_reset(q);
	return out;
}

static bool find_report(store *s, const report_input *in, int64_t *id)
{
	db_stmt *q = db_prepare(s->db, "SELECT id FROM report WHERE task_id = :task AND period = :period");
	if (!q || !db_bind_int(s->db, q, ":task", in->task_id) ||
	    !db_bind_text(s->db, q, ":period", in->period))
		return false;
	int rc = db_step(s->db, q);
	*id = rc == 1 ? db_col_int(q, 0) : 0;
	db_reset(q);
	return rc >= 0;
}

static bool upsert_report(store *s, const actor *who, const report_input *in, int64_t *id)
{
	db_stmt *q;
	if (*id) {
		q = db_prepare(s->db,
			"UPDATE report SET status = coalesce(:status, status), note = coalesce(:note, note),"
			"  author = :author, created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
			"  version = version + 1 WHERE id = :id");
		return q && db_bind_text(s->db, q, ":status", in->status) &&
		       db_bind_text(s->db, q, ":note", in->note) &&
		       db_bind_text(s->db, q, ":author", who->user) && db_bind_int(s->db, q, ":id", *id) &&
		       db_run(s->db, q);
	}
	q = db_prepare(s->db,
		"INSERT INTO report (task_id, period, status, note, author, created, demo)"
		" VALUES (:task, :period, coalesce(:status, 'in-progress'), coalesce(:note, ''), :author,"
		"         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), :demo)");
	if (!q || !db_bind_int(s->db, q, ":task", in->task_id) ||
	    !db_bind_text(s->db, q, ":period", in->period) ||
	    !db_bind_text(s->db, q, ":status", in->status) || !db_bind_text(s->db, q, ":note", in->note) ||
	    !db_bind_text(s->db, q, ":author", who->user) || !db_bind_int(s->db, q, ":demo", in->demo) ||
	    !db_run(s->db, q))
		return false;
	*id = db_last_id(s->db);
	return true;
}

static bool save_values(store *s, const report_input *in, int64_t report_id)
{
	db_stmt *q = db_prepare(s->db,
		"INSERT INTO report_value (report_id, indicator_id, value)"
		" SELECT :report, id, :value FROM indicator WHERE id = :indicator AND task_id = :task"
		" ON CONFLICT (report_id, indicator_id) DO UPDATE SET value = excluded.value");
	for (int i = 0; i < in->nvalues; i++) {
		if (!q || !db_bind_int(s->db, q, ":report", report_id) ||
		    !db_bind_double(s->db, q, ":value", in->values[i]) ||
		    !db_bind_int(s->db, q, ":indicator", in->indicator_ids[i]) ||
		    !db_bind_int(s->db, q, ":task", in->task_id) || !db_run(s->db, q))
			return false;
		if (db_changes(s->db) != 1) {
			db_fail(s->db, "指标 %lld 不属于该任务", (long long)in->indicator_ids[i]);
			return false;
		}
	}
	return true;
}

static bool task_object(store *s, int64_t task_id, const char *suffix, char *out, size_t len)
{
	db_stmt *q = db_prepare(s->db, "SELECT num FROM task WHERE id = :id");
	if (!q || !db_bind_int(s->db, q, ":id", task_id))
		return false;
	int rc = db_step(s->db, q);
	if (rc == 1)
		snprintf(out, len, "task %lld%s%s", (long long)db_col_int(q, 0), *suffix ? " " : "", suffix);
	else if (rc == 0)
		db_fail(s->db, "任务不存在");
	db_reset(q);
	return rc == 1;
}

static bool finish(store *s, bool ok)
{
	if (ok && db_commit(s->db))
		return true;
	char keep[512];
	snprintf(keep, sizeof keep, "%s", db_error(s->db));
	db_rollback(s->db);
	db_fail(s->db, "%s", keep);
	return false;
}

bool store_save_report(store *s, const actor *who, const report_input *in)
{
	int64_t id = 0;
	char *old = NULL, *new_json = NULL;
	char object[64], suffix[32];
	snprintf(suffix, sizeof suffix, "report %s", in->period);
	if (!db_begin(s->db))
		return false;
	bool ok = task_object(s, in->task_id, suffix, object, sizeof object) && find_report(s, in, &id);
	if (ok && id)
		ok = (old = report_json(s, id)) != NULL;
	ok = ok && upsert_report(s, who, in, &id) && save_values(s, in, id) &&
	     (new_json = report_json(s, id)) != NULL &&
	     store_audit_append(s, who, "report", object, old, new_json);
	free(old);
	free(new_json);
	return finish(s, ok);
}

bool store_add_note(store *s, const actor *who, int64_t task_id, const char *kind,
                    const char *text, bool demo)
{
	char object[64];
	if (!db_begin(s->db))
		return false;
	bool ok = task_object(s, task_id, "note", object, sizeof object);
	db_stmt *q = ok ? db_prepare(s->db,
		"INSERT INTO note (task_id, kind, text, author, created, demo)"
		" VALUES (:task, :kind, :text, :author, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), :demo)") : NULL;
	ok = ok && q && db_bind_int(s->db, q, ":task", task_id) && db_bind_text(s->db, q, ":kind", kind) &&
	     db_bind_text(s->db, q, ":text", text) && db_bind_text(s->db, q, ":author", who->user) &&
	     db_bind_int(s->db, q, ":demo", demo) && db_run(s->db, q);
	char *new_json = NULL;
	if (ok) {
		q = db_prepare(s->db, "SELECT json_object('id', id, 'kind', kind, 'text', text) FROM note WHERE id = :id");
		ok = q && db_bind_int(s->db, q, ":id", db_last_id(s->db)) && db_step(s->db, q) == 1;
		if (ok)
			new_json = db_col_dup(q, 0);
		if (q)
			db_reset(q);
	}
	ok = ok && store_audit_append(s, who, "note", object, NULL, new_json);
	free(new_json);
	return finish(s, ok);
}

static int check_rows(store *s, const char *sql, const char *label,
                      void (*report)(void *, const char *), void *ctx, bool *ran)
{
	db_stmt *q = db_prepare(s->db, sql);
	int problems = 0, rc;
	if (!q) {
		*ran = false;
		return 0;
	}
	while ((rc = db_step(s->db, q)) == 1) {
		const char *v = db_col_text(q, 0);
		if (strcmp(v, "ok") == 0)
			continue;
		char msg[600];
		snprintf(msg, sizeof msg, "%s: %s", label, v);
		report(ctx, msg);
		problems++;
	}
	db_reset(q);
	if (rc < 0)
		*ran = false;
	return problems;
}

static int check_chain(store *s, void (*report)(void *, const char *), void *ctx, bool *ran)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT id, json_array(id, at, user, role, action, object, json(old), json(new)),"
		"       prev_hash, hash FROM audit ORDER BY id");
	if (!q) {
		*ran = false;
		return 0;
	}
	char prev[AUDIT_HASH_HEX];
	snprintf(prev, sizeof prev, "%s", audit_genesis_hash);
	int rc;
	while ((rc = db_step(s->db, q)) == 1) {
		char hash[AUDIT_HASH_HEX], msg[300];
		long long id = (long long)db_col_int(q, 0);
		audit_hash(prev, db_col_text(q, 1), hash);
		if (strcmp(prev, db_col_text(q, 2)) != 0 || strcmp(hash, db_col_text(q, 3)) != 0) {
			snprintf(msg, sizeof msg, "留痕链在第 %lld 行断开：该行内容或哈希与前一行不符", id);
			report(ctx, msg);
			db_reset(q);
			return 1;
		}
		snprintf(prev, sizeof prev, "%s", hash);
	}
	db_reset(q);
	if (rc < 0)
		*ran = false;
	return 0;
}

bool store_check(store *s, void (*report)(void *ctx, const char *problem), void *ctx, int *problems)
{
	bool ran = true;
	*problems = check_rows(s, "PRAGMA integrity_check", "integrity_check", report, ctx, &ran);
	*problems += check_rows(s,
		"SELECT 'table ' || \"table\" || ' rowid ' || coalesce(rowid, '?') || ' → ' || parent"
		"  FROM pragma_foreign_key_check", "foreign_key_check", report, ctx, &ran);
	*problems += check_chain(s, report, ctx, &ran);
	return ran;
}
