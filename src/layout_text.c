/* layout_text: headings, paragraphs, lists, fill-in lines and rules; see
 * layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLANK_ROW (9 * MM_TO_PT) /* height of a handwriting line */

static const struct doc_style *style_of(struct layout *lo, const struct doc_node *n)
{
	return doc_node_style(lo->doc, n);
}

/* The height of block N alone, measured without drawing. */
static double one_block_height(struct layout *lo, const struct doc_node *n)
{
	return layout_measure_range(lo, n, n->next, 0);
}

void heading_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = style_of(lo, n);
	double own = para_height(lo, n, st, st->indent);
	double next = 0;
	/* a heading never ends a page: keep it with what must open the next
	 * block (a paragraph's first lines as layout_para.c keeps them together,
	 * a whole <keep>, a list's first two items, all the lines to write on,
	 * else two lines) */
	if (n->next) {
		const struct doc_style *ns = style_of(lo, n->next);
		double lines = 2;
		if (n->next->kind == DOC_PARA)
			lines = para_height(lo, n->next, ns, ns->indent) / ns->leading;
		next = ns->space_before + (lines <= 3 ? lines : 2) * ns->leading;
		if (n->next->kind == DOC_KEEP)
			next = layout_measure_blocks(lo, n->next->first, 0);
		if (n->next->kind == DOC_LIST) /* its first two items (list_layout) */
			next = list_opening_height(lo, n->next);
		if (n->next->kind == DOC_BLANK) /* its lines move as one */
			next = one_block_height(lo, n->next);
	}
	layout_space(lo, st->space_before);
	layout_need(lo, own + st->space_after + next);
	para_typeset(lo, n, st, st->indent, NULL);
	lo->y += st->space_after;
}

void para_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = style_of(lo, n);
	layout_space(lo, st->space_before);
	para_typeset(lo, n, st, st->indent, NULL);
	lo->y += st->space_after;
}

const char layout_tick_box[] = "[ ]";

void layout_list_marker(struct layout *lo, const struct doc_style *st, double text_x,
			double baseline, const char *marker)
{
	double side = st->size * 0.8, gap = st->size * 0.45;
	struct box *b;
	if (marker != layout_tick_box) {
		layout_text_line(lo, st, text_x - layout_text_width(lo, st, marker) - gap, baseline,
				 marker, NULL);
		return;
	}
	/* the square sits on the baseline, as tall as a capital letter and a bit */
	b = layout_add_stroke(lo, BOX_RECT, text_x - side - gap, baseline - side + st->size * 0.05,
			      side, side, 0.7, "tick-box");
	if (b)
		b->color = st->color;
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

static void item_layout(struct layout *lo, const struct doc_node *item, const char *marker,
			double indent)
{
	struct flow_state saved = layout_save(lo);
	int first = 1;
	/* LI: its marker (Lbl, drawn by the first paragraph) and its body */
	int outer = layout_begin_elem(lo, ROLE_LI), label = lo->label_elem;
	lo->label_elem = lo->elem > 0 && !lo->measure ? pages_add_elem(lo->pages, ROLE_LBL, lo->elem) : 0;
	layout_begin_elem(lo, ROLE_LBODY);
	lo->x0 += indent;
	lo->width -= indent;
	for (const struct doc_node *c = item->first; c; c = c->next) {
		if (c->kind == DOC_PARA) {
			const struct doc_style *st = style_of(lo, c);
			if (!c->style && !item->style && !item->parent->style)
				st = doc_style_find(lo->doc, "list");
			int in_body = layout_begin_elem(lo, ROLE_P);
			para_typeset(lo, c, st, 0, first ? marker : NULL);
			layout_end_elem(lo, in_body);
		} else {
			layout_block(lo, c);
		}
		first = 0;
	}
	layout_restore(lo, &saved);
	lo->label_elem = label;
	layout_end_elem(lo, outer);
}

static const struct doc_style *list_style(struct layout *lo, const struct doc_node *n)
{
	return n->style ? style_of(lo, n) : doc_style_find(lo->doc, "list");
}

/* The height of ITEM and, when it has one, the item after it (with the
 * space between them), measured without drawing. */
static double two_items_height(struct layout *lo, const struct doc_node *item,
			       const struct doc_style *st)
{
	struct measuring m;
	layout_measure_begin(lo, &m, lo->at_top);
	item_layout(lo, item, "0.", st->size * LIST_INDENT_EM);
	if (item->next) {
		lo->y += st->space_after * 0.5;
		item_layout(lo, item->next, "0.", st->size * LIST_INDENT_EM);
	}
	return layout_measure_end(lo, &m);
}

/* What must start on one page with ITEM: it and the next item when the two
 * are short; when they take more than a quarter of the column (long items
 * in large print), only the item's first two lines, as for a paragraph:
 * else a heading and two long items leave half a page empty. */
static double pair_height(struct layout *lo, const struct doc_node *item,
			  const struct doc_style *st)
{
	double h = two_items_height(lo, item, st);
	return h > block_column_height(lo) / 4 ? 2 * st->leading : h;
}

double list_opening_height(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = list_style(lo, n);
	return (list_depth(n) ? 0 : st->space_before) +
	       (n->first ? pair_height(lo, n->first, st) : 0);
}

/* A list never splits leaving fewer than two items on either side: its
 * first two items start on one page, its last two end on one (long items:
 * pair_height). */
void list_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = list_style(lo, n);
	int number = 1, depth = list_depth(n);
	char marker[32];
	layout_space(lo, depth ? 0 : st->space_before);
	for (const struct doc_node *item = n->first; item; item = item->next) {
		const char *mark = marker;
		int pair = item == n->first || (item->next && !item->next->next);
		if (pair && item->next && !lo->measure) {
			double h = pair_height(lo, item, st);
			if (h <= block_column_height(lo) + 0.01)
				layout_need(lo, h);
		}
		item_marker(n, number++, depth, marker, sizeof(marker));
		if (n->flags & DOC_TICK_BOXES)
			mark = layout_tick_box;
		item_layout(lo, item, mark, st->size * LIST_INDENT_EM);
		if (item->next)
			lo->y += st->space_after * 0.5;
	}
	lo->y += depth ? 0 : st->space_after;
}

/* A labelled fill-in line: "Label ______", LINES rows high. */
void blank_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = n->style ? style_of(lo, n) : doc_style_find(lo->doc, "body");
	const char *label = n->a.blank.label;
	int rows = n->a.blank.lines;
	double width = n->a.blank.width, row = BLANK_ROW > st->leading * 1.5 ? BLANK_ROW : st->leading * 1.5;
	if (width == DOC_AUTO || width > lo->width)
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

void rule_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_rule_attrs *a = &n->a.rule;
	double length = a->width == DOC_AUTO ? lo->width : a->width;
	struct box *b;
	if (length > lo->width + 0.01) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "rule width %.1f mm is wider than the %.1f mm column", length / MM_TO_PT,
			      lo->width / MM_TO_PT);
		return;
	}
	layout_need(lo, 12);
	lo->y += 6;
	b = layout_add_stroke(lo, BOX_LINE, lo->x0, lo->y, length, 0, a->thickness, "rule");
	if (b)
		b->color = a->color;
	lo->y += 6;
	lo->at_top = 0;
}

