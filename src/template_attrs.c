/*
 * template_attrs: every attribute of a block element parsed, range-checked
 * and stored in its node's typed attributes (doc.h) once, at expansion, so
 * that layout reads numbers and never strings. The schema has checked the
 * form (a length, yes/no, a colour); this file checks the ranges, which
 * templates/README.md lists. A bad value is reported at its attribute and
 * the node keeps the default, so that expansion can go on and find more.
 */
#include "template_internal.h"
#include "image_probe.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x) * MM_TO_PT)

/* What the readers below share: the element, its node and where to report. */
struct reader {
	struct template_report *r;
	xmlNodePtr n;
	struct doc *d;
	struct doc_node *b;
};

static void attr_needle(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s=", name);
}

/* X in UNIT: one decimal, none when it is whole. */
static void number_text(double x, char *buf, size_t size)
{
	snprintf(buf, size, "%.1f", x);
	if (strlen(buf) > 2 && strcmp(buf + strlen(buf) - 2, ".0") == 0)
		buf[strlen(buf) - 2] = '\0';
}

/* "from MIN to MAX mm" (or pt: font sizes, line weights). */
static void range_text(double min, double max, enum template_unit unit, char *buf, size_t size)
{
	double k = unit == UNIT_PT ? 1 : MM_TO_PT;
	char lo[32], hi[32];
	number_text(min / k, lo, sizeof(lo));
	number_text(max / k, hi, sizeof(hi));
	snprintf(buf, size, "from %s to %s %s", lo, hi, unit == UNIT_PT ? "pt" : "mm");
}

int template_length(struct template_report *r, xmlNodePtr n, const char *name, double min,
		    double max, enum template_unit unit, double *pt)
{
	char *v = template_attr(n, name), needle[64], range[80];
	double x;
	int rc = 0;
	if (!v)
		return 0;
	attr_needle(name, needle, sizeof(needle));
	if (units_parse_length(v, &x) != 0) {
		template_report(r, DIAG_ERROR, n, needle,
				"%s=\"%.40s\" is not a length such as 12pt or 20mm", name, v);
		rc = -1;
	} else if (x < min - 1e-9 || x > max + 1e-9) {
		range_text(min, max, unit, range, sizeof(range));
		template_report(r, DIAG_ERROR, n, needle, "<%s> %s=\"%.40s\" is out of range: %s",
				(const char *)n->name, name, v, range);
		rc = -1;
	} else {
		*pt = x;
	}
	xmlFree(v);
	return rc;
}

static void length(struct reader *rd, const char *name, double min, double max, double *pt)
{
	template_length(rd->r, rd->n, name, min, max, UNIT_MM, pt);
}

/* The same for lengths people give in points (line weights, font sizes). */
static void points(struct reader *rd, const char *name, double min, double max, double *pt)
{
	template_length(rd->r, rd->n, name, min, max, UNIT_PT, pt);
}

/* A whole number from MIN to MAX into *OUT when given. */
static void count(struct reader *rd, const char *name, int min, int max, int *out)
{
	char *v = template_attr(rd->n, name), *end, needle[64];
	long x;
	if (!v)
		return;
	x = strtol(v, &end, 10);
	if (end == v || *end || x < min || x > max) {
		attr_needle(name, needle, sizeof(needle));
		template_report(rd->r, DIAG_ERROR, rd->n, needle,
				"<%s> %s=\"%.40s\" must be a whole number from %d to %d",
				(const char *)rd->n->name, name, v, min, max);
	} else {
		*out = (int)x;
	}
	xmlFree(v);
}

/* Is NAME given, and (VALUE not NULL) given as VALUE? */
static int given(const struct reader *rd, const char *name, const char *value)
{
	char *v = template_attr(rd->n, name);
	int r = v && (!value || strcmp(v, value) == 0);
	xmlFree(v);
	return r;
}

