/* layout: block flow, pagination and page numbers; see layout.h. */
#include "layout_internal.h"
#include "typeset_blocks.h"
#include "diag.h"
#include "field.h"
#include "form.h"
#include "leaflet_blocks.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_INDENT_EM 1.4   /* list item text indent, in ems of the list style */
#define BLANK_ROW (9 * MM_TO_PT) /* height of a handwriting line */

struct font *layout_font(struct layout *lo, const char *family, int bold, int italic)
{
	const struct doc_font *df = doc_font_find(lo->doc, family);
	const char *file;
	char path[PATH_MAX];
	struct font *f;
	if (!df) {
		diag_file(DIAG_ERROR, lo->doc->file, 0, 0, "unknown font family \"%s\"", family);
		lo->errors++;
		return NULL;
	}
	file = df->files[(bold ? 1 : 0) + (italic ? 2 : 0)];
	if (!file)
		file = df->files[0];
	snprintf(path, sizeof(path), "%s/%s", lo->opt->fonts_dir, file);
	f = font_get(path);
	if (!f)
		lo->errors++;
	return f;
}

struct page *layout_page(struct layout *lo)
{
	if (lo->measure || lo->page_index < 0)
		return NULL;
	return &lo->pages->pages[lo->page_index];
}

void layout_new_page(struct layout *lo)
{
	const struct doc_page *dp = &lo->doc->page;
	if (lo->flow && !lo->measure) { /* in <columns>: the next column first */
		column_flow_next(lo);
		return;
	}
	if (!lo->measure) {
		pages_add_page(lo->pages, dp->width, dp->height);
		lo->page_index = lo->pages->n_pages - 1;
	}
	lo->y = lo->top;
	lo->at_top = 1;
}

void layout_need(struct layout *lo, double height)
{
	if (!lo->measure && !lo->at_top && lo->y + height > lo->bottom + 0.01)
		layout_new_page(lo);
}

void layout_space(struct layout *lo, double height)
{
	if (!lo->at_top)
		lo->y += height;
}

double layout_measure_blocks(struct layout *lo, const struct doc_node *first, int at_top)
{
	struct layout saved = *lo;
	double h;
	lo->measure = 1;
	lo->at_top = at_top;
	layout_blocks(lo, first);
	h = lo->y - saved.y;
	saved.errors = lo->errors;
	*lo = saved;
	return h;
}

static const struct doc_style *style_of(struct layout *lo, const struct doc_node *n)
{
	return doc_node_style(lo->doc, n);
}

static void layout_heading(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = style_of(lo, n);
	double own = para_height(lo, n, st, st->indent);
	double next = 0;
	/* a heading never ends a page: keep it with what must open the next
	 * block (a paragraph's first lines as para.c keeps them together,
	 * a whole <keep>, else two lines) */
	if (n->next) {
		const struct doc_style *ns = style_of(lo, n->next);
		double lines = 2;
		if (n->next->kind == DOC_PARA)
			lines = para_height(lo, n->next, ns, ns->indent) / ns->leading;
		next = ns->space_before + (lines <= 3 ? lines : 2) * ns->leading;
		if (n->next->kind == DOC_KEEP)
			next = layout_measure_blocks(lo, n->next->first, 0);
	}
	layout_space(lo, st->space_before);
	layout_need(lo, own + st->space_after + next);
	para_layout(lo, n, st, st->indent, NULL);
	lo->y += st->space_after;
}

static void layout_para(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = style_of(lo, n);
	layout_space(lo, st->space_before);
	para_layout(lo, n, st, st->indent, NULL);
	lo->y += st->space_after;
}

static void item_marker(const struct doc_node *list, int number, int depth, char *buf,
			size_t size)
{
	static const char *const bullets[] = { "\u2022", "\u2013", "\u25e6" };
	if (list->flags & DOC_ORDERED)
		snprintf(buf, size, "%d.", number);
	else
		snprintf(buf, size, "%s", bullets[depth % 3]);
}

static int list_depth(const struct doc_node *n)
{
	int depth = 0;
	for (n = n->parent; n; n = n->parent)
		depth += n->kind == DOC_LIST;
	return depth;
}

