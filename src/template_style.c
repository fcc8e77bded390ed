/* template_style: <page>, <font> and <style> elements, and default styles. */
#include "template_internal.h"
#include "diag.h"
#include "units.h"

#include <libxml/hash.h>
#include <libxml/tree.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Large print: every size is scaled so that body text is at least this. */
#define LARGE_PRINT_BODY 14.0

static int is_element(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void default_styles(struct doc *d)
{
	static const struct {
		const char *name;
		int bold;
		double size, leading, before, after;
		enum doc_align align;
	} defaults[] = {
		{ "body", 0, 11, 15, 0, 7, ALIGN_LEFT },
		{ "h1", 1, 22, 27, 0, 12, ALIGN_LEFT },
		{ "h2", 1, 14, 18, 14, 5, ALIGN_LEFT },
		{ "h3", 1, 12, 15, 10, 3, ALIGN_LEFT },
		{ "list", 0, 11, 15, 0, 4, ALIGN_LEFT },
		{ "label", 0, 9, 12, 0, 2, ALIGN_LEFT },
		{ "footer", 0, 9, 11, 0, 0, ALIGN_CENTER },
	};
	struct doc_font *f = doc_font_add(d, "sans");
	f->files[0] = doc_strdup(d, "NotoSans-Regular.ttf");
	f->files[1] = doc_strdup(d, "NotoSans-Bold.ttf");
	f->files[2] = doc_strdup(d, "NotoSans-Italic.ttf");
	f->files[3] = doc_strdup(d, "NotoSans-BoldItalic.ttf");
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		struct doc_style *s = doc_style_add(d, defaults[i].name);
		s->family = doc_strdup(d, "sans");
		s->bold = defaults[i].bold;
		s->size = defaults[i].size;
		s->leading = defaults[i].leading;
		s->space_before = defaults[i].before;
		s->space_after = defaults[i].after;
		s->align = defaults[i].align;
		s->hyphenate = 1;
	}
	d->page.width = 210 * MM_TO_PT;
	d->page.height = 297 * MM_TO_PT;
	d->page.margin_top = d->page.margin_bottom = 22 * MM_TO_PT;
	d->page.margin_left = d->page.margin_right = 22 * MM_TO_PT;
	d->page.page_numbers = 1;
}

#define MM(x) ((x) * MM_TO_PT)
#define MAX_MARGIN MM(100)

/* pages="N", fit-space="50%", fit-qr-module="0.5mm", fit-size="9pt" (pagefit.h) */
static int read_fit(struct template_report *r, xmlNodePtr n, struct doc *d)
{
	char *pages = template_attr(n, "pages"), *space = template_attr(n, "fit-space");
	int errors = 0;
	d->fit.line = (int)xmlGetLineNo(n);
	d->fit.col = template_node_column(r->t, n);
	if (pages)
		d->fit.pages = atoi(pages);
	if (space) {
		char *end;
		double pct = strtod(space, &end);
		if (end == space || strcmp(end, "%") != 0 || pct <= 0 || pct > 100) {
			template_report(r, DIAG_ERROR, n, "fit-space=",
					"fit-space=\"%.20s\" is not a share such as 50%%", space);
			errors++;
		} else {
			d->fit.min_space = pct / 100;
		}
	}
	errors += template_length(r, n, "fit-qr-module", MM(0.1), MM(5), UNIT_MM,
				  &d->fit.min_module) != 0;
	errors += template_length(r, n, "fit-size", 4, 200, UNIT_PT, &d->fit.min_size) != 0;
	xmlFree(pages);
	xmlFree(space);
	return errors;
}

