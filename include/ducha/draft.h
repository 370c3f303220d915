#ifndef DUCHA_DRAFT_H
#define DUCHA_DRAFT_H
/* What someone typed into a form of the full-screen program and has not
 * saved: written to a recovery file when the connection drops, read back at
 * the next start (src/ui/recover.c). No curses, no SQL.
 *
 * The file (version 1) is a header line and length-prefixed fields, so any
 * text — Chinese, line breaks, "=" or a stray byte count — comes back byte
 * for byte, and a cut or damaged file is noticed rather than half read:
 *
 *   ducha-drafts 1 N\n        header: N drafts follow, then the file ends
 *   NAME LENGTH\nBYTES\n      a field: exactly LENGTH bytes of UTF-8
 *
 * A draft opens with "draft" (its id) and closes with "end" (empty). Between
 * them: user, kind (report | note), plan (its code), task (its number); a
 * report has period, "indicator" and "value" pairs, status, note and "seen"
 * fields ("2017Q3 2": that quarter's report version when the form opened);
 * a note has note-kind (progress | comment) and note, and "edits" (a
 * note's id) when it changes a note written before. */
#include <stdbool.h>
#include <stddef.h>

typedef enum draft_kind { DRAFT_REPORT, DRAFT_NOTE } draft_kind;

typedef struct draft_value {
	char *indicator;            /* the indicator's name */
	char *text;                 /* as typed, even when it is not a number */
} draft_value;

typedef struct draft_seen {
	char period[8];             /* YYYYQn */
	int version;
} draft_seen;

/* Every string is malloc'd and, once decoded, never NULL ("" when absent). */
typedef struct draft {
	char *id;                   /* unique: which session wrote it */
	char *user;
	draft_kind kind;
	char *plan;                 /* the plan's code */
	int task;                   /* the task's number in that plan */
	char *period;               /* report: the quarter field as typed */
	draft_value *values;        /* report: each indicator field */
	int nvalues;
	char *status;               /* report: the status code chosen */
	char *note_kind;            /* note: progress | comment */
	int edits;                  /* note: the id of the note it changes, 0 for a new one */
	char *note;                 /* the report's note, or the note's text */
	draft_seen *seen;           /* report: versions when the form opened */
	int nseen;
} draft;

typedef struct draft_set {
	draft *d;
	int n, cap;
} draft_set;

enum { DRAFT_MAX = 10000, DRAFT_FILE_MAX = 8 << 20 };

/* A new empty draft at the end of s (strings NULL, to be filled). */
draft *draft_set_push(draft_set *s);
/* Frees the i-th draft and closes the gap. */
void draft_set_remove(draft_set *s, int i);
void draft_set_free(draft_set *s);
void draft_free(draft *d);
/* Copies of the strings go into d. */
void draft_add_value(draft *d, const char *indicator, const char *text);
void draft_add_seen(draft *d, const char *period, int version);
/* "report" or "note". */
const char *draft_kind_name(draft_kind k);

/* The file's bytes (malloc'd, *len set). */
char *draft_encode(const draft_set *s, size_t *len);
/* Parses a whole file; false with the first problem (and its byte offset)
 * in err, and nothing in out. */
bool draft_decode(const char *buf, size_t len, draft_set *out, char *err, size_t errlen);

typedef enum draft_read_result { DRAFT_FILE_NONE, DRAFT_FILE_OK, DRAFT_FILE_BAD } draft_read_result;
/* Reads and decodes path (a symbolic link is not followed). NONE: no file;
 * BAD: unreadable, too large or damaged, the reason in err. */
draft_read_result draft_read_file(const char *path, draft_set *out, char *err, size_t errlen);
/* The file name of a user's drafts: "USER.draft", every byte of the name
 * other than [A-Za-z0-9._-] replaced by "_". */
void draft_file_name(const char *user, char *out, size_t len);
#endif
