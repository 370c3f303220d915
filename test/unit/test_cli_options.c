/* The one option parser (src/cli/options.c): each command's table decides
 * what is accepted, what is refused and what the usage says. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ducha/cli.h"

static int noop(cli *c, const cli_args *a)
{
	(void)c;
	(void)a;
	return 0;
}

static const cli_option sample_options[] = {
	{ "agency", 0, "NAME", "一个单位", CLI_ONE_OF, NULL },
	{ "all", 0, NULL, "全部", CLI_ONE_OF, NULL },
	{ "period", 0, "YYYYQn", "填报季度", CLI_REQUIRED, NULL },
	{ "set", 0, "K=V", "值", CLI_REPEAT, NULL },
	{ "format", 0, "text|csv|json", "格式", 0, "输出格式" },
	{ "output", 'o', "FILE", "文件", 0, NULL },
	{ "secret", 0, NULL, NULL, CLI_HIDDEN, NULL },
	{ 0 },
};

static const cli_command sample = {
	.name = "sample", .run = noop, .summary = "测试", .operands = "TASK", .min_operands = 1,
	.max_operands = 1, .missing_operand = "缺少任务序号", .options = sample_options,
};

/* Parses a NULL-terminated list; err gets the message on failure. */
static bool parse(cli_args *a, char *err, size_t len, ...)
{
	char *argv[32] = { (char *)"sample" };
	int argc = 1;
	va_list ap;
	va_start(ap, len);
	for (char *s; (s = va_arg(ap, char *)) != NULL && argc < 31;)
		argv[argc++] = s;
	va_end(ap);
	argv[argc] = NULL;
	err[0] = '\0';
	return cli_parse_options(&sample, argc, argv, false, a, err, len);
}

START_TEST(accepts_options_after_operands_and_keeps_every_repeat)
{
	cli_args a;
	char err[256];
	ck_assert_msg(parse(&a, err, sizeof err, "15", "--all", "--period", "2016Q4", "--set", "a=1", "-o", "f.txt",
	                    "--set", "b=2", NULL), "%s", err);
	ck_assert_int_eq(a.noperands, 1);
	ck_assert_str_eq(a.operands[0], "15");
	ck_assert_int_eq(a.nrepeats, 2);
	ck_assert_str_eq(a.repeats[1], "b=2");
	ck_assert_str_eq(a.value[cli_option_index(&sample, "output")], "f.txt");
	ck_assert_str_eq(a.value[cli_option_index(&sample, "all")], "");
	ck_assert_ptr_null(a.value[cli_option_index(&sample, "agency")]);
}
END_TEST

START_TEST(refuses_with_one_message_each)
{
	cli_args a;
	char err[256];
	struct { const char *args[6]; const char *message; } cases[] = {
		{ { "15", "--all", "--period", "2016Q1", "--bogus" }, "无法识别的选项 --bogus" },
		{ { "15", "--all", "--period", "2016Q1", "-x" }, "无法识别的选项 -x" },
		{ { "15", "16", "--all", "--period", "2016Q1" }, "多余的参数 \"16\"" },
		{ { "--all", "--period", "2016Q1" }, "缺少任务序号" },
		{ { "15", "--period", "2016Q1" }, "需要 --agency NAME 或 --all" },
		{ { "15", "--all", "--agency", "x", "--period", "2016Q1" }, "--agency 和 --all 只能选一个" },
		{ { "15", "--all" }, "缺少 --period YYYYQn（填报季度）" },
		{ { "15", "--all", "--period" }, "选项 --period 需要一个值" },
		{ { "15", "--all", "--period", "2016Q1", "--format" }, "选项 --format 需要一个值" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char **g = cases[i].args;
		bool ok = parse(&a, err, sizeof err, g[0], g[1], g[2], g[3], g[4], g[5], NULL);
		ck_assert_msg(!ok, "case %zu accepted", i);
		ck_assert_str_eq(err, cases[i].message);
	}
	ck_assert(!parse(&a, err, sizeof err, "15", "--all", "--period", "q", "--format", "xml", NULL));
	ck_assert_str_eq(err, "不支持的输出格式 \"xml\"（应为 text、csv 或 json）");
	ck_assert(parse(&a, err, sizeof err, "15", "--all", "--period", "q", "--format", "csv", NULL));
}
END_TEST

START_TEST(a_double_dash_ends_the_options)
{
	cli_args a;
	char err[256];
	ck_assert_msg(parse(&a, err, sizeof err, "--all", "--period", "q", "--", "-5", NULL), "%s", err);
	ck_assert_str_eq(a.operands[0], "-5");
}
END_TEST

START_TEST(too_many_repeats_are_refused)
{
	char *argv[2 + 2 * (CLI_MAX_REPEATS + 1) + 4] = { (char *)"sample", (char *)"1", (char *)"--all",
	                                                    (char *)"--period", (char *)"q" };
	int argc = 5;
	for (int i = 0; i <= CLI_MAX_REPEATS; i++) {
		argv[argc++] = (char *)"--set";
		argv[argc++] = (char *)"a=1";
	}
	cli_args a;
	char err[256];
	ck_assert(!cli_parse_options(&sample, argc, argv, false, &a, err, sizeof err));
	ck_assert_str_eq(err, "--set 太多（最多 64 个）");
}
END_TEST

/* The usage comes from the table: every option but the hidden one. */
START_TEST(usage_is_generated_from_the_table)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cli_print_usage(&sample, f);
	fclose(f);
	/* Wrapped before 96 columns, the next line under the first operand. */
	ck_assert_msg(strstr(text, "用法: ducha sample TASK (--agency NAME | --all) --period YYYYQn [--set K=V]...\n"
	                           "             [--format text|csv|json] [-o FILE]\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "  -o, --output FILE   文件\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "  --format F          格式\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "secret") == NULL, "%s", text);
	free(text);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("cli_options");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, accepts_options_after_operands_and_keeps_every_repeat);
	tcase_add_test(tc, refuses_with_one_message_each);
	tcase_add_test(tc, a_double_dash_ends_the_options);
	tcase_add_test(tc, too_many_repeats_are_refused);
	tcase_add_test(tc, usage_is_generated_from_the_table);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(make_suite)
