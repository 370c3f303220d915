/* The search (the TUI's /): three characters or more go through the trigram
 * index, which the triggers keep in step with every write — a report saved
 * and saved again, a note added — and which holds exactly the texts there
 * are; one or two characters search the task texts. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/store.h"

static char path[64];
static store *st;
static plan_rec plan;
static const actor admin = { "tester", ROLE_ADMIN, "" };

static void setup(void)
{
	char err[512];
	snprintf(path, sizeof path, "/tmp/ducha-search-%d.db", (int)getpid());
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
	snprintf(side, sizeof side, "%s.anchor", path);
	unlink(side);
}

/* How many hits of kind (or of any kind, -1) name task num. */
static int hits(const char *needle, int num, int kind)
{
	search_hit *h;
	int n, found = 0;
	ck_assert_msg(store_search(st, plan.id, needle, 200, &h, &n), "%s", store_error(st));
	for (int i = 0; i < n; i++)
		found += h[i].task_num == num && (kind < 0 || (int)h[i].kind == kind);
	store_search_free(h, n);
	return found;
}

static int64_t task_id(int num)
{
	task_detail d;
	bool found;
	ck_assert(store_task_detail(st, plan.id, num, &d, &found) && found);
	int64_t id = d.task.id;
	model_detail_free(&d);
	return id;
}

static void save_note(int num, const char *period, const char *note)
{
	report_input in = { .task_id = task_id(num), .expected_version = STORE_ANY_VERSION, .status = "in-progress",
		            .note = note };
	snprintf(in.period, sizeof in.period, "%s", period);
	ck_assert_msg(store_save_report(st, &admin, &in), "%s", store_error(st));
}

START_TEST(three_characters_find_every_kind_of_text)
{
	ck_assert_int_eq(hits("研发创新中心", 1, SEARCH_TASK), 1);
	ck_assert_int_eq(hits("研发创新中心", 2, SEARCH_TASK), 1);
	ck_assert_int_eq(hits("蓝鲸计划专项", 5, -1), 0);
	save_note(5, "2016Q2", "已启动蓝鲸计划专项，完成两家机构签约");
	ck_assert_int_eq(hits("蓝鲸计划专项", 5, SEARCH_REPORT), 1);
	/* Saved again with another note: the old words are gone, the new found. */
	save_note(5, "2016Q2", "改为白鹭计划");
	ck_assert_int_eq(hits("蓝鲸计划专项", 5, -1), 0);
	ck_assert_int_eq(hits("白鹭计划", 5, SEARCH_REPORT), 1);
	ck_assert(store_add_note(st, &admin, task_id(7), "comment", "请尽快报送路线图初稿", false));
	ck_assert_int_eq(hits("路线图初稿", 7, SEARCH_COMMENT), 1);
	ck_assert(store_add_note(st, &admin, task_id(7), "progress", "路线图初稿已完成", false));
	ck_assert_int_eq(hits("路线图初稿", 7, SEARCH_PROGRESS), 1);
	/* Case is folded for Latin letters; a quote in the needle is only a character. */
	save_note(9, "2016Q2", "引入 OTC 板块");
	ck_assert_int_eq(hits("otc", 9, SEARCH_REPORT), 1);
	ck_assert_int_eq(hits("\"OTC", 9, -1), 0);
}
END_TEST

START_TEST(two_characters_search_the_task_texts)
{
	save_note(5, "2016Q2", "蓝鲸计划");
	ck_assert(store_search_is_short("蓝鲸"));
	ck_assert(!store_search_is_short("蓝鲸计"));
	ck_assert_int_eq(hits("蓝鲸", 5, -1), 0);
	ck_assert_int_eq(hits("研发", 1, SEARCH_TASK), 1);
}
END_TEST

/* The index holds exactly the texts there are: one row per task and note,
 * one per report with a note; nothing after they are gone. */
START_TEST(the_index_holds_the_texts)
{
	save_note(5, "2016Q2", "说明");
	save_note(6, "2016Q2", "");
	ck_assert(store_add_note(st, &admin, task_id(7), "comment", "意见", false));
	sqlite3 *db;
	ck_assert(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	sqlite3_stmt *q;
	ck_assert(sqlite3_prepare_v2(db,
	                             "SELECT (SELECT count(*) FROM search_text),"
	                             " (SELECT count(*) FROM task) + (SELECT count(*) FROM note)"
	                             " + (SELECT count(*) FROM report WHERE note <> ''),"
	                             " (SELECT count(*) FROM search_text s WHERE s.rowid % 4 = 2 AND NOT EXISTS"
	                             "   (SELECT 1 FROM report r WHERE r.id = s.rowid / 4 AND r.note = s.text))",
	                             -1, &q, NULL) == SQLITE_OK);
	ck_assert(sqlite3_step(q) == SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(q, 0), sqlite3_column_int(q, 1));
	ck_assert_int_eq(sqlite3_column_int(q, 2), 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
}
END_TEST

static Suite *search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("index");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, three_characters_find_every_kind_of_text);
	tcase_add_test(tc, two_characters_search_the_task_texts);
	tcase_add_test(tc, the_index_holds_the_texts);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(search_suite)
