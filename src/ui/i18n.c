/* Labels in the language of [ui] lang. */
#include "ui_i18n.h"

#include <string.h>

static bool english;

void ui_set_english(bool on)
{
	english = on;
}

bool ui_english(void)
{
	return english;
}

const char *const ui_report_status[UI_REPORT_STATUSES] = { "not-started", "in-progress", "completed" };

const char *ui_status_label(const char *status)
{
	return model_status_label(status, english);
}

const char *ui_role_label(role r)
{
	switch (r) {
	case ROLE_ADMIN: return UI_L("管理员", "admin");
	case ROLE_INSPECTOR: return UI_L("督查人员", "inspector");
	case ROLE_REPORTER: return UI_L("填报人员", "reporter");
	case ROLE_VIEWER: return UI_L("只读", "viewer");
	}
	return "?";
}