static int yes(struct reader *rd, const char *name, int fallback)
{
	char *v = template_attr(rd->n, name);
	int r = v ? strcmp(v, "yes") == 0 : fallback;
	xmlFree(v);
	return r;
}

/* A #RRGGBB colour into *OUT; returns 1 when one was given and read. */
static int color(struct reader *rd, const char *name, struct doc_color *out)
{
	char *v = template_attr(rd->n, name), needle[64];
	int ok = 0;
	if (!v)
		return 0;
	if (units_parse_color(v, out) == 0) {
		ok = 1;
	} else {
		attr_needle(name, needle, sizeof(needle));
		template_report(rd->r, DIAG_ERROR, rd->n, needle,
				"%s=\"%.40s\" is not a colour such as #1a5c8e or cmyk(90,40,20,10)",
				name, v);
	}
	xmlFree(v);
	return ok;
}

/* A string attribute copied into the document, or NULL. */
static const char *text(struct reader *rd, const char *name)
{
	char *v = template_attr(rd->n, name);
	const char *s = v ? doc_strdup(rd->d, v) : NULL;
	xmlFree(v);
	return s;
}

static double page_width(const struct reader *rd)
{
	return rd->d->page.width;
}

static double page_height(const struct reader *rd)
{
	return rd->d->page.height;
}

static void read_blank(struct reader *rd, struct doc_blank_attrs *a)
{
	a->label = text(rd, "label");
	a->width = DOC_AUTO;
	a->lines = 1;
	length(rd, "width", MM(1), page_width(rd), &a->width);
	count(rd, "lines", 1, 40, &a->lines);
}

static void read_rule(struct reader *rd, struct doc_rule_attrs *a)
{
	a->width = DOC_AUTO;
	a->thickness = 0.75;
	length(rd, "width", MM(1), page_width(rd), &a->width);
	points(rd, "thickness", 0.1, 12, &a->thickness);
	color(rd, "color", &a->color);
}

/* The grid of the nearest <form> or <field-table> above B, or the defaults. */
static struct doc_grid inherited_grid(const struct doc_node *b)
{
	struct doc_grid g = { DOC_AUTO, MM(7), MM(3) };
	for (const struct doc_node *p = b->parent; p; p = p->parent)
		if (p->kind == DOC_FORM || p->kind == DOC_FORM_TABLE)
			return p->a.form.grid;
	return g;
}

static void read_form(struct reader *rd, struct doc_form_attrs *a)
{
	a->grid = inherited_grid(rd->b);
	a->kind = text(rd, "kind");
	if (!a->kind)
		a->kind = "";
	a->row_number = strcmp(a->kind, "row-number") == 0;
	a->split = text(rd, "split");
	a->width = DOC_AUTO;
	a->rows = 10;
	if (rd->b->kind == DOC_FORM || rd->b->kind == DOC_FORM_TABLE) {
		a->has_label_width = given(rd, "label-width", NULL);
		a->has_box = given(rd, "box", NULL);
		length(rd, "label-width", 0, page_width(rd), &a->grid.label_width);
		length(rd, "box", MM(6), MM(30), &a->grid.box);
		length(rd, "gap", 0, MM(50), &a->grid.gap);
		count(rd, "rows", 1, 60, &a->rows);
	}
	count(rd, "boxes", 1, 40, &a->boxes);
	a->date = yes(rd, "date", 0);
	length(rd, "width", MM(1), page_width(rd), &a->width);
}

