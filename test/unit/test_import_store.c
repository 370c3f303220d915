/* The store side of issue 9: several plans, import in one transaction,
 * batch reports under the SQL permission predicates, export, backup. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/store.h"

static char path[64], other[80];
static store *st;
static plan_rec plan;
static const actor admin = { "tester", ROLE_ADMIN, "" };

static void remove_db(const char *p)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char side[128];
	for (size_t i = 0; i < 4; i++) {
		snprintf(side, sizeof side, "%s%s", p, suffixes[i]);
		unlink(side);
	}
}

static void setup(void)
{
	char err[512];
	snprintf(path, sizeof path, "/tmp/ducha-import-%d.db", (int)getpid());
	snprintf(other, sizeof other, "/tmp/ducha-import-%d-other.db", (int)getpid());
	remove_db(path);
	remove_db(other);
	st = store_open(path, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	ck_assert_msg(store_init_builtin(st, &admin), "%s", store_error(st));
	ck_assert(store_plan(st, NULL, &plan));
}

static void teardown(void)
{
	model_plan_free(&plan);
	store_close(st);
	remove_db(path);
	remove_db(other);
}

/* The store keeps its SQL to itself; a side connection counts rows. */
static long long count(const char *what)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	long long n = -1;
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", what);
	ck_assert(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(h);
	return n;
}

static void ignore(void *ctx, const char *problem)
{
	(void)ctx;
	(void)problem;
}

static const char *const lead[] = { "市科委", "市新单位" };
static const char *const support[] = { "市教委" };
static const import_indicator inds[] = { { "众创空间", "家", CMP_RANGE, 3, 5, true, true } };

static plan_import small_plan(const char *code, import_task *task)
{
	static const import_area area = { 1, "全部任务", "全部任务" };
	static const import_measure measure = { 1, 1, "全部任务" };
	*task = (import_task){ .num = 7, .measure = 1, .text = "建设众创空间3―5家", .deadline = "2018年年底前",
	                       .ndues = 1, .lead = lead, .nlead = 2, .support = support, .nsupport = 1,
	                       .indicators = inds, .nindicators = 1 };
	task->dues[0] = date_from_ymd(2018, 12, 31);
	return (plan_import){ .code = code, .title = "小方案", .source = "t.csv",
	                      .starts = date_from_ymd(2018, 1, 1), .ends = task->dues[0],
	                      .areas = &area, .nareas = 1, .measures = &measure, .nmeasures = 1,
	                      .tasks = task, .ntasks = 1 };
}

START_TEST(plans_are_listed_oldest_first)
{
	import_task t;
	plan_import in = small_plan("S1", &t);
	ck_assert_msg(store_import_plan(st, &admin, &in), "%s", store_error(st));
	plan_rec *plans;
	int n;
	ck_assert(store_plans(st, &plans, &n));
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(plans[0].code, plan.code);
	ck_assert_str_eq(plans[1].code, "S1");
	ck_assert_int_eq(plans[1].starts, date_from_ymd(2018, 1, 1));
	store_plans_free(plans, n);
	/* The same task number in two plans: each plan finds its own. */
	task_detail d;
	bool found;
	plan_rec s1;
	ck_assert(store_plan(st, "S1", &s1));
	ck_assert(store_task_detail(st, s1.id, 7, &d, &found));
	ck_assert_str_eq(d.task.text, "建设众创空间3―5家");
	ck_assert_str_eq(d.task.lead, "市科委;市新单位");
	ck_assert_int_eq(d.nindicators, 1);
	ck_assert(d.indicators[0].mode == MODE_PER_YEAR);
	ck_assert(d.indicators[0].target_hi == 5);
	model_detail_free(&d);
	ck_assert(store_task_detail(st, plan.id, 7, &d, &found));
	ck_assert_str_ne(d.task.text, "建设众创空间3―5家");
	model_detail_free(&d);
	model_plan_free(&s1);
}
END_TEST

START_TEST(import_is_all_or_nothing)
{
	import_task t;
	plan_import in = small_plan(plan.code, &t);
	long long audit = count("audit"), agencies = count("agency");
	ck_assert(!store_import_plan(st, &admin, &in));          /* the code is taken */
	ck_assert(strstr(store_error(st), "已有编号") != NULL);
	in = small_plan("S2", &t);
	t.measure = 9;                                            /* no such measure: fails late */
	ck_assert(!store_import_plan(st, &admin, &in));
	ck_assert_int_eq(count("plan"), 1);
	ck_assert_int_eq(count("agency"), agencies);           /* 市新单位 was rolled back too */
	ck_assert_int_eq(count("audit"), audit);
	t.measure = 1;
	ck_assert(store_import_plan(st, &admin, &in));
	ck_assert_int_eq(count("agency"), agencies + 1);
	ck_assert_int_eq(count("audit WHERE action = 'import' AND object = 'plan S2'"), 1);
	int problems = -1;
	ck_assert(store_check(st, ignore, NULL, &problems));
	ck_assert_int_eq(problems, 0);
}
END_TEST

