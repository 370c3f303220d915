/* Many tasks at once (store_task_details): the bulk read gives what one
 * task at a time gives, and the verdicts judged from only the reports they
 * need (verdicts_only) are those judged from every report, at any as-of date
 * and with any history: random reports (values left out here and there,
 * "completed" now and then) on every task of the built-in plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "ducha/app_judge.h"
#include "ducha/config.h"
#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/store.h"

static char path[64];
static store *st;
static plan_rec plan;
static const actor admin = { "tester", ROLE_ADMIN, "" };
static config cfg;
static int nums[38];

static unsigned long rng = 12345;

static int roll(int n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((rng >> 33) % (unsigned long)n);
}

/* Reports for random quarters from 2015Q4 to 2019Q1 on every task. */
static void add_history(void)
{
	static report_input in[38 * 14];
	static int64_t ids[38 * 14][8];
	static double values[38 * 14][8];
	static const char *const statuses[] = { "in-progress", "in-progress", "not-started", "completed" };
	int n = 0;
	for (int t = 0; t < 38; t++) {
		task_detail d;
		bool found;
		ck_assert(store_task_detail(st, plan.id, t + 1, &d, &found));
		for (int q = 0; q < 14; q++) {
			if (roll(4) == 0)
				continue;                         /* a quarter not reported */
			report_input *r = &in[n];
			memset(r, 0, sizeof *r);
			r->task_id = d.task.id;
			r->status = statuses[roll(4)];
			period_format(2015 + (q + 3) / 4, (q + 3) % 4 + 1, r->period);
			for (int i = 0; i < d.nindicators && i < 8; i++) {
				if (roll(5) == 0)
					continue;                     /* a value left out */
				ids[n][r->nvalues] = d.indicators[i].id;
				values[n][r->nvalues++] = d.indicators[i].milestone ? roll(2)
				                          : d.indicators[i].target * roll(130) / 100.0;
			}
			r->indicator_ids = ids[n];
			r->values = values[n];
			n++;
		}
		model_detail_free(&d);
	}
	int failed;
	ck_assert_msg(store_save_reports(st, &admin, in, n, &failed), "%s", store_error(st));
}

