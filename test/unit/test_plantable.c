#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/plantable.h"

static bool read_table(const char *csv_text, plantable *pt, csv_table *csv)
{
	int line;
	char err[400];
	ck_assert_msg(csvread_parse(csv_text, strlen(csv_text), csv, &line, err, sizeof err), "%s", err);
	return plantable_read(csv, true, NULL, pt);
}

static void done(plantable *pt, csv_table *csv)
{
	plantable_free(pt);
	csvread_free(csv);
}

static void dump_errors(const plantable *pt)
{
	for (int i = 0; i < pt->nerrors; i++)
		fprintf(stderr, "  %d: %s\n", pt->errors[i].line, pt->errors[i].msg);
}

START_TEST(columns_in_any_order_after_a_title)
{
	plantable pt;
	csv_table csv;
	bool ok = read_table("附件,,,,\n深入实施创新驱动发展战略工作任务分工表,,,,\n"
	                     "配合单位,完成时限,重点任务,序号,牵头单位\n"
	                     "市科委,2016年年底前,培育科技型企业超过5000家,1,\"市 中 小 企 业 局\"\n",
	                     &pt, &csv);
	if (!ok)
		dump_errors(&pt);
	ck_assert(ok);
	ck_assert_int_eq(pt.header_line, 3);
	ck_assert_int_eq(pt.ntasks, 1);
	const plantable_task *t = &pt.tasks[0];
	ck_assert_int_eq(t->line, 4);
	ck_assert_int_eq(t->num, 1);
	ck_assert_str_eq(t->lead[0], "市中小企业局");
	ck_assert_str_eq(t->support[0], "市科委");
	ck_assert_int_eq(t->due.count, 1);
	ck_assert_int_eq(t->due.dues[0], date_from_ymd(2016, 12, 31));
	ck_assert_int_eq(t->ntargets, 1);
	ck_assert_str_eq(t->targets[0].name, "科技型企业");
	/* No 领域 or 措施 column: one of each, named for the whole plan. */
	ck_assert_int_eq(pt.nareas, 1);
	ck_assert_str_eq(pt.areas[0], plantable_default_section);
	ck_assert_int_eq(pt.nmeasures, 1);
	ck_assert_str_eq(pt.measures[0].title, plantable_default_section);
	done(&pt, &csv);
}
END_TEST

START_TEST(sections_fill_down_and_lose_their_numbers)
{
	plantable pt;
	csv_table csv;
	ck_assert(read_table("序号,领域,措施,重点任务,完成时限,牵头单位,配合单位\n"
	                     "1,一、创新能力,（一）研发平台,甲,2016年年底前,市科委,\n"
	                     "2,,,乙,2016年年底前,市科委,\n"
	                     "3,,（二）开放创新,丙,2017年年底前,市科委,\n"
	                     "4,二、创新创业,1. 众创空间,丁,2017年年底前,市科委,\n"
	                     "5,,,戊,2017年年底前,市科委,\n",
	                     &pt, &csv));
	ck_assert_int_eq(pt.nareas, 2);
	ck_assert_str_eq(pt.areas[0], "创新能力");
	ck_assert_str_eq(pt.areas[1], "创新创业");
	ck_assert_int_eq(pt.nmeasures, 3);
	ck_assert_str_eq(pt.measures[0].title, "研发平台");
	ck_assert_str_eq(pt.measures[1].title, "开放创新");
	ck_assert_str_eq(pt.measures[2].title, "众创空间");
	ck_assert_int_eq(pt.measures[2].area, 2);
	ck_assert_int_eq(pt.tasks[1].measure, 1);
	ck_assert_int_eq(pt.tasks[2].measure, 2);
	ck_assert_int_eq(pt.tasks[4].area, 2);
	ck_assert_int_eq(pt.tasks[4].measure, 3);
	done(&pt, &csv);
	/* A 措施 is not carried into the next 领域. */
	ck_assert(!read_table("序号,领域,措施,重点任务,完成时限,牵头单位,配合单位\n"
	                      "1,创新能力,研发平台,甲,2016年年底前,市科委,\n"
	                      "2,创新创业,,乙,2016年年底前,市科委,\n", &pt, &csv));
	ck_assert_int_eq(pt.nerrors, 1);
	ck_assert_int_eq(pt.errors[0].line, 3);
	ck_assert(strstr(pt.errors[0].msg, "措施（第 3 列）为空") != NULL);
	done(&pt, &csv);
	/* Only a 领域 column: one measure per area, named like it. */
	ck_assert(read_table("序号,领域,重点任务,完成时限,牵头单位,配合单位\n"
	                     "1,创新能力,甲,2016年年底前,市科委,\n2,创新创业,乙,2016年年底前,市科委,\n",
	                     &pt, &csv));
	ck_assert_int_eq(pt.nmeasures, 2);
	ck_assert_str_eq(pt.measures[1].title, "创新创业");
	ck_assert_int_eq(pt.measures[1].area, 2);
	done(&pt, &csv);
}
END_TEST

