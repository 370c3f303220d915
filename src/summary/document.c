/* The document's blocks: adding them (every text made harmless on the way
 * in) and the figures the builders and the 台账 share. */
#include "ducha/document.h"
#include "document_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ducha/date.h"
#include "ducha/text.h"
#include "ducha/xalloc.h"

doc_tone doc_tone_of(flag_value f)
{
	switch (f) {
	case FLAG_OVERDUE:
	case FLAG_LAGGING: return TONE_RED;
	case FLAG_BEHIND:
	case FLAG_UNREPORTED: return TONE_YELLOW;
	case FLAG_DUE_SOON: return TONE_BLUE;
	case FLAG_OK:
	case FLAG_DONE: return TONE_GREEN;
	}
	return TONE_NONE;
}

const char *doc_tone_label(doc_tone t)
{
	static const char *const labels[] = { "", "红", "黄", "蓝", "绿" };
	return t < TONE_COUNT ? labels[t] : "";
}

/* Dates and quarters as a document writes them: 2017-12-10 → 2017年12月10日,
 * 2017Q3 → 2017年第三季度. The program's own reasons use the short forms. */
char *doc_cn_text(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		abort();
	for (const char *p = s ? s : ""; *p;) {
		int y, q, day;
		char tmp[DATE_CN_SIZE], date[DATE_TEXT_SIZE];
		bool digits4 = isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
		               isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]);
		if (digits4 && p[4] == '-' && strlen(p) >= 10) {
			memcpy(date, p, 10);
			date[10] = '\0';
			if (date_parse(date, &day)) {
				date_format_cn(day, tmp);
				fputs(tmp, f);
				p += 10;
				continue;
			}
		}
		if (digits4 && p[4] == 'Q' && p[5] >= '1' && p[5] <= '4' && !isdigit((unsigned char)p[6])) {
			y = atoi(p);
			q = p[5] - '0';
			period_format_cn(y, q, tmp);
			fputs(tmp, f);
			p += 6;
			continue;
		}
		fputc(*p++, f);
	}
	fclose(f);
	return out;
}

/* Pango's and Word's line breakers (UAX #14) would part a number from its
 * measure word; a WORD JOINER, drawn as nothing, forbids it. */
char *doc_bind_numbers(const char *text)
{
	size_t n = strlen(text);
	char *out = xmalloc(n * 2 + 1), *w = out;
	for (size_t i = 0; i < n; i++) {
		*w++ = text[i];
		unsigned char next = (unsigned char)text[i + 1];
		/* A CJK ideograph U+3400..U+9FFF starts with 0xE3 (from U+3400) .. 0xE9. */
		bool cjk_next = next >= 0xE3 && next <= 0xE9 && !(next == 0xE3 && (unsigned char)text[i + 2] < 0x90);
		if (text[i] >= '0' && text[i] <= '9' && cjk_next) {
			memcpy(w, "\xE2\x81\xA0", 3);
			w += 3;
		}
	}
	*w = '\0';
	return out;
}

void doc_sink_open(doc_sink *k)
{
	k->buf = NULL;
	k->f = open_memstream(&k->buf, &k->len);
	if (!k->f)
		abort();
}

char *doc_sink_close(doc_sink *k)
{
	fclose(k->f);
	k->f = NULL;
	return k->buf;
}

int doc_bars_max(const doc_block *b)
{
	int max = 1;
	for (int i = 0; i < b->nbars; i++) {
		int sum = 0;
		for (int t = TONE_RED; t < TONE_COUNT; t++)
			sum += b->bars[i].counts[t];
		max = sum > max ? sum : max;
	}
	return max;
}

char *doc_agency_list(const char *joined)
{
	doc_sink k;
	doc_sink_open(&k);
	char *copy = xstrdup(joined ? joined : ""), *save = NULL;
	int n = 0;
	for (char *w = strtok_r(copy, ";", &save); w; w = strtok_r(NULL, ";", &save))
		fprintf(k.f, "%s%s", n++ ? "、" : "", w);
	free(copy);
	return doc_sink_close(&k);
}

doc_block *doc_add(document *d, doc_kind kind, const char *text)
{
	d->blocks = xgrow(d->blocks, d->nblocks, &d->cap, sizeof *d->blocks);
	doc_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text_escape(text ? text : "", TEXT_KEEP_NEWLINE);
	b->table.tone_col = -1;
	return b;
}

char *doc_safe(const char *s)
{
	return text_escape(s ? s : "", 0);
}

void doc_table_start(doc_block *b, int ncols, const char *const *head, const double *widths,
                     const bool *numeric)
{
	doc_table *t = &b->table;
	t->ncols = ncols;
	t->head = xcalloc((size_t)ncols, sizeof *t->head);
	t->widths = xcalloc((size_t)ncols, sizeof *t->widths);
	t->numeric = xcalloc((size_t)ncols, sizeof *t->numeric);
	for (int c = 0; c < ncols; c++) {
		t->head[c] = xstrdup(head[c]);
		t->widths[c] = widths[c];
		t->numeric[c] = numeric && numeric[c];
	}
}

void doc_table_row(doc_block *b, doc_tone tone, char **cells)
{
	doc_table *t = &b->table;
	t->cells = xrealloc(t->cells, (size_t)(t->nrows + 1) * (size_t)t->ncols * sizeof *t->cells);
	t->tones = xrealloc(t->tones, (size_t)(t->nrows + 1) * sizeof *t->tones);
	for (int c = 0; c < t->ncols; c++) {
		t->cells[t->nrows * t->ncols + c] = text_escape(cells[c] ? cells[c] : "", TEXT_KEEP_NEWLINE);
		free(cells[c]);
		cells[c] = NULL;
	}
	t->tones[t->nrows++] = tone;
}

static void free_block(doc_block *b)
{
	free(b->text);
	free(b->extra);
	free(b->extra2);
	free(b->extra3);
	doc_table *t = &b->table;
	for (int c = 0; c < t->ncols; c++)
		free(t->head[c]);
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->head);
	free(t->widths);
	free(t->numeric);
	free(t->cells);
	free(t->tones);
	for (int i = 0; i < b->nbars; i++)
		free(b->bars[i].name);
	free(b->bars);
	for (int i = 0; i < b->nmarks; i++)
		free(b->marks[i].label);
	free(b->marks);
}

void document_free(document *d)
{
	for (int i = 0; i < d->nblocks; i++)
		free_block(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	free(d->running);
	memset(d, 0, sizeof *d);
}

bool document_shares(const indicator_rec *i, const indicator_state *st, double *actual, double *expected,
                     double *gap)
{
	/* The target in force: this year's, for a per-year indicator. */
	if (!st->has_actual || i->milestone || st->target <= 0)
		return false;
	*actual = st->actual / st->target * 100.0;
	bool paced = st->facts.story == FLAG_STORY_OPEN && !st->facts.no_baseline;
	*expected = paced ? st->expected / st->target * 100.0 : -1;
	*gap = paced ? *expected - *actual : 0;
	return true;
}

double document_rate(const summary_section *sec)
{
	return sec->rate_den ? (double)sec->rate_num * 100.0 / sec->rate_den : 0;
}

void document_build(document *d, const summary *s, const config_document *cfg)
{
	if (s->overview)
		document_bulletin(d, s, cfg);
	else if (s->nsections == 1 && s->sections[0].agency)
		document_notice(d, s, cfg);
	else
		document_list(d, s, cfg);
}
