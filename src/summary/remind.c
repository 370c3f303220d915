/* 催办 (remind): for each agency, the tasks whose quarterly report is
 * missing and those whose deadline is near, with the date each is due, as
 * plain text: for a mail from cron (ducha remind) and the TUI's 催办 view.
 * Built on the summary model: the same tasks, judged by the same flag
 * module as every other view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/summary.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

enum { REMIND_WIDTH = 78 };

static int quarter_index(int year, int quarter)
{
	return year * 4 + quarter - 1;
}

static bool required_quarter(const remind_rules *c, int last_due, int *year, int *quarter, int *deadline)
{
	return flag_required_quarter(c->as_of, c->plan_starts, last_due, c->rules, year, quarter,
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

static bool report_missing(const remind_rules *c, const summary_task *t, int *year, int *quarter, int *deadline)
{
	if (t->now->flag == FLAG_DONE || !required_quarter(c, t->d->task.due, year, quarter, deadline))
		return false;
	return !covered(t, *year, *quarter);
}

/* The next due date of a task, when it is within due_soon_days and the task
 * is neither done, on course nor overdue: as the flag rules say, an
 * on-course task near its date is ok, and needs no reminder. */
static bool due_near(const remind_rules *c, const summary_task *t, int *due)
{
	const task_rec *task = &t->d->task;
	if (t->now->flag == FLAG_DONE || t->now->flag == FLAG_OK || t->now->flag == FLAG_OVERDUE)
		return false;
	int n = task->ndues ? task->ndues : 1;
	const int *dues = task->ndues ? task->dues : &task->due;
	for (int k = 0; k < n; k++)
		if (dues[k] >= c->as_of) {
			*due = dues[k];
			return dues[k] - c->as_of <= c->rules->due_soon_days;
		}
	return false;
}

/* The task's report of that quarter when it was returned, or NULL. */
static const report_rec *returned_report(const summary_task *t, int year, int quarter)
{
	const report_rec *r = model_report_of(t->d, year, quarter);
	return r && r->state == REPORT_RETURNED ? r : NULL;
}

/* What a task is reminded of, each part once: overdue, its report, its date. */
typedef enum remind_group { REMIND_OVERDUE, REMIND_MISSING, REMIND_NEAR, REMIND_NONE } remind_group;

static const char *const group_titles[] = { "  已逾期：\n", "  未报送季度进展：\n", "  完成时限临近：\n" };

static remind_group what_to_remind(const remind_rules *c, const summary_task *t, char *what, size_t len)
{
	int y = 0, q = 0, deadline = 0, due = 0;
	char date[DATE_CN_SIZE], period[DATE_CN_SIZE];
	bool missing = report_missing(c, t, &y, &q, &deadline);
	bool near = due_near(c, t, &due);
	bool overdue = t->now->flag == FLAG_OVERDUE;
	size_t used = 0;
	if (overdue) {
		date_format_cn(t->now->due, date);
		used += (size_t)snprintf(what, len, "完成时限%s，已逾期%d天", date, c->as_of - t->now->due);
	}
	if (missing) {
		period_format_cn(y, q, period);
		const report_rec *back = returned_report(t, y, q);
		date_format_cn(deadline, date);
		if (back)
			used += (size_t)snprintf(what + used, len - used, "%s%s进展已退回，请改后重报（%s）", used ? "；" : "",
			                         period, back->reason ? back->reason : "");
		else
			used += (size_t)snprintf(what + used, len - used, "%s%s进展应于%s前报送", used ? "；" : "", period, date);
	}
	if (near && used < len) {
		date_format_cn(due, date);
		if (used)
			snprintf(what + used, len - used, "；完成时限%s，还有%d天", date, due - c->as_of);
		else
			snprintf(what, len, "%s，应于%s前完成，还有%d天", flag_label(t->now->flag, false), date,
			         due - c->as_of);
	}
	return overdue ? REMIND_OVERDUE : missing ? REMIND_MISSING : near ? REMIND_NEAR : REMIND_NONE;
}

/* "    任务 17（牵头）2017年第三季度进展应于2017年10月15日前报送", then the
 * task's whole text wrapped under it. */
static void task_lines(FILE *out, const summary_task *t, summary_role part_in, const char *what)
{
	char *head = xasprintf("任务 %d（%s）%s", t->d->task.num, summary_role_label(part_in), what);
	char **lines;
	int n = text_wrap(head, REMIND_WIDTH - 8, &lines);
	for (int i = 0; i < n; i++)
		fprintf(out, "%s%s\n", i ? "        " : "    ", lines[i]);
	text_free_lines(lines, n);
	n = text_wrap(t->d->task.text, REMIND_WIDTH - 8, &lines);
	for (int i = 0; i < n; i++)
		fprintf(out, "        %s\n", lines[i]);
	text_free_lines(lines, n);
	free(head);
}

/* Prints one agency's reminders, each task once; returns how many. */
static int remind_agency(FILE *out, const remind_rules *c, const summary *s, const summary_section *sec)
{
	int shown = 0;
	for (remind_group g = REMIND_OVERDUE; g < REMIND_NONE; g++) {
		bool first = true;
		for (int i = 0; i < sec->nitems; i++) {
			const summary_task *t = &s->tasks[sec->items[i].task];
			char what[1200];
			bool again = false;
			for (int k = 0; k < i && !again; k++)
				again = sec->items[k].task == sec->items[i].task;
			if (again || what_to_remind(c, t, what, sizeof what) != g)
				continue;
			if (shown == 0) {
				char *name = text_escape(sec->title, 0);
				fprintf(out, "\n【%s】\n", name);
				free(name);
			}
			if (first)
				fputs(group_titles[g], out);
			first = false;
			task_lines(out, t, sec->items[i].role, what);
			shown++;
		}
	}
	return shown;
}

static void heading(FILE *out, const remind_rules *c)
{
	char as_of[DATE_CN_SIZE];
	date_format_cn(c->as_of, as_of);
	char *plan = text_escape(c->plan_title, 0), *code = text_escape(c->plan_code, 0);
	fprintf(out, "督查催办（截至%s）\n%s《%s》\n", as_of, code, plan);
	char *ask = xasprintf("请以下单位抓紧办理已逾期的任务，按时报送季度进展；完成时限临近（%d天内）而未达序时进度的任务请抓紧推进。",
	                      c->rules->due_soon_days);
	char **lines;
	int n = text_wrap(ask, REMIND_WIDTH, &lines);
	for (int i = 0; i < n; i++)
		fprintf(out, "%s\n", lines[i]);
	text_free_lines(lines, n);
	free(ask);
	free(plan);
	free(code);
}

int summary_remind(FILE *out, const summary *s, const remind_rules *c)
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
		heading(out, c);
		fputs(body, out);
		fprintf(out, "\n共 %d 项。\n", total);
	}
	free(body);
	return total;
}
