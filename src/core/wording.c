#include "ducha/wording.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ducha/date.h"

#define L(zh, en) (english ? (en) : (zh))

/* Decimals a computed quantity is shown with: none from 100 up, one below. */
static int computed_decimals(double v)
{
	return fabs(v) >= 100 ? 0 : 1;
}

static double round_to(double v, int decimals)
{
	return decimals ? round(v * 10) / 10 : round(v);
}

static void trim_zeros(char *buf)
{
	if (!strchr(buf, '.'))
		return;
	char *p = buf + strlen(buf) - 1;
	while (p > buf && *p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
}

void wording_quantity(double v, const char *unit, wording_precision p, char *buf, size_t len)
{
	char num[48];
	if (p == WORDING_COMPUTED)
		v = round_to(v, computed_decimals(v));
	if (v == 0)
		v = 0;                   /* no "-0" */
	if (fabs(v - round(v)) < 1e-9 && fabs(v) < 1e15)
		snprintf(num, sizeof num, "%.0f", round(v));
	else {
		snprintf(num, sizeof num, "%.2f", v);
		trim_zeros(num);
		if (strcmp(num, "-0") == 0)
			snprintf(num, sizeof num, "0");
	}
	snprintf(buf, len, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
}

void wording_number(double v, char *buf, size_t len)
{
	wording_quantity(v, "", WORDING_ENTERED, buf, len);
}

double wording_shown_gap(const indicator_state *st)
{
	int dec = computed_decimals(st->expected);
	return round_to(round_to(st->expected, dec) - st->actual, dec);
}

static bool target_missing(double t)
{
	return !isfinite(t) || t < 0;
}

void wording_target_in_force(const indicator_rec *i, double target, bool english, char *buf, size_t len)
{
	char a[48], b[48];
	if (i->milestone) {
		snprintf(buf, len, "%s", L("完成（里程碑）", "done (milestone)"));
		return;
	}
	wording_number(target, a, sizeof a);
	wording_number(i->target_hi, b, sizeof b);
	const char *gap = *i->unit ? " " : "";
	if (i->cmp == CMP_RANGE)
		snprintf(buf, len, "%s–%s%s%s", a, b, gap, i->unit);
	else
		snprintf(buf, len, "%s %s%s%s", model_comparator_symbol(i->cmp), a, gap, i->unit);
}

void wording_target(const indicator_rec *i, double target, bool english, char *buf, size_t len)
{
	wording_target_in_force(i, target, english, buf, len);
	size_t n = strlen(buf);
	if (i->mode == MODE_PER_YEAR && !i->milestone)
		snprintf(buf + n, len - n, "%s", L("（每年）", " a year"));
	else if (i->mode == MODE_ANNUAL)
		snprintf(buf + n, len - n, L("（%d 年度）", " (in %d)"), date_year(i->due));
}

void wording_expected_label(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len)
{
	char period[PERIOD_TEXT_SIZE], day[DATE_TEXT_SIZE];
	if (!st->at_figure || st->facts.no_baseline || i->milestone) {
		snprintf(buf, len, "%s", L("序时", "expected"));
		return;
	}
	period_format(st->actual_year, st->actual_quarter, period);
	if (period_last_day(st->actual_year, st->actual_quarter) <= st->expected_day) {
		snprintf(buf, len, L("%s 末序时", "expected at the end of %s"), period);
		return;
	}
	date_format(st->expected_day, day);
	snprintf(buf, len, L("截至 %s 序时", "expected by %s"), day);
}

void wording_definition(const indicator_rec *i, bool english, char *buf, size_t len)
{
	char base[64], day[DATE_TEXT_SIZE];
	size_t n = (size_t)snprintf(buf, len, "%s", model_mode_label(i->mode, english));
	if (i->mode == MODE_ANNUAL && n < len)
		n += (size_t)snprintf(buf + n, len - n, L("（%d 年）", " (%d)"), date_year(i->due));
	if (!i->milestone && i->mode == MODE_CUMULATIVE && n < len) {
		if (!i->has_baseline)
			n += (size_t)snprintf(buf + n, len - n, "%s", L("；基数未设", "; baseline not set"));
		else {
			wording_quantity(i->baseline, i->unit, WORDING_ENTERED, base, sizeof base);
			n += (size_t)snprintf(buf + n, len - n, L("；基数 %s", "; baseline %s"), base);
			if (i->baseline_date && n < len) {
				date_format(i->baseline_date, day);
				n += (size_t)snprintf(buf + n, len - n, L("（%s）", " (%s)"), day);
			}
			if (i->baseline_source && *i->baseline_source && n < len)
				n += (size_t)snprintf(buf + n, len - n, L("，来源：%s", ", source: %s"), i->baseline_source);
		}
	}
	if (i->source && *i->source && n < len)
		n += (size_t)snprintf(buf + n, len - n, L("；出处：%s", "; from: %s"), i->source);
	if (i->approval && *i->approval && n < len)
		snprintf(buf + n, len - n, L("；%s", "; %s"), i->approval);
}

void wording_expected(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len)
{
	char q[64], due[DATE_TEXT_SIZE];
	if (i->milestone) {
		date_format(st->due ? st->due : i->due, due);
		snprintf(buf, len, L("%s 前完成", "done by %s"), due);
		return;
	}
	if (target_missing(st->target)) {
		snprintf(buf, len, "%s", L("无（未设目标值）", "none (no target set)"));
		return;
	}
	if (st->facts.no_baseline) {
		snprintf(buf, len, "%s", L("不计（基数未设）", "none (baseline not set)"));
		return;
	}
	wording_quantity(st->expected, i->unit, WORDING_COMPUTED, q, sizeof q);
	snprintf(buf, len, L("%s（%.1f%%）", "%s (%.1f%%)"), q, st->expected_share * 100);
}

void wording_actual(const indicator_rec *i, const indicator_state *st, bool with_period, bool english, char *buf,
                    size_t len)
{
	char q[64], period[PERIOD_TEXT_SIZE];
	if (!st->has_actual) {
		if (model_mode_yearly(i->mode) && st->facts.year)
			snprintf(buf, len, L("尚无 %d 年度填报", "none reported for %d"), st->facts.year);
		else
			snprintf(buf, len, "%s", L("尚无填报", "none reported"));
		return;
	}
	if (i->milestone)
		snprintf(q, sizeof q, "%s", st->actual >= 1 ? L("已完成", "done") : L("未完成", "not done"));
	else
		wording_quantity(st->actual, i->unit, WORDING_ENTERED, q, sizeof q);
	if (!with_period) {
		snprintf(buf, len, "%s", q);
		return;
	}
	period_format(st->actual_year, st->actual_quarter, period);
	snprintf(buf, len, L("%s（%s）", "%s (%s)"), q, period);
}

void wording_gap(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len)
{
	char g[64];
	buf[0] = '\0';
	if (!st->has_actual || i->milestone || target_missing(st->target) || st->facts.no_baseline ||
	    st->facts.story == FLAG_STORY_NOT_YET)
		return;
	double gap = wording_shown_gap(st);
	wording_quantity(fabs(gap), i->unit, WORDING_COMPUTED, g, sizeof g);
	if (strcmp(g, "0") == 0 || strncmp(g, "0 ", 2) == 0)
		return;
	snprintf(buf, len, gap > 0 ? L("差 %s", "short by %s") : L("超 %s", "ahead by %s"), g);
}

void wording_forecast(const indicator_rec *i, const indicator_state *st, int as_of, bool english, char *buf,
                      size_t len)
{
	char q[64], due[DATE_TEXT_SIZE], met[DATE_TEXT_SIZE];
	date_format(st->due ? st->due : i->due, due);
	date_format(st->forecast_met_day, met);
	if (st->flag == FLAG_DONE) {
		if (st->has_forecast && st->forecast_met_day)
			snprintf(buf, len, L("已于 %s（该季度末）达标", "met on %s (end of that quarter)"), met);
		else
			snprintf(buf, len, "%s", L("已达标，无需预测", "met: nothing to forecast"));
		return;
	}
	if (!st->has_forecast) {
		snprintf(buf, len, "%s", L("数据不足，无法预测", "not enough reports to forecast"));
		return;
	}
	wording_quantity(st->forecast_value, i->unit, WORDING_COMPUTED, q, sizeof q);
	size_t n = (size_t)snprintf(buf, len, L("按填报进度，%s 约 %s", "at the reported pace, about %s by %s"),
	                            english ? q : due, english ? due : q);
	if (n >= len)
		return;
	if (st->forecast_met_day == 0)
		snprintf(buf + n, len - n, "%s", L("；照此无法达标", "; the target is not met"));
	else if (st->forecast_met_day <= as_of)
		snprintf(buf + n, len - n, L("；应已于 %s 达标，待下次填报确认", "; met on %s, to be confirmed by the next report"),
		         met);
	else if (st->forecast_met_day <= (st->due ? st->due : i->due))
		snprintf(buf + n, len - n, L("；预计 %s 达标", "; met on about %s"), met);
	else
		snprintf(buf + n, len - n, L("；预计 %s 才能达标", "; met only on %s"), met);
}

void wording_due_distance(int due, int as_of, bool english, char *buf, size_t len)
{
	char date[DATE_TEXT_SIZE];
	date_format(due, date);
	if (as_of > due)
		snprintf(buf, len, L("已过截止日 %s", "past the due date %s"), date);
	else if (as_of == due)
		snprintf(buf, len, "%s", L("今天截止", "due today"));
	else
		snprintf(buf, len, L("距截止 %d 天", "due in %d days"), due - as_of);
}

void wording_shown_due(int due, bool more, char *buf, size_t len)
{
	char date[DATE_TEXT_SIZE];
	date_format(due, date);
	snprintf(buf, len, "%s%s", date, more ? "+" : "");
}

void wording_waiting(int due, int year, int quarter, int deadline, bool english, char *buf, size_t len)
{
	char d[DATE_TEXT_SIZE], period[PERIOD_TEXT_SIZE], by[DATE_TEXT_SIZE];
	date_format(due, d);
	period_format(year, quarter, period);
	date_format(deadline, by);
	snprintf(buf, len, L("已过完成时限 %s，待 %s 填报（%s 前）确认", "past the due date %s: waiting for the %s report (due by %s)"),
	         d, period, by);
}

void wording_unreported(int year, int quarter, int deadline, bool returned, bool english, char *buf, size_t len)
{
	char period[PERIOD_TEXT_SIZE], date[DATE_TEXT_SIZE];
	period_format(year, quarter, period);
	date_format(deadline, date);
	if (returned)
		snprintf(buf, len, L("%s 的填报已退回，待重新报送", "%s was returned: waiting to be submitted again"), period);
	else
		snprintf(buf, len, L("%s 未报送（应于 %s 前报送）", "%s not reported (due by %s)"), period, date);
}

void wording_dues(const task_rec *t, bool english, char *buf, size_t len)
{
	size_t used = 0;
	int n = t->ndues ? t->ndues : 1;
	const int *dues = t->ndues ? t->dues : &t->due;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++) {
		char date[DATE_TEXT_SIZE];
		date_format(dues[i], date);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? L("、", ", ") : "", date);
	}
}

