/* Every hot query (store_hot_sql) goes through an index: EXPLAIN QUERY PLAN
 * of each on the program's own schema shows no full scan of a table that
 * grows with use. Without ANALYZE statistics (the program never gathers
 * any) SQLite plans the same on a small database as on a large one, so the
 * built-in plan's database is enough to judge. */
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/store.h"

static char path[64];
static sqlite3 *db;

/* Tables that grow with tasks, reports, notes and changes; plan and agency
 * stay small (a handful of plans, a few hundred agencies). */
static const char *const growing[] = { "task", "task_agency", "indicator", "report", "report_value",
	                                   "note", "audit", "measure", "area" };

/* The aliases the store's SQL gives those tables. */
static const struct {
	const char *alias, *table;
} aliases[] = {
	{ "t", "task" }, { "x", "task_agency" }, { "y", "task_agency" }, { "i", "indicator" },
	{ "r", "report" }, { "v", "report_value" }, { "n", "note" }, { "m", "measure" }, { "a", "area" },
};

static const char *table_of(const char *name)
{
	for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
		if (strcmp(name, aliases[k].alias) == 0)
			return aliases[k].table;
	return name;
}

static bool grows(const char *table)
{
	for (size_t k = 0; k < sizeof growing / sizeof growing[0]; k++)
		if (strcmp(table, growing[k]) == 0)
			return true;
	return false;
}

/* "SCAN t" or "SCAN report" without an index: the table it names, or NULL. */
static const char *full_scan(const char *detail, char *name, size_t len)
{
	if (strncmp(detail, "SCAN ", 5) != 0 || strstr(detail, "USING INDEX") ||
	    strstr(detail, "USING COVERING INDEX"))
		return NULL;
	snprintf(name, len, "%s", detail + 5);
	name[strcspn(name, " ")] = '\0';
	const char *table = table_of(name);
	return grows(table) ? table : NULL;
}

static void setup(void)
{
	char err[512];
	actor admin = { "tester", ROLE_ADMIN, "" };
	snprintf(path, sizeof path, "/tmp/ducha-plan-%d.db", (int)getpid());
	unlink(path);
	store *st = store_open(path, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	ck_assert_msg(store_init_builtin(st, &admin), "%s", store_error(st));
	store_close(st);
	ck_assert(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
}

static void teardown(void)
{
	char side[80];
	sqlite3_close(db);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* The plan of one query; fails naming the query and the scan. */
static void check_plan(const store_sql *q)
{
	char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", q->sql);
	sqlite3_stmt *s;
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", q->name,
	              sqlite3_errmsg(db));
	int rows = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		char name[128];
		const char *table = full_scan(detail, name, sizeof name);
		ck_assert_msg(table == NULL, "query %s reads all of table %s: %s", q->name, table, detail);
		rows++;
	}
	ck_assert_msg(rows > 0, "query %s: no plan", q->name);
	sqlite3_finalize(s);
	sqlite3_free(sql);
}

START_TEST(hot_queries_use_indexes)
{
	int n;
	const store_sql *hot = store_hot_sql(&n);
	ck_assert_int_ge(n, 20);
	for (int i = 0; i < n; i++)
		check_plan(&hot[i]);
}
END_TEST

/* A task's history reads the trail by object: without statistics SQLite
 * would as soon take the index by action, or the rowid range since init,
 * and read every report row of a long trail (issue 17: 100 ms a task). */
START_TEST(a_tasks_history_reads_by_object)
{
	int n;
	const store_sql *hot = store_hot_sql(&n);
	int checked = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(hot[i].name, "report_steps") && strcmp(hot[i].name, "audit_of"))
			continue;
		char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", hot[i].sql);
		sqlite3_stmt *s;
		ck_assert(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK);
		bool by_object = false;
		while (sqlite3_step(s) == SQLITE_ROW)
			by_object = by_object || strstr((const char *)sqlite3_column_text(s, 3), "INDEX audit_by_object");
		ck_assert_msg(by_object, "query %s does not read the trail by object", hot[i].name);
		sqlite3_finalize(s);
		sqlite3_free(sql);
		checked++;
	}
	ck_assert_int_eq(checked, 2);
}
END_TEST

