/* Drafts of unsaved forms and their recovery file (format in draft.h). */
#include "ducha/draft.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

static const char DRAFT_MAGIC[] = "ducha-drafts 1 ";

static char *dup_or_abort(const char *s)
{
	char *p = xstrdup(s ? s : "");
	return p;
}

static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	int c = *cap ? *cap * 2 : 4;
	while (c < need)
		c *= 2;
	void *q = xrealloc(p, (size_t)c * size);
	*cap = c;
	return q;
}

/* --- the records ------------------------------------------------------- */

draft *draft_set_push(draft_set *s)
{
	s->d = grow(s->d, &s->cap, s->n + 1, sizeof *s->d);
	draft *d = &s->d[s->n++];
	memset(d, 0, sizeof *d);
	return d;
}

void draft_free(draft *d)
{
	for (int i = 0; i < d->nvalues; i++) {
		free(d->values[i].indicator);
		free(d->values[i].text);
	}
	free(d->values);
	free(d->seen);
	free(d->id);
	free(d->user);
	free(d->plan);
	free(d->period);
	free(d->status);
	free(d->note_kind);
	free(d->note);
	memset(d, 0, sizeof *d);
}

void draft_set_remove(draft_set *s, int i)
{
	draft_free(&s->d[i]);
	memmove(s->d + i, s->d + i + 1, (size_t)(s->n - i - 1) * sizeof *s->d);
	s->n--;
}

void draft_set_free(draft_set *s)
{
	for (int i = 0; i < s->n; i++)
		draft_free(&s->d[i]);
	free(s->d);
	memset(s, 0, sizeof *s);
}

void draft_add_value(draft *d, const char *indicator, const char *text)
{
	draft_value *p = xrealloc(d->values, (size_t)(d->nvalues + 1) * sizeof *p);
	d->values = p;
	p[d->nvalues].indicator = dup_or_abort(indicator);
	p[d->nvalues].text = dup_or_abort(text);
	d->nvalues++;
}

void draft_add_seen(draft *d, const char *period, int version)
{
	draft_seen *p = xrealloc(d->seen, (size_t)(d->nseen + 1) * sizeof *p);
	d->seen = p;
	snprintf(p[d->nseen].period, sizeof p[d->nseen].period, "%s", period);
	p[d->nseen].version = version;
	d->nseen++;
}

const char *draft_kind_name(draft_kind k)
{
	return k == DRAFT_NOTE ? "note" : "report";
}

/* --- writing ----------------------------------------------------------- */

typedef struct out_buf {
	char *p;
	size_t len, cap;
} out_buf;

