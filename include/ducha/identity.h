#ifndef DUCHA_IDENTITY_H
#define DUCHA_IDENTITY_H
/* Who is running: from the operating system (getuid), never from $USER. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ducha/model.h"

/* How this copy is shared: a setgid binary, or the config installed
 * system-wide. Either (or a configured service account) with no [users]
 * refuses to run: only a personal copy may be a single-user desk. */
enum { IDENTITY_SETGID = 1, IDENTITY_INSTALLED_CONFIG = 2 };

/* user_opt: the --user given on the command line, or NULL. */
bool identity_resolve(const config *c, const char *user_opt, unsigned shared, actor *out,
                      char *err, size_t errlen);
#endif
