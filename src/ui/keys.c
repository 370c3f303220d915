/* Key names, and the key map from the action table and [keys]. */
#include "ui_keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ui_edit.h"

typedef struct named_key {
	const char *name;
	ui_key key;
} named_key;

#define FN(k) (UI_KEY_FN + (k))
/* The first name of a key is the one shown. */
static const named_key named[] = {
	{ "Enter", UI_KEY_ENTER }, { "Esc", UI_KEY_ESC }, { "Tab", UI_KEY_TAB },
	{ "S-Tab", FN(KEY_BTAB) }, { "BackTab", FN(KEY_BTAB) }, { "Space", ' ' },
	{ "Backspace", FN(KEY_BACKSPACE) }, { "BS", FN(KEY_BACKSPACE) },
	{ "Delete", FN(KEY_DC) }, { "Del", FN(KEY_DC) }, { "Insert", FN(KEY_IC) },
	{ "Up", FN(KEY_UP) }, { "Down", FN(KEY_DOWN) }, { "Left", FN(KEY_LEFT) },
	{ "Right", FN(KEY_RIGHT) }, { "Home", FN(KEY_HOME) }, { "End", FN(KEY_END) },
	{ "PgUp", FN(KEY_PPAGE) }, { "PageUp", FN(KEY_PPAGE) },
	{ "PgDn", FN(KEY_NPAGE) }, { "PageDown", FN(KEY_NPAGE) },
};

bool ui_key_parse(const char *name, ui_key *out)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(name, named[i].name) == 0) {
			*out = named[i].key;
			return true;
		}
	size_t len = strlen(name);
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12) {
			*out = FN(KEY_F((int)n));
			return true;
		}
	}
	/* ^X or C-x: a control key; ^I, ^M and ^H stay Tab, Enter and Backspace. */
	char letter = 0;
	if (len == 2 && name[0] == '^')
		letter = name[1];
	else if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')
		letter = name[2];
	if (letter && strchr("abcdefgijklnopqrstuvwxyzABCDEFGIJKLNOPQRSTUVWXYZ", letter)) {
		*out = (letter | 0x20) - 'a' + 1;
		return true;
	}
	uint32_t cp;
	if (len && text_decode(name, len, &cp) == len && !text_cp_is_unsafe(cp) && cp != ' ') {
		*out = (ui_key)cp;
		return true;
	}
	return false;
}

void ui_key_name(ui_key k, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == k) {
			snprintf(buf, len, "%s", named[i].name);
			return;
		}
	if (k >= FN(KEY_F(1)) && k <= FN(KEY_F(12)))
		snprintf(buf, len, "F%d", k - FN(KEY_F(0)));
	else if (k == UI_KEY_UNKNOWN)
		snprintf(buf, len, "%s", "?");
	else if (k >= 1 && k <= 26)
		snprintf(buf, len, "^%c", 'A' + k - 1);
	else if (k >= 0x20 && k < UI_KEY_FN) {
		char utf8[5] = { 0 };
		ui_edit_encode((uint32_t)k, utf8);
		snprintf(buf, len, "%s", utf8);
	} else
		snprintf(buf, len, "<%d>", k);
}

ui_key ui_key_from_input(bool function_key, int code)
{
	if (function_key) {
		if (code == KEY_ENTER)
			return UI_KEY_ENTER;
		return FN(code);
	}
	/* Terminals send Enter, Backspace and Delete in more than one way. */
	if (code == '\n')
		return UI_KEY_ENTER;
	if (code == 127 || code == 8)
		return FN(KEY_BACKSPACE);
	return code;
}

bool ui_key_is_text(ui_key k)
{
	/* Only control characters are keys. Anything else typed or pasted is
	 * text, even a bidi control: validate_text, the one input gate, refuses
	 * it at saving with its position, rather than it vanishing unseen. */
	return k >= 0x20 && k < UI_KEY_FN && k != 0x7F && !(k >= 0x80 && k <= 0x9F);
}

static bool add_key(ui_keymap *m, ui_action a, ui_key k)
{
	if (m->nkeys[a] == UI_KEYS_PER_ACTION)
		return false;
	m->keys[a][m->nkeys[a]++] = k;
	return true;
}

/* Parses a space-separated list of key names into the action's keys. */
static bool bind_list(ui_keymap *m, ui_action a, const char *list, char *bad, size_t badlen)
{
	char copy[128];
	snprintf(copy, sizeof copy, "%s", list);
	m->nkeys[a] = 0;
	for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		ui_key k;
		if (!ui_key_parse(tok, &k) || !add_key(m, a, k)) {
			snprintf(bad, badlen, "%s", tok);
			return false;
		}
	}
	return true;
}

/* Whether some screen accepts both scopes: every screen that is not an
 * editor takes the global, list, pane and task actions together. */
static bool meet(unsigned a, unsigned b, ui_key k)
{
	const unsigned browse = UI_SCOPE_GLOBAL | UI_SCOPE_LIST | UI_SCOPE_PANES | UI_SCOPE_TASK;
	if ((a & browse) && (b & browse))
		return true;
	/* In an editor a key that types text is never an action. */
	return (a & UI_SCOPE_EDIT) && (b & UI_SCOPE_EDIT) && !ui_key_is_text(k);
}

