/* Colours and monochrome looks of the semantic elements. */
#include "ui_theme.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"

typedef struct element {
	const char *name;
	short fg, bg;
	int color_attr, mono_attr;
} element;

static element elements[UI_ELEM_COUNT] = {
#define UI_ELEM_INFO(id, name, fg, bg, ca, ma) [UI_E_##id] = { name, fg, bg, ca, ma },
	UI_ELEMENTS(UI_ELEM_INFO)
#undef UI_ELEM_INFO
};

static bool colour_on, default_colours;
static int attrs[UI_ELEM_COUNT];

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* "red", "default", or 0–255. */
static bool parse_colour(const char *s, short *out)
{
	while (*s == ' ')
		s++;
	char word[24];
	size_t n = strcspn(s, " ");
	if (n == 0 || n >= sizeof word || s[n + strspn(s + n, " ")] != '\0')
		return false;
	memcpy(word, s, n);
	word[n] = '\0';
	if (strcmp(word, "default") == 0) {
		*out = -1;
		return true;
	}
	for (short i = 0; i < 8; i++)
		if (strcmp(word, colour_names[i]) == 0) {
			*out = i;
			return true;
		}
	char *end;
	long v = strtol(word, &end, 10);
	if (*end || v < 0 || v > 255)
		return false;
	*out = (short)v;
	return true;
}

static int find_element(const char *name)
{
	for (int i = 0; i < UI_ELEM_COUNT; i++)
		if (strcmp(elements[i].name, name) == 0)
			return i;
	return -1;
}

static bool parse_pair(const char *value, short *fg, short *bg)
{
	const char *comma = strchr(value, ',');
	if (!comma || strchr(comma + 1, ','))
		return false;
	char left[32];
	snprintf(left, sizeof left, "%.*s", (int)(comma - value), value);
	return parse_colour(left, fg) && parse_colour(comma + 1, bg);
}

bool ui_theme_check(const config *cfg, char *err, size_t errlen)
{
	for (int i = 0; i < cfg->ncolors; i++) {
		int e = find_element(cfg->color_names[i]);
		short fg, bg;
		char *name = text_escape(cfg->color_names[i], 0);
		char *value = text_escape(cfg->colors[i], 0);
		if (e < 0) {
			char known[600];
			size_t n = 0;
			known[0] = '\0';
			for (int k = 0; k < UI_ELEM_COUNT; k++)
				n += (size_t)snprintf(known + n, sizeof known - n, "%s%s", k ? " " : "", elements[k].name);
			snprintf(err, errlen, "配置文件 %s: [colors] %s: 没有这个界面元素（可用：%s）", cfg->path, name, known);
		}
		else if (!parse_pair(cfg->colors[i], &fg, &bg))
			snprintf(err, errlen, "配置文件 %s: [colors] %s: \"%s\" 应写成 前景色,背景色（颜色名 default black "
			         "red green yellow blue magenta cyan white，或 0–255 的色号）", cfg->path, name, value);
		free(name);
		free(value);
		if (e < 0 || !parse_pair(cfg->colors[i], &fg, &bg))
			return false;
		elements[e].fg = fg;
		elements[e].bg = bg;
	}
	return true;
}

static int curses_attrs(int bits)
{
	return ((bits & UI_A_BOLD) ? A_BOLD : 0) | ((bits & UI_A_REVERSE) ? A_REVERSE : 0) |
	       ((bits & UI_A_UNDERLINE) ? A_UNDERLINE : 0) | ((bits & UI_A_DIM) ? A_DIM : 0);
}

/* A colour number the terminal does not have falls back to its default:
 * one config file serves terminals of every kind. Without default colours
 * (use_default_colors), "default" is white on black. */
static short usable(short c, bool fg)
{
	if (c >= COLORS)
		c = -1;
	if (c < 0 && !default_colours)
		return fg ? COLOR_WHITE : COLOR_BLACK;
	return c;
}

void ui_theme_start(const config *cfg)
{
	const char *no_color = getenv("NO_COLOR");
	bool wanted = cfg->color == 1 || (cfg->color == -1 && !(no_color && *no_color));
	colour_on = wanted && has_colors() && start_color() == OK;
	default_colours = colour_on && use_default_colors() == OK;
	for (int i = 0; i < UI_ELEM_COUNT; i++) {
		if (colour_on && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), usable(elements[i].fg, true), usable(elements[i].bg, false));
			attrs[i] = (int)COLOR_PAIR(i + 1) | curses_attrs(elements[i].color_attr);
		} else {
			attrs[i] = curses_attrs(elements[i].mono_attr);
		}
	}
}

bool ui_theme_has_color(void)
{
	return colour_on;
}

int ui_attr(ui_elem e)
{
	return attrs[e];
}

/* The flag elements stand in the flags' order, one each (see DUCHA_FLAGS). */
_Static_assert(UI_E_FLAG_OVERDUE - UI_E_FLAG_DONE + 1 == FLAG_COUNT, "one theme element per flag");

ui_elem ui_flag_elem(flag_value f)
{
	return (ui_elem)(UI_E_FLAG_DONE + (int)f);
}

const char *ui_elem_name(ui_elem e)
{
	return (int)e >= 0 && (int)e < UI_ELEM_COUNT ? elements[e].name : "?";
}
