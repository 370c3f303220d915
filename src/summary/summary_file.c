/* A summary rendered in the format asked for, to a stream or into a file
 * that appears only when written whole. */
#include "ducha/summary.h"
#include "ducha/document.h"
#include "ducha/userfile.h"
#include "ducha/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Text, HTML, PDF and .docx say the same: one document, built once. */
static bool render_document(const summary *s, const summary_output *o, FILE *out, char *err, size_t errlen)
{
	config *defaults = NULL;
	const config_document *cfg = o->doc;
	if (!cfg) {
		defaults = xcalloc(1, sizeof *defaults);
		config_defaults(defaults);
		cfg = &defaults->doc;
	}
	document d;
	document_build(&d, s, cfg);
	bool ok;
	switch (o->fmt) {
	case FMT_PDF: ok = document_render_pdf(&d, cfg, out, err, errlen); break;
	case FMT_DOCX: ok = document_render_docx(&d, cfg, out, err, errlen); break;
	case FMT_HTML: ok = summary_render_html_document(&d, out); break;
	default: ok = summary_render_text_document(&d, o->page_width, o->page_length, out); break;
	}
	document_free(&d);
	free(defaults);
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
	case FMT_JSON: return summary_render_json(s, st, out);
	case FMT_XLSX: return summary_render_xlsx(s, out, err, errlen);
	case FMT_HTML:
	case FMT_PDF:
	case FMT_DOCX:
	case FMT_TEXT: break;
	}
	return render_document(s, o, out, err, errlen);
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
