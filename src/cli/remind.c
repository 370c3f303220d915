/* remind (催办): the text of src/summary/remind.c on standard output.
 * Nothing to remind prints nothing, so that cron sends no empty mail. */
#include <stdio.h>

#include "ducha/cli.h"
#include "ducha/summary.h"

static int run_remind(cli *c, const cli_args *a)
{
	summary_request r = { .scope = SUMMARY_ALL, .as_of = c->app.as_of, .rules = &c->app.cfg.flags, .user = c->app.who.user };
	if ((r.agency_name = cli_value(c, a, "agency")) != NULL)
		r.scope = SUMMARY_AGENCY;
	if (!cli_open(c, false))
		return 1;
	summary s = { 0 };
	if (r.agency_name && !cli_find_agency(c, r.agency_name, &r.agency_id))
		return 1;
	if (!summary_build(&s, c->app.st, &c->app.plan, &r)) {
		int rc = cli_error("%s", store_error(c->app.st));
		summary_free(&s);
		return rc;
	}
	remind_rules rules = { c->app.as_of, c->app.plan.starts, &c->app.cfg.flags, c->app.plan.code, c->app.plan.title };
	summary_remind(stdout, &s, &rules);
	summary_free(&s);
	return fflush(stdout) == 0 ? 0 : cli_error("写入标准输出失败");
}

static const cli_option remind_options[] = {
	{ "agency", 0, "NAME", "只列该单位", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_remind = {
	.name = "remind", .run = run_remind,
	.summary = "催办：各单位已逾期、未报送季度进展和临近完成时限的任务（可由 cron 发邮件）",
	.options = remind_options,
	.notes = "  列出已逾期的任务、上一个已过报送期限的季度未报送进展的任务，以及完成时限在 [flags] due_soon_days\n"
	         "  天内的任务，每项一次，附任务全文和应报送或应完成的日期；没有需要催办的任务时什么也不输出\n"
	         "  （cron 就不会发空邮件）\n",
};
