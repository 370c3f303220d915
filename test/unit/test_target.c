#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "ducha/target.h"

/* The one proposal read from text, which must be there. */
static const target *only(const char *text, target_list *l)
{
	target_propose(text, l);
	ck_assert_msg(l->n == 1, "%s: %d proposals", text, l->n);
	return &l->items[0];
}

static void expect(const target *t, const char *name, comparator cmp, double v, double hi,
                   const char *unit)
{
	ck_assert_str_eq(t->name, name);
	ck_assert_int_eq(t->cmp, cmp);
	ck_assert(t->value == v);
	ck_assert(t->value_hi == hi);
	ck_assert_str_eq(t->unit, unit);
}

START_TEST(comparators_from_words)
{
	target_list l;
	expect(only("培育科技型企业超过5000家。", &l), "科技型企业", CMP_GT, 5000, 5000, "家");
	expect(only("新建200家以上众创空间", &l), "众创空间", CMP_GE, 200, 200, "家");
	expect(only("相关贷款规模达到100亿元以上", &l), "相关贷款规模", CMP_GE, 100, 100, "亿元");
	expect(only("微型企业达到50万户", &l), "微型企业", CMP_GE, 50, 50, "万户");
	expect(only("交易规模达到50亿元左右", &l), "交易规模", CMP_APPROX, 50, 50, "亿元");
	expect(only("服务机构约30个", &l), "服务机构", CMP_APPROX, 30, 30, "个");
	expect(only("培育孵化器100余家", &l), "孵化器", CMP_GT, 100, 100, "家");
	expect(only("挂牌企业超过500家以上", &l), "挂牌企业", CMP_GT, 500, 500, "家");
	expect(only("研发投入强度不低于2.5%", &l), "研发投入强度", CMP_GE, 2.5, 2.5, "%");
}
END_TEST

START_TEST(ranges)
{
	target_list l;
	expect(only("每年新认定3―5家国家级技术创新平台", &l), "国家级技术创新平台", CMP_RANGE, 3, 5, "家");
	expect(only("新增1-2个国家级农业科技园区", &l), "国家级农业科技园区", CMP_RANGE, 1, 2, "个");
	expect(only("建成3家至5家示范基地", &l), "示范基地", CMP_RANGE, 3, 5, "家");
	expect(only("培育２～３个基地", &l), "基地", CMP_RANGE, 2, 3, "个");
}
END_TEST

START_TEST(numbers_as_written)
{
	target_list l;
	expect(only("培育科技型企业超过5,000家", &l), "科技型企业", CMP_GT, 5000, 5000, "家");
	expect(only("建成５０个众创空间", &l), "众创空间", CMP_GE, 50, 50, "个");
	expect(only("带动350万人就业", &l), "就业", CMP_GE, 350, 350, "万人");
	expect(only("建设众创空间，其中国家级10―15个", &l), "国家级", CMP_RANGE, 10, 15, "个");
}
END_TEST

START_TEST(names_from_either_side)
{
	target_list l;
	target_propose("引进或共建国外研发机构30个以上，引进联合研发团队30个以上，布局国际合作基地10个。", &l);
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.items[0].name, "国外研发机构");
	ck_assert_str_eq(l.items[1].name, "联合研发团队");
	ck_assert_str_eq(l.items[2].name, "国际合作基地");
	/* A list of quantities splits at 、 and 和; a list inside one name does not. */
	target_propose("培育50名科技创新领军人才、50名科技创投领军人才和50名科技创业领军人才", &l);
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.items[1].name, "科技创投领军人才");
	ck_assert_str_eq(l.items[2].name, "科技创业领军人才");
	expect(only("推动建设轨道交通、节能环保、液晶面板3个研发创新中心。", &l), "研发创新中心", CMP_GE, 3, 3, "个");
	/* Nothing left before the number: the previous clause's object. */
	expect(only("支持建设“开放共享”的新型科技平台，累计培育500个以上。", &l), "新型科技平台", CMP_GE,
	       500, 500, "个");
	/* Years and fillers come off the front; quote marks out of the name. */
	expect(only("力争到2017年交易规模达到50亿元左右", &l), "交易规模", CMP_APPROX, 50, 50, "亿元");
	expect(only("各类科技服务业分别达到500家以上", &l), "科技服务业", CMP_GE, 500, 500, "家");
	expect(only("每年新培育2―3个市级“双创”示范基地", &l), "市级双创示范基地", CMP_RANGE, 2, 3, "个");
}
END_TEST

