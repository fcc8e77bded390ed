/* layout_table_split: a table row taller than a page. The row is set whole, then
 * its boxes below the page's foot move to the next page (header rows
 * repeated there), cut between lines, as often as needed; see
 * layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#define MIN_LINES 3 /* a split row starts on a page with room for this many lines */

/* Bottom and top of what box B draws (text: descenders and ascenders). */
static double box_bottom(const struct box *b)
{
	return b->kind == BOX_TEXT ? b->y + b->size * 0.25 : b->y + (b->h > 0 ? b->h : 0);
}

static double box_top(const struct box *b)
{
	return b->kind == BOX_TEXT ? b->y - b->size * 0.8 : b->y;
}

/* Move the boxes from FIRST on that reach below CUT out of PG into *OUT;
 * returns how many moved. */
static int take_overflow(struct page *pg, int first, double cut, struct box **out)
{
	int kept = first, moved = 0;
	*out = xmalloc((size_t)(pg->n_boxes - first + 1) * sizeof(**out));
	for (int i = first; i < pg->n_boxes; i++) {
		if (box_bottom(&pg->boxes[i]) > cut + 0.01)
			(*out)[moved++] = pg->boxes[i];
		else
			pg->boxes[kept++] = pg->boxes[i];
	}
	pg->n_boxes = kept;
	return moved;
}

/* Put the MOVED boxes on the current page, the first of them at TOP. */
static void place_moved(struct layout *lo, const struct box *moved, int n, double top,
			double dx)
{
	struct page *pg = layout_page(lo);
	double highest = box_top(&moved[0]);
	for (int i = 1; i < n; i++)
		highest = box_top(&moved[i]) < highest ? box_top(&moved[i]) : highest;
	for (int i = 0; i < n; i++)
		page_add_copy(pg, &moved[i], dx, top - highest);
}

static double content_bottom(const struct page *pg, int first, double top)
{
	double bottom = top;
	for (int i = first; i < pg->n_boxes; i++)
		bottom = box_bottom(&pg->boxes[i]) > bottom ? box_bottom(&pg->boxes[i]) : bottom;
	return bottom;
}

static void start_page(struct layout *lo, const struct table_geom *g)
{
	layout_new_page(lo);
	table_repeat_headers(lo, g);
}

/* Close the row's part on this page: its boxes below the foot go to *MOVED
 * (returns how many; 0 when the row ends here, -1 when nothing fits). */
static int cut_page(struct layout *lo, const struct table_geom *g, const struct doc_node *row,
		    double top, int first, struct box **moved)
{
	struct page *pg = layout_page(lo);
	int n = take_overflow(pg, first, lo->bottom - g->pad, moved);
	double end = n ? lo->bottom : content_bottom(pg, first, top) + g->pad;
	if (n > 0 && pg->n_boxes == first)
		return -1;
	table_row_frame(lo, g, row, top, end - top, first);
	lo->y = end;
	return n;
}

void table_split_row(struct layout *lo, const struct table_geom *g, const struct doc_node *row)
{
	double lines = MIN_LINES * doc_node_style(lo->doc, row)->leading + 2 * g->pad, top;
	struct box *moved;
	int first, n;
	if (!lo->at_top && lo->y + lines > lo->bottom)
		start_page(lo, g);
	top = lo->y;
	first = layout_page(lo)->n_boxes;
	table_row_content(lo, g, row, top);
	while ((n = cut_page(lo, g, row, top, first, &moved)) > 0) {
		double x0 = lo->x0;
		start_page(lo, g);
		top = lo->y;
		first = layout_page(lo)->n_boxes;
		place_moved(lo, moved, n, top + g->pad, lo->x0 - x0);
		free(moved);
	}
	free(moved);
	if (n < 0) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, row->line, row->col,
			      "a table row has a part taller than a page that cannot be split");
	}
	lo->at_top = 0;
}
