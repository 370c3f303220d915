#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/csvread.h"

static bool parse(const char *data, csv_table *t, int *line, char *err, size_t errlen)
{
	return csvread_parse(data, strlen(data), t, line, err, errlen);
}

static void expect_ok(const char *data, csv_table *t)
{
	int line = 0;
	char err[400];
	ck_assert_msg(parse(data, t, &line, err, sizeof err), "line %d: %s", line, err);
}

START_TEST(utf8_with_and_without_bom)
{
	csv_table t;
	expect_ok("序号,重点任务\n1,建设\n", &t);
	ck_assert_str_eq(t.encoding, "UTF-8");
	ck_assert_int_eq(t.nrows, 2);
	ck_assert_int_eq(t.rows[1].nfields, 2);
	ck_assert_str_eq(t.rows[1].fields[1], "建设");
	csvread_free(&t);
	expect_ok("\xEF\xBB\xBF序号,重点任务\r\n1,建设\r\n", &t);
	ck_assert_str_eq(t.rows[0].fields[0], "序号");     /* the BOM is gone */
	ck_assert_str_eq(t.rows[1].fields[1], "建设");
	csvread_free(&t);
}
END_TEST

START_TEST(gb18030_is_converted)
{
	csv_table t;
	/* 序号,重点任务 / 1,市科委,2016年年底前 in GB18030 */
	expect_ok("\xd0\xf2\xba\xc5,\xd6\xd8\xb5\xe3\xc8\xce\xce\xf1\n"
	          "1,\xca\xd0\xbf\xc6\xce\xaf,2016\xc4\xea\xc4\xea\xb5\xd7\xc7\xb0\n", &t);
	ck_assert_str_eq(t.encoding, "GB18030");
	ck_assert_str_eq(t.rows[0].fields[0], "序号");
	ck_assert_str_eq(t.rows[0].fields[1], "重点任务");
	ck_assert_str_eq(t.rows[1].fields[1], "市科委");
	ck_assert_str_eq(t.rows[1].fields[2], "2016年年底前");
	csvread_free(&t);
}
END_TEST

