#include "ducha/config.h"

#include <errno.h>
#include <stddef.h>
#include <iniparser.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ducha/date.h"
#include "ducha/model.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"


typedef struct load_ctx {
	config *c;
	const char *file;
	char dir[PATH_MAX];
	char *err;
	size_t errlen;
} load_ctx;

static bool bad(load_ctx *x, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool bad(load_ctx *x, const char *key, const char *fmt, ...)
{
	char why[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	char *safe = text_escape(key, 0);
	const char *colon = strchr(safe, ':');
	if (colon)
		snprintf(x->err, x->errlen, "配置文件 %s: [%.*s] %s: %s", x->file, (int)(colon - safe), safe,
		         colon + 1, why);
	else
		snprintf(x->err, x->errlen, "配置文件 %s: [%s]: %s", x->file, safe, why);
	free(safe);
	return false;
}

static bool set_string(load_ctx *x, const char *key, const char *v, char *dst, size_t size)
{
	if (strlen(v) >= size)
		return bad(x, key, "值太长（最多 %zu 字节）", size - 1);
	if (!text_utf8_valid(v, strlen(v), NULL))
		return bad(x, key, "值不是有效的 UTF-8");
	for (size_t i = 0, n = strlen(v); i < n;) {
		uint32_t cp;
		i += text_decode(v + i, n - i, &cp);
		if (text_cp_is_unsafe(cp) && cp != '\t')
			return bad(x, key, "值含有控制字符 U+%04X", (unsigned)cp);
	}
	snprintf(dst, size, "%s", v);
	return true;
}

static bool set_path(load_ctx *x, const char *key, const char *v, char *dst, size_t size)
{
	if (*v == '\0')
		return bad(x, key, "路径不能为空");
	if (v[0] == '/' || x->dir[0] == '\0')
		return set_string(x, key, v, dst, size);
	char joined[PATH_MAX * 2];
	snprintf(joined, sizeof joined, "%s/%s", x->dir, v);
	return set_string(x, key, joined, dst, size);
}

static bool set_int(load_ctx *x, const char *key, const char *v, int lo, int hi, int *dst)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno || n < lo || n > hi)
		return bad(x, key, "\"%s\" 不是 %d 到 %d 之间的整数", v, lo, hi);
	*dst = (int)n;
	return true;
}

static bool set_share(load_ctx *x, const char *key, const char *v, double *dst)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	bool percent = *end == '%' && end[1] == '\0';
	if (percent)
		d /= 100;
	if (*v == '\0' || (*end != '\0' && !percent) || errno || !(d >= 0 && d <= 1))
		return bad(x, key, "\"%s\" 不是 0 到 1 之间的比例（如 0.9 或 90%%）", v);
	*dst = d;
	return true;
}

static bool set_choice(load_ctx *x, const char *key, const char *v, const char *const *names,
                       const int *values, int n, int *dst)
{
	char shown[64];
	if (!set_string(x, key, v, shown, sizeof shown))
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0) {
			*dst = values[i];
			return true;
		}
	char allowed[128] = "";
	for (int i = 0; i < n; i++) {
		strncat(allowed, i ? "、" : "", sizeof allowed - strlen(allowed) - 1);
		strncat(allowed, names[i], sizeof allowed - strlen(allowed) - 1);
	}
	return bad(x, key, "\"%s\" 不是可用的值（可用：%s）", v, allowed);
}

/* "reporter:市科委" → role and agency. */
static bool add_user(load_ctx *x, const char *key, const char *name, const char *v)
{
	config *c = x->c;
	if (c->nusers == CONFIG_MAX_USERS)
		return bad(x, key, "用户太多（最多 %d 个）", CONFIG_MAX_USERS);
	config_user *u = &c->users[c->nusers];
	memset(u, 0, sizeof *u);
	char role_name[16];
	const char *colon = strchr(v, ':');
	size_t n = colon ? (size_t)(colon - v) : strlen(v);
	snprintf(role_name, sizeof role_name, "%.*s", (int)(n < 15 ? n : 15), v);
	role r;
	if (n >= sizeof role_name || !model_role_parse(role_name, &r))
		return bad(x, key, "\"%s\" 不是有效的角色（admin、inspector、viewer 或 reporter:单位名称）", v);
	if ((r == ROLE_REPORTER) != (colon != NULL) || (colon && !colon[1]))
		return bad(x, key, "%s", r == ROLE_REPORTER ? "reporter 需要写明单位，如 reporter:市科委"
		                                            : "只有 reporter 角色后面跟单位名称");
	if (!set_string(x, key, name, u->name, sizeof u->name) ||
	    (colon && !set_string(x, key, colon + 1, u->agency, sizeof u->agency)))
		return false;
	u->role = (int)r;
	c->nusers++;
	return true;
}

