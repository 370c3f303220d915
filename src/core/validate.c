#include "ducha/validate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"

enum { VALIDATE_MAX_BYTES_PER_CHAR = 4 };

static const char *describe(uint32_t cp)
{
	if (cp == 0x1B)
		return "终端转义字符 ESC";
	if (cp < 0x20 || cp == 0x7F)
		return "控制字符";
	if (cp >= 0x80 && cp <= 0x9F)
		return "C1 控制字符";
	if (cp == 0x2028 || cp == 0x2029)
		return "行/段分隔符";
	if (text_cp_is_invisible(cp) && !(cp >= 0x2066 && cp <= 0x2069))
		return "不可见字符";
	return "双向文本控制符";
}

bool validate_text(const text_rule *rule, const char *s, char *err, size_t errlen)
{
	size_t len = strlen(s), bad;
	if (rule->required && len == 0) {
		snprintf(err, errlen, "%s不能为空", rule->field);
		return false;
	}
	if (!text_utf8_valid(s, len, &bad)) {
		int pos = 1;
		for (size_t i = 0; i < bad; i++)
			pos += ((unsigned char)s[i] & 0xC0) != 0x80;
		snprintf(err, errlen, "%s含有无效的 UTF-8 字节（第 %d 个字符处，字节 0x%02X）", rule->field,
		         pos, (unsigned char)s[bad]);
		return false;
	}
	int chars = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		chars++;
		if (text_cp_is_unsafe(cp) && !(cp == '\n' && rule->multiline)) {
			snprintf(err, errlen, "%s第 %d 个字符是%s（U+%04X），不允许输入", rule->field, chars,
			         describe(cp), (unsigned)cp);
			return false;
		}
	}
	if (chars > rule->max_chars || len > (size_t)rule->max_chars * VALIDATE_MAX_BYTES_PER_CHAR) {
		snprintf(err, errlen, "%s太长：%d 个字符，最多 %d 个", rule->field, chars, rule->max_chars);
		return false;
	}
	return true;
}

enum { VALIDATE_NUMBER_MAX_DIGITS = 18 };

/* Thousands separators only where they group: 1,234 or 12,345,678.50. */
static bool grouped_well(const char *ascii)
{
	const char *dot = strchr(ascii, '.');
	size_t int_len = dot ? (size_t)(dot - ascii) : strlen(ascii);
	if (!memchr(ascii, ',', int_len))
		return !dot || !strchr(dot, ',');
	if (dot && strchr(dot, ','))
		return false;
	size_t first = strcspn(ascii, ",");
	if (first < 1 || first > 3)
		return false;
	for (size_t i = first; i < int_len; i += 4)
		if (ascii[i] != ',' || int_len - i < 4 || strspn(ascii + i + 1, "0123456789") < 3)
			return false;
	return true;
}

/* The value as ASCII: full-width digits, point and comma folded, nothing
 * else beyond ASCII; false when it is not (or is too long to hold). */
static bool fold_ascii(const char *s, char *ascii, size_t size)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);
		if (k == 0)
			return false;   /* invalid bytes: refuse the whole value */
		i += k;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		else if (cp == 0xFF0E)
			cp = '.';
		else if (cp == 0xFF0C)
			cp = ',';
		if (cp > 0x7F || n + 1 >= size)
			return false;
		ascii[n++] = (char)cp;
	}
	ascii[n] = '\0';
	return true;
}

bool validate_number(const char *field, const char *s, double *out, char *err, size_t errlen)
{
	char ascii[256], digits[256];
	const char *why = "不是有效的非负数";
	bool ok = fold_ascii(s, ascii, sizeof ascii);
	if (!ok && strlen(s) >= sizeof ascii - 1)
		why = "太长";
	/* Spaces around the value are forgiven, not inside it. */
	char *start = ascii;
	while (ok && *start == ' ')
		start++;
	size_t n = ok ? strlen(start) : 0;
	while (n && start[n - 1] == ' ')
		start[--n] = '\0';
	ok = ok && n > 0 && strspn(start, "0123456789.,") == n && strchr(start, '.') == strrchr(start, '.');
	if (ok && !grouped_well(start)) {
		why = "千位分隔符位置不对（应为 1,234 这样每三位一组；小数点用 .）";
		ok = false;
	}
	size_t d = 0;
	for (const char *p = start; ok && *p; p++)
		if (*p != ',')
			digits[d++] = *p;
	digits[d] = '\0';
	if (ok && strspn(digits, "0123456789") > VALIDATE_NUMBER_MAX_DIGITS) {
		why = "位数太多（整数部分最多 18 位）";
		ok = false;
	}
	char *end = NULL;
	double v = ok ? strtod(digits, &end) : 0;
	if (!ok || *end != '\0' || !isfinite(v) || v < 0 || v >= 1e15) {
		if (ok)
			why = "超出范围（应小于 10 的 15 次方）";
		char *safe = text_escape(s, 0);
		snprintf(err, errlen, "%s的值 \"%.40s%s\" %s", field, safe, strlen(safe) > 40 ? "…" : "", why);
		free(safe);
		return false;
	}
	*out = v;
	return true;
}

bool validate_whole_unit(const char *unit)
{
	static const char *const whole[] = { "个", "家", "项", "名", "户", "人", "件", "所", "座", "条", "次" };
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
		if (strcmp(unit, whole[i]) == 0)
			return true;
	return false;
}
