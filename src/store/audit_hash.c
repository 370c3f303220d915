#include "ducha/audit.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char audit_genesis_hash[AUDIT_HASH_HEX] =
	"0000000000000000000000000000000000000000000000000000000000000000";

void audit_hash(const char *prev_hex, const char *canonical_row_json, char hex[AUDIT_HASH_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	EVP_DigestUpdate(ctx, prev_hex, strlen(prev_hex));
	EVP_DigestUpdate(ctx, canonical_row_json, strlen(canonical_row_json));
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	for (unsigned int i = 0; i < len && i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	hex[64] = '\0';
}

struct audit_digest {
	EVP_MD_CTX *ctx;
};

audit_digest *audit_digest_begin(void)
{
	audit_digest *d = malloc(sizeof *d);
	if (!d || !(d->ctx = EVP_MD_CTX_new()))
		abort();
	EVP_DigestInit_ex(d->ctx, EVP_sha256(), NULL);
	return d;
}

void audit_digest_add(audit_digest *d, const char *text)
{
	/* A separator no text can hold, so ("ab","c") and ("a","bc") differ. */
	EVP_DigestUpdate(d->ctx, text, strlen(text));
	EVP_DigestUpdate(d->ctx, "\0", 1);
}

void audit_digest_end(audit_digest *d, char hex[AUDIT_HASH_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_DigestFinal_ex(d->ctx, md, &len);
	EVP_MD_CTX_free(d->ctx);
	free(d);
	for (unsigned int i = 0; i < len && i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	hex[64] = '\0';
}
