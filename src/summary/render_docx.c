/* The document as .docx for WPS/Word: WordprocessingML written here (Debian
 * has no C library for it), zipped by libzip in memory. Styles carry the
 * office's font names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312), so the
 * office PC sets it in its own fonts; the page follows GB/T 9704 (A4,
 * 37/35/28/26 mm margins, a grid of 22 lines of 28 characters, "— N —"
 * outside on odd and even pages); attachments are a landscape section;
 * charts are pictures drawn by the PDF renderer's code. */
#include "ducha/document.h"
#include "document_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "ducha/xalloc.h"

typedef struct docx {
	doc_sink body;
	int images;
	unsigned char *png[64];
	size_t png_len[64];
} docx;

/* Markup characters as entities; newline_as, when given, for a newline. */
static void xml_escape(FILE *f, const char *s, const char *newline_as)
{
	for (const char *c = s ? s : ""; *c; c++) {
		switch (*c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\n':
			if (newline_as) {
				fputs(newline_as, f);
				break;
			}
			/* fall through */
		default: fputc(*c, f);
		}
	}
}

/* Text for XML, newlines as line breaks (the text was escaped already). */
static void xml_text(FILE *f, const char *text)
{
	char *s = doc_bind_numbers(text ? text : "");
	fputs("<w:t xml:space=\"preserve\">", f);
	xml_escape(f, s, "</w:t><w:br/><w:t xml:space=\"preserve\">");
	fputs("</w:t>", f);
	free(s);
}

static void para(FILE *f, const char *style, const char *text)
{
	fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr><w:r>", style);
	xml_text(f, text);
	fputs("</w:r></w:p>\n", f);
}

/* ---- the page ---- */

static void section(FILE *f, bool landscape)
{
	fputs("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH\"/>"
	      "<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/>"
	      "<w:footerReference w:type=\"even\" r:id=\"rIdF2\"/>",
	      f);
	if (landscape)
		fputs("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
		      "<w:pgMar w:top=\"1474\" w:right=\"1701\" w:bottom=\"1701\" w:left=\"1701\" w:header=\"851\""
		      " w:footer=\"992\" w:gutter=\"0\"/>",
		      f);
	else
		fputs("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
		      "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\""
		      " w:footer=\"1588\" w:gutter=\"0\"/>",
		      f);
	fputs("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>", f);
}

static void end_section(FILE *f, bool landscape)
{
	fputs("<w:p><w:pPr>", f);
	section(f, landscape);
	fputs("</w:pPr></w:p>\n", f);
}

/* ---- blocks ---- */

static void masthead(FILE *f, const doc_block *b)
{
	para(f, b->level == 2 ? "DuchaMastheadSmall" : "DuchaMasthead", b->text);
	if (b->extra && *b->extra)
		para(f, "DuchaNumber", b->extra);
	/* Issuer left, date right (a right tab), the red rule under the line. */
	fputs("<w:p><w:pPr><w:pStyle w:val=\"DuchaIssuerLine\"/></w:pPr><w:r>", f);
	xml_text(f, b->extra2);
	fputs("</w:r><w:r><w:tab/></w:r><w:r>", f);
	xml_text(f, b->extra3);
	fputs("</w:r></w:p>\n", f);
}

static void lines(FILE *f, const char *style, const char *text)
{
	char *copy = xstrdup(text);
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		para(f, style, l);
	free(copy);
}

