#include "ducha/text.h"
#include "ducha/xalloc.h"

#include <stdlib.h>
#include <string.h>

size_t text_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

bool text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

typedef struct range { uint32_t lo, hi; } range;

/* East Asian Wide and Fullwidth blocks (Unicode 15), as glibc's C.UTF-8 measures them. */
static const range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
	{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static const range zero[] = {
	{ 0x0300, 0x036F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
};

static bool in_ranges(uint32_t cp, const range *r, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

static const range ambiguous[] = {
#include "ambiguous.inc"
};

/* The signs drawn differently for a terminal that cannot show them as
 * they are: in ASCII mode every one; with ambiguous characters drawn
 * wide, those that are ambiguous (curses would count them one column
 * and the terminal draw two). Sorted by code point. */
static const struct { uint32_t cp; bool is_ambiguous; const char *ascii; } substitutes[] = {
	{ 0x00B1, true, "+/-" }, { 0x00B7, true, "." }, { 0x00D7, true, "x" }, { 0x00F7, true, "/" },
	{ 0x2013, true, "-" }, { 0x2014, true, "--" }, { 0x2015, true, "-" }, { 0x2018, true, "'" },
	{ 0x2019, true, "'" }, { 0x201C, true, "\"" }, { 0x201D, true, "\"" }, { 0x2026, true, "..." },
	{ 0x2190, true, "<-" }, { 0x2191, true, "^" }, { 0x2192, true, "->" }, { 0x2193, true, "v" },
	{ 0x2248, true, "~" }, { 0x2264, true, "<=" }, { 0x2265, true, ">=" }, { 0x2500, true, "-" },
	/* The trend's bars, lowest to full. */
	{ 0x2581, true, "_" }, { 0x2582, true, "." }, { 0x2583, true, ":" }, { 0x2584, true, "-" },
	{ 0x2585, true, "=" }, { 0x2586, true, "+" }, { 0x2587, true, "*" }, { 0x2588, true, "#" },
	{ 0x2713, false, "v" },
};

static unsigned display_mode;

void text_set_display(unsigned mode)
{
	display_mode = mode;
}

unsigned text_display(void)
{
	return display_mode;
}

const char *text_cp_substitute(uint32_t cp)
{
	if (!display_mode || cp < 0x80)
		return NULL;
	size_t lo = 0, hi = sizeof substitutes / sizeof substitutes[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (substitutes[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool listed = lo < sizeof substitutes / sizeof substitutes[0] && substitutes[lo].cp == cp;
	if (listed && ((display_mode & TEXT_DISPLAY_ASCII) || substitutes[lo].is_ambiguous))
		return substitutes[lo].ascii;
	/* Any other ambiguous character cannot be placed reliably. */
	if ((display_mode & TEXT_DISPLAY_AMBIGUOUS_WIDE) && in_ranges(cp, ambiguous, sizeof ambiguous / sizeof ambiguous[0]))
		return "?";
	return NULL;
}

int text_cp_width(uint32_t cp)
{
	/* The common cases first: ASCII, and the CJK ideographs of every text. */
	if (cp < 0x80)
		return 1;
	if (display_mode) {
		const char *s = text_cp_substitute(cp);
		if (s)
			return (int)strlen(s);
	}
	if (cp < 0x300)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

bool text_cp_is_invisible(uint32_t cp)
{
	/* Characters that draw nothing yet change what a text says or how it
	 * compares: the Arabic letter mark, word joiners and invisible
	 * operators, Hangul fillers, interlinear annotation, musical
	 * formatting, and the tag characters. */
	return cp == 0x061C || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x115F || cp == 0x1160 ||
	       cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool text_cp_is_unsafe(uint32_t cp)
{
	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0x4E00 && cp <= 0x9FFF))
		return false;             /* the common cases, at once */
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0xFEFF ||
	       text_cp_is_invisible(cp);
}

/* A growable byte buffer. */
typedef struct buf {
	char *p;
	size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = xrealloc(b->p, cap);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_adds(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The harmless stand-in for one unsafe code point or byte. */
static void escape_one(buf *b, uint32_t cp, bool invalid_byte)
{
	char tmp[16];
	if (invalid_byte)
		snprintf(tmp, sizeof tmp, "\\x%02X", (unsigned)cp);
	else if (cp == '\t')
		snprintf(tmp, sizeof tmp, " ");
	else if (cp == '\n')
		snprintf(tmp, sizeof tmp, "\xe2\x86\xb5"); /* ↵ */
	else if (cp < 0x20)
		snprintf(tmp, sizeof tmp, "^%c", (char)(cp + 0x40));
	else if (cp == 0x7F)
		snprintf(tmp, sizeof tmp, "^?");
	else if (cp > 0xFFFF)
		snprintf(tmp, sizeof tmp, "\\U%08X", (unsigned)cp);
	else
		snprintf(tmp, sizeof tmp, "\\u%04X", (unsigned)cp);
	buf_adds(b, tmp);
}

char *text_escape(const char *s, int flags)
{
	buf b = { 0 };
	size_t n = s ? strlen(s) : 0, safe_from = 0;
	buf_add(&b, "", 0);
	/* Runs of safe text are copied whole; only what needs it is escaped. */
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		bool escape = k == 0 || (text_cp_is_unsafe(cp) && !(cp == '\n' && (flags & TEXT_KEEP_NEWLINE)));
		if (!escape) {
			i += k;
			continue;
		}
		buf_add(&b, s + safe_from, i - safe_from);
		if (k == 0) {
			escape_one(&b, (unsigned char)s[i], true);
			i++;
		} else {
			escape_one(&b, cp, false);
			i += k;
		}
		safe_from = i;
	}
	buf_add(&b, s + safe_from, n - safe_from);
	return b.p;
}

/* Width of text that is already escaped (all valid, all safe). */
static int safe_width(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			w++;
			i++;
			continue;
		}
		w += cp == '\n' ? 0 : text_cp_width(cp);
		i += k;
	}
	return w;
}

int text_width(const char *s)
{
	/* Text with nothing to escape is measured as it stands, without a copy. */
	int w = 0;
	size_t n = s ? strlen(s) : 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0 || text_cp_is_unsafe(cp))
			break;
		w += text_cp_width(cp);
		i += k;
	}
	if (i == n)
		return w;
	char *e = text_escape(s, 0);
	w = safe_width(e, strlen(e));
	free(e);
	return w;
}

/* Bytes of the n of safe text s that fit in cols columns; *used gets their
 * width. */
static size_t fit(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		int cw = k ? text_cp_width(cp) : 1;
		if (k == 0)
			k = 1;
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	*used = w;
	return i;
}

char *text_truncate(const char *s, int cols)
{
	char *e = text_escape(s, 0);
	int used;
	if (cols < 1)
		cols = 1;
	if (safe_width(e, strlen(e)) <= cols)
		return e;
	/* "…": one column, or as wide as what the display mode draws for it. */
	int ellipsis = text_cp_width(0x2026);
	size_t keep = fit(e, strlen(e), cols > ellipsis ? cols - ellipsis : 0, &used);
	char *t = xrealloc(e, keep + 4);
	memcpy(t + keep, "\xe2\x80\xa6", 4);
	return t;
}

void text_print_padded(FILE *out, const char *s, int cols, bool right)
{
	char *t = text_truncate(s, cols);
	int w = safe_width(t, strlen(t));
	if (right)
		fprintf(out, "%*s", cols - w, "");
	fputs(t, out);
	if (!right)
		fprintf(out, "%*s", cols - w, "");
	free(t);
}

/* Chinese line breaking (避头尾): closing marks never start a line,
 * opening marks never end one. */
static bool no_line_start(uint32_t cp)
{
	static const uint32_t marks[] = { 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF09, 0x300B, 0x300D,
	                                  0x300F, 0x3011, 0x3015, 0x3009, 0xFF01, 0xFF1F, 0x2026, 0x2014,
	                                  0x2019, 0x201D, '%', ',', '.', ';', ':', ')', '!', '?' };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

static bool no_line_end(uint32_t cp)
{
	return cp == 0xFF08 || cp == 0x300A || cp == 0x300C || cp == 0x300E || cp == 0x3010 || cp == 0x3014 ||
	       cp == 0x3008 || cp == 0x2018 || cp == 0x201C || cp == '(';
}

static void push_line(char ***lines, int *n, int *cap, const char *s, size_t len)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		char **p = xrealloc(*lines, sizeof(char *) * (size_t)*cap);
		*lines = p;
	}
	char *line = xmalloc(len + 1);
	memcpy(line, s, len);
	line[len] = '\0';
	(*lines)[(*n)++] = line;
}

/* Byte length of the last code point in s[0..len). */
static size_t last_cp_len(const char *s, size_t len)
{
	size_t k = len;
	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	return k > 0 ? len - (k - 1) : len;
}

/* A run of these is one word: Latin words, and numbers as written
 * ("2016Q4", "49.6%", "2017-12-31", "1,234", "5000家" keeps 5000 whole). */
static bool word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch != '\0' && strchr(".%-+/:_#',", ch) != NULL);
}

