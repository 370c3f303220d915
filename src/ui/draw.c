/* Text on the screen by display width, always escaped. */
#include "ui_draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ducha/text.h"
#include "ui_i18n.h"
#include "ducha/xalloc.h"

/* Appends cp as drawn: itself, or what the display mode draws instead
 * (ASCII signs); w has room for 3 characters per byte of the text. */
static size_t add_drawn(wchar_t *w, size_t k, uint32_t cp)
{
	const char *sub = text_cp_substitute(cp);
	if (!sub) {
		w[k++] = (wchar_t)cp;
		return k;
	}
	while (*sub)
		w[k++] = (wchar_t)(unsigned char)*sub++;
	return k;
}

/* Safe UTF-8 (from text_truncate) as wide characters for curses. */
static wchar_t *widen(const char *s)
{
	size_t n = strlen(s), k = 0;
	wchar_t *w = xmalloc((3 * n + 1) * sizeof *w);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		if (len == 0) {
			cp = 0xFFFD;
			len = 1;
		}
		k = add_drawn(w, k, cp);
		i += len;
	}
	w[k] = L'\0';
	return w;
}

/* s as wide characters cut to cols columns the way text_truncate cuts it
 * (the longest prefix that fits cols - 1, then "…"), in one pass and
 * without copies, when s is safe as it stands: valid UTF-8 with nothing to
 * escape, as nearly all text on screen is. This runs for every cell of
 * every row on every keystroke. NULL when s needs escaping first. */
static wchar_t *fit_safe(const char *s, int cols, int *used, bool *cut)
{
	size_t n = strlen(s);
	wchar_t *w = xmalloc((3 * n + 4) * sizeof *w);
	int total = 0, fit_w = 0, ellipsis = text_cp_width(0x2026);
	if (ellipsis > cols)
		ellipsis = 0;           /* a cell narrower than "...": cut without it */
	size_t k = 0, fit_n = 0;
	bool fitting = true;
	for (size_t i = 0; i < n && total <= cols;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		if (len == 0 || text_cp_is_unsafe(cp)) {
			free(w);
			return NULL;
		}
		int cw = text_cp_width(cp);
		if (fitting && fit_w + cw > cols - ellipsis)
			fitting = false;
		k = add_drawn(w, k, cp);
		if (fitting) {
			fit_w += cw;
			fit_n = k;
		}
		total += cw;
		i += len;
	}
	*cut = total > cols;
	if (*cut) {
		k = ellipsis ? add_drawn(w, fit_n, 0x2026) : fit_n;
		total = fit_w + ellipsis;
	}
	w[k] = L'\0';
	*used = total;
	return w;
}

static void put_wide(int y, int x, const wchar_t *wide, ui_elem e)
{
	attr_t a = (attr_t)ui_attr(e);
	attron(a);
	mvaddnwstr(y, x, wide, -1);
	attroff(a);
}

/* The general way, for text that needs escaping. */
static int put_escaped(int y, int x, int w, const char *s, ui_elem e)
{
	char *cut = text_truncate(s, w);
	int used = text_width(cut);
	wchar_t *wide = widen(cut);
	put_wide(y, x, wide, e);
	free(wide);
	free(cut);
	return used;
}

int ui_put(int y, int x, int w, const char *s, ui_elem e)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	int used;
	bool cut;
	wchar_t *wide = fit_safe(s ? s : "", w < 1 ? 1 : w, &used, &cut);
	if (!wide)
		return put_escaped(y, x, w, s ? s : "", e);
	put_wide(y, x, wide, e);
	free(wide);
	return used;
}

void ui_blank(int y, int x, int w, ui_elem e)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attr_t a = (attr_t)ui_attr(e);
	attron(a);
	mvhline(y, x, ' ', w);
	attroff(a);
}

void ui_put_pad(int y, int x, int w, const char *s, ui_elem e, bool right)
{
	if (w <= 0)
		return;
	ui_blank(y, x, w, e);
	if (!right) {
		ui_put(y, x, w, s, e);
		return;
	}
	int used;
	bool cut;
	wchar_t *wide = fit_safe(s ? s : "", w, &used, &cut);
	if (wide) {
		/* Text narrower than the cell moves right; what was cut fills it. */
		free(wide);
		ui_put(y, cut || used >= w ? x : x + w - used, w, s, e);
		return;
	}
	int sw = text_width(s ? s : "");
	if (sw < w)
		x += w - sw;
	ui_put(y, x, w, s, e);
}

static int glyph_width(void)
{
	int g = 0;
	for (int f = 0; f < FLAG_COUNT; f++) {
		int w = text_width(flag_glyph((flag_value)f));
		g = w > g ? w : g;
	}
	return g;
}

int ui_flag_width(void)
{
	int l = 0;
	for (int f = 0; f < FLAG_COUNT; f++) {
		int w = text_width(flag_label((flag_value)f, ui_english()));
		l = w > l ? w : l;
	}
	return glyph_width() + 1 + l;
}

int ui_put_flag(int y, int x, int w, flag_value f)
{
	/* Glyphs are padded to one width so the labels line up. */
	int g = glyph_width();
	ui_elem e = ui_flag_elem(f);
	ui_put_pad(y, x, g < w ? g : w, flag_glyph(f), e, false);
	if (w <= g + 1)
		return w;
	return g + 1 + ui_put(y, x + g + 1, w - g - 1, flag_label(f, ui_english()), e);
}
