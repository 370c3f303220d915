/* The benchmark database generator (issue 8): fills a database that
 * `ducha init` created with 20 more plans of 500 tasks each, 300 agencies in
 * all, 3 indicators a task, quarterly reports and notes, through the
 * program's own schema (every CHECK and foreign key applies). Chinese text
 * is made of clauses cut from the built-in plan, so lengths and characters
 * are those of real documents.
 *
 *   bench-gen --db PATH [--plans N] [--tasks N] [--values N] [--notes N] [--seed S]
 *
 * --plans and --tasks (20 of 500 by default; issue 17's one plan of 10,000
 * or 100,000 tasks with --plans 1 --tasks N).
 * --values is the number of report values (default 1,000,000); the plans,
 * tasks, indicators, agencies and notes do not depend on it, so two
 * databases made with different --values differ in their reports only.
 * Every task reports on its indicators for its latest quarters up to 2024Q2
 * (one task in ten is a quarter late); the fewer values, the fewer quarters.
 * Each report and note gets its audit row, chained with the program's own
 * hash (src/store/audit_hash.c), each task status other than open its
 * 'status' row, and each plan an 'import' row with the definition digest the
 * program computes, so `ducha check` passes and the audit table is as long
 * as a real one's. Inserts use prepared statements, one transaction
 * per 50,000 rows. */
#include <getopt.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/audit.h"
#include "ducha/store.h"
#include "../../src/store/internal.h"   /* the definition digest and the audit append */

enum {
	GEN_AREAS = 5, GEN_MEASURES_PER_AREA = 4,
	GEN_AGENCIES = 300, GEN_INDICATORS_PER_TASK = 3, GEN_ROWS_PER_TX = 50000,
	GEN_LAST_YEAR = 2024, GEN_LAST_QUARTER = 2, GEN_FIRST_YEAR = 2016,
	GEN_MAX_CLAUSES = 4096,
};

/* ---- a small deterministic generator (splitmix64): same seed, same data ---- */

static uint64_t gen_state = 0x8d1c2f3e4a5b6c7dULL;

