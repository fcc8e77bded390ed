/*
 * pdf_link: a link annotation for each Link element: one per line of text it
 * covers on a page (a web address broken over two lines gets two), one for
 * its graphics (a QR code). Each has /Contents and is tied to its Link
 * element in the structure tree.
 */
#include "pdf_internal.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pending {
	int elem;
	int text;                   /* a line of text (keyed by BASELINE), or graphics */
	double baseline;
	double x0, y0, x1, y1;      /* PDF coordinates */
};

struct pdf_links {
	struct pending *items;
	int n, cap;
};

int pdf_link_of(const struct pages *p, const struct box *b)
{
	for (int e = b->elem; e > 0 && e < p->n_elems; e = p->elems[e].parent)
		if (p->elems[e].role == ROLE_LINK && p->elems[e].uri)
			return e;
	return 0;
}

static struct pending *find(struct pdf_links *l, int elem, int text, double baseline)
{
	for (int i = 0; i < l->n; i++)
		if (l->items[i].elem == elem && l->items[i].text == text &&
		    (!text || l->items[i].baseline == baseline))
			return &l->items[i];
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->items = xrealloc(l->items, (size_t)l->cap * sizeof(*l->items));
	}
	memset(&l->items[l->n], 0, sizeof(l->items[0]));
	l->items[l->n].elem = elem;
	l->items[l->n].text = text;
	l->items[l->n].baseline = baseline;
	l->items[l->n].x0 = 1e30;
	l->items[l->n].y0 = 1e30;
	l->items[l->n].x1 = -1e30;
	l->items[l->n].y1 = -1e30;
	return &l->items[l->n++];
}

void pdf_link_box(struct pdf_writer *w, int elem, const struct box *b)
{
	struct pending *p;
	double top = b->y, bottom = b->y + b->h;
	if (!w->links)
		w->links = xcalloc(1, sizeof(*w->links));
	p = find(w->links, elem, b->kind == BOX_TEXT, b->y);
	if (b->kind == BOX_TEXT) {
		top = b->y - b->size * 0.8;
		bottom = b->y + b->size * 0.25;
	}
	if (b->x < p->x0)
		p->x0 = b->x;
	if (b->x + b->w > p->x1)
		p->x1 = b->x + b->w;
	if (w->out.page_height - bottom < p->y0)
		p->y0 = w->out.page_height - bottom;
	if (w->out.page_height - top > p->y1)
		p->y1 = w->out.page_height - top;
}

/* A URI is 7-bit ASCII: other bytes are percent-encoded. */
static char *ascii_uri(const char *uri)
{
	size_t n = strlen(uri);
	char *out = xmalloc(3 * n + 1), *o = out;
	for (const unsigned char *c = (const unsigned char *)uri; *c; c++) {
		if (*c > 0x20 && *c < 0x7F)
			*o++ = (char)*c;
		else
			o += sprintf(o, "%%%02X", *c);
	}
	*o = '\0';
	return out;
}

static void write_annot(struct pdf_writer *w, const struct pending *p)
{
	const struct pages_elem *e = &w->pages->elems[p->elem];
	HPDF_Rect rect = { (HPDF_REAL)p->x0, (HPDF_REAL)p->y0, (HPDF_REAL)p->x1, (HPDF_REAL)p->y1 };
	char *uri = ascii_uri(e->uri);
	const char *what = e->alt ? e->alt : e->uri;
	HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(w->page, rect, uri);
	free(uri);
	if (!a)
		return;
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	HPDF_Dict_Add(a, "Contents", pdf_text_string(w, what, strlen(what)));
	HPDF_Dict_AddNumber(a, "F", 4); /* printed like the page, never hidden */
	pdf_struct_add_annot(w, p->elem, a);
}

void pdf_links_end_page(struct pdf_writer *w)
{
	if (!w->links || w->links->n == 0)
		return;
	for (int i = 0; i < w->links->n; i++)
		write_annot(w, &w->links->items[i]);
	/* with annotations, the tab order follows the structure */
	HPDF_Dict_AddName(w->page, "Tabs", "S");
	w->links->n = 0;
}

void pdf_links_free(struct pdf_writer *w)
{
	if (w->links)
		free(w->links->items);
	free(w->links);
}
