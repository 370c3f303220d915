#ifndef DUCHA_FLAG_H
#define DUCHA_FLAG_H
/* The lagging verdicts (滞后/预警): expected progress (序时进度) at an as-of
 * date, a flag for every indicator and task, a one-line reason, and a
 * forecast. Pure: no SQL, no curses. The CLI, the TUI and the printed
 * summaries all ask this module, so screen and paper never disagree. */
#include <stdbool.h>
#include "ducha/config.h"
#include "ducha/model.h"

/* In order of severity: a larger value is worse. */
typedef enum flag_value {
	FLAG_DONE,
	FLAG_OK,
	FLAG_DUE_SOON,
	FLAG_BEHIND,
	FLAG_UNREPORTED,
	FLAG_LAGGING,
	FLAG_OVERDUE,
} flag_value;
enum { FLAG_COUNT = FLAG_OVERDUE + 1, FLAG_REASON_SIZE = 320 };

const char *flag_name(flag_value f);              /* "behind" (machine-readable) */
const char *flag_label(flag_value f, bool english); /* "滞后" / "behind" */
const char *flag_glyph(flag_value f);             /* a mark that needs no colour */
bool flag_parse(const char *name, flag_value *out);

typedef struct indicator_state {
	flag_value flag;
	bool has_actual;
	double actual;              /* the latest reported value */
	int actual_year, actual_quarter;
	double target;              /* the target in force (this year's, for per-year) */
	double expected;            /* 序时进度 at the as-of date */
	double expected_share;      /* expected / target, 0..1 */
	double gap;                 /* expected - actual (negative: ahead) */
	bool has_forecast;
	double forecast_value;      /* projected value at the due date */
	int forecast_met_day;       /* day the target would be met; 0 if never */
	char reason[FLAG_REASON_SIZE];
} indicator_state;

typedef struct task_state {
	flag_value flag;            /* the worst of its indicators', or by status and dates */
	char reason[FLAG_REASON_SIZE];
	int nindicators;
	indicator_state *indicators; /* parallel to task_detail.indicators */
} task_state;

void flag_evaluate_task(const task_detail *d, const plan_rec *plan, int as_of,
                        const config_flags *rules, bool english, task_state *out);
void flag_task_state_free(task_state *s);
#endif
