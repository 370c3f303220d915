/* Drafts that outlive a dropped connection: the recovery file's format
 * (round trip with Chinese, line breaks, empty fields and text that looks
 * like the format itself; every cut and several kinds of damage refused),
 * and the full-screen program's side without a terminal: a form's input
 * into the file and back into a form, other plans' drafts left alone, a
 * damaged file set aside. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/date.h"
#include "ducha/draft.h"
#include "ui_form.h"
#include "ui_note.h"
#include "ui_recover.h"
#include "ui_report_form.h"
#include "ui_view.h"

/* --- the format ---------------------------------------------------------- */

static char *dup_s(const char *s)
{
	char *p = strdup(s);
	ck_assert(p != NULL);
	return p;
}

/* A report draft whose texts try everything the format must survive. */
static void sample(draft_set *s)
{
	memset(s, 0, sizeof *s);
	draft *d = draft_set_push(s);
	d->id = dup_s("host:1:2.3/1");
	d->user = dup_s("wang");
	d->kind = DRAFT_REPORT;
	d->plan = dup_s("渝府办发〔2016〕25号");
	d->task = 5;
	d->period = dup_s("2017Q");                       /* invalid, as typed */
	draft_add_value(d, "国外研发机构", "17");
	draft_add_value(d, "联合研发团队", "");             /* cleared on purpose */
	draft_add_value(d, "国际合作基地", "abc\nend 0\n");  /* looks like a field */
	d->status = dup_s("completed");
	d->note = dup_s("配套资金已到位，\n进度加快。\n\n“引号” = 100%\r\n");
	draft_add_seen(d, "2017Q3", 2);
	draft_add_seen(d, "2017Q4", 0);
	d = draft_set_push(s);
	d->id = dup_s("host:1:2.3/2");
	d->user = dup_s("wang");
	d->kind = DRAFT_NOTE;
	d->plan = dup_s("P2");
	d->task = 12;
	d->note_kind = dup_s("comment");
	d->note = dup_s("");
	d = draft_set_push(s);                               /* a change of note 70000 */
	d->id = dup_s("host:1:2.3/3");
	d->user = dup_s("wang");
	d->kind = DRAFT_NOTE;
	d->plan = dup_s("P2");
	d->task = 12;
	d->note_kind = dup_s("progress");
	d->edits = 70000;
	d->note = dup_s("改过的进展\n");
}

