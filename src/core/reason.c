/* The reasons (原因) of the flag verdicts: what the rules found (flag_facts),
 * told in one language with the shared vocabulary (wording.c). Pure: no SQL,
 * no curses. The rules never see the language. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/flag.h"
#include "ducha/wording.h"

#define L(zh, en) (english ? (en) : (zh))

/* Drops a UTF-8 sequence that a cut left incomplete at the end of buf. */
static void trim_partial_utf8(char *buf)
{
	size_t len = strlen(buf), start = len;
	while (start > 0 && ((unsigned char)buf[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return;
	unsigned char lead = (unsigned char)buf[start - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (start - 1) < need)
		buf[start - 1] = '\0';
}

/* Appends to a reason, never past its end nor leaving half a character. */
static void put(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(char *buf, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= FLAG_REASON_SIZE)
		return;
	va_list ap;
	va_start(ap, fmt);
	int wrote = vsnprintf(buf + len, FLAG_REASON_SIZE - len, fmt, ap);
	va_end(ap);
	if (wrote >= 0 && len + (size_t)wrote >= FLAG_REASON_SIZE)
		trim_partial_utf8(buf);
}

static void verdict(flag_value f, bool english, char *reason)
{
	put(reason, " → %s", flag_label(f, english));
}

static void year_prefix(int year, bool english, char *reason)
{
	if (year)
		put(reason, L("%d 年度：", "%d: "), year);
}

static void before_start(const plan_rec *plan, bool english, char *reason)
{
	char date[DATE_TEXT_SIZE];
	date_format(plan->starts, date);
	put(reason, L("序时 无（方案 %s 起施行），实际 尚未要求填报", "expected nothing yet (the plan starts %s), actual not due"),
	    date);
	verdict(FLAG_OK, english, reason);
}

/* The notes after the figures: a missing report, the distance to the due
 * date, the report a past due date waits for. */
static void notes(const flag_facts *f, int due, int as_of, bool english, char *reason)
{
	char text[200];
	if (f->missing) {
		wording_unreported(f->missing_year, f->missing_quarter, f->missing_deadline, f->missing_returned, english, text,
		                   sizeof text);
		put(reason, L("；%s", "; %s"), text);
	}
	if (f->waiting) {
		wording_waiting(due, f->waiting_year, f->waiting_quarter, f->waiting_deadline, english, text, sizeof text);
		put(reason, L("；%s", "; %s"), text);
	} else if (f->show_due) {
		wording_due_distance(due, as_of, english, text, sizeof text);
		put(reason, L("；%s", "; %s"), text);
	}
}

/* "≈ 50 亿元（±5% 以内为达标）": an approximate target says how near is met. */
static void target_words(const indicator_rec *ind, const indicator_state *st, bool english, char *buf, size_t len)
{
	wording_target_in_force(ind, st->target, english, buf, len);
	size_t n = strlen(buf);
	if (ind->cmp == CMP_APPROX && n < len)
		snprintf(buf + n, len - n, L("（±%.0f%% 以内为达标）", " (within ±%.0f%%)"), st->facts.tolerance * 100);
}

static void explain_met(const indicator_rec *ind, const indicator_state *st, bool english, char *reason)
{
	char t[160], a[64];
	year_prefix(st->facts.year, english, reason);
	if (ind->milestone) {
		put(reason, "%s", L("里程碑已完成", "milestone reached"));
	} else {
		target_words(ind, st, english, t, sizeof t);
		wording_quantity(st->has_actual ? st->actual : st->facts.baseline, ind->unit, WORDING_ENTERED, a, sizeof a);
		put(reason, L("目标 %s，实际 %s", "target %s, actual %s"), t, a);
	}
	if (st->facts.next_due) {
		char next[DATE_TEXT_SIZE];
		date_format(st->facts.next_due, next);
		put(reason, L("；下一年度目标截止 %s", "; next target due %s"), next);
	}
}

/* An annual target whose year has not begun: no target yet. */
static void explain_not_yet(const indicator_rec *ind, const indicator_state *st, int as_of, bool english,
                            char *reason)
{
	char t[160], a[96];
	target_words(ind, st, english, t, sizeof t);
	put(reason, L("%d 年度目标 %s，当年起计", "target for %d: %s, counted within that year"), st->facts.year, t);
	if (st->has_actual) {
		wording_actual(ind, st, true, english, a, sizeof a);
		put(reason, L("；实际 %s，非目标年度，不计", "; actual %s, not the target's year"), a);
	}
	notes(&st->facts, st->due, as_of, english, reason);
}

static void explain_open(const indicator_rec *ind, const indicator_state *st, int as_of, bool english, char *reason)
{
	char text[160], label[64];
	bool measured = !ind->milestone && st->target >= 0 && st->target == st->target;
	/* The figure's quarter names its year; without one, say the target's. */
	if (measured && (!st->at_figure || st->facts.no_baseline))
		year_prefix(st->facts.year, english, reason);
	if (st->facts.no_baseline) {
		target_words(ind, st, english, text, sizeof text);
		put(reason, L("基数未设，不计序时；目标 %s", "baseline not set, no expected progress; target %s"), text);
	} else {
		wording_expected_label(ind, st, english, label, sizeof label);
		wording_expected(ind, st, english, text, sizeof text);
		put(reason, "%s %s", label, text);
	}
	wording_actual(ind, st, st->facts.missing || !st->at_figure || st->facts.no_baseline, english, text, sizeof text);
	put(reason, L("，实际 %s", ", actual %s"), text);
	wording_gap(ind, st, english, text, sizeof text);
	if (*text)
		put(reason, L("，%s", ", %s"), text);
	if (ind->cmp == CMP_APPROX && !st->facts.no_baseline) {
		target_words(ind, st, english, text, sizeof text);
		put(reason, L("；目标 %s", "; target %s"), text);
	}
	notes(&st->facts, st->due, as_of, english, reason);
	if (st->facts.overdue && ind->approval && *ind->approval)
		put(reason, L("；该项%s", "; this needs approval: %s"), ind->approval);
}

static void explain_indicator(const indicator_rec *ind, const plan_rec *plan, int as_of, bool english,
                              indicator_state *st)
{
	st->reason[0] = '\0';
	if (st->facts.story == FLAG_STORY_BEFORE_START) {
		before_start(plan, english, st->reason);
		return;
	}
	if (st->facts.story == FLAG_STORY_MET)
		explain_met(ind, st, english, st->reason);
	else if (st->facts.story == FLAG_STORY_NOT_YET)
		explain_not_yet(ind, st, as_of, english, st->reason);
	else
		explain_open(ind, st, as_of, english, st->reason);
	verdict(st->flag, english, st->reason);
}

/* A task judged by its status and dates, not done. */
static void explain_status(const task_detail *d, int as_of, bool english, task_state *st)
{
	char date[DATE_TEXT_SIZE], period[PERIOD_TEXT_SIZE];
	date_format(st->due, date);
	put(st->reason, L("序时 %s 前完成", "expected done by %s"), date);
	if (st->latest_report >= 0) {
		const report_rec *r = &d->reports[st->latest_report];
		period_format(r->year, r->quarter, period);
		put(st->reason, L("，实际 %s（%s）", ", actual %s (%s)"), model_status_label(r->status, english), period);
	} else {
		put(st->reason, "%s", L("，实际 尚无填报", ", actual none reported"));
	}
	notes(&st->facts, st->due, as_of, english, st->reason);
}

static void explain_story(const task_detail *d, const plan_rec *plan, int as_of, bool english, task_state *st)
{
	switch (st->story) {
	case TASK_STORY_BEFORE_START: before_start(plan, english, st->reason); return;
	case TASK_STORY_ACCEPTED: put(st->reason, "%s", L("任务已验收销号", "task accepted")); break;
	case TASK_STORY_MARKED_DONE: put(st->reason, "%s", L("任务已标记完成", "task marked completed")); break;
	case TASK_STORY_REPORTED_DONE: put(st->reason, "%s", L("已报完成", "reported completed")); break;
	case TASK_STORY_STATUS: explain_status(d, as_of, english, st); break;
	case TASK_STORY_INDICATORS:
		put(st->reason, L("%s：%s", "%s: %s"), d->indicators[st->worst].name, st->indicators[st->worst].reason);
		return;
	}
	verdict(st->flag, english, st->reason);
}

void flag_explain_task(const task_detail *d, const plan_rec *plan, int as_of, bool english, task_state *st)
{
	for (int i = 0; i < st->nindicators && st->indicators; i++)
		explain_indicator(&d->indicators[i], plan, as_of, english, &st->indicators[i]);
	st->reason[0] = '\0';
	explain_story(d, plan, as_of, english, st);
}
