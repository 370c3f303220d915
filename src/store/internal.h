/* Shared by the store's own files only. */
#ifndef DUCHA_STORE_INTERNAL_H
#define DUCHA_STORE_INTERNAL_H
#include "ducha/db.h"
#include "ducha/store.h"

struct store {
	db *db;
	store_failure failure;
	char *theirs;                /* JSON of the other side of a conflict */
	bool snapshot;               /* opened immutable: see store_open */
};

/* Appends an audit row chained to the previous one; inside a transaction. */
bool store_audit_append(store *s, const actor *who, const char *action, const char *object,
                        const char *old_json, const char *new_json);
#endif
