/* Several plans in one database: listing them, loading one from a 分工表
 * (import-plan) and writing one out whole (export --format json). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "internal.h"


static void read_plan_row(db_stmt *q, void *item, void *ctx)
{
	(void)ctx;
	store_read_plan(q, item);
}

bool store_plans(store *s, plan_rec **out, int *n)
{
	db_stmt *q = db_prepare(s->db, "SELECT id, code, title, issuer, starts, ends FROM plan ORDER BY id");
	*out = NULL;
	*n = 0;
	return q && db_collect(q, out, n, sizeof **out, read_plan_row, NULL);
}

void store_plans_free(plan_rec *p, int n)
{
	for (int i = 0; i < n; i++)
		model_plan_free(&p[i]);
	free(p);
}

static bool schema_exists(store *s, bool *exists)
{
	db_stmt *q = db_prepare(s->db,
		"SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'plan')");
	if (!q || db_step(q) != 1)
		return false;
	*exists = db_col_int(q, 0) != 0;
	db_reset(q);
	return true;
}

bool store_plan_exists(store *s, const char *code, bool *exists)
{
	*exists = false;
	bool schema;
	if (!schema_exists(s, &schema))
		return false;
	if (!schema)
		return true;
	db_stmt *q = db_prepare(s->db, "SELECT EXISTS (SELECT 1 FROM plan WHERE code = :code)");
	int64_t found = 0;
	if (!q || !db_bind_text(q, ":code", code) || !db_one_int(q, &found, NULL))
		return false;
	*exists = found != 0;
	return true;
}

/* --- import-plan ----------------------------------------------------------- */

static bool bind_date(db_stmt *q, const char *name, int day)
{
	char text[DATE_TEXT_SIZE];
	date_format(day, text);
	return db_bind_text(q, name, text);
}

static bool insert_plan(store *s, const plan_import *in, int64_t *plan_id)
{
	db_stmt *q = db_prepare(s->db,
		"INSERT INTO plan (code, title, issuer, starts, ends)"
		" VALUES (:code, :title, :issuer, :starts, :ends)");
	if (!q || !db_bind_text(q, ":code", in->code) ||
	    !db_bind_text(q, ":title", in->title) ||
	    !db_bind_text(q, ":issuer", in->issuer ? in->issuer : "") ||
	    !bind_date(q, ":starts", in->starts) || !bind_date(q, ":ends", in->ends) ||
	    !db_run(q))
		return false;
	*plan_id = db_last_id(s->db);
	return true;
}

static bool insert_areas(store *s, int64_t plan_id, const plan_import *in)
{
	db_stmt *q = db_prepare(s->db,
		"INSERT INTO area (plan_id, num, title, short) VALUES (:plan, :num, :title, :short)");
	for (int i = 0; i < in->nareas; i++) {
		const import_area *a = &in->areas[i];
		if (!q || !db_bind_int(q, ":plan", plan_id) || !db_bind_int(q, ":num", a->num) ||
		    !db_bind_text(q, ":title", a->title) ||
		    !db_bind_text(q, ":short", a->short_name) || !db_run(q))
			return false;
	}
	return true;
}

static bool insert_measures(store *s, int64_t plan_id, const plan_import *in)
{
	db_stmt *q = db_prepare(s->db,
		"INSERT INTO measure (plan_id, area_id, num, title, body)"
		" VALUES (:plan, (SELECT id FROM area WHERE plan_id = :plan AND num = :area), :num, :title, '')");
	for (int i = 0; i < in->nmeasures; i++) {
		const import_measure *m = &in->measures[i];
		if (!q || !db_bind_int(q, ":plan", plan_id) || !db_bind_int(q, ":area", m->area) ||
		    !db_bind_int(q, ":num", m->num) || !db_bind_text(q, ":title", m->title) ||
		    !db_run(q))
			return false;
	}
	return true;
}

