/* The document (通报, 督办单) as one self-contained HTML file for mail and
 * the browser: the same blocks as the PDF, styles inside, no script, no
 * outside resource; charts as inline SVG. Printed from a browser it keeps
 * GB/T 9704's page: A4 margins, "— N —" outside (odd right, even left),
 * attachments on landscape pages; the margin boxes are filled so the
 * browser adds no date, title or address of its own. Every text was
 * escaped when the block was made and is HTML-escaped here. */
#include "ducha/summary.h"
#include "ducha/document.h"
#include "document_internal.h"

#include <stdlib.h>
#include <string.h>

#include "ducha/xalloc.h"

/* Written as is: our own markup and wording only. */
static const char style[] =
	"@page { size: A4; margin: 37mm 26mm 35mm 28mm;\n"
	"  @top-left { content: \"\"; } @top-right { content: \"\"; } @bottom-center { content: \"\"; } }\n"
	"@page :right { @bottom-right { content: \"— \" counter(page) \" —\"; font: 14pt serif; } }\n"
	"@page :left { @bottom-left { content: \"— \" counter(page) \" —\"; font: 14pt serif; } }\n"
	"@page wide { size: A4 landscape; margin: 26mm 30mm 30mm 30mm; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { font-family: \"FangSong_GB2312\", \"仿宋_GB2312\", FangSong, \"Noto Serif CJK SC\", serif;"
	" font-size: 16pt; line-height: 28.9pt; color: #000; margin: 0; }\n"
	"@media screen { body { max-width: 156mm; margin: 10mm auto; } section.attachment { max-width: 237mm; } }\n"
	".masthead { text-align: center; color: #d90000; font-size: 40pt; line-height: 1.4;"
	" font-family: \"方正小标宋简体\", \"Noto Serif CJK SC\", serif; font-weight: bold; margin: 0; }\n"
	".masthead.small { font-size: 22pt; }\n"
	".number { text-align: center; margin: 0; }\n"
	".issuer { display: flex; justify-content: space-between; border-bottom: 1.4pt solid #d90000;"
	" margin: 0 0 28.9pt; }\n"
	"h1 { text-align: center; font-size: 22pt; line-height: 1.5; font-family: \"方正小标宋简体\","
	" \"Noto Serif CJK SC\", serif; margin: 0 0 28.9pt; }\n"
	"p { margin: 0; text-indent: 2em; }\n"
	"p.addressee, p.mark { text-indent: 0; }\n"
	"h2 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em;"
	" font-family: \"黑体\", SimHei, \"Noto Sans CJK SC\", sans-serif; break-after: avoid; }\n"
	"h3 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em;"
	" font-family: \"楷体_GB2312\", KaiTi, \"Noto Serif CJK SC\", serif; break-after: avoid; }\n"
	"p.note { text-indent: 0; padding-left: 5em; margin-top: 28.9pt; }\n"
	"p.note span.first { margin-left: -3em; }\n"
	".signature { text-align: right; padding-right: 4em; margin-top: 57.8pt; break-inside: avoid; }\n"
	".signature p { text-indent: 0; }\n"
	"section.attachment { page: wide; break-before: page; }\n"
	"p.mark { font-family: \"黑体\", SimHei, \"Noto Sans CJK SC\", sans-serif; }\n"
	"table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.4;"
	" margin-bottom: 12pt; }\n"
	"th, td { border: 0.5pt solid #000; padding: 1mm 1.4mm; vertical-align: top; text-align: left;"
	" overflow-wrap: anywhere; }\n"
	"th { background: #e6e6e6; font-weight: normal; font-family: \"黑体\", \"Noto Sans CJK SC\", sans-serif;"
	" text-align: center; }\n"
	"td.num { text-align: right; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; }\n"
	"td.tone-1 { background: #f4b6b6; } td.tone-2 { background: #ffe699; }"
	" td.tone-3 { background: #bdd7ee; } td.tone-4 { background: #c6e0b4; }\n"
	"figure { margin: 6pt 0 12pt; break-inside: avoid; } figcaption { text-align: center;"
	" font-family: \"黑体\", \"Noto Sans CJK SC\", sans-serif; }\n"
	"svg text { font-size: 9pt; }\n"
	".record { border-top: 0.7pt solid #000; border-bottom: 0.7pt solid #000; font-size: 14pt;"
	" line-height: 1.7; margin-top: 28.9pt; padding: 0 1em; break-inside: avoid; }\n"
	".record p { text-indent: 0; }\n";

