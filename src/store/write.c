/* Writes. Each is one short BEGIN IMMEDIATE transaction with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/audit.h"
#include "ducha/date.h"
#include "internal.h"
#include "ducha/xalloc.h"

/* The permission rules again, inside the SQL that writes: a row is written
 * only when they hold (binds :role, :agency, :task). See permission.c. */
#define AGENCY_IS(role) \
	"EXISTS (SELECT 1 FROM task_agency x JOIN agency g ON g.id = x.agency_id" \
	" WHERE x.task_id = :task AND g.name = :agency AND x.role = '" role "')"
/* Figures and status: the lead agencies only. */
#define MAY_REPORT "(:role = 'admin' OR (:role = 'reporter' AND " AGENCY_IS("lead") "))"
/* 进展情况 by a lead agency, 配合情况 by a supporting one, 督查意见 by an inspector. */
#define MAY_NOTE \
	"(:role = 'admin' OR (:kind = 'comment' AND :role = 'inspector')" \
	" OR (:kind = 'progress' AND :role = 'reporter' AND " AGENCY_IS("lead") ")" \
	" OR (:kind = 'support' AND :role = 'reporter' AND " AGENCY_IS("support") "))"
/* 审核, 重新打开, 销号 and its undoing. */
#define MAY_ACCEPT "(:role IN ('admin', 'inspector'))"
#define MAY_REVIEW MAY_ACCEPT

static bool bind_actor(db_stmt *q, const actor *who)
{
	return db_bind_text(q, ":role", model_role_name(who->role)) &&
	       (!db_has_param(q, ":agency") || db_bind_text(q, ":agency", who->agency));
}

static bool denied(store *s, const char *what)
{
	db_fail(s->db, "数据库拒绝了这次%s：当前用户无此权限", what);
	s->failure = STORE_FAIL_DENIED;
	return false;
}


/* The newest row by its primary key: max(id) is one seek, not a scan. */
const char store_sql_audit_next[] =
	"SELECT coalesce(max(id), 0) + 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
	"       (SELECT hash FROM audit WHERE id = (SELECT max(id) FROM audit)) FROM audit";

bool store_audit_append(store *s, const actor *who, const char *action, const char *object,
                        const char *old_json, const char *new_json)
{
	db_stmt *q = db_prepare(s->db, store_sql_audit_next);
	if (!q || db_step(q) != 1)
		return false;
	int64_t id = db_col_int(q, 0);
	char *at = db_col_dup(q, 1);
	char prev[AUDIT_HASH_HEX];
	snprintf(prev, sizeof prev, "%s", db_col_is_null(q, 2) ? audit_genesis_hash : db_col_text(q, 2));
	db_reset(q);

	q = db_prepare(s->db, "SELECT json_array(:id, :at, :user, :role, :action, :object,"
	                      " json(:old), json(:new))");
	bool ok = q && db_bind_int(q, ":id", id) && db_bind_text(q, ":at", at) &&
	          db_bind_text(q, ":user", who->user) &&
	          db_bind_text(q, ":role", model_role_name(who->role)) &&
	          db_bind_text(q, ":action", action) &&
	          db_bind_text(q, ":object", object) &&
	          db_bind_text(q, ":old", old_json) && db_bind_text(q, ":new", new_json) &&
	          db_step(q) == 1;
	char hash[AUDIT_HASH_HEX];
	if (ok)
		audit_hash(prev, db_col_text(q, 0), hash);
	if (q)
		db_reset(q);
	if (ok) {
		q = db_prepare(s->db,
			"INSERT INTO audit (id, at, user, role, action, object, old, new, prev_hash, hash)"
			" VALUES (:id, :at, :user, :role, :action, :object, :old, :new, :prev, :hash)");
		ok = q && db_bind_int(q, ":id", id) && db_bind_text(q, ":at", at) &&
		     db_bind_text(q, ":user", who->user) &&
		     db_bind_text(q, ":role", model_role_name(who->role)) &&
		     db_bind_text(q, ":action", action) &&
		     db_bind_text(q, ":object", object) &&
		     db_bind_text(q, ":old", old_json) && db_bind_text(q, ":new", new_json) &&
		     db_bind_text(q, ":prev", prev) && db_bind_text(q, ":hash", hash) &&
		     db_run(q);
	}
	free(at);
	if (ok)
		s->own_audit[s->own_count++ % STORE_OWN_AUDIT] = id;
	return ok;
}