/* The due dates as a JSON array, built by SQLite. */
char *store_dues_json(store *s, const int *dues, int n)
{
	db_stmt *q = db_prepare(s->db, "SELECT json_insert(:arr, '$[#]', :date)");
	char *arr = q ? strdup("[]") : NULL;
	for (int i = 0; arr && i < n; i++) {
		char *next = NULL;
		if (db_bind_text(q, ":arr", arr) && bind_date(q, ":date", dues[i]) &&
		    db_step(q) == 1)
			next = db_col_dup(q, 0);
		db_reset(q);
		free(arr);
		arr = next;
	}
	return arr;
}

/* Known agencies are matched by name; new ones are added. *added counts them. */
static bool insert_roles(store *s, int64_t task_id, const char *kind, const char *const *names,
                         int n, int *added)
{
	db_stmt *add = db_prepare(s->db, "INSERT OR IGNORE INTO agency (name) VALUES (:name)");
	for (int i = 0; i < n; i++) {
		if (!add || !db_bind_text(add, ":name", names[i]) || !db_run(add))
			return false;
		*added += db_changes(s->db);
		db_stmt *q = db_prepare(s->db,
			"INSERT INTO task_agency (task_id, agency_id, role, ord)"
			" SELECT :task, id, :role, :ord FROM agency WHERE name = :name");
		if (!q || !db_bind_int(q, ":task", task_id) || !db_bind_text(q, ":role", kind) ||
		    !db_bind_int(q, ":ord", i + 1) || !db_bind_text(q, ":name", names[i]) ||
		    !db_run(q))
			return false;
	}
	return true;
}

static bool insert_indicators(store *s, int64_t task_id, const import_task *t)
{
	db_stmt *q = db_prepare(s->db,
		"INSERT INTO indicator (task_id, ord, name, kind, comparator, target, target_hi, unit, due, mode, baseline)"
		" VALUES (:task, :ord, :name, 'number', :cmp, :target, :hi, :unit, :due, :mode, :baseline)");
	for (int i = 0; i < t->nindicators; i++) {
		const import_indicator *ind = &t->indicators[i];
		bool range = ind->cmp == CMP_RANGE;
		if (!q || !db_bind_int(q, ":task", task_id) || !db_bind_int(q, ":ord", i + 1) ||
		    !db_bind_text(q, ":name", ind->name) ||
		    !db_bind_text(q, ":cmp", model_comparator_sql(ind->cmp)) ||
		    !db_bind_double(q, ":target", ind->target) ||
		    !(range ? db_bind_double(q, ":hi", ind->target_hi) : db_bind_null(q, ":hi")) ||
		    !db_bind_text(q, ":unit", ind->unit) ||
		    !bind_date(q, ":due", t->dues[t->ndues - 1]) ||
		    !db_bind_text(q, ":mode", ind->per_year ? "per-year" : "cumulative") ||
		    !(ind->counts_new || ind->per_year ? db_bind_double(q, ":baseline", 0) : db_bind_null(q, ":baseline")) ||
		    !db_run(q))
			return false;
	}
	return true;
}

static bool insert_task(store *s, int64_t plan_id, const import_task *t, int *added)
{
	if (t->ndues < 1) {
		db_fail(s->db, "任务 %d 没有截止日期", t->num);
		return false;
	}
	char *dues = store_dues_json(s, t->dues, t->ndues);
	db_stmt *q = dues ? db_prepare(s->db,
		"INSERT INTO task (plan_id, measure_id, num, text, deadline, dues, due)"
		" VALUES (:plan, (SELECT id FROM measure WHERE plan_id = :plan AND num = :measure),"
		"         :num, :text, :deadline, :dues, :due)") : NULL;
	bool ok = q && db_bind_int(q, ":plan", plan_id) &&
	          db_bind_int(q, ":measure", t->measure) && db_bind_int(q, ":num", t->num) &&
	          db_bind_text(q, ":text", t->text) &&
	          db_bind_text(q, ":deadline", t->deadline) &&
	          db_bind_text(q, ":dues", dues) && bind_date(q, ":due", t->dues[t->ndues - 1]) &&
	          db_run(q);
	free(dues);
	int64_t task_id = ok ? db_last_id(s->db) : 0;
	return ok && insert_roles(s, task_id, "lead", t->lead, t->nlead, added) &&
	       insert_roles(s, task_id, "support", t->support, t->nsupport, added) &&
	       insert_indicators(s, task_id, t);
}