static void layout_item(struct layout *lo, const struct doc_node *item, const char *marker,
			double indent)
{
	double saved_x = lo->x0, saved_w = lo->width;
	int first = 1;
	lo->x0 += indent;
	lo->width -= indent;
	for (const struct doc_node *c = item->first; c; c = c->next) {
		if (c->kind == DOC_PARA) {
			const struct doc_style *st = style_of(lo, c);
			if (!c->style && !item->style && !item->parent->style)
				st = doc_style_find(lo->doc, "list");
			para_layout(lo, c, st, 0, first ? marker : NULL);
		} else {
			struct doc_node copy = *c;
			copy.next = NULL;
			layout_blocks(lo, &copy);
		}
		first = 0;
	}
	lo->x0 = saved_x;
	lo->width = saved_w;
}

static void layout_list(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = n->style ? style_of(lo, n) : doc_style_find(lo->doc, "list");
	int number = 1, depth = list_depth(n);
	char marker[32];
	layout_space(lo, depth ? 0 : st->space_before);
	for (const struct doc_node *item = n->first; item; item = item->next) {
		item_marker(n, number++, depth, marker, sizeof(marker));
		layout_item(lo, item, marker, st->size * LIST_INDENT_EM);
		if (item->next)
			lo->y += st->space_after * 0.5;
	}
	lo->y += depth ? 0 : st->space_after;
}

struct box *layout_add_stroke(struct layout *lo, enum box_kind kind, double x, double y,
			      double w, double h, double line_width, const char *tag)
{
	struct page *pg = layout_page(lo);
	struct box *b;
	if (!pg)
		return NULL;
	b = page_add_shape(pg, kind, x, y, w, h);
	b->line_width = line_width;
	b->stroked = kind == BOX_RECT;
	b->tag = tag;
	return b;
}

/* A labelled fill-in line: "Label ______", LINES rows high. */
static void layout_blank(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = n->style ? style_of(lo, n) : doc_style_find(lo->doc, "body");
	const char *label = doc_node_attr(n, "label");
	const char *lines_attr = doc_node_attr(n, "lines");
	const char *width_attr = doc_node_attr(n, "width");
	int rows = lines_attr ? atoi(lines_attr) : 1;
	double width = lo->width, row = BLANK_ROW > st->leading * 1.5 ? BLANK_ROW : st->leading * 1.5;
	if (width_attr && units_parse_length(width_attr, &width) == 0 && width > lo->width)
		width = lo->width;
	layout_need(lo, row * rows);
	for (int r = 0; r < rows; r++) {
		double baseline = lo->y + row - st->size * 0.35, x = lo->x0;
		layout_need(lo, row);
		baseline = lo->y + row - st->size * 0.35;
		if (r == 0 && label && *label)
			x += layout_text_line(lo, st, x, baseline, label, "label") + st->size * 0.4;
		layout_add_stroke(lo, BOX_LINE, x, baseline + st->size * 0.2, lo->x0 + width - x, 0,
				  0.6, "blank");
		lo->y += row;
		lo->at_top = 0;
	}
	lo->y += st->space_after;
}

static void layout_rule(struct layout *lo, const struct doc_node *n)
{
	const char *color = doc_node_attr(n, "color");
	const char *width = doc_node_attr(n, "width"), *thickness = doc_node_attr(n, "thickness");
	double length = lo->width, weight = 0.75;
	struct box *b;
	if ((width && units_parse_length(width, &length) != 0) || length > lo->width + 0.01) {
		if (!lo->measure) /* measured first inside <keep>: report once */
			diag_file(DIAG_ERROR, lo->doc->file, n->line, n->col,
				  "rule width %s is wider than the %.1f mm column", width,
				  lo->width / MM_TO_PT);
		lo->errors += !lo->measure;
		return;
	}
	if (thickness)
		units_parse_length(thickness, &weight);
	layout_need(lo, 12);
	lo->y += 6;
	b = layout_add_stroke(lo, BOX_LINE, lo->x0, lo->y, length, 0, weight, "rule");
	if (b && color)
		units_parse_color(color, &b->color);
	lo->y += 6;
	lo->at_top = 0;
}