/* A form leaves out what its kind does not have; a decoded draft has "". */
static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* What was typed (a form's draft has no id, user or plan yet). */
static void expect_same_input(const draft *a, const draft *b)
{
	ck_assert_int_eq(a->kind, b->kind);
	ck_assert_int_eq(a->task, b->task);
	ck_assert_str_eq(or_empty(a->period), or_empty(b->period));
	ck_assert_str_eq(or_empty(a->status), or_empty(b->status));
	ck_assert_str_eq(or_empty(a->note_kind), or_empty(b->note_kind));
	ck_assert_int_eq(a->edits, b->edits);
	ck_assert_str_eq(a->note, b->note);
	ck_assert_int_eq(a->nvalues, b->nvalues);
	for (int i = 0; i < a->nvalues; i++) {
		ck_assert_str_eq(a->values[i].indicator, b->values[i].indicator);
		ck_assert_str_eq(a->values[i].text, b->values[i].text);
	}
	ck_assert_int_eq(a->nseen, b->nseen);
	for (int i = 0; i < a->nseen; i++) {
		ck_assert_str_eq(a->seen[i].period, b->seen[i].period);
		ck_assert_int_eq(a->seen[i].version, b->seen[i].version);
	}
}

static void expect_same(const draft *a, const draft *b)
{
	ck_assert_str_eq(a->id, b->id);
	ck_assert_str_eq(a->user, b->user);
	ck_assert_str_eq(a->plan, b->plan);
	expect_same_input(a, b);
}

START_TEST(round_trip_keeps_every_byte)
{
	draft_set s, back;
	char err[300];
	size_t len;
	sample(&s);
	char *bytes = draft_encode(&s, &len);
	ck_assert_msg(draft_decode(bytes, len, &back, err, sizeof err), "%s", err);
	ck_assert_int_eq(back.n, 3);
	expect_same(&s.d[0], &back.d[0]);
	expect_same(&s.d[1], &back.d[1]);
	expect_same(&s.d[2], &back.d[2]);
	ck_assert_int_eq(back.d[1].edits, 0);
	/* Encoding what was read gives the same bytes. */
	size_t len2;
	char *again = draft_encode(&back, &len2);
	ck_assert_uint_eq(len, len2);
	ck_assert(memcmp(bytes, again, len) == 0);
	free(again);
	free(bytes);
	draft_set_free(&back);
	draft_set_free(&s);
}
END_TEST

START_TEST(no_drafts_is_a_valid_file)
{
	draft_set s = { 0 }, back;
	char err[300];
	size_t len;
	char *bytes = draft_encode(&s, &len);
	ck_assert_str_eq(bytes, "ducha-drafts 1 0\n");
	ck_assert(draft_decode(bytes, len, &back, err, sizeof err));
	ck_assert_int_eq(back.n, 0);
	free(bytes);
	draft_set_free(&back);
}
END_TEST

/* A file cut anywhere, even between two drafts, is refused as a whole. */
START_TEST(every_cut_is_noticed)
{
	draft_set s, back;
	char err[300];
	size_t len;
	sample(&s);
	char *bytes = draft_encode(&s, &len);
	for (size_t cut = 0; cut < len; cut++) {
		err[0] = '\0';
		ck_assert_msg(!draft_decode(bytes, cut, &back, err, sizeof err), "a file cut at %zu was read", cut);
		ck_assert_msg(err[0], "no reason given for a cut at %zu", cut);
	}
	free(bytes);
	draft_set_free(&s);
}
END_TEST

static void expect_refused(const char *text, const char *why)
{
	draft_set back;
	char err[300] = "";
	ck_assert_msg(!draft_decode(text, strlen(text), &back, err, sizeof err), "accepted: %s", text);
	ck_assert_msg(strstr(err, why) != NULL, "for %s: %s (wanted %s)", text, err, why);
}

#define HEAD "ducha-drafts 1 1\ndraft 1\nx\nuser 1\nu\nkind 4\nnote\nplan 1\nP\ntask 1\n3\n"

START_TEST(damage_is_refused_with_a_reason)
{
	draft_set back;
	char err[300];
	const char ok[] = HEAD "end 0\n\n";
	ck_assert_msg(draft_decode(ok, strlen(ok), &back, err, sizeof err), "%s", err);
	ck_assert_str_eq(back.d[0].note, "");
	draft_set_free(&back);
	expect_refused("", "不是 ducha 草稿文件");
	expect_refused("ducha-drafts 2 1\n", "不是 ducha 草稿文件");
	expect_refused("ducha-drafts 1 x\n", "草稿份数无效");
	expect_refused(HEAD "end 0\n\nend 0\n\n", "多余内容");
	expect_refused("ducha-drafts 1 2\ndraft 1\nx\nuser 1\nu\nkind 4\nnote\nplan 1\nP\ntask 1\n3\nend 0\n\n",
	               "文件提前结束");
	expect_refused(HEAD "note 99\nshort\nend 0\n\n", "被截断");
	expect_refused(HEAD "note 2\nabc\nend 0\n\n", "被截断");
	expect_refused(HEAD "note x\n", "长度无效");
	expect_refused(HEAD "note 2\n\xff\xfe\nend 0\n\n", "UTF-8");
	expect_refused(HEAD "colour 1\nx\nend 0\n\n", "未知字段 colour");
	expect_refused(HEAD "task 1\n4\nend 0\n\n", "重复");
	expect_refused(HEAD "value 1\n1\nend 0\n\n", "成对");
	expect_refused(HEAD "indicator 1\na\nend 0\n\n", "成对");
	expect_refused("ducha-drafts 1 1\ndraft 1\nx\nkind 6\nreport\nend 0\n\n", "缺少必需的字段");
	expect_refused("ducha-drafts 1 1\ndraft 1\nx\nuser 1\nu\nkind 5\nother\n", "kind 应为");
	expect_refused("ducha-drafts 1 1\ndraft 1\nx\nuser 1\nu\ntask 2\n-1\n", "task 应为");
	expect_refused("ducha-drafts 1 1\nplan 1\nP\n", "draft 字段开始");
	const char nul[] = HEAD "note 3\na\0b\nend 0\n\n";
	ck_assert(!draft_decode(nul, sizeof nul - 1, &back, err, sizeof err));
	ck_assert(strstr(err, "UTF-8") != NULL);
}
END_TEST

START_TEST(file_names_keep_safe_characters_only)
{
	char name[64];
	draft_file_name("wang.li_2-x", name, sizeof name);
	ck_assert_str_eq(name, "wang.li_2-x.draft");
	draft_file_name("../etc/x y", name, sizeof name);
	ck_assert_str_eq(name, ".._etc_x_y.draft");
	draft_file_name("张", name, sizeof name);
	ck_assert_str_eq(name, "___.draft");
	draft_file_name("", name, sizeof name);
	ck_assert_str_eq(name, "_.draft");
}
END_TEST

static char tmpdir[64];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/ducha-drafts-XXXXXX");
	ck_assert(mkdtemp(tmpdir) != NULL);
}

