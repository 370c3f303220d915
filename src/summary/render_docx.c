#include "ducha/document.h"
#include <string.h>
bool document_render_docx(const document *d, FILE *out, char *err, size_t errlen)
{
	(void)d; (void)out;
	snprintf(err, errlen, "docx: not yet");
	return false;
}
