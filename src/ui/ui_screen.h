#ifndef DUCHA_UI_SCREEN_H
#define DUCHA_UI_SCREEN_H
/* The screen as text, read back from what curses last put on the terminal
 * (curscr): what the golden screen tests compare. */
#include <stdbool.h>
#include <stdio.h>

/* A header line with the label, the size and the cursor (when shown), then
 * every row with trailing spaces removed. With marked (curses attributes
 * and colour pair; -1: none), a row that has cells drawn so is followed by
 * a line with ^ under them. */
void ui_screen_dump(FILE *out, const char *label, bool cursor_shown, int marked);
#endif
