/* template_booklet: the <booklet> element, the folded variant of a document:
 * its page (before two pages are imposed on one sheet, booklet.c), numbered
 * with plain folios at the outer corners rather than "page / pages", and the
 * most columns its <columns> may use. */
#include "template_internal.h"
#include "diag.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MARGIN (100 * MM_TO_PT)

static int read_margin(struct template_report *r, xmlNodePtr n, const char *name, double *out)
{
	return template_length(r, n, name, 0, MAX_MARGIN, UNIT_MM, out) != 0;
}

static int read_booklet(struct template_report *r, xmlNodePtr n, struct doc *d)
{
	struct doc_page *p = &d->booklet_page;
	char *size = template_attr(n, "size"), *columns = template_attr(n, "columns");
	char *back = template_attr(n, "back-cover"), *fit = template_attr(n, "pages");
	double margin = 14 * MM_TO_PT;
	int errors = 0;
	*p = d->page;
	if (p->page_numbers) /* folios: "2", "3", ... at the outer corners (booklet.c) */
		p->page_numbers = DOC_FOLIOS;
	if (units_paper_size(size ? size : "A5", &p->width, &p->height) != 0) {
		template_report(r, DIAG_ERROR, n, NULL, "unknown booklet page size");
		errors++;
	}
	errors += read_margin(r, n, "margin", &margin);
	p->margin_top = p->margin_bottom = p->margin_left = p->margin_right = margin;
	errors += read_margin(r, n, "margin-top", &p->margin_top);
	errors += read_margin(r, n, "margin-bottom", &p->margin_bottom);
	errors += read_margin(r, n, "margin-left", &p->margin_left);
	errors += read_margin(r, n, "margin-right", &p->margin_right);
	d->booklet_columns = columns ? atoi(columns) : 1;
	d->booklet_back_cover = back && strcmp(back, "yes") == 0;
	d->fit.booklet_multiple = fit && strcmp(fit, "multiple-of-4") == 0 ? 4 : 0;
	xmlFree(fit);
	d->has_booklet = 1;
	xmlFree(back);
	xmlFree(size);
	xmlFree(columns);
	return errors;
}

int template_read_booklet(struct template_report *r, xmlNodePtr root, struct doc *d)
{
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "booklet") == 0)
			return read_booklet(r, n, d);
	return 0;
}

static int has_element(xmlNodePtr n, const char *name)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (xmlStrcmp(n->name, BAD_CAST name) == 0 || has_element(n->children, name)))
			return 1;
	return 0;
}

int template_has_booklet(const struct template *t)
{
	return has_element(xmlDocGetRootElement(t->xml), "booklet");
}
