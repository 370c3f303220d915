/* Text on the screen by display width, always escaped. */
#include "ducha/ui_draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ducha/text.h"
#include "ducha/ui_i18n.h"

/* Safe UTF-8 (from text_truncate) as wide characters for curses. */
static wchar_t *widen(const char *s)
{
	size_t n = strlen(s), k = 0;
	wchar_t *w = malloc((n + 1) * sizeof *w);
	if (!w)
		abort();
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		if (len == 0) {
			cp = 0xFFFD;
			len = 1;
		}
		w[k++] = (wchar_t)cp;
		i += len;
	}
	w[k] = L'\0';
	return w;
}

int ui_put(int y, int x, int w, const char *s, ui_elem e)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	char *cut = text_truncate(s ? s : "", w);
	int used = text_width(cut);
	wchar_t *wide = widen(cut);
	attr_t a = (attr_t)ui_attr(e);
	attron(a);
	mvaddnwstr(y, x, wide, -1);
	attroff(a);
	free(wide);
	free(cut);
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
	int sw = text_width(s ? s : "");
	if (right && sw < w)
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
