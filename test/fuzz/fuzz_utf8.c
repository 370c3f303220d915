/* libFuzzer: the UTF-8 validator, the escaper and the input gate agree, and
 * nothing they let through can steer a terminal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/validate.h"

static void check_safe(const char *s)
{
	size_t n = strlen(s);
	if (!text_utf8_valid(s, n, NULL))
		abort();
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0 || (text_cp_is_unsafe(cp) && cp != '\n'))
			abort();
		i += k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t len = strlen(s);
	char *e = text_escape(s, 0);
	check_safe(e);
	if (strchr(e, '\n'))
		abort();
	char *kept = text_escape(s, TEXT_KEEP_NEWLINE);
	check_safe(kept);
	if (text_width(s) < 0)
		abort();
	char *cut = text_truncate(s, 7);
	if (text_width(cut) > 7)
		abort();
	char **lines;
	int n = text_wrap(s, 10, &lines);
	for (int i = 0; i < n; i++)
		if (text_width(lines[i]) > 10)
			abort();
	text_free_lines(lines, n);
	char err[256];
	text_rule rule = { "字段", 2000, true, false };
	bool valid = text_utf8_valid(s, len, NULL);
	if (validate_text(&rule, s, err, sizeof err)) {
		if (!valid)
			abort();
		/* what the gate accepts is shown unchanged */
		if (strcmp(kept, s) != 0)
			abort();
	}
	char *json = text_json_safe(s);
	if (!text_utf8_valid(json, strlen(json), NULL))
		abort();
	free(json);
	free(cut);
	free(kept);
	free(e);
	free(s);
	return 0;
}
