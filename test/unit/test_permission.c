#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/config.h"
#include "ducha/identity.h"
#include "ducha/permission.h"

static task_rec task_with(const char *lead, const char *support)
{
	task_rec t = { 0 };
	t.num = 7;
	t.lead = (char *)lead;
	t.support = (char *)support;
	return t;
}

START_TEST(reporter_only_for_own_agency)
{
	actor kewei = { "k", ROLE_REPORTER, "市科委" };
	char why[256];
	task_rec led = task_with("市科委", "");
	task_rec supported = task_with("市经济信息委", "市教委;市科委");
	task_rec foreign = task_with("市商委", "市外经贸委;市科委员会");   /* a longer name is not a match */
	ck_assert(permission_check(&kewei, PERM_REPORT, &led, why, sizeof why));
	ck_assert(permission_check(&kewei, PERM_PROGRESS, &led, why, sizeof why));
	ck_assert(!permission_check(&kewei, PERM_SUPPORT, &led, why, sizeof why));
	/* A supporting agency: its 配合情况, never figures; the refusal names the lead. */
	ck_assert(permission_check(&kewei, PERM_SUPPORT, &supported, why, sizeof why));
	ck_assert(!permission_check(&kewei, PERM_REPORT, &supported, why, sizeof why));
	ck_assert_msg(strstr(why, "配合单位") && strstr(why, "牵头单位：市经济信息委"), "%s", why);
	ck_assert(!permission_check(&kewei, PERM_PROGRESS, &supported, why, sizeof why));
	ck_assert_str_eq(permission_note_kind(&kewei, &supported), "support");
	ck_assert_str_eq(permission_note_kind(&kewei, &led), "progress");
	ck_assert(!permission_check(&kewei, PERM_REPORT, &foreign, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "本单位"));
	ck_assert(!permission_check(&kewei, PERM_REVIEW, &led, why, sizeof why));
	ck_assert(!permission_check(&kewei, PERM_COMMENT, &led, why, sizeof why));
	ck_assert(!permission_check(&kewei, PERM_ACCEPT, &led, why, sizeof why));
}
END_TEST

START_TEST(inspector_viewer_admin)
{
	actor insp = { "i", ROLE_INSPECTOR, "" }, look = { "v", ROLE_VIEWER, "" }, boss = { "b", ROLE_ADMIN, "" };
	char why[256];
	task_rec t = task_with("市科委", "");
	ck_assert(permission_check(&insp, PERM_COMMENT, &t, why, sizeof why));
	ck_assert(permission_check(&insp, PERM_ACCEPT, &t, why, sizeof why));
	ck_assert(permission_check(&insp, PERM_REVIEW, &t, why, sizeof why));
	ck_assert(!permission_check(&insp, PERM_SUPPORT, &t, why, sizeof why));
	ck_assert(!permission_check(&insp, PERM_REPORT, &t, why, sizeof why));
	for (int a = PERM_REPORT; a <= PERM_REVIEW; a++) {
		ck_assert(!permission_check(&look, (permission_action)a, &t, why, sizeof why));
		ck_assert(permission_check(&boss, (permission_action)a, &t, why, sizeof why));
	}
}
END_TEST

/* The hints' rule agrees with the checks: a role may ever do what it may do
 * to a task it leads, supports or neither. */
START_TEST(role_may_ever_agrees_with_checks)
{
	char why[400];
	const role roles[] = { ROLE_ADMIN, ROLE_INSPECTOR, ROLE_REPORTER, ROLE_VIEWER };
	task_rec tasks[] = { task_with("市科委", ""), task_with("市财政局", "市科委"), task_with("市财政局", "") };
	for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
		for (int a = PERM_REPORT; a <= PERM_DEFINE; a++) {
			actor who = { "someone", roles[r], "市科委" };
			bool some = false;
			for (size_t t = 0; t < sizeof tasks / sizeof tasks[0]; t++)
				some = some || permission_check(&who, (permission_action)a, &tasks[t], why, sizeof why);
			ck_assert_msg(some == permission_role_may_ever(roles[r], (permission_action)a), "role %d action %d",
			              (int)roles[r], a);
		}
}
END_TEST

START_TEST(restricted_writes_only_into_report_folder)
{
	char dir[] = "/tmp/ducha-perm-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char reports[128], inside[160], outside[160], sneaky[200];
	snprintf(reports, sizeof reports, "%s/reports", dir);
	mkdir(reports, 0700);
	snprintf(inside, sizeof inside, "%s/a.txt", reports);
	snprintf(outside, sizeof outside, "%s/a.txt", dir);
	snprintf(sneaky, sizeof sneaky, "%s/../a.txt", reports);
	char why[512];
	ck_assert(permission_inside_folder(reports, true, inside, why, sizeof why));
	ck_assert(!permission_inside_folder(reports, true, outside, why, sizeof why));
	ck_assert(!permission_inside_folder(reports, true, sneaky, why, sizeof why));
	ck_assert(!permission_inside_folder(reports, true, "/etc/passwd", why, sizeof why));
	ck_assert(permission_inside_folder(reports, false, "/tmp/x.txt", why, sizeof why));
	char sibling[160];   /* ".../reports-old" is not inside ".../reports" */
	snprintf(sibling, sizeof sibling, "%s/reports-old", dir);
	mkdir(sibling, 0700);
	strcat(sibling, "/a.txt");
	ck_assert(!permission_inside_folder(reports, true, sibling, why, sizeof why));
	rmdir(reports);
	sibling[strlen(sibling) - 6] = '\0';
	rmdir(sibling);
	rmdir(dir);
}
END_TEST

