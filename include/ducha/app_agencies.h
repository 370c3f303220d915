#ifndef DUCHA_APP_AGENCIES_H
#define DUCHA_APP_AGENCIES_H
/* The agencies a database knows, by their names and by their aliases: what
 * an agency cell of a 分工表 (or of a task edited) is split by and checked
 * against. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/plantable.h"
#include "ducha/store.h"

typedef struct agency_names {
	char **names;                /* agencies' own names, sorted */
	int nnames;
	char **aliases, **alias_of;  /* sorted by alias */
	int naliases;
	char **all;                  /* names and aliases, sorted: known */
	plantable_known known;
} agency_names;

/* From st (NULL: none known). False with the store's error in msg. */
bool agency_names_read(store *st, agency_names *k, char *msg, size_t len);
void agency_names_free(agency_names *k);
/* Whether name is an agency's own name. */
bool agency_names_has(const agency_names *k, const char *name);
/* Names given by an alias become the agency's own name (in place); a name
 * then given twice is kept once. Returns the count left. */
int  agency_names_resolve(const agency_names *k, char **names, int n);
/* "市发展改革 — 是否为 市发展改革委？" or "…（数据库中没有相近的单位）". */
void agency_names_describe_new(const agency_names *k, const char *name, char *out, size_t len);
#endif
