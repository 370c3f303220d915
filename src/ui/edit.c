/* Line and multi-line editors over code points, measured in columns. */
#include "ui_edit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

void ui_edit_init(ui_edit *e, bool multiline, int max_chars)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->max_chars = max_chars;
}

void ui_edit_free(ui_edit *e)
{
	free(e->buf);
	e->buf = NULL;
	e->len = e->cap = e->cur = 0;
}

static void reserve(ui_edit *e, int n)
{
	if (n <= e->cap)
		return;
	int cap = e->cap ? e->cap : 32;
	while (cap < n)
		cap *= 2;
	uint32_t *p = xrealloc(e->buf, (size_t)cap * sizeof *p);
	e->buf = p;
	e->cap = cap;
}

void ui_edit_set(ui_edit *e, const char *s)
{
	size_t n = strlen(s ? s : "");
	e->len = e->cur = e->scroll = 0;
	reserve(e, (int)n + 1);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		e->buf[e->len++] = cp;
		i += k;
	}
	e->cur = e->len;
}

size_t ui_edit_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *ui_edit_text(const ui_edit *e)
{
	char *out = xmalloc((size_t)e->len * 4 + 1), *p = out;
	for (int i = 0; i < e->len; i++)
		p += ui_edit_encode(e->buf[i], p);
	*p = '\0';
	return out;
}

bool ui_edit_empty(const ui_edit *e)
{
	return e->len == 0;
}