static bool audit_import(store *s, const actor *who, const plan_import *in, int added)
{
	int indicators = 0;
	char digest[65];
	if (!store_definition_digest(s, digest))
		return false;
	for (int i = 0; i < in->ntasks; i++)
		indicators += in->tasks[i].nindicators;
	json_field f[] = {
		{ "plan", JSON_TEXT, in->code, 0, 0 },
		{ "title", JSON_TEXT, in->title, 0, 0 },
		{ "file", JSON_TEXT, in->source ? in->source : "", 0, 0 },
		{ "areas", JSON_INT, NULL, in->nareas, 0 },
		{ "measures", JSON_INT, NULL, in->nmeasures, 0 },
		{ "tasks", JSON_INT, NULL, in->ntasks, 0 },
		{ "indicators", JSON_INT, NULL, indicators, 0 },
		{ "new_agencies", JSON_INT, NULL, added, 0 },
		{ "definition", JSON_TEXT, digest, 0, 0 },
	};
	char *summary = store_json_object(s, f, (int)(sizeof f / sizeof f[0]));
	char object[160];
	snprintf(object, sizeof object, "plan %s", in->code);
	bool ok = summary && store_audit_append(s, who, "import", object, NULL, summary);
	free(summary);
	return ok;
}

static bool code_is_free(store *s, const char *code)
{
	bool exists;
	if (!store_plan_exists(s, code, &exists))
		return false;
	if (exists)
		db_fail(s->db, "已有编号为 \"%s\" 的工作方案，未导入任何内容", code);
	return !exists;
}

bool store_import_plan(store *s, const actor *who, const plan_import *in)
{
	s->failure = STORE_FAIL_NONE;
	if (!db_begin(s->db)) {
		s->failure = db_was_busy(s->db) ? STORE_FAIL_BUSY : STORE_FAIL_ERROR;
		return false;
	}
	/* Checked inside the transaction, so two imports cannot both create it. */
	bool schema = false;
	int64_t plan_id = 0;
	int added = 0;
	bool ok = schema_exists(s, &schema) && (schema || store_apply_schema(s->db)) &&
	          code_is_free(s, in->code) && insert_plan(s, in, &plan_id) &&
	          insert_areas(s, plan_id, in) && insert_measures(s, plan_id, in);
	for (int i = 0; ok && i < in->ntasks; i++)
		ok = insert_task(s, plan_id, &in->tasks[i], &added);
	ok = ok && audit_import(s, who, in, added);
	if (ok && db_commit(s->db)) {
		store_anchor_update(s, false);
		return true;
	}
	char keep[512];
	snprintf(keep, sizeof keep, "%s", db_error(s->db));
	db_rollback(s->db);
	db_fail(s->db, "%s", keep);
	s->failure = STORE_FAIL_ERROR;
	return false;
}

/* --- export --format json ------------------------------------------------ */

/* Lists are built in ordered subqueries; json() keeps each element JSON
 * (a value read back from a subquery column is plain text to SQLite). */
#define EXPORT_AGENCIES(role) \
	"(SELECT json_group_array(name) FROM (SELECT g.name FROM task_agency x" \
	"   JOIN agency g ON g.id = x.agency_id WHERE x.task_id = t.id AND x.role = '" role "'" \
	"   ORDER BY x.ord))"