const config_user *config_find_user(const config *c, const char *name)
{
	for (int i = 0; i < c->nusers; i++)
		if (strcmp(c->users[i].name, name) == 0)
			return &c->users[i];
	return NULL;
}

/* --- the keys: one table for defaults, parsing and the known sections ---- */

typedef enum key_kind { KEY_PATH, KEY_INT, KEY_SHARE, KEY_TEXT, KEY_CHOICE, KEY_DATE } key_kind;

static const char *const lang_names[] = { "zh", "en", NULL };
static const int lang_values[] = { 0, 1 };
static const char *const color_names[] = { "auto", "never", "always", NULL };
static const int color_values[] = { -1, 0, 1 };
static const char *const csv_names[] = { "utf-8-bom", "utf-8", "gb18030", NULL };
static const int csv_values[] = { CSV_UTF8_BOM, CSV_UTF8, CSV_GB18030 };
static const char *const bool_names[] = { "false", "true", "no", "yes", "0", "1", NULL };
static const int bool_values[] = { 0, 1, 0, 1, 0, 1 };
static const char *const ambiguous_names[] = { "auto", "1", "2", NULL };
static const int ambiguous_values[] = { 0, 1, 2 };
static const char *const on_off_names[] = { "off", "on", NULL };
static const int on_off_values[] = { 0, 1 };

/* Every fixed key, with its default as conf/ducha.ini writes it: the
 * defaults are parsed by the same code as the file (test_config checks the
 * file against this table). [keys], [colors] and [users] take any name. */
typedef struct config_key {
	const char *section, *name;
	key_kind kind;
	const char *def;
	size_t offset, size;         /* where in config, and its size for text */
	int lo, hi;                  /* KEY_INT */
	const char *const *choices;  /* KEY_CHOICE: names (NULL-ended) and values */
	const int *values;
	bool as_text;                /* KEY_CHOICE: store the name, not the value */
} config_key;

#define DOCUMENT_REQUIREMENTS                                                                   \
	"各有关单位要对照本通报指出的问题，逐项分析原因，明确整改措施和完成时限，确保按期完成目标任务。\\n" \
	"严重滞后和逾期任务的牵头单位要制定追赶计划，配合单位要主动对接、形成合力。\\n"               \
	"请于{reply_date}前将整改落实情况书面报送{issuer}。"
#define DOCUMENT_NOTICE_REQUIREMENTS                                                        \
	"请你单位对照上述督办事项，逐项分析原因，明确整改措施和完成时限，"                 \
	"于{reply_date}前将办理情况书面报送{issuer}。"
