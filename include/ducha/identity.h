#ifndef DUCHA_IDENTITY_H
#define DUCHA_IDENTITY_H
/* Who is running: from the operating system (getuid), never from $USER. */
#include <stdbool.h>
#include <stddef.h>
#include "ducha/config.h"
#include "ducha/store.h"

/* user_opt: the --user given on the command line, or NULL. */
bool identity_resolve(const config *c, const char *user_opt, actor *out, char *err, size_t errlen);
#endif