void wording_counts(const int *flags, bool english, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int f = FLAG_COUNT - 1; f >= 0 && used < len; f--)
		if (flags[f])
			used += (size_t)snprintf(buf + used, len - used, L("%s%s %d 项", "%s%s %d"),
			                         used ? L("，", ", ") : "", flag_label((flag_value)f, english), flags[f]);
	if (!buf[0])
		snprintf(buf, len, "%s", L("无任务", "no tasks"));
}

void wording_counts_brief(const int *flags, bool english, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int f = FLAG_COUNT - 1; f >= 0 && used < len; f--)
		if (flags[f])
			used += (size_t)snprintf(buf + used, len - used, "%s%s %d", used ? " · " : "",
			                         flag_label((flag_value)f, english), flags[f]);
	if (!buf[0])
		snprintf(buf, len, "%s", L("无", "none"));
}

void wording_values(const task_detail *d, const report_rec *r, bool english, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int v = 0; v < r->nvalues && used < len; v++) {
		const indicator_rec *ind = NULL;
		for (int i = 0; i < d->nindicators; i++)
			if (d->indicators[i].id == r->indicator_ids[v])
				ind = &d->indicators[i];
		char q[64];
		wording_quantity(r->values[v], ind ? ind->unit : "", WORDING_ENTERED, q, sizeof q);
		used += (size_t)snprintf(buf + used, len - used, "%s%s %s", v ? L("，", ", ") : "", ind ? ind->name : "?", q);
	}
}