bool ui_edit_insert(ui_edit *e, uint32_t cp)
{
	if (e->len >= e->max_chars || (cp == '\n' && !e->multiline))
		return false;
	reserve(e, e->len + 1);
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (size_t)(e->len - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = cp;
	e->len++;
	e->modified = true;
	return true;
}

static void delete_range(ui_edit *e, int from, int to)
{
	if (from < 0)
		from = 0;
	if (to > e->len)
		to = e->len;
	if (from >= to)
		return;
	memmove(e->buf + from, e->buf + to, (size_t)(e->len - to) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
	e->modified = true;
}

/* Columns of a character as the editor shows it: anything that must not
 * reach the terminal is drawn as one marked "?". */
static int cell_width(uint32_t cp)
{
	if (cp == '\n')
		return 0;
	return text_cp_is_unsafe(cp) ? 1 : text_cp_width(cp);
}

static int logical_start(const ui_edit *e, int i)
{
	while (i > 0 && e->buf[i - 1] != '\n')
		i--;
	return i;
}

static int logical_end(const ui_edit *e, int i)
{
	while (i < e->len && e->buf[i] != '\n')
		i++;
	return i;
}

/* --- multi-line: rows wrapped by width --------------------------------- */

/* Start of each visual row; one column is kept free for the cursor. Returns
 * the row count; *starts is malloc'd with one extra entry (= len + 1). */
static int wrap_rows(const ui_edit *e, int w, int **starts)
{
	int *s = xmalloc(((size_t)e->len + 2) * sizeof *s), n = 0, col = 0;
	s[n++] = 0;
	for (int i = 0; i < e->len; i++) {
		int cw = cell_width(e->buf[i]);
		if (e->buf[i] == '\n') {
			s[n++] = i + 1;
			col = 0;
			continue;
		}
		if (col + cw > w - 1 && col > 0) {
			s[n++] = i;
			col = 0;
		}
		col += cw;
	}
	s[n] = e->len + 1;
	*starts = s;
	return n;
}

static int row_of(const int *starts, int rows, int cur)
{
	for (int r = 0; r < rows; r++)
		if (cur < starts[r + 1])
			return r;
	return rows - 1;
}

static int col_of(const ui_edit *e, int from, int to)
{
	int col = 0;
	for (int i = from; i < to && i < e->len; i++)
		col += cell_width(e->buf[i]);
	return col;
}

/* Moves the cursor `delta` visual rows, keeping its column. */
static void move_rows(ui_edit *e, int delta, int w)
{
	int *starts;
	int rows = wrap_rows(e, w, &starts);
	int r = row_of(starts, rows, e->cur);
	int want = col_of(e, starts[r], e->cur);
	int t = r + delta;
	t = t < 0 ? 0 : t >= rows ? rows - 1 : t;
	int last = t == rows - 1 ? e->len : starts[t + 1] - 1;
	int i = starts[t], col = 0;
	while (i < last && col + cell_width(e->buf[i]) <= want)
		col += cell_width(e->buf[i++]);
	e->cur = i;
	free(starts);
}

bool ui_edit_action(ui_edit *e, ui_action a, int width, int height)
{
	switch (a) {
	case UI_ACT_LEFT: if (e->cur > 0) e->cur--; return true;
	case UI_ACT_RIGHT: if (e->cur < e->len) e->cur++; return true;
	case UI_ACT_LINE_START: e->cur = logical_start(e, e->cur); return true;
	case UI_ACT_LINE_END: e->cur = logical_end(e, e->cur); return true;
	case UI_ACT_DELETE_BACK: delete_range(e, e->cur - 1, e->cur); return true;
	case UI_ACT_DELETE: {
		int at = e->cur;
		delete_range(e, at, at + 1);
		e->cur = at;
		return true;
	}
	case UI_ACT_KILL_END: {
		int at = e->cur, end = logical_end(e, at);
		delete_range(e, at, end == at && e->multiline ? at + 1 : end);
		e->cur = at;
		return true;
	}
	case UI_ACT_KILL_START: delete_range(e, logical_start(e, e->cur), e->cur); return true;
	case UI_ACT_OPEN:
		return e->multiline && ui_edit_insert(e, '\n');
	case UI_ACT_UP: case UI_ACT_DOWN: case UI_ACT_PAGE_UP: case UI_ACT_PAGE_DOWN:
		if (!e->multiline)
			return false;
		move_rows(e, (a == UI_ACT_UP || a == UI_ACT_PAGE_UP ? -1 : 1) *
		             (a == UI_ACT_UP || a == UI_ACT_DOWN ? 1 : (height > 1 ? height - 1 : 1)), width);
		return true;
	default:
		return false;
	}
}

/* --- drawing ------------------------------------------------------------ */

static void put_cell(int y, int x, uint32_t cp, int attr)
{
	if (text_cp_is_unsafe(cp)) {
		attron((attr_t)attr | A_REVERSE);
		mvaddch(y, x, '?');
		attroff((attr_t)attr | A_REVERSE);
		return;
	}
	wchar_t w[2] = { (wchar_t)cp, L'\0' };
	attron((attr_t)attr);
	mvaddnwstr(y, x, w, 1);
	attroff((attr_t)attr);
}

static void draw_span(const ui_edit *e, int from, int to, int y, int x, int w, int attr)
{
	int col = 0;
	for (int i = from; i < to && i < e->len; i++) {
		int cw = cell_width(e->buf[i]);
		if (e->buf[i] == '\n' || col + cw > w)
			break;
		put_cell(y, x + col, e->buf[i], attr);
		col += cw;
	}
}

static void draw_line(ui_edit *e, int y, int x, int w, int attr, int *cy, int *cx)
{
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	while (e->scroll < e->cur && col_of(e, e->scroll, e->cur) + 1 > w)
		e->scroll++;
	draw_span(e, e->scroll, e->len, y, x, w, attr);
	*cy = y;
	*cx = x + col_of(e, e->scroll, e->cur);
}

static void draw_multi(ui_edit *e, int y, int x, int w, int h, int attr, int *cy, int *cx)
{
	int *starts;
	int rows = wrap_rows(e, w, &starts);
	int r = row_of(starts, rows, e->cur);
	if (e->scroll > r)
		e->scroll = r;
	if (r >= e->scroll + h)
		e->scroll = r - h + 1;
	for (int i = 0; i < h && e->scroll + i < rows; i++) {
		int row = e->scroll + i;
		draw_span(e, starts[row], starts[row + 1], y + i, x, w, attr);
	}
	*cy = y + r - e->scroll;
	*cx = x + col_of(e, starts[r], e->cur);
	free(starts);
}

void ui_edit_draw(ui_edit *e, int y, int x, int w, int h, int attr, int *cy, int *cx)
{
	attron((attr_t)attr);
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	attroff((attr_t)attr);
	if (e->multiline)
		draw_multi(e, y, x, w, h, attr, cy, cx);
	else
		draw_line(e, y, x, w, attr, cy, cx);
}
