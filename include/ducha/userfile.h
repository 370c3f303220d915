#ifndef DUCHA_USERFILE_H
#define DUCHA_USERFILE_H
/* Files a user names (-o, backup FILE, restore FILE, import FILE). In a
 * setgid run they are opened with the user's own ids, so the binary's group
 * gives no extra reach; and a file written is never truncated in place: it
 * is written beside its name and renamed over it when complete. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct userfile_ids {
	gid_t saved;
	bool dropped;
} userfile_ids;

/* From here until userfile_as_program, file opens use the real gid. */
void userfile_as_user(userfile_ids *ids);
void userfile_as_program(const userfile_ids *ids);

/* A file being written to path: a new temporary file beside it. */
typedef struct userfile_out {
	FILE *f;
	char *tmp;
	char *path;
	bool as_user;
} userfile_out;

/* Creates the temporary file (exclusively, never following a link);
 * as_user: a file the user named (else one of the program's own, in the
 * report folder, made with the program's group). */
bool userfile_create(userfile_out *o, const char *path, bool as_user, char *err, size_t errlen);
/* Flushes, syncs and renames it over path; on any failure removes it and
 * leaves whatever path held untouched. */
bool userfile_commit(userfile_out *o, char *err, size_t errlen);
/* Removes the temporary file (nothing written reaches path). */
void userfile_abort(userfile_out *o);
#endif