/* The same table through glibc's iconv reads the same, cell for cell. */
START_TEST(gb18030_twin_reads_the_same)
{
	const char *utf8 = "序号,重点任务,牵头单位\n1,\"培育科技型企业超过5000家，\n促进转化\",市科委、市经济信息委\n"
	                   "2,“双创”示范基地（２―３个）,各区县（自治县）人民政府\n";
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	ck_assert(cd != (iconv_t)-1);
	char gb[1024], *in = (char *)utf8, *out = gb;
	size_t inleft = strlen(utf8), outleft = sizeof gb;
	ck_assert(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	csv_table a, b;
	int line;
	char err[400];
	expect_ok(utf8, &a);
	ck_assert(csvread_parse(gb, (size_t)(out - gb), &b, &line, err, sizeof err));
	ck_assert_str_eq(b.encoding, "GB18030");
	ck_assert_int_eq(a.nrows, b.nrows);
	for (int r = 0; r < a.nrows; r++) {
		ck_assert_int_eq(a.rows[r].line, b.rows[r].line);
		ck_assert_int_eq(a.rows[r].nfields, b.rows[r].nfields);
		for (int f = 0; f < a.rows[r].nfields; f++)
			ck_assert_str_eq(a.rows[r].fields[f], b.rows[r].fields[f]);
	}
	csvread_free(&a);
	csvread_free(&b);
}
END_TEST

START_TEST(records_know_their_first_line)
{
	csv_table t;
	expect_ok("a,b\n\n1,\"two\r\nlines\"\r\n,,\n2,\"x\"\"y\"\n3,\"\"\n", &t);
	ck_assert_int_eq(t.nrows, 4);                 /* the blank line and the ,, row are left out */
	ck_assert_int_eq(t.rows[0].line, 1);
	ck_assert_int_eq(t.rows[1].line, 3);
	ck_assert_str_eq(t.rows[1].fields[1], "two\nlines");
	ck_assert_int_eq(t.rows[2].line, 6);
	ck_assert_str_eq(t.rows[2].fields[1], "x\"y");
	ck_assert_int_eq(t.rows[3].line, 7);
	ck_assert_str_eq(t.rows[3].fields[1], "");
	csvread_free(&t);
	expect_ok("a,b", &t);                         /* no newline at the end */
	ck_assert_int_eq(t.nrows, 1);
	csvread_free(&t);
}
END_TEST

START_TEST(quote_errors_name_line_and_column)
{
	csv_table t;
	int line = 0;
	char err[400];
	ck_assert(!parse("a,b,c\n1,2,3\n4,\"open\n5,6,7\n", &t, &line, err, sizeof err));
	ck_assert_int_eq(line, 3);
	ck_assert_msg(strstr(err, "第 2 列的引号没有闭合") != NULL, "%s", err);
	ck_assert(!parse("a,b\n1,\"x\"y,2\n", &t, &line, err, sizeof err));
	ck_assert_int_eq(line, 2);
	ck_assert_msg(strstr(err, "第 2 列的引号用法不对") != NULL, "%s", err);
	ck_assert(!parse("a,b\n1,x\"y\n", &t, &line, err, sizeof err));   /* a quote inside a bare cell */
	ck_assert_int_eq(line, 2);
}
END_TEST

START_TEST(encodings_that_cannot_be_read)
{
	csv_table t;
	int line = 0;
	char err[400];
	ck_assert(!csvread_parse("\xFF\xFE" "a\0,\0", 6, &t, &line, err, sizeof err));
	ck_assert_msg(strstr(err, "UTF-16") != NULL, "%s", err);
	ck_assert(!csvread_parse("a,b\n1,\0\n", 8, &t, &line, err, sizeof err));
	ck_assert_int_eq(line, 2);
	ck_assert_msg(strstr(err, "NUL") != NULL, "%s", err);
	ck_assert(!parse("a,b\n1,2\n3,\xff\n", &t, &line, err, sizeof err));
	ck_assert_int_eq(line, 3);
	ck_assert_msg(strstr(err, "GB18030") != NULL, "%s", err);
	ck_assert(!parse("a,\xd0", &t, &line, err, sizeof err));      /* a cut-off GB18030 character */
}
END_TEST

START_TEST(headers_by_name)
{
	csv_table t;
	expect_ok("\" 序 号 \",重点任务*,\"完成\n时限\",Task\n", &t);
	static const char *const num[] = { "序号", NULL }, *const text[] = { "重点任务", NULL },
	                         *const dl[] = { "完成时限", NULL }, *const task[] = { "task", NULL },
	                         *const none[] = { "配合单位", NULL };
	ck_assert_int_eq(csvread_column(&t.rows[0], num), 0);
	ck_assert_int_eq(csvread_column(&t.rows[0], text), 1);
	ck_assert_int_eq(csvread_column(&t.rows[0], dl), 2);
	ck_assert_int_eq(csvread_column(&t.rows[0], task), 3);
	ck_assert_int_eq(csvread_column(&t.rows[0], none), -1);
	csvread_free(&t);
}
END_TEST

START_TEST(files_are_named_in_errors)
{
	csv_table t;
	char err[600], path[] = "/tmp/ducha-csvread-XXXXXX";
	ck_assert(!csvread_file("/nonexistent/x.csv", &t, err, sizeof err));
	ck_assert_msg(strncmp(err, "/nonexistent/x.csv: ", 20) == 0, "%s", err);
	int fd = mkstemp(path);
	ck_assert(fd >= 0);
	const char *data = "序号,任务\n1,\"open\n";
	ck_assert(write(fd, data, strlen(data)) == (ssize_t)strlen(data));
	close(fd);
	ck_assert(!csvread_file(path, &t, err, sizeof err));
	char want[100];
	snprintf(want, sizeof want, "%s:2: ", path);
	ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "%s", err);
	unlink(path);
}
END_TEST

static Suite *csvread_suite(void)
{
	Suite *s = suite_create("csvread");
	TCase *tc = tcase_create("csvread");
	tcase_add_test(tc, utf8_with_and_without_bom);
	tcase_add_test(tc, gb18030_is_converted);
	tcase_add_test(tc, gb18030_twin_reads_the_same);
	tcase_add_test(tc, records_know_their_first_line);
	tcase_add_test(tc, quote_errors_name_line_and_column);
	tcase_add_test(tc, encodings_that_cannot_be_read);
	tcase_add_test(tc, headers_by_name);
	tcase_add_test(tc, files_are_named_in_errors);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(csvread_suite)
