#ifndef DUCHA_UI_THEME_H
#define DUCHA_UI_THEME_H
/* Colours as a table of semantic elements (as in htop). Each element has a
 * colour look and a monochrome look; nothing is ever told by colour alone,
 * so NO_COLOR or a monochrome terminal loses no information. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ducha/flag.h"

/* X(ID, name in [colors], default fg, default bg, extra attrs with colour,
 *   attrs without colour). Colours: -1 is the terminal's default. */
#define UI_ELEMENTS(X) \
	X(NORMAL, "normal", -1, -1, 0, 0) \
	X(TITLE, "title", 7, 4, UI_A_BOLD, UI_A_REVERSE) \
	X(TAB, "tab", -1, -1, 0, 0) \
	X(TAB_ACTIVE, "tab-active", 0, 6, UI_A_BOLD, UI_A_REVERSE) \
	X(HEADER, "header", 6, -1, UI_A_BOLD, UI_A_UNDERLINE) \
	X(SELECTED, "selected", 0, 6, 0, UI_A_REVERSE) \
	X(HINT, "hint", 0, 7, 0, UI_A_REVERSE) \
	X(HINT_KEY, "hint-key", 4, 7, UI_A_BOLD, UI_A_REVERSE | UI_A_BOLD) \
	X(MESSAGE, "message", 2, -1, UI_A_BOLD, UI_A_BOLD) \
	X(ERROR, "error", 1, -1, UI_A_BOLD, UI_A_BOLD) \
	X(LABEL, "label", 6, -1, 0, 0) \
	X(DIM, "dim", 4, -1, 0, UI_A_DIM) \
	X(FIELD, "field", -1, -1, UI_A_UNDERLINE, UI_A_UNDERLINE) \
	X(FIELD_ACTIVE, "field-active", 0, 3, 0, UI_A_REVERSE) \
	X(MATCH, "match", 3, -1, UI_A_BOLD | UI_A_UNDERLINE, UI_A_BOLD | UI_A_UNDERLINE) \
	X(FLAG_DONE, "flag-done", 2, -1, 0, 0) \
	X(FLAG_OK, "flag-ok", 2, -1, 0, 0) \
	X(FLAG_DUE_SOON, "flag-due-soon", 3, -1, 0, 0) \
	X(FLAG_BEHIND, "flag-behind", 3, -1, UI_A_BOLD, UI_A_BOLD) \
	X(FLAG_UNREPORTED, "flag-unreported", 5, -1, 0, UI_A_BOLD) \
	X(FLAG_LAGGING, "flag-lagging", 1, -1, UI_A_BOLD, UI_A_BOLD) \
	X(FLAG_OVERDUE, "flag-overdue", 1, -1, UI_A_BOLD | UI_A_REVERSE, UI_A_BOLD | UI_A_REVERSE)

/* Attribute bits, kept apart from curses so this header does not need it. */
enum { UI_A_BOLD = 1, UI_A_REVERSE = 2, UI_A_UNDERLINE = 4, UI_A_DIM = 8 };

typedef enum ui_elem {
#define UI_ELEM_ENUM(id, name, fg, bg, ca, ma) UI_E_##id,
	UI_ELEMENTS(UI_ELEM_ENUM)
#undef UI_ELEM_ENUM
	UI_ELEM_COUNT
} ui_elem;

/* Checks [colors] before the screen starts: element = fg,bg with colour
 * names (default black red green yellow blue magenta cyan white) or numbers
 * 0–255. A one-line message names a wrong setting. */
bool ui_theme_check(const config *cfg, char *err, size_t errlen);
/* After the screen starts: colour when [ui] color and the terminal allow
 * it and NO_COLOR is unset (for color = auto). */
void ui_theme_start(const config *cfg);
bool ui_theme_has_color(void);
/* The curses attributes of an element. */
int  ui_attr(ui_elem e);
ui_elem ui_flag_elem(flag_value f);
/* The element's name as [colors] writes it ("flag-behind"). */
const char *ui_elem_name(ui_elem e);
#endif
