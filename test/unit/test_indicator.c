/* An administrator's edit of an indicator definition: what is refused, and
 * what the edited indicator looks like (src/core/indicator.c). */
#include <string.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/indicator.h"

static indicator_rec stock(void)
{
	indicator_rec i = { .id = 1, .ord = 2, .name = (char *)"微型企业", .unit = (char *)"万户", .cmp = CMP_GE,
	                    .target = 50, .target_hi = 50, .due = date_from_ymd(2017, 12, 31), .mode = MODE_CUMULATIVE,
	                    .baseline_source = (char *)"", .source = (char *)"", .approval = (char *)"" };
	return i;
}

static const int starts = 16837;   /* 2016-02-06 */

START_TEST(baseline_set_and_cleared)
{
	indicator_rec old = stock(), out;
	char why[300];
	indicator_edit e = { .set_baseline = true, .baseline = 30, .set_baseline_date = true,
	                     .baseline_date = date_from_ymd(2015, 12, 31), .baseline_source = "2015年统计公报" };
	ck_assert_msg(indicator_edit_apply(&old, &e, starts, &out, why, sizeof why), "%s", why);
	ck_assert(out.has_baseline && out.baseline == 30 && out.baseline_date == date_from_ymd(2015, 12, 31));
	ck_assert_str_eq(out.baseline_source, "2015年统计公报");
	ck_assert_str_eq(out.name, "微型企业");                  /* what was not asked stays */
	indicator_edit clear = { .clear_baseline = true };
	indicator_rec back;
	ck_assert(indicator_edit_apply(&out, &clear, starts, &back, why, sizeof why));
	ck_assert(!back.has_baseline && back.baseline_date == 0);
}
END_TEST

START_TEST(refusals_name_the_problem)
{
	indicator_rec old = stock(), out;
	char why[300];
	indicator_edit none = { 0 };
	ck_assert(!indicator_edit_apply(&old, &none, starts, &out, why, sizeof why));
	indicator_edit too_high = { .set_baseline = true, .baseline = 60 };
	ck_assert(!indicator_edit_apply(&old, &too_high, starts, &out, why, sizeof why));
	ck_assert_msg(strstr(why, "基数不小于目标值"), "%s", why);
	indicator_edit zero = { .set_target = true, .target = 0, .target_hi = 0 };
	ck_assert(!indicator_edit_apply(&old, &zero, starts, &out, why, sizeof why));
	indicator_edit yearly = { .set_mode = true, .mode = MODE_ANNUAL, .set_baseline = true, .baseline = 3 };
	ck_assert(!indicator_edit_apply(&old, &yearly, starts, &out, why, sizeof why));
	ck_assert_msg(strstr(why, "累计"), "%s", why);
	indicator_edit bad_name = { .name = "a\x1b[2Jb" };
	ck_assert(!indicator_edit_apply(&old, &bad_name, starts, &out, why, sizeof why));
	indicator_rec ms = stock();
	ms.milestone = true;
	ms.target = ms.target_hi = 1;
	indicator_edit target = { .set_target = true, .target = 4, .target_hi = 4 };
	ck_assert(!indicator_edit_apply(&ms, &target, starts, &out, why, sizeof why));
	ck_assert_msg(strstr(why, "里程碑"), "%s", why);
}
END_TEST

START_TEST(targets_as_typed)
{
	double lo, hi;
	bool range;
	char why[200];
	ck_assert(indicator_parse_target("3-5", &lo, &hi, &range, why, sizeof why) && range && lo == 3 && hi == 5);
	ck_assert(indicator_parse_target("3―5", &lo, &hi, &range, why, sizeof why) && range);
	ck_assert(indicator_parse_target("200", &lo, &hi, &range, why, sizeof why) && !range && lo == 200);
	ck_assert(!indicator_parse_target("5-3", &lo, &hi, &range, why, sizeof why));
	ck_assert(!indicator_parse_target("x", &lo, &hi, &range, why, sizeof why));
	comparator c;
	ck_assert(indicator_parse_comparator("≈", &c) && c == CMP_APPROX);
	ck_assert(!indicator_parse_comparator("=", &c));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("indicator");
	TCase *tc = tcase_create("edit");
	tcase_add_test(tc, baseline_set_and_cleared);
	tcase_add_test(tc, refusals_name_the_problem);
	tcase_add_test(tc, targets_as_typed);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(make_suite)
