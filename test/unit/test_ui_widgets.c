/* The screen-independent parts of the full-screen program: the editors
 * (cursor by character, Chinese, rows by display width), key names and the
 * key map (conflicts refused), lists, and task progress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ui_data.h"
#include "ui_edit.h"
#include "ui_keys.h"
#include "ui_list.h"
#include "ui_theme.h"
#include "ducha/flag.h"

static void type(ui_edit *e, const char *utf8)
{
	ui_edit tmp;
	ui_edit_init(&tmp, false, 1000);
	ui_edit_set(&tmp, utf8);
	for (int i = 0; i < tmp.len; i++)
		ck_assert(ui_edit_insert(e, tmp.buf[i]));
	ui_edit_free(&tmp);
}

static void expect_text(const ui_edit *e, const char *want)
{
	char *got = ui_edit_text(e);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(theme_flag_elements_follow_the_flags)
{
	for (int f = 0; f < FLAG_COUNT; f++) {
		char want[40];
		snprintf(want, sizeof want, "flag-%s", flag_name((flag_value)f));
		ck_assert_str_eq(ui_elem_name(ui_flag_elem((flag_value)f)), want);
	}
	char list[200];
	flag_names_list(" ", list, sizeof list);
	ck_assert_str_eq(list, "done ok due-soon behind unreported lagging overdue");
}
END_TEST

START_TEST(cursor_moves_by_character)
{
	ui_edit e;
	ui_edit_init(&e, false, 100);
	type(&e, "进展顺利");
	ck_assert_int_eq(e.len, 4);
	ui_edit_action(&e, UI_ACT_LEFT, 20, 1);
	ui_edit_action(&e, UI_ACT_LEFT, 20, 1);
	type(&e, "很");
	expect_text(&e, "进展很顺利");
	ui_edit_action(&e, UI_ACT_DELETE_BACK, 20, 1);
	ui_edit_action(&e, UI_ACT_DELETE, 20, 1);
	expect_text(&e, "进展利");
	ck_assert(e.modified);
	ui_edit_free(&e);
}
END_TEST

START_TEST(kill_and_limits)
{
	ui_edit e;
	ui_edit_init(&e, false, 5);
	type(&e, "abc中文");
	ck_assert(!ui_edit_insert(&e, 'x'));          /* full at 5 characters */
	ck_assert(!ui_edit_insert(&e, '\n') || e.multiline);
	ui_edit_action(&e, UI_ACT_LINE_START, 20, 1);
	ui_edit_action(&e, UI_ACT_RIGHT, 20, 1);
	ui_edit_action(&e, UI_ACT_KILL_END, 20, 1);
	expect_text(&e, "a");
	ui_edit_set(&e, "前后");
	ui_edit_action(&e, UI_ACT_LEFT, 20, 1);
	ui_edit_action(&e, UI_ACT_KILL_START, 20, 1);
	expect_text(&e, "后");
	ui_edit_free(&e);
}
END_TEST

START_TEST(multiline_rows_by_width)
{
	ui_edit e;
	ui_edit_init(&e, true, 100);
	/* A box 7 columns wide keeps one for the cursor: three Chinese characters a row. */
	type(&e, "一二三四五");
	ui_edit_action(&e, UI_ACT_OPEN, 7, 3);
	type(&e, "ab");
	ui_edit_action(&e, UI_ACT_UP, 7, 3);              /* from column 2 of "ab" */
	type(&e, "X");
	expect_text(&e, "一二三四X五\nab");
	ui_edit_action(&e, UI_ACT_UP, 7, 3);
	ui_edit_action(&e, UI_ACT_LINE_START, 7, 3);
	type(&e, ">");
	expect_text(&e, ">一二三四X五\nab");
	ui_edit_free(&e);
}
END_TEST

START_TEST(utf8_round_trip)
{
	ui_edit e;
	ui_edit_init(&e, true, 100);
	ui_edit_set(&e, "A é 中 😀\n２");
	ck_assert_int_eq(e.len, 9);
	expect_text(&e, "A é 中 😀\n２");
	ck_assert(!e.modified);
	ui_edit_set(&e, "\xff" "x");                          /* invalid byte: U+FFFD */
	expect_text(&e, "\xef\xbf\xbd" "x");
	ui_edit_free(&e);
}
END_TEST

START_TEST(key_names)
{
	static const char *const names[] = { "q", "Enter", "Esc", "Tab", "S-Tab", "F2", "^S", "PgDn",
	                                     "Space", "Backspace", "Delete", "中" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		ui_key k;
		char back[32];
		ck_assert_msg(ui_key_parse(names[i], &k), "%s", names[i]);
		ui_key_name(k, back, sizeof back);
		ck_assert_str_eq(back, names[i]);
	}
	ui_key k;
	ck_assert(ui_key_parse("C-s", &k) && k == 19);
	ck_assert(!ui_key_parse("Ctrl-S", &k));
	ck_assert(!ui_key_parse("F13", &k));
	ck_assert(!ui_key_parse("ab", &k));
	ck_assert(ui_key_is_text(0x4E2D) && ui_key_is_text(0x202E) && !ui_key_is_text(27));
}
END_TEST

