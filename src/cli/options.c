/* The one option parser and usage printer, driven by each command's table. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/cli.h"
#include "ducha/text.h"

enum { SYNOPSIS_COLUMNS = 96, OPTION_VAL_BASE = 256 };

static size_t option_count(const cli_command *spec)
{
	size_t n = 0;
	while (spec->options && spec->options[n].name)
		n++;
	return n;
}

int cli_option_index(const cli_command *spec, const char *name)
{
	for (size_t i = 0; spec->options && spec->options[i].name; i++)
		if (strcmp(spec->options[i].name, name) == 0)
			return (int)i;
	fprintf(stderr, "ducha: internal error: %s has no option --%s\n", spec->name, name);
	abort();
}

static bool fail(char *err, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
	return false;
}

/* "a|b|c" as "a、b 或 c". */
static void choices_sentence(const char *choices, char *out, size_t len)
{
	size_t n = 0, bars = 0;
	for (const char *p = choices; *p; p++)
		bars += *p == '|';
	for (const char *p = choices; *p && n + 8 < len; p++) {
		if (*p != '|') {
			out[n++] = *p;
			continue;
		}
		const char *sep = --bars == 0 ? " 或 " : "、";
		n += (size_t)snprintf(out + n, len - n, "%s", sep);
	}
	out[n < len ? n : len - 1] = '\0';
}

static bool is_choice(const char *choices, const char *value)
{
	size_t vlen = strlen(value);
	for (const char *p = choices; *p;) {
		size_t l = strcspn(p, "|");
		if (l == vlen && strncmp(p, value, l) == 0)
			return true;
		p += l + (p[l] == '|');
	}
	return false;
}

static bool take_value(const cli_command *spec, int i, const char *value, cli_args *out, char *err, size_t len)
{
	const cli_option *o = &spec->options[i];
	if (o->choices_what && !is_choice(o->arg, value)) {
		char want[200];
		choices_sentence(o->arg, want, sizeof want);
		return fail(err, len, "不支持的%s \"%s\"（应为 %s）", o->choices_what, value, want);
	}
	if (o->flags & CLI_REPEAT) {
		if (out->nrepeats == CLI_MAX_REPEATS)
			return fail(err, len, "--%s 太多（最多 %d 个）", o->name, CLI_MAX_REPEATS);
		out->repeats[out->nrepeats++] = value;
	}
	out->value[i] = value ? value : "";
	return true;
}

/* A group of neighbours marked CLI_ONE_OF: exactly one of them. */
static bool check_group(const cli_command *spec, size_t first, const cli_args *a, char *err, size_t len)
{
	char full[256] = "", bare[256] = "";
	size_t given = 0, f = 0, b = 0;
	for (size_t i = first; spec->options[i].name && (spec->options[i].flags & CLI_ONE_OF); i++) {
		const cli_option *o = &spec->options[i];
		given += a->value[i] != NULL;
		f += (size_t)snprintf(full + f, sizeof full - f, "%s--%s%s%s", i > first ? " 或 " : "", o->name,
		                      o->arg ? " " : "", o->arg ? o->arg : "");
		b += (size_t)snprintf(bare + b, sizeof bare - b, "%s--%s", i > first ? " 和 " : "", o->name);
		if (f >= sizeof full || b >= sizeof bare)
			break;
	}
	if (given == 0)
		return fail(err, len, "需要 %s", full);
	if (given > 1)
		return fail(err, len, "%s 只能选一个", bare);
	return true;
}

static bool check_groups(const cli_command *spec, const cli_args *a, char *err, size_t len)
{
	for (size_t i = 0; spec->options && spec->options[i].name; i++) {
		bool starts = (spec->options[i].flags & CLI_ONE_OF) && (i == 0 || !(spec->options[i - 1].flags & CLI_ONE_OF));
		if (starts && !check_group(spec, i, a, err, len))
			return false;
	}
	return true;
}

