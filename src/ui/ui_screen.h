#ifndef DUCHA_UI_SCREEN_H
#define DUCHA_UI_SCREEN_H
/* The screen as text, read back from what curses last put on the terminal
 * (curscr): what the golden screen tests compare. */
#include <stdbool.h>
#include <stdio.h>

/* A header line with the label, the size and the cursor (when shown), then
 * every row with trailing spaces removed. */
void ui_screen_dump(FILE *out, const char *label, bool cursor_shown);
#endif