static void remove_tree(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static void write_text(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert(f != NULL);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
}

START_TEST(reading_files)
{
	char path[128], link_path[128], err[300];
	draft_set s, back;
	size_t len;
	make_tmpdir();
	snprintf(path, sizeof path, "%s/wang.draft", tmpdir);
	ck_assert_int_eq(draft_read_file(path, &back, err, sizeof err), DRAFT_FILE_NONE);
	sample(&s);
	char *bytes = draft_encode(&s, &len);
	write_text(path, bytes, len);
	ck_assert_int_eq(draft_read_file(path, &back, err, sizeof err), DRAFT_FILE_OK);
	expect_same(&s.d[0], &back.d[0]);
	draft_set_free(&back);
	write_text(path, bytes, len - 3);                 /* cut short, as a full disk would */
	ck_assert_int_eq(draft_read_file(path, &back, err, sizeof err), DRAFT_FILE_BAD);
	snprintf(link_path, sizeof link_path, "%s/li.draft", tmpdir);
	ck_assert_int_eq(symlink(path, link_path), 0);
	ck_assert_int_eq(draft_read_file(link_path, &back, err, sizeof err), DRAFT_FILE_BAD);
	free(bytes);
	draft_set_free(&s);
	remove_tree();
}
END_TEST

/* --- the full-screen program's side, without a terminal ------------------ */

static char dbpath[96];
static app c;
static const actor admin = { "tester", ROLE_ADMIN, "" };

static void open_app(void)
{
	char err[512];
	memset(&c, 0, sizeof c);
	config_defaults(&c.cfg);
	make_tmpdir();
	snprintf(dbpath, sizeof dbpath, "%s/t.db", tmpdir);
	snprintf(c.cfg.report_dir, sizeof c.cfg.report_dir, "%s/reports", tmpdir);
	c.st = store_open(dbpath, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(c.st != NULL, "%s", err);
	ck_assert_msg(store_init_builtin(c.st, &admin), "%s", store_error(c.st));
	ck_assert(store_plan(c.st, NULL, &c.plan));
	c.who = admin;
	c.as_of = date_from_ymd(2017, 12, 10);
}

static void close_app(void)
{
	model_plan_free(&c.plan);
	store_close(c.st);
	remove_tree();
}

static void start_ui(ui *u)
{
	memset(u, 0, sizeof *u);
	u->c = &c;
	ck_assert(ui_data_open(&u->data, c.st, &c.plan, c.as_of, &c.cfg.flags, false));
	ui_recover_start(u);
}

static void end_ui(ui *u)
{
	for (int i = 0; i < u->ndrafts; i++)
		u->drafts[i]->ops->free(u->drafts[i]);
	u->ndrafts = 0;
	ui_recover_close(u);
	ui_data_close(&u->data);
}

static void type(ui *u, view *v, const char *utf8)
{
	ui_edit e;
	ui_edit_init(&e, true, 1000);
	ui_edit_set(&e, utf8);
	for (int i = 0; i < e.len; i++)
		v->ops->text(u, v, e.buf[i]);
	ui_edit_free(&e);
}

static void file_path(char *path, size_t len)
{
	snprintf(path, len, "%s/drafts/tester.draft", c.cfg.report_dir);
}

/* Task 5's report: two values, one invalid, and a Chinese note of two lines. */
static view *typed_report(ui *u)
{
	view *v = ui_report_new(u, 5);
	ck_assert(v != NULL);
	type(u, v, "17");
	v->ops->action(u, v, UI_ACT_NEXT_FIELD);
	type(u, v, "十八");
	for (int i = 0; i < 3; i++)
		v->ops->action(u, v, UI_ACT_NEXT_FIELD);
	type(u, v, "配套资金已到位\n进度加快");
	return v;
}

static void saved_form(ui *u, view *v, draft *d)
{
	memset(d, 0, sizeof *d);
	ck_assert(v->ops->save_draft(u, v, d));
}

START_TEST(a_form_comes_back_from_the_file)
{
	ui u, u2;
	draft before, after;
	char path[PATH_MAX + 64];
	struct stat st;
	open_app();
	start_ui(&u);
	view *v = typed_report(&u);
	saved_form(&u, v, &before);
	ck_assert(ui_draft_keep(&u, v));
	ui_push(&u, ui_note_new(&u, 12));
	type(&u, ui_top(&u), "记录：\n第二行");
	ui_recover_save_all(&u);            /* as on a hang-up */
	ui_pop(&u);
	end_ui(&u);
	file_path(path, sizeof path);
	ck_assert_int_eq(stat(path, &st), 0);
	mode_t mask = umask(0);
	umask(mask);
	ck_assert_int_eq(st.st_mode & 0777, 0660 & ~mask);
	start_ui(&u2);
	ck_assert_int_eq(u2.ndrafts, 2);
	ck_assert_msg(strstr(u2.msg, "已恢复上次未保存的 2 份草稿：任务 5 2017Q4 填报、任务 12 记录"), "%s", u2.msg);
	view *back = ui_draft_take(&u2, &ui_report_ops, 5);
	ck_assert(back != NULL);
	saved_form(&u2, back, &after);
	expect_same_input(&before, &after);
	ck_assert_str_eq(after.values[1].text, "十八");
	ck_assert_str_eq(after.note, "配套资金已到位\n进度加快");
	draft_free(&before);
	draft_free(&after);
	ui_push(&u2, back);
	ui_recover_discard(&u2);            /* q, and the user agreed */
	ck_assert_int_eq(stat(path, &st), -1);
	ui_pop(&u2);
	end_ui(&u2);
	close_app();
}
END_TEST

/* Another plan's draft and another session's stay in the file. */
START_TEST(others_drafts_stay)
{
	ui u;
	draft_set s, back;
	char path[PATH_MAX + 64], dir[PATH_MAX + 16], err[300];
	size_t len;
	open_app();
	snprintf(dir, sizeof dir, "%s/drafts", c.cfg.report_dir);
	ck_assert_int_eq(mkdir(c.cfg.report_dir, 0770), 0);
	ck_assert_int_eq(mkdir(dir, 0770), 0);
	sample(&s);
	free(s.d[0].user);
	s.d[0].user = dup_s("tester");
	free(s.d[0].plan);
	s.d[0].plan = dup_s("渝府办发〔2099〕1号");
	char *bytes = draft_encode(&s, &len);
	file_path(path, sizeof path);
	write_text(path, bytes, len);
	free(bytes);
	start_ui(&u);
	ck_assert_int_eq(u.ndrafts, 0);
	ck_assert_msg(strstr(u.msg, "另有 1 份草稿属于方案 渝府办发〔2099〕1号"), "%s", u.msg);
	ui_push(&u, typed_report(&u));
	ui_recover_save_all(&u);
	ck_assert_int_eq(draft_read_file(path, &back, err, sizeof err), DRAFT_FILE_OK);
	ck_assert_int_eq(back.n, 4);
	draft_set_free(&back);
	ui_recover_discard(&u);
	ck_assert_int_eq(draft_read_file(path, &back, err, sizeof err), DRAFT_FILE_OK);
	ck_assert_int_eq(back.n, 3);
	expect_same(&s.d[0], &back.d[0]);
	expect_same(&s.d[1], &back.d[1]);
	expect_same(&s.d[2], &back.d[2]);
	draft_set_free(&back);
	draft_set_free(&s);
	ui_pop(&u);
	end_ui(&u);
	close_app();
}
END_TEST

START_TEST(a_damaged_file_is_set_aside)
{
	ui u;
	char path[PATH_MAX + 64], bad[PATH_MAX + 80], dir[PATH_MAX + 16];
	struct stat st;
	open_app();
	snprintf(dir, sizeof dir, "%s/drafts", c.cfg.report_dir);
	ck_assert_int_eq(mkdir(c.cfg.report_dir, 0770), 0);
	ck_assert_int_eq(mkdir(dir, 0770), 0);
	file_path(path, sizeof path);
	write_text(path, "ducha-drafts 1 1\ndraft 5\nabc", 28);
	start_ui(&u);
	ck_assert(u.msg_error);
	ck_assert_msg(strstr(u.msg, "草稿恢复文件已损坏") && strstr(u.msg, "tester.draft.bad"), "%s", u.msg);
	snprintf(bad, sizeof bad, "%s.bad", path);
	ck_assert_int_eq(stat(bad, &st), 0);
	ck_assert_int_eq(stat(path, &st), -1);
	ck_assert_int_eq(u.ndrafts, 0);
	end_ui(&u);
	close_app();
}
END_TEST

static Suite *drafts_suite(void)
{
	Suite *s = suite_create("ui_drafts");
	TCase *t = tcase_create("format");
	tcase_add_test(t, round_trip_keeps_every_byte);
	tcase_add_test(t, no_drafts_is_a_valid_file);
	tcase_add_test(t, every_cut_is_noticed);
	tcase_add_test(t, damage_is_refused_with_a_reason);
	tcase_add_test(t, file_names_keep_safe_characters_only);
	tcase_add_test(t, reading_files);
	suite_add_tcase(s, t);
	t = tcase_create("recover");
	tcase_set_timeout(t, 30);
	tcase_add_test(t, a_form_comes_back_from_the_file);
	tcase_add_test(t, others_drafts_stay);
	tcase_add_test(t, a_damaged_file_is_set_aside);
	suite_add_tcase(s, t);
	return s;
}

DUCHA_TEST_MAIN(drafts_suite)
