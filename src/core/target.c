#include "ducha/target.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/text.h"
#include "ducha/xalloc.h"

/* The text as code points, full-width digits and signs made ASCII, so that
 * the scanner can step over Chinese one character at a time. */
typedef struct cpbuf {
	uint32_t *c;
	int n;
} cpbuf;

static uint32_t fold(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return '0' + (cp - 0xFF10);
	switch (cp) {
	case 0xFF05: return '%';    /* ％ */
	case 0xFF0E: return '.';    /* ． */
	case 0xFF0B: return '+';    /* ＋ */
	default: return cp;
	}
}

static void decode(const char *text, cpbuf *b)
{
	size_t len = strlen(text);
	b->c = xmalloc(sizeof *b->c * (len + 1));
	b->n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(text + i, len - i, &cp);
		if (k == 0)
			break;
		b->c[b->n++] = fold(cp);
		i += k;
	}
}

/* How many code points lit (UTF-8) takes when it starts at i; 0: no match. */
static int match(const cpbuf *b, int i, const char *lit)
{
	size_t len = strlen(lit);
	int n = 0;
	for (size_t k = 0; k < len;) {
		uint32_t cp;
		size_t step = text_decode(lit + k, len - k, &cp);
		if (step == 0 || i + n >= b->n || b->c[i + n] != cp)
			return 0;
		k += step;
		n++;
	}
	return n;
}

/* The longest of words starting at i: its length in code points, *which its index. */
static int match_any(const cpbuf *b, int i, const char *const *words, int *which)
{
	int best = 0;
	for (int w = 0; words[w]; w++) {
		int m = match(b, i, words[w]);
		if (m > best) {
			best = m;
			if (which)
				*which = w;
		}
	}
	return best;
}

/* The longest of words ending exactly at end (exclusive): its length. */
static int match_before(const cpbuf *b, int end, const char *const *words, int *which)
{
	int best = 0;
	for (int len = 1; len <= 4 && len <= end; len++) {
		int w = -1, m = match_any(b, end - len, words, &w);
		if (m == len && len > best) {
			best = len;
			if (which)
				*which = w;
		}
	}
	return best;
}

static void put_range(const cpbuf *b, int from, int to, char *out, size_t outlen)
{
	size_t o = 0;
	for (int i = from; i < to; i++) {
		char buf[5];
		uint32_t cp = b->c[i];
		size_t k;
		if (cp < 0x80) {
			buf[0] = (char)cp;
			k = 1;
		} else if (cp < 0x800) {
			buf[0] = (char)(0xC0 | (cp >> 6));
			buf[1] = (char)(0x80 | (cp & 0x3F));
			k = 2;
		} else if (cp < 0x10000) {
			buf[0] = (char)(0xE0 | (cp >> 12));
			buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			buf[2] = (char)(0x80 | (cp & 0x3F));
			k = 3;
		} else {
			buf[0] = (char)(0xF0 | (cp >> 18));
			buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
			buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
			buf[3] = (char)(0x80 | (cp & 0x3F));
			k = 4;
		}
		if (o + k >= outlen)
			break;
		memcpy(out + o, buf, k);
		o += k;
	}
	out[o] = '\0';
}

static bool is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static bool is_ascii_alnum(uint32_t cp)
{
	return is_digit(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Clause boundaries: a name never crosses them. */
static bool is_hard(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case ',': case 0x3002: case 0xFF1B: case ';': case 0xFF1A: case ':':
	case 0xFF01: case '!': case 0xFF1F: case '?': case '\n': case '\r': case '\t':
		return true;
	default:
		return false;
	}
}

static bool is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == '\n';
}

/* --- the number and its words ------------------------------------------ */

static const char *const units[] = {
	"个百分点", "万平方米", "平方公里", "万千瓦", "万人次", "平方米", "亿美元", "万美元",
	"亿元", "万元", "千元", "万户", "万人", "人次", "万家", "万个", "万亩", "万吨", "万台",
	"万辆", "万件", "万套", "公里", "千米", "千瓦", "家", "个", "项", "名", "人", "户", "所",
	"座", "条", "台", "套", "件", "次", "篇", "亩", "吨", "场", "批", "支", "处", "种", "本",
	"期", "门", "辆", "艘", "部", "份", "元", "亿", "万", "%", "位", "款", "只", "栋", "间",
	"张", "枚", "株", "例", "类", NULL,
};
/* After the number, before any unit: it is not a quantity at all. */
static const char *const not_quantity[] = { "年", "月", "日", "号", "时", "点", "季度", "周", "天",
	                                        "岁", NULL };
static const char *const range_dash[] = { "―", "—", "–", "‒", "-", "－", "~", "～", "至", "到", NULL };
static const char *const more_than[] = { "余", "多", NULL };