START_TEST(not_targets)
{
	target_list l;
	/* Years, dates, ordinals, model codes, sums of names: nothing. */
	target_propose("2016年6月前完成第2批3D打印、5G和“6+1”支柱产业及“1+3”核心区建设，2016―2017年", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(l.nskipped, 0);
	target_propose("三大领域技术创新", &l);     /* Chinese numerals are not read */
	ck_assert_int_eq(l.n, 0);
	target_propose("", &l);
	ck_assert_int_eq(l.n, 0);
}
END_TEST

START_TEST(unreadable_numbers_are_reported)
{
	target_list l;
	target_propose("能耗控制在5%以内，完成100，建成3―1个", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(l.nskipped, 3);
	ck_assert_str_eq(l.skipped[0].source, "控制在5%以内");
	ck_assert(strstr(l.skipped[0].why, "上限") != NULL);
	ck_assert_str_eq(l.skipped[1].source, "100");
	ck_assert(strstr(l.skipped[1].why, "单位") != NULL);
	ck_assert(strstr(l.skipped[2].why, "上限小于下限") != NULL);
}
END_TEST

START_TEST(per_year_and_repeats)
{
	target_list l;
	target_propose("确保每年新认定3―5家国家级平台、新增50家以上市级平台。建成孵化器10个", &l);
	ck_assert_int_eq(l.n, 3);
	ck_assert(l.items[0].per_year);
	ck_assert(l.items[1].per_year);
	ck_assert_str_eq(l.items[1].name, "市级平台");
	ck_assert(!l.items[2].per_year);          /* 每年 belongs to the previous sentence */
	/* The same target named for two years: one indicator, each year. */
	target_propose("2016年新建200家以上众创空间。2017年，新建200家以上众创空间。", &l);
	ck_assert_int_eq(l.n, 1);
	ck_assert(l.items[0].per_year);
	/* The same name with another target: numbered, never a duplicate name. */
	target_propose("2016年推动2家以上企业，2017年推动3家以上企业", &l);
	ck_assert_int_eq(l.n, 2);
	ck_assert_str_eq(l.items[0].name, "企业");
	ck_assert_str_eq(l.items[1].name, "企业（2）");
}
END_TEST

START_TEST(long_names_keep_the_head_noun)
{
	target_list l;
	target_propose("建成5个一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十甲乙中心", &l);  /* 34 characters: the last 30 stay */
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].name, "五六七八九十一二三四五六七八九十一二三四五六七八九十甲乙中心");
}
END_TEST

/* A PDF's broken number ("5 00个", read before the table mends it) or a
 * count of nothing never becomes an indicator: it is listed as unread. */
START_TEST(senseless_proposals_are_dropped)
{
	target_list l;
	target_propose("累计培育5 00个以上", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(l.nskipped, 2);                    /* "5" (no unit) and "00个以上" */
	ck_assert_msg(strstr(l.skipped[1].why, "目标为 0") != NULL, "%s", l.skipped[1].why);
	target_propose("达到0家以上", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(l.nskipped, 1);
	target_propose("（5）、200家", &l);                 /* 200 of nothing named */
	ck_assert_int_eq(l.n, 0);
	ck_assert_msg(strstr(l.skipped[l.nskipped - 1].why, "不是文字") != NULL, "%s", l.skipped[l.nskipped - 1].why);
	target_propose("累计培育孵化企业500个以上", &l);
	ck_assert_int_eq(l.n, 1);
	ck_assert(l.items[0].value == 500);
}
END_TEST

START_TEST(limits_hold)
{
	char text[4000] = "";
	for (int i = 0; i < 20; i++) {
		char part[64];
		snprintf(part, sizeof part, "建成%d个基地%c，", i + 1, 'A' + i);
		strcat(text, part);
	}
	target_list l;
	target_propose(text, &l);
	ck_assert_int_eq(l.n, TARGET_MAX);
	ck_assert_int_eq(l.nskipped, 4);
	target_propose("\xff\xfe 建成5个", &l);     /* invalid UTF-8 ends the scan */
	ck_assert_int_eq(l.n, 0);
}
END_TEST

static Suite *target_suite(void)
{
	Suite *s = suite_create("target");
	TCase *tc = tcase_create("target");
	tcase_add_test(tc, comparators_from_words);
	tcase_add_test(tc, ranges);
	tcase_add_test(tc, numbers_as_written);
	tcase_add_test(tc, names_from_either_side);
	tcase_add_test(tc, not_targets);
	tcase_add_test(tc, unreadable_numbers_are_reported);
	tcase_add_test(tc, per_year_and_repeats);
	tcase_add_test(tc, long_names_keep_the_head_noun);
	tcase_add_test(tc, limits_hold);
	tcase_add_test(tc, senseless_proposals_are_dropped);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(target_suite)