static void cell(FILE *f, const char *text, int width, bool head, bool right, doc_tone tone)
{
	static const char *const fills[] = { "", "F4B6B6", "FFE699", "BDD7EE", "C6E0B4" };
	fprintf(f, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (head)
		fputs("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>", f);
	else if (tone != TONE_NONE)
		fprintf(f, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", fills[tone]);
	fprintf(f, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr><w:r>", head ? "DuchaTableHead" : "DuchaTable",
	        right ? "<w:jc w:val=\"right\"/>" : "");
	xml_text(f, text);
	fputs("</w:r></w:p></w:tc>", f);
}

static void write_table(FILE *f, const doc_table *t, bool landscape)
{
	double total = 0;
	int text_w = landscape ? 16838 - 2 * 1701 : 11906 - 1588 - 1474;
	for (int c = 0; c < t->ncols; c++)
		total += t->widths[c];
	fputs("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>", f);
	static const char *const edges[] = { "top", "left", "bottom", "right", "insideH", "insideV" };
	for (int e = 0; e < 6; e++)
		fprintf(f, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", edges[e]);
	fputs("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
	      "</w:tblCellMar></w:tblPr><w:tblGrid>",
	      f);
	for (int c = 0; c < t->ncols; c++)
		fprintf(f, "<w:gridCol w:w=\"%d\"/>", (int)(text_w * t->widths[c] / total));
	fputs("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>", f);
	for (int c = 0; c < t->ncols; c++)
		cell(f, t->head[c], (int)(text_w * t->widths[c] / total), true, false, TONE_NONE);
	fputs("</w:tr>\n", f);
	for (int r = 0; r < t->nrows; r++) {
		fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", f);
		for (int c = 0; c < t->ncols; c++)
			cell(f, t->cells[r * t->ncols + c], (int)(text_w * t->widths[c] / total), false, t->numeric[c],
			     c == t->tone_col ? t->tones[r] : TONE_NONE);
		fputs("</w:tr>\n", f);
	}
	if (t->nrows == 0) {
		fputs("<w:tr>", f);
		for (int c = 0; c < t->ncols; c++)
			cell(f, c == 1 ? "（无）" : "", (int)(text_w * t->widths[c] / total), false, false, TONE_NONE);
		fputs("</w:tr>\n", f);
	}
	fputs("</w:tbl>\n", f);
	para(f, "DuchaTable", "");
}

/* A chart as a picture: EMU sizes (914400 to the inch, 12700 to the point). */
static void picture(docx *x, const doc_block *b, const config_document *cfg, double text_w_pt)
{
	double w_pt, h_pt;
	int n = x->images;
	if (n >= 64 || !document_chart_png(b, cfg, text_w_pt, &x->png[n], &x->png_len[n], &w_pt, &h_pt))
		return;
	x->images++;
	FILE *f = x->body.f;
	long cx = (long)(w_pt * 12700), cy = (long)(h_pt * 12700);
	fprintf(f,
	        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	        "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%d\" name=\"chart%d\"/>"
	        "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
	        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	        "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	        "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"chart%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	        "<pic:blipFill><a:blip r:embed=\"rIdImg%d\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
	        "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
	        "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
	        "</wp:inline></w:drawing></w:r></w:p>\n",
	        cx, cy, n + 1, n + 1, n + 1, n + 1, n + 1, cx, cy);
}

static void body(docx *x, const document *d, const config_document *cfg)
{
	FILE *f = x->body.f;
	bool landscape = false;
	for (int i = 0; i < d->nblocks; i++) {
		const doc_block *b = &d->blocks[i];
		switch (b->kind) {
		case DOC_MASTHEAD: masthead(f, b); break;
		case DOC_TITLE: para(f, "DuchaTitle", b->text); break;
		case DOC_ADDRESSEE: para(f, "DuchaAddressee", b->text); break;
		case DOC_HEADING: para(f, b->level == 1 ? "DuchaHeading1" : "DuchaHeading2", b->text); break;
		case DOC_PARAGRAPH:
			if (b->level == 1) {
				para(f, "DuchaBody", "");
				lines(f, "DuchaAttachmentNote", b->text);
			} else {
				para(f, "DuchaBody", b->text);
			}
			break;
		case DOC_SIGNATURE:
			para(f, "DuchaBody", "");
			para(f, "DuchaBody", "");
			lines(f, "DuchaSignature", b->text);
			break;
		case DOC_ATTACHMENT:
			/* A section ends with the paragraph that carries its properties. */
			end_section(f, landscape);
			landscape = b->landscape;
			para(f, "DuchaAttachmentMark", b->text);
			para(f, "DuchaTitle", b->extra);
			break;
		case DOC_TABLE: write_table(f, &b->table, landscape); break;
		case DOC_CHART_AGENCIES:
		case DOC_CHART_INDICATORS:
			if (b->kind == DOC_CHART_AGENCIES || b->nmarks) {
				para(f, "DuchaChartTitle", b->text);
				picture(x, b, cfg, landscape ? 237 * DOC_MM : DOC_TEXT_W);
			}
			break;
		case DOC_RECORD:
			para(f, "DuchaBody", "");
			lines(f, "DuchaRecord", b->text);
			break;
		}
	}
	section(f, landscape);
}

/* ---- the package ---- */

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"png\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>";

static const char settings[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/></w:settings>";

#define NS_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char header_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:hdr " NS_W "><w:p><w:pPr><w:pStyle w:val=\"DuchaBody\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr></w:p></w:hdr>";

/* "— N —" in 四号 宋体, one character in from the outside edge. */
static char *footer_xml(bool odd)
{
	return xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	                 "<w:ftr " NS_W "><w:p><w:pPr><w:ind w:%s=\"280\"/><w:jc w:val=\"%s\"/></w:pPr>"
	                 "<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/><w:sz w:val=\"28\"/></w:rPr>"
	                 "<w:t xml:space=\"preserve\">— </w:t></w:r>"
	                 "<w:fldSimple w:instr=\"PAGE\"><w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\"/>"
	                 "<w:sz w:val=\"28\"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
	                 "<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/><w:sz w:val=\"28\"/></w:rPr>"
	                 "<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>",
	                 odd ? "right" : "left", odd ? "right" : "left");   /* the same word twice */
}

/* A paragraph style; each part is written in the order the schema
 * (CT_PPr, CT_RPr) requires, which Word enforces. */
typedef struct style_def {
	const char *id, *name, *east_asia;
	int half_points;
	bool keep_next;
	const char *borders;         /* w:pBdr children */
	const char *tabs;            /* w:tabs children */
	const char *spacing;         /* w:spacing attributes */
	const char *ind;             /* w:ind attributes */
	const char *jc;              /* w:jc value */
	int outline;                 /* w:outlineLvl + 1; 0: none */
	bool grid28;                 /* 16 pt characters 0.25 pt closer: 28 to the line */
	const char *color;           /* run colour */
} style_def;

/* Body text: exact 28.95 pt lines (22 to the page); characters 0.25 pt
 * closer so that 28 fill the 156 mm line the same in Word, WPS and
 * LibreOffice (a character grid is read differently by each); no extra
 * space between Chinese and digits. */
#define LINE "w:line=\"579\" w:lineRule=\"exact\""
#define INDENT2 "w:firstLineChars=\"200\" w:firstLine=\"640\""
static const style_def styles[] = {
	{ "DuchaBody", "正文（公文）", "仿宋_GB2312", 32, false, NULL, NULL, LINE, INDENT2, "both", 0, true, NULL },
	{ "DuchaMasthead", "版头", "方正小标宋简体", 80, false, NULL, NULL, "w:before=\"600\" w:after=\"200\"", NULL, "center", 0, false, "E60000" },
	{ "DuchaMastheadSmall", "版头（督办单）", "方正小标宋简体", 56, false, NULL, NULL, "w:before=\"200\" w:after=\"200\"", NULL, "center", 0, false, "E60000" },
	{ "DuchaNumber", "发文字号", "仿宋_GB2312", 32, false, NULL, NULL, LINE, NULL, "center", 0, false, NULL },
	{ "DuchaIssuerLine", "版头落款行", "仿宋_GB2312", 32, false,
	  "<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"E60000\"/>", "<w:tab w:val=\"right\" w:pos=\"8844\"/>",
	  LINE " w:after=\"579\"", NULL, NULL, 0, false, NULL },
	{ "DuchaTitle", "标题（公文）", "方正小标宋简体", 44, false, NULL, NULL, "w:after=\"579\" w:line=\"720\" w:lineRule=\"exact\"", NULL, "center", 0, false, NULL },
	{ "DuchaAddressee", "主送机关", "仿宋_GB2312", 32, false, NULL, NULL, LINE, NULL, NULL, 0, true, NULL },
	{ "DuchaHeading1", "一级标题", "黑体", 32, true, NULL, NULL, LINE, INDENT2, NULL, 1, true, NULL },
	{ "DuchaHeading2", "二级标题", "楷体_GB2312", 32, true, NULL, NULL, LINE, INDENT2, NULL, 2, true, NULL },
	{ "DuchaAttachmentNote", "附件说明", "仿宋_GB2312", 32, false, NULL, NULL, LINE, "w:left=\"1600\"", NULL, 0, true, NULL },
	{ "DuchaSignature", "落款", "仿宋_GB2312", 32, true, NULL, NULL, LINE, "w:rightChars=\"400\" w:right=\"1280\"", "right", 0, true, NULL },
	{ "DuchaAttachmentMark", "附件标识", "黑体", 32, true, NULL, NULL, LINE, NULL, NULL, 0, true, NULL },
	{ "DuchaTable", "表格文字", "仿宋_GB2312", 21, false, NULL, NULL, "w:line=\"280\" w:lineRule=\"atLeast\"", NULL, NULL, 0, false, NULL },
	{ "DuchaTableHead", "表头", "黑体", 21, false, NULL, NULL, "w:line=\"280\" w:lineRule=\"atLeast\"", NULL, "center", 0, false, NULL },
	{ "DuchaChartTitle", "图表标题", "黑体", 28, true, NULL, NULL, "w:before=\"240\" w:after=\"120\"", NULL, "center", 0, false, NULL },
	{ "DuchaRecord", "版记", "仿宋_GB2312", 28, false,
	  "<w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>",
	  NULL, NULL, "w:left=\"320\" w:right=\"320\"", NULL, 0, false, NULL },
};

static void style_xml(FILE *f, const style_def *s, bool is_default)
{
	fprintf(f, "<w:style w:type=\"paragraph\" w:customStyle=\"1\"%s w:styleId=\"%s\"><w:name w:val=\"%s\"/><w:qFormat/><w:pPr>",
	        is_default ? " w:default=\"1\"" : "", s->id, s->name);
	if (s->keep_next)
		fputs("<w:keepNext/>", f);
	if (s->borders)
		fprintf(f, "<w:pBdr>%s</w:pBdr>", s->borders);
	if (s->tabs)
		fprintf(f, "<w:tabs>%s</w:tabs>", s->tabs);
	fputs("<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>", f);
	if (s->spacing)
		fprintf(f, "<w:spacing %s/>", s->spacing);
	if (s->ind)
		fprintf(f, "<w:ind %s/>", s->ind);
	if (s->jc)
		fprintf(f, "<w:jc w:val=\"%s\"/>", s->jc);
	if (s->outline)
		fprintf(f, "<w:outlineLvl w:val=\"%d\"/>", s->outline - 1);
	fprintf(f, "</w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"%s\"/>",
	        s->east_asia);
	if (s->color)
		fprintf(f, "<w:color w:val=\"%s\"/>", s->color);
	if (s->grid28)
		fputs("<w:spacing w:val=\"-5\"/>", f);
	fprintf(f, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>", s->half_points, s->half_points);
}

static char *styles_xml(void)
{
	doc_sink p;
	doc_sink_open(&p);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles " NS_W ">"
	      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
	      " w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	      "</w:rPr></w:rPrDefault></w:docDefaults>",
	      p.f);
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
		style_xml(p.f, &styles[i], i == 0);
	fputs("</w:styles>", p.f);
	return doc_sink_close(&p);
}

static char *core_xml(const document *d)
{
	doc_sink p;
	doc_sink_open(&p);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
	      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>",
	      p.f);
	xml_escape(p.f, d->title, NULL);
	fputs("</dc:title><dc:creator>ducha</dc:creator></cp:coreProperties>", p.f);
	return doc_sink_close(&p);
}

static char *document_rels(const docx *x)
{
	doc_sink p;
	doc_sink_open(&p);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	      "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	      "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
	      "<Relationship Id=\"rIdH\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
	      "<Relationship Id=\"rIdF1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
	      "<Relationship Id=\"rIdF2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>",
	      p.f);
	for (int i = 0; i < x->images; i++)
		fprintf(p.f,
		        "<Relationship Id=\"rIdImg%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
		        " Target=\"media/chart%d.png\"/>",
		        i + 1, i + 1);
	fputs("</Relationships>", p.f);
	return doc_sink_close(&p);
}

static char *document_xml(docx *x, const document *d, const config_document *cfg)
{
	doc_sink_open(&x->body);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<w:document " NS_W " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
	      " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>\n",
	      x->body.f);
	body(x, d, cfg);
	fputs("</w:body></w:document>", x->body.f);
	return doc_sink_close(&x->body);
}