START_TEST(import_into_an_empty_database)
{
	char err[512];
	store *e = store_open(other, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(e != NULL, "%s", err);
	bool exists = true;
	ck_assert(store_plan_exists(e, "S1", &exists));
	ck_assert(!exists);
	import_task t;
	plan_import in = small_plan("S1", &t);
	ck_assert_msg(store_import_plan(e, &admin, &in), "%s", store_error(e));
	ck_assert(store_plan_exists(e, "S1", &exists));
	ck_assert(exists);
	char *json = store_export_json(e, 1);
	ck_assert(json != NULL);
	ck_assert_msg(strstr(json, "\"lead\":[\"市科委\",\"市新单位\"]") != NULL, "%s", json);
	ck_assert(strstr(json, "\"comparator\":\"range\"") != NULL);
	ck_assert(strstr(json, "\"dues\":[\"2018-12-31\"]") != NULL);
	free(json);
	store_close(e);
}
END_TEST

START_TEST(batch_reports_respect_the_sql_predicates)
{
	task_detail own, foreign;
	bool found;
	ck_assert(store_task_detail(st, plan.id, 3, &own, &found));       /* 市科委 leads */
	ck_assert(store_task_detail(st, plan.id, 20, &foreign, &found));  /* 市科委 not on it */
	report_input in[2] = {
		{ .task_id = own.task.id, .period = "2017Q1", .status = "in-progress", .note = "甲" },
		{ .task_id = foreign.task.id, .period = "2017Q1", .status = "in-progress", .note = "乙" },
	};
	long long audit = count("audit");
	int failed = -2;
	/* The C check is bypassed on purpose: the SQL must refuse on its own. */
	const actor kewei = { "kewei", ROLE_REPORTER, "市科委" };
	ck_assert(!store_save_reports(st, &kewei, in, 2, &failed));
	ck_assert_int_eq(failed, 1);
	ck_assert_int_eq(store_last_failure(st), STORE_FAIL_DENIED);
	ck_assert_int_eq(count("report"), 0);                       /* the first was rolled back */
	ck_assert_int_eq(count("audit"), audit);
	ck_assert(store_save_reports(st, &kewei, in, 1, &failed));
	ck_assert_int_eq(failed, -1);
	ck_assert(store_save_reports(st, &admin, in, 2, &failed));
	ck_assert_int_eq(count("report"), 2);
	ck_assert_int_eq(count("audit WHERE action = 'report'"), 3);
	/* A moved version fails the whole batch. */
	in[0].expected_version = STORE_EXPECT_NEW;
	ck_assert(!store_save_reports(st, &admin, in, 2, &failed));
	ck_assert_int_eq(failed, 0);
	ck_assert_int_eq(store_last_failure(st), STORE_FAIL_CONFLICT);
	int problems = -1;
	ck_assert(store_check(st, ignore, NULL, &problems));
	ck_assert_int_eq(problems, 0);
	model_detail_free(&own);
	model_detail_free(&foreign);
}
END_TEST

START_TEST(backup_and_restore)
{
	char err[1024];
	ck_assert_msg(store_backup(path, other, false, 1000, err, sizeof err), "%s", err);
	ck_assert(!store_backup(path, other, false, 1000, err, sizeof err));   /* no overwrite */
	ck_assert(strstr(err, "已存在") != NULL);
	ck_assert_msg(store_backup(path, other, true, 1000, err, sizeof err), "%s", err);
	long long audit = count("audit");
	ck_assert_msg(store_restore(path, other, &admin, 1000, err, sizeof err), "%s", err);
	ck_assert_int_eq(count("audit"), audit + 1);
	ck_assert_int_eq(count("audit WHERE action = 'restore'"), 1);
	/* A SQLite file that is not ducha's is refused, and nothing changes. */
	sqlite3 *h;
	ck_assert(sqlite3_open(other, &h) == SQLITE_OK);
	ck_assert(sqlite3_exec(h, "PRAGMA application_id = 7", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(h);
	ck_assert(!store_restore(path, other, &admin, 1000, err, sizeof err));
	ck_assert_msg(strstr(err, "不是 ducha 数据库") != NULL, "%s", err);
	ck_assert_int_eq(count("audit"), audit + 1);
	int problems = -1;
	ck_assert(store_check(st, ignore, NULL, &problems));
	ck_assert_int_eq(problems, 0);
}
END_TEST

static Suite *import_store_suite(void)
{
	Suite *s = suite_create("import_store");
	TCase *tc = tcase_create("import_store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plans_are_listed_oldest_first);
	tcase_add_test(tc, import_is_all_or_nothing);
	tcase_add_test(tc, import_into_an_empty_database);
	tcase_add_test(tc, batch_reports_respect_the_sql_predicates);
	tcase_add_test(tc, backup_and_restore);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(import_store_suite)
