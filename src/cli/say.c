#include "ducha/cli_say.h"

#include <stdarg.h>
#include <stdlib.h>

#include "ducha/text.h"

void cli_say(FILE *out, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *safe = text_escape(msg, 0);
	fprintf(out, "%s\n", safe);
	free(safe);
}