/* What `check` replays a report from (verify.c compares each key). */
const char store_sql_report_json[] =
	"SELECT CASE WHEN :why IS NULL THEN j ELSE json_set(j, '$.why', :why) END FROM"
	" (SELECT json_object('period', r.period, 'status', r.status, 'note', r.note,"
	"  'values', (SELECT json_group_object(i.name, v.value) FROM report_value v"
	"             JOIN indicator i ON i.id = v.indicator_id WHERE v.report_id = r.id),"
	"  'version', r.version, 'state', r.state, 'reason', r.reason, 'late', r.late,"
	"  'reopened', r.reopened) AS j FROM report r WHERE r.id = :id)";

/* A report as JSON, for the audit trail, with why a step was taken (a
 * review's reason, a reopening's) when why is not NULL; NULL when there is
 * no such report. */
static char *report_json_why(store *s, int64_t report_id, const char *why)
{
	db_stmt *q = db_prepare(s->db, store_sql_report_json);
	if (!q || !db_bind_int(q, ":id", report_id) || !db_bind_text(q, ":why", why))
		return NULL;
	char *out = db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	db_reset(q);
	return out;
}

static char *report_json(store *s, int64_t report_id)
{
	return report_json_why(s, report_id, NULL);
}

const char store_sql_find_report[] =
	"SELECT id, version FROM report WHERE task_id = :task AND period = :period";

static bool find_report(store *s, const report_input *in, int64_t *id, int *version)
{
	db_stmt *q = db_prepare(s->db, store_sql_find_report);
	if (!q || !db_bind_int(q, ":task", in->task_id) ||
	    !db_bind_text(q, ":period", in->period))
		return false;
	int rc = db_step(q);
	*id = rc == 1 ? db_col_int(q, 0) : 0;
	*version = rc == 1 ? (int)db_col_int(q, 1) : 0;
	db_reset(q);
	return rc >= 0;
}

/* A save submits the report again (待审核): a review is of what was sent,
 * a reopening allows one submission, and a person's edit is no sample. */
const char store_sql_report_update[] =
	"UPDATE report SET status = coalesce(:status, status), note = coalesce(:note, note),"
	"  author = :author, created = coalesce(:created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), demo = :demo,"
	"  state = 'submitted', reason = '', reviewer = '', reviewed = '', reopened = 0,"
	"  version = version + 1 WHERE id = :id AND task_id = :task AND " MAY_REPORT;
const char store_sql_report_insert[] =
	"INSERT INTO report (task_id, period, status, note, author, created, demo, late)"
	" SELECT :task, :period, coalesce(:status, 'in-progress'), coalesce(:note, ''), :author,"
	"        coalesce(:created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), :demo, :late WHERE " MAY_REPORT;

static bool upsert_report(store *s, const actor *who, const report_input *in, int64_t *id)
{
	db_stmt *q;
	if (*id) {
		q = db_prepare(s->db, store_sql_report_update);
		if (!q || !db_bind_text(q, ":status", in->status) ||
		    !db_bind_text(q, ":note", in->note) || !db_bind_int(q, ":demo", in->demo) ||
		    !db_bind_text(q, ":created", in->demo ? in->created : NULL) ||
		    !db_bind_text(q, ":author", who->user) || !db_bind_int(q, ":id", *id) ||
		    !db_bind_int(q, ":task", in->task_id) || !bind_actor(q, who) || !db_run(q))
			return false;
		return db_changes(s->db) == 1 || denied(s, "填报");
	}
	q = db_prepare(s->db, store_sql_report_insert);
	if (!q || !db_bind_int(q, ":task", in->task_id) ||
	    !db_bind_text(q, ":period", in->period) ||
	    !db_bind_text(q, ":status", in->status) || !db_bind_text(q, ":note", in->note) ||
	    !db_bind_text(q, ":author", who->user) || !db_bind_int(q, ":demo", in->demo) ||
	    !db_bind_int(q, ":late", in->late) || !db_bind_text(q, ":created", in->demo ? in->created : NULL) ||
	    !bind_actor(q, who) || !db_run(q))
		return false;
	if (db_changes(s->db) != 1)
		return denied(s, "填报");
	*id = db_last_id(s->db);
	return true;
}

const char store_sql_value_upsert[] =
	"INSERT INTO report_value (report_id, indicator_id, value)"
	" SELECT :report, id, :value FROM indicator WHERE id = :indicator AND task_id = :task"
	" ON CONFLICT (report_id, indicator_id) DO UPDATE SET value = excluded.value";

