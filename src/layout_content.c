/* layout_content: widths and heights of block content for cells and frames;
 * see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <string.h>

double block_column_height(const struct layout *lo)
{
	if (!lo->flow || lo->bottom >= NO_BOTTOM / 2) /* inside a table row: no limit */
		return lo->bottom - lo->top;
	return lo->flow->page_bottom - lo->flow->page_top;
}

/* Tables and boxes from N up to the root. */
static int nesting(const struct doc_node *n)
{
	int depth = 0;
	for (const struct doc_node *a = n; a; a = a->parent)
		depth += a->kind == DOC_TABLE || a->kind == DOC_FRAME;
	return depth;
}

int block_too_deep(struct layout *lo, const struct doc_node *n)
{
	if (nesting(n) <= BLOCK_MAX_NESTING)
		return 0;
	layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
		      "tables and boxes nested more than %d deep", BLOCK_MAX_NESTING);
	return 1;
}

struct widths {
	double min, max;
};

static void widen(struct widths *w, double min, double max)
{
	if (min > w->min)
		w->min = min;
	if (max > w->max)
		w->max = max;
}

/* Widest word of one text node (words end at spaces and after hyphens). */
static double widest_word(struct font *f, double size, const char *s, size_t len)
{
	double widest = 0;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ' ' && !(i > start && s[i - 1] == '-'))
			continue;
		if (i > start) {
			double w = font_text_width(f, s + start, i - start, size);
			widest = w > widest ? w : widest;
		}
		start = i < len && s[i] == ' ' ? i + 1 : i;
	}
	return widest;
}

/* Paragraph or heading: the widest word, and the longest forced line. */
static void inline_widths(struct layout *lo, const struct doc_node *block, struct widths *out)
{
	const struct doc_style *st = doc_node_style(lo->doc, block);
	double line = 0;
	for (const struct doc_node *n = block->first; n; n = n->next) {
		struct font *f = layout_font(lo, st->family, st->bold || (n->flags & DOC_BOLD),
					     st->italic || (n->flags & DOC_ITALIC));
		if (!f)
			return;
		if (n->kind == DOC_TEXT) {
			widen(out, widest_word(f, st->size, n->text, n->len) + st->indent, 0);
			line += font_text_width(f, n->text, n->len, st->size);
		} else if (n->kind == DOC_FILL) {
			line += 40 * MM_TO_PT;
		} else if (n->kind == DOC_BREAK) {
			widen(out, 0, line + st->indent + 1);
			line = 0;
		}
	}
	/* a point of slack: words and spaces measured apart may kern a little
	 * differently from the whole line measured at once */
	widen(out, 0, line + st->indent + 1);
}

static void block_widths(struct layout *lo, const struct doc_node *n, struct widths *out);

static void children_widths(struct layout *lo, const struct doc_node *first, double extra,
			    struct widths *out)
{
	struct widths w = { 0, 0 };
	for (const struct doc_node *c = first; c; c = c->next)
		block_widths(lo, c, &w);
	widen(out, w.min + extra, w.max + extra);
}

static void block_widths(struct layout *lo, const struct doc_node *n, struct widths *out)
{
	double min = 0, max = 0;
	switch (n->kind) {
	case DOC_PARA:
	case DOC_HEADING:
		inline_widths(lo, n, out);
		break;
	case DOC_LIST:
		for (const struct doc_node *item = n->first; item; item = item->next)
			children_widths(lo, item->first,
					doc_node_style(lo->doc, n)->size * LIST_INDENT_EM, out);
		break;
	case DOC_KEEP:
		children_widths(lo, n->first, 0, out);
		break;
	case DOC_TABLE:
	case DOC_FRAME:
	case DOC_IMAGE:
	case DOC_BLANK:
		if (nesting(n) > BLOCK_MAX_NESTING) /* reported when laid out */
			break;
		if (n->kind == DOC_BLANK)
			min = n->a.blank.width == DOC_AUTO ? 0 : n->a.blank.width;
		else if (n->kind == DOC_TABLE)
			table_content_widths(lo, n, &min, &max);
		else if (n->kind == DOC_FRAME)
			frame_content_widths(lo, n, &min, &max);
		else if (n->kind == DOC_IMAGE)
			image_content_width(lo, n, &min);
		widen(out, min, max > min ? max : min);
		break;
	default:
		break;
	}
}

void block_content_widths(struct layout *lo, const struct doc_node *first, double *min,
			  double *max)
{
	struct widths w = { 0, 0 };
	children_widths(lo, first, 0, &w);
	*min = w.min;
	*max = w.max;
}

/* The space the last block of a list adds below itself. */
static double trailing_space(struct layout *lo, const struct doc_node *first)
{
	const struct doc_node *last = first;
	if (!first)
		return 0;
	while (last->next)
		last = last->next;
	switch (last->kind) {
	case DOC_PARA:
	case DOC_HEADING:
	case DOC_BLANK:
		return doc_node_style(lo->doc, last)->space_after;
	case DOC_TABLE:
	case DOC_FRAME:
	case DOC_IMAGE: /* spaced like the text they stand in */
		return doc_node_style(lo->doc, last->parent)->space_after;
	case DOC_LIST:
		return (last->style ? doc_node_style(lo->doc, last)
				    : doc_style_find(lo->doc, "list"))->space_after;
	default:
		return 0;
	}
}

double block_content_height(struct layout *lo, const struct doc_node *first, double width)
{
	struct flow_state saved = layout_save(lo);
	double h;
	lo->width = width;
	h = layout_measure_blocks(lo, first, 1) - trailing_space(lo, first);
	layout_restore(lo, &saved);
	return h > 0 ? h : 0;
}

void block_content_layout(struct layout *lo, const struct doc_node *first, double x0,
			  double width)
{
	struct flow_state saved = layout_save(lo);
	lo->x0 = x0;
	lo->width = width;
	lo->at_top = 1;
	layout_blocks(lo, first);
	lo->y -= trailing_space(lo, first);
	layout_restore(lo, &saved);
}
