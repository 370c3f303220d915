/* remind (催办): for each agency, the tasks whose quarterly report is
 * missing and those whose deadline is near, with the date each is due, as
 * plain text for a mail from cron. Nothing to remind prints nothing, so that
 * cron sends no empty mail. Built on the summary model: the same tasks,
 * judged by the same flag module as every other view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/date.h"
#include "ducha/summary.h"
#include "ducha/text.h"

enum { REMIND_WIDTH = 78 };

static int quarter_index(int year, int quarter)
{
	return year * 4 + quarter - 1;
}

static bool required_quarter(const cli *c, int last_due, int *year, int *quarter, int *deadline)
{
	return flag_required_quarter(c->app.as_of, c->app.plan.starts, last_due, &c->app.cfg.flags, year, quarter,
	                             deadline);
}

/* Whether the known reports cover the quarter: a report of it or a later
 * one, holding a value for every indicator not done yet. */
static bool covered(const summary_task *t, int year, int quarter)
{
	int need = quarter_index(year, quarter);
	bool any = false;
	for (int r = 0; r < t->known; r++)
		any = any || quarter_index(t->d->reports[r].year, t->d->reports[r].quarter) >= need;
	for (int i = 0; any && i < t->d->nindicators; i++) {
		const indicator_state *st = &t->now->indicators[i];
		if (st->flag != FLAG_DONE && (!st->has_actual || quarter_index(st->actual_year, st->actual_quarter) < need))
			return false;
	}
	return any;
}

static bool report_missing(const cli *c, const summary_task *t, int *year, int *quarter, int *deadline)
{
	if (t->now->flag == FLAG_DONE || !required_quarter(c, t->d->task.due, year, quarter, deadline))
		return false;
	return !covered(t, *year, *quarter);
}

/* The next due date of a task, when it is within due_soon_days and the task
 * is neither done nor on course: as the flag rules say, an on-course task
 * near its date is ok, and needs no reminder. */
static bool due_near(const cli *c, const summary_task *t, int *due)
{
	const task_rec *task = &t->d->task;
	if (t->now->flag == FLAG_DONE || t->now->flag == FLAG_OK)
		return false;
	int n = task->ndues ? task->ndues : 1;
	const int *dues = task->ndues ? task->dues : &task->due;
	for (int k = 0; k < n; k++)
		if (dues[k] >= c->app.as_of) {
			*due = dues[k];
			return dues[k] - c->app.as_of <= c->app.cfg.flags.due_soon_days;
		}
	return false;
}

/* The task's report of that quarter when it was returned, or NULL. */
static const report_rec *returned_report(const summary_task *t, int year, int quarter)
{
	const report_rec *r = model_report_of(t->d, year, quarter);
	return r && r->state == REPORT_RETURNED ? r : NULL;
}

/* "    任务 17（牵头）2017Q3 进展应于 2017-10-15 前报送：构建科技企业…", one line. */
static void task_line(FILE *out, const summary_task *t, summary_role part_in, const char *what)
{
	char head[1024];
	snprintf(head, sizeof head, "    任务 %d（%s）%s：", t->d->task.num, summary_role_label(part_in), what);
	int room = REMIND_WIDTH - text_width(head);
	char *text = text_truncate(t->d->task.text, room < 10 ? 10 : room);
	fprintf(out, "%s%s\n", head, text);
	free(text);
}

/* Prints one agency's reminders; returns how many. */
static int remind_agency(FILE *out, const cli *c, const summary *s, const summary_section *sec)
{
	int shown = 0;
	for (int pass = 0; pass < 2; pass++) {
		bool first = true;
		for (int i = 0; i < sec->nitems; i++) {
			const summary_task *t = &s->tasks[sec->items[i].task];
			int y = 0, q = 0, day = 0;
			char what[800], date[DATE_TEXT_SIZE];
			bool hit = pass == 0 ? report_missing(c, t, &y, &q, &day) : due_near(c, t, &day);
			if (!hit)
				continue;
			date_format(day, date);
			if (shown == 0) {
				char *name = text_escape(sec->title, 0);
				fprintf(out, "\n【%s】\n", name);
				free(name);
			}
			if (first)
				fputs(pass == 0 ? "  未报送季度进展：\n" : "  完成时限临近：\n", out);
			first = false;
			const report_rec *back = pass == 0 ? returned_report(t, y, q) : NULL;
			if (back)
				snprintf(what, sizeof what, "%dQ%d 已退回，请改后重报（%s）", y, q, back->reason);
			else if (pass == 0)
				snprintf(what, sizeof what, "%dQ%d 进展应于 %s 前报送", y, q, date);
			else
				snprintf(what, sizeof what, "%s，应于 %s 前完成，还有 %d 天", flag_label(t->now->flag, false), date,
				         day - c->app.as_of);
			task_line(out, t, sec->items[i].role, what);
			shown++;
		}
	}
	return shown;
}

static void heading(const cli *c)
{
	char as_of[DATE_TEXT_SIZE];
	date_format(c->app.as_of, as_of);
	char *plan = text_escape(c->app.plan.title, 0), *code = text_escape(c->app.plan.code, 0);
	printf("督查催办（截至 %s）\n%s《%s》\n", as_of, code, plan);
	printf("请以下单位按时报送季度进展；完成时限临近（%d 天内）而未达序时进度的任务请抓紧推进。\n",
	       c->app.cfg.flags.due_soon_days);
	free(plan);
	free(code);
}

static int print_reminders(const cli *c, const summary *s)
{
	int total = 0;
	/* Buffered: the heading is printed only when there is something under it. */
	char *body = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&body, &len);
	if (!mem)
		abort();
	for (int i = 0; i < s->nsections; i++)
		total += remind_agency(mem, c, s, &s->sections[i]);
	fclose(mem);
	if (total) {
		heading(c);
		fputs(body, stdout);
		printf("\n共 %d 项。\n", total);
	}
	free(body);
	return fflush(stdout) == 0 ? 0 : cli_error("写入标准输出失败");
}

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
	int rc = print_reminders(c, &s);
	summary_free(&s);
	return rc;
}

static const cli_option remind_options[] = {
	{ "agency", 0, "NAME", "只列该单位", 0, NULL },
	{ 0 },
};

const cli_command cli_cmd_remind = {
	.name = "remind", .run = run_remind,
	.summary = "催办：各单位未报送季度进展和临近完成时限的任务（可由 cron 发邮件）",
	.options = remind_options,
	.notes = "  列出上一个已过报送期限的季度未报送进展的任务，以及完成时限在 [flags] due_soon_days 天内的任务，\n"
	         "  各附应报送或应完成的日期；没有需要催办的任务时什么也不输出（cron 就不会发空邮件）\n",
};
