#include "check_main.h"
#include "ducha/date.h"
#include "ducha/deadline.h"

static int day(const char *iso)
{
	int d = 0;
	ck_assert_msg(date_parse(iso, &d), "bad date in test: %s", iso);
	return d;
}

static void expect_one(const char *text, const char *due)
{
	deadline dl;
	char err[200];
	ck_assert_msg(deadline_parse(text, &dl, err, sizeof err), "%s: %s", text, err);
	ck_assert_int_eq(dl.count, 1);
	ck_assert_int_eq(dl.dues[0], day(due));
	ck_assert(!dl.yearly);
}

START_TEST(end_of_year)
{
	expect_one("2016年年底前", "2016-12-31");
	expect_one("2017年年底前", "2017-12-31");
	expect_one("2016年底前", "2016-12-31");
	expect_one("2016年底", "2016-12-31");
	expect_one("到2017年", "2017-12-31");
}
END_TEST

START_TEST(end_of_month)
{
	expect_one("2016年6月前", "2016-06-30");
	expect_one("2016年2月前", "2016-02-29");   /* leap year */
	expect_one("2017年2月底前", "2017-02-28");
	expect_one("2016年六月前", "2016-06-30");
	expect_one("2016年12月前", "2016-12-31");
	expect_one("2016年9月15日前", "2016-09-15");
	expect_one("2018-06-30", "2018-06-30");          /* as a spreadsheet writes a date */
}
END_TEST

START_TEST(spaced_and_full_width)
{
	expect_one("2016年年\n底前", "2016-12-31");      /* as the table breaks it */
	expect_one("２０１６年６月前", "2016-06-30");
	expect_one(" 2016 年 6 月 前 ", "2016-06-30");
	expect_one("2016年　年底前", "2016-12-31");     /* ideographic space */
}
END_TEST

START_TEST(yearly_lists)
{
	deadline dl;
	char err[200];
	const char *forms[] = { "2016年、2017年", "2016年,2017年", "2016年，\n2017年", "2016―2017年",
	                        "2016年和2017年", "2017年、2016年" };
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		ck_assert_msg(deadline_parse(forms[i], &dl, err, sizeof err), "%s: %s", forms[i], err);
		ck_assert_int_eq(dl.count, 2);
		ck_assert(dl.yearly);
		ck_assert_int_eq(dl.dues[0], day("2016-12-31"));
		ck_assert_int_eq(dl.dues[1], day("2017-12-31"));
	}
}
END_TEST

START_TEST(mixed_list_is_not_yearly)
{
	deadline dl;
	char err[200];
	ck_assert(deadline_parse("2016年6月前、2017年年底前", &dl, err, sizeof err));
	ck_assert_int_eq(dl.count, 2);
	ck_assert(!dl.yearly);
	ck_assert_int_eq(dl.dues[0], day("2016-06-30"));
}
END_TEST

START_TEST(rejects_nonsense)
{
	deadline dl;
	char err[200];
	const char *bad[] = { "", "长期", "年底前", "2016年13月前", "2016年2月30日前", "2016年年底前后天",
	                      "16年", "2016", "2017―2016年", "\xff\xfe", "2016年、", "3000年",
	                      "2018-02-30", "2018-6-30" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ck_assert_msg(!deadline_parse(bad[i], &dl, err, sizeof err), "accepted: %s", bad[i]);
		ck_assert_msg(err[0] != '\0', "no message for: %s", bad[i]);
	}
}
END_TEST

static Suite *deadline_suite(void)
{
	Suite *s = suite_create("deadline");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, end_of_year);
	tcase_add_test(tc, end_of_month);
	tcase_add_test(tc, spaced_and_full_width);
	tcase_add_test(tc, yearly_lists);
	tcase_add_test(tc, mixed_list_is_not_yearly);
	tcase_add_test(tc, rejects_nonsense);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(deadline_suite)