void wording_indicator_line(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len)
{
	char target[128], actual[128], expected[128];
	wording_target(i, i->target, english, target, sizeof target);
	wording_actual(i, st, true, english, actual, sizeof actual);
	char label[64];
	wording_expected(i, st, english, expected, sizeof expected);
	wording_expected_label(i, st, english, label, sizeof label);
	snprintf(buf, len, L("%s：目标 %s；实际 %s；%s %s", "%s: target %s; actual %s; %s %s"), i->name, target,
	         actual, label, expected);
}

const char *wording_note_kind(const char *kind, bool english)
{
	if (kind && strcmp(kind, "comment") == 0)
		return L("督查意见", "comment");
	if (kind && strcmp(kind, "support") == 0)
		return L("配合情况", "support note");
	return L("进展情况", "progress");
}

void wording_review(const report_rec *r, bool english, char *buf, size_t len)
{
	const char *label = model_report_state_label(r->state, english);
	if (r->state == REPORT_SUBMITTED || !r->reviewer || !*r->reviewer) {
		snprintf(buf, len, "%s", label);
		return;
	}
	snprintf(buf, len, L("%s（%s，%.10s）%s%s", "%s (%s, %.10s)%s%s"), label, r->reviewer,
	         r->reviewed ? r->reviewed : "", r->reason && *r->reason ? L("：", ": ") : "",
	         r->reason ? r->reason : "");
}