static bool keymap_with(const char *name, const char *keys, char *err, size_t len)
{
	config c;
	ui_keymap m;
	config_defaults(&c);
	snprintf(c.key_names[0], sizeof c.key_names[0], "%s", name);
	snprintf(c.keys[0], sizeof c.keys[0], "%s", keys);
	c.nkeys = 1;
	return ui_keymap_init(&m, &c, err, len);
}

START_TEST(keymap_checks)
{
	char err[400];
	config c;
	ui_keymap m;
	config_defaults(&c);
	ck_assert(ui_keymap_init(&m, &c, err, sizeof err));
	ck_assert_int_eq(ui_keymap_lookup(&m, 'q', UI_SCOPE_GLOBAL | UI_SCOPE_LIST), UI_ACT_QUIT);
	ck_assert_int_eq(ui_keymap_lookup(&m, 'q', UI_SCOPE_EDIT), UI_ACT_NONE);   /* typed text */
	ck_assert_int_eq(ui_keymap_lookup(&m, UI_KEY_ESC, UI_SCOPE_EDIT), UI_ACT_CANCEL);
	ck_assert_int_eq(ui_keymap_lookup(&m, UI_KEY_ESC, UI_SCOPE_GLOBAL), UI_ACT_BACK);
	ck_assert(keymap_with("quit", "F10 ^X", err, sizeof err));
	ck_assert_int_eq(ui_keymap_lookup(&m, 'Q', UI_SCOPE_GLOBAL), UI_ACT_QUIT_NOW);
	/* A setting takes its key from a default (quit = Q, written before Q
	 * quit at once), never from another setting. */
	snprintf(c.key_names[0], sizeof c.key_names[0], "quit");
	snprintf(c.keys[0], sizeof c.keys[0], "Q");
	c.nkeys = 1;
	ck_assert_msg(ui_keymap_init(&m, &c, err, sizeof err), "%s", err);
	ck_assert_int_eq(ui_keymap_lookup(&m, 'Q', UI_SCOPE_GLOBAL), UI_ACT_QUIT);
	ck_assert_int_eq(m.nkeys[UI_ACT_QUIT_NOW], 0);
	snprintf(c.key_names[1], sizeof c.key_names[1], "quit-now");
	snprintf(c.keys[1], sizeof c.keys[1], "Q");
	c.nkeys = 2;
	ck_assert(!ui_keymap_init(&m, &c, err, sizeof err));
	ck_assert_msg(strstr(err, "quit") && strstr(err, "quit-now"), "%s", err);
	config_defaults(&c);
	ck_assert(ui_keymap_init(&m, &c, err, sizeof err));
	snprintf(c.key_names[0], sizeof c.key_names[0], "quit");
	snprintf(c.keys[0], sizeof c.keys[0], "j");
	snprintf(c.key_names[1], sizeof c.key_names[1], "down");
	snprintf(c.keys[1], sizeof c.keys[1], "Down j");
	c.nkeys = 2;
	ck_assert(!ui_keymap_init(&m, &c, err, sizeof err));
	ck_assert_msg(strstr(err, "quit") && strstr(err, "down"), "%s", err);
	ck_assert(!keymap_with("save", "x", err, sizeof err));
	ck_assert(!keymap_with("no-such-action", "x", err, sizeof err));
	ck_assert(!keymap_with("quit", "Ctrl-Q", err, sizeof err));
	ck_assert(!keymap_with("quit", "", err, sizeof err));
}
END_TEST

START_TEST(list_selection)
{
	ui_list l = { 0 };
	ui_list_fit(&l, 30, 10);
	ui_list_action(&l, UI_ACT_PAGE_DOWN);
	ck_assert_int_eq(l.sel, 10);
	ck_assert(l.sel >= l.top && l.sel < l.top + l.height);
	ui_list_action(&l, UI_ACT_LAST);
	ck_assert_int_eq(l.sel, 29);
	ck_assert_int_eq(l.top, 20);
	ui_list_fit(&l, 5, 10);                              /* fewer rows after a reload */
	ck_assert_int_eq(l.sel, 4);
	ck_assert_int_eq(l.top, 0);
	ck_assert(!ui_list_click(&l, 7));
	ck_assert(ui_list_click(&l, 2) && l.sel == 2);
}
END_TEST