static void setup(void)
{
	char err[512];
	snprintf(path, sizeof path, "/tmp/ducha-detail-%d.db", (int)getpid());
	unlink(path);
	st = store_open(path, STORE_CREATE, 1000, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	ck_assert_msg(store_init_builtin(st, &admin), "%s", store_error(st));
	ck_assert(store_plan(st, NULL, &plan));
	config_defaults(&cfg);
	for (int i = 0; i < 38; i++)
		nums[i] = i + 1;
}

static void teardown(void)
{
	char side[80];
	model_plan_free(&plan);
	store_close(st);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static void same_report(const report_rec *a, const report_rec *b)
{
	ck_assert_int_eq(a->id, b->id);
	ck_assert_str_eq(a->period, b->period);
	ck_assert_str_eq(a->status, b->status);
	ck_assert_str_eq(a->note, b->note);
	ck_assert_str_eq(a->author, b->author);
	ck_assert_str_eq(a->created, b->created);
	ck_assert_int_eq(a->version, b->version);
	ck_assert_int_eq(a->nvalues, b->nvalues);
	for (int v = 0; v < a->nvalues; v++) {
		ck_assert_int_eq(a->indicator_ids[v], b->indicator_ids[v]);
		ck_assert(a->values[v] == b->values[v]);
	}
}

static void same_detail(const task_detail *a, const task_detail *b)
{
	ck_assert_int_eq(a->task.id, b->task.id);
	ck_assert_str_eq(a->task.text, b->task.text);
	ck_assert_str_eq(a->task.lead, b->task.lead);
	ck_assert_str_eq(a->task.support, b->task.support);
	ck_assert_int_eq(a->nindicators, b->nindicators);
	for (int i = 0; i < a->nindicators; i++) {
		ck_assert_int_eq(a->indicators[i].id, b->indicators[i].id);
		ck_assert_str_eq(a->indicators[i].name, b->indicators[i].name);
	}
	ck_assert_int_eq(a->nreports, b->nreports);
	for (int r = 0; r < a->nreports; r++)
		same_report(&a->reports[r], &b->reports[r]);
	ck_assert_int_eq(a->nnotes, b->nnotes);
	for (int k = 0; k < a->nnotes; k++)
		ck_assert_str_eq(a->notes[k].text, b->notes[k].text);
}

START_TEST(many_at_once_equal_one_at_a_time)
{
	add_history();
	ck_assert(store_add_note(st, &admin, 3, "progress", "进展一", false));
	ck_assert(store_add_note(st, &admin, 3, "comment", "意见二", false));
	task_detail *all;
	int n;
	int wanted[] = { 38, 3, 15, 1, 3, 999 };   /* any order; repeats and strangers ignored */
	detail_query q = { .nums = wanted, .n = 6, .texts = true, .notes = true };
	ck_assert_msg(store_task_details(st, plan.id, &q, &all, &n), "%s", store_error(st));
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(all[0].task.num, 1);
	ck_assert_int_eq(all[3].task.num, 38);
	for (int i = 0; i < n; i++) {
		task_detail one;
		bool found;
		ck_assert(store_task_detail(st, plan.id, all[i].task.num, &one, &found));
		same_detail(&all[i], &one);
		model_detail_free(&one);
		model_detail_free(&all[i]);
	}
	free(all);
}
END_TEST

static void same_state(const task_state *a, const task_state *b, int num, const char *as_of)
{
	ck_assert_msg(a->flag == b->flag, "task %d as of %s: %s vs %s", num, as_of, flag_name(a->flag),
	              flag_name(b->flag));
	ck_assert_msg(strcmp(a->reason, b->reason) == 0, "task %d as of %s:\n%s\n%s", num, as_of, a->reason,
	              b->reason);
	ck_assert_int_eq(a->due, b->due);
	ck_assert_int_eq(a->nindicators, b->nindicators);
	for (int i = 0; i < a->nindicators; i++) {
		const indicator_state *x = &a->indicators[i], *y = &b->indicators[i];
		ck_assert_msg(x->flag == y->flag && strcmp(x->reason, y->reason) == 0,
		              "task %d indicator %d as of %s:\n%s\n%s", num, i, as_of, x->reason, y->reason);
		ck_assert(x->has_actual == y->has_actual && x->actual == y->actual);
		ck_assert(x->actual_year == y->actual_year && x->actual_quarter == y->actual_quarter);
		ck_assert(x->target == y->target && x->due == y->due && x->expected == y->expected);
		ck_assert(x->gap == y->gap && x->expected_share == y->expected_share);
	}
}

/* Every task judged from every report, and from the verdicts' reports only. */
static void compare_at(int as_of)
{
	char upto[PERIOD_TEXT_SIZE], day[DATE_TEXT_SIZE];
	int y, qn;
	period_of_date(as_of, &y, &qn);
	period_format(y, qn, upto);
	date_format(as_of, day);
	task_detail *full, *few;
	int nfull, nfew;
	detail_query all = { .nums = nums, .n = 38 };
	detail_query verdicts = { .nums = nums, .n = 38, .upto = upto, .verdicts_only = true };
	ck_assert(store_task_details(st, plan.id, &all, &full, &nfull));
	ck_assert_msg(store_task_details(st, plan.id, &verdicts, &few, &nfew), "%s", store_error(st));
	ck_assert_int_eq(nfull, 38);
	ck_assert_int_eq(nfew, 38);
	for (int i = 0; i < 38; i++) {
		task_state a, b;
		flag_evaluate_task(&full[i], &plan, as_of, &cfg.flags, false, &a);
		flag_evaluate_task(&few[i], &plan, as_of, &cfg.flags, false, &b);
		ck_assert_int_le(few[i].nreports, full[i].nreports);
		same_state(&a, &b, i + 1, day);
		flag_task_state_free(&a);
		flag_task_state_free(&b);
		model_detail_free(&full[i]);
		model_detail_free(&few[i]);
	}
	free(full);
	free(few);
}

START_TEST(verdicts_from_the_needed_reports_only)
{
	for (int round = 0; round < 3; round++) {
		if (round)
			add_history();           /* amends some quarters, adds others */
		for (int day = date_from_ymd(2015, 12, 1); day <= date_from_ymd(2019, 6, 30); day += 11)
			compare_at(day);
	}
}
END_TEST

START_TEST(a_task_accepted_or_marked_completed)
{
	add_history();
	ck_assert(store_accept_task(st, &admin, 7, "2999Q4", NULL) || store_last_failure(st) == STORE_FAIL_DENIED);
	for (int day = date_from_ymd(2016, 1, 1); day <= date_from_ymd(2018, 3, 1); day += 29)
		compare_at(day);
}
END_TEST

/* Judging ahead of need (the TUI between keys): a few at a time until none
 * is left, the flagged among those judged so far on the way, and in the end
 * what judging them all at once gives; a task forgotten after a save is
 * judged again. */
START_TEST(judging_ahead_a_few_at_a_time)
{
	add_history();
	judge_scope scope = { st, &plan, date_from_ymd(2018, 8, 20), &cfg.flags, false };
	judge_cache ahead, at_once;
	judge_cache_open(&ahead, &scope);
	judge_cache_open(&at_once, &scope);
	int *nums_a, *nums_b, n_a, n_b, unjudged, counts_a[FLAG_COUNT], counts_b[FLAG_COUNT];
	ck_assert(judge_cache_flagged_known(&ahead, NULL, &nums_a, &n_a, counts_a, &unjudged));
	ck_assert_int_eq(unjudged, 38);
	ck_assert_int_eq(n_a, 0);
	free(nums_a);
	int left = -1, rounds = 0;
	for (; left != 0; rounds++) {
		ck_assert(judge_cache_fill(&ahead, 10, &left));
		ck_assert(judge_cache_flagged_known(&ahead, NULL, &nums_a, &n_a, counts_a, &unjudged));
		ck_assert_int_eq(unjudged, left);
		free(nums_a);
	}
	ck_assert_int_eq(rounds, 4);
	ck_assert(judge_cache_flagged_known(&ahead, NULL, &nums_a, &n_a, counts_a, &unjudged));
	ck_assert(judge_cache_flagged(&at_once, NULL, &nums_b, &n_b, counts_b));
	ck_assert_int_eq(unjudged, 0);
	ck_assert_int_gt(n_b, 0);
	ck_assert_int_eq(n_a, n_b);
	ck_assert(memcmp(nums_a, nums_b, (size_t)n_a * sizeof *nums_a) == 0);
	ck_assert(memcmp(counts_a, counts_b, sizeof counts_a) == 0);
	free(nums_a);
	free(nums_b);
	judge_cache_forget(&ahead, 5);
	ck_assert(judge_cache_known_row(&ahead, 5) == NULL);
	ck_assert(judge_cache_fill(&ahead, 10, &left));
	ck_assert_int_eq(left, 0);
	ck_assert(judge_cache_known_row(&ahead, 5) != NULL);
	judge_cache_close(&ahead);
	judge_cache_close(&at_once);
}
END_TEST

/* The texts of the reports a list shows come with the verdicts: each
 * task's latest; older ones that are not "completed" come without. */
START_TEST(list_texts_of_the_latest_report)
{
	add_history();
	detail_query q = { .nums = nums, .n = 38, .upto = "2019Q1", .texts = true, .verdicts_only = true };
	task_detail *d;
	int n, without = 0;
	ck_assert(store_task_details(st, plan.id, &q, &d, &n));
	for (int i = 0; i < n; i++) {
		if (d[i].nreports)
			ck_assert_ptr_nonnull(d[i].reports[d[i].nreports - 1].note);
		for (int k = 0; k + 1 < d[i].nreports; k++)
			without += d[i].reports[k].note == NULL;
		model_detail_free(&d[i]);
	}
	free(d);
	ck_assert_int_gt(without, 0);
}
END_TEST

static Suite *detail_suite(void)
{
	Suite *s = suite_create("detail");
	TCase *tc = tcase_create("bulk");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, many_at_once_equal_one_at_a_time);
	tcase_add_test(tc, verdicts_from_the_needed_reports_only);
	tcase_add_test(tc, a_task_accepted_or_marked_completed);
	tcase_add_test(tc, judging_ahead_a_few_at_a_time);
	tcase_add_test(tc, list_texts_of_the_latest_report);
	suite_add_tcase(s, tc);
	return s;
}

DUCHA_TEST_MAIN(detail_suite)
