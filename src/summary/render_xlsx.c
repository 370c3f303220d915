#include "ducha/document.h"
#include <string.h>
bool summary_render_xlsx(const summary *s, FILE *out, char *err, size_t errlen)
{
	(void)s; (void)out;
	snprintf(err, errlen, "xlsx: not yet");
	return false;
}
