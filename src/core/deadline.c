#include "ducha/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"

enum { NORM_MAX = 256 };

static void fail(char *err, size_t errlen, const char *text, const char *why)
{
	if (err && errlen)
		snprintf(err, errlen, "无法识别的完成时限 \"%.60s\": %s", text, why);
}

/* Appends one code point as UTF-8. */
static bool put_cp(char *out, size_t *len, uint32_t cp)
{
	char buf[4];
	size_t n;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (*len + n >= NORM_MAX)
		return false;
	memcpy(out + *len, buf, n);
	*len += n;
	return true;
}

/* Full-width digits to ASCII, separators to ',', dashes to '-', spaces dropped. */
static uint32_t normalise_cp(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return '0' + (cp - 0xFF10);
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case 0x3000: case 0xA0:
		return 0;
	case 0x3001: case 0xFF0C: case ';': case 0xFF1B: case 0x548C: case 0x53CA: /* 、，；和及 */
		return ',';
	case 0x2015: case 0x2014: case 0x2013: case 0x2012: case 0xFF0D: case 0x81F3: /* ―—–‒－至 */
	case '~': case 0xFF5E: case 0x301C:
		return '-';
	default:
		return cp;
	}
}

static bool normalise(const char *text, char out[NORM_MAX])
{
	size_t len = 0, n = strlen(text);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(text + i, n - i, &cp);
		if (k == 0)
			return false;
		i += k;
		cp = normalise_cp(cp);
		if (cp && !put_cp(out, &len, cp))
			return false;
	}
	out[len] = '\0';
	return true;
}

static bool eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

static bool number(const char **p, int *value)
{
	static const char *const cn[] = { "十二", "十一", "十", "九", "八", "七", "六",
	                                  "五", "四", "三", "二", "一" };
	static const int cn_value[] = { 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	const char *s = *p;
	int v = 0, digits = 0;
	while (*s >= '0' && *s <= '9' && digits < 5) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (digits) {
		*value = v;
		*p = s;
		return true;
	}
	for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
		if (eat(p, cn[i])) {
			*value = cn_value[i];
			return true;
		}
	return false;
}

typedef struct item {
	int due;
	bool whole_year;
} item;

/* One phrase: 2016年[年底|底|N月[底|D日]][前|内|以前] */
static bool parse_item(const char **p, int year, item *it, const char **why)
{
	int month, day;
	if (eat(p, "年底") || eat(p, "底") || eat(p, "末")) {
		it->due = date_from_ymd(year, 12, 31);
		it->whole_year = false;
	} else if (number(p, &month)) {
		if (month < 1 || month > 12 || !eat(p, "月")) {
			*why = "月份不对";
			return false;
		}
		day = date_days_in_month(year, month);
		if (number(p, &day)) {
			if (!eat(p, "日") || day < 1 || day > date_days_in_month(year, month)) {
				*why = "日期不对";
				return false;
			}
		} else {
			(void)(eat(p, "底") || eat(p, "末"));
		}
		it->due = date_from_ymd(year, month, day);
		it->whole_year = false;
	} else {
		it->due = date_from_ymd(year, 12, 31);
		it->whole_year = true;
	}
	(void)(eat(p, "以前") || eat(p, "前") || eat(p, "内"));
	return true;
}

static bool add_due(deadline *out, int due)
{
	for (int i = 0; i < out->count; i++)
		if (out->dues[i] == due)
			return true;
	if (out->count == DEADLINE_MAX_DUES)
		return false;
	int i = out->count++;
	while (i > 0 && out->dues[i - 1] > due) {
		out->dues[i] = out->dues[i - 1];
		i--;
	}
	out->dues[i] = due;
	return true;
}

/* "2016-2017年": every year of the range, as a yearly task. */
static bool parse_range(const char **p, int first, deadline *out, const char **why)
{
	int last;
	if (!number(p, &last) || !eat(p, "年")) {
		*why = "年份范围不完整";
		return false;
	}
	if (last < first || last - first >= DEADLINE_MAX_DUES || last > 2999) {
		*why = "年份范围不对";
		return false;
	}
	for (int y = first; y <= last; y++)
		add_due(out, date_from_ymd(y, 12, 31));
	(void)(eat(p, "年底前") || eat(p, "前"));
	return true;
}

bool deadline_parse(const char *text, deadline *out, char *err, size_t errlen)
{
	char norm[NORM_MAX];
	const char *why = "格式不对";
	int whole_years = 0, items = 0;
	memset(out, 0, sizeof *out);
	if (!text || !normalise(text, norm)) {
		fail(err, errlen, text ? text : "", "不是有效的 UTF-8 或过长");
		return false;
	}
	/* A date as a spreadsheet writes one: 2018-06-30. */
	int day;
	if (date_parse(norm, &day)) {
		out->count = 1;
		out->dues[0] = day;
		return true;
	}
	const char *p = norm;
	(void)(eat(&p, "到") || eat(&p, "于"));
	while (*p) {
		int year;
		if (!number(&p, &year) || year < 1900 || year > 2999) {
			why = "缺少年份";
			goto bad;
		}
		if (eat(&p, "-")) {
			if (!parse_range(&p, year, out, &why))
				goto bad;
			whole_years += 2;
			items += 2;
		} else {
			item it;
			if (!eat(&p, "年") || !parse_item(&p, year, &it, &why))
				goto bad;
			if (!add_due(out, it.due)) {
				why = "日期太多";
				goto bad;
			}
			whole_years += it.whole_year;
			items++;
		}
		if (*p && !eat(&p, ",")) {
			why = "多余的文字";
			goto bad;
		}
		if (p > norm && p[-1] == ',' && !*p) {
			why = "分隔符后缺少日期";
			goto bad;
		}
	}
	if (items == 0) {
		why = "空的完成时限";
		goto bad;
	}
	out->yearly = items > 1 && whole_years == items;
	return true;
bad:
	fail(err, errlen, text, why);
	return false;
}