/* Adds a part that libzip frees; false with a message. */
static bool add(zip_t *z, const char *name, void *data, size_t len, char *err, size_t errlen)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 1);
	if (src && zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) >= 0)
		return true;
	if (src)
		zip_source_free(src);
	else
		free(data);
	snprintf(err, errlen, "生成 .docx 失败（%s）: %s", name, zip_strerror(z));
	return false;
}

static bool add_text(zip_t *z, const char *name, char *owned, char *err, size_t errlen)
{
	return add(z, name, owned, strlen(owned), err, errlen);
}

static bool add_parts(zip_t *z, docx *x, const document *d, const config_document *cfg, char *err, size_t errlen)
{
	/* The body first: it makes the pictures the relationships name. */
	bool ok = add_text(z, "word/document.xml", document_xml(x, d, cfg), err, errlen) &&
	          add_text(z, "[Content_Types].xml", xstrdup(content_types), err, errlen) &&
	          add_text(z, "_rels/.rels", xstrdup(package_rels), err, errlen) &&
	          add_text(z, "word/styles.xml", styles_xml(), err, errlen) &&
	          add_text(z, "word/settings.xml", xstrdup(settings), err, errlen) &&
	          add_text(z, "word/header1.xml", xstrdup(header_xml), err, errlen) &&
	          add_text(z, "word/footer1.xml", footer_xml(true), err, errlen) &&
	          add_text(z, "word/footer2.xml", footer_xml(false), err, errlen) &&
	          add_text(z, "word/_rels/document.xml.rels", document_rels(x), err, errlen) &&
	          add_text(z, "docProps/core.xml", core_xml(d), err, errlen);
	for (int i = 0; i < x->images; i++) {
		char name[48];
		snprintf(name, sizeof name, "word/media/chart%d.png", i + 1);
		if (ok)
			ok = add(z, name, x->png[i], x->png_len[i], err, errlen);
		else
			free(x->png[i]);
		x->png[i] = NULL;
	}
	return ok;
}

