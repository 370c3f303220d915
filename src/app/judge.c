#include "ducha/app_judge.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/xalloc.h"

judge_scope app_judge_scope(const app *a, bool series)
{
	return (judge_scope){ a->st, &a->plan, a->as_of, &a->cfg.flags, a->lang == APP_LANG_EN, series, false };
}

bool judge_nums(const judge_scope *j, const int *nums, int n, judged_tasks *out)
{
	memset(out, 0, sizeof *out);
	/* Reports of quarters that begin after the as-of date are not known yet. */
	char upto[PERIOD_TEXT_SIZE];
	int y, q;
	period_of_date(j->as_of, &y, &q);
	period_format(y, q, upto);
	detail_query dq = { .nums = nums, .n = n, .upto = upto, .texts = j->texts, .verdicts_only = !j->series };
	if (n > 0 && !store_task_details(j->st, j->plan->id, &dq, &out->d, &out->n))
		return false;
	out->st = xcalloc((size_t)out->n + 1, sizeof *out->st);
	out->progress = xcalloc((size_t)out->n + 1, sizeof *out->progress);
	for (int i = 0; i < out->n; i++) {
		flag_evaluate_task(&out->d[i], j->plan, j->as_of, j->rules, j->english, &out->st[i]);
		out->progress[i] = flag_progress(&out->d[i], &out->st[i]);
	}
	return true;
}

bool judge_filter(const judge_scope *j, const task_filter *f, judged_tasks *out)
{
	int *nums, n;
	memset(out, 0, sizeof *out);
	if (!store_task_nums(j->st, j->plan->id, f, &nums, &n))
		return false;
	bool ok = judge_nums(j, nums, n, out);
	free(nums);
	return ok;
}

void judged_free(judged_tasks *t)
{
	for (int i = 0; i < t->n; i++) {
		flag_task_state_free(&t->st[i]);
		model_detail_free(&t->d[i]);
	}
	free(t->d);
	free(t->st);
	free(t->progress);
	memset(t, 0, sizeof *t);
}
