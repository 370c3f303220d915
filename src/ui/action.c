/* The action table, expanded from UI_ACTIONS. */
#include "ui_action.h"

#include <string.h>

static const ui_action_info actions[UI_ACTION_COUNT] = {
#define UI_ACTION_INFO(id, name, scope, keys, hz, he, lz, le) \
	[UI_ACT_##id] = { name, scope, keys, { hz, he }, { lz, le } },
	UI_ACTIONS(UI_ACTION_INFO)
#undef UI_ACTION_INFO
};

const ui_action_info *ui_action_get(ui_action a)
{
	return &actions[a];
}

ui_action ui_action_find(const char *name)
{
	for (int a = 0; a < UI_ACTION_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (ui_action)a;
	return UI_ACT_NONE;
}