/* HTML-escaped; newlines as line breaks. */
static void esc(FILE *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs("<br>", out); break;
		default: fputc(*p, out);
		}
	}
}

static void tag(FILE *out, const char *open, const char *text, const char *close)
{
	fputs(open, out);
	esc(out, text);
	fputs(close, out);
}

static void lines(FILE *out, const char *cls, const char *text)
{
	fprintf(out, "<div class=\"%s\">", cls);
	char *copy = xstrdup(text);
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		tag(out, "<p>", l, "</p>");
	free(copy);
	fputs("</div>\n", out);
}

static void masthead(FILE *out, const doc_block *b)
{
	tag(out, b->level == 2 ? "<p class=\"masthead small\">" : "<p class=\"masthead\">", b->text, "</p>\n");
	if (b->extra && *b->extra)
		tag(out, "<p class=\"number\">", b->extra, "</p>\n");
	tag(out, "<div class=\"issuer\"><span>", b->extra2, "</span>");
	tag(out, "<span>", b->extra3, "</span></div>\n");
}

static void write_table(FILE *out, const doc_table *t)
{
	double total = 0;
	for (int c = 0; c < t->ncols; c++)
		total += t->widths[c];
	fputs("<table><colgroup>", out);
	for (int c = 0; c < t->ncols; c++)
		fprintf(out, "<col style=\"width:%.1f%%\">", t->widths[c] * 100 / total);
	fputs("</colgroup><thead><tr>", out);
	for (int c = 0; c < t->ncols; c++)
		tag(out, "<th>", t->head[c], "</th>");
	fputs("</tr></thead><tbody>\n", out);
	for (int r = 0; r < t->nrows; r++) {
		fputs("<tr>", out);
		for (int c = 0; c < t->ncols; c++) {
			int tone = c == t->tone_col ? (int)t->tones[r] : 0;
			fprintf(out, "<td class=\"%s tone-%d\">", t->numeric[c] ? "num" : "text", tone);
			esc(out, t->cells[r * t->ncols + c]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	if (!t->nrows)
		fprintf(out, "<tr><td colspan=\"%d\">（无）</td></tr>\n", t->ncols);
	fputs("</tbody></table>\n", out);
}

static const char *const tone_color[TONE_COUNT] = { "#fff", "#cc1a1a", "#edb30d", "#3373bf", "#4d9940" };

static void agency_chart(FILE *out, const doc_block *b)
{
	int max = doc_bars_max(b);
	const int row = 16, name_w = 170, width = 800, bar_w = width - name_w - 20;
	tag(out, "<figure><figcaption>", b->text, "</figcaption>\n");
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\">\n", width, row * (b->nbars + 2));
	static const char *const words[] = { "", "红：逾期、严重滞后", "黄：滞后、未报送", "蓝：临期", "绿：正常、已完成" };
	for (int t = TONE_RED; t < TONE_COUNT; t++)
		fprintf(out, "<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"11\">%s</text>\n",
		        name_w + (t - 1) * 150, tone_color[t], name_w + (t - 1) * 150 + 14, words[t]);
	for (int i = 0; i < b->nbars; i++) {
		int y = row * (i + 1) + 6, x = name_w;
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", name_w - 6, y + 11);
		esc(out, b->bars[i].name);
		fputs("</text>", out);
		for (int t = TONE_RED; t < TONE_COUNT; t++) {
			int n = b->bars[i].counts[t], w = n * bar_w / max;
			if (!n)
				continue;
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", x, y + 2, w, row - 4,
			        tone_color[t]);
			fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%d</text>", x + w / 2, y + 11,
			        t == TONE_YELLOW ? "#000" : "#fff", n);
			x += w;
		}
		fputs("\n", out);
	}
	fputs("</svg></figure>\n", out);
}