static uint64_t gen_next(void)
{
	uint64_t z = (gen_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int gen_int(int lo, int hi)      /* lo..hi inclusive */
{
	return lo + (int)(gen_next() % (uint64_t)(hi - lo + 1));
}

static double gen_unit(void)            /* [0, 1) */
{
	return (double)(gen_next() >> 11) / 9007199254740992.0;
}

/* ---- the database ---- */

static sqlite3 *gen_db;
static long gen_rows_in_tx;

static void gen_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void gen_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench-gen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static void gen_exec(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(gen_db, sql, NULL, NULL, &msg) != SQLITE_OK)
		gen_die("%s: %s", sql, msg ? msg : sqlite3_errmsg(gen_db));
}

static sqlite3_stmt *gen_prepare(const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(gen_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		gen_die("%s: %s", sql, sqlite3_errmsg(gen_db));
	return s;
}

/* Runs a bound insert; every GEN_ROWS_PER_TX rows the transaction is committed. */
static int64_t gen_insert(sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		gen_die("%s: %s", sqlite3_sql(s), sqlite3_errmsg(gen_db));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	int64_t id = sqlite3_last_insert_rowid(gen_db);
	if (++gen_rows_in_tx == GEN_ROWS_PER_TX) {
		gen_exec("COMMIT; BEGIN");
		gen_rows_in_tx = 0;
	}
	return id;
}

static void gen_text(sqlite3_stmt *s, int col, const char *v)
{
	sqlite3_bind_text(s, col, v, -1, SQLITE_TRANSIENT);
}

/* ---- text: clauses of the built-in plan ---- */

static char *gen_clauses[GEN_MAX_CLAUSES];
static int gen_nclauses;

static size_t gen_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Cuts text at Chinese punctuation; keeps clauses of 4 to 40 characters. */
static void gen_cut(const char *text)
{
	static const char *const marks[] = { "，", "。", "；", "：", "、" };
	const char *p = text, *start = text;
	while (*p && gen_nclauses < GEN_MAX_CLAUSES) {
		size_t k = 0;
		for (size_t m = 0; m < sizeof marks / sizeof marks[0] && !k; m++)
			if (strncmp(p, marks[m], 3) == 0)
				k = 3;
		if (!k && p[1]) {
			p++;
			continue;
		}
		char *c = strndup(start, (size_t)(p - start) + (k ? 0 : 1));
		size_t n = c ? gen_chars(c) : 0;
		if (c && n >= 4 && n <= 40 && !strchr(c, '\n') && !strpbrk(c, "（）()"))
			gen_clauses[gen_nclauses++] = c;
		else
			free(c);
		p += k ? k : 1;
		start = p;
	}
}

static void gen_load_clauses(void)
{
	sqlite3_stmt *s = gen_prepare("SELECT body FROM measure UNION ALL SELECT text FROM task");
	while (sqlite3_step(s) == SQLITE_ROW)
		gen_cut((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (gen_nclauses < 50)
		gen_die("the database holds no built-in plan to take text from (run ducha init first)");
}

static const char *gen_clause(void)
{
	return gen_clauses[gen_next() % (uint64_t)gen_nclauses];
}

/* Clauses joined with "，" and ended with "。": at least a length drawn
 * between min_chars and max_chars, at most max_chars plus one clause. */
static void gen_sentence(char *buf, size_t len, int min_chars, int max_chars)
{
	size_t used = 0, chars = 0;
	min_chars = gen_int(min_chars, max_chars);
	buf[0] = '\0';
	while ((int)chars < min_chars) {
		const char *c = gen_clause();
		size_t n = gen_chars(c);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", chars ? "，" : "", c);
		chars += n + (chars ? 1 : 0);
		if (used + 8 >= len)
			break;
	}
	snprintf(buf + used, len - used, "。");
}

/* ---- plans, areas, measures ---- */

typedef struct gen_area {
	char title[200], short_name[40];
} gen_area;

static gen_area gen_areas[GEN_AREAS];

static void gen_load_areas(void)
{
	sqlite3_stmt *s = gen_prepare("SELECT title, short FROM area WHERE plan_id = 1 ORDER BY num LIMIT 5");
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < GEN_AREAS) {
		snprintf(gen_areas[n].title, sizeof gen_areas[n].title, "%s", sqlite3_column_text(s, 0));
		snprintf(gen_areas[n].short_name, sizeof gen_areas[n].short_name, "%s", sqlite3_column_text(s, 1));
		n++;
	}
	sqlite3_finalize(s);
	if (n != GEN_AREAS)
		gen_die("the built-in plan has no five areas");
}

static int64_t gen_plan(int i, char *code, size_t len)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO plan (code, title, issuer, issued, starts, ends)"
		                " VALUES (?, ?, '重庆市人民政府办公厅', '2016-01-01', '2016-01-01', '2026-12-31')");
	char title[300], clause[200];
	snprintf(code, len, "渝府办发〔%d〕%d号", 2016 + i % 3, 101 + i);
	snprintf(clause, sizeof clause, "%s", gen_clause());
	snprintf(title, sizeof title, "重庆市%s工作方案（第%d批）", clause, i + 1);
	gen_text(s, 1, code);
	gen_text(s, 2, title);
	return gen_insert(s);
}

static int64_t gen_area_row(int64_t plan, int num)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO area (plan_id, num, title, short) VALUES (?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, plan);
	sqlite3_bind_int(s, 2, num);
	gen_text(s, 3, gen_areas[num - 1].title);
	gen_text(s, 4, gen_areas[num - 1].short_name);
	return gen_insert(s);
}

static int64_t gen_measure(int64_t plan, int64_t area, int num)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO measure (plan_id, area_id, num, title, body) VALUES (?, ?, ?, ?, ?)");
	char body[4000], title[200];
	snprintf(title, sizeof title, "%s", gen_clause());
	gen_sentence(body, sizeof body, 100, 400);
	sqlite3_bind_int64(s, 1, plan);
	sqlite3_bind_int64(s, 2, area);
	sqlite3_bind_int(s, 3, num);
	gen_text(s, 4, title);
	gen_text(s, 5, body);
	return gen_insert(s);
}

/* ---- agencies: the built-in ones and district offices, some much busier ---- */

