#ifndef DUCHA_VALIDATE_H
#define DUCHA_VALIDATE_H
/* The one gate for text entering the database, used by every entry path
 * (TUI, CLI, imports): strict UTF-8, nothing that could steer a terminal,
 * and length limits in characters and bytes. */
#include <stdbool.h>
#include <stddef.h>

typedef struct text_rule {
	const char *field;       /* named in the error, e.g. "备注" */
	int max_chars;
	bool multiline;          /* newline allowed */
	bool required;
} text_rule;

/* Returns true if s passes; otherwise a one-line reason naming the field,
 * the rule broken and the character position (1-based). */
bool validate_text(const text_rule *rule, const char *s, char *err, size_t errlen);

/* A non-negative finite number as typed ("2100", "2,100", "12.5", "１２"). */
bool validate_number(const char *field, const char *s, double *out, char *err, size_t errlen);
/* Whether a unit counts whole things (个, 家, 项, 名, 户 …): its figures are whole numbers. */
bool validate_whole_unit(const char *unit);
#endif