static int read_page(struct template_report *r, xmlNodePtr n, struct doc *d)
{
	char *size = template_attr(n, "size"), *orient = template_attr(n, "orientation");
	char *numbers = template_attr(n, "page-numbers");
	double margin = -1;
	int errors = 0;

	if (size && units_paper_size(size, &d->page.width, &d->page.height)) {
		template_report(r, DIAG_ERROR, n, NULL,
				"unknown paper size \"%.80s\" (A3, A4, A5, A6, letter)", size);
		errors++;
	}
	if (orient && strcmp(orient, "landscape") == 0) {
		double w = d->page.width;
		d->page.width = d->page.height;
		d->page.height = w;
	}
	errors += template_length(r, n, "margin", 0, MAX_MARGIN, UNIT_MM, &margin) != 0;
	if (margin >= 0)
		d->page.margin_top = d->page.margin_bottom = d->page.margin_left =
			d->page.margin_right = margin;
	errors += template_length(r, n, "margin-top", 0, MAX_MARGIN, UNIT_MM, &d->page.margin_top) != 0;
	errors += template_length(r, n, "margin-bottom", 0, MAX_MARGIN, UNIT_MM, &d->page.margin_bottom) != 0;
	errors += template_length(r, n, "margin-left", 0, MAX_MARGIN, UNIT_MM, &d->page.margin_left) != 0;
	errors += template_length(r, n, "margin-right", 0, MAX_MARGIN, UNIT_MM, &d->page.margin_right) != 0;
	if (numbers)
		d->page.page_numbers = strcmp(numbers, "no") != 0;
	errors += read_fit(r, n, d);
	xmlFree(size);
	xmlFree(orient);
	xmlFree(numbers);
	return errors;
}

static int read_font(xmlNodePtr n, struct doc *d)
{
	static const char *const faces[4] = { "regular", "bold", "italic", "bold-italic" };
	char *name = template_attr(n, "name");
	struct doc_font *f = doc_font_add(d, name);
	for (int i = 0; i < 4; i++) {
		char *file = template_attr(n, faces[i]);
		f->files[i] = file ? doc_strdup(d, file) : (i ? f->files[0] : NULL);
		xmlFree(file);
	}
	xmlFree(name);
	return 0;
}

static int read_style_flags(struct template_report *r, xmlNodePtr n, struct doc *d,
			    struct doc_style *s)
{
	static const char *const aligns[] = { "left", "justify", "center", "right" };
	char *font = template_attr(n, "font"), *align = template_attr(n, "align");
	char *bold = template_attr(n, "bold"), *italic = template_attr(n, "italic");
	char *color = template_attr(n, "color"), *hyph = template_attr(n, "hyphenate");
	int errors = 0;

	if (font && !doc_font_find(d, font)) {
		template_report(r, DIAG_ERROR, n, NULL,
				"unknown font family \"%.80s\" (declare it with <font>)", font);
		errors++;
	} else if (font) {
		s->family = doc_font_find(d, font)->name;
	}
	for (int i = 0; align && i < 4; i++)
		if (strcmp(align, aligns[i]) == 0)
			s->align = (enum doc_align)i;
	if (bold)
		s->bold = strcmp(bold, "yes") == 0;
	if (italic)
		s->italic = strcmp(italic, "yes") == 0;
	if (hyph)
		s->hyphenate = strcmp(hyph, "yes") == 0;
	if (color && units_parse_color(color, &s->color)) {
		template_report(r, DIAG_ERROR, n, "color=",
				"color=\"%.80s\" is not a colour such as #1a5c8e or cmyk(90,40,20,10)", color);
		errors++;
	}
	xmlFree(font);
	xmlFree(align);
	xmlFree(bold);
	xmlFree(italic);
	xmlFree(color);
	xmlFree(hyph);
	return errors;
}