#define AT(field) offsetof(config, field), sizeof ((config *)0)->field
static const config_key key_table[] = {
	{ "database", "path", KEY_PATH, "ducha.db", AT(db_path), 0, 0, NULL, NULL, false },
	{ "database", "busy_timeout_ms", KEY_INT, "5000", AT(busy_timeout_ms), 0, 600000, NULL, NULL, false },
	{ "general", "as_of", KEY_DATE, "", AT(as_of), 0, 0, NULL, NULL, false },
	{ "general", "plan", KEY_TEXT, "", AT(plan), 0, 0, NULL, NULL, false },
	{ "flags", "behind", KEY_SHARE, "0.90", AT(flags.behind), 0, 0, NULL, NULL, false },
	{ "flags", "lagging", KEY_SHARE, "0.70", AT(flags.lagging), 0, 0, NULL, NULL, false },
	{ "flags", "approx_tolerance", KEY_SHARE, "0.05", AT(flags.approx_tolerance), 0, 0, NULL, NULL, false },
	{ "flags", "due_soon_days", KEY_INT, "30", AT(flags.due_soon_days), 0, 366, NULL, NULL, false },
	{ "flags", "report_grace_days", KEY_INT, "15", AT(flags.report_grace_days), 0, 92, NULL, NULL, false },
	{ "ui", "lang", KEY_CHOICE, "zh", AT(lang), 0, 0, lang_names, lang_values, true },
	{ "ui", "color", KEY_CHOICE, "auto", AT(color), 0, 0, color_names, color_values, false },
	{ "ui", "mouse", KEY_CHOICE, "on", AT(mouse), 0, 0, on_off_names, on_off_values, false },
	{ "ui", "ambiguous_width", KEY_CHOICE, "auto", AT(ambiguous_width), 0, 0, ambiguous_names, ambiguous_values, false },
	{ "ui", "ascii", KEY_CHOICE, "false", AT(ascii), 0, 0, bool_names, bool_values, false },
	{ "report", "page_width", KEY_INT, "80", AT(page_width), 60, 400, NULL, NULL, false },
	{ "report", "page_length", KEY_INT, "66", AT(page_length), 0, 1000, NULL, NULL, false },
	{ "report", "folder", KEY_PATH, "reports", AT(report_dir), 0, 0, NULL, NULL, false },
	{ "report", "csv_encoding", KEY_CHOICE, "utf-8-bom", AT(csv_encoding), 0, 0, csv_names, csv_values, false },
	{ "document", "masthead", KEY_TEXT, "督查通报", AT(doc.masthead), 0, 0, NULL, NULL, false },
	{ "document", "number", KEY_TEXT, "", AT(doc.number), 0, 0, NULL, NULL, false },
	{ "document", "issuer", KEY_TEXT, "市政府督查室", AT(doc.issuer), 0, 0, NULL, NULL, false },
	{ "document", "addressees", KEY_TEXT, "各有关单位", AT(doc.addressees), 0, 0, NULL, NULL, false },
	{ "document", "requirements", KEY_TEXT, DOCUMENT_REQUIREMENTS, AT(doc.requirements), 0, 0, NULL, NULL, false },
	{ "document", "notice_requirements", KEY_TEXT, DOCUMENT_NOTICE_REQUIREMENTS, AT(doc.notice_requirements), 0, 0, NULL, NULL, false },
	{ "document", "reply_days", KEY_INT, "15", AT(doc.reply_days), 1, 366, NULL, NULL, false },
	{ "document", "font_body", KEY_TEXT, "Noto Serif CJK SC", AT(doc.font_body), 0, 0, NULL, NULL, false },
	{ "document", "font_title", KEY_TEXT, "Noto Serif CJK SC Bold", AT(doc.font_title), 0, 0, NULL, NULL, false },
	{ "document", "font_heading", KEY_TEXT, "Noto Sans CJK SC", AT(doc.font_heading), 0, 0, NULL, NULL, false },
	{ "document", "font_kai", KEY_TEXT, "Noto Serif CJK SC", AT(doc.font_kai), 0, 0, NULL, NULL, false },
	{ "print", "command", KEY_TEXT, "", AT(print_command), 0, 0, NULL, NULL, false },
	{ "access", "service_account", KEY_TEXT, "", AT(service_account), 0, 0, NULL, NULL, false },
	{ "access", "restricted", KEY_CHOICE, "false", AT(restricted), 0, 0, bool_names, bool_values, false },
};
#undef AT
/* Sections whose keys are names the user chooses. */
static const char *const open_sections[] = { "keys", "colors", "users" };

static int count_names(const char *const *names)
{
	int n = 0;
	while (names[n])
		n++;
	return n;
}

static bool set_key(load_ctx *x, const config_key *k, const char *key, const char *v)
{
	char *field = (char *)x->c + k->offset;
	int chosen = 0;
	switch (k->kind) {
	case KEY_PATH: return set_path(x, key, v, field, k->size);
	case KEY_TEXT: return set_string(x, key, v, field, k->size);
	case KEY_INT: return set_int(x, key, v, k->lo, k->hi, (int *)field);
	case KEY_SHARE: return set_share(x, key, v, (double *)field);
	case KEY_DATE:
		if (*v && !date_parse(v, (int *)field))
			return bad(x, key, "\"%s\" 不是 YYYY-MM-DD 格式的日期", v);
		if (!*v)
			*(int *)field = 0;
		return true;
	case KEY_CHOICE:
		if (!set_choice(x, key, v, k->choices, k->values, count_names(k->choices), &chosen))
			return false;
		if (k->as_text)
			snprintf(field, k->size, "%s", k->choices[chosen]);
		else if (k->size == sizeof(bool))
			*(bool *)field = chosen != 0;
		else
			*(int *)field = chosen;
		return true;
	}
	return false;
}