void wording_task_status(const task_detail *d, int as_of, bool english, char *buf, size_t len)
{
	static const char *const zh[] = { "未开始", "进行中", "已报完成", "已销号" };
	static const char *const en[] = { "not started", "in progress", "reported completed", "accepted" };
	const report_rec *latest;
	task_phase phase = flag_task_phase(d, as_of, &latest);
	const char *name = english ? en[phase] : zh[phase];
	if (phase == TASK_ACCEPTED) {
		snprintf(buf, len, L("%s（%s，%.10s）", "%s (%s, %.10s)"), name, d->task.accepted_by ? d->task.accepted_by : "",
		         d->task.accepted_at ? d->task.accepted_at : "");
		return;
	}
	if (!latest || latest->state == REPORT_PASSED) {
		snprintf(buf, len, "%s", name);
		return;
	}
	const char *why = latest->state == REPORT_RETURNED && latest->reason ? latest->reason : "";
	snprintf(buf, len, L("%s（%s %s%s%s）", "%s (%s %s%s%s)"), name, latest->period,
	         model_report_state_label(latest->state, english), *why ? L("：", ": ") : "", why);
}

const char *wording_standing(quarter_standing s, bool english)
{
	static const char *const zh[STANDING_COUNT] = { "", "应报", "已报", "待审核", "已退回", "未报" };
	static const char *const en[STANDING_COUNT] = { "", "due", "passed", "to review", "returned", "missing" };
	return (unsigned)s < STANDING_COUNT ? (english ? en[s] : zh[s]) : "";
}

static const char *step_verb(const report_step *st, bool english)
{
	if (strcmp(st->action, "review") == 0)
		return strcmp(st->state, "returned") == 0 ? L("退回", "returned") : L("通过", "passed");
	if (strcmp(st->action, "reopen") == 0)
		return L("重新打开", "reopened");
	if (strcmp(st->action, "conflict") == 0)
		return L("保存冲突（未覆盖）", "conflict (not saved over)");
	if (!st->old_state[0])
		return L("报送", "filed");
	return strcmp(st->old_state, "returned") == 0 ? L("退回后重新报送", "resubmitted") : L("修改", "amended");
}

void wording_report_steps(const report_step *steps, int n, bool english, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++) {
		const report_step *st = &steps[i];
		const char *time = strlen(st->at) > 16 ? st->at + 11 : "";
		used += (size_t)snprintf(buf + used, len - used, "%s%.10s %.5s %s %s%s%s", i ? L("；", "; ") : "", st->at,
		                         time, st->user, step_verb(st, english), st->why && *st->why ? L("：", ": ") : "",
		                         st->why ? st->why : "");
	}
}

void wording_thresholds(const config_flags *rules, bool english, char *buf, size_t len)
{
	snprintf(buf, len,
	         L("本单位的判定线（配置文件 [flags]）：实际增长不到序时应增长的 %.0f%% 为滞后，不到 %.0f%% 为严重滞后；"
	           "未完成且距完成时限不足 %d 天为临期；季度结束后 %d 天内应报送，过期仍未报为未报送；"
	           "“约”（≈）目标上下 %.0f%% 以内算达到。",
	           "This office's lines ([flags] of the config): growth below %.0f%% of the expected is behind, below "
	           "%.0f%% lagging; not done within %d days of the due date is due soon; a quarter's report is due "
	           "%d days after it ends, missing after that is unreported; an \"about\" (≈) target is met within %.0f%%."),
	         rules->behind * 100, rules->lagging * 100, rules->due_soon_days, rules->report_grace_days,
	         rules->approx_tolerance * 100);
}

const char *wording_judging_rules(bool english)
{
	return L("每个数字与它所报季度末的序时进度比较（序时：从基数到目标值按天均匀推进，个、家、名等取整）；"
	         "基数未设的存量指标不计序时，只看目标和时限；过了完成时限，等完成时限所在季度的填报或其报送期限，"
	         "再定是否逾期。进度：各量化指标实际值÷目标值的平均，向下取整，全部达标才为 100%。",
	         "Each figure is compared with the expected progress at the end of the quarter it reports (expected: "
	         "linear from the baseline to the target, whole numbers for counted things); a stock without a "
	         "baseline has no expected progress; after a due date, overdue waits for that quarter's report or its "
	         "deadline. Progress: the average of actual ÷ target over the indicators, rounded down; 100% only "
	         "when every target is met.");
}
