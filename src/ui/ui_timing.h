#ifndef DUCHA_UI_TIMING_H
#define DUCHA_UI_TIMING_H
/* How long the full-screen program takes to answer, measured inside it for
 * the benchmarks (make bench). With DUCHA_KEY_TIMING=FILE set, each screen
 * drawn appends a line to FILE:
 *
 *   first - NANOSECONDS BYTES    the first screen: from the start of the process
 *   key NAME NANOSECONDS BYTES   an event: from its arrival to the end of doupdate
 *
 * BYTES is what was sent to the terminal for that screen (-1 when the
 * terminal is not a file whose size can be read). Without the variable
 * nothing is measured or written; a setgid or restricted run ignores it. */
#include "ui_input.h"

typedef struct ui_timing ui_timing;

/* NULL when DUCHA_KEY_TIMING is not set or FILE cannot be written. term_fd:
 * where the terminal output goes. */
ui_timing *ui_timing_open(int term_fd);
/* An event arrived and is about to be handled. */
void ui_timing_event(ui_timing *t, const ui_event *ev);
/* The screen is on the terminal (after doupdate). */
void ui_timing_drawn(ui_timing *t);
void ui_timing_close(ui_timing *t);
#endif