/* Two actions that share a key must never meet on one screen; an action used
 * only in editors cannot take a key that types text. */
static bool check_conflicts(const ui_keymap *m, char *err, size_t errlen)
{
	char kn[32];
	for (int a = 0; a < UI_ACTION_COUNT; a++) {
		const ui_action_info *ia = ui_action_get((ui_action)a);
		for (int i = 0; i < m->nkeys[a]; i++) {
			ui_key k = m->keys[a][i];
			ui_key_name(k, kn, sizeof kn);
			if (ia->scope == UI_SCOPE_EDIT && ui_key_is_text(k)) {
				snprintf(err, errlen, "[keys] %s = %s：编辑时该键用于输入文字，请用功能键或 ^X 控制键",
				         ia->name, kn);
				return false;
			}
			for (int b = a + 1; b < UI_ACTION_COUNT; b++) {
				const ui_action_info *ib = ui_action_get((ui_action)b);
				if (!meet(ia->scope, ib->scope, k))
					continue;
				for (int j = 0; j < m->nkeys[b]; j++)
					if (m->keys[b][j] == k) {
						snprintf(err, errlen, "[keys] 按键 %s 同时用于 %s 和 %s", kn, ia->name, ib->name);
						return false;
					}
			}
		}
	}
	return true;
}

/* A key given in [keys] is taken from the default keys of the actions
 * [keys] leaves alone, where the two would meet: a setting written before
 * a new default took that key (quit = Q, before Q quit at once) still
 * works. Two settings that clash are still refused. */
static void take_from_defaults(ui_keymap *m, const bool *set, ui_action a)
{
	unsigned scope = ui_action_get(a)->scope;
	for (int i = 0; i < m->nkeys[a]; i++)
		for (int b = 0; b < UI_ACTION_COUNT; b++) {
			if (set[b] || !meet(scope, ui_action_get((ui_action)b)->scope, m->keys[a][i]))
				continue;
			for (int j = 0; j < m->nkeys[b]; j++)
				if (m->keys[b][j] == m->keys[a][i]) {
					memmove(m->keys[b] + j, m->keys[b] + j + 1, (size_t)(m->nkeys[b] - j - 1) * sizeof(ui_key));
					m->nkeys[b]--;
					j--;
				}
		}
}

bool ui_keymap_init(ui_keymap *m, const config *cfg, char *err, size_t errlen)
{
	bool set[UI_ACTION_COUNT] = { false };
	char bad[64];
	memset(m, 0, sizeof *m);
	for (int a = 0; a < UI_ACTION_COUNT; a++)
		if (!bind_list(m, (ui_action)a, ui_action_get((ui_action)a)->default_keys, bad, sizeof bad)) {
			snprintf(err, errlen, "internal error: default key \"%s\"", bad);
			return false;
		}
	for (int i = 0; i < cfg->nkeys; i++) {
		ui_action a = ui_action_find(cfg->key_names[i]);
		char *name = text_escape(cfg->key_names[i], 0);
		bool ok = a != UI_ACT_NONE;
		if (!ok)
			snprintf(err, errlen, "配置文件 %s: [keys] %s: 没有这个动作（可用的动作见帮助屏幕 ?）",
			         cfg->path, name);
		else if (!(ok = cfg->keys[i][0] && bind_list(m, a, cfg->keys[i], bad, sizeof bad))) {
			char *shown = text_escape(cfg->keys[i][0] ? bad : "", 0);
			snprintf(err, errlen, "配置文件 %s: [keys] %s: \"%s\" 不是按键名（如 q、Enter、Esc、Tab、"
			         "S-Tab、F2、^S、PgDn；一个动作最多 %d 个键，以空格分开）",
			         cfg->path, name, shown, UI_KEYS_PER_ACTION);
			free(shown);
		}
		free(name);
		if (!ok)
			return false;
		set[a] = true;
	}
	for (int a = 0; a < UI_ACTION_COUNT; a++)
		if (set[a])
			take_from_defaults(m, set, (ui_action)a);
	char why[300];
	if (!check_conflicts(m, why, sizeof why)) {
		snprintf(err, errlen, "配置文件 %s: %s", cfg->path[0] ? cfg->path : "（内置）", why);
		return false;
	}
	return true;
}

ui_action ui_keymap_lookup(const ui_keymap *m, ui_key k, unsigned scope)
{
	if ((scope & UI_SCOPE_EDIT) && ui_key_is_text(k))
		return UI_ACT_NONE;
	for (int a = 0; a < UI_ACTION_COUNT; a++) {
		if (!(ui_action_get((ui_action)a)->scope & scope))
			continue;
		for (int i = 0; i < m->nkeys[a]; i++)
			if (m->keys[a][i] == k)
				return (ui_action)a;
	}
	return UI_ACT_NONE;
}

void ui_keymap_describe(const ui_keymap *m, ui_action a, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < m->nkeys[a] && used < len; i++) {
		char kn[32];
		ui_key_name(m->keys[a][i], kn, sizeof kn);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? " " : "", kn);
	}
}

void ui_keymap_first(const ui_keymap *m, ui_action a, char *buf, size_t len)
{
	if (m->nkeys[a] == 0)
		snprintf(buf, len, "-");
	else
		ui_key_name(m->keys[a][0], buf, len);
}
