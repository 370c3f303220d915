/* The screen as text, for the golden screen tests. */
#include "ui_screen.h"

#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "ducha/text.h"
#include "ui_edit.h"

/* One row of curscr as UTF-8, trailing spaces removed. A wide character
 * fills two cells: the second is skipped. */
static void dump_row(FILE *out, int y, int marked)
{
	char line[4096], marks[1024];
	size_t len = 0;
	int nmarks = 0, last_mark = 0;
	for (int x = 0; x < COLS && len + 8 < sizeof line;) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1] = { 0 };
		attr_t attrs = 0;
		short pair = 0;
		uint32_t cp = ' ';
		if (mvwin_wch(curscr, y, x, &cc) == OK && getcchar(&cc, wch, &attrs, &pair, NULL) == OK &&
		    wch[0])
			cp = (uint32_t)wch[0];
		len += ui_edit_encode(cp, line + len);
		int w = text_cp_width(cp);
		w = w > 0 ? w : 1;
		bool hit = marked >= 0 && (attrs & A_ATTRIBUTES & ~A_COLOR) == ((attr_t)marked & A_ATTRIBUTES & ~A_COLOR) &&
		           pair == PAIR_NUMBER(marked);
		for (int k = 0; k < w && nmarks < (int)sizeof marks - 1; k++)
			marks[nmarks++] = hit ? '^' : ' ';
		if (hit)
			last_mark = nmarks;
		x += w;
	}
	while (len && line[len - 1] == ' ')
		len--;
	fprintf(out, "%.*s\n", (int)len, line);
	if (last_mark)
		fprintf(out, "%.*s\n", last_mark, marks);
}

void ui_screen_dump(FILE *out, const char *label, bool cursor_shown, int marked)
{
	int cy, cx;
	getyx(curscr, cy, cx);
	fprintf(out, "=== %s %dx%d", label && *label ? label : "screen", COLS, LINES);
	if (cursor_shown)
		fprintf(out, " cursor %d,%d", cy, cx);
	fprintf(out, " ===\n");
	for (int y = 0; y < LINES; y++)
		dump_row(out, y, marked);
	fflush(out);
}
