#ifndef DUCHA_AUDIT_H
#define DUCHA_AUDIT_H
/* The audit chain's hash: SHA-256 (OpenSSL) over the previous row's hash and
 * a canonical JSON rendering of the row. Pure: no SQL. */
#include <stddef.h>

enum { AUDIT_HASH_HEX = 65 };
extern const char audit_genesis_hash[AUDIT_HASH_HEX];

/* hex = sha256(prev_hex || canonical_row_json) */
void audit_hash(const char *prev_hex, const char *canonical_row_json, char hex[AUDIT_HASH_HEX]);

/* SHA-256 over a sequence of texts (the plan's definition, row by row). */
typedef struct audit_digest audit_digest;
audit_digest *audit_digest_begin(void);
void audit_digest_add(audit_digest *d, const char *text);
void audit_digest_end(audit_digest *d, char hex[AUDIT_HASH_HEX]);
#endif