START_TEST(output_never_names_the_database)
{
	char dir[] = "/tmp/ducha-out-XXXXXX";
	char mine[400];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char db[128], link_name[160], wal[160], drafts[160], draft_file[200], reports[128];
	snprintf(db, sizeof db, "%s/t.db", dir);
	snprintf(reports, sizeof reports, "%s/reports", dir);
	snprintf(drafts, sizeof drafts, "%s/drafts", reports);
	mkdir(reports, 0700);
	mkdir(drafts, 0700);
	FILE *f = fopen(db, "w");
	fputs("x", f);
	fclose(f);
	snprintf(link_name, sizeof link_name, "%s/other-name", dir);
	ck_assert_int_eq(link(db, link_name), 0);
	snprintf(wal, sizeof wal, "%s/../%s/t.db-wal", dir, strrchr(dir, '/') + 1);
	snprintf(draft_file, sizeof draft_file, "%s/x.txt", drafts);
	output_rules r = { reports, db, "wang", false };
	char why[512];
	ck_assert(!permission_output_path(&r, db, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "数据库"));
	ck_assert(!permission_output_path(&r, link_name, why, sizeof why));   /* same inode */
	ck_assert(!permission_output_path(&r, wal, why, sizeof why));         /* not yet there */
	ck_assert(!permission_output_path(&r, draft_file, why, sizeof why));
	snprintf(mine, sizeof mine, "%s/a.txt", dir);
	ck_assert(permission_output_path(&r, mine, why, sizeof why));
	/* Restricted: only the user's own subfolder. */
	r.restricted = true;
	char folder[200];
	ck_assert(permission_output_folder(&r, folder, sizeof folder, why, sizeof why));
	ck_assert_str_eq(strrchr(folder, '/'), "/wang");
	mkdir(folder, 0700);
	snprintf(mine, sizeof mine, "%s/a.txt", folder);
	ck_assert(permission_output_path(&r, mine, why, sizeof why));
	snprintf(mine, sizeof mine, "%s/a.txt", reports);
	ck_assert(!permission_output_path(&r, mine, why, sizeof why));
	r.user = "..";
	ck_assert(!permission_output_folder(&r, folder, sizeof folder, why, sizeof why));
	unlink(link_name);
	unlink(db);
	snprintf(folder, sizeof folder, "%s/wang", reports);
	rmdir(folder);
	rmdir(drafts);
	rmdir(reports);
	rmdir(dir);
}
END_TEST

START_TEST(identity_needs_a_named_user)
{
	config c;
	actor who;
	char err[512];
	config_defaults(&c);
	ck_assert(identity_resolve(&c, NULL, 0, &who, err, sizeof err));
	ck_assert_int_eq(who.role, ROLE_ADMIN);          /* single-user desk */
	ck_assert(!identity_resolve(&c, "alice", 0, &who, err, sizeof err));   /* --user refused */
	/* Fail closed: a shared copy with nobody named refuses everyone. */
	ck_assert(!identity_resolve(&c, NULL, IDENTITY_SETGID, &who, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "setgid"));
	ck_assert(!identity_resolve(&c, NULL, IDENTITY_INSTALLED_CONFIG, &who, err, sizeof err));
	snprintf(c.service_account, sizeof c.service_account, "ducha");
	ck_assert(!identity_resolve(&c, NULL, 0, &who, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "service_account"));
	c.service_account[0] = '\0';
	c.nusers = 1;
	snprintf(c.users[0].name, sizeof c.users[0].name, "someone-else");
	ck_assert(!identity_resolve(&c, NULL, 0, &who, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "未获授权"));
	/* The service account may name the person; $USER plays no part. */
	setenv("USER", "alice", 1);
	setenv("LOGNAME", "alice", 1);
	ck_assert(!identity_resolve(&c, NULL, 0, &who, err, sizeof err));
}
END_TEST

static Suite *permission_suite(void)
{
	Suite *s = suite_create("permission");
	TCase *tc = tcase_create("permission");
	tcase_add_test(tc, reporter_only_for_own_agency);
	tcase_add_test(tc, inspector_viewer_admin);
	tcase_add_test(tc, role_may_ever_agrees_with_checks);
	tcase_add_test(tc, restricted_writes_only_into_report_folder);
	tcase_add_test(tc, identity_needs_a_named_user);
	tcase_add_test(tc, output_never_names_the_database);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(permission_suite)
