#ifndef DUCHA_FLAG_INTERNAL_H
#define DUCHA_FLAG_INTERNAL_H
/* Shared by the flag rules (flag.c) and the forecast (forecast.c); not
 * part of the core's interface. */
#include <stdbool.h>
#include "ducha/config.h"
#include "ducha/flag.h"
#include "ducha/model.h"

/* Everything one evaluation needs, passed as one pointer. */
typedef struct flag_ctx {
	const task_detail *d;
	const plan_rec *plan;
	int as_of;
	const config_flags *rules;
} flag_ctx;

/* The window one target is phased over, and the target in force in it. */
typedef struct flag_phase {
	int start, due;
	int year;                    /* per-year, annual: the year; 0 for cumulative */
	double target, baseline;
	bool paced;                  /* a 序时 can be drawn: false for a stock without a baseline */
} flag_phase;

bool flag_target_missing(double t);
/* The lowest value that meets the target. */
double flag_threshold(const indicator_rec *ind, const config_flags *rules, double target);
bool flag_meets(const indicator_rec *ind, const config_flags *rules, double target, double v);
/* Elapsed share of a window at the as-of date, 0..1; the due date counts in full. */
double flag_elapsed_share(int start, int due, int as_of);
/* The least-squares forecast of one phase from its points (forecast.c). */
void flag_forecast(const flag_ctx *c, const indicator_rec *ind, const flag_phase *p, const value_point *pts, int n,
                   indicator_state *st);
#endif
