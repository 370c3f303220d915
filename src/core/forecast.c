/* The forecast (预测) of an indicator: where the reported pace leads by the
 * due date, and the day the target would be met. Pure: no SQL, no curses. */
#include <math.h>

#include "ducha/validate.h"
#include "flag_internal.h"

/* Least squares over the reported points; projects the value at the due date
 * and the day the target would be met. */
void flag_forecast(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p, const value_point *pts, int n,
                   indicator_state *st)
{
	if (ind->milestone || flag_target_missing(p->target) || n < 2)
		return;
	if (flag_elapsed_share(p->start, p->due, c->as_of) < 0.25)
		return;
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (int i = 0; i < n; i++) {
		sx += pts[i].day;
		sy += pts[i].value;
	}
	double mx = sx / n, my = sy / n;
	for (int i = 0; i < n; i++) {
		sxx += (pts[i].day - mx) * (pts[i].day - mx);
		sxy += (pts[i].day - mx) * (pts[i].value - my);
	}
	if (sxx <= 0)
		return;                  /* all points on one day: no rate */
	/* The run rate carried on from the latest report, so the projection
	 * starts where the agency says it is now. */
	double slope = sxy / sxx;
	const value_point *last = &pts[n - 1];
	st->has_forecast = true;
	st->forecast_value = last->value + slope * (p->due - last->day);
	/* Counted things are whole: "约 16 个", never "16.2 个". */
	if (validate_whole_unit(ind->unit))
		st->forecast_value = floor(st->forecast_value + 1e-9);
	st->forecast_met_day = 0;
	for (int i = 0; i < n; i++)
		if (flag_meets(ind, c->rules, p->target, pts[i].value)) {
			st->forecast_met_day = pts[i].day;
			return;
		}
	if (slope <= 0)
		return;
	double day = last->day + (flag_threshold(ind, c->rules, p->target) - last->value) / slope;
	/* A date a century out is "never" for a plan that lasts a few years. */
	if (day > p->due + 36525.0)
		return;
	/* Whole days; the tolerance keeps an exact day from rounding up. */
	st->forecast_met_day = (int)ceil(day - 1e-6);
}
