/* Checks an administrator's edit of an indicator definition against the
 * rules the schema also enforces, so that a refusal is one clear line
 * instead of a constraint name. */
#include "ducha/indicator.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/validate.h"

bool indicator_edit_any(const indicator_edit *e)
{
	return e->name || e->unit || e->baseline_source || e->set_mode || e->set_cmp || e->set_target ||
	       e->set_baseline || e->clear_baseline || e->set_baseline_date || e->set_due;
}

bool indicator_parse_comparator(const char *s, comparator *out)
{
	static const struct { const char *typed; comparator c; } map[] = {
		{ ">=", CMP_GE }, { "≥", CMP_GE }, { "ge", CMP_GE }, { ">", CMP_GT }, { "gt", CMP_GT },
		{ "~", CMP_APPROX }, { "≈", CMP_APPROX }, { "approx", CMP_APPROX }, { "range", CMP_RANGE },
		{ "–", CMP_RANGE },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(s, map[i].typed) == 0) {
			*out = map[i].c;
			return true;
		}
	return false;
}

/* The dash of a range as typed: "-", "–", "—", "―", "~" between two numbers. */
static const char *range_dash(const char *s, size_t *dash_len)
{
	static const char *const dashes[] = { "–", "—", "―", "～", "-" };
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
		const char *p = strstr(s, dashes[i]);
		if (p && p != s) {
			*dash_len = strlen(dashes[i]);
			return p;
		}
	}
	return NULL;
}

bool indicator_parse_target(const char *s, double *lo, double *hi, bool *range, char *why, size_t len)
{
	size_t dash = 0;
	const char *p = range_dash(s, &dash);
	*range = p != NULL;
	if (!p) {
		if (!validate_number("目标值", s, lo, why, len))
			return false;
		*hi = *lo;
		return true;
	}
	char first[64];
	snprintf(first, sizeof first, "%.*s", (int)(p - s < 63 ? p - s : 63), s);
	if (!validate_number("目标值下限", first, lo, why, len) || !validate_number("目标值上限", p + dash, hi, why, len))
		return false;
	if (*hi < *lo) {
		snprintf(why, len, "目标值范围的上限小于下限");
		return false;
	}
	return true;
}

static bool check_texts(const indicator_edit *e, char *why, size_t len)
{
	static const text_rule name_rule = { "指标名称", 100, false, true };
	static const text_rule unit_rule = { "单位", 20, false, false };
	static const text_rule source_rule = { "基数来源", 100, false, false };
	return (!e->name || validate_text(&name_rule, e->name, why, len)) &&
	       (!e->unit || validate_text(&unit_rule, e->unit, why, len)) &&
	       (!e->baseline_source || validate_text(&source_rule, e->baseline_source, why, len));
}

static bool refuse(char *why, size_t len, const char *msg)
{
	snprintf(why, len, "%s", msg);
	return false;
}

static bool check_target(const indicator_rec *o, char *why, size_t len)
{
	if (!isfinite(o->target) || o->target < 0 || o->target >= 1e15)
		return refuse(why, len, "目标值应为 0 到 10 的 15 次方之间的数");
	if (o->target == 0 && !o->milestone)
		return refuse(why, len, "目标值为 0 时什么也不要求；请填写实际目标");
	if (o->cmp == CMP_RANGE && o->target_hi < o->target)
		return refuse(why, len, "目标值范围的上限小于下限");
	if (o->milestone && (o->target != 1 || o->cmp != CMP_GE))
		return refuse(why, len, "里程碑指标的目标固定为“完成”，不能改目标值或比较方式");
	return true;
}

static bool check_baseline(const indicator_rec *o, int plan_starts, char *why, size_t len)
{
	if (!o->has_baseline)
		return !o->baseline_date || refuse(why, len, "未设基数时不能设基数日期");
	if (o->milestone)
		return refuse(why, len, "里程碑指标没有基数");
	if (o->mode != MODE_CUMULATIVE)
		return refuse(why, len, "每年和年度指标每年从零计，没有基数；基数只用于累计指标");
	if (!isfinite(o->baseline) || o->baseline < 0 || o->baseline >= 1e15)
		return refuse(why, len, "基数应为 0 到 10 的 15 次方之间的数");
	if (o->cmp != CMP_RANGE && o->baseline >= o->target && o->target > 0)
		return refuse(why, len, "基数不小于目标值：这样的指标一开始就已达标，请核对基数或目标值");
	if (o->baseline_date && (o->baseline_date >= o->due || o->baseline_date < plan_starts - 3 * 366))
		return refuse(why, len, "基数日期应在截止日期之前，且不早于方案施行前三年");
	return true;
}

static void apply_fields(const indicator_rec *old, const indicator_edit *e, indicator_rec *o)
{
	*o = *old;
	if (e->name)
		o->name = (char *)e->name;
	if (e->unit)
		o->unit = (char *)e->unit;
	if (e->baseline_source)
		o->baseline_source = (char *)e->baseline_source;
	if (e->set_mode)
		o->mode = e->mode;
	if (e->set_cmp)
		o->cmp = e->cmp;
	if (e->set_target) {
		o->target = e->target;
		o->target_hi = e->target_hi;
	}
	if (o->cmp != CMP_RANGE)
		o->target_hi = o->target;
	if (e->set_baseline) {
		o->has_baseline = true;
		o->baseline = e->baseline;
	}
	if (e->clear_baseline) {
		o->has_baseline = false;
		o->baseline = 0;
		o->baseline_date = 0;
	}
	if (e->set_baseline_date)
		o->baseline_date = e->baseline_date;
	if (e->set_due)
		o->due = e->due;
	/* A yearly count starts from zero each year: no baseline to keep. */
	if (e->set_mode && model_mode_yearly(o->mode) && !e->set_baseline) {
		o->has_baseline = !o->milestone;
		o->baseline = 0;
		o->baseline_date = 0;
	}
}

bool indicator_edit_apply(const indicator_rec *old, const indicator_edit *e, int plan_starts, indicator_rec *out,
                          char *why, size_t len)
{
	if (!indicator_edit_any(e))
		return refuse(why, len, "没有要修改的内容（可用 --name、--target、--baseline 等）");
	if (!check_texts(e, why, len))
		return false;
	if (e->set_cmp && e->cmp == CMP_RANGE && e->set_target && e->target_hi == e->target)
		return refuse(why, len, "范围目标需要上下限，如 --target 3-5");
	apply_fields(old, e, out);
	if (out->due < plan_starts)
		return refuse(why, len, "截止日期早于方案施行日期");
	return check_target(out, why, len) && check_baseline(out, plan_starts, why, len);
}
