#ifndef DUCHA_FLAG_H
#define DUCHA_FLAG_H
/* The lagging verdicts (滞后/预警): expected progress (序时进度) at an as-of
 * date, a flag for every indicator and task, a one-line reason, and a
 * forecast. Pure: no SQL, no curses. The CLI, the TUI and the printed
 * summaries all ask this module, so screen and paper never disagree. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ducha/model.h"

/* The one list of flags, in order of severity (a later one is worse):
 * X(ID, machine name, 中文, English, glyph). The enum, the names, the labels,
 * the glyphs and every "one of …" message come from it; the theme's
 * flag-NAME elements follow it (checked by test_ui_widgets). */
#define DUCHA_FLAGS(X) \
	X(DONE, "done", "已完成", "done", "✓") \
	X(OK, "ok", "正常", "ok", "=") \
	X(DUE_SOON, "due-soon", "临期", "due soon", "~") \
	X(BEHIND, "behind", "滞后", "behind", "!") \
	X(UNREPORTED, "unreported", "未报送", "unreported", "?") \
	X(LAGGING, "lagging", "严重滞后", "lagging", "!!") \
	X(OVERDUE, "overdue", "逾期", "overdue", "!!!")

/* " done ok …" as one string literal, for help texts. */
#define FLAG_NAME_WORD(id, name, zh, en, glyph) " " name

typedef enum flag_value {
#define FLAG_ENUM(id, name, zh, en, glyph) FLAG_##id,
	DUCHA_FLAGS(FLAG_ENUM)
#undef FLAG_ENUM
} flag_value;
enum { FLAG_COUNT = FLAG_OVERDUE + 1, FLAG_REASON_SIZE = 480 };

const char *flag_name(flag_value f);              /* "behind" (machine-readable) */
const char *flag_label(flag_value f, bool english); /* "滞后" / "behind" */
const char *flag_glyph(flag_value f);             /* a mark that needs no colour */
const char *flag_shown(flag_value f, bool english); /* "! 滞后": the glyph and the label, as shown */
bool flag_parse(const char *name, flag_value *out);
/* Every machine name, joined by sep ("done、ok、…"), for messages and help. */
void flag_names_list(const char *sep, char *out, size_t len);
/* 预警: every flag but 正常 and 已完成, on every screen and paper. */
bool flag_is_warning(flag_value f);
/* A set of flags, one bit each (1u << FLAG_x); 0 is no filter. */
typedef unsigned flag_set;
#define FLAG_SET_OF(f) (1u << (unsigned)(f))
/* A set as typed: names or labels ("behind", "滞后"), "X+" for X or worse
 * ("behind+" = 滞后 and worse), "预警"/"warning" for every warning, joined
 * by "," or "、". False (with why) when a part is none of these. */
bool flag_parse_set(const char *typed, flag_set *out, char *why, size_t len);
bool flag_set_has(flag_set s, flag_value f);

/* What the rules found, for the reasons to tell (src/core/reason.c): the
 * rules decide, the wording says it in the reader's language. */
typedef enum flag_story {
	FLAG_STORY_BEFORE_START,    /* the plan has not started: nothing expected */
	FLAG_STORY_MET,             /* the target in force is met */
	FLAG_STORY_OPEN,            /* not met: pace, unreported, due-soon, overdue */
	FLAG_STORY_NOT_YET,         /* annual: the target's year has not begun */
} flag_story;

typedef struct flag_facts {
	flag_story story;
	int year;                   /* a per-year target's year; 0: cumulative */
	double baseline;            /* the phase's starting value */
	bool missing;               /* the report asked for is missing */
	int missing_year, missing_quarter, missing_deadline;
	bool missing_returned;      /* it is there, returned: it waits to be submitted again */
	bool show_due;              /* near or past the due date: say how far */
	int next_due;               /* met in a year before the last: the next year's due date */
	bool no_baseline;           /* 基数未设: judged by the due date and reports, not by 序时 */
	bool waiting;               /* past the due date, the report covering it not yet due */
	int waiting_year, waiting_quarter, waiting_deadline;
	double tolerance;           /* ≈ targets: the share within which they are met */
	bool overdue;               /* overdue (the due date, its report's answer or deadline passed) */
} flag_facts;

typedef struct indicator_state {
	flag_value flag;
	flag_facts facts;
	bool has_actual;
	double actual;              /* the latest reported value */
	int actual_year, actual_quarter;
	double target;              /* the target in force (this year's, for per-year) */
	int due;                    /* the due date in force (this year's, for per-year) */
	double expected;            /* 序时进度 on expected_day (whole units: rounded down) */
	double expected_share;      /* share of the time from start to due date, 0..1 */
	int expected_day;           /* the end of the figure's quarter (or as_of, if earlier or none) */
	bool at_figure;             /* expected is at the figure's quarter (actual_year/quarter) */
	double gap;                 /* expected - actual (negative: ahead) */
	bool has_forecast;
	double forecast_value;      /* projected value at the due date */
	int forecast_met_day;       /* day the target would be met; 0 if never */
	char reason[FLAG_REASON_SIZE];
} indicator_state;

typedef enum task_story {
	TASK_STORY_INDICATORS,      /* the worst of its indicators */
	TASK_STORY_BEFORE_START,
	TASK_STORY_ACCEPTED,        /* 销号 by an inspector */
	TASK_STORY_MARKED_DONE,     /* its status says completed */
	TASK_STORY_REPORTED_DONE,   /* a report says completed */
	TASK_STORY_STATUS,          /* judged by status and dates, not done */
} task_story;

