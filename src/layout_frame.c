/* layout_frame: <box>, blocks inside a border and a background colour, kept on one
 * page when they fit one; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <string.h>

void frame_content_widths(struct layout *lo, const struct doc_node *box, double *min,
			  double *max)
{
	const struct doc_frame_attrs *f = &box->a.frame;
	block_content_widths(lo, box->first, min, max);
	*min += 2 * (f->padding + f->border);
	*max += 2 * (f->padding + f->border);
}

struct box *page_insert_box(struct page *pg, int at, enum box_kind kind)
{
	struct box *b = page_add_box(pg, kind), copy = *b;
	memmove(&pg->boxes[at + 1], &pg->boxes[at], (size_t)(pg->n_boxes - 1 - at) * sizeof(*b));
	pg->boxes[at] = copy;
	return &pg->boxes[at];
}

static void add_line(struct page *pg, const struct doc_frame_attrs *f, double x, double y, double w,
		     double h)
{
	struct box *b = page_add_shape(pg, BOX_LINE, x, y, w, h);
	b->line_width = f->border;
	b->color = f->border_color;
	b->tag = "box-border";
}

/* The part of the frame on page PG from TOP to BOTTOM; OPEN_TOP / OPEN_BOTTOM
 * when the box continues from the page before / on the next page. */
static void draw_segment(struct page *pg, const struct doc_frame_attrs *f, int under, double x,
			 double w, double top, double bottom, int open_top, int open_bottom)
{
	double half = f->border / 2;
	if (f->has_background) {
		struct box *b = page_insert_box(pg, under, BOX_RECT);
		b->x = x;
		b->y = top;
		b->w = w;
		b->h = bottom - top;
		b->fill = f->background;
		b->filled = 1;
		b->tag = "box-background";
	}
	if (f->border <= 0)
		return;
	/* strokes sit inside the frame's outer edge */
	add_line(pg, f, x + half, top, 0, bottom - top);
	add_line(pg, f, x + w - half, top, 0, bottom - top);
	if (!open_top)
		add_line(pg, f, x, top + half, w, 0);
	if (!open_bottom)
		add_line(pg, f, x, bottom - half, w, 0);
}

static void draw_frame(struct layout *lo, const struct doc_frame_attrs *f, int first_page,
		       int first_box, double top, double bottom)
{
	for (int p = first_page; p <= lo->page_index; p++) {
		struct page *pg = &lo->pages->pages[p];
		draw_segment(pg, f, p == first_page ? first_box : 0, lo->x0, lo->width,
			     p == first_page ? top : lo->top,
			     p == lo->page_index ? bottom : lo->bottom, p != first_page,
			     p != lo->page_index);
	}
}

void frame_layout(struct layout *lo, const struct doc_node *box)
{
	/* space around the box: that of the text it stands in */
	const struct doc_style *st = doc_node_style(lo->doc, box->parent);
	const struct doc_frame_attrs *f = &box->a.frame;
	struct flow_state saved = layout_save(lo);
	double inset = f->padding + f->border, h, top, cap = lo->cap;
	int first_page, first_box;
	if (block_too_deep(lo, box))
		return;
	layout_space(lo, st->space_before);
	h = block_content_height(lo, box->first, lo->width - 2 * inset) + 2 * inset;
	/* a full column, not the shortened one a balancing run tries */
	if (lo->flow && h > block_column_height(lo) + 0.01 && !lo->measure) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, box->line, box->col,
			      "box is %.1f mm taller than a column (a box splits across pages only)",
			      (h - block_column_height(lo)) / MM_TO_PT);
		return;
	}
	/* kept together when it fits a page; else at least its first line */
	layout_need(lo, h <= lo->bottom - lo->top ? h : 2 * inset + st->leading);
	if (lo->measure) {
		lo->y += h + st->space_after;
		lo->at_top = 0;
		return;
	}
	top = lo->y;
	first_page = lo->page_index;
	first_box = layout_page(lo)->n_boxes;
	lo->top += inset;
	/* in a column flow the box never splits: should it not fit (a balancing
	 * run trying short columns) it reaches past the foot, which tells the
	 * balancer to try longer columns */
	lo->bottom = lo->flow ? NO_BOTTOM : lo->bottom - inset;
	lo->y += inset;
	if (h <= lo->bottom - lo->top) /* kept together: a page spread evenly */
		lo->cap = LAYOUT_NO_CAP; /* does not split it (layout_need) */
	block_content_layout(lo, box->first, lo->x0 + inset, lo->width - 2 * inset);
	lo->cap = cap;
	layout_restore(lo, &saved);
	lo->y += inset;
	draw_frame(lo, f, first_page, first_box, top, lo->y);
	lo->at_top = 0;
	lo->y += st->space_after;
}