static bool save_values(store *s, const report_input *in, int64_t report_id)
{
	db_stmt *q = db_prepare(s->db, store_sql_value_upsert);
	for (int i = 0; i < in->nvalues; i++) {
		if (!q || !db_bind_int(q, ":report", report_id) ||
		    !db_bind_double(q, ":value", in->values[i]) ||
		    !db_bind_int(q, ":indicator", in->indicator_ids[i]) ||
		    !db_bind_int(q, ":task", in->task_id) || !db_run(q))
			return false;
		if (db_changes(s->db) != 1) {
			db_fail(s->db, "指标 %lld 不属于该任务", (long long)in->indicator_ids[i]);
			return false;
		}
	}
	return true;
}

/* A task's audit object: "task N", or "plan CODE task N" outside the first plan. */
#define TASK_OBJECT_SQL \
	"SELECT " STORE_SQL_TASK_PREFIX("t.plan_id", "p.code") " || t.num FROM task t JOIN plan p ON p.id = t.plan_id"

const char store_sql_task_object[] =
	TASK_OBJECT_SQL " WHERE t.id = :id";

bool store_task_object(store *s, int64_t task_id, const char *suffix, char *out, size_t len)
{
	db_stmt *q = db_prepare(s->db, store_sql_task_object);
	if (!q || !db_bind_int(q, ":id", task_id))
		return false;
	int rc = db_step(q);
	if (rc == 1)
		snprintf(out, len, "%s%s%s", db_col_text(q, 0), *suffix ? " " : "", suffix);
	else if (rc == 0)
		db_fail(s->db, "任务不存在");
	db_reset(q);
	return rc == 1;
}

bool store_task_object_name(store *s, int64_t plan_id, int num, char *out, size_t len)
{
	db_stmt *q = db_prepare(s->db, TASK_OBJECT_SQL " WHERE t.plan_id = :plan AND t.num = :num");
	bool found = false;
	if (!q || !db_bind_int(q, ":plan", plan_id) || !db_bind_int(q, ":num", num) ||
	    !db_one_text(q, out, len, &found))
		return false;
	if (!found)
		db_fail(s->db, "没有序号为 %d 的任务", num);
	return found;
}

bool store_tx_finish(store *s, bool ok)
{
	if (ok && db_commit(s->db)) {
		s->own_committed = s->own_count;
		store_anchor_update(s, false);
		return true;
	}
	s->own_count = s->own_committed;
	bool busy = db_was_busy(s->db);
	char keep[512];
	snprintf(keep, sizeof keep, "%s", db_error(s->db));
	db_rollback(s->db);
	db_fail(s->db, "%s", keep);
	if (s->failure == STORE_FAIL_NONE)
		s->failure = busy ? STORE_FAIL_BUSY : STORE_FAIL_ERROR;
	return false;
}

bool store_tx_begin(store *s)
{
	s->failure = STORE_FAIL_NONE;
	free(s->theirs);
	s->theirs = NULL;
	if (!store_same_file(s))
		return false;
	if (db_begin(s->db))
		return true;
	s->failure = db_was_busy(s->db) ? STORE_FAIL_BUSY : STORE_FAIL_ERROR;
	return false;
}

store_failure store_last_failure(const store *s)
{
	return s->failure;
}

const char *store_conflict_theirs(const store *s)
{
	return s->theirs ? s->theirs : "null";
}

/* The user's input as JSON, so a conflict keeps it in the audit trail. */
static char *input_json(store *s, const report_input *in)
{
	json_field *vals = xcalloc((size_t)in->nvalues + 1, sizeof *vals);
	char **names = xcalloc((size_t)in->nvalues + 1, sizeof *names);
	db_stmt *q = db_prepare(s->db, "SELECT name FROM indicator WHERE id = :id");
	for (int i = 0; q && i < in->nvalues; i++) {
		db_bind_int(q, ":id", in->indicator_ids[i]);
		names[i] = db_step(q) == 1 ? db_col_dup(q, 0) : strdup("?");
		db_reset(q);
		vals[i] = (json_field){ names[i], JSON_REAL, NULL, 0, in->values[i] };
	}
	char *values = store_json_object(s, vals, in->nvalues);
	json_field f[] = {
		{ "period", JSON_TEXT, in->period, 0, 0 },
		{ "status", in->status ? JSON_TEXT : JSON_NULL, in->status, 0, 0 },
		{ "note", in->note ? JSON_TEXT : JSON_NULL, in->note, 0, 0 },
		{ "values", JSON_RAW, values ? values : "{}", 0, 0 },
		{ "expected_version", JSON_INT, NULL, in->expected_version, 0 },
	};
	char *out = store_json_object(s, f, 5);
	for (int i = 0; i < in->nvalues; i++)
		free(names[i]);
	free(names);
	free(vals);
	free(values);
	return out;
}