static bool set_named(load_ctx *x, const char *key, const char *name, const char *v, int max, int *n,
                      char names[][32], char values[][32], const char *too_many)
{
	if (*n == max)
		return bad(x, key, "%s", too_many);
	if (!set_string(x, key, name, names[*n], sizeof names[0]) ||
	    !set_string(x, key, v, values[*n], sizeof values[0]))
		return false;
	(*n)++;
	return true;
}

static bool apply(load_ctx *x, const char *key, const char *v)
{
	config *c = x->c;
	for (size_t i = 0; i < sizeof key_table / sizeof key_table[0]; i++) {
		size_t n = strlen(key_table[i].section);
		if (strncmp(key, key_table[i].section, n) == 0 && key[n] == ':' && strcmp(key + n + 1, key_table[i].name) == 0)
			return set_key(x, &key_table[i], key, v);
	}
	if (!strncmp(key, "keys:", 5))
		return set_named(x, key, key + 5, v, 64, &c->nkeys, c->key_names, c->keys, "按键设置太多");
	if (!strncmp(key, "colors:", 7))
		return set_named(x, key, key + 7, v, 32, &c->ncolors, c->color_names, c->colors, "颜色设置太多");
	if (!strncmp(key, "users:", 6))
		return add_user(x, key, key + 6, v);
	return bad(x, key, "未知的设置项");
}

static bool known_section(const char *name)
{
	for (size_t i = 0; i < sizeof key_table / sizeof key_table[0]; i++)
		if (strcmp(name, key_table[i].section) == 0)
			return true;
	for (size_t i = 0; i < sizeof open_sections / sizeof open_sections[0]; i++)
		if (strcmp(name, open_sections[i]) == 0)
			return true;
	return false;
}

void config_defaults(config *c)
{
	char err[256];
	load_ctx x = { .c = c, .file = "（默认值）", .err = err, .errlen = sizeof err };
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < sizeof key_table / sizeof key_table[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "%s:%s", key_table[i].section, key_table[i].name);
		if (!set_key(&x, &key_table[i], key, key_table[i].def))
			abort();   /* a default that does not parse is a bug in the table */
	}
}

int config_key_count(void)
{
	return (int)(sizeof key_table / sizeof key_table[0]);
}

void config_key_at(int i, const char **section, const char **name, const char **def)
{
	*section = key_table[i].section;
	*name = key_table[i].name;
	*def = key_table[i].def;
}

/* iniparser reports syntax errors through a printf-style callback. */
static char parse_error[256];
static int capture_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(parse_error, sizeof parse_error, fmt, ap);
	va_end(ap);
	for (char *p = parse_error; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return 0;
}

enum { CONFIG_MAX_BYTES = 1 << 20, CONFIG_MAX_LINE = 1000 };

/* The first problem iniparser would hide (it cuts at NUL bytes and long
 * lines): NUL, over-long lines, invalid UTF-8. Returns its line, or 0. */
static int first_bad_line(const char *text, size_t len, const char **what)
{
	int line = 1;
	for (size_t start = 0; start < len; line++) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (memchr(text + start, '\0', end - start)) {
			*what = "含有 NUL 字节";
			return line;
		}
		if (end - start > CONFIG_MAX_LINE) {
			*what = "太长（最多 1000 字节）";
			return line;
		}
		if (!text_utf8_valid(text + start, end - start, NULL)) {
			*what = "不是有效的 UTF-8";
			return line;
		}
		for (size_t i = start; i < end;) {
			uint32_t cp;
			i += text_decode(text + i, end - i, &cp);
			if (text_cp_is_unsafe(cp) && cp != '\t' && cp != '\r') {
				*what = "含有控制字符";
				return line;
			}
		}
		start = end + 1;
	}
	return 0;
}

/* What iniparser would silently accept: a key before any section, a
 * section name holding ':' (its key separator), a key given twice. */
typedef struct seen_keys {
	char **names;
	int n, cap;
} seen_keys;

static bool seen_add(seen_keys *k, const char *name)
{
	for (int i = 0; i < k->n; i++)
		if (strcmp(k->names[i], name) == 0)
			return false;
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->names = xrealloc(k->names, (size_t)k->cap * sizeof *k->names);
	}
	if (!(k->names[k->n++] = strdup(name)))
		abort();
	return true;
}

static void seen_free(seen_keys *k)
{
	for (int i = 0; i < k->n; i++)
		free(k->names[i]);
	free(k->names);
}

static void lower_trim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