static int64_t gen_agency_ids[GEN_AGENCIES];
static double gen_agency_weight[GEN_AGENCIES + 1];   /* cumulative */

static void gen_agencies(void)
{
	static const char *const districts[] = {
		"渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区", "大渡口区", "渝北区", "巴南区",
		"北碚区", "万州区", "涪陵区", "黔江区", "长寿区", "江津区", "合川区", "永川区",
		"南川区", "綦江区", "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区", "开州区",
	};
	static const char *const offices[] = {
		"科委", "发展改革委", "经济信息委", "教委", "财政局", "人力社保局", "商务委", "农委",
		"知识产权局", "金融办", "市场监管局", "中小企业局",
	};
	sqlite3_stmt *add = gen_prepare("INSERT OR IGNORE INTO agency (name) VALUES (?)");
	sqlite3_stmt *count = gen_prepare("SELECT count(*) FROM agency");
	sqlite3_step(count);
	int have = sqlite3_column_int(count, 0);
	sqlite3_finalize(count);
	for (size_t d = 0; d < sizeof districts / sizeof districts[0]; d++)
		for (size_t o = 0; o < sizeof offices / sizeof offices[0] && have < GEN_AGENCIES; o++, have++) {
			char name[100];
			snprintf(name, sizeof name, "%s%s", districts[d], offices[o]);
			gen_text(add, 1, name);
			gen_insert(add);
		}
	sqlite3_finalize(add);
	/* The built-in agencies first: 市科委 and its peers lead most tasks. */
	sqlite3_stmt *s = gen_prepare("SELECT id FROM agency ORDER BY id LIMIT 300");
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < GEN_AGENCIES)
		gen_agency_ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (n != GEN_AGENCIES)
		gen_die("only %d agencies", n);
	for (int i = 0; i < GEN_AGENCIES; i++)
		gen_agency_weight[i + 1] = gen_agency_weight[i] + 1.0 / pow(i + 1, 0.9);
}

/* An agency by rank, busier ones more often (Zipf-like). */
static int gen_pick_agency(void)
{
	double x = gen_unit() * gen_agency_weight[GEN_AGENCIES];
	int lo = 0, hi = GEN_AGENCIES - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (gen_agency_weight[mid + 1] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void gen_task_agencies(int64_t task)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO task_agency (task_id, agency_id, role, ord) VALUES (?, ?, ?, ?)");
	int picked[6], n = 0, nlead = gen_int(1, 2), total = nlead + gen_int(0, 3);
	while (n < total) {
		int a = gen_pick_agency(), dup = 0;
		for (int k = 0; k < n; k++)
			dup |= picked[k] == a;
		if (dup)
			continue;
		picked[n] = a;
		bool lead = n < nlead;
		sqlite3_bind_int64(s, 1, task);
		sqlite3_bind_int64(s, 2, gen_agency_ids[a]);
		gen_text(s, 3, lead ? "lead" : "support");
		sqlite3_bind_int(s, 4, lead ? n + 1 : n - nlead + 1);
		gen_insert(s);
		n++;
	}
}

/* ---- tasks and their deadlines ---- */

typedef struct gen_task {
	int64_t id;
	int num;
	const char *plan_code;
	int years[4], nyears;        /* due years; one for a single deadline */
	int due_year, due_month;
	double pace;                 /* how fast its agencies deliver: 1 = on course */
	int64_t indicator[GEN_INDICATORS_PER_TASK];
	bool per_year[GEN_INDICATORS_PER_TASK], milestone[GEN_INDICATORS_PER_TASK];
	char name[GEN_INDICATORS_PER_TASK][120];
	double target[GEN_INDICATORS_PER_TASK], baseline[GEN_INDICATORS_PER_TASK];
	bool completed;
} gen_task;

static int gen_month_end(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

/* "2020年年底前", "2019年6月前" or "2018年、2019年、2020年", with the dues JSON. */
static void gen_deadline(gen_task *t, char *text, size_t tlen, char *dues, size_t dlen)
{
	int kind = gen_int(0, 19), first = gen_int(2018, 2026);
	t->nyears = 1;
	t->due_month = 12;
	if (kind < 5 && first < 2026) {
		t->nyears = gen_int(2, 2026 - first + 1 < 4 ? 2026 - first + 1 : 4);
		size_t u = 0, v = (size_t)snprintf(dues, dlen, "[");
		for (int i = 0; i < t->nyears; i++) {
			t->years[i] = first + i;
			u += (size_t)snprintf(text + u, tlen - u, "%s%d年", i ? "、" : "", first + i);
			v += (size_t)snprintf(dues + v, dlen - v, "%s\"%d-12-31\"", i ? "," : "", first + i);
		}
		snprintf(dues + v, dlen - v, "]");
	} else if (kind < 8) {
		t->years[0] = first;
		t->due_month = gen_int(3, 11);
		snprintf(text, tlen, "%d年%d月前", first, t->due_month);
		snprintf(dues, dlen, "[\"%d-%02d-%02d\"]", first, t->due_month, gen_month_end(first, t->due_month));
	} else {
		t->years[0] = first;
		snprintf(text, tlen, "%d年年底前", first);
		snprintf(dues, dlen, "[\"%d-12-31\"]", first);
	}
	t->due_year = t->years[t->nyears - 1];
}

static void gen_task_row(int64_t plan, int64_t measure, int num, gen_task *t)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO task (plan_id, measure_id, num, text, deadline, dues, due, status)"
		                " VALUES (?, ?, ?, ?, ?, ?, json_extract(?6, '$[#-1]'), ?)");
	char text[2000], deadline[100], dues[200];
	gen_sentence(text, sizeof text, 25, 90);
	gen_deadline(t, deadline, sizeof deadline, dues, sizeof dues);
	int roll = gen_int(0, 99);
	t->completed = roll < 8;
	t->pace = 0.45 + gen_unit() * 0.8;
	sqlite3_bind_int64(s, 1, plan);
	sqlite3_bind_int64(s, 2, measure);
	sqlite3_bind_int(s, 3, num);
	gen_text(s, 4, text);
	gen_text(s, 5, deadline);
	gen_text(s, 6, dues);
	gen_text(s, 7, roll < 4 ? "accepted" : roll < 8 ? "completed" : roll < 40 ? "in-progress" : "open");
	t->id = gen_insert(s);
}

