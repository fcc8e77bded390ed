/*
 * pdf_meta: what describes the document rather than draws it: its language
 * (/Lang), the information dictionary and the same facts as XMP metadata
 * (with the PDF/UA identification when the file is tagged), the title shown
 * in the viewer's title bar, and the outline (bookmarks) made from the
 * headings of a document of more than one page.
 */
#include "pdf_internal.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *pdf_text_string(struct pdf_writer *w, const char *utf8, size_t len)
{
	uint16_t *units;
	size_t n;
	HPDF_BYTE *buf, *o;
	HPDF_Binary bin;
	if (pdf_plain_ascii(utf8, len)) {
		char *plain = xstrndup(utf8, len);
		HPDF_String s = HPDF_String_New(w->doc->mmgr, plain, NULL);
		free(plain);
		return s;
	}
	units = xmalloc((len + 1) * sizeof(*units));
	n = pdf_utf16(utf8, len, units);
	buf = o = xmalloc(2 * n + 2);
	*o++ = 0xFE; /* byte order mark, then UTF-16BE */
	*o++ = 0xFF;
	for (size_t i = 0; i < n; i++) {
		*o++ = (HPDF_BYTE)(units[i] >> 8);
		*o++ = (HPDF_BYTE)units[i];
	}
	bin = HPDF_Binary_New(w->doc->mmgr, buf, (HPDF_UINT)(o - buf));
	free(units);
	free(buf);
	return bin;
}

static void set_info(struct pdf_writer *w, const char *key, const char *value)
{
	if (value && w->doc->info)
		HPDF_Dict_Add(w->doc->info, key, pdf_text_string(w, value, strlen(value)));
}

/* Append N bytes of S to BUF, or with XML's special characters escaped. */
static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*cap - *len < n + 1) {
		*cap = (*cap + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
}

static void xml_put(char **buf, size_t *len, size_t *cap, const char *a, const char *value,
		    const char *b)
{
	append(buf, len, cap, a, strlen(a));
	for (const char *c = value; c && *c; c++) {
		const char *e = *c == '<' ? "&lt;" : *c == '>' ? "&gt;" : *c == '&' ? "&amp;" : NULL;
		append(buf, len, cap, e ? e : c, e ? strlen(e) : 1);
	}
	append(buf, len, cap, b, strlen(b));
}

static char *xmp_packet(const struct pdf_info *p, size_t *len)
{
	size_t cap = 2048;
	char *buf = xmalloc(cap);
	const char *lang = p->lang ? p->lang : "x-default";
	*len = 0;
	xml_put(&buf, len, &cap,
		"<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
		NULL, "");
	if (p->title)
		xml_put(&buf, len, &cap, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", p->title,
			"</rdf:li></rdf:Alt></dc:title>\n");
	if (p->subject)
		xml_put(&buf, len, &cap, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
			p->subject, "</rdf:li></rdf:Alt></dc:description>\n");
	if (p->author)
		xml_put(&buf, len, &cap, "<dc:creator><rdf:Seq><rdf:li>", p->author,
			"</rdf:li></rdf:Seq></dc:creator>\n");
	xml_put(&buf, len, &cap, "<dc:language><rdf:Bag><rdf:li>", lang,
		"</rdf:li></rdf:Bag></dc:language>\n");
	if (p->keywords)
		xml_put(&buf, len, &cap, "<pdf:Keywords>", p->keywords, "</pdf:Keywords>\n");
	xml_put(&buf, len, &cap,
		"<pdf:Producer>kaikuprint with libharu</pdf:Producer>\n"
		"<xmp:CreatorTool>kaikuprint</xmp:CreatorTool>\n",
		NULL, "");
	if (p->tagged)
		xml_put(&buf, len, &cap, "<pdfuaid:part>1</pdfuaid:part>\n", NULL, "");
	xml_put(&buf, len, &cap, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
		NULL, "");
	return buf;
}

static void write_xmp(struct pdf_writer *w)
{
	size_t len;
	char *xmp = xmp_packet(&w->info, &len);
	HPDF_Dict s = pdf_new_stream(w, 0); /* uncompressed: tools read it as text */
	if (s) {
		HPDF_Dict_AddName(s, "Type", "Metadata");
		HPDF_Dict_AddName(s, "Subtype", "XML");
		HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)xmp, (HPDF_UINT)len);
		HPDF_Dict_Add(w->doc->catalog, "Metadata", s);
	}
	free(xmp);
}