static bool version_moved(const report_input *in, int64_t id, int version)
{
	if (in->expected_version == STORE_ANY_VERSION)
		return false;
	if (in->expected_version == STORE_EXPECT_NEW)
		return id != 0;
	return id == 0 || version != in->expected_version;
}

/* Someone else saved first: keep their row, record ours beside it. */
static bool record_conflict(store *s, const actor *who, const report_input *in, int64_t id,
                            const char *object)
{
	char *mine = input_json(s, in);
	s->theirs = id ? report_json(s, id) : NULL;
	bool ok = mine && store_audit_append(s, who, "conflict", object, s->theirs, mine);
	free(mine);
	if (!ok || !db_commit(s->db)) {
		db_rollback(s->db);
		s->own_count = s->own_committed;
		s->failure = STORE_FAIL_ERROR;
		return false;
	}
	s->own_committed = s->own_count;
	store_anchor_update(s, false);
	db_fail(s->db, "保存冲突：%s 已被他人修改，你的输入未覆盖对方的内容", object);
	s->failure = STORE_FAIL_CONFLICT;
	return false;
}

/* The report, its values and its audit row, inside the caller's transaction. */
static bool write_report(store *s, const actor *who, const report_input *in, const char *object,
                         int64_t id)
{
	char *old = NULL, *new_json = NULL;
	bool ok = !id || (old = report_json(s, id)) != NULL;
	ok = ok && upsert_report(s, who, in, &id) && save_values(s, in, id) &&
	     (new_json = report_json(s, id)) != NULL &&
	     store_audit_append(s, who, "report", object, old, new_json);
	free(old);
	free(new_json);
	return ok;
}

bool store_save_report(store *s, const actor *who, const report_input *in)
{
	int64_t id = 0;
	int version = 0;
	char object[320], suffix[32];
	snprintf(suffix, sizeof suffix, "report %s", in->period);
	if (!store_tx_begin(s))
		return false;
	bool ok = store_task_object(s, in->task_id, suffix, object, sizeof object) &&
	          find_report(s, in, &id, &version);
	if (ok && version_moved(in, id, version))
		return record_conflict(s, who, in, id, object);
	ok = ok && write_report(s, who, in, object, id);
	return store_tx_finish(s, ok);
}

bool store_save_reports(store *s, const actor *who, const report_input *in, int n, int *failed)
{
	*failed = -1;
	if (!store_tx_begin(s))
		return false;
	bool ok = true;
	for (int i = 0; ok && i < n; i++) {
		int64_t id = 0;
		int version = 0;
		char object[320], suffix[32];
		snprintf(suffix, sizeof suffix, "report %s", in[i].period);
		ok = store_task_object(s, in[i].task_id, suffix, object, sizeof object) &&
		     find_report(s, &in[i], &id, &version);
		/* All or nothing: a moved version fails the batch instead of being recorded. */
		if (ok && version_moved(&in[i], id, version)) {
			db_fail(s->db, "保存冲突：%s 已被他人修改", object);
			s->failure = STORE_FAIL_CONFLICT;
			ok = false;
		}
		ok = ok && write_report(s, who, &in[i], object, id);
		if (!ok)
			*failed = i;
	}
	return store_tx_finish(s, ok);
}

static char *note_json(store *s, int64_t note_id);

bool store_add_note(store *s, const actor *who, int64_t task_id, const char *kind,
                    const char *text, bool demo)
{
	return store_add_note_at(s, who, task_id, kind, text, demo, NULL);
}

bool store_add_note_at(store *s, const actor *who, int64_t task_id, const char *kind, const char *text, bool demo,
                       const char *at)
{
	char object[320];
	if (!store_tx_begin(s))
		return false;
	bool ok = store_task_object(s, task_id, "note", object, sizeof object);
	db_stmt *q = ok ? db_prepare(s->db,
		"INSERT INTO note (task_id, kind, text, author, created, demo)"
		" SELECT :task, :kind, :text, :author, coalesce(:at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), :demo"
		"  WHERE " MAY_NOTE) : NULL;
	ok = ok && q && db_bind_int(q, ":task", task_id) && db_bind_text(q, ":kind", kind) &&
	     db_bind_text(q, ":text", text) && db_bind_text(q, ":author", who->user) &&
	     db_bind_int(q, ":demo", demo) && db_bind_text(q, ":at", at) && bind_actor(q, who) && db_run(q);
	if (ok && db_changes(s->db) != 1)
		ok = denied(s, "记录");
	char *new_json = NULL;
	if (ok) {
		new_json = note_json(s, db_last_id(s->db));
		ok = new_json != NULL;
	}
	ok = ok && store_audit_append(s, who, "note", object, NULL, new_json);
	free(new_json);
	return store_tx_finish(s, ok);
}