/* The plan text of one hot query, its lines joined (malloc'd). */
static char *plan_of(const char *name)
{
	int n;
	const store_sql *hot = store_hot_sql(&n);
	for (int i = 0; i < n; i++) {
		if (strcmp(hot[i].name, name) != 0)
			continue;
		char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", hot[i].sql);
		sqlite3_stmt *s;
		ck_assert(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK);
		char *text = sqlite3_mprintf("%s", "");
		while (sqlite3_step(s) == SQLITE_ROW) {
			char *more = sqlite3_mprintf("%s%s\n", text, (const char *)sqlite3_column_text(s, 3));
			sqlite3_free(text);
			text = more;
		}
		sqlite3_finalize(s);
		sqlite3_free(sql);
		return text;
	}
	ck_abort_msg("no hot query %s", name);
	return NULL;
}

/* A task's history and an indicator's series are read from the covering
 * indexes alone, never the report rows with their notes (issue 17: a list
 * of 2,000 tasks read 68,000 report rows). */
START_TEST(histories_read_from_covering_indexes)
{
	char *heads = plan_of("details_report_heads"), *values = plan_of("details_values");
	ck_assert_msg(strstr(heads, "COVERING INDEX report_heads"), "%s", heads);
	ck_assert_msg(strstr(values, "COVERING INDEX report_value_series"), "%s", values);
	ck_assert_msg(!strstr(heads, "TEMP B-TREE") && !strstr(values, "TEMP B-TREE"), "%s%s", heads, values);
	sqlite3_free(heads);
	sqlite3_free(values);
}
END_TEST

/* An area's or an agency's tasks are found from the area's measures or the
 * agency's index, not by reading the whole plan in number order and
 * filtering (issue 17: every pane and every agency of a 通报 read all of it). */
START_TEST(filters_drive_from_their_index)
{
	static const struct { const char *query, *index; } want[] = {
		{ "task_nums_area", "task_measure" }, { "tasks_area", "task_measure" },
		{ "task_nums_agency", "task_agency_by_agency" }, { "tasks_agency", "task_agency_by_agency" },
		{ "task_nums_area_agency", "task_agency_by_agency" }, { "tasks_area_agency", "task_agency_by_agency" },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *plan = plan_of(want[i].query);
		ck_assert_msg(strstr(plan, want[i].index), "%s: %s", want[i].query, plan);
		ck_assert_msg(!strstr(plan, "sqlite_autoindex_task_1"), "%s reads the plan: %s", want[i].query, plan);
		sqlite3_free(plan);
	}
}
END_TEST

/* The check itself: a query that does scan is caught, through an alias too. */
START_TEST(a_full_scan_is_caught)
{
	char name[128];
	ck_assert_str_eq(full_scan("SCAN r", name, sizeof name), "report");
	ck_assert_str_eq(full_scan("SCAN audit", name, sizeof name), "audit");
	ck_assert_ptr_null(full_scan("SCAN t USING INDEX task_due", name, sizeof name));
	ck_assert_ptr_null(full_scan("SCAN r USING COVERING INDEX report_period", name, sizeof name));
	ck_assert_ptr_null(full_scan("SCAN json_each VIRTUAL TABLE INDEX 1:", name, sizeof name));
	ck_assert_ptr_null(full_scan("SCAN plan", name, sizeof name));
	ck_assert_ptr_null(full_scan("SEARCH r USING INDEX sqlite_autoindex_report_1 (task_id=?)", name, sizeof name));
	store_sql scan = { "by-note-text", "SELECT id FROM report WHERE note = 'x'" };
	char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", scan.sql);
	sqlite3_stmt *s;
	ck_assert(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK);
	ck_assert(sqlite3_step(s) == SQLITE_ROW);
	ck_assert_str_eq(full_scan((const char *)sqlite3_column_text(s, 3), name, sizeof name), "report");
	sqlite3_finalize(s);
	sqlite3_free(sql);
}
END_TEST

static Suite *plan_suite(void)
{
	Suite *s = suite_create("query_plan");
	TCase *tc = tcase_create("explain");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, hot_queries_use_indexes);
	tcase_add_test(tc, a_tasks_history_reads_by_object);
	tcase_add_test(tc, histories_read_from_covering_indexes);
	tcase_add_test(tc, filters_drive_from_their_index);
	tcase_add_test(tc, a_full_scan_is_caught);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(plan_suite)
