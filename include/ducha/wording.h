#ifndef DUCHA_WORDING_H
#define DUCHA_WORDING_H
/* Every sentence about an indicator or a task that the screen, show, the
 * summaries and the flag reasons share, in Chinese and English, so that they
 * never say one thing two ways. Pure: no SQL, no curses. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/flag.h"
#include "ducha/model.h"

typedef enum wording_precision {
	WORDING_ENTERED,   /* a figure someone typed: as typed, at most two decimals */
	WORDING_COMPUTED,  /* a figure the program worked out: whole from 100 up, one decimal below */
} wording_precision;

/* The one number formatter: "2100", "12.5", "0.35"; with the unit after a
 * space when there is one ("2478 家"). No "-0". */
void wording_quantity(double v, const char *unit, wording_precision p, char *buf, size_t len);
/* An entered figure without a unit. */
void wording_number(double v, char *buf, size_t len);
/* expected − actual as shown: from the expected value rounded as printed, so
 * "序时 194 项，实际 107 项，差 87 项" adds up. */
double wording_shown_gap(const indicator_state *st);

/* The target ("> 5000 家", "3–5 家", "≥ 200 亿元（每年）", "完成（里程碑）");
 * target: the value in force (a per-year indicator's for the year in view). */
void wording_target(const indicator_rec *i, double target, bool english, char *buf, size_t len);
/* The same without the per-year mark, for a sentence that names the year. */
void wording_target_in_force(const indicator_rec *i, double target, bool english, char *buf, size_t len);
/* The words before the 序时 value: "2017Q3 末序时" when it is the figure's
 * quarter's, "截至 2017-12-10 序时" for an interim figure, else "序时". */
void wording_expected_label(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len);
/* How an indicator is counted: "累计；基数 30 万户（2015-12-31），来源：示例数据",
 * "累计；基数未设", "年度（2017 年）", "每年", with its source and approval. */
void wording_definition(const indicator_rec *i, bool english, char *buf, size_t len);
/* After a due date, before its report is due: "已过完成时限 2017-12-31，待 2017Q4 填报（2018-01-15 前）确认". */
void wording_waiting(int due, int year, int quarter, int deadline, bool english, char *buf, size_t len);
/* 序时: "2478 家（49.6%）", "不计（基数未设）", a milestone's "2017-12-31 前完成", "无（未设目标值）". */
void wording_expected(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len);
/* 实际: "151 家", with the quarter when with_period ("151 家（2017Q3）");
 * a milestone's "已完成"/"未完成"; "尚无填报". */
void wording_actual(const indicator_rec *i, const indicator_state *st, bool with_period, bool english, char *buf,
                    size_t len);
/* "差 37 家" / "超 5 家"; empty when there is no gap to tell. */
void wording_gap(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len);
/* 预测 at as_of: "按填报进度，2017-12-31 约 202 家；预计 2017-11-20 达标", … */
void wording_forecast(const indicator_rec *i, const indicator_state *st, int as_of, bool english, char *buf,
                      size_t len);
/* A list's deadline: "2016-12-31", "2016-12-31+" when a later one follows. */
void wording_shown_due(int due, bool more, char *buf, size_t len);
/* How far the due date is: "距截止 21 天", "今天截止", "已过截止日 2017-12-31". */
void wording_due_distance(int due, int as_of, bool english, char *buf, size_t len);
/* "2017Q3 未报送（应于 2017-10-15 前报送）"; a returned one: "2017Q3 已退回，待重新报送". */
void wording_unreported(int year, int quarter, int deadline, bool returned, bool english, char *buf, size_t len);
/* A task's due dates: "2016-12-31、2017-12-31". */
void wording_dues(const task_rec *t, bool english, char *buf, size_t len);
/* Tasks per flag, worst first: "逾期 2 项，滞后 3 项"; "无任务". */
void wording_counts(const int *flags, bool english, char *buf, size_t len);
/* The same for a title line: "逾期 2 · 滞后 3". */
void wording_counts_brief(const int *flags, bool english, char *buf, size_t len);
/* An indicator in a summary: "众创空间：目标 ≥ 200 家（每年）；实际 151 家（2017Q3）；序时 188 家（94.2%）". */
void wording_indicator_line(const indicator_rec *i, const indicator_state *st, bool english, char *buf, size_t len);
/* 任务状态, derived: "进行中（2017Q4 待审核）", "已销号（张三，2017-12-10）",
 * "进行中（2017Q4 已退回：理由）", "未开始". */
void wording_task_status(const task_detail *d, int as_of, bool english, char *buf, size_t len);
/* A report's review: "待审核", "已通过（insp，2017-12-10）", "已退回（insp，2017-12-10）：理由". */
void wording_review(const report_rec *r, bool english, char *buf, size_t len);
/* 应报, 已报, 待审核, 已退回, 未报 ("" for none). */
const char *wording_standing(quarter_standing s, bool english);
/* A report's history: "2017-10-09 09:30 kewei 报送；2017-10-10 09:30 insp 退回：理由；…". */
void wording_report_steps(const report_step *steps, int n, bool english, char *buf, size_t len);
/* A note's kind: "进展情况", "督查意见", "配合情况". */
const char *wording_note_kind(const char *kind, bool english);
/* How figures are judged and what 进度 is, for the help. */
const char *wording_judging_rules(bool english);
/* The thresholds in force, with their numbers from the config: 滞后, 严重滞后,
 * 临期, 未报送, the tolerance of "≈" targets. */
void wording_thresholds(const config_flags *rules, bool english, char *buf, size_t len);
/* A report's values: "科技型企业 2100 家，众创空间 151 家". */
void wording_values(const task_detail *d, const report_rec *r, bool english, char *buf, size_t len);
#endif
