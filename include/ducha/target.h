#ifndef DUCHA_TARGET_H
#define DUCHA_TARGET_H
/* Quantitative targets read out of a task's text, proposed as indicators:
 *   "培育科技型企业超过5000家" → 科技型企业 > 5000 家
 *   "新建200家以上众创空间"    → 众创空间 ≥ 200 家
 *   "新认定3―5家国家级平台"    → 国家级平台 3–5 家
 *   "交易规模达到50亿元左右"   → 交易规模 ≈ 50 亿元
 *   "微型企业达到50万户"       → 微型企业 ≥ 50 万户 (a plain number is a floor)
 * Years, dates, ordinals and model codes (3D, 5G, 6+1) are not targets.
 * Pure: no SQL, no I/O. */
#include <stdbool.h>
#include "ducha/model.h"

enum {
	TARGET_MAX = 16,             /* proposals (and skips) kept per text */
	TARGET_NAME_CHARS = 30,      /* a longer name keeps its last characters (the head noun) */
	TARGET_NAME_MAX = 160,       /* bytes */
	TARGET_UNIT_MAX = 32,
	TARGET_SOURCE_MAX = 160,
};

typedef struct target {
	char name[TARGET_NAME_MAX];     /* what is counted: 科技型企业 */
	comparator cmp;
	double value, value_hi;         /* value_hi == value except for CMP_RANGE */
	char unit[TARGET_UNIT_MAX];
	bool per_year;                  /* 每年…, or the same target named twice: afresh each year */
	bool counts_new;                /* a verb (新增, 新建, 引进 …) counts what is new: baseline 0 */
	char source[TARGET_SOURCE_MAX]; /* the words it was read from: 超过5000家 */
} target;

typedef struct target_skip {
	char source[TARGET_SOURCE_MAX];
	char why[128];
} target_skip;

typedef struct target_list {
	target items[TARGET_MAX];
	int n;
	target_skip skipped[TARGET_MAX];  /* numbers that look like targets but cannot be read */
	int nskipped;
} target_list;

/* Proposes the targets named in text (UTF-8; invalid bytes end the scan).
 * Names are unique within the list. */
void target_propose(const char *text, target_list *out);
#endif
