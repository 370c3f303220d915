/* A summary rendered in the format asked for, to a stream or into a file
 * that appears only when written whole. */
#include "ducha/summary.h"
#include "ducha/document.h"
#include "ducha/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool render_document(const summary *s, const summary_output *o, FILE *out, char *err, size_t errlen)
{
	document d;
	document_build(&d, s, o->doc);
	bool ok = o->fmt == FMT_PDF ? document_render_pdf(&d, o->doc, out, err, errlen)
	                            : document_render_docx(&d, o->doc, out, err, errlen);
	document_free(&d);
	return ok;
}

bool summary_render(const summary *s, store *st, const summary_output *o, FILE *out, char *err, size_t errlen)
{
	char ignored[8];
	if (!err) {
		err = ignored;
		errlen = sizeof ignored;
	}
	*err = '\0';
	switch (o->fmt) {
	case FMT_CSV: return summary_render_csv(s, o->csv_encoding, out);
	case FMT_HTML: return summary_render_html(s, out);
	case FMT_JSON: return summary_render_json(s, st, out);
	case FMT_PDF:
	case FMT_DOCX: return render_document(s, o, out, err, errlen);
	case FMT_XLSX: return summary_render_xlsx(s, out, err, errlen);
	case FMT_TEXT: break;
	}
	return summary_render_text(s, o->page_width, o->page_length, out);
}

bool summary_write_file(const summary *s, store *st, const summary_output *o, const char *path,
                        bool as_user, char *err, size_t errlen)
{
	userfile_out out;
	if (!userfile_create(&out, path, as_user, err, errlen))
		return false;
	if (summary_render(s, st, o, out.f, err, errlen))
		return userfile_commit(&out, err, errlen);
	int saved = errno;
	userfile_abort(&out);
	if (o->fmt == FMT_JSON)
		snprintf(err, errlen, "%s", store_error(st));
	else if (!*err)
		snprintf(err, errlen, "写入 %s 失败: %s", path, strerror(saved));
	return false;
}