static bool check_required(const cli_command *spec, const cli_args *a, char *err, size_t len)
{
	for (size_t i = 0; spec->options && spec->options[i].name; i++) {
		const cli_option *o = &spec->options[i];
		if ((o->flags & CLI_REQUIRED) && !a->value[i])
			return fail(err, len, "缺少 --%s %s（%s）", o->name, o->arg ? o->arg : "", o->help);
	}
	return true;
}

static void build_getopt(const cli_command *spec, bool stop_at_operand, struct option *lo, char *shorts)
{
	size_t n = option_count(spec), s = 0;
	shorts[s++] = stop_at_operand ? '+' : '-';
	shorts[s++] = ':';
	for (size_t i = 0; i < n; i++) {
		const cli_option *o = &spec->options[i];
		lo[i] = (struct option){ o->name, o->arg ? required_argument : no_argument, 0, OPTION_VAL_BASE + (int)i };
		if (o->short_name) {
			shorts[s++] = o->short_name;
			if (o->arg)
				shorts[s++] = ':';
		}
	}
	lo[n] = (struct option){ 0, 0, 0, 0 };
	shorts[s] = '\0';
}

static int short_index(const cli_command *spec, int ch)
{
	for (size_t i = 0; spec->options && spec->options[i].name; i++)
		if (spec->options[i].short_name == ch)
			return (int)i;
	return -1;
}

static bool add_operand(const cli_command *spec, const char *arg, cli_args *out, char *err, size_t len)
{
	if (out->noperands >= spec->max_operands || out->noperands == CLI_MAX_OPERANDS)
		return fail(err, len, "多余的参数 \"%s\"", arg);
	out->operands[out->noperands++] = arg;
	return true;
}

/* getopt's ':' and '?' as a message naming the option as typed. */
static bool option_error(int opt, char **argv, char *err, size_t len)
{
	const char *typed = argv[optind - 1];
	if (opt == ':')
		return fail(err, len, "选项 %s 需要一个值", typed);
	if (optopt && strncmp(typed, "--", 2) != 0)
		return fail(err, len, "无法识别的选项 -%c", optopt);
	return fail(err, len, "无法识别的选项 %s", typed);
}

