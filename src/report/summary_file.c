/* A summary rendered in the format asked for, to a stream or into a file
 * that appears only when written whole. */
#include "ducha/summary.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool summary_render(const summary *s, store *st, const summary_output *o, FILE *out)
{
	switch (o->fmt) {
	case FMT_CSV: return summary_render_csv(s, o->bom, out);
	case FMT_HTML: return summary_render_html(s, out);
	case FMT_JSON: return summary_render_json(s, st, out);
	case FMT_TEXT: break;
	}
	return summary_render_text(s, o->page_width, o->page_length, out);
}

/* A new file beside path, created exclusively (the umask decides its mode,
 * as for the database: group-only under ducha's umask 007). */
static FILE *open_temp(const char *path, char *tmp, size_t len)
{
	for (int attempt = 0; attempt < 100; attempt++) {
		snprintf(tmp, len, "%s.%ld.%d.tmp", path, (long)getpid(), attempt);
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
		if (fd >= 0) {
			FILE *f = fdopen(fd, "w");
			if (!f)
				close(fd);
			return f;
		}
		if (errno != EEXIST)
			return NULL;
	}
	return NULL;
}

bool summary_write_file(const summary *s, store *st, const summary_output *o, const char *path,
                        char *err, size_t errlen)
{
	char tmp[PATH_MAX + 64];
	FILE *f = open_temp(path, tmp, sizeof tmp);
	if (!f) {
		snprintf(err, errlen, "无法写入 %s: %s", path, strerror(errno));
		return false;
	}
	bool rendered = summary_render(s, st, o, f);
	int saved = errno;
	bool written = !ferror(f) && fflush(f) == 0 && fsync(fileno(f)) == 0;
	saved = written ? saved : errno;
	written = fclose(f) == 0 && written;
	if (rendered && written && rename(tmp, path) == 0)
		return true;
	saved = rendered && written ? errno : saved;
	unlink(tmp);
	if (!rendered && o->fmt == FMT_JSON)
		snprintf(err, errlen, "%s", store_error(st));
	else
		snprintf(err, errlen, "写入 %s 失败: %s", path, strerror(saved));
	return false;
}
