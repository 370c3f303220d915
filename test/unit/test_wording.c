/* The one vocabulary (src/core/wording.c): each sentence the screen, show,
 * the summaries and the reasons share, in both languages. */
#include <string.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/wording.h"

static int day(const char *iso)
{
	int d = 0;
	ck_assert(date_parse(iso, &d));
	return d;
}

static indicator_rec sample_indicator(void)
{
	indicator_rec i = { .name = (char *)"众创空间", .unit = (char *)"家", .cmp = CMP_GE, .target = 200 };
	i.due = day("2017-12-31");
	return i;
}

static indicator_state sample_state(void)
{
	indicator_state s = { .flag = FLAG_BEHIND, .has_actual = true, .actual = 151, .actual_year = 2017,
	                      .actual_quarter = 3, .target = 200, .expected = 188.4, .expected_share = 0.942 };
	s.due = day("2017-12-31");
	return s;
}

START_TEST(figures_in_both_languages)
{
	indicator_rec i = sample_indicator();
	indicator_state s = sample_state();
	char buf[256];
	wording_expected(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "188 家（94.2%）");
	wording_expected(&i, &s, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "188 家 (94.2%)");
	wording_actual(&i, &s, true, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "151 家（2017Q3）");
	wording_actual(&i, &s, false, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "151 家");
	wording_gap(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "差 37 家");
	wording_gap(&i, &s, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "short by 37 家");
	s.actual = 190;
	wording_gap(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "超 2 家");
	s.actual = 188;
	wording_gap(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	s.has_actual = false;
	wording_actual(&i, &s, true, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "尚无填报");
	s.target = -1;
	wording_expected(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "无（未设目标值）");
	i.milestone = true;
	wording_expected(&i, &s, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "2017-12-31 前完成");
	wording_target(&i, 1, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "完成（里程碑）");
}
END_TEST

START_TEST(targets_say_the_year_once)
{
	indicator_rec i = sample_indicator();
	char buf[128];
	i.mode = MODE_PER_YEAR;
	wording_target(&i, 200, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "≥ 200 家（每年）");
	wording_target_in_force(&i, 200, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "≥ 200 家");
	i.cmp = CMP_RANGE;
	i.target_hi = 5;
	wording_target(&i, 3, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "3–5 家 a year");
	i.unit = (char *)"";
	i.mode = MODE_CUMULATIVE;
	wording_target(&i, 3, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "3–5");
}
END_TEST

START_TEST(forecast_sentences)
{
	indicator_rec i = sample_indicator();
	indicator_state s = sample_state();
	char buf[256];
	int as_of = day("2017-12-10");
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "数据不足，无法预测");
	s.has_forecast = true;
	s.forecast_value = 202.4;
	s.forecast_met_day = day("2017-12-27");
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "按填报进度，2017-12-31 约 202 家；预计 2017-12-27 达标");
	wording_forecast(&i, &s, as_of, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "at the reported pace, about 202 家 by 2017-12-31; met on about 2017-12-27");
	s.forecast_met_day = day("2019-02-24");
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "按填报进度，2017-12-31 约 202 家；预计 2019-02-24 才能达标");
	s.forecast_met_day = day("2017-11-30");
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "按填报进度，2017-12-31 约 202 家；应已于 2017-11-30 达标，待下次填报确认");
	s.forecast_met_day = 0;
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "按填报进度，2017-12-31 约 202 家；照此无法达标");
	s.flag = FLAG_DONE;
	s.forecast_met_day = day("2017-09-30");
	wording_forecast(&i, &s, as_of, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "已于 2017-09-30（该季度末）达标");
}
END_TEST

START_TEST(dues_counts_and_distances)
{
	char buf[256];
	task_rec t = { .ndues = 2 };
	t.dues[0] = day("2016-12-31");
	t.dues[1] = day("2017-12-31");
	wording_dues(&t, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "2016-12-31、2017-12-31");
	wording_dues(&t, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "2016-12-31, 2017-12-31");
	int flags[FLAG_COUNT] = { 0 };
	wording_counts(flags, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "无任务");
	flags[FLAG_OVERDUE] = 2;
	flags[FLAG_BEHIND] = 3;
	wording_counts(flags, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "逾期 2 项，滞后 3 项");
	wording_counts(flags, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "overdue 2, behind 3");
	wording_counts_brief(flags, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "逾期 2 · 滞后 3");
	int due = day("2017-12-31");
	wording_due_distance(due, day("2017-12-10"), false, buf, sizeof buf);
	ck_assert_str_eq(buf, "距截止 21 天");
	wording_due_distance(due, due, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "due today");
	wording_due_distance(due, due + 1, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "已过截止日 2017-12-31");
	wording_unreported(2017, 3, day("2017-10-15"), false, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "2017Q3 未报送（应于 2017-10-15 前报送）");
	wording_unreported(2017, 3, day("2017-10-15"), true, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "2017Q3 的填报已退回，待重新报送");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("wording");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, figures_in_both_languages);
	tcase_add_test(tc, targets_say_the_year_once);
	tcase_add_test(tc, forecast_sentences);
	tcase_add_test(tc, dues_counts_and_distances);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(make_suite)