static void put(out_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		char *q = xrealloc(b->p, b->cap);
		b->p = q;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void put_field(out_buf *b, const char *name, const char *value)
{
	char head[64];
	size_t n = strlen(value ? value : "");
	int k = snprintf(head, sizeof head, "%s %zu\n", name, n);
	put(b, head, (size_t)k);
	put(b, value ? value : "", n);
	put(b, "\n", 1);
}

static void put_number(out_buf *b, const char *name, int n)
{
	char num[16];
	snprintf(num, sizeof num, "%d", n);
	put_field(b, name, num);
}

static void put_draft(out_buf *b, const draft *d)
{
	put_field(b, "draft", d->id);
	put_field(b, "user", d->user);
	put_field(b, "kind", draft_kind_name(d->kind));
	put_field(b, "plan", d->plan);
	put_number(b, "task", d->task);
	if (d->kind == DRAFT_REPORT) {
		put_field(b, "period", d->period);
		for (int i = 0; i < d->nvalues; i++) {
			put_field(b, "indicator", d->values[i].indicator);
			put_field(b, "value", d->values[i].text);
		}
		put_field(b, "status", d->status);
		for (int i = 0; i < d->nseen; i++) {
			char seen[32];
			snprintf(seen, sizeof seen, "%s %d", d->seen[i].period, d->seen[i].version);
			put_field(b, "seen", seen);
		}
	} else {
		put_field(b, "note-kind", d->note_kind);
		if (d->edits > 0)
			put_number(b, "edits", d->edits);
	}
	put_field(b, "note", d->note);
	put_field(b, "end", "");
}

char *draft_encode(const draft_set *s, size_t *len)
{
	out_buf b = { 0 };
	char head[48];
	int k = snprintf(head, sizeof head, "%s%d\n", DRAFT_MAGIC, s->n);
	put(&b, head, (size_t)k);
	for (int i = 0; i < s->n; i++)
		put_draft(&b, &s->d[i]);
	*len = b.len;
	return b.p;
}

/* --- reading ----------------------------------------------------------- */

typedef struct reader {
	const char *buf;
	size_t pos, len;
	char *err;
	size_t errlen;
} reader;

static bool fail(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(reader *r, const char *fmt, ...)
{
	char what[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(r->err, r->errlen, "第 %zu 字节处%s", r->pos, what);
	return false;
}

/* One field: its name (letters and "-") and its value, which is copied out
 * only after checking that it is UTF-8 without NUL bytes. */
static bool read_field(reader *r, char name[16], char **value)
{
	size_t n = 0, i = r->pos;
	while (i < r->len && n < 15 && ((r->buf[i] >= 'a' && r->buf[i] <= 'z') || r->buf[i] == '-'))
		name[n++] = r->buf[i++];
	name[n] = '\0';
	if (n == 0 || i >= r->len || r->buf[i] != ' ')
		return fail(r, "%s", r->pos >= r->len ? "文件提前结束（缺少字段）" : "应为“字段名 长度”");
	size_t vlen = 0, digits = 0;
	for (i++; i < r->len && r->buf[i] >= '0' && r->buf[i] <= '9' && digits < 9; i++, digits++)
		vlen = vlen * 10 + (size_t)(r->buf[i] - '0');
	if (digits == 0 || i >= r->len || r->buf[i] != '\n')
		return fail(r, "字段 %s 的长度无效", name);
	i++;
	if (vlen > r->len - i || r->len - i - vlen < 1 || r->buf[i + vlen] != '\n')
		return fail(r, "字段 %s 被截断（应有 %zu 字节）", name, vlen);
	size_t bad;
	if (memchr(r->buf + i, '\0', vlen) || !text_utf8_valid(r->buf + i, vlen, &bad))
		return fail(r, "字段 %s 不是有效的 UTF-8 文本", name);
	*value = xmalloc(vlen + 1);
	memcpy(*value, r->buf + i, vlen);
	(*value)[vlen] = '\0';
	r->pos = i + vlen + 1;
	return true;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* The fields a draft holds at most once. */
enum {
	F_USER = 1, F_KIND = 2, F_PLAN = 4, F_TASK = 8, F_PERIOD = 16, F_STATUS = 32,
	F_NOTE_KIND = 64, F_NOTE = 128, F_EDITS = 256,
};

static const struct { const char *name; unsigned bit; } single_fields[] = {
	{ "user", F_USER }, { "kind", F_KIND }, { "plan", F_PLAN }, { "task", F_TASK },
	{ "period", F_PERIOD }, { "status", F_STATUS }, { "note-kind", F_NOTE_KIND }, { "note", F_NOTE },
	{ "edits", F_EDITS },
};

typedef struct draft_parse {
	draft *d;
	unsigned got;               /* F_* fields read so far */
	char *indicator;            /* an indicator waiting for its value */
} draft_parse;

static char **text_slot(draft *d, unsigned bit)
{
	switch (bit) {
	case F_USER: return &d->user;
	case F_PLAN: return &d->plan;
	case F_PERIOD: return &d->period;
	case F_STATUS: return &d->status;
	case F_NOTE_KIND: return &d->note_kind;
	default: return &d->note;
	}
}

/* kind and task are parsed; the others are kept as text. v is consumed. */
static bool single_field(reader *r, draft_parse *p, const char *name, unsigned bit, char *v)
{
	bool ok = true;
	if (p->got & bit) {
		free(v);
		return fail(r, "字段 %s 重复", name);
	}
	p->got |= bit;
	if (bit == F_KIND) {
		ok = strcmp(v, "report") == 0 || strcmp(v, "note") == 0;
		p->d->kind = strcmp(v, "note") == 0 ? DRAFT_NOTE : DRAFT_REPORT;
		free(v);
		return ok || fail(r, "kind 应为 report 或 note");
	}
	if (bit == F_TASK) {
		ok = parse_int(v, 1, 1000000, &p->d->task);
		free(v);
		return ok || fail(r, "task 应为任务序号");
	}
	if (bit == F_EDITS) {
		ok = parse_int(v, 1, INT_MAX, &p->d->edits);
		free(v);
		return ok || fail(r, "edits 应为记录的编号");
	}
	*text_slot(p->d, bit) = v;
	return true;
}

static bool seen_field(reader *r, draft *d, char *v)
{
	char period[8];
	int version, used = 0;
	bool ok = sscanf(v, "%7s %d%n", period, &version, &used) == 2 && v[used] == '\0' && version >= 0;
	if (ok)
		draft_add_seen(d, period, version);
	free(v);
	return ok || fail(r, "seen 字段应为“YYYYQn 版本号”");
}

/* One field inside a draft; *done at "end". v is consumed. */
static bool draft_field(reader *r, draft_parse *p, const char *name, char *v, bool *done)
{
	for (size_t i = 0; i < sizeof single_fields / sizeof single_fields[0]; i++)
		if (strcmp(name, single_fields[i].name) == 0)
			return single_field(r, p, name, single_fields[i].bit, v);
	if (strcmp(name, "seen") == 0)
		return seen_field(r, p->d, v);
	if (strcmp(name, "indicator") == 0 && !p->indicator) {
		p->indicator = v;
		return true;
	}
	if (strcmp(name, "value") == 0 && p->indicator) {
		draft_add_value(p->d, p->indicator, v);
		free(p->indicator);
		free(v);
		p->indicator = NULL;
		return true;
	}
	free(v);
	if (strcmp(name, "end") == 0 && !p->indicator) {
		*done = true;
		return true;
	}
	if (!strcmp(name, "indicator") || !strcmp(name, "value") || !strcmp(name, "end"))
		return fail(r, "indicator 与 value 字段应成对出现");
	return fail(r, "未知字段 %s", name);
}

/* Whatever a draft must say; absent text fields become "". */
static bool draft_complete(reader *r, draft_parse *p)
{
	unsigned need = F_USER | F_KIND | F_PLAN | F_TASK;
	if (p->d->kind == DRAFT_REPORT)
		need |= F_PERIOD | F_STATUS;
	if ((p->got & need) != need)
		return fail(r, "草稿 %s 缺少必需的字段（user、kind、plan、task%s）", p->d->id,
		            p->d->kind == DRAFT_REPORT ? "、period、status" : "");
	for (size_t i = 0; i < sizeof single_fields / sizeof single_fields[0]; i++) {
		unsigned bit = single_fields[i].bit;
		if (bit != F_KIND && bit != F_TASK && !*text_slot(p->d, bit))
			*text_slot(p->d, bit) = dup_or_abort("");
	}
	return true;
}

static bool read_draft(reader *r, draft *d)
{
	char name[16], *v;
	if (!read_field(r, name, &v))
		return false;
	if (strcmp(name, "draft") != 0 || !v[0]) {
		free(v);
		return fail(r, "应以非空的 draft 字段开始一份草稿");
	}
	d->id = v;
	draft_parse p = { d, 0, NULL };
	bool done = false, ok = true;
	while (ok && !done)
		ok = read_field(r, name, &v) && draft_field(r, &p, name, v, &done);
	free(p.indicator);
	return ok && draft_complete(r, &p);
}

static bool read_header(reader *r, int *count)
{
	size_t m = sizeof DRAFT_MAGIC - 1;
	const char *nl = memchr(r->buf, '\n', r->len < 40 ? r->len : 40);
	if (r->len < m || memcmp(r->buf, DRAFT_MAGIC, m) != 0 || !nl)
		return fail(r, "不是 ducha 草稿文件（应以“%s草稿份数”开头）", DRAFT_MAGIC);
	char num[40];
	snprintf(num, sizeof num, "%.*s", (int)(nl - r->buf - (ptrdiff_t)m), r->buf + m);
	if (!parse_int(num, 0, DRAFT_MAX, count))
		return fail(r, "草稿份数无效");
	r->pos = (size_t)(nl - r->buf) + 1;
	return true;
}

bool draft_decode(const char *buf, size_t len, draft_set *out, char *err, size_t errlen)
{
	reader r = { buf, 0, len, err, errlen };
	draft_set s = { 0 };
	int count;
	bool ok = read_header(&r, &count);
	for (int i = 0; ok && i < count; i++)
		ok = read_draft(&r, draft_set_push(&s));
	if (ok && r.pos != len)
		ok = fail(&r, "文件头说有 %d 份草稿，之后还有多余内容", count);
	if (!ok) {
		draft_set_free(&s);
		return false;
	}
	*out = s;
	return true;
}

/* --- the file ------------------------------------------------------------ */

/* The whole file, at most DRAFT_FILE_MAX bytes. */
static char *slurp(int fd, size_t *len, char *err, size_t errlen)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > DRAFT_FILE_MAX) {
		snprintf(err, errlen, "%s", S_ISREG(st.st_mode) ? "文件过大" : "不是普通文件");
		return NULL;
	}
	size_t size = (size_t)st.st_size, n = 0;
	char *buf = xmalloc(size + 1);
	while (n < size) {
		ssize_t k = read(fd, buf + n, size - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			snprintf(err, errlen, "%s", k < 0 ? strerror(errno) : "读取时文件变短了");
			free(buf);
			return NULL;
		}
		n += (size_t)k;
	}
	*len = n;
	return buf;
}

draft_read_result draft_read_file(const char *path, draft_set *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return DRAFT_FILE_NONE;
	if (fd < 0) {
		snprintf(err, errlen, "无法读取：%s", strerror(errno));
		return DRAFT_FILE_BAD;
	}
	size_t len = 0;
	char why[300];
	char *buf = slurp(fd, &len, why, sizeof why);
	close(fd);
	if (!buf) {
		snprintf(err, errlen, "无法读取：%s", why);
		return DRAFT_FILE_BAD;
	}
	bool ok = draft_decode(buf, len, out, err, errlen);
	free(buf);
	return ok ? DRAFT_FILE_OK : DRAFT_FILE_BAD;
}

void draft_file_name(const char *user, char *out, size_t len)
{
	size_t n = 0, room = len > 7 ? len - 7 : 0;   /* ".draft" and NUL */
	for (const char *p = user; *p && n + 1 < room; p++) {
		char c = *p;
		bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		            c == '.' || c == '_' || c == '-';
		out[n++] = keep ? c : '_';
	}
	if (n == 0 && room > 1)
		out[n++] = '_';
	snprintf(out + n, len - n, ".draft");
}