START_TEST(every_bad_line_is_listed)
{
	plantable pt;
	csv_table csv;
	ck_assert(!read_table("序号,重点任务,完成时限,牵头单位,配合单位\n"
	                      "1,好的任务,2016年年底前,市科委,\n"
	                      "2,,2016年年底前,市科委,\n"
	                      "3,任务,明年,市科委,\n"
	                      "x,任务,2016年年底前,,\n"
	                      "1,重复的序号,2016年年底前,市科委,\n"
	                      "6,任务,2016年年底前,市科委,市科委\n"
	                      ",,2016年年底前,市科委,\n",
	                      &pt, &csv));
	if (pt.nerrors != 7)
		dump_errors(&pt);
	ck_assert_int_eq(pt.nerrors, 7);
	int lines[] = { 3, 4, 5, 5, 6, 7, 8 };
	const char *words[] = { "重点任务（第 2 列）不能为空", "无法识别的完成时限 \"明年\"",
		                    "牵头单位（第 4 列）不能为空", "序号（第 1 列）\"x\"", "序号 1 与第 2 行重复",
		                    "同时列在牵头单位和配合单位中", "既没有序号也没有重点任务" };
	for (int i = 0; i < 7; i++) {
		ck_assert_int_eq(pt.errors[i].line, lines[i]);
		ck_assert_msg(strstr(pt.errors[i].msg, words[i]) != NULL, "%s", pt.errors[i].msg);
	}
	done(&pt, &csv);
}
END_TEST

START_TEST(headers_missing)
{
	plantable pt;
	csv_table csv;
	ck_assert(!read_table("序号,重点任务,牵头单位\n1,x,市科委\n", &pt, &csv));
	ck_assert_int_eq(pt.nerrors, 2);
	ck_assert(strstr(pt.errors[0].msg, "“完成时限”") != NULL);
	ck_assert(strstr(pt.errors[1].msg, "“配合单位”") != NULL);
	done(&pt, &csv);
	ck_assert(!read_table("名称,内容\n1,x\n", &pt, &csv));
	ck_assert_int_eq(pt.nerrors, 1);
	ck_assert(strstr(pt.errors[0].msg, "找不到表头") != NULL);
	done(&pt, &csv);
	ck_assert(!read_table("序号,重点任务,完成时限,牵头单位,配合单位\n", &pt, &csv));
	ck_assert(strstr(pt.errors[0].msg, "没有任何任务") != NULL);
	done(&pt, &csv);
}
END_TEST

START_TEST(cells_as_excel_writes_them)
{
	plantable pt;
	csv_table csv;
	ck_assert(read_table("序号,重点任务,完成时限,牵头单位,配合单位\n"
	                     "１、,\"推动 建设\n 众创空间 \",\"2016年、\n2017年\",\"市科委\n市教委\",\"'=市科委\"\n"
	                     "序号,重点任务,完成时限,牵头单位,配合单位\n"
	                     "2.,\"Open\nSource\",2017年年底前,各区县（自治县）人民政府,\n",
	                     &pt, &csv));
	ck_assert_int_eq(pt.ntasks, 2);                      /* the repeated header is skipped */
	const plantable_task *t = &pt.tasks[0];
	ck_assert_int_eq(t->num, 1);
	ck_assert_str_eq(t->text, "推动建设众创空间");      /* blanks between Chinese are layout */
	ck_assert_str_eq(t->deadline, "2016年、2017年");
	ck_assert(t->due.yearly);
	ck_assert_int_eq(t->nlead, 2);
	ck_assert_str_eq(t->support[0], "=市科委");          /* the export's ' neutraliser is dropped */
	ck_assert_int_eq(pt.tasks[1].num, 2);
	ck_assert_str_eq(pt.tasks[1].text, "Open Source");
	done(&pt, &csv);
}
END_TEST

