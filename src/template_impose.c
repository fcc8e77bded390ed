/* template_impose: the <impose> setup element of card templates. It gives the
 * card size (which becomes the page size for layout) and how the cards are
 * placed on sheets afterwards (impose.c). */
#include "template_internal.h"
#include "diag.h"
#include "units.h"

#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

#define DEFAULT_CARD_WIDTH (85 * MM_TO_PT)
#define DEFAULT_CARD_HEIGHT (55 * MM_TO_PT)
#define MIN_CARD_TEXT (10 * MM_TO_PT) /* least room the margins must leave on a card */

static int length_attr(const struct template *t, xmlNodePtr n, const char *name, double *out)
{
	char *v = template_attr(n, name);
	int rc = 0;
	if (v && (units_parse_length(v, out) != 0 || *out < 0)) {
		diag_file(DIAG_ERROR, t->path, (int)xmlGetLineNo(n), template_column(t, (int)xmlGetLineNo(n), name),
			  "%s=\"%s\" is not a length such as 85mm", name, v);
		rc = 1;
	}
	xmlFree(v);
	return rc;
}

static int yes_attr(xmlNodePtr n, const char *name, int fallback)
{
	char *v = template_attr(n, name);
	int r = v ? strcmp(v, "yes") == 0 : fallback;
	xmlFree(v);
	return r;
}

static int count_attr(xmlNodePtr n, const char *name)
{
	char *v = template_attr(n, name);
	int r = v ? atoi(v) : 0; /* the schema allows 1..20 only */
	xmlFree(v);
	return r;
}

static int read_sheet(const struct template *t, xmlNodePtr n, struct doc_impose *imp)
{
	char *size = template_attr(n, "sheet"), *orient = template_attr(n, "orientation");
	int errors = 0;
	if (units_paper_size(size ? size : "A4", &imp->sheet_width, &imp->sheet_height) != 0) {
		diag_file(DIAG_ERROR, t->path, imp->line, imp->col, "unknown sheet size \"%s\"", size);
		errors++;
	}
	if (orient && strcmp(orient, "landscape") == 0) {
		double w = imp->sheet_width;
		imp->sheet_width = imp->sheet_height;
		imp->sheet_height = w;
	}
	xmlFree(size);
	xmlFree(orient);
	return errors;
}

static int read_impose(const struct template *t, xmlNodePtr n, struct doc *d)
{
	struct doc_impose *imp = &d->impose;
	double w = DEFAULT_CARD_WIDTH, h = DEFAULT_CARD_HEIGHT;
	int errors;
	imp->enabled = 1;
	imp->line = (int)xmlGetLineNo(n);
	imp->col = template_node_column(t, n);
	errors = read_sheet(t, n, imp);
	errors += length_attr(t, n, "card-width", &w);
	errors += length_attr(t, n, "card-height", &h);
	errors += length_attr(t, n, "gap", &imp->gap);
	imp->columns = count_attr(n, "columns");
	imp->rows = count_attr(n, "rows");
	imp->crop_marks = yes_attr(n, "crop-marks", 1);
	imp->back = yes_attr(n, "back", 0);
	d->page.width = w;
	d->page.height = h;
	d->page.page_numbers = 0;
	if (errors == 0 && (w - d->page.margin_left - d->page.margin_right < MIN_CARD_TEXT ||
			    h - d->page.margin_top - d->page.margin_bottom < MIN_CARD_TEXT)) {
		diag_file(DIAG_ERROR, t->path, imp->line, imp->col,
			  "the <page> margins leave less than 10 mm for text on a %.0f x %.0f mm card",
			  w / MM_TO_PT, h / MM_TO_PT);
		errors++;
	}
	return errors;
}

int template_read_impose(const struct template *t, xmlNodePtr root, struct doc *d)
{
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "impose") == 0)
			return read_impose(t, n, d);
	return 0;
}

int template_has_impose(const struct template *t, xmlNodePtr root)
{
	(void)t;
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "impose") == 0)
			return 1;
	return 0;
}
