#include "ducha/audit.h"

#include <openssl/evp.h>
#include <stdio.h>
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