START_TEST(agency_lists)
{
	char **names, err[200];
	int n = plantable_split_agencies("市发展 改革委、市经济信息委，市科委;市教委；\n市 科 委, 各区县（自治县、\n开发区）人民政府",
	                                 NULL, &names, err, sizeof err);
	ck_assert_int_eq(n, 5);
	ck_assert_str_eq(names[0], "市发展改革委");
	ck_assert_str_eq(names[1], "市经济信息委");
	ck_assert_str_eq(names[2], "市科委");                 /* the repeat is dropped */
	ck_assert_str_eq(names[3], "市教委");
	ck_assert_str_eq(names[4], "各区县（自治县、开发区）人民政府");   /* no split inside brackets */
	plantable_free_names(names, n);
	n = plantable_split_agencies("各区县(自治县)人民政府", NULL, &names, err, sizeof err);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(names[0], "各区县（自治县）人民政府");
	plantable_free_names(names, n);
	ck_assert_int_eq(plantable_split_agencies(" 、 ,", NULL, &names, err, sizeof err), 0);
	plantable_free_names(names, 0);
	char long_name[400] = "";
	for (int i = 0; i < 101; i++)
		strcat(long_name, "委");
	ck_assert_int_eq(plantable_split_agencies(long_name, NULL, &names, err, sizeof err), -1);
	ck_assert(strstr(err, "太长") != NULL);
}
END_TEST

START_TEST(join_lines)
{
	static const char *const cases[][2] = {
		{ "  推动\r\n  建设 \n\nOpen\nSource ", "推动建设Open Source" },
		{ "累计培育5\n00个以上", "累计培育500个以上" },         /* a number cut by a line break */
		{ "市 发 展 改 革 委", "市发展改革委" },                   /* spaced-out characters */
		{ "推动 建设 2 个 国内　领先", "推动建设2个国内领先" },
		{ "3D\n打印、Wi-Fi  6 网络", "3D打印、Wi-Fi 6网络" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = plantable_join_lines(cases[i][0]);
		ck_assert_str_eq(s, cases[i][1]);
		free(s);
	}
}
END_TEST

/* Line breaks inside an agency cell end a name where the known names (or,
 * without them, how agency names end) say so. */
START_TEST(agency_line_breaks)
{
	static const char *const names_known[] = { "市发展改革委", "市教委", "市科委", "市经济信息委" };
	plantable_known known = { names_known, 4 };
	static const struct { const char *cell; bool with_known; int n; const char *first, *second; } cases[] = {
		{ "市 发 展 改 革\n委、市经济信息委", true, 2, "市发展改革委", "市经济信息委" },
		{ "市发展改革委\n市经济信\n息委", true, 2, "市发展改革委", "市经济信息委" },
		{ "市科委\n市教委", true, 2, "市科委", "市教委" },
		{ "市科委\n市教委", false, 2, "市科委", "市教委" },
		{ "市发展改革\n委", false, 1, "市发展改革委", NULL },
		{ "市经济信息委，\n市科委", true, 2, "市经济信息委", "市科委" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char **names, err[200];
		int n = plantable_split_agencies(cases[i].cell, cases[i].with_known ? &known : NULL, &names, err, sizeof err);
		ck_assert_msg(n == cases[i].n, "%s: %d names", cases[i].cell, n);
		ck_assert_str_eq(names[0], cases[i].first);
		if (cases[i].second)
			ck_assert_str_eq(names[1], cases[i].second);
		plantable_free_names(names, n);
	}
	ck_assert_str_eq(plantable_nearest("市发展改革", &known), "市发展改革委");
	ck_assert_str_eq(plantable_nearest("市经信委", &known), "市经济信息委");
	ck_assert_ptr_null(plantable_nearest("国家统计局", &known));
}
END_TEST

static Suite *plantable_suite(void)
{
	Suite *s = suite_create("plantable");
	TCase *tc = tcase_create("plantable");
	tcase_add_test(tc, columns_in_any_order_after_a_title);
	tcase_add_test(tc, sections_fill_down_and_lose_their_numbers);
	tcase_add_test(tc, every_bad_line_is_listed);
	tcase_add_test(tc, headers_missing);
	tcase_add_test(tc, cells_as_excel_writes_them);
	tcase_add_test(tc, agency_line_breaks);
	tcase_add_test(tc, agency_lists);
	tcase_add_test(tc, join_lines);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(plantable_suite)
