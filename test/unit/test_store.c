#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/deadline.h"
#include "ducha/store.h"

static char path[64];
static store *st;
static plan_rec plan;
static const actor admin = { "tester", ROLE_ADMIN, "" };

static void setup(void)
{
	char err[512];
	snprintf(path, sizeof path, "/tmp/ducha-unit-%d.db", (int)getpid());
	unlink(path);
	st = store_open(path, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	ck_assert_msg(store_init_builtin(st, &admin), "%s", store_error(st));
	ck_assert(store_plan(st, NULL, &plan));
}

static void teardown(void)
{
	model_plan_free(&plan);
	store_close(st);
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

START_TEST(builtin_plan_deadlines_match_the_parser)
{
	task_rec *tasks;
	int n;
	ck_assert(store_tasks(st, plan.id, NULL, &tasks, &n));
	ck_assert_int_eq(n, 38);
	for (int i = 0; i < n; i++) {
		deadline dl;
		char err[200];
		ck_assert_msg(deadline_parse(tasks[i].deadline, &dl, err, sizeof err), "task %d: %s",
		              tasks[i].num, err);
		ck_assert_int_eq(dl.count, tasks[i].ndues);
		for (int k = 0; k < dl.count; k++)
			ck_assert_int_eq(dl.dues[k], tasks[i].dues[k]);
		ck_assert_int_eq(tasks[i].due, dl.dues[dl.count - 1]);
		model_task_free(&tasks[i]);
	}
	free(tasks);
}
END_TEST

START_TEST(plan_starts_on_issue_date)
{
	char d[DATE_TEXT_SIZE];
	date_format(plan.starts, d);
	ck_assert_str_eq(d, "2016-02-06");
	ck_assert_str_eq(plan.code, "渝府办发〔2016〕25号");
}
END_TEST

START_TEST(report_round_trip_and_audit)
{
	task_detail d;
	bool found;
	ck_assert(store_task_detail(st, plan.id, 15, &d, &found));
	ck_assert_int_eq(d.nindicators, 4);
	ck_assert_str_eq(d.indicators[1].name, "科技型企业");
	ck_assert(d.indicators[1].cmp == CMP_GT);
	ck_assert(d.indicators[1].target == 5000);
	ck_assert(!d.indicators[1].has_baseline);                /* a stock: 基数未设 */
	ck_assert_str_eq(d.indicators[3].name, "培育科技小巨人企业");
	ck_assert(strstr(d.indicators[3].source, "措施（六）"));
	int64_t ids[] = { d.indicators[1].id };
	double values[] = { 2100 };
	report_input in = { .task_id = d.task.id, .period = "2016Q4", .note = "说明",
	                    .nvalues = 1, .indicator_ids = ids, .values = values };
	model_detail_free(&d);
	ck_assert_msg(store_save_report(st, &admin, &in), "%s", store_error(st));
	values[0] = 2300;
	in.note = NULL;
	ck_assert(store_save_report(st, &admin, &in));
	ck_assert(store_task_detail(st, plan.id, 15, &d, &found));
	ck_assert_int_eq(d.nreports, 1);
	ck_assert_int_eq(d.reports[0].version, 2);
	ck_assert(d.reports[0].values[0] == 2300);
	ck_assert_str_eq(d.reports[0].note, "说明");   /* NULL note keeps the old one */
	model_detail_free(&d);
	audit_rec *rows;
	int n;
	ck_assert(store_audit(st, "task 15", &rows, &n));
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(rows[1].action, "report");
	ck_assert_ptr_nonnull(strstr(rows[1].old, "2100"));
	ck_assert_ptr_nonnull(strstr(rows[1].new_value, "2300"));
	for (int i = 0; i < n; i++)
		store_audit_free(&rows[i]);
	free(rows);
}
END_TEST

START_TEST(a_failed_write_leaves_nothing)
{
	int64_t ids[] = { 999999 };   /* not an indicator of task 15 */
	double values[] = { 1 };
	task_detail d;
	bool found;
	ck_assert(store_task_detail(st, plan.id, 15, &d, &found));
	report_input in = { .task_id = d.task.id, .period = "2016Q4", .nvalues = 1,
	                    .indicator_ids = ids, .values = values };
	model_detail_free(&d);
	ck_assert(!store_save_report(st, &admin, &in));
	ck_assert(store_task_detail(st, plan.id, 15, &d, &found));
	ck_assert_int_eq(d.nreports, 0);
	model_detail_free(&d);
	audit_rec *rows;
	int n;
	ck_assert(store_audit(st, NULL, &rows, &n));
	ck_assert_int_eq(n, 1);   /* only the init row */
	store_audit_free(&rows[0]);
	free(rows);
}
END_TEST

static void count_problem(void *ctx, const char *problem)
{
	char *first = ctx;
	if (!first[0])
		snprintf(first, 300, "%s", problem);
}

START_TEST(tampered_audit_row_is_named)
{
	ck_assert(store_add_note(st, &admin, 1, "progress", "一", false));
	ck_assert(store_add_note(st, &admin, 1, "progress", "二", false));
	char first[300] = "";
	int problems = -1;
	ck_assert(store_check(st, count_problem, first, &problems));
	ck_assert_int_eq(problems, 0);
	sqlite3 *raw;
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "DROP TRIGGER audit_no_update;"
	                              "UPDATE audit SET user = 'mallory' WHERE id = 2", 0, 0, 0), SQLITE_OK);
	sqlite3_close(raw);
	ck_assert(store_check(st, count_problem, first, &problems));
	ck_assert_int_ge(problems, 1);   /* the chain, then the dropped trigger */
	ck_assert_msg(strstr(first, "第 2 行") != NULL, "%s", first);
}
END_TEST

START_TEST(audit_rows_cannot_be_changed)
{
	sqlite3 *raw;
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(raw, "UPDATE audit SET user = 'x'", 0, 0, 0), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(raw, "DELETE FROM audit", 0, 0, 0), SQLITE_OK);
	sqlite3_close(raw);
}
END_TEST

START_TEST(json_is_built_by_sqlite)
{
	json_field f[] = {
		{ "text", JSON_TEXT, "引号\"\\\n换行", 0, 0 },
		{ "n", JSON_INT, NULL, 42, 0 },
		{ "list", JSON_RAW, "[1,2]", 0, 0 },
		{ "none", JSON_NULL, NULL, 0, 0 },
	};
	char *j = store_json_object(st, f, 4);
	ck_assert_str_eq(j, "{\"text\":\"引号\\\"\\\\\\n换行\",\"n\":42,\"list\":[1,2],\"none\":null}");
	free(j);
	j = store_json_string_list(st, "市科委;市教委");
	ck_assert_str_eq(j, "[\"市科委\",\"市教委\"]");
	free(j);
	char *items[] = { "{}", "[1]" };
	j = store_json_array(st, items, 2);
	ck_assert_str_eq(j, "[{},[1]]");
	free(j);
	char *broken[] = { "{" };
	ck_assert_ptr_null(store_json_array(st, broken, 1));
}
END_TEST

static Suite *store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, builtin_plan_deadlines_match_the_parser);
	tcase_add_test(tc, plan_starts_on_issue_date);
	tcase_add_test(tc, report_round_trip_and_audit);
	tcase_add_test(tc, a_failed_write_leaves_nothing);
	tcase_add_test(tc, tampered_audit_row_is_named);
	tcase_add_test(tc, audit_rows_cannot_be_changed);
	tcase_add_test(tc, json_is_built_by_sqlite);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(store_suite)
