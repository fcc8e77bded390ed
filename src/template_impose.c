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

static int yes_attr(xmlNodePtr n, const char *name, int fallback)
{
	char *v = template_attr(n, name);
	int r = v ? strcmp(v, "yes") == 0 : fallback;
	xmlFree(v);
	return r;
}

/* A whole number from 1 to 20 (the schema's range), 0 when not given. */
static int count_attr(struct template_report *r, xmlNodePtr n, const char *name)
{
	char *v = template_attr(n, name), *end;
	long x = v ? strtol(v, &end, 10) : 0;
	if (v && (end == v || *end || x < 1 || x > 20)) {
		template_report(r, DIAG_ERROR, n, name, "<impose> %s=\"%.20s\" must be 1 to 20", name, v);
		x = 0;
	}
	xmlFree(v);
	return (int)x;
}

static int read_sheet(struct template_report *r, xmlNodePtr n, struct doc_impose *imp)
{
	char *size = template_attr(n, "sheet"), *orient = template_attr(n, "orientation");
	int errors = 0;
	if (units_paper_size(size ? size : "A4", &imp->sheet_width, &imp->sheet_height) != 0) {
		template_report(r, DIAG_ERROR, n, NULL, "unknown sheet size \"%.20s\"", size);
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

static int read_impose(struct template_report *r, xmlNodePtr n, struct doc *d)
{
	struct doc_impose *imp = &d->impose;
	double w = DEFAULT_CARD_WIDTH, h = DEFAULT_CARD_HEIGHT;
	int errors;
	imp->enabled = 1;
	imp->line = template_node_line(r->t, n);
	imp->col = template_node_column(r->t, n);
	errors = read_sheet(r, n, imp);
	errors += template_length(r, n, "card-width", MIN_CARD_TEXT, imp->sheet_width, UNIT_MM, &w) != 0;
	errors += template_length(r, n, "card-height", MIN_CARD_TEXT, imp->sheet_height, UNIT_MM, &h) != 0;
	errors += template_length(r, n, "gap", 0, 20 * MM_TO_PT, UNIT_MM, &imp->gap) != 0;
	imp->columns = count_attr(r, n, "columns");
	imp->rows = count_attr(r, n, "rows");
	imp->crop_marks = yes_attr(n, "crop-marks", 1);
	imp->back = yes_attr(n, "back", 0);
	d->page.width = w;
	d->page.height = h;
	d->page.page_numbers = 0;
	if (errors == 0 && (w - d->page.margin_left - d->page.margin_right < MIN_CARD_TEXT ||
			    h - d->page.margin_top - d->page.margin_bottom < MIN_CARD_TEXT)) {
		template_report(r, DIAG_ERROR, n, NULL,
				"the <page> margins leave less than 10 mm for text on a %.0f x %.0f mm card",
				w / MM_TO_PT, h / MM_TO_PT);
		errors++;
	}
	return errors;
}

int template_read_impose(struct template_report *r, xmlNodePtr root, struct doc *d)
{
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "impose") == 0)
			return read_impose(r, n, d);
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
