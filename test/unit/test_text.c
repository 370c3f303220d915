#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ducha/text.h"
#include "ducha/validate.h"

START_TEST(width_counts_chinese_as_two)
{
	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("市科委"), 6);
	ck_assert_int_eq(text_width("市科委ab"), 8);
	ck_assert_int_eq(text_width("（一）"), 6);       /* full-width parentheses */
	ck_assert_int_eq(text_width("“双创”"), 6);       /* curly quotes are narrow */
	ck_assert_int_eq(text_width("３D"), 3);
	ck_assert_int_eq(text_width(""), 0);
}
END_TEST

START_TEST(utf8_strictness)
{
	size_t bad = 99;
	ck_assert(text_utf8_valid("中文", strlen("中文"), &bad));
	ck_assert(!text_utf8_valid("\xc0\xaf", 2, &bad));            /* overlong '/' */
	ck_assert_int_eq(bad, 0);
	ck_assert(!text_utf8_valid("ab\xed\xa0\x80", 5, &bad));      /* surrogate */
	ck_assert_int_eq(bad, 2);
	ck_assert(!text_utf8_valid("\xf4\x90\x80\x80", 4, &bad));    /* > U+10FFFF */
	ck_assert(!text_utf8_valid("\xe4\xb8", 2, &bad));            /* truncated */
	ck_assert(!text_utf8_valid("\x9b", 1, &bad));                /* lone C1 byte */
}
END_TEST

START_TEST(escape_makes_controls_harmless)
{
	char *e = text_escape("a\x1b[2Jb", 0);
	ck_assert_str_eq(e, "a^[[2Jb");
	free(e);
	e = text_escape("x\xc2\x9by", 0);                 /* U+009B CSI */
	ck_assert_str_eq(e, "x\\u009By");
	free(e);
	e = text_escape("\x9b", 0);                        /* raw byte 0x9B */
	ck_assert_str_eq(e, "\\x9B");
	free(e);
	e = text_escape("a\xe2\x80\xae" "b", 0);             /* U+202E RLO */
	ck_assert_str_eq(e, "a\\u202Eb");
	free(e);
	e = text_escape("一\n二", 0);
	ck_assert_str_eq(e, "一↵二");
	free(e);
	e = text_escape("一\n二", TEXT_KEEP_NEWLINE);
	ck_assert_str_eq(e, "一\n二");
	free(e);
	e = text_escape("\x1b]52;c;aGk=\x07", 0);          /* OSC 52 clipboard */
	ck_assert_ptr_null(strchr(e, 0x1b));
	ck_assert_ptr_null(strchr(e, 0x07));
	free(e);
}
END_TEST

START_TEST(truncate_by_columns)
{
	char *t = text_truncate("推动建设2个国内同行业领先", 10);
	ck_assert_str_eq(t, "推动建设2…");         /* 9 columns of text and the one-column "…" */
	ck_assert_int_le(text_width(t), 10);
	free(t);
	t = text_truncate("市科委", 6);
	ck_assert_str_eq(t, "市科委");
	free(t);
	t = text_truncate("市科委", 5);
	ck_assert_str_eq(t, "市科…");
	free(t);
	t = text_truncate("abcdef", 4);
	ck_assert_str_eq(t, "abc…");
	free(t);
}
END_TEST

START_TEST(wrap_by_columns)
{
	char **lines;
	int n = text_wrap("制定科技型企业和科技小巨人标准，整合全市创新创业资源", 20, &lines);
	ck_assert_int_ge(n, 2);
	for (int i = 0; i < n; i++) {
		ck_assert_int_le(text_width(lines[i]), 20);
		ck_assert_msg(strncmp(lines[i], "，", 3) != 0, "line %d starts with a comma", i);
	}
	text_free_lines(lines, n);
	n = text_wrap("一\n\n二", 10, &lines);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(lines[1], "");
	text_free_lines(lines, n);
	/* A comma that would start a line pulls the previous character down. */
	n = text_wrap("一二三四，五", 8, &lines);
	ck_assert_str_eq(lines[0], "一二三");
	ck_assert_str_eq(lines[1], "四，五");
	text_free_lines(lines, n);
}
END_TEST

