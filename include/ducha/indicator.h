#ifndef DUCHA_INDICATOR_H
#define DUCHA_INDICATOR_H
/* An administrator's edit of an indicator's definition (ducha indicator, the
 * TUI's task view): what may change, checked before anything is written.
 * Pure: no SQL, no curses. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/model.h"

/* The fields an edit sets; a NULL text or a false set_* leaves one alone. */
typedef struct indicator_edit {
	const char *name, *unit, *baseline_source;
	bool set_mode;
	indicator_mode mode;
	bool set_cmp;
	comparator cmp;
	bool set_target;
	double target, target_hi;    /* target_hi for a range */
	bool set_baseline;
	bool clear_baseline;         /* back to 基数未设 */
	double baseline;
	bool set_baseline_date;
	int baseline_date;           /* 0: the plan's start */
	bool set_due;
	int due;
} indicator_edit;

/* Whether anything is to change. */
bool indicator_edit_any(const indicator_edit *e);
/* The indicator after the edit into *out (its strings point into old and
 * e: valid while both are), or false with a one-line reason. plan_starts
 * bounds the dates. */
bool indicator_edit_apply(const indicator_rec *old, const indicator_edit *e, int plan_starts, indicator_rec *out,
                          char *why, size_t len);
/* Parses a target as typed: "200", "3-5" / "3–5" / "3―5" (a range). */
bool indicator_parse_target(const char *s, double *lo, double *hi, bool *range, char *why, size_t len);
/* A comparator as typed: ">=", "≥", ">", "~", "≈", "range". */
bool indicator_parse_comparator(const char *s, comparator *out);
#endif