typedef enum word_kind { W_GT, W_GE, W_APPROX, W_CEILING } word_kind;
static const char *const before_words[] = { "不超过", "不高于", "不多于", "控制在", "低于", "少于",
	"超过", "突破", "多于", "高于", "逾", "不少于", "不低于", "至少", "达到", "达", "约",
	"大约", "近", NULL };
static const word_kind before_kind[] = { W_CEILING, W_CEILING, W_CEILING, W_CEILING, W_CEILING,
	W_CEILING, W_GT, W_GT, W_GT, W_GT, W_GT, W_GE, W_GE, W_GE, W_GE, W_GE, W_APPROX, W_APPROX,
	W_APPROX };
static const char *const after_words[] = { "以上", "左右", "以内", "以下", NULL };
static const word_kind after_kind[] = { W_GE, W_APPROX, W_CEILING, W_CEILING };

/* Digits with optional thousands commas ("5,000") and decimals; *end after it. */
static double read_number(const cpbuf *b, int i, int *end)
{
	char ascii[48];
	size_t o = 0;
	bool dot = false;   /* ascii is not terminated until the end: no strchr on it */
	while (i < b->n && o + 1 < sizeof ascii) {
		uint32_t cp = b->c[i];
		if (is_digit(cp)) {
			ascii[o++] = (char)cp;
			i++;
		} else if (cp == ',' && i + 3 < b->n && is_digit(b->c[i + 1]) && is_digit(b->c[i + 2]) &&
		           is_digit(b->c[i + 3]) && (i + 4 >= b->n || !is_digit(b->c[i + 4]))) {
			i++;
		} else if (cp == '.' && i + 1 < b->n && is_digit(b->c[i + 1]) && !dot) {
			ascii[o++] = '.';
			dot = true;
			i++;
		} else {
			break;
		}
	}
	ascii[o] = '\0';
	*end = i;
	return strtod(ascii, NULL);
}

/* One quantity as read at a number: where its words start and end. */
typedef struct reading {
	int start, num_start, end;   /* [start, end): comparator words, number(s), unit, suffix */
	double lo, hi;
	bool range, ceiling, gt, approx;
	char unit[TARGET_UNIT_MAX];
	const char *skip_why;        /* set: looks like a target but cannot be read */
} reading;

static void read_words(const cpbuf *b, reading *r)
{
	int w = -1, m = match_before(b, r->num_start, before_words, &w);
	r->start = r->num_start - m;
	if (m) {
		r->ceiling |= before_kind[w] == W_CEILING;
		r->gt |= before_kind[w] == W_GT;
		r->approx |= before_kind[w] == W_APPROX;
	}
	w = -1;
	m = match_any(b, r->end, after_words, &w);
	if (m) {
		r->ceiling |= after_kind[w] == W_CEILING;
		r->approx |= after_kind[w] == W_APPROX;
		r->end += m;
	}
}

/* Reads the quantity whose number starts at i. false: not a quantity at all
 * (a year, a date, an ordinal, a code such as 3D or 6+1); *next is where to
 * go on scanning. */
static bool read_quantity(const cpbuf *b, int i, reading *r, int *next)
{
	memset(r, 0, sizeof *r);
	r->num_start = i;
	int j;
	r->lo = r->hi = read_number(b, i, &j);
	*next = j;
	uint32_t prev = i > 0 ? b->c[i - 1] : 0, after = j < b->n ? b->c[j] : 0;
	if (is_ascii_alnum(prev) || prev == '.' || prev == '+' || is_ascii_alnum(after) || after == '+' ||
	    prev == 0x7B2C /* 第 */ || match_any(b, j, not_quantity, NULL))
		return false;
	int u = match_any(b, j, units, NULL), dash = match_any(b, j + u, range_dash, NULL);
	if (dash && j + u + dash < b->n && is_digit(b->c[j + u + dash])) {
		int k;
		r->hi = read_number(b, j + u + dash, &k);
		*next = k;
		if (k < b->n && (is_ascii_alnum(b->c[k]) || match_any(b, k, not_quantity, NULL)))
			return false;
		r->range = true;
		j = k;
	}
	int more = match_any(b, j, more_than, NULL);
	r->gt = more > 0;
	u = match_any(b, j + more, units, NULL);
	put_range(b, j + more, j + more + u, r->unit, sizeof r->unit);
	r->end = j + more + u;
	*next = r->end;
	read_words(b, r);
	if (!u)
		r->skip_why = "数字后没有可识别的单位";
	else if (r->ceiling)
		r->skip_why = "上限目标（以内、以下、不超过）不能作为指标";
	else if (r->range && r->hi < r->lo)
		r->skip_why = "范围的上限小于下限";
	return true;
}

/* --- the name ------------------------------------------------------------ */

