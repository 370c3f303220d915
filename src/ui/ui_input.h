#ifndef DUCHA_UI_INPUT_H
#define DUCHA_UI_INPUT_H
/* Where keys come from: the terminal (get_wch, so Chinese typed or pasted
 * arrives whole), or a key script for the golden screen tests. */
#include <stdbool.h>
#include <stdio.h>
#include "ui_keys.h"

typedef enum ui_event_kind { UI_EV_KEY, UI_EV_MOUSE, UI_EV_RESIZE } ui_event_kind;
typedef enum ui_mouse_kind { UI_MOUSE_CLICK, UI_MOUSE_DOUBLE, UI_MOUSE_WHEEL_UP, UI_MOUSE_WHEEL_DOWN } ui_mouse_kind;

typedef struct ui_event {
	ui_event_kind kind;
	ui_key key;
	ui_mouse_kind mouse;
	int y, x;
} ui_event;

typedef struct ui_input ui_input;

/* Hooks of a script: dump the screen at <dump>; hook gets any other <token>
 * the script holds (test-only actions) and returns false when unknown. */
typedef struct ui_script_hooks {
	void (*dump)(void *ctx, const char *label, bool marked);
	bool (*hook)(void *ctx, const char *token);
	void *ctx;
} ui_script_hooks;

ui_input *ui_input_terminal(void);
/* Teaches curses the Home, End, Delete, arrow and F1-F4 sequences of the
 * common terminals (after keypad is on). */
void ui_input_know_sequences(void);
/* SIGHUP (the connection dropped) and SIGTERM end the wait for a key: the
 * handler only notes the signal, ui_input_next then returns false.
 * Install before curses starts, so that curses leaves SIGTERM to us. */
void ui_input_catch_stop(void);
void ui_input_release_stop(void);
/* The signal caught, or 0. */
int  ui_input_stop_signal(void);
/* Script syntax: text is typed as it stands (line ends are ignored, a line
 * starting with # is a comment); <Name> is a key by the names of
 * ui_key_parse (<Enter>, <Esc>, <S-Tab>, <F2>, <^S>); <lt> is "<";
 * <resize COLSxROWS>, <click X Y>, <dclick X Y>, <wheel-up X Y>,
 * <wheel-down X Y>, <dump> and <dump LABEL>, <dump-marked LABEL> (a line of
 * ^ under the cells drawn as a search match, UI_E_MATCH, after each row). */
ui_input *ui_input_script(const char *path, const ui_script_hooks *hooks, char *err, size_t errlen);
/* The next event; false at the end of input (terminal gone, script done). */
bool ui_input_next(ui_input *in, ui_event *ev);
/* Whether a key has come and waits to be read (it is kept for
 * ui_input_next): work done between keys stops for it. A script never has
 * one waiting, so its screens do not depend on timing. */
bool ui_input_waiting(ui_input *in);
/* The same, waiting up to ms for one to come. */
bool ui_input_wait(ui_input *in, int ms);
bool ui_input_is_script(const ui_input *in);
/* A script that stopped on a bad token says so here ("" otherwise). */
const char *ui_input_error(const ui_input *in);
void ui_input_free(ui_input *in);
#endif