typedef struct task_state {
	flag_value flag;            /* the worst of its indicators', or by status and dates */
	int due;                    /* the due date the verdict is about */
	task_story story;
	int worst;                  /* TASK_STORY_INDICATORS: the worst indicator */
	int latest_report;          /* TASK_STORY_STATUS: d->reports index of the latest known, -1: none */
	flag_facts facts;           /* TASK_STORY_STATUS: missing report, show_due */
	char reason[FLAG_REASON_SIZE];
	int nindicators;
	indicator_state *indicators; /* parallel to task_detail.indicators */
} task_state;

/* The rules, in short (src/core/flag.c has them in full):
 *  - each figure is judged at the end of the quarter it reports (or at
 *    as_of, for the current quarter's interim figure).
 *  - expected: linear from the baseline on plan->starts (or its baseline
 *    date) to the target on the due date (the whole target on the due date
 *    itself); per-year targets restart from zero each year the task names,
 *    an annual one runs in its due year alone, both phased from
 *    max(plan start, 1 January); milestones are expected on their due date.
 *    A cumulative indicator without a baseline has no 序时 (基数未设).
 *  - done: the latest known value meets the target (≥, >, ≈ within
 *    approx_tolerance, a range's lower bound), or the task is accepted;
 *    a zero target is met at once. Reports of quarters that begin after
 *    as_of are not known yet.
 *  - overdue: after a due date not met, once the report covering it says
 *    not done or that report's due date has passed (a per-year target's
 *    missed year counts); in between the last verdict stands and the reason
 *    names the report it waits for. Before the plan starts everything is ok.
 *  - lagging / behind: growth below rules->lagging / rules->behind of the
 *    expected growth.
 *  - unreported: no value for the last quarter whose report was due
 *    (report_grace_days after it ended, late from the day after).
 *  - due-soon: not done, due within due_soon_days, and not shown to be on
 *    course (at or above expected); an on-course indicator stays ok.
 *  - forecast: with two or more reported quarters and a quarter of the
 *    window gone, the least-squares rate carried on from the latest report. */
void flag_judge_task(const task_detail *d, const plan_rec *plan, int as_of, const config_flags *rules,
                     task_state *out);
/* The reasons of a judged task, in one language (src/core/reason.c). */
void flag_explain_task(const task_detail *d, const plan_rec *plan, int as_of, bool english, task_state *st);
/* Both: judged, then explained. */
void flag_evaluate_task(const task_detail *d, const plan_rec *plan, int as_of,
                        const config_flags *rules, bool english, task_state *out);
void flag_task_state_free(task_state *s);

/* The quarter whose report must be in by as_of: the latest that ended at
 * least report_grace_days (plus one) days ago, never later than the quarter
 * holding last_due, and ending after the plan started. False when no report
 * is asked for yet; *deadline is the day that report was due. */
bool flag_required_quarter(int as_of, int plan_starts, int last_due, const config_flags *rules,
                           int *year, int *quarter, int *deadline);
/* A task's status, derived from its reports and its acceptance, never typed:
 * 未开始 (no report counts yet), 进行中, 已报完成 (the latest counting report
 * at or before the as-of quarter says completed), 已销号. */
typedef enum task_phase { TASK_NOT_STARTED, TASK_IN_PROGRESS, TASK_REPORTED_DONE, TASK_ACCEPTED } task_phase;
/* The phase at as_of; *latest (if given): the latest report at or before
 * the as-of quarter, returned or not (NULL: none). */
task_phase flag_task_phase(const task_detail *d, int as_of, const report_rec **latest);
/* The latest report at or before the as-of quarter that counts (not returned), or NULL. */
const report_rec *flag_counting_report(const task_detail *d, int as_of);
/* Where a task stands on one quarter's report: it owes none (accepted, or
 * its work ended before the quarter), 应报 (not yet, its due date ahead),
 * 已报 (passed), 待审核, 已退回, 未报 (past its due date, none). */
typedef enum quarter_standing {
	STANDING_NONE, STANDING_DUE, STANDING_PASSED, STANDING_SUBMITTED, STANDING_RETURNED, STANDING_MISSING,
	STANDING_COUNT
} quarter_standing;
quarter_standing flag_quarter_standing(const task_detail *d, int year, int quarter, int due_date, int as_of);
/* The deadline a list shows: the one that drives the verdict, the earliest
 * not met yet (the last when all are met); *more: the task has a later one. */
int flag_shown_due(const task_detail *d, const task_state *st, bool *more);
/* 进度 (src/core/progress.c): the average share of target reached over a
 * task's indicators, capped at 100; a done or accepted task is 100; -1 when
 * there are no indicators or no reported values. */
int flag_progress(const task_detail *d, const task_state *st);
/* How far the task is behind 序时, in percentage points of the way from
 * baseline to target, for its worst open indicator (negative: ahead);
 * false when no indicator can be measured against 序时. Sorting by it puts
 * the furthest behind first. */
bool flag_gap_points(const task_detail *d, const task_state *st, int *points);
/* An indicator's quarters side by side (the trend of the task view): for
 * each quarter from its first figure to the as-of date's, the figure
 * reported for it (counted reports only), 序时 at the quarter's end, and the
 * share of the way from the baseline to the target the figure stands at
 * (0..1). The last max quarters; returns how many. Milestones have none. */
typedef struct flag_trend_point {
	int year, quarter;
	bool has_actual, has_expected, has_share;
	double actual, expected, share;
} flag_trend_point;
int flag_trend(const task_detail *d, const plan_rec *plan, const indicator_rec *ind, int as_of,
               flag_trend_point *out, int max);
#endif
