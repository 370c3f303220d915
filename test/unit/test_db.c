/* The statement cache of the SQLite wrapper: one statement per SQL text,
 * found by its text wherever the text lives, and still right after the
 * oldest statements have been evicted. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/db.h"

static char path[64];
static db *d;

static void setup(void)
{
	char err[256];
	snprintf(path, sizeof path, "/tmp/ducha-db-%d.db", (int)getpid());
	unlink(path);
	d = db_open(path, DB_CREATE, 1000, err, sizeof err);
	ck_assert_msg(d != NULL, "%s", err);
}

static void teardown(void)
{
	db_close(d);
	unlink(path);
}

/* The value SELECT n gives, through a statement for that text. */
static int64_t select_n(int n)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT %d", n);
	db_stmt *q = db_prepare(d, sql);
	ck_assert_msg(q != NULL, "%s", db_error(d));
	ck_assert_int_eq(db_step(q), 1);
	int64_t v = db_col_int(q, 0);
	db_reset(q);
	return v;
}

START_TEST(same_text_same_statement)
{
	char a[32], b[32];
	snprintf(a, sizeof a, "SELECT :x + 1");
	snprintf(b, sizeof b, "SELECT :x + 1");
	db_stmt *first = db_prepare(d, a);
	ck_assert_ptr_nonnull(first);
	ck_assert(db_bind_int(first, ":x", 41));
	ck_assert_ptr_eq(db_prepare(d, b), first);   /* by text, not by address */
	/* Handed out again with its bindings cleared. */
	ck_assert_int_eq(db_step(first), 1);
	ck_assert(db_col_is_null(first, 0));
	db_reset(first);
	ck_assert_ptr_ne(db_prepare(d, "SELECT :x + 2"), first);
}
END_TEST

START_TEST(right_after_evictions)
{
	/* More texts than the cache holds: the oldest go, lookups stay right. */
	for (int round = 0; round < 3; round++)
		for (int n = 0; n < 300; n++)
			ck_assert_int_eq(select_n(n), n);
	for (int n = 299; n >= 0; n -= 7)
		ck_assert_int_eq(select_n(n), n);
}
END_TEST

static Suite *db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("cache");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, same_text_same_statement);
	tcase_add_test(tc, right_after_evictions);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(db_suite)