/* ---- indicators ---- */

typedef struct gen_kind {
	char name[100], unit[20];
} gen_kind;

static gen_kind gen_kinds[256];
static int gen_nkinds;

static void gen_load_kinds(void)
{
	sqlite3_stmt *s = gen_prepare("SELECT DISTINCT name, unit FROM indicator WHERE kind = 'number'");
	while (sqlite3_step(s) == SQLITE_ROW && gen_nkinds < 256) {
		snprintf(gen_kinds[gen_nkinds].name, sizeof gen_kinds[0].name, "%s", sqlite3_column_text(s, 0));
		snprintf(gen_kinds[gen_nkinds].unit, sizeof gen_kinds[0].unit, "%s", sqlite3_column_text(s, 1));
		gen_nkinds++;
	}
	sqlite3_finalize(s);
	if (gen_nkinds < GEN_INDICATORS_PER_TASK + 1)
		gen_die("the built-in plan has too few indicators");
}

static void gen_bind_target(sqlite3_stmt *s, gen_task *t, int i)
{
	static const char *const cmps[] = { ">=", ">=", ">=", ">=", ">=", ">=", ">", ">", "~", "range" };
	const char *cmp = t->milestone[i] ? ">=" : cmps[gen_int(0, 9)];
	double target = t->milestone[i] ? 1 : round(pow(10, 1 + gen_unit() * 3));
	t->target[i] = target;
	t->baseline[i] = !t->milestone[i] && !t->per_year[i] && gen_int(0, 4) == 0 ? round(target * 0.1) : 0;
	gen_text(s, 4, t->milestone[i] ? "milestone" : "number");
	gen_text(s, 5, cmp);
	sqlite3_bind_double(s, 6, target);
	if (strcmp(cmp, "range") == 0)
		sqlite3_bind_double(s, 7, target * 1.5);
	else
		sqlite3_bind_null(s, 7);
	sqlite3_bind_double(s, 10, t->baseline[i]);
}

