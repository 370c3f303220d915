/* Changes to a plan after its import (administrators): a task's text,
 * deadline, agencies and measure; an area's title and short label; a
 * measure's title. Each is one transaction with its audit row 'plan', whose
 * new value carries the definition digest that `check` compares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "internal.h"
#include "ducha/xalloc.h"

/* A task's definition as the trail records it. */
#define TASK_DEFINITION_JSON \
	"SELECT json_object('text', t.text, 'deadline', t.deadline, 'dues', json(t.dues), 'measure', m.num," \
	" 'lead', (SELECT json_group_array(name) FROM (SELECT g.name FROM task_agency x JOIN agency g" \
	"   ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'lead' ORDER BY x.ord))," \
	" 'support', (SELECT json_group_array(name) FROM (SELECT g.name FROM task_agency x JOIN agency g" \
	"   ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = 'support' ORDER BY x.ord)))" \
	" FROM task t JOIN measure m ON m.id = t.measure_id WHERE t.id = :id"

static char *one_json(store *s, const char *sql, int64_t id)
{
	db_stmt *q = db_prepare(s->db, sql);
	char *json = q && db_bind_int(q, ":id", id) && db_step(q) == 1 ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	return json;
}

/* new with the definition digest as it stands now. malloc'd. */
static char *with_digest(store *s, const char *json)
{
	char digest[65];
	if (!store_definition_digest(s, digest))
		return NULL;
	db_stmt *q = db_prepare(s->db, "SELECT json_set(:j, '$.definition', :d)");
	char *out = q && db_bind_text(q, ":j", json) && db_bind_text(q, ":d", digest) && db_step(q) == 1
	            ? db_col_dup(q, 0) : NULL;
	if (q)
		db_reset(q);
	return out;
}

/* The change's audit row: the old definition, and the one now with the
 * digest (read by sql for row id). Frees old_json. */
static bool audit_change(store *s, const actor *who, const char *object, char *old_json, const char *sql, int64_t id)
{
	char *now = one_json(s, sql, id);
	char *new_json = now ? with_digest(s, now) : NULL;
	bool ok = new_json && store_audit_append(s, who, "plan", object, old_json, new_json);
	free(old_json);
	free(now);
	free(new_json);
	return ok;
}

static bool admin_only(store *s, const actor *who)
{
	if (who->role == ROLE_ADMIN)
		return true;
	db_fail(s->db, "数据库拒绝了这次修改：只有管理员可以修改工作方案");
	return false;
}

static bool run_text(store *s, const char *sql, int64_t id, const char *key, const char *value)
{
	db_stmt *q = db_prepare(s->db, sql);
	return q && db_bind_int(q, ":id", id) && db_bind_text(q, key, value) && db_run(q);
}

static bool set_roles(store *s, int64_t task_id, const char *kind, const char *const *names, int n)
{
	db_stmt *q = db_prepare(s->db, "DELETE FROM task_agency WHERE task_id = :id AND role = :role");
	bool ok = q && db_bind_int(q, ":id", task_id) && db_bind_text(q, ":role", kind) && db_run(q);
	for (int i = 0; ok && i < n; i++) {
		q = db_prepare(s->db, "INSERT OR IGNORE INTO agency (name) VALUES (:name)");
		ok = q && db_bind_text(q, ":name", names[i]) && db_run(q);
		q = ok ? db_prepare(s->db, "INSERT INTO task_agency (task_id, agency_id, role, ord)"
		                           " SELECT :id, id, :role, :ord FROM agency WHERE name = :name") : NULL;
		ok = q && db_bind_int(q, ":id", task_id) && db_bind_text(q, ":role", kind) && db_bind_int(q, ":ord", i + 1) &&
		     db_bind_text(q, ":name", names[i]) && db_run(q);
	}
	return ok;
}

/* The deadline, its due dates, and the indicators that were due on the old
 * last date (they follow it). */
static bool set_deadline(store *s, int64_t task_id, const task_edit *e)
{
	char *dues = store_dues_json(s, e->dues, e->ndues);
	char due[DATE_TEXT_SIZE];
	date_format(e->dues[e->ndues - 1], due);
	db_stmt *q = dues ? db_prepare(s->db,
		"UPDATE indicator SET due = :due WHERE task_id = :id AND due = (SELECT due FROM task WHERE id = :id)") : NULL;
	bool ok = q && db_bind_int(q, ":id", task_id) && db_bind_text(q, ":due", due) && db_run(q);
	q = ok ? db_prepare(s->db, "UPDATE task SET deadline = :deadline, dues = :dues, due = :due WHERE id = :id") : NULL;
	ok = q && db_bind_int(q, ":id", task_id) && db_bind_text(q, ":deadline", e->deadline) &&
	     db_bind_text(q, ":dues", dues) && db_bind_text(q, ":due", due) && db_run(q);
	free(dues);
	return ok;
}

