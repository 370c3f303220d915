/* Every flagged task, worst first: a task list whose source judges them all. */
#include "ui_lagging.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_i18n.h"
#include "ui_tasklist.h"
#include "ducha/xalloc.h"

typedef struct ranked {
	int num;
	flag_value flag;
} ranked;

static int worst_first(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->flag != y->flag)
		return (int)y->flag - (int)x->flag;
	return x->num - y->num;
}

/* "逾期 2 · 严重滞后 5 · …", worst first. */
static void summary(const int *count, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int f = FLAG_COUNT - 1; f > FLAG_OK && used < len; f--)
		if (count[f])
			used += (size_t)snprintf(buf + used, len - used, "%s%s %d", used ? " · " : "",
			                         flag_label((flag_value)f, ui_english()), count[f]);
}

static bool load_lagging(ui *u, void *ctx, int **nums, int *n, char *title, size_t title_len)
{
	(void)ctx;
	int *all, total, count[FLAG_COUNT] = { 0 };
	if (!ui_data_nums(&u->data, 0, NULL, &all, &total))
		return false;
	ranked *r = xcalloc((size_t)total + 1, sizeof *r);
	int kept = 0;
	bool ok = ui_data_prefetch(&u->data, all, total);
	for (int i = 0; i < total; i++) {
		const ui_row *t = ok ? ui_data_row(&u->data, all[i]) : NULL;
		if (!t) {
			free(r);
			free(all);
			return false;
		}
		if (t->flag > FLAG_OK) {
			r[kept++] = (ranked){ all[i], t->flag };
			count[t->flag]++;
		}
	}
	qsort(r, (size_t)kept, sizeof *r, worst_first);
	for (int i = 0; i < kept; i++)
		all[i] = r[i].num;
	free(r);
	*nums = all;
	*n = kept;
	char counts[300];
	summary(count, counts, sizeof counts);
	snprintf(title, title_len, UI_L("有预警的任务 %d 项，最严重的在前：%s", "%d flagged tasks, worst first: %s"), kept,
	         kept ? counts : UI_L("无", "none"));
	return true;
}

view *ui_lagging_new(ui *u)
{
	ui_tasklist_source src = { .load = load_lagging, .kind = "lagging" };
	return ui_tasklist_new(u, &src);
}
