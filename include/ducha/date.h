#ifndef DUCHA_DATE_H
#define DUCHA_DATE_H
/* Calendar dates as day numbers (days since 1970-01-01), and quarters. */
#include <stdbool.h>
#include <stddef.h>

enum { DATE_TEXT_SIZE = 11, PERIOD_TEXT_SIZE = 7, DATE_CN_SIZE = 32 };

int  date_from_ymd(int year, int month, int day);
void date_to_ymd(int days, int *year, int *month, int *day);
int  date_days_in_month(int year, int month);
bool date_is_valid(int year, int month, int day);
/* Strict YYYY-MM-DD. */
bool date_parse(const char *text, int *days);
void date_format(int days, char out[DATE_TEXT_SIZE]);
/* As documents write it: 2017年12月10日 (no leading zeros). */
void date_format_cn(int days, char out[DATE_CN_SIZE]);
int  date_today(void);
int  date_year(int days);

/* Quarters "YYYYQn". */
bool period_parse(const char *text, int *year, int *quarter);
void period_format(int year, int quarter, char out[PERIOD_TEXT_SIZE]);
/* Whether a quarter may be reported: it ends on or after the plan's start
 * and begins on or before the as-of date; otherwise why not, in one line. */
bool period_allowed(int year, int quarter, int plan_starts, int as_of, char *why, size_t len);
int  period_first_day(int year, int quarter);
int  period_last_day(int year, int quarter);
void period_of_date(int days, int *year, int *quarter);
/* As documents write it: 2017年第三季度. */
void period_format_cn(int year, int quarter, char out[DATE_CN_SIZE]);
#endif