static void gen_indicators(gen_task *t)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO indicator (task_id, ord, name, kind, comparator, target, target_hi,"
		                " unit, due, mode, baseline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		                " (SELECT due FROM task WHERE id = ?1), ?9, ?10)");
	int first = gen_int(0, gen_nkinds - 1);
	for (int i = 0; i < GEN_INDICATORS_PER_TASK; i++) {
		const gen_kind *k = &gen_kinds[(first + i) % gen_nkinds];
		t->milestone[i] = gen_int(0, 9) == 0;
		t->per_year[i] = !t->milestone[i] && (t->nyears > 1 ? gen_int(0, 1) : gen_int(0, 9) == 0);
		sqlite3_bind_int64(s, 1, t->id);
		sqlite3_bind_int(s, 2, i + 1);
		snprintf(t->name[i], sizeof t->name[i], "%s%s", k->name, t->milestone[i] ? "建成" : "");
		gen_text(s, 3, t->name[i]);
		gen_text(s, 8, t->milestone[i] ? "" : k->unit);
		gen_bind_target(s, t, i);
		gen_text(s, 9, t->per_year[i] ? "per-year" : "cumulative");
		t->indicator[i] = gen_insert(s);
	}
}

/* ---- the audit chain: a row per report and note, hashed as the program does ---- */

static char gen_prev_hash[AUDIT_HASH_HEX];
static int64_t gen_audit_id;