/* widths="30mm auto * 2*": one entry per column. */
static void read_widths(struct reader *rd, struct doc_table_attrs *a)
{
	char *v = template_attr(rd->n, "widths"), word[64], range[80];
	const char *s = v;
	int used, cap = 0;
	while (s && sscanf(s, "%63s%n", word, &used) == 1) {
		size_t len = strlen(word);
		struct doc_col_width w = { DOC_WIDTH_AUTO, 0 };
		char *end;
		s += used;
		if (word[len - 1] == '*') {
			w.kind = DOC_WIDTH_STAR;
			w.value = len > 1 ? strtod(word, &end) : 1;
			if (len > 1 && (end != word + len - 1 || w.value <= 0 || w.value > 100))
				template_report(rd->r, DIAG_ERROR, rd->n, "widths=",
						"<table> widths: \"%s\" must be a share from 1* to 100*", word);
		} else if (strcmp(word, "auto") != 0) {
			w.kind = DOC_WIDTH_FIXED;
			if (units_parse_length(word, &w.value) != 0 || w.value < MM(1) ||
			    w.value > page_width(rd)) {
				range_text(MM(1), page_width(rd), UNIT_MM, range, sizeof(range));
				template_report(rd->r, DIAG_ERROR, rd->n, "widths=",
						"<table> widths: \"%s\" is out of range: %s", word, range);
				w.value = MM(1);
			}
		}
		if (a->n_widths == cap) {
			struct doc_col_width *grown;
			cap = cap ? cap * 2 : 8;
			grown = doc_alloc(rd->d, (size_t)cap * sizeof(*grown));
			if (a->n_widths)
				memcpy(grown, a->widths, (size_t)a->n_widths * sizeof(*grown));
			a->widths = grown;
		}
		a->widths[a->n_widths++] = w;
	}
	xmlFree(v);
}

static void read_table(struct reader *rd, struct doc_table_attrs *a)
{
	a->border = 0.5;
	a->padding = MM(1.5);
	read_widths(rd, a);
	points(rd, "border", 0, 12, &a->border);
	length(rd, "padding", 0, MM(30), &a->padding);
	color(rd, "border-color", &a->border_color);
}

/* <row> and <cell>; a cell without a background takes its row's. */
static void read_cell(struct reader *rd, struct doc_fill_attrs *a)
{
	a->span = 1;
	a->header = yes(rd, "header", 0);
	count(rd, "span", 1, 50, &a->span);
	a->has_background = color(rd, "background", &a->background);
	if (!a->has_background && rd->b->kind == DOC_CELL && rd->b->parent->kind == DOC_ROW) {
		a->has_background = rd->b->parent->a.cell.has_background;
		a->background = rd->b->parent->a.cell.background;
	}
}

static void read_frame(struct reader *rd, struct doc_frame_attrs *a)
{
	a->padding = MM(3);
	if (color(rd, "border-color", &a->border_color))
		a->border = 0.5; /* a colour alone draws a thin border */
	length(rd, "padding", 0, MM(30), &a->padding);
	points(rd, "border", 0, 12, &a->border);
	a->has_background = color(rd, "background", &a->background);
}

/* SRC relative to the template's folder (an absolute SRC is kept). */
static const char *image_path(struct reader *rd, const char *src)
{
	const char *file = rd->r->t->path, *slash = strrchr(file, '/');
	char buf[PATH_MAX];
	if (src[0] == '/' || !slash)
		snprintf(buf, sizeof(buf), "%s", src);
	else
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(slash - file), file, src);
	return doc_strdup(rd->d, buf);
}

/* The file is probed here, once: its pixel size and the width and/or height
 * asked for give its size on the page, aspect ratio kept. */