static void layout_keep(struct layout *lo, const struct doc_node *n)
{
	double h = layout_measure_blocks(lo, n->first, 0);
	if (h <= lo->bottom - lo->top)
		layout_need(lo, h);
	layout_blocks(lo, n->first);
}

static void layout_block(struct layout *lo, const struct doc_node *n)
{
	double h = 0;
	switch (n->kind) {
	case DOC_HEADING:
		layout_heading(lo, n);
		break;
	case DOC_PARA:
		layout_para(lo, n);
		break;
	case DOC_LIST:
		layout_list(lo, n);
		break;
	case DOC_BLANK:
		layout_blank(lo, n);
		break;
	case DOC_RULE:
		layout_rule(lo, n);
		break;
	case DOC_SPACE:
		if (units_parse_length(doc_node_attr(n, "height"), &h) == 0)
			layout_space(lo, h);
		break;
	case DOC_PAGEBREAK:
		if (!lo->at_top)
			layout_new_page(lo);
		break;
	case DOC_TABLE: table_layout(lo, n); break;
	case DOC_FRAME: frame_layout(lo, n); break;
	case DOC_IMAGE: image_layout(lo, n); break;
	case DOC_COLUMNS: columns_layout(lo, n); break;
	case DOC_QR: qr_block_layout(lo, n); break;
	case DOC_FIT: layout_fit(lo, n); break;
	case DOC_CARD: layout_card(lo, n); break;
	case DOC_KEEP:
		layout_keep(lo, n);
		break;
	case DOC_FORM: case DOC_FORM_FIELD: case DOC_FORM_DATE: case DOC_FORM_CHOICE:
	case DOC_FORM_TABLE:
		form_layout(lo, n);
		break;
	default:
		break;
	}
}

void layout_blocks(struct layout *lo, const struct doc_node *first)
{
	for (const struct doc_node *n = first; n; n = n->next)
		layout_block(lo, n);
}

static void add_page_numbers(struct layout *lo)
{
	const struct doc_style *st = doc_style_find(lo->doc, "footer");
	const struct doc_page *dp = &lo->doc->page;
	char buf[32];
	for (int i = 0; i < lo->pages->n_pages && lo->pages->n_pages > 1; i++) {
		double w, x, y = dp->height - dp->margin_bottom / 2;
		lo->page_index = i;
		if (dp->page_numbers == DOC_FOLIOS) /* a booklet: even pages are left-hand */
			snprintf(buf, sizeof(buf), "%d", i + 1);
		else
			snprintf(buf, sizeof(buf), "%d / %d", i + 1, lo->pages->n_pages);
		w = layout_text_width(lo, st, buf);
		x = (dp->width - w) / 2;
		if (dp->page_numbers == DOC_FOLIOS)
			x = (i + 1) % 2 == 0 ? dp->margin_left : dp->width - dp->margin_right - w;
		layout_text_line(lo, st, x, y, buf, "page-number");
	}
}

struct pages *layout_run(const struct doc *d, const struct layout_options *opt)
{
	struct layout lo;
	memset(&lo, 0, sizeof(lo));
	lo.doc = d;
	lo.opt = opt;
	lo.pages = pages_new();
	lo.page_index = -1;
	lo.x0 = d->page.margin_left;
	lo.width = d->page.width - d->page.margin_left - d->page.margin_right;
	lo.top = d->page.margin_top;
	lo.bottom = d->page.height - d->page.margin_bottom;
	lo.pages->title = d->title;
	lo.pages->subject = d->subject;
	lo.pages->author = d->author;
	lo.pages->keywords = d->keywords;
	lo.pages->lang = d->lang;
	layout_new_page(&lo);
	layout_blocks(&lo, d->root->first);
	if (lo.errors == 0 && d->page.page_numbers)
		add_page_numbers(&lo);
	if (lo.errors) {
		pages_free(lo.pages);
		return NULL;
	}
	return lo.pages;
}