/* The start of the code point before byte at. */
static size_t prev_cp_start(const char *p, size_t at)
{
	return at - last_cp_len(p, at);
}

/* One step back from a cut that breaks a rule; the same cut when none. */
static size_t better_cut(const char *p, size_t len, size_t take)
{
	uint32_t next = 0, prev = 0;
	size_t start = prev_cp_start(p, take);
	text_decode(p + take, len - take, &next);
	text_decode(p + start, take - start, &prev);
	if (no_line_start(next) || no_line_end(prev))
		return start;
	/* A number keeps the measure word after it ("21天", "500项"). */
	bool unit_next = next >= 0x3400 && next <= 0x9FFF;
	if ((word_char(p[take]) && word_char(p[take - 1])) || (unit_next && p[take - 1] >= '0' && p[take - 1] <= '9')) {
		size_t k = take;
		while (k > 0 && word_char(p[k - 1]))
			k--;
		return k;
	}
	return take;
}

/* Where a line ends that take bytes would fill: a few steps back at most
 * to obey the rules; a word longer than the line stays cut. */
static size_t break_point(const char *p, size_t take, size_t len)
{
	for (int step = 0; step < 8; step++) {
		size_t better = better_cut(p, len, take);
		if (better == take || better == 0)
			break;
		take = better;
	}
	return take;
}

