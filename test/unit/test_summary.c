/* The summary renderers on a model built by hand (no database), and the
 * print module: page geometry of the text, escaping in every format, the
 * print command run without a shell, the report folder made on demand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/print.h"
#include "ducha/summary.h"
#include "ducha/text.h"

static const char hostile[] = "<script>alert(1)</script>\x1b[2J\xe2\x80\xae\xc2\x9b\x9b&\"'=cmd";

/* One agency leading one task with one indicator and one report. */
typedef struct fixture {
	summary s;
	plan_rec plan;
	config_flags rules;
	indicator_rec ind;
	report_rec rep;
	int64_t ind_id;
	double value;
	summary_item item;
	task_detail detail;
	task_state now;
} fixture;

static void make(fixture *f, const char *text, const char *note)
{
	memset(f, 0, sizeof *f);
	f->plan = (plan_rec){ 1, (char *)"渝府办发〔2016〕25号", (char *)"工作方案", (char *)"办公厅",
	                      date_from_ymd(2016, 1, 1), date_from_ymd(2017, 12, 31) };
	f->rules = (config_flags){ 0.9, 0.7, 0.05, 30, 15 };
	f->ind = (indicator_rec){ .id = 7, .ord = 1, .name = (char *)"科技型企业", .unit = (char *)"家", .cmp = CMP_GE,
	                          .target = 5000, .due = date_from_ymd(2017, 12, 31), .mode = MODE_CUMULATIVE,
	                          .has_baseline = true };
	f->ind_id = 7;
	f->value = 1000;
	f->rep = (report_rec){ .period = "2016Q4", .year = 2016, .quarter = 4, .status = (char *)"in-progress",
	                       .note = (char *)note, .author = (char *)"u", .created = (char *)"t", .version = 1,
	                       .nvalues = 1, .indicator_ids = &f->ind_id, .values = &f->value };
	summary *s = &f->s;
	s->plan_code = f->plan.code;
	s->plan_title = f->plan.title;
	s->plan_issuer = f->plan.issuer;
	s->as_of = date_from_ymd(2017, 1, 15);
	snprintf(s->produced_at, sizeof s->produced_at, "2017-01-15 09:00");
	snprintf(s->produced_by, sizeof s->produced_by, "tester");
	memset(s->audit_head, 'a', 64);
	snprintf(s->file_key, sizeof s->file_key, "agency-3");
	s->tasks = calloc(1, sizeof *s->tasks);
	s->sections = calloc(1, sizeof *s->sections);
	ck_assert(s->tasks && s->sections);
	s->ntasks = s->nsections = 1;
	summary_task *t = &s->tasks[0];
	task_detail *d = &f->detail;
	d->task = (task_rec){ .id = 1, .num = 15, .area_short = (char *)"创新能力", .text = (char *)text,
	                        .deadline = (char *)"2017年年底前", .ndues = 1, .due = date_from_ymd(2017, 12, 31),
	                        .status = (char *)"open", .lead = (char *)"市中小企业局", .support = (char *)"市科委;市财政局" };
	d->task.dues[0] = d->task.due;
	d->indicators = &f->ind;
	d->nindicators = 1;
	d->reports = &f->rep;
	d->nreports = 1;
	t->d = d;
	t->now = &f->now;
	t->known = 1;
	t->since_from = 1;
	flag_evaluate_task(d, &f->plan, s->as_of, &f->rules, false, &f->now);
	f->item = (summary_item){ 0, SUMMARY_LEAD };
	s->sections[0] = (summary_section){ .title = (char *)"市中小企业局", .agency = true, .nlead = 1, .ntasks = 1,
	                                    .items = &f->item, .nitems = 1 };
	s->sections[0].flags[f->now.flag] = 1;
}

static void unmake(fixture *f)
{
	flag_task_state_free(&f->now);
	free(f->s.tasks);
	free(f->s.sections);
}

static char *render(const summary *s, out_format fmt, int width, int length)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(out);
	summary_output o = { fmt, width, length, CSV_UTF8_BOM, NULL };
	ck_assert(summary_render(s, NULL, &o, out, NULL, 0));
	fclose(out);
	return buf;
}

START_TEST(text_fits_the_page)
{
	fixture f;
	char text[4096] = "";
	for (int i = 0; i < 40; i++)
		strcat(text, "培育科技型企业超过5000家，");
	make(&f, text, hostile);
	static const int sizes[][2] = { { 80, 66 }, { 60, 40 }, { 60, 20 }, { 400, 0 } };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		int w = sizes[k][0], l = sizes[k][1];
		char *out = render(&f.s, FMT_TEXT, w, l);
		int lines = 0, pages = 1;
		for (char *line = out, *end; *line; line = end + 1) {
			end = strchr(line, '\n');
			ck_assert_ptr_nonnull(end);
			*end = '\0';
			if (line[0] == '\f') {
				ck_assert_int_eq(lines, l);
				pages++;
				lines = 0;
				line++;
			}
			ck_assert_int_le(text_width(line), w);
			ck_assert_ptr_null(strchr(line, 0x1b));
			lines++;
		}
		if (l)
			ck_assert_int_eq(lines, l);
		if (l == 20)
			ck_assert_int_gt(pages, 2);
		if (l == 0 || l == 66)
			ck_assert_int_eq(pages, 1);
		free(out);
	}
	unmake(&f);
}
END_TEST