static bool set_measure(store *s, int64_t task_id, int measure)
{
	db_stmt *q = db_prepare(s->db,
		"UPDATE task SET measure_id = (SELECT m.id FROM measure m WHERE m.plan_id = task.plan_id AND m.num = :m)"
		" WHERE id = :id AND EXISTS (SELECT 1 FROM measure m WHERE m.plan_id = task.plan_id AND m.num = :m)");
	bool ok = q && db_bind_int(q, ":id", task_id) && db_bind_int(q, ":m", measure) && db_run(q);
	if (ok && db_changes(s->db) != 1) {
		db_fail(s->db, "这个工作方案没有第 %d 项措施", measure);
		return false;
	}
	return ok;
}

static bool edit_task(store *s, const actor *who, int64_t task_id, const task_edit *e)
{
	char object[320];
	char *old_json = admin_only(s, who) && store_task_object(s, task_id, "", object, sizeof object)
	                 ? one_json(s, TASK_DEFINITION_JSON, task_id) : NULL;
	bool ok = old_json != NULL;
	if (ok && e->text)
		ok = run_text(s, "UPDATE task SET text = :text WHERE id = :id", task_id, ":text", e->text);
	if (ok && e->deadline)
		ok = set_deadline(s, task_id, e);
	if (ok && e->set_lead)
		ok = set_roles(s, task_id, "lead", e->lead, e->nlead);
	if (ok && e->set_support)
		ok = set_roles(s, task_id, "support", e->support, e->nsupport);
	if (ok && e->measure)
		ok = set_measure(s, task_id, e->measure);
	if (!ok) {
		free(old_json);
		return false;
	}
	return audit_change(s, who, object, old_json, TASK_DEFINITION_JSON, task_id);
}

bool store_edit_task(store *s, const actor *who, int64_t task_id, const task_edit *e)
{
	return store_tx_begin(s) && store_tx_finish(s, edit_task(s, who, task_id, e));
}

/* An area or a measure by its number in the plan: its row id, 0 if none. */
static int64_t section_id(store *s, const char *table, int64_t plan_id, int num)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE plan_id = :plan AND num = :num", table);
	db_stmt *q = db_prepare(s->db, sql);
	int64_t id = 0;
	if (q && db_bind_int(q, ":plan", plan_id) && db_bind_int(q, ":num", num) && db_step(q) == 1)
		id = db_col_int(q, 0);
	if (q)
		db_reset(q);
	if (q && !id)
		db_fail(s->db, "这个工作方案没有第 %d 个%s", num, strcmp(table, "area") == 0 ? "领域" : "措施");
	return id;
}

static bool section_object(store *s, int64_t plan_id, const char *what, int num, char *out, size_t len)
{
	db_stmt *q = db_prepare(s->db, "SELECT CASE WHEN :plan = (SELECT min(id) FROM plan) THEN ''"
	                               " ELSE 'plan ' || code || ' ' END FROM plan WHERE id = :plan");
	bool ok = q && db_bind_int(q, ":plan", plan_id) && db_step(q) == 1;
	if (ok)
		snprintf(out, len, "%s%s %d", db_col_text(q, 0), what, num);
	if (q)
		db_reset(q);
	return ok;
}

static bool edit_section(store *s, const actor *who, int64_t plan_id, const char *table, int num, const char *title,
                         const char *short_name)
{
	bool area = strcmp(table, "area") == 0;
	int64_t id = admin_only(s, who) ? section_id(s, table, plan_id, num) : 0;
	char object[200], json_sql[200];
	snprintf(json_sql, sizeof json_sql, "SELECT json_object('title', title%s) FROM %s WHERE id = :id",
	         area ? ", 'short', short" : "", table);
	char *old_json = id && section_object(s, plan_id, table, num, object, sizeof object) ? one_json(s, json_sql, id)
	                                                                                    : NULL;
	bool ok = old_json != NULL;
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE %s SET title = :v WHERE id = :id", table);
	if (ok && title)
		ok = run_text(s, sql, id, ":v", title);
	if (ok && short_name && area)
		ok = run_text(s, "UPDATE area SET short = :v WHERE id = :id", id, ":v", short_name);
	if (!ok) {
		free(old_json);
		return false;
	}
	return audit_change(s, who, object, old_json, json_sql, id);
}

bool store_edit_area(store *s, const actor *who, int64_t plan_id, int num, const char *title, const char *short_name)
{
	return store_tx_begin(s) && store_tx_finish(s, edit_section(s, who, plan_id, "area", num, title, short_name));
}

bool store_edit_measure(store *s, const actor *who, int64_t plan_id, int num, const char *title)
{
	return store_tx_begin(s) && store_tx_finish(s, edit_section(s, who, plan_id, "measure", num, title, NULL));
}

bool store_edit_sections(store *s, const actor *who, int64_t plan_id, const section_edit *e, int n)
{
	if (!store_tx_begin(s))
		return false;
	bool ok = true;
	for (int i = 0; ok && i < n; i++)
		ok = edit_section(s, who, plan_id, e[i].measure ? "measure" : "area", e[i].num, e[i].title,
		                  e[i].measure ? NULL : e[i].short_name);
	return store_tx_finish(s, ok);
}