#define ALIAS_JSON \
	"SELECT json_object('alias', a.alias, 'agency', g.name) FROM agency_alias a JOIN agency g ON g.id = a.agency_id" \
	" WHERE a.alias = :alias"

static char *alias_json(store *s, const char *alias)
{
	db_stmt *q = db_prepare(s->db, ALIAS_JSON);
	char *json = q && db_bind_text(q, ":alias", alias) && db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	return json;
}

static bool name_taken(store *s, const char *alias)
{
	db_stmt *q = db_prepare(s->db, "SELECT 1 FROM agency WHERE name = :alias");
	bool taken = q && db_bind_text(q, ":alias", alias) && db_step(q) == 1;
	if (q)
		db_reset(q);
	return taken;
}

static bool set_alias(store *s, const actor *who, const char *agency, const char *alias)
{
	if (who->role != ROLE_ADMIN)
		return denied(s, "别名设置");
	char *old_json = alias_json(s, alias), object[160];
	snprintf(object, sizeof object, "alias %s", alias);
	bool ok = true;
	if (agency && name_taken(s, alias)) {
		db_fail(s->db, "“%s”本身就是一个单位的名称，不能再作别名", alias);
		ok = false;
	} else if (agency && old_json) {
		db_fail(s->db, "“%s”已经是另一个单位的别名（先用 --unalias 取消）", alias);
		ok = false;
	} else if (!agency && !old_json) {
		db_fail(s->db, "没有“%s”这个别名", alias);
		ok = false;
	}
	db_stmt *q = NULL;
	if (ok && agency) {
		q = db_prepare(s->db, "INSERT INTO agency_alias (alias, agency_id) SELECT :alias, id FROM agency WHERE name = :agency");
		ok = q && db_bind_text(q, ":alias", alias) && db_bind_text(q, ":agency", agency) && db_run(q);
		if (ok && db_changes(s->db) != 1) {
			db_fail(s->db, "没有名为 \"%s\" 的单位", agency);
			ok = false;
		}
	} else if (ok) {
		q = db_prepare(s->db, "DELETE FROM agency_alias WHERE alias = :alias");
		ok = q && db_bind_text(q, ":alias", alias) && db_run(q);
	}
	char *new_json = ok && agency ? alias_json(s, alias) : NULL;
	ok = ok && (!agency || new_json) && store_audit_append(s, who, "alias", object, old_json, new_json);
	free(old_json);
	free(new_json);
	return ok;
}

bool store_agency_set_alias(store *s, const actor *who, const char *agency, const char *alias)
{
	return store_tx_begin(s) && store_tx_finish(s, set_alias(s, who, agency, alias));
}

/* A note as the trail records it: at its writing, then at each change. */
#define NOTE_JSON \
	"SELECT json_object('id', id, 'kind', kind, 'text', text, 'edited', edited," \
	" 'withdrawn', json(CASE withdrawn WHEN 1 THEN 'true' ELSE 'false' END)) FROM note WHERE id = :id"

static char *note_json(store *s, int64_t note_id)
{
	db_stmt *q = db_prepare(s->db, NOTE_JSON);
	char *json = q && db_bind_int(q, ":id", note_id) && db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	return json;
}

/* Only its author changes a note, and only while the rules still let them
 * write that kind of note on that task (a reporter who moved to another
 * agency, or a viewer, may not). text NULL withdraws it. */