#define EXPORT_INDICATORS \
	"(SELECT json_group_array(json(j)) FROM (SELECT json_object('ord', i.ord, 'name', i.name," \
	"   'kind', i.kind, 'comparator', i.comparator, 'target', i.target, 'target_hi', i.target_hi," \
	"   'unit', i.unit, 'due', i.due, 'mode', i.mode, 'baseline', i.baseline," \
	"   'baseline_date', i.baseline_date, 'baseline_source', i.baseline_source, 'source', i.source," \
	"   'approval', i.approval) AS j" \
	"   FROM indicator i WHERE i.task_id = t.id ORDER BY i.ord))"

#define EXPORT_REPORTS \
	"(SELECT json_group_array(json(j)) FROM (SELECT json_object('period', r.period," \
	"   'status', r.status, 'note', r.note, 'author', r.author, 'created', r.created," \
	"   'demo', json(CASE r.demo WHEN 1 THEN 'true' ELSE 'false' END), 'version', r.version," \
	"   'values', (SELECT json_group_object(i.name, v.value) FROM report_value v" \
	"              JOIN indicator i ON i.id = v.indicator_id WHERE v.report_id = r.id)) AS j" \
	"   FROM report r WHERE r.task_id = t.id ORDER BY r.period))"

#define EXPORT_NOTES \
	"(SELECT json_group_array(json(j)) FROM (SELECT json_object('kind', n.kind, 'text', n.text," \
	"   'author', n.author, 'created', n.created," \
	"   'demo', json(CASE n.demo WHEN 1 THEN 'true' ELSE 'false' END)) AS j" \
	"   FROM note n WHERE n.task_id = t.id AND n.withdrawn = 0 ORDER BY n.created, n.id))"

static const char export_sql[] =
	"SELECT json_object("
	" 'format', 'ducha-plan', 'schema_version', (SELECT user_version FROM pragma_user_version),"
	" 'plan', json_object('code', p.code, 'title', p.title, 'issuer', p.issuer, 'issued', p.issued,"
	"                     'starts', p.starts, 'ends', p.ends),"
	" 'areas', (SELECT json_group_array(json(j)) FROM (SELECT json_object('num', a.num,"
	"           'title', a.title, 'short', a.short) AS j FROM area a WHERE a.plan_id = p.id"
	"           ORDER BY a.num)),"
	" 'measures', (SELECT json_group_array(json(j)) FROM (SELECT json_object('num', m.num,"
	"              'area', a.num, 'title', m.title, 'body', m.body) AS j FROM measure m"
	"              JOIN area a ON a.id = m.area_id WHERE m.plan_id = p.id ORDER BY m.num)),"
	" 'agencies', (SELECT json_group_array(name) FROM (SELECT DISTINCT g.name FROM agency g"
	"              JOIN task_agency x ON x.agency_id = g.id JOIN task t ON t.id = x.task_id"
	"              WHERE t.plan_id = p.id ORDER BY g.name)),"
	" 'tasks', (SELECT json_group_array(json(j)) FROM (SELECT json_object('num', t.num,"
	"           'measure', m.num, 'text', t.text, 'deadline', t.deadline, 'dues', json(t.dues),"
	"           'due', t.due, 'status', t.status, 'version', t.version,"
	"           'lead', " EXPORT_AGENCIES("lead") ", 'support', " EXPORT_AGENCIES("support") ","
	"           'indicators', " EXPORT_INDICATORS ", 'reports', " EXPORT_REPORTS ","
	"           'notes', " EXPORT_NOTES ") AS j"
	"           FROM task t JOIN measure m ON m.id = t.measure_id WHERE t.plan_id = p.id"
	"           ORDER BY t.num)))"
	" FROM plan p WHERE p.id = :plan";

char *store_export_json(store *s, int64_t plan_id)
{
	db_stmt *q = db_prepare(s->db, export_sql);
	if (!q || !db_bind_int(q, ":plan", plan_id))
		return NULL;
	int rc = db_step(q);
	char *out = rc == 1 ? db_col_dup(q, 0) : NULL;
	db_reset(q);
	if (rc == 0)
		db_fail(s->db, "工作方案不存在");
	return out;
}