START_TEST(progress_share)
{
	indicator_rec ind[2] = { { .target = 100 }, { .target = 10, .baseline = 0 } };
	indicator_state st[2] = { { .flag = FLAG_BEHIND, .has_actual = true, .actual = 50, .target = 100 },
	                          { .flag = FLAG_DONE, .has_actual = true, .actual = 20, .target = 10 } };
	task_detail d = { .task = { .status = (char *)"in-progress" }, .indicators = ind, .nindicators = 2 };
	task_state s = { .nindicators = 2, .indicators = st };
	ck_assert_int_eq(flag_progress(&d, &s), 75);      /* 50% and 100% (capped) */
	st[0].actual = 99.9;                              /* rounded down: 100% only when every target is met */
	ck_assert_int_eq(flag_progress(&d, &s), 99);
	st[0].actual = 100;                               /* at the target, but not judged met (">") */
	ck_assert_int_eq(flag_progress(&d, &s), 99);
	st[0].actual = 50;
	st[0].has_actual = st[1].has_actual = false;
	ck_assert_int_eq(flag_progress(&d, &s), -1);
	d.task.status = (char *)"accepted";
	ck_assert_int_eq(flag_progress(&d, &s), 100);
	ck_assert(model_agency_in("市科委;市教委", "市教委") && !model_agency_in("市科委;市教委", "市教"));
}
END_TEST

/* The sort by gap: the worst open indicator's shortfall against 序时, in
 * points of the way from baseline to target; done ones and those without
 * a figure do not count. */
START_TEST(gap_points)
{
	indicator_rec ind[2] = { { .target = 100 }, { .target = 10 } };
	indicator_state st[2] = {
		{ .flag = FLAG_BEHIND, .has_actual = true, .actual = 40, .target = 100, .expected = 60, .expected_share = 0.6 },
		{ .flag = FLAG_LAGGING, .has_actual = true, .actual = 2, .target = 10, .expected = 6, .expected_share = 0.6 },
	};
	st[0].facts.baseline = 0;
	st[1].facts.baseline = 0;
	task_detail d = { .task = { .status = (char *)"in-progress" }, .indicators = ind, .nindicators = 2 };
	task_state s = { .nindicators = 2, .indicators = st };
	int points = 0;
	ck_assert(flag_gap_points(&d, &s, &points));
	ck_assert_int_eq(points, 40);                     /* (6 - 2) / 10: the worse of 20 and 40 */
	st[1].flag = FLAG_DONE;
	ck_assert(flag_gap_points(&d, &s, &points));
	ck_assert_int_eq(points, 20);
	st[0].actual = 70;                                /* ahead of 序时: negative */
	ck_assert(flag_gap_points(&d, &s, &points));
	ck_assert_int_eq(points, -10);
	st[0].has_actual = false;
	ck_assert(!flag_gap_points(&d, &s, &points));
}
END_TEST

/* The README's list of action names for [keys] is the action table's:
 * every name, each once, nothing else (the Chinese help no longer shows
 * them, so this list is where users find them). */
START_TEST(readme_lists_every_action)
{
	FILE *f = fopen("README.md", "rb");
	ck_assert_msg(f != NULL, "cannot read README.md (run from the top folder)");
	char line[8192];
	bool found = false;
	while (!found && fgets(line, sizeof line, f))
		found = strncmp(line, "Action names for `[keys]`", 25) == 0;
	fclose(f);
	ck_assert_msg(found, "README.md has no \"Action names for `[keys]`\" line");
	int listed = 0;
	bool seen[UI_ACTION_COUNT] = { false };
	for (const char *p = strchr(line + 25, '`'); p; p = strchr(p, '`')) {
		const char *end = strchr(p + 1, '`');
		ck_assert(end != NULL);
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
		ui_action a = ui_action_find(name);
		ck_assert_msg(a != UI_ACT_NONE, "README lists \"%s\", which is no action", name);
		ck_assert_msg(!seen[a], "README lists \"%s\" twice", name);
		seen[a] = true;
		listed++;
		p = end + 1;
	}
	ck_assert_int_eq(listed, UI_ACTION_COUNT);
}
END_TEST

static Suite *ui_suite(void)
{
	Suite *s = suite_create("ui_widgets");
	TCase *tc = tcase_create("widgets");
	tcase_add_test(tc, cursor_moves_by_character);
	tcase_add_test(tc, theme_flag_elements_follow_the_flags);
	tcase_add_test(tc, kill_and_limits);
	tcase_add_test(tc, multiline_rows_by_width);
	tcase_add_test(tc, utf8_round_trip);
	tcase_add_test(tc, key_names);
	tcase_add_test(tc, keymap_checks);
	tcase_add_test(tc, list_selection);
	tcase_add_test(tc, progress_share);
	tcase_add_test(tc, gap_points);
	tcase_add_test(tc, readme_lists_every_action);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(ui_suite)