bool cli_parse_options(const cli_command *spec, int argc, char **argv, bool stop_at_operand,
                       cli_args *out, char *err, size_t len)
{
	struct option lo[CLI_MAX_OPTIONS + 1];
	char shorts[2 * CLI_MAX_OPTIONS + 4];
	int opt;
	memset(out, 0, sizeof *out);
	build_getopt(spec, stop_at_operand, lo, shorts);
	opterr = 0;
	optind = 0; /* 0, not 1: glibc starts afresh only then */
	/* "-" in optstring: operands come back in order as 1, so options may follow them. */
	while ((opt = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		int i = opt >= OPTION_VAL_BASE ? opt - OPTION_VAL_BASE : opt == 1 ? -2 : short_index(spec, opt);
		if (i == -2) {
			if (!add_operand(spec, optarg, out, err, len))
				return false;
		} else if (i < 0 || opt == '?' || opt == ':') {
			return option_error(opt, argv, err, len);
		} else if (!take_value(spec, i, spec->options[i].arg ? optarg : NULL, out, err, len)) {
			return false;
		}
	}
	out->next = optind;
	if (!stop_at_operand)
		for (int i = optind; i < argc; i++) /* after "--" */
			if (!add_operand(spec, argv[i], out, err, len))
				return false;
	if (!stop_at_operand && out->noperands < spec->min_operands)
		return fail(err, len, "%s", spec->missing_operand ? spec->missing_operand : "缺少参数");
	return check_groups(spec, out, err, len) && check_required(spec, out, err, len);
}

/* One synopsis element: "--name ARG" (or "-o ARG"), bracketed unless required. */
static int synopsis_item(const cli_command *spec, size_t i, char *buf, size_t len)
{
	const cli_option *o = &spec->options[i];
	char name[64];
	if (o->short_name)
		snprintf(name, sizeof name, "-%c%s%s", o->short_name, o->arg ? " " : "", o->arg ? o->arg : "");
	else
		snprintf(name, sizeof name, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	if (o->flags & CLI_ONE_OF) {
		bool first = i == 0 || !(spec->options[i - 1].flags & CLI_ONE_OF);
		bool last = !spec->options[i + 1].name || !(spec->options[i + 1].flags & CLI_ONE_OF);
		return snprintf(buf, len, "%s%s%s", first ? "(" : "| ", name, last ? ")" : "");
	}
	if (o->flags & CLI_REQUIRED)
		return snprintf(buf, len, "%s", name);
	return snprintf(buf, len, "[%s]%s", name, o->flags & CLI_REPEAT ? "..." : "");
}

static void print_synopsis(const cli_command *spec, FILE *out)
{
	char line[512];
	int indent = fprintf(out, "ducha%s%s", *spec->name ? " " : "", spec->name) + 1, col = indent - 1;
	if (spec->operands && !spec->operands_last)
		col += fprintf(out, " %s", spec->operands);
	for (size_t i = 0; spec->options && spec->options[i].name; i++) {
		if (spec->options[i].flags & (CLI_HIDDEN | CLI_NOT_IN_SYNOPSIS))
			continue;
		int w = synopsis_item(spec, i, line, sizeof line);
		bool joined = (spec->options[i].flags & CLI_ONE_OF) && i > 0 && (spec->options[i - 1].flags & CLI_ONE_OF);
		if (!joined && col + 1 + w > SYNOPSIS_COLUMNS) {
			col = fprintf(out, "\n%*s", indent, "") - 2;
			col += fprintf(out, "%s", line);
			continue;
		}
		col += fprintf(out, " %s", line);
	}
	if (spec->operands && spec->operands_last)
		fprintf(out, " %s", spec->operands);
	fputc('\n', out);
}

/* A choice's values are in the synopsis; its line says "--format F". */
static void option_label(const cli_option *o, char *buf, size_t len)
{
	const char *arg = o->choices_what ? "F" : o->arg;
	if (o->short_name)
		snprintf(buf, len, "-%c, --%s%s%s", o->short_name, o->name, arg ? " " : "", arg ? arg : "");
	else
		snprintf(buf, len, "--%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
}

void cli_print_usage(const cli_command *spec, FILE *out)
{
	char label[128];
	int width = 0;
	fputs("用法: ", out);
	print_synopsis(spec, out);
	for (size_t i = 0; spec->options && spec->options[i].name; i++) {
		option_label(&spec->options[i], label, sizeof label);
		int w = text_width(label);
		if (!(spec->options[i].flags & CLI_HIDDEN) && spec->options[i].help && w > width)
			width = w;
	}
	for (size_t i = 0; spec->options && spec->options[i].name; i++) {
		const cli_option *o = &spec->options[i];
		if ((o->flags & CLI_HIDDEN) || !o->help)
			continue;
		option_label(o, label, sizeof label);
		fprintf(out, "  %-*s   %s\n", width, label, o->help);
	}
	if (spec->notes)
		fputs(spec->notes, out);
}

const char *cli_value(const cli *c, const cli_args *a, const char *name)
{
	return a->value[cli_option_index(c->spec, name)];
}

bool cli_given(const cli *c, const cli_args *a, const char *name)
{
	return cli_value(c, a, name) != NULL;
}

int cli_parse_command(const cli *c, int argc, char **argv, cli_args *a)
{
	char err[1024];
	if (cli_parse_options(c->spec, argc, argv, false, a, err, sizeof err))
		return 0;
	return cli_usage_error(c, "%s", err);
}

out_format cli_format(const cli *c, const cli_args *a, out_format dflt)
{
	const char *v = cli_value(c, a, "format");
	out_format f = dflt;
	if (v)
		format_parse(v, ~0u, &f);   /* each command's option lists the formats it takes */
	return f;
}
