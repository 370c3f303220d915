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

bool validate_number(const char *field, const char *s, double *out, char *err, size_t errlen)
{
	char ascii[64];
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n + 1 < sizeof ascii;) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);
		if (k == 0) {
			n = 0;   /* invalid bytes: refuse the whole value */
			break;
		}
		i += k;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		else if (cp == 0xFF0E)
			cp = '.';
		if (cp == ',' || cp == 0xFF0C || cp == ' ')
			continue;  /* thousands separators */
		if (cp > 0x7F) {
			n = 0;
			break;
		}
		ascii[n++] = (char)cp;
	}
	ascii[n] = '\0';
	char *end = NULL;
	double v = n ? strtod(ascii, &end) : 0;
	bool digits_only = n > 0 && strspn(ascii, "0123456789.") == n;
	if (!n || !digits_only || *end != '\0' || !isfinite(v) || v < 0 || v >= 1e15) {
		char *safe = text_escape(s, 0);
		snprintf(err, errlen, "%s的值 \"%.40s\" 不是有效的非负数", field, safe);
		free(safe);
		return false;
	}
	*out = v;
	return true;
}