static void wrap_paragraph(const char *p, size_t len, int cols,
                           char ***lines, int *n, int *cap)
{
	if (len == 0) {
		push_line(lines, n, cap, "", 0);
		return;
	}
	while (len > 0) {
		int used;
		/* Only the paragraph is measured, a line at a time (not the rest of
		 * the text each time). */
		size_t take = fit(p, len, cols, &used);
		if (take == 0)
			take = 1;
		if (take < len)
			take = break_point(p, take, len);
		/* The spaces a line was broken at end neither line. */
		size_t keep = take;
		while (keep > 0 && p[keep - 1] == ' ')
			keep--;
		push_line(lines, n, cap, p, keep ? keep : take);
		p += take;
		len -= take;
		while (len > 0 && *p == ' ') {
			p++;
			len--;
		}
	}
}

int text_wrap(const char *s, int cols, char ***lines)
{
	char *e = text_escape(s, TEXT_KEEP_NEWLINE);
	int n = 0, cap = 0;
	*lines = NULL;
	if (cols < 2)
		cols = 2;
	for (char *p = e;;) {
		char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		wrap_paragraph(p, len, cols, lines, &n, &cap);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(e);
	return n;
}

void text_free_lines(char **lines, int n)
{
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

void text_cn_number(int n, char *out, size_t len)
{
	static const char *const digit[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	if (n < 1 || n > 99) {
		snprintf(out, len, "%d", n);
		return;
	}
	int tens = n / 10, ones = n % 10;
	snprintf(out, len, "%s%s%s", tens > 1 ? digit[tens] : "", tens ? "十" : "", digit[ones]);
}

char *text_json_safe(const char *json)
{
	buf b = { 0 };
	size_t n = strlen(json);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(json + i, n - i, &cp);
		char tmp[16];
		if (k == 0) {
			buf_adds(&b, "\\ufffd");
			i++;
			continue;
		}
		if (cp >= 0x7F && text_cp_is_unsafe(cp)) {
			/* JSON spells a character beyond U+FFFF as a surrogate pair. */
			if (cp > 0xFFFF)
				snprintf(tmp, sizeof tmp, "\\u%04x\\u%04x", (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
				         (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
			else
				snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
			buf_adds(&b, tmp);
		} else {
			buf_add(&b, json + i, k);
		}
		i += k;
	}
	return b.p;
}

char *text_escape_vprintf(int flags, const char *fmt, va_list ap)
{
	char *raw = xvasprintf(fmt, ap);
	char *safe = text_escape(raw, flags);
	free(raw);
	return safe;
}
