#ifndef DUCHA_TEXT_H
#define DUCHA_TEXT_H
/* UTF-8 text measured in display columns (CJK characters are two columns),
 * and made safe for terminals and printouts. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* Decodes one strict UTF-8 sequence (no overlongs, surrogates, > U+10FFFF).
 * Returns its length in bytes, or 0 if the bytes at s are not valid. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);
/* Whether all of s is strict UTF-8; *bad gets the byte offset of the first error. */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);
/* Display columns of one code point that is printed as itself (0, 1 or 2). */
int  text_cp_width(uint32_t cp);
/* Whether a code point must never reach a terminal raw: C0/C1 controls, DEL,
 * bidi overrides and isolates, line/paragraph separators. */
bool text_cp_is_unsafe(uint32_t cp);
/* Invisible characters that change what a text says (tag characters,
 * word joiners, fillers…): refused on input like the controls. */
bool text_cp_is_invisible(uint32_t cp);

/* Display width of s as text_escape would show it. */
int  text_width(const char *s);

enum { TEXT_KEEP_NEWLINE = 1 };
/* A malloc'd copy in which anything unsafe is shown harmlessly: control
 * characters as ^X or <U+XXXX>, invalid bytes as <XX>. Tabs become a space. */
char *text_escape(const char *s, int flags);
/* A printf whose result is escaped as text_escape does: for every line that
 * may carry stored or typed text to a terminal. Malloc'd. */
char *text_escape_vprintf(int flags, const char *fmt, va_list ap);

/* A malloc'd copy of (escaped) s cut to at most cols columns, ending in "…"
 * when something was cut. */
char *text_truncate(const char *s, int cols);
/* Prints escaped s cut/padded to exactly cols columns. right: align right. */
void text_print_padded(FILE *out, const char *s, int cols, bool right);

/* Wraps escaped s into lines of at most cols columns (cols >= 2). Hard line
 * breaks in s are kept. Chinese closing punctuation never starts a line.
 * Returns the number of lines; *lines is a malloc'd array of malloc'd strings. */
int  text_wrap(const char *s, int cols, char ***lines);
void text_free_lines(char **lines, int n);


/* JSON text made safe for a terminal: inside strings, C1 controls, bidi
 * controls and line separators become \uXXXX escapes and invalid bytes
 * U+FFFD — the same JSON value, minus anything that could steer a terminal. */
char *text_json_safe(const char *json);

/* Chinese numerals for 1–99 as documents number measures: 6 → "六", 21 → "二十一". */
void text_cn_number(int n, char *buf, size_t len);
/* How the full-screen program draws signs (set by it only; commands and
 * documents keep the defaults): TEXT_DISPLAY_ASCII draws …, →, ≥, ✓ and
 * the like in ASCII; TEXT_DISPLAY_AMBIGUOUS_WIDE, for a terminal that
 * draws East Asian ambiguous characters two columns wide, draws those in
 * ASCII (curses would count them one). Widths follow what is drawn. */
enum { TEXT_DISPLAY_ASCII = 1, TEXT_DISPLAY_AMBIGUOUS_WIDE = 2 };
void text_set_display(unsigned mode);
unsigned text_display(void);
/* What is drawn instead of cp in the display mode set, or NULL. */
const char *text_cp_substitute(uint32_t cp);
#endif
