/* Every flagged task, worst first: a task list whose source judges them all. */
#include "ui_lagging.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_i18n.h"
#include "ui_tasklist.h"
#include "ducha/wording.h"

static bool load_lagging(ui *u, void *ctx, int **nums, int *n, char *title, size_t title_len)
{
	(void)ctx;
	int count[FLAG_COUNT], kept, unjudged;
	if (!ui_data_flagged(&u->data, nums, &kept, count, &unjudged))
		return false;
	*n = kept;
	char counts[300];
	wording_counts_brief(count, ui_english(), counts, sizeof counts);
	if (unjudged > 0)
		snprintf(title, title_len,
		         UI_L("正在判定（还有 %d 项未判定）：已有预警任务 %d 项：%s", "judging (%d tasks to go): %d flagged so far: %s"),
		         unjudged, kept, kept ? counts : UI_L("无", "none"));
	else
		snprintf(title, title_len, UI_L("有预警的任务 %d 项，最严重的在前：%s", "%d flagged tasks, worst first: %s"),
		         kept, kept ? counts : UI_L("无", "none"));
	return true;
}

view *ui_lagging_new(ui *u)
{
	ui_tasklist_source src = { .load = load_lagging, .kind = "lagging" };
	return ui_tasklist_new(u, &src);
}