/* The zip is made in memory, then written out (the caller's file appears
 * only when complete). */
static bool copy_out(zip_source_t *src, FILE *out, char *err, size_t errlen)
{
	zip_stat_t st;
	if (zip_source_open(src) < 0 || zip_source_stat(src, &st) < 0) {
		snprintf(err, errlen, "生成 .docx 失败: %s", zip_error_strerror(zip_source_error(src)));
		return false;
	}
	char chunk[16384];
	zip_int64_t n;
	bool ok = true;
	while (ok && (n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		ok = fwrite(chunk, 1, (size_t)n, out) == (size_t)n;
	zip_source_close(src);
	if (!ok)
		snprintf(err, errlen, "写入 .docx 失败: %s", strerror(errno));
	return ok;
}

bool document_render_docx(const document *d, const config_document *cfg, FILE *out, char *err, size_t errlen)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!z) {
		snprintf(err, errlen, "生成 .docx 失败: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (src)
			zip_source_free(src);
		return false;
	}
	zip_source_keep(src);
	docx x = { 0 };
	bool ok = add_parts(z, &x, d, cfg, err, errlen);
	if (ok && zip_close(z) < 0) {
		snprintf(err, errlen, "生成 .docx 失败: %s", zip_strerror(z));
		zip_discard(z);
		ok = false;
	} else if (!ok) {
		zip_discard(z);
	}
	ok = ok && copy_out(src, out, err, errlen);
	zip_source_free(src);
	zip_error_fini(&ze);
	return ok;
}
