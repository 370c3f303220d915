#include "ducha/cli_say.h"

#include <stdarg.h>
#include <stdlib.h>

#include "ducha/text.h"

void cli_say(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *safe = text_escape_vprintf(0, fmt, ap);
	va_end(ap);
	fprintf(out, "%s\n", safe);
	free(safe);
}