static int read_style(struct template_report *r, xmlNodePtr n, struct doc *d)
{
	char *name = template_attr(n, "name"), *parent = template_attr(n, "parent");
	const struct doc_style *base = doc_style_find(d, parent ? parent : name);
	struct doc_style copy, *s;
	int errors = 0;

	if (parent && !base) {
		template_report(r, DIAG_ERROR, n, NULL, "unknown parent style \"%.80s\"", parent);
		errors++;
	}
	if (!base)
		base = doc_style_find(d, "body");
	copy = *base;
	/* a style based on body by default does not take its measure (a
	 * table cell, a label, a kicker); one that names its parent does */
	if (!parent && base != doc_style_find(d, name))
		copy.measure = 0;
	s = doc_style_add(d, name);
	copy.name = s->name;
	*s = copy;
	errors += template_length(r, n, "size", 4, 200, UNIT_PT, &s->size) != 0;
	errors += template_length(r, n, "leading", 0, 600, UNIT_PT, &s->leading) != 0;
	errors += template_length(r, n, "space-before", 0, MM(50), UNIT_MM, &s->space_before) != 0;
	errors += template_length(r, n, "space-after", 0, MM(50), UNIT_MM, &s->space_after) != 0;
	errors += template_length(r, n, "indent", 0, MM(100), UNIT_MM, &s->indent) != 0;
	errors += template_length(r, n, "measure", 0, d->page.width, UNIT_MM, &s->measure) != 0;
	errors += read_style_flags(r, n, d, s);
	if (errors == 0 && (s->leading < s->size * 0.8 || s->leading > s->size * 3)) {
		template_report(r, DIAG_ERROR, n, NULL,
				"style \"%.80s\": leading must be 0.8 to 3 x the size (%.4g pt)", name,
				s->size);
		errors++;
	}
	xmlFree(name);
	xmlFree(parent);
	return errors;
}

/* A second <style> of the same name would silently replace the first. */
static int read_style_once(struct template_report *r, xmlNodePtr n, struct doc *d,
			   xmlHashTablePtr seen)
{
	char *name = template_attr(n, "name");
	int line = template_node_line(r->t, n), errors = 0;
	void *first = name ? xmlHashLookup(seen, (const xmlChar *)name) : NULL;
	if (first) {
		template_report(r, DIAG_ERROR, n, NULL,
				"style \"%.80s\" is defined twice (first on line %d)", name,
				(int)(intptr_t)first);
		errors++;
	} else if (name) {
		xmlHashAddEntry(seen, (const xmlChar *)name, (void *)(intptr_t)line);
	}
	xmlFree(name);
	return errors + read_style(r, n, d);
}

static void scale_for_large_print(struct doc *d)
{
	const struct doc_style *body = doc_style_find(d, "body");
	double k = body && body->size < LARGE_PRINT_BODY ? LARGE_PRINT_BODY / body->size : 1;
	for (int i = 0; i < d->n_styles; i++) {
		struct doc_style *s = &d->styles[i];
		s->size *= k;
		s->leading *= k;
		s->space_before *= k;
		s->space_after *= k;
		s->indent *= k;
		s->measure *= k; /* as many characters a line, as far as the page allows */
	}
	/* the page count grows with the area the text takes; the type never
	 * shrinks below large print (pagefit.h) */
	if (d->fit.pages > 0)
		d->fit.pages = (int)ceil(d->fit.pages * k * k - 1e-6);
	if (d->fit.min_size > 0)
		d->fit.min_size = d->fit.min_size * k > LARGE_PRINT_BODY ? d->fit.min_size * k
									 : LARGE_PRINT_BODY;
}

int template_read_setup(struct template_report *r, xmlNodePtr root, struct doc *d,
			int large_print)
{
	int errors = 0;
	xmlHashTablePtr seen = xmlHashCreate(64); /* style name -> its line */
	default_styles(d);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (is_element(n, "page"))
			errors += read_page(r, n, d);
		else if (is_element(n, "font"))
			errors += read_font(n, d);
		else if (is_element(n, "style"))
			errors += read_style_once(r, n, d, seen);
	}
	xmlHashFree(seen, NULL);
	if (large_print)
		scale_for_large_print(d);
	if (errors == 0 && (d->page.margin_left + d->page.margin_right > d->page.width - 72 ||
			    d->page.margin_top + d->page.margin_bottom > d->page.height - 72)) {
		template_report(r, DIAG_ERROR, NULL, NULL, "margins leave less than 1 inch for text");
		errors++;
	}
	return errors;
}