static bool change_note(store *s, const actor *who, int64_t note_id, const char *text)
{
	db_stmt *q = db_prepare(s->db, "SELECT task_id, kind FROM note WHERE id = :id AND withdrawn = 0");
	int64_t task_id = 0;
	char kind[16] = "";
	if (q && db_bind_int(q, ":id", note_id) && db_step(q) == 1) {
		task_id = db_col_int(q, 0);
		snprintf(kind, sizeof kind, "%s", db_col_text(q, 1));
	}
	if (q)
		db_reset(q);
	char object[320];
	if (task_id == 0) {
		db_fail(s->db, "没有这条记录（或已撤回）");
		return false;
	}
	bool ok = store_task_object(s, task_id, "note", object, sizeof object);
	char *old_json = ok ? note_json(s, note_id) : NULL;
	q = ok && old_json ? db_prepare(s->db,
		text ? "UPDATE note SET text = :text, edited = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
		       " WHERE id = :id AND author = :user AND withdrawn = 0 AND :role <> 'viewer' AND " MAY_NOTE
		     : "UPDATE note SET withdrawn = 1"
		       " WHERE id = :id AND author = :user AND withdrawn = 0 AND :role <> 'viewer' AND " MAY_NOTE) : NULL;
	ok = q && db_bind_int(q, ":id", note_id) && db_bind_int(q, ":task", task_id) &&
	     db_bind_text(q, ":kind", kind) && db_bind_text(q, ":user", who->user) &&
	     (!text || db_bind_text(q, ":text", text)) && bind_actor(q, who) && db_run(q);
	if (ok && db_changes(s->db) != 1)
		ok = denied(s, text ? "修改" : "撤回");
	char *new_json = ok ? note_json(s, note_id) : NULL;
	ok = ok && new_json && store_audit_append(s, who, "note", object, old_json, new_json);
	free(old_json);
	free(new_json);
	return ok;
}

bool store_edit_note(store *s, const actor *who, int64_t note_id, const char *text)
{
	return store_tx_begin(s) && store_tx_finish(s, change_note(s, who, note_id, text));
}

bool store_withdraw_note(store *s, const actor *who, int64_t note_id)
{
	return store_tx_begin(s) && store_tx_finish(s, change_note(s, who, note_id, NULL));
}

/* What `check` replays a task's status from (verify.c). */
#define TASK_STATUS_JSON \
	"SELECT CASE WHEN :why IS NULL THEN j ELSE json_set(j, '$.why', :why) END FROM" \
	" (SELECT json_object('status', status, 'version', version, 'accepted_by', accepted_by," \
	" 'accepted_at', accepted_at) AS j FROM task WHERE id = :task)"

static bool change_status(store *s, const actor *who, int64_t task_id, const char *update_sql, const char *why,
                          const char *upto, const char *at, const char *refused);

bool store_accept_task(store *s, const actor *who, int64_t task_id, const char *upto, const char *at)
{
	/* Only a task reported completed: the latest report that counts, up to the as-of quarter. */
	return change_status(s, who, task_id,
	                     "UPDATE task SET status = 'accepted', version = version + 1, accepted_by = :author,"
	                     " accepted_at = coalesce(:at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	                     " WHERE id = :task AND status <> 'accepted' AND " MAY_ACCEPT
	                     " AND (status = 'completed' OR (SELECT status FROM report WHERE task_id = :task"
	                     "      AND period <= :upto AND state <> 'returned' ORDER BY period DESC LIMIT 1) = 'completed')",
	                     NULL, upto, at, "不能销号：已经销号、最新填报不是“已完成”，或当前用户无权销号");
}

bool store_audit_backup(store *s, const actor *who, const char *dest)
{
	char head[65];
	int64_t rows = 0;
	if (!store_tx_begin(s))
		return false;
	bool ok = store_audit_head(s, head, &rows);
	json_field f[] = {
		{ "file", JSON_TEXT, dest, 0, 0 },
		{ "replaced", JSON_BOOL, NULL, 1, 0 },
		{ "audit_rows", JSON_INT, NULL, rows, 0 },
		{ "audit_head", JSON_TEXT, head, 0, 0 },
	};
	char *new_json = ok ? store_json_object(s, f, 4) : NULL;
	ok = new_json && store_audit_append(s, who, "backup", "database", NULL, new_json);
	free(new_json);
	return store_tx_finish(s, ok);
}

/* Rows are numbered 1, 2, … by store_audit_append and never deleted (the
 * triggers refuse it; check finds a gap), so the newest id is the count:
 * one seek instead of counting every row of a long trail. */
const char store_sql_audit_head[] =
	"SELECT (SELECT hash FROM audit WHERE id = (SELECT max(id) FROM audit)),"
	"       coalesce((SELECT max(id) FROM audit), 0)";

bool store_audit_head(store *s, char hex[65], int64_t *rows)
{
	db_stmt *q = db_prepare(s->db, store_sql_audit_head);
	if (!q || db_step(q) != 1)
		return false;
	snprintf(hex, 65, "%s", db_col_is_null(q, 0) ? audit_genesis_hash : db_col_text(q, 0));
	*rows = db_col_int(q, 1);
	db_reset(q);
	return true;
}

/* One UPDATE of a task's status, between its JSON before and after, with
 * the audit row; the UPDATE binds :task, :author, :why and the actor. */
