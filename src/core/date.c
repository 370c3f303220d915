#include "ducha/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
int date_from_ymd(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int days, int *year, int *month, int *day)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

bool date_is_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= date_days_in_month(year, month);
}

static bool digits(const char *s, int n, int *value)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return true;
}

bool date_parse(const char *text, int *days)
{
	int y, m, d;
	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	if (!digits(text, 4, &y) || !digits(text + 5, 2, &m) || !digits(text + 8, 2, &d))
		return false;
	if (!date_is_valid(y, m, d))
		return false;
	*days = date_from_ymd(y, m, d);
	return true;
}

void date_format(int days, char out[DATE_TEXT_SIZE])
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, DATE_TEXT_SIZE - 1);
	out[DATE_TEXT_SIZE - 1] = '\0';
}

int date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int date_year(int days)
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	return y;
}

bool period_parse(const char *text, int *year, int *quarter)
{
	int y, q;
	if (!text || strlen(text) != 6 || (text[4] != 'Q' && text[4] != 'q'))
		return false;
	if (!digits(text, 4, &y) || !digits(text + 5, 1, &q))
		return false;
	if (y < 1900 || y > 2999 || q < 1 || q > 4)
		return false;
	*year = y;
	*quarter = q;
	return true;
}

bool period_allowed(int year, int quarter, int plan_starts, int as_of, char *why, size_t len)
{
	char p[PERIOD_TEXT_SIZE], day[DATE_TEXT_SIZE];
	period_format(year, quarter, p);
	if (period_last_day(year, quarter) < plan_starts) {
		date_format(plan_starts, day);
		snprintf(why, len, "季度 %s 在工作方案开始（%s）之前，不能填报", p, day);
		return false;
	}
	if (period_first_day(year, quarter) > as_of) {
		date_format(as_of, day);
		snprintf(why, len, "季度 %s 还没有开始（截至 %s），不能填报", p, day);
		return false;
	}
	return true;
}

void period_format(int year, int quarter, char out[PERIOD_TEXT_SIZE])
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04dQ%d", year, quarter);
	memcpy(out, tmp, PERIOD_TEXT_SIZE - 1);
	out[PERIOD_TEXT_SIZE - 1] = '\0';
}

int period_first_day(int year, int quarter)
{
	return date_from_ymd(year, quarter * 3 - 2, 1);
}

int period_last_day(int year, int quarter)
{
	return date_from_ymd(year, quarter * 3, date_days_in_month(year, quarter * 3));
}

void period_of_date(int days, int *year, int *quarter)
{
	int m, d;
	date_to_ymd(days, year, &m, &d);
	*quarter = (m + 2) / 3;
}

void date_format_cn(int days, char out[DATE_CN_SIZE])
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	snprintf(out, DATE_CN_SIZE, "%d年%d月%d日", y, m, d);
}

void period_format_cn(int year, int quarter, char out[DATE_CN_SIZE])
{
	static const char *const names[] = { "一", "二", "三", "四" };
	snprintf(out, DATE_CN_SIZE, "%d年第%s季度", year, names[(quarter - 1) & 3]);
}
