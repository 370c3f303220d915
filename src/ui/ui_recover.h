#ifndef DUCHA_UI_RECOVER_H
#define DUCHA_UI_RECOVER_H
/* Drafts that outlive a dropped connection. Every form holding unsaved
 * input, open or kept in u->drafts, goes into [report] folder/drafts/
 * USER.draft (format in draft.h) when the terminal goes away or SIGHUP or
 * SIGTERM arrives, and again whenever the screens or the kept drafts
 * change; the next start by the same user puts them back into u->drafts.
 * A session replaces only the records it wrote or took over, so the drafts
 * of another plan, or of another session of the same user, stay in the file.
 * Without a call to ui_recover_start (the screen tests) all of this is off. */
#include <stdbool.h>
#include "ui_view.h"

/* After the data is open: this plan's drafts back into u->drafts, and a
 * message saying which (or why a file could not be read). */
void ui_recover_start(ui *u);
/* After a plan switch: that plan's drafts come back. */
void ui_recover_restore(ui *u);
/* After each event: rewrites the file when screens or drafts changed and
 * the unsaved input is not what the file already holds. */
void ui_recover_sync(ui *u);
/* The connection is gone: every unsaved form into the file. */
void ui_recover_save_all(ui *u);
/* The user quit and agreed to lose the drafts: this session's records go. */
void ui_recover_discard(ui *u);
void ui_recover_close(ui *u);
#endif
