/* libFuzzer: the deadline parser must never crash, and whatever it accepts
 * must be sorted, in range and within its own limits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	deadline dl;
	char err[256];
	if (deadline_parse(text, &dl, err, sizeof err)) {
		if (dl.count < 1 || dl.count > DEADLINE_MAX_DUES)
			abort();
		for (int i = 1; i < dl.count; i++)
			if (dl.dues[i] <= dl.dues[i - 1])
				abort();
	} else if (err[0] == '\0') {
		abort();   /* a refusal always says why */
	}
	free(text);
	return 0;
}