static void indicator_chart(FILE *out, const doc_block *b)
{
	if (!b->nmarks)
		return;
	const int row = 18, name_w = 300, width = 800, bar_w = 330;
	tag(out, "<figure><figcaption>", b->text, "</figcaption>\n");
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\">\n", width, row * (b->nmarks + 1));
	for (int i = 0; i < b->nmarks; i++) {
		const doc_mark *m = &b->marks[i];
		int y = row * i;
		double a = m->actual > 120 ? 120 : m->actual, e = m->expected > 120 ? 120 : m->expected;
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", name_w - 8, y + 13);
		esc(out, m->label);
		fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ebebeb\"/>", name_w, y + 3,
		        bar_w * 100 / 120, row - 6);
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"%s\"/>", name_w, y + 4,
		        bar_w * a / 120, row - 8, tone_color[TONE_RED]);
		if (m->expected >= 0)
			fprintf(out, "<rect x=\"%.0f\" y=\"%d\" width=\"2\" height=\"%d\" fill=\"#000\"/>", name_w + bar_w * e / 120,
			        y + 1, row - 2);
		fprintf(out, "<text x=\"%d\" y=\"%d\">实际%.1f%%", name_w + bar_w + 10, y + 13, m->actual);
		if (m->expected >= 0)
			fprintf(out, "，序时%.1f%%", m->expected);
		fputs("</text>\n", out);
	}
	fprintf(out, "<text x=\"%d\" y=\"%d\">红色条为实际完成，黑色竖线为序时进度，灰色底为目标（100%%）。</text>\n", name_w,
	        row * b->nmarks + 14);
	fputs("</svg></figure>\n", out);
}

static void note(FILE *out, const char *text)
{
	fputs("<p class=\"note\">", out);
	char *copy = xstrdup(text);
	int n = 0;
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		fputs(n++ ? "<br>" : "<span class=\"first\"></span>", out);
		esc(out, l);
	}
	free(copy);
	fputs("</p>\n", out);
}

static void block(FILE *out, const doc_block *b, bool *in_attachment)
{
	switch (b->kind) {
	case DOC_MASTHEAD: masthead(out, b); break;
	case DOC_TITLE: tag(out, "<h1>", b->text, "</h1>\n"); break;
	case DOC_ADDRESSEE: tag(out, "<p class=\"addressee\">", b->text, "</p>\n"); break;
	case DOC_HEADING: tag(out, b->level == 1 ? "<h2>" : "<h3>", b->text, b->level == 1 ? "</h2>\n" : "</h3>\n"); break;
	case DOC_PARAGRAPH:
		if (b->level == 1)
			note(out, b->text);
		else
			tag(out, "<p>", b->text, "</p>\n");
		break;
	case DOC_SIGNATURE: lines(out, "signature", b->text); break;
	case DOC_ATTACHMENT:
		if (*in_attachment)
			fputs("</section>\n", out);
		*in_attachment = true;
		fputs("<section class=\"attachment\">\n", out);
		tag(out, "<p class=\"mark\">", b->text, "</p>\n");
		tag(out, "<h1>", b->extra, "</h1>\n");
		break;
	case DOC_TABLE: write_table(out, &b->table); break;
	case DOC_CHART_AGENCIES: agency_chart(out, b); break;
	case DOC_CHART_INDICATORS: indicator_chart(out, b); break;
	case DOC_RECORD: lines(out, "record", b->text); break;
	}
}

/* A CSS string: every ASCII character but letters and digits as a hex
 * escape, so no quote, backslash or "</style>" can end it. */
static void css_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			fputc(*p, out);
		else
			fprintf(out, "\\%x ", *p);
	}
	fputc('"', out);
}

bool summary_render_html_document(const document *d, FILE *out)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	esc(out, d->title);
	fprintf(out, "</title>\n<style>\n%s", style);
	/* The running header from the second page on. */
	fputs("@page { @top-center { content: ", out);
	css_string(out, d->running);
	fputs("; font: 10.5pt serif; } }\n@page :first { @top-center { content: \"\"; } }\n", out);
	fputs("</style>\n</head>\n<body>\n", out);
	bool in_attachment = false;
	for (int i = 0; i < d->nblocks; i++)
		block(out, &d->blocks[i], &in_attachment);
	if (in_attachment)
		fputs("</section>\n", out);
	fputs("</body>\n</html>\n", out);
	return !ferror(out);
}