static const char *const verbs[] = { "培育", "建成", "新建", "新增", "引进", "共建", "组建", "布局",
	"实施", "攻克", "开发", "储备", "撬动", "推动", "促进", "带动", "培养", "认定", "创建", "打造",
	"扶持", "吸引", "设立", "建立", "争取", "形成", "举办", "开展", "完成", "实现", "建设", NULL };
static const char *const lead_fillers[] = { "力争", "确保", "争取", "累计", "全市", "各类", "各级", "其中",
	"总计", "合计", NULL };
static const char *const tail_fillers[] = { "分别", "累计", "均", "总计", "合计", NULL };
/* What may follow a year cut off the front: "2017年底前…", "2017年前…". */
static const char *const after_year[] = { "年底前", "底前", "年底", "底", "前", "内", NULL };
static const char *const soft_separators[] = { "、", "和", "及", "与", "或", NULL };

static bool digit_in_clause(const cpbuf *b, int from)
{
	for (int i = from; i < b->n && !is_hard(b->c[i]); i++)
		if (is_digit(b->c[i]))
			return true;
	return false;
}

/* The words after the quantity up to the clause's end, or up to a list
 * separator when another quantity follows ("3个A、5个B"). */
static void trailing_span(const cpbuf *b, int from, int *s, int *e)
{
	int i = from + match(b, from, "的");
	*s = i;
	while (i < b->n && !is_hard(b->c[i])) {
		int sep = match_any(b, i, soft_separators, NULL);
		if (sep && digit_in_clause(b, i + sep))
			break;
		i++;
	}
	*e = i;
}

static void strip_fillers(const cpbuf *b, int *s, int *e)
{
	int m;
	do {
		m = *s < *e ? match_any(b, *s, lead_fillers, NULL) : 0;
		if (m > *e - *s)
			m = 0;
		*s += m;
	} while (m);
	do {
		m = *e > *s ? match_before(b, *e, tail_fillers, NULL) : 0;
		if (m > *e - *s)
			m = 0;
		*e -= m;
	} while (m);
}

/* Cuts what comes before the last year ("到2017年") or verb ("培育") in the span. */
static void cut_leading(const cpbuf *b, int *s, int e)
{
	int cut = *s;
	for (int i = *s; i < e; i++) {
		if (is_digit(b->c[i]) && i + 1 < e && b->c[i + 1] == 0x5E74 /* 年 */) {
			int m = match_any(b, i + 2, after_year, NULL);
			cut = i + 2 + (i + 2 + m <= e ? m : 0);
		}
		int m = match_any(b, i, verbs, NULL);
		if (m && i + m <= e && i + m > cut)
			cut = i + m;
	}
	*s = cut;
}

static int clause_start(const cpbuf *b, int end)
{
	int i = end;
	while (i > 0 && !is_hard(b->c[i - 1]))
		i--;
	return i;
}

/* The words before the quantity in its clause; when nothing is left there
 * ("累计培育500个以上"), the previous clause's object after its last 的. */
static void leading_span(const cpbuf *b, int end, int *s, int *e)
{
	*e = end;
	*s = clause_start(b, end);
	cut_leading(b, s, *e);
	strip_fillers(b, s, e);
	if (*s < *e || clause_start(b, end) == 0)
		return;
	int pe = clause_start(b, end) - 1, ps = clause_start(b, pe);
	for (int i = pe - 1; i >= ps; i--)
		if (b->c[i] == 0x7684 /* 的 */) {
			ps = i + 1;
			break;
		}
	cut_leading(b, &ps, pe);
	strip_fillers(b, &ps, &pe);
	*s = ps;
	*e = pe;
}

static bool is_quote_mark(uint32_t cp)
{
	return cp == 0x201C || cp == 0x201D || cp == '"' || cp == 0x2018 || cp == 0x2019 || cp == '\'' ||
	       cp == ' ' || cp == 0x3000;
}

/* The name without quote marks or spaces, at most TARGET_NAME_CHARS: Chinese
 * puts the head noun last, so a long name keeps its end. */
static void make_name(const cpbuf *b, int s, int e, char *out, size_t outlen)
{
	cpbuf kept = { malloc(sizeof *kept.c * (size_t)(e - s + 1)), 0 };
	if (!kept.c)
		abort();
	for (int i = s; i < e; i++)
		if (!is_quote_mark(b->c[i]))
			kept.c[kept.n++] = b->c[i];
	int from = kept.n > TARGET_NAME_CHARS ? kept.n - TARGET_NAME_CHARS : 0;
	put_range(&kept, from, kept.n, out, outlen);
	free(kept.c);
}

/* Whether one of words stands before at in its sentence (or, with
 * by_clause, in its clause: up to the last ， or 、). */