/* One line's part in the structure check; returns a problem or NULL. */
static const char *scan_line(const char *line, size_t len, char *section, size_t seclen,
                             seen_keys *keys)
{
	char buf[CONFIG_MAX_LINE + 1];
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	snprintf(buf, sizeof buf, "%.*s", (int)(len - i), line + i);
	lower_trim(buf);
	if (!buf[0] || buf[0] == ';' || buf[0] == '#')
		return NULL;
	if (buf[0] == '[') {
		char *close = strchr(buf, ']');
		if (!close)
			return "节名缺少 ]";
		*close = '\0';
		if (strchr(buf + 1, ':'))
			return "节名不能含有冒号 :";
		snprintf(section, seclen, "%s", buf + 1);
		return NULL;
	}
	char *eq = strchr(buf, '=');
	if (!eq)
		return NULL;   /* iniparser names the syntax error */
	*eq = '\0';
	lower_trim(buf);
	if (!section[0])
		return "设置项出现在第一个 [节] 之前";
	char full[CONFIG_MAX_LINE * 2 + 2];
	snprintf(full, sizeof full, "%s:%s", section, buf);
	return seen_add(keys, full) ? NULL : "设置项重复（每个设置项只能写一次）";
}

static int first_bad_structure(const char *text, size_t len, const char **what)
{
	char section[CONFIG_MAX_LINE + 1] = "";
	seen_keys keys = { 0 };
	int line = 1, found = 0;
	bool continued = false;
	for (size_t start = 0; start < len && !found; line++) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - start;
		while (n && (text[start + n - 1] == '\r' || text[start + n - 1] == ' '))
			n--;
		if (!continued && (*what = scan_line(text + start, n, section, sizeof section, &keys)))
			found = line;
		continued = n && text[start + n - 1] == '\\';
		start = end + 1;
	}
	seen_free(&keys);
	return found;
}

static bool precheck(load_ctx *x, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(x->err, x->errlen, "无法读取配置文件 %s: %s", path, strerror(errno));
		return false;
	}
	char *text = xmalloc(CONFIG_MAX_BYTES + 1);
	size_t len = fread(text, 1, CONFIG_MAX_BYTES + 1, f);
	bool failed = ferror(f);
	fclose(f);
	const char *what = NULL;
	int line = 0;
	if (failed)
		snprintf(x->err, x->errlen, "无法读取配置文件 %s", path);
	else if (len > CONFIG_MAX_BYTES)
		snprintf(x->err, x->errlen, "配置文件 %s 太大（最多 1 MiB）", path);
	else if ((line = first_bad_line(text, len, &what)) != 0 ||
	         (line = first_bad_structure(text, len, &what)) != 0)
		snprintf(x->err, x->errlen, "配置文件 %s 第 %d 行%s", path, line, what);
	free(text);
	return !failed && len <= CONFIG_MAX_BYTES && line == 0;
}

bool config_load(config *c, const char *path, char *err, size_t errlen)
{
	load_ctx x = { .c = c, .file = path, .err = err, .errlen = errlen };
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(err, errlen, "配置文件 %s 不存在或无法访问: %s", path, strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "配置文件 %s 不是普通文件", path);
		return false;
	}
	if (!precheck(&x, path))
		return false;
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", path);
	snprintf(x.dir, sizeof x.dir, "%s", dirname(copy));
	parse_error[0] = '\0';
	iniparser_set_error_callback(capture_error);
	dictionary *d = iniparser_load(path);
	if (!d) {
		snprintf(err, errlen, "配置文件 %s 格式错误: %s", path, parse_error[0] ? parse_error : "无法解析");
		return false;
	}
	snprintf(c->path, sizeof c->path, "%s", path);
	bool ok = true;
	int nsec = iniparser_getnsec(d);
	for (int i = 0; ok && i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		if (!known_section(sec)) {
			snprintf(err, errlen, "配置文件 %s: 未知的节 [%s]", path, sec);
			ok = false;
			break;
		}
		int nkeys = iniparser_getsecnkeys(d, sec);
		const char **keys = xcalloc((size_t)nkeys + 1, sizeof *keys);
		iniparser_getseckeys(d, sec, keys);
		for (int k = 0; ok && k < nkeys; k++)
			ok = apply(&x, keys[k], iniparser_getstring(d, keys[k], ""));
		free(keys);
	}
	if (ok && c->flags.lagging > c->flags.behind) {
		snprintf(err, errlen, "配置文件 %s: [flags] lagging (%.2f) 不能大于 behind (%.2f)", path,
		         c->flags.lagging, c->flags.behind);
		ok = false;
	}
	iniparser_freedict(d);
	return ok;
}