void pdf_meta_write(struct pdf_writer *w)
{
	const struct pdf_info *p = &w->info;
	HPDF_Dict prefs;
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "kaikuprint");
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "kaikuprint with libharu");
	set_info(w, "Title", p->title);
	set_info(w, "Subject", p->subject);
	set_info(w, "Author", p->author);
	set_info(w, "Keywords", p->keywords);
	if (w->press) /* PDF 1.3 (PDF/X-1a:2001) has no /Lang, DisplayDocTitle or XMP */
		return;
	prefs = HPDF_Dict_New(w->doc->mmgr);
	if (p->lang)
		HPDF_Dict_Add(w->doc->catalog, "Lang", HPDF_String_New(w->doc->mmgr, p->lang, NULL));
	HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	HPDF_Dict_Add(w->doc->catalog, "ViewerPreferences", prefs);
	write_xmp(w);
}

/* A heading as the outline shows it: its text, and where it starts. */
struct pdf_heading {
	int part;                 /* the part it was drawn in, and its element there */
	int elem, level, page;
	double top;
	char *text;
	size_t len;
};

static int heading_of(const struct pages *p, const struct box *b, int *level)
{
	for (int e = b->elem; e > 0 && e < p->n_elems; e = p->elems[e].parent) {
		enum pages_role r = p->elems[e].role;
		if (r == ROLE_H1 || r == ROLE_H2 || r == ROLE_H3) {
			*level = r == ROLE_H1 ? 1 : r == ROLE_H2 ? 2 : 3;
			return e;
		}
	}
	return 0;
}

static void append_text(struct pdf_heading *h, const struct box *b)
{
	h->text = xrealloc(h->text, h->len + b->len + 2);
	if (h->len > 0 && h->text[h->len - 1] != ' ' && h->text[h->len - 1] != '-')
		h->text[h->len++] = ' ';
	memcpy(h->text + h->len, b->text, b->len);
	h->len += b->len;
	h->text[h->len] = '\0';
}

/* The headings in the order they are drawn. */
void pdf_outline_box(struct pdf_writer *w, const struct box *b)
{
	struct pdf_heading *h;
	int level, e = !b->personal && w->info.tagged ? heading_of(w->pages, b, &level) : 0;
	int k = w->n_headings - 1;
	if (!e)
		return;
	/* an added hyphen is not part of the title */
	if (b->actual_text && !*b->actual_text)
		return;
	while (k >= 0 && !(w->headings[k].elem == e && w->headings[k].part == w->part))
		k--;
	if (k < 0) {
		w->headings = xrealloc(w->headings, (size_t)(w->n_headings + 1) * sizeof(*w->headings));
		k = w->n_headings++;
		h = &w->headings[k];
		memset(h, 0, sizeof(*h));
		h->part = w->part;
		h->elem = e;
		h->level = level;
		h->page = w->page_index;
		h->top = w->out.page_height - b->y + b->size;
	}
	h = &w->headings[k];
	if (b->actual_text) {
		struct box whole = *b;
		whole.text = b->actual_text;
		whole.len = strlen(b->actual_text);
		append_text(h, &whole);
	} else {
		append_text(h, b);
	}
}

void pdf_outline_write(struct pdf_writer *w)
{
	HPDF_Outline parents[4] = { NULL, NULL, NULL, NULL };
	if (w->n_pages < 2 || w->n_headings == 0)
		return;
	for (int i = 0; i < w->n_headings; i++) {
		struct pdf_heading *h = &w->headings[i];
		HPDF_Outline parent = NULL, o;
		for (int l = h->level - 1; l >= 1 && !parent; l--)
			parent = parents[l];
		o = HPDF_CreateOutline(w->doc, parent, "", NULL);
		if (o) {
			HPDF_Destination dst = HPDF_Page_CreateDestination(w->page_objs[h->page]);
			HPDF_Dict_Add(o, "Title", pdf_text_string(w, h->text, h->len));
			HPDF_Destination_SetFitH(dst, (HPDF_REAL)h->top);
			HPDF_Outline_SetDestination(o, dst);
			HPDF_Outline_SetOpened(o, HPDF_TRUE);
		}
		parents[h->level] = o;
		for (int l = h->level + 1; l <= 3; l++)
			parents[l] = NULL;
	}
	HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

void pdf_outline_free(struct pdf_writer *w)
{
	for (int i = 0; i < w->n_headings; i++)
		free(w->headings[i].text);
	free(w->headings);
}
