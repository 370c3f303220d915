#include "ducha/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void userfile_as_user(userfile_ids *ids)
{
	ids->saved = getegid();
	ids->dropped = ids->saved != getgid() && setegid(getgid()) == 0;
}

void userfile_as_program(const userfile_ids *ids)
{
	/* Back to the saved set-group-ID: only the database's own files need it. */
	if (ids->dropped && setegid(ids->saved) != 0)
		abort();
}

static void clear(userfile_out *o)
{
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

static void ids_begin(const userfile_out *o, userfile_ids *ids)
{
	if (o->as_user)
		userfile_as_user(ids);
	else
		*ids = (userfile_ids){ 0, false };
}

bool userfile_create(userfile_out *o, const char *path, bool as_user, char *err, size_t errlen)
{
	memset(o, 0, sizeof *o);
	o->as_user = as_user;
	size_t len = strlen(path) + 40;
	if (!(o->tmp = malloc(len)) || !(o->path = strdup(path)))
		abort();
	userfile_ids ids;
	ids_begin(o, &ids);
	int fd = -1;
	for (int attempt = 0; fd < 0 && attempt < 100; attempt++) {
		snprintf(o->tmp, len, "%s.%ld.%d.tmp", path, (long)getpid(), attempt);
		fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	int saved = errno;
	userfile_as_program(&ids);
	if (fd >= 0 && (o->f = fdopen(fd, "w")) != NULL)
		return true;
	if (fd >= 0) {
		saved = errno;
		close(fd);
		unlink(o->tmp);
	}
	snprintf(err, errlen, "无法写入 %s: %s", path, strerror(saved));
	clear(o);
	return false;
}

bool userfile_commit(userfile_out *o, char *err, size_t errlen)
{
	bool written = !ferror(o->f) && fflush(o->f) == 0 && fsync(fileno(o->f)) == 0;
	int saved = errno;
	written = fclose(o->f) == 0 && written;
	saved = written ? 0 : saved ? saved : errno;
	o->f = NULL;
	userfile_ids ids;
	ids_begin(o, &ids);
	bool ok = written && rename(o->tmp, o->path) == 0;
	if (!ok) {
		saved = saved ? saved : errno;
		unlink(o->tmp);
	}
	userfile_as_program(&ids);
	if (!ok)
		snprintf(err, errlen, "写入 %s 失败: %s", o->path, strerror(saved));
	clear(o);
	return ok;
}

void userfile_abort(userfile_out *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp) {
		userfile_ids ids;
		userfile_as_user(&ids);
		unlink(o->tmp);
		userfile_as_program(&ids);
	}
	clear(o);
}
