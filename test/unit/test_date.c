#include "check_main.h"
#include "ducha/date.h"

START_TEST(round_trip)
{
	for (int d = date_from_ymd(1999, 1, 1); d < date_from_ymd(2031, 1, 1); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		ck_assert_int_eq(date_from_ymd(y, m, dd), d);
	}
	ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
}
END_TEST

START_TEST(parse_is_strict)
{
	int d;
	ck_assert(date_parse("2016-02-29", &d));
	ck_assert(!date_parse("2017-02-29", &d));
	ck_assert(!date_parse("2016-2-29", &d));
	ck_assert(!date_parse("2016-02-29x", &d));
	ck_assert(!date_parse("2016/02/29", &d));
	ck_assert(!date_parse("", &d));
	char out[DATE_TEXT_SIZE];
	date_parse("2016-02-06", &d);
	date_format(d, out);
	ck_assert_str_eq(out, "2016-02-06");
	ck_assert_int_eq(date_from_ymd(2017, 1, 15) - date_from_ymd(2016, 2, 6), 344);
}
END_TEST

START_TEST(quarters)
{
	int y, q;
	ck_assert(period_parse("2016Q4", &y, &q));
	ck_assert_int_eq(y, 2016);
	ck_assert_int_eq(q, 4);
	ck_assert(!period_parse("2016Q5", &y, &q));
	ck_assert(!period_parse("2016Q0", &y, &q));
	ck_assert(period_parse("2016q1", &y, &q));   /* lower case is the same quarter */
	ck_assert_int_eq(q, 1);
	ck_assert(!period_parse("16Q1", &y, &q));
	ck_assert_int_eq(period_last_day(2016, 1), date_from_ymd(2016, 3, 31));
	ck_assert_int_eq(period_last_day(2016, 4), date_from_ymd(2016, 12, 31));
	ck_assert_int_eq(period_first_day(2017, 3), date_from_ymd(2017, 7, 1));
	period_of_date(date_from_ymd(2017, 12, 10), &y, &q);
	ck_assert_int_eq(q, 4);
	char p[PERIOD_TEXT_SIZE];
	period_format(2017, 4, p);
	ck_assert_str_eq(p, "2017Q4");
}
END_TEST

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, parse_is_strict);
	tcase_add_test(tc, quarters);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(date_suite)
