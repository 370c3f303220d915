/* Many tasks judged at once, for the commands that list them: the numbers
 * through the indexes, then every task's flag inputs in a few queries
 * (store_task_details), then the flag module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/xalloc.h"

bool cli_judge_tasks(cli *c, const task_filter *f, bool series, cli_judged *out)
{
	memset(out, 0, sizeof *out);
	int *nums, n;
	if (!store_task_nums(c->app.st, c->app.plan.id, f, &nums, &n))
		return false;
	/* Reports of quarters that begin after the as-of date are not known yet. */
	char upto[PERIOD_TEXT_SIZE];
	int y, qn;
	period_of_date(c->app.as_of, &y, &qn);
	period_format(y, qn, upto);
	detail_query dq = { .nums = nums, .n = n, .upto = upto, .verdicts_only = !series };
	bool ok = store_task_details(c->app.st, c->app.plan.id, &dq, &out->d, &out->n);
	free(nums);
	if (!ok)
		return false;
	out->st = xcalloc((size_t)out->n + 1, sizeof *out->st);
	bool english = strcmp(c->app.cfg.lang, "en") == 0;
	for (int i = 0; i < out->n; i++)
		flag_evaluate_task(&out->d[i], &c->app.plan, c->app.as_of, &c->app.cfg.flags, english, &out->st[i]);
	return true;
}

void cli_judged_free(cli_judged *j)
{
	for (int i = 0; i < j->n; i++) {
		flag_task_state_free(&j->st[i]);
		model_detail_free(&j->d[i]);
	}
	free(j->d);
	free(j->st);
	memset(j, 0, sizeof *j);
}
