#include "ui_mine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/app_calendar.h"
#include "ducha/date.h"
#include "ducha/wording.h"
#include "ducha/xalloc.h"
#include "ui_i18n.h"
#include "ui_tasklist.h"

/* The agency's tasks in one role, appended to *nums. */
static bool add_role(ui *u, int64_t agency, const char *part, int **nums, int *n)
{
	task_filter f = { .agency_id = agency, .role = part };
	int *got, k;
	if (!judge_cache_nums(&u->data.cache, &f, 0, &got, &k)) {
		snprintf(u->data.err, sizeof u->data.err, "%s", store_error(u->c->st));
		return false;
	}
	*nums = xrealloc(*nums, (size_t)(*n + k + 1) * sizeof **nums);
	memcpy(*nums + *n, got, (size_t)k * sizeof *got);
	*n += k;
	free(got);
	return true;
}

static void title_of(ui *u, const int *nums, int n, int nlead, char *title, size_t len)
{
	int counts[STANDING_COUNT] = { 0 }, y, q, grace = u->c->cfg.flags.report_grace_days;
	char period[PERIOD_TEXT_SIZE], due[DATE_TEXT_SIZE], line[300] = "";
	for (int i = 0; i < nlead; i++) {
		const ui_row *r = ui_data_row(&u->data, nums[i]);
		if (r)
			counts[r->standing]++;
	}
	size_t used = 0;
	for (int s = STANDING_DUE; s < STANDING_COUNT; s++)
		if (counts[s])
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %d", used ? " · " : "",
			                         wording_standing((quarter_standing)s, ui_english()), counts[s]);
	calendar_due_quarter(u->c->as_of, u->c->plan.starts, grace, &y, &q);
	period_format(y, q, period);
	date_format(calendar_due_date(y, q, grace), due);
	snprintf(title, len, UI_L("我的任务（%s）：牵头 %d、配合 %d · 本期 %s（%s 前报送）：%s",
	                          "My tasks (%s): lead %d, support %d · %s due %s: %s"),
	         u->c->who.agency, nlead, n - nlead, period, due, used ? line : UI_L("无", "none"));
}

static bool load_mine(ui *u, void *ctx, int **nums, int *n, char *title, size_t len)
{
	(void)ctx;
	int64_t agency = 0;
	bool found = false;
	*nums = NULL;
	*n = 0;
	if (!store_agency_find(u->c->st, u->c->who.agency, &agency, &found) && found) {
		snprintf(u->data.err, sizeof u->data.err, "%s", store_error(u->c->st));
		return false;
	}
	int nlead = 0;
	bool ok = !found || (add_role(u, agency, "lead", nums, n) && ((nlead = *n), true) &&
	                     add_role(u, agency, "support", nums, n));
	if (ok && *n)
		ok = ui_data_prefetch(&u->data, *nums, *n);
	if (ok)
		title_of(u, *nums, *n, nlead, title, len);
	return ok;
}

view *ui_mine_new(ui *u)
{
	ui_tasklist_source src = { .load = load_mine, .agency = u->c->who.agency, .kind = "mine", .standing = true };
	return ui_tasklist_new(u, &src);
}