static bool words_before(const cpbuf *b, int at, bool by_clause, const char *const *words, size_t nwords)
{
	int s = at;
	while (s > 0 && !is_sentence_end(b->c[s - 1]) && !(by_clause && (b->c[s - 1] == 0xFF0C || b->c[s - 1] == 0x3001)))
		s--;
	for (int i = s; i < at; i++)
		for (size_t w = 0; w < nwords; w++)
			if (match(b, i, words[w]))
				return true;
	return false;
}

static bool per_year_at(const cpbuf *b, int at)
{
	static const char *const yearly[] = { "每年", "年均" };
	return words_before(b, at, false, yearly, 2);
}

/* Verbs that count what is new since the plan's start, so the baseline is
 * zero; without one the figure is a level (a stock) whose baseline is unknown. */
static const char *const new_verbs[] = { "新增", "新建", "新认定", "新培育", "引进", "共建", "培育", "新设", "累计" };

static bool counts_new_at(const cpbuf *b, int at)
{
	return words_before(b, at, true, new_verbs, sizeof new_verbs / sizeof new_verbs[0]);
}

/* --- the list -------------------------------------------------------------- */

static void add_skip(target_list *out, const cpbuf *b, const reading *r)
{
	if (out->nskipped == TARGET_MAX)
		return;
	target_skip *k = &out->skipped[out->nskipped++];
	int end = r->end > r->num_start ? r->end : r->num_start + 1;
	put_range(b, r->start, end, k->source, sizeof k->source);
	snprintf(k->why, sizeof k->why, "%s", r->skip_why);
}

static bool same_target(const target *a, const target *b)
{
	return a->cmp == b->cmp && a->value == b->value && a->value_hi == b->value_hi &&
	       strcmp(a->unit, b->unit) == 0;
}

/* A name named twice: the same target again means "again next year";
 * another target gets a numbered name. */
static bool merge_or_rename(target_list *out, target *t)
{
	char base[TARGET_NAME_MAX];
	snprintf(base, sizeof base, "%s", t->name);
	for (int copy = 2;; copy++) {
		int i;
		for (i = 0; i < out->n && strcmp(out->items[i].name, t->name) != 0; i++)
			;
		if (i == out->n)
			return true;
		if (same_target(&out->items[i], t)) {
			out->items[i].per_year = true;
			return false;
		}
		snprintf(t->name, sizeof t->name, "%.120s（%d）", base, copy);
	}
}

/* A name that says what is counted: it has a Chinese character or a Latin
 * letter ("5", "、" or "（）" say nothing). */
static bool names_something(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			return true;
		/* U+3400–U+9FFF: E3 90 80 … E9 BF BF */
		if (p[0] >= 0xE3 && p[0] <= 0xE9 && p[1] && p[2] && (p[0] > 0xE3 || p[1] >= 0x90))
			return true;
	}
	return false;
}

/* A proposal that would judge nothing: no target, or nothing named. */
static const char *senseless(const target *t)
{
	if (t->value <= 0 || (t->cmp == CMP_RANGE && t->value_hi <= 0))
		return "目标为 0，不能作为指标";
	if (!t->name[0])
		return "找不到所计的事物（指标名称）";
	if (!names_something(t->name))
		return "指标名称不是文字（只有数字或标点）";
	return NULL;
}

static void add_target(target_list *out, const cpbuf *b, const reading *r)
{
	target t = { .value = r->lo, .value_hi = r->range ? r->hi : r->lo };
	t.cmp = r->range ? CMP_RANGE : r->approx ? CMP_APPROX : r->gt ? CMP_GT : CMP_GE;
	snprintf(t.unit, sizeof t.unit, "%s", r->unit);
	put_range(b, r->start, r->end, t.source, sizeof t.source);
	t.per_year = per_year_at(b, r->num_start);
	t.counts_new = counts_new_at(b, r->num_start);
	int s, e;
	trailing_span(b, r->end, &s, &e);
	if (s >= e)
		leading_span(b, r->start, &s, &e);
	make_name(b, s, e, t.name, sizeof t.name);
	const char *why = senseless(&t);
	if (why) {
		reading dropped = *r;
		dropped.skip_why = why;
		add_skip(out, b, &dropped);
		return;
	}
	if (!merge_or_rename(out, &t))
		return;
	if (out->n == TARGET_MAX) {
		reading full = *r;
		full.skip_why = "指标太多，只取前 16 个";
		add_skip(out, b, &full);
		return;
	}
	out->items[out->n++] = t;
}

void target_propose(const char *text, target_list *out)
{
	memset(out, 0, sizeof *out);
	cpbuf b;
	decode(text ? text : "", &b);
	for (int i = 0; i < b.n;) {
		if (!is_digit(b.c[i])) {
			i++;
			continue;
		}
		reading r;
		int next;
		if (read_quantity(&b, i, &r, &next)) {
			if (r.skip_why)
				add_skip(out, &b, &r);
			else
				add_target(out, &b, &r);
		}
		i = next > i ? next : i + 1;
	}
	free(b.c);
}