START_TEST(wrap_english_at_spaces)
{
	char **lines;
	int n = text_wrap("Expected 2478 companies, actual 1000", 16, &lines);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(lines[0], "Expected 2478");   /* the space broken at ends no line */
	ck_assert_str_eq(lines[1], "companies,");
	ck_assert_str_eq(lines[2], "actual 1000");
	text_free_lines(lines, n);
	/* numbers stay whole, closing marks never start a line, opening marks never end one */
	n = text_wrap("培育科技型企业5000家", 16, &lines);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(lines[0], "培育科技型企业");
	ck_assert_str_eq(lines[1], "5000家");
	text_free_lines(lines, n);
	n = text_wrap("一二三四五六（七）", 14, &lines);
	ck_assert_str_eq(lines[0], "一二三四五六");
	ck_assert_str_eq(lines[1], "（七）");
	text_free_lines(lines, n);
	/* a word longer than the line is still cut */
	n = text_wrap("abcdefghijklmnopqrstuvwxyz", 10, &lines);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(lines[0], "abcdefghij");
	text_free_lines(lines, n);
}
END_TEST

/* A number stays with the measure word after it: "21天" is never "21 / 天". */
START_TEST(wrap_keeps_number_with_its_unit)
{
	char **lines;
	/* 20 columns: "完成时限临近还有21" fills them exactly; "天" must not start the next line alone. */
	int n = text_wrap("完成时限临近，还有21天", 20, &lines);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(lines[0], "完成时限临近，还有");
	ck_assert_str_eq(lines[1], "21天");
	text_free_lines(lines, n);
	n = text_wrap("培育科技型企业5000家", 18, &lines);
	ck_assert_str_eq(lines[n - 1], "5000家");
	text_free_lines(lines, n);
}
END_TEST

START_TEST(cn_numbers)
{
	char b[32];
	text_cn_number(6, b, sizeof b);
	ck_assert_str_eq(b, "六");
	text_cn_number(10, b, sizeof b);
	ck_assert_str_eq(b, "十");
	text_cn_number(14, b, sizeof b);
	ck_assert_str_eq(b, "十四");
	text_cn_number(21, b, sizeof b);
	ck_assert_str_eq(b, "二十一");
}
END_TEST

START_TEST(validation_names_field_rule_position)
{
	char err[256];
	text_rule note = { "备注", 10, true, false };
	ck_assert(validate_text(&note, "第一行\n第二行", err, sizeof err));
	ck_assert(!validate_text(&note, "ab\x1b[2J", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "备注"));
	ck_assert_ptr_nonnull(strstr(err, "第 3 个字符"));
	ck_assert(!validate_text(&note, "一二三四五六七八九十十", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "最多 10"));
	ck_assert(!validate_text(&note, "a\xe2\x80\xae" "b", err, sizeof err));   /* bidi override */
	ck_assert(!validate_text(&note, "a\xe2\x81\xa6", err, sizeof err));    /* U+2066 isolate */
	ck_assert(!validate_text(&note, "a\xe2\x80\xa8", err, sizeof err));    /* U+2028 */
	ck_assert(!validate_text(&note, "\x7f", err, sizeof err));
	ck_assert(!validate_text(&note, "a\tb", err, sizeof err));          /* tab is a C0 control too */
	ck_assert(!validate_text(&note, "\xc2\x9b", err, sizeof err));
	text_rule one_line = { "名称", 10, false, true };
	ck_assert(!validate_text(&one_line, "a\nb", err, sizeof err));
	ck_assert(!validate_text(&one_line, "", err, sizeof err));
}
END_TEST

START_TEST(numbers_as_typed)
{
	double v;
	char err[256];
	ck_assert(validate_number("x", "2100", &v, err, sizeof err));
	ck_assert(v == 2100);
	ck_assert(validate_number("x", "2,100", &v, err, sizeof err));
	ck_assert(v == 2100);
	ck_assert(validate_number("x", "１２.5", &v, err, sizeof err));
	ck_assert(v == 12.5);
	ck_assert(!validate_number("x", "-1", &v, err, sizeof err));
	ck_assert(!validate_number("x", "1e3", &v, err, sizeof err));
	ck_assert(!validate_number("x", "nan", &v, err, sizeof err));
	ck_assert(!validate_number("x", "", &v, err, sizeof err));
	ck_assert(!validate_number("x", "1.2.3", &v, err, sizeof err));
	ck_assert(!validate_number("x", "百", &v, err, sizeof err));
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, width_counts_chinese_as_two);
	tcase_add_test(tc, utf8_strictness);
	tcase_add_test(tc, escape_makes_controls_harmless);
	tcase_add_test(tc, truncate_by_columns);
	tcase_add_test(tc, wrap_by_columns);
	tcase_add_test(tc, wrap_english_at_spaces);
	tcase_add_test(tc, cn_numbers);
	tcase_add_test(tc, wrap_keeps_number_with_its_unit);
	tcase_add_test(tc, validation_names_field_rule_position);
	tcase_add_test(tc, numbers_as_typed);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(text_suite)
