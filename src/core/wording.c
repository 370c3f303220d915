#include "ducha/wording.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void wording_number(double v, char *buf, size_t len)
{
	if (fabs(v - round(v)) < 1e-9 && fabs(v) < 1e15) {
		snprintf(buf, len, "%.0f", v);
		return;
	}
	snprintf(buf, len, "%.2f", v);
	char *p = buf + strlen(buf) - 1;
	while (p > buf && *p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
}

void wording_target(const indicator_rec *i, double target, bool english, char *buf, size_t len)
{
	char a[32], b[32];
	if (i->milestone) {
		snprintf(buf, len, "%s", english ? "done (milestone)" : "完成（里程碑）");
		return;
	}
	wording_number(target, a, sizeof a);
	wording_number(i->target_hi, b, sizeof b);
	const char *each = !i->per_year ? "" : english ? " a year" : "（每年）";
	if (i->cmp == CMP_RANGE)
		snprintf(buf, len, "%s–%s %s%s", a, b, i->unit, each);
	else
		snprintf(buf, len, "%s %s %s%s", model_comparator_symbol(i->cmp), a, i->unit, each);
}
