#ifndef DUCHA_UI_KEYS_H
#define DUCHA_UI_KEYS_H
/* Keys by name ("q", "Enter", "S-Tab", "F2", "^S") and the key map built
 * from the action table's defaults and [keys] in ducha.ini. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ui_action.h"

/* A key: a Unicode code point as typed, or UI_KEY_FN plus a curses KEY_ code
 * (the two ranges never meet: curses codes collide with code points). */
typedef int ui_key;
enum { UI_KEY_FN = 0x200000, UI_KEY_NONE = -1, UI_KEYS_PER_ACTION = 4 };
/* An escape sequence no terminal description names, read whole and
 * dropped: never Esc followed by its characters as keys. */
enum { UI_KEY_UNKNOWN = UI_KEY_FN + 0xFFFF };

/* Named keys, normalised: Enter is '\r', Backspace is the curses code. */
enum { UI_KEY_ENTER = '\r', UI_KEY_ESC = 27, UI_KEY_TAB = '\t' };

bool   ui_key_parse(const char *name, ui_key *out);
void   ui_key_name(ui_key k, char *buf, size_t len);
/* What get_wch returned, as one key: function key or character. */
ui_key ui_key_from_input(bool function_key, int code);
/* Whether the key is text to insert in an editor (printable, not a control). */
bool   ui_key_is_text(ui_key k);

typedef struct ui_keymap {
	ui_key keys[UI_ACTION_COUNT][UI_KEYS_PER_ACTION];
	int nkeys[UI_ACTION_COUNT];
} ui_keymap;

/* Defaults, then [keys] (action = key [key...]). Returns false with a
 * one-line message naming the setting when a name or key is unknown or a
 * key would do two things on one screen. */
bool ui_keymap_init(ui_keymap *m, const config *cfg, char *err, size_t errlen);
/* The action of key on a screen that accepts scope, or UI_ACT_NONE. In an
 * editor, printable keys are always text. */
ui_action ui_keymap_lookup(const ui_keymap *m, ui_key k, unsigned scope);
/* The keys of an action as shown to people: "? F1". */
void ui_keymap_describe(const ui_keymap *m, ui_action a, char *buf, size_t len);
/* The first key only: "F2". */
void ui_keymap_first(const ui_keymap *m, ui_action a, char *buf, size_t len);
#endif
