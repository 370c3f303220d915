#ifndef DUCHA_WORDING_H
#define DUCHA_WORDING_H
/* The words about an indicator that the screen, show and the summaries
 * share, so that they never say one thing two ways. Pure: no SQL, no curses.
 * (More of the vocabulary moves here as issue 13 goes on.) */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/model.h"

/* A number as a document writes it: whole numbers without decimals, else
 * at most two ("2100", "12.5", "0.35"). */
void wording_number(double v, char *buf, size_t len);
/* The target of an indicator ("> 5000 家", "3–5 家", "≥ 200 亿元（每年）",
 * "完成（里程碑）"); target: the value in force (a per-year indicator's for
 * the year in view). */
void wording_target(const indicator_rec *i, double target, bool english, char *buf, size_t len);
#endif
