#ifndef DUCHA_DEADLINE_H
#define DUCHA_DEADLINE_H
/* Chinese deadline phrases (完成时限) to due dates:
 * "2016年年底前" → 2016-12-31, "2016年6月前" → 2016-06-30,
 * "2016年、2017年" → a yearly task due at the end of each year named. */
#include <stdbool.h>
#include <stddef.h>

enum { DEADLINE_MAX_DUES = 16 };

typedef struct deadline {
	int count;                     /* number of due dates, ascending */
	int dues[DEADLINE_MAX_DUES];   /* day numbers (see date.h) */
	bool yearly;                   /* one milestone per year named */
} deadline;

/* Returns true on success; on failure writes a one-line reason to err. */
bool deadline_parse(const char *text, deadline *out, char *err, size_t errlen);
#endif