static bool change_status(store *s, const actor *who, int64_t task_id, const char *update_sql, const char *why,
                          const char *upto, const char *at, const char *refused)
{
	char object[320], *old = NULL, *new_json = NULL;
	if (!store_tx_begin(s))
		return false;
	bool ok = store_task_object(s, task_id, "", object, sizeof object);
	db_stmt *q = ok ? db_prepare(s->db, TASK_STATUS_JSON) : NULL;
	ok = ok && q && db_bind_int(q, ":task", task_id) && db_bind_text(q, ":why", NULL) && db_step(q) == 1;
	if (ok)
		old = db_col_dup(q, 0);
	if (q)
		db_reset(q);
	q = ok ? db_prepare(s->db, update_sql) : NULL;
	ok = ok && q && db_bind_int(q, ":task", task_id) && db_bind_text(q, ":author", who->user) &&
	     (!db_has_param(q, ":upto") || db_bind_text(q, ":upto", upto)) &&
	     (!db_has_param(q, ":at") || db_bind_text(q, ":at", at)) && bind_actor(q, who) && db_run(q);
	if (ok && db_changes(s->db) != 1) {
		db_fail(s->db, "%s %s", object, refused);
		s->failure = STORE_FAIL_DENIED;
		ok = false;
	}
	q = ok ? db_prepare(s->db, TASK_STATUS_JSON) : NULL;
	ok = ok && q && db_bind_int(q, ":task", task_id) && db_bind_text(q, ":why", why) && db_step(q) == 1;
	if (ok)
		new_json = db_col_dup(q, 0);
	if (q)
		db_reset(q);
	ok = ok && store_audit_append(s, who, "status", object, old, new_json);
	free(old);
	free(new_json);
	return store_tx_finish(s, ok);
}

bool store_unaccept_task(store *s, const actor *who, int64_t task_id, const char *reason)
{
	return change_status(s, who, task_id,
	                     "UPDATE task SET status = 'open', version = version + 1, accepted_by = '',"
	                     " accepted_at = '' WHERE id = :task AND status = 'accepted' AND :author <> ''"
	                     " AND " MAY_ACCEPT,
	                     reason, NULL, NULL, "没有销号，无从撤销");
}

/* One UPDATE of a report (binds :id, :task, :reason, :author and the actor)
 * with its audit row of that action. */
static bool change_report(store *s, const actor *who, int64_t task_id, const char *period, const char *action,
                          const char *update_sql, const char *reason, const char *at, const char *refused)
{
	char object[320], suffix[32], *old = NULL, *new_json = NULL;
	report_input in = { .task_id = task_id };
	int64_t id = 0;
	int version = 0;
	snprintf(in.period, sizeof in.period, "%s", period);
	snprintf(suffix, sizeof suffix, "report %s", period);
	if (!store_tx_begin(s))
		return false;
	bool ok = store_task_object(s, task_id, suffix, object, sizeof object) && find_report(s, &in, &id, &version);
	if (ok && !id) {
		db_fail(s->db, "%s 尚无填报", object);
		s->failure = STORE_FAIL_DENIED;
		ok = false;
	}
	ok = ok && (old = report_json(s, id)) != NULL;
	db_stmt *q = ok ? db_prepare(s->db, update_sql) : NULL;
	ok = ok && q && db_bind_int(q, ":id", id) && db_bind_int(q, ":task", task_id) &&
	     db_bind_text(q, ":reason", reason ? reason : "") && db_bind_text(q, ":author", who->user) &&
	     (!db_has_param(q, ":at") || db_bind_text(q, ":at", at)) && bind_actor(q, who) && db_run(q);
	if (ok && db_changes(s->db) != 1) {
		db_fail(s->db, "%s %s", object, refused);
		s->failure = STORE_FAIL_DENIED;
		ok = false;
	}
	ok = ok && (new_json = report_json_why(s, id, reason)) != NULL &&
	     store_audit_append(s, who, action, object, old, new_json);
	free(old);
	free(new_json);
	return store_tx_finish(s, ok);
}

bool store_review_report(store *s, const actor *who, int64_t task_id, const char *period, bool pass,
                         const char *reason, const char *at)
{
	const char *sql = pass
		? "UPDATE report SET state = 'passed', reason = :reason, reviewer = :author,"
		  " reviewed = coalesce(:at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = :id AND task_id = :task"
		  " AND state = 'submitted' AND " MAY_REVIEW
		: "UPDATE report SET state = 'returned', reason = :reason, reviewer = :author,"
		  " reviewed = coalesce(:at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = :id AND task_id = :task"
		  " AND state = 'submitted' AND :reason <> '' AND " MAY_REVIEW;
	return change_report(s, who, task_id, period, "review", sql, reason, at, "不是待审核的填报，不能审核");
}

