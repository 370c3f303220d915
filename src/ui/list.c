/* A selection that scrolls with it. */
#include "ui_list.h"

#include <stdio.h>

static void clamp(ui_list *l)
{
	if (l->height < 1)
		l->height = 1;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + l->height)
		l->top = l->sel - l->height + 1;
	if (l->top > l->n - l->height)
		l->top = l->n - l->height;
	if (l->top < 0)
		l->top = 0;
}

void ui_list_fit(ui_list *l, int n, int height)
{
	l->n = n;
	l->height = height;
	clamp(l);
}

bool ui_list_action(ui_list *l, ui_action a)
{
	switch (a) {
	case UI_ACT_UP: l->sel--; break;
	case UI_ACT_DOWN: l->sel++; break;
	case UI_ACT_PAGE_UP: l->sel -= l->height; l->top -= l->height; break;
	case UI_ACT_PAGE_DOWN: l->sel += l->height; l->top += l->height; break;
	case UI_ACT_FIRST: l->sel = 0; break;
	case UI_ACT_LAST: l->sel = l->n - 1; break;
	default: return false;
	}
	clamp(l);
	return true;
}

int ui_list_step(ui_list *l, int at, int delta)
{
	if (at < 0 || at + delta < 0 || at + delta >= l->n)
		return -1;
	l->sel = at + delta;
	clamp(l);
	return l->sel;
}

int ui_list_step_from(ui_list *l, const int *nums, int from, int delta)
{
	int at = -1;
	for (int i = 0; i < l->n && at < 0; i++)
		if (nums[i] == from)
			at = i;
	if (at < 0)
		return -1;
	return ui_list_step(l, at, delta) < 0 ? 0 : nums[l->sel];
}

void ui_list_position(const ui_list *l, char *buf, size_t len)
{
	bool above = l->top > 0, below = l->top + l->height < l->n;
	if (l->n == 0) {
		snprintf(buf, len, "%s", "");
		return;
	}
	snprintf(buf, len, "%d/%d%s%s%s", l->sel + 1, l->n, above || below ? " " : "", above ? "\u2191" : "",
	         below ? "\u2193" : "");
}

bool ui_list_click(ui_list *l, int row)
{
	if (row < 0 || row >= l->height || l->top + row >= l->n)
		return false;
	l->sel = l->top + row;
	return true;
}

bool ui_list_mouse(ui_list *l, ui_mouse_kind kind, int y, int top_y)
{
	if (kind == UI_MOUSE_WHEEL_UP || kind == UI_MOUSE_WHEEL_DOWN) {
		ui_list_wheel(l, kind == UI_MOUSE_WHEEL_UP ? -3 : 3);
		return false;
	}
	return ui_list_click(l, y - top_y) && kind == UI_MOUSE_DOUBLE;
}

void ui_list_wheel(ui_list *l, int delta)
{
	l->top += delta;
	l->sel += delta;
	clamp(l);
}