START_TEST(every_format_escapes)
{
	fixture f;
	make(&f, "任务文字<b>", hostile);
	char *html = render(&f.s, FMT_HTML, 80, 66);
	ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;^[[2J"));
	ck_assert_ptr_nonnull(strstr(html, "任务文字&lt;b&gt;"));
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "\x1b"));
	ck_assert_ptr_nonnull(strstr(html, "size: A4"));
	free(html);
	char *csv = render(&f.s, FMT_CSV, 80, 66);
	ck_assert_int_eq(memcmp(csv, "\xEF\xBB\xBF", 3), 0);
	ck_assert_ptr_null(strstr(csv, "\x1b"));
	ck_assert_ptr_nonnull(strstr(csv, "\"<script>alert(1)</script>^[[2J\\u202E\\u009B\\x9B&\"\"'=cmd\""));
	free(csv);
	unmake(&f);
}
END_TEST

START_TEST(csv_neutralises_formulas)
{
	fixture f;
	make(&f, "=HYPERLINK(\"http://x\")", "@SUM(A1)");
	char *csv = render(&f.s, FMT_CSV, 80, 66);
	ck_assert_ptr_nonnull(strstr(csv, ",\"'=HYPERLINK(\"\"http://x\"\")\""));
	ck_assert_ptr_nonnull(strstr(csv, ",\"'@SUM(A1)\","));
	free(csv);
	unmake(&f);
}
END_TEST

START_TEST(file_names_hold_no_stored_text)
{
	fixture f;
	make(&f, "x", "y");
	char name[128];
	summary_file_name(&f.s, FMT_HTML, name, sizeof name);
	ck_assert_str_eq(name, "summary-agency-3-2017-01-15.html");
	unmake(&f);
}
END_TEST

START_TEST(print_command_split)
{
	char buf[256], *argv[PRINT_MAX_ARGS];
	ck_assert_int_eq(print_split("  lp \t-d office  -o media=A4 ", buf, sizeof buf, argv), 5);
	ck_assert_str_eq(argv[0], "lp");
	ck_assert_str_eq(argv[4], "media=A4");
	ck_assert_int_eq(print_split("", buf, sizeof buf, argv), 0);
}
END_TEST

START_TEST(print_runs_without_a_shell)
{
	char err[512], dir[] = "/tmp/ducha-print-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char script[600], log[600], file[600], command[1400];
	snprintf(script, sizeof script, "%s/rec", dir);
	snprintf(log, sizeof log, "%s/args", dir);
	snprintf(file, sizeof file, "%s/a b;$(touch %s/pwned).txt", dir, dir);
	FILE *f = fopen(script, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done > %s\n", log);
	fclose(f);
	chmod(script, 0700);
	snprintf(command, sizeof command, "%s -d office", script);
	ck_assert(print_run(command, file, true, err, sizeof err));
	char line[700], want[700];
	f = fopen(log, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, "[-d]\n");
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	snprintf(want, sizeof want, "[%s]\n", file);
	ck_assert_str_eq(line, want);
	fclose(f);
	snprintf(line, sizeof line, "%s/pwned", dir);
	ck_assert_int_ne(access(line, F_OK), 0);
	ck_assert(!print_run("false", file, true, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "退出码 1"));
	ck_assert(!print_run("/no/such/program", file, true, err, sizeof err));
	ck_assert(!print_run("   ", file, true, err, sizeof err));
	unlink(script);
	unlink(log);
	rmdir(dir);
}
END_TEST

START_TEST(report_folder_made_on_demand)
{
	char err[512], dir[] = "/tmp/ducha-folder-XXXXXX", deep[600], file[600];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(deep, sizeof deep, "%s/a/b/c", dir);
	ck_assert(print_folder_ensure(deep, err, sizeof err));
	ck_assert(print_folder_ensure(deep, err, sizeof err));
	struct stat st;
	ck_assert_int_eq(stat(deep, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	snprintf(file, sizeof file, "%s/file", dir);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert(!print_folder_ensure(file, err, sizeof err));
	unlink(file);
	for (int i = 0; i < 3; i++) {
		rmdir(deep);
		*strrchr(deep, '/') = '\0';
	}
	rmdir(dir);
}
END_TEST

static Suite *summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, text_fits_the_page);
	tcase_add_test(tc, every_format_escapes);
	tcase_add_test(tc, csv_neutralises_formulas);
	tcase_add_test(tc, file_names_hold_no_stored_text);
	tcase_add_test(tc, print_command_split);
	tcase_add_test(tc, print_runs_without_a_shell);
	tcase_add_test(tc, report_folder_made_on_demand);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(summary_suite)