bool store_reopen_report(store *s, const actor *who, int64_t task_id, const char *period, const char *reason)
{
	return change_report(s, who, task_id, period, "reopen",
	                     "UPDATE report SET reopened = 1 WHERE id = :id AND task_id = :task AND reopened = 0"
	                     " AND :reason <> '' AND :author <> '' AND " MAY_REVIEW,
	                     reason, NULL, "已经重新打开，等待单位报送");
}

/* An indicator's definition as the trail records it. */
#define INDICATOR_JSON \
	"SELECT json_object('ord', ord, 'name', name, 'kind', kind, 'comparator', comparator, 'target', target," \
	" 'target_hi', target_hi, 'unit', unit, 'due', due, 'mode', mode, 'baseline', baseline," \
	" 'baseline_date', baseline_date, 'baseline_source', baseline_source) FROM indicator WHERE id = :id"

static char *indicator_json(store *s, int64_t id)
{
	db_stmt *q = db_prepare(s->db, INDICATOR_JSON);
	char *out = NULL;
	if (q && db_bind_int(q, ":id", id) && db_step(q) == 1)
		out = db_col_dup(q, 0);
	if (q)
		db_reset(q);
	return out;
}

/* Administrators only, here as in C (permission.c). */
const char store_sql_indicator_update[] =
	"UPDATE indicator SET name = :name, comparator = :cmp, target = :target, target_hi = :hi, unit = :unit,"
	"  due = :due, mode = :mode, baseline = :baseline, baseline_date = :bdate, baseline_source = :bsource"
	" WHERE id = :id AND task_id = :task AND :role = 'admin'";

static bool bind_indicator(db_stmt *q, const indicator_rec *i)
{
	char due[DATE_TEXT_SIZE], bdate[DATE_TEXT_SIZE];
	date_format(i->due, due);
	date_format(i->baseline_date, bdate);
	return db_bind_int(q, ":id", i->id) && db_bind_text(q, ":name", i->name) &&
	       db_bind_text(q, ":cmp", model_comparator_sql(i->cmp)) && db_bind_double(q, ":target", i->target) &&
	       (i->cmp == CMP_RANGE ? db_bind_double(q, ":hi", i->target_hi) : db_bind_null(q, ":hi")) &&
	       db_bind_text(q, ":unit", i->unit) && db_bind_text(q, ":due", due) &&
	       db_bind_text(q, ":mode", model_mode_name(i->mode)) &&
	       (i->has_baseline ? db_bind_double(q, ":baseline", i->baseline) : db_bind_null(q, ":baseline")) &&
	       (i->baseline_date ? db_bind_text(q, ":bdate", bdate) : db_bind_null(q, ":bdate")) &&
	       db_bind_text(q, ":bsource", i->baseline_source ? i->baseline_source : "");
}

/* The trail's row: the definition before and after, and the digest of the
 * plan's definitions now, which `check` follows from here on. */
static bool audit_indicator(store *s, const actor *who, const char *object, const char *old, int64_t id)
{
	char digest[AUDIT_HASH_HEX];
	char *after = indicator_json(s, id);
	bool ok = after && store_definition_digest(s, digest);
	db_stmt *q = ok ? db_prepare(s->db, "SELECT json_set(:j, '$.definition', :d)") : NULL;
	char *new_json = NULL;
	if (q && db_bind_text(q, ":j", after) && db_bind_text(q, ":d", digest) && db_step(q) == 1)
		new_json = db_col_dup(q, 0);
	if (q)
		db_reset(q);
	ok = new_json && store_audit_append(s, who, "indicator", object, old, new_json);
	free(after);
	free(new_json);
	return ok;
}

bool store_update_indicator(store *s, const actor *who, int64_t task_id, const indicator_rec *edited)
{
	char object[320], suffix[40];
	if (!store_tx_begin(s))
		return false;
	snprintf(suffix, sizeof suffix, "indicator %d", edited->ord);
	bool ok = store_task_object(s, task_id, suffix, object, sizeof object);
	char *old = ok ? indicator_json(s, edited->id) : NULL;
	db_stmt *q = old ? db_prepare(s->db, store_sql_indicator_update) : NULL;
	ok = q && db_bind_int(q, ":task", task_id) && bind_indicator(q, edited) && bind_actor(q, who) && db_run(q);
	if (ok && db_changes(s->db) != 1) {
		ok = denied(s, "指标修改");
	}
	ok = ok && audit_indicator(s, who, object, old, edited->id);
	free(old);
	return store_tx_finish(s, ok);
}