void template_read_image(struct template_report *r, xmlNodePtr n, struct doc *d,
			 struct doc_node *b, const char *src, const char *alt)
{
	struct reader rr = { r, n, d, b }, *rd = &rr;
	struct doc_image_attrs *a = &b->a.image;
	const char *why = NULL;
	double want_w = 0, want_h = 0, scale;
	int px_w, px_h;
	a->align = given(rd, "align", "center") ? ALIGN_CENTER
		   : given(rd, "align", "right") ? ALIGN_RIGHT : ALIGN_LEFT;
	a->path = image_path(rd, src ? src : "");
	a->alt = alt ? alt : text(rd, "alt");
	a->decorative = given(rd, "decorative", "yes");
	if (template_length(rd->r, rd->n, "width", MM(1), page_width(rd), UNIT_MM, &want_w) != 0 ||
	    template_length(rd->r, rd->n, "height", MM(1), page_height(rd), UNIT_MM, &want_h) != 0)
		return;
	if (image_probe(a->path, &px_w, &px_h, &why) != 0) {
		template_report(rd->r, DIAG_ERROR, rd->n, NULL, "image %s: %s", src ? src : "", why);
		return;
	}
	if (want_w <= 0 && want_h <= 0) {
		template_report(rd->r, DIAG_ERROR, rd->n, NULL, "image %s: give a width or a height",
				src ? src : "");
		return;
	}
	if (want_w > 0 && want_h > 0)
		scale = want_w / px_w < want_h / px_h ? want_w / px_w : want_h / px_h;
	else
		scale = want_w > 0 ? want_w / px_w : want_h / px_h;
	a->width = px_w * scale;
	a->height = px_h * scale;
}

static void read_columns(struct reader *rd, struct doc_columns_attrs *a)
{
	a->count = 2;
	a->gap = MM(6);
	count(rd, "count", 1, 6, &a->count);
	length(rd, "gap", 0, MM(50), &a->gap);
}

/* <qr>: url and ecc were expanded with their variables (template_expand.c). */
static void read_qr(struct reader *rd, struct doc_qr_attrs *a)
{
	a->size = MM(22);
	a->gap = MM(3);
	length(rd, "size", MM(5), page_width(rd), &a->size);
	length(rd, "gap", 0, MM(50), &a->gap);
	a->left = given(rd, "side", "left");
	color(rd, "color", &a->color);
}

static void read_fit(struct reader *rd, struct doc_fit_attrs *a)
{
	const struct doc_style *st = doc_node_style(rd->d, rd->b);
	a->name = text(rd, "name");
	a->width = DOC_AUTO;
	a->height = st->leading;
	a->min_size = st->size;
	a->step = 0.5;
	length(rd, "width", MM(1), page_width(rd), &a->width);
	length(rd, "height", st->size, page_height(rd), &a->height);
	points(rd, "min-size", 4, st->size > 4 ? st->size : 4, &a->min_size);
	points(rd, "step", 0.1, 10, &a->step);
	a->rule = yes(rd, "rule", 0);
	a->border = yes(rd, "border", 0);
}

void template_read_attrs(struct template_report *r, xmlNodePtr n, struct doc *d,
			 struct doc_node *b)
{
	struct reader rd = { r, n, d, b };
	switch (b->kind) {
	case DOC_BLANK: read_blank(&rd, &b->a.blank); break;
	case DOC_RULE: read_rule(&rd, &b->a.rule); break;
	case DOC_SPACE:
		length(&rd, "height", 0, page_height(&rd), &b->a.space.height);
		b->a.space.fill = yes(&rd, "fill", 0);
		break;
	case DOC_FORM: case DOC_FORM_FIELD: case DOC_FORM_DATE: case DOC_FORM_CHOICE:
	case DOC_FORM_OPTION: case DOC_FORM_TABLE: case DOC_FORM_COLUMN:
		read_form(&rd, &b->a.form);
		break;
	case DOC_TABLE: read_table(&rd, &b->a.table); break;
	case DOC_ROW: case DOC_CELL: read_cell(&rd, &b->a.cell); break;
	case DOC_FRAME: read_frame(&rd, &b->a.frame); break;
	case DOC_IMAGE: template_read_image(r, n, d, b, text(&rd, "src"), text(&rd, "alt")); break;
	case DOC_COLUMNS: read_columns(&rd, &b->a.columns); break;
	case DOC_QR: read_qr(&rd, &b->a.qr); break;
	case DOC_FIT: read_fit(&rd, &b->a.fit); break;
	case DOC_LIST:
		if (given(&rd, "marker", "box"))
			b->flags |= DOC_TICK_BOXES;
		break;
	default: break; /* no attributes but style */
	}
}