static void gen_audit_start(void)
{
	sqlite3_stmt *s = gen_prepare("SELECT coalesce(max(id), 0),"
	                              " (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) FROM audit");
	if (sqlite3_step(s) != SQLITE_ROW)
		gen_die("cannot read the audit chain: %s", sqlite3_errmsg(gen_db));
	gen_audit_id = sqlite3_column_int64(s, 0);
	snprintf(gen_prev_hash, sizeof gen_prev_hash, "%s",
	         sqlite3_column_type(s, 1) == SQLITE_NULL ? audit_genesis_hash
	                                                  : (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
}

/* Appends an audit row whose new value is the JSON a statement makes; the
 * canonical text hashed is SQLite's, as in store_audit_append. */
static void gen_audit(const char *at, const char *user, const char *role_name, const char *action,
                      const char *object, sqlite3_stmt *new_json)
{
	static sqlite3_stmt *canon, *ins;
	if (!canon) {
		canon = gen_prepare("SELECT json_array(?1, ?2, ?3, ?4, ?5, ?6, NULL, json(?7))");
		ins = gen_prepare("INSERT INTO audit (id, at, user, role, action, object, old, new, prev_hash, hash)"
		                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?9)");
	}
	if (sqlite3_step(new_json) != SQLITE_ROW)
		gen_die("%s: %s", sqlite3_sql(new_json), sqlite3_errmsg(gen_db));
	const char *fields[] = { at, user, role_name, action, object, (const char *)sqlite3_column_text(new_json, 0) };
	char hash[AUDIT_HASH_HEX];
	sqlite3_bind_int64(canon, 1, ++gen_audit_id);
	sqlite3_bind_int64(ins, 1, gen_audit_id);
	for (int i = 0; i < 6; i++) {
		gen_text(canon, i + 2, fields[i]);
		gen_text(ins, i + 2, fields[i]);
	}
	if (sqlite3_step(canon) != SQLITE_ROW)
		gen_die("%s", sqlite3_errmsg(gen_db));
	audit_hash(gen_prev_hash, (const char *)sqlite3_column_text(canon, 0), hash);
	sqlite3_reset(canon);
	sqlite3_reset(new_json);
	gen_text(ins, 8, gen_prev_hash);
	gen_text(ins, 9, hash);
	gen_insert(ins);
	memcpy(gen_prev_hash, hash, sizeof hash);
}

/* "plan CODE task N …": how the program names a task outside the first plan. */
static void gen_object(const gen_task *t, const char *what, char *buf, size_t len)
{
	snprintf(buf, len, "plan %s task %d %s", t->plan_code, t->num, what);
}

/* ---- quarterly reports ---- */

static const char *const gen_authors[] = { "wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang" };

/* A plausible value of indicator i at the end of a quarter: growth from
 * the baseline at the task's pace, restarting each year when per-year. */
static double gen_value(const gen_task *t, int i, int year, int quarter)
{
	double start = GEN_FIRST_YEAR, end = t->due_year + t->due_month / 12.0;
	double now = year + quarter / 4.0, share;
	if (t->per_year[i])
		share = quarter / 4.0;
	else
		share = end > start ? (now - start) / (end - start) : 1;
	share = share < 0 ? 0 : share > 1 ? 1 : share;
	double v = t->baseline[i] + (t->target[i] - t->baseline[i]) * share * t->pace;
	if (t->milestone[i])
		return share * t->pace >= 0.95 ? 1 : 0;
	return round(v * (0.97 + gen_unit() * 0.06));
}

typedef struct gen_report_row {
	char period[16], note[1200], created[32];
	const char *status, *author;
	double values[GEN_INDICATORS_PER_TASK];
	int nvalues;
} gen_report_row;

static void gen_report_audit(const gen_task *t, const gen_report_row *r)
{
	static sqlite3_stmt *json[GEN_INDICATORS_PER_TASK + 1];
	if (!json[r->nvalues]) {
		char sql[400];
		size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT json_object('period', ?1, 'status', ?2, 'note', ?3,"
		                                           " 'values', json_object(");
		for (int i = 0; i < r->nvalues; i++)
			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s?%d, ?%d", i ? ", " : "", 4 + 2 * i, 5 + 2 * i);
		snprintf(sql + n, sizeof sql - n, "), 'version', 1)");
		json[r->nvalues] = gen_prepare(sql);
	}
	sqlite3_stmt *s = json[r->nvalues];
	gen_text(s, 1, r->period);
	gen_text(s, 2, r->status);
	gen_text(s, 3, r->note);
	for (int i = 0; i < r->nvalues; i++) {
		gen_text(s, 4 + 2 * i, t->name[i]);
		sqlite3_bind_double(s, 5 + 2 * i, r->values[i]);
	}
	char object[300], what[40];
	snprintf(what, sizeof what, "report %s", r->period);
	gen_object(t, what, object, sizeof object);
	gen_audit(r->created, r->author, "reporter", "report", object, s);
}

static void gen_report(const gen_task *t, int year, int quarter, bool last, int nvalues)
{
	static sqlite3_stmt *s, *v;
	if (!s) {
		s = gen_prepare("INSERT INTO report (task_id, period, status, note, author, created)"
		                " VALUES (?, ?, ?, ?, ?, ?)");
		v = gen_prepare("INSERT INTO report_value (report_id, indicator_id, value) VALUES (?, ?, ?)");
	}
	gen_report_row r = { .status = last && t->completed ? "completed" : "in-progress", .nvalues = nvalues };
	snprintf(r.period, sizeof r.period, "%04dQ%d", year, quarter);
	gen_sentence(r.note, sizeof r.note, 15, 140);
	int month = quarter * 3 + 1, cyear = year;
	if (month > 12) {
		month = 1;
		cyear++;
	}
	snprintf(r.created, sizeof r.created, "%04d-%02d-%02dT09:%02d:00Z", cyear, month, gen_int(1, 14), gen_int(0, 59));
	r.author = gen_authors[gen_int(0, 7)];
	sqlite3_bind_int64(s, 1, t->id);
	gen_text(s, 2, r.period);
	gen_text(s, 3, r.status);
	gen_text(s, 4, r.note);
	gen_text(s, 5, r.author);
	gen_text(s, 6, r.created);
	int64_t id = gen_insert(s);
	for (int i = 0; i < nvalues; i++) {
		r.values[i] = gen_value(t, i, year, quarter);
		sqlite3_bind_int64(v, 1, id);
		sqlite3_bind_int64(v, 2, t->indicator[i]);
		sqlite3_bind_double(v, 3, r.values[i]);
		gen_insert(v);
	}
	gen_report_audit(t, &r);
}

/* The task's latest `count` quarters up to 2024Q2 (a quarter earlier for one
 * task in ten: late reporters); `short_values` of its reports carry one value
 * fewer, so that the total is exact. */
static long gen_task_reports(const gen_task *t, int count, int *short_values)
{
	int last = GEN_LAST_YEAR * 4 + GEN_LAST_QUARTER - 1;
	if (gen_int(0, 9) == 0 && last - count >= GEN_FIRST_YEAR * 4)
		last--;
	long values = 0;
	for (int k = count - 1; k >= 0; k--) {
		int idx = last - k;
		int n = GEN_INDICATORS_PER_TASK - (*short_values > 0);
		if (*short_values > 0)
			(*short_values)--;
		gen_report(t, idx / 4, idx % 4 + 1, k == 0, n);
		values += n;
	}
	return values;
}

/* ---- notes ---- */

static void gen_note_audit(const gen_task *t, int64_t id, const char *kind, const char *text,
                           const char *author, const char *created)
{
	static sqlite3_stmt *json;
	if (!json)
		json = gen_prepare("SELECT json_object('id', ?1, 'kind', ?2, 'text', ?3)");
	sqlite3_bind_int64(json, 1, id);
	gen_text(json, 2, kind);
	gen_text(json, 3, text);
	char object[300];
	gen_object(t, "note", object, sizeof object);
	gen_audit(created, author, strcmp(kind, "comment") ? "reporter" : "inspector", "note", object, json);
}

static void gen_notes(const gen_task *t, int count)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("INSERT INTO note (task_id, kind, text, author, created) VALUES (?, ?, ?, ?, ?)");
	for (int k = 0; k < count; k++) {
		char text[2400], created[32];
		gen_sentence(text, sizeof text, 30, 250);
		/* Oldest first, spread over the years of reporting. */
		int day = k * (8 * 365) / (count ? count : 1) + gen_int(0, 30);
		snprintf(created, sizeof created, "%04d-%02d-%02dT%02d:%02d:00Z", GEN_FIRST_YEAR + day / 365,
		         (day % 365) / 31 + 1, (day % 31) % 28 + 1, gen_int(8, 18), gen_int(0, 59));
		bool comment = gen_int(0, 4) == 0;
		const char *kind = comment ? "comment" : "progress";
		const char *author = comment ? "inspector" : gen_authors[gen_int(0, 7)];
		sqlite3_bind_int64(s, 1, t->id);
		gen_text(s, 2, kind);
		gen_text(s, 3, text);
		gen_text(s, 4, author);
		gen_text(s, 5, created);
		gen_note_audit(t, gen_insert(s), kind, text, author, created);
	}
}

/* ---- the whole database ---- */

typedef struct gen_opts {
	const char *db;
	long values, notes;
	int plans, tasks;            /* plans, and tasks in each */
} gen_opts;

/* Spreads total over n items: the first (total % n) get one more. */
static int gen_share(long total, int n, int i)
{
	return (int)(total / n + (i < total % n));
}

/* A status set by the generator, as the program logs one (TASK_STATUS_JSON). */
static void gen_status_audit(const gen_task *t)
{
	static sqlite3_stmt *s;
	if (!s)
		s = gen_prepare("SELECT json_object('status', status, 'version', version, 'accepted_by', accepted_by,"
		                " 'accepted_at', accepted_at) FROM task WHERE id = ?1 AND status <> 'open'");
	sqlite3_bind_int64(s, 1, t->id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return;
	}
	sqlite3_reset(s);
	char object[300];
	snprintf(object, sizeof object, "plan %s task %d", t->plan_code, t->num);
	gen_audit("2016-03-31T09:00:00Z", "gen", "admin", "status", object, s);
}

static void gen_plan_tasks(int64_t plan, const char *code, const int64_t *measures, int p,
                           const gen_opts *o, long *values, int *short_values)
{
	int total = o->plans * o->tasks;
	long reports = (o->values + GEN_INDICATORS_PER_TASK - 1) / GEN_INDICATORS_PER_TASK;
	for (int k = 0; k < o->tasks; k++) {
		int global = p * o->tasks + k;
		int measure = (int)((long)k * GEN_AREAS * GEN_MEASURES_PER_AREA / o->tasks);
		gen_task t = { .num = k + 1, .plan_code = code };
		gen_task_row(plan, measures[measure], k + 1, &t);
		gen_status_audit(&t);
		gen_task_agencies(t.id);
		gen_indicators(&t);
		/* The report values of this task do not touch the generator's stream,
		 * so both databases get the same plans, tasks and notes. */
		uint64_t keep = gen_state;
		*values += gen_task_reports(&t, gen_share(reports, total, global), short_values);
		gen_state = keep;
		gen_next();
		gen_notes(&t, gen_share(o->notes, total, global));
	}
}

static void gen_all(const gen_opts *o)
{
	long values = 0;
	long reports = (o->values + GEN_INDICATORS_PER_TASK - 1) / GEN_INDICATORS_PER_TASK;
	int short_values = (int)(reports * GEN_INDICATORS_PER_TASK - o->values);
	gen_exec("BEGIN");
	gen_audit_start();
	gen_agencies();
	for (int p = 0; p < o->plans; p++) {
		char code[64];
		int64_t plan = gen_plan(p, code, sizeof code), measures[GEN_AREAS * GEN_MEASURES_PER_AREA];
		for (int a = 0; a < GEN_AREAS; a++) {
			int64_t area = gen_area_row(plan, a + 1);
			for (int m = 0; m < GEN_MEASURES_PER_AREA; m++)
				measures[a * GEN_MEASURES_PER_AREA + m] =
					gen_measure(plan, area, a * GEN_MEASURES_PER_AREA + m + 1);
		}
		gen_plan_tasks(plan, code, measures, p, o, &values, &short_values);
	}
	gen_exec("COMMIT");
	if (values != o->values)
		gen_die("made %ld report values, not %ld", values, o->values);
}

/* The plans' definitions as the program records an import: its own digest,
 * through its own audit append (so the chain and the anchor follow). */
static void gen_record_definition(const char *path)
{
	char err[512], digest[AUDIT_HASH_HEX];
	store *st = store_open(path, 0, 5000, err, sizeof err);
	if (!st)
		gen_die("%s", err);
	static const actor gen_actor = { "gen", ROLE_ADMIN, "" };
	json_field f[] = { { "generated", JSON_TEXT, "bench-gen", 0, 0 }, { "definition", JSON_TEXT, digest, 0, 0 } };
	char *json = NULL;
	bool ok = store_definition_digest(st, digest) && db_exec(st->db, "BEGIN IMMEDIATE") &&
	          (json = store_json_object(st, f, 2)) != NULL &&
	          store_audit_append(st, &gen_actor, "import", "plan generated", NULL, json) && db_exec(st->db, "COMMIT");
	free(json);
	if (!ok)
		gen_die("cannot record the definitions: %s", store_error(st));
	store_close(st);
}

static int gen_usage(void)
{
	fprintf(stderr, "usage: bench-gen --db PATH [--plans N] [--tasks N] [--values N] [--notes N] [--seed S]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "values", required_argument, 0, 'v' },
		{ "notes", required_argument, 0, 'n' }, { "seed", required_argument, 0, 's' },
		{ "plans", required_argument, 0, 'p' }, { "tasks", required_argument, 0, 't' },
		{ 0, 0, 0, 0 },
	};
	gen_opts o = { NULL, 1000000, 200000, 20, 500 };
	int opt;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': o.db = optarg; break;
		case 'v': o.values = strtol(optarg, NULL, 10); break;
		case 'n': o.notes = strtol(optarg, NULL, 10); break;
		case 's': gen_state ^= strtoull(optarg, NULL, 10); break;
		case 'p': o.plans = atoi(optarg); break;
		case 't': o.tasks = atoi(optarg); break;
		default: return gen_usage();
		}
	}
	if (!o.db || optind != argc || o.values < 0 || o.notes < 0 || o.plans < 1 || o.tasks < 1)
		return gen_usage();
	if (sqlite3_open_v2(o.db, &gen_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		gen_die("cannot open %s: %s", o.db, sqlite3_errmsg(gen_db));
	/* A scratch database: losing it to a crash costs a rerun, not data. */
	gen_exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000");
	gen_load_clauses();
	gen_load_areas();
	gen_load_kinds();
	gen_all(&o);
	gen_exec("PRAGMA wal_checkpoint(TRUNCATE)");
	/* The statements were kept prepared: close once they are done with. */
	sqlite3_close_v2(gen_db);
	gen_record_definition(o.db);
	return 0;
}
