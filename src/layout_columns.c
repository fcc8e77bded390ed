/* layout_columns: multi-column flow with balanced last page; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <stdlib.h>

#define BALANCE_PRECISION 1.0 /* points: how close the balanced height gets */
#define MIN_COLUMN (20 * MM_TO_PT) /* narrower columns cannot hold a word */

/* Where the flow started, so that it can be laid out again. */
struct flow_start {
	int page_index, n_pages, n_boxes;
	double y;
};

static void column_enter(struct layout *lo, struct column_flow *f)
{
	double bottom = f->page_bottom;
	if (lo->page_index == f->balance_page && f->col_top + f->balance_height < bottom)
		bottom = f->col_top + f->balance_height;
	f->first_box = lo->pages->pages[lo->page_index].n_boxes;
	lo->y = f->col_top;
	lo->top = f->page_top; /* a <keep> that fits a full column waits for one */
	lo->bottom = bottom;
	lo->at_top = 1;
}

/* Move the boxes of the column just finished from the first column's place
 * into their own. */
static void column_leave(struct layout *lo, struct column_flow *f)
{
	struct page *pg = &lo->pages->pages[lo->page_index];
	double dx = f->col * (f->col_width + f->gap);
	for (int i = f->first_box; i < pg->n_boxes && dx != 0; i++)
		pg->boxes[i].x += dx;
	if (lo->y > f->max_y)
		f->max_y = lo->y;
}

void column_flow_next(struct layout *lo)
{
	struct column_flow *f = lo->flow;
	column_leave(lo, f);
	if (f->col + 1 < f->count) {
		f->col++;
		column_enter(lo, f);
		return;
	}
	lo->flow = NULL; /* a real new page */
	lo->top = f->page_top;
	lo->bottom = f->page_bottom;
	layout_new_page(lo);
	lo->flow = f;
	f->col = 0;
	f->col_top = f->page_top;
	f->max_y = f->page_top;
	column_enter(lo, f);
}

/* Drop every page and box laid out since START. */
static void rewind_to(struct layout *lo, const struct flow_start *start)
{
	struct pages *p = lo->pages;
	for (int i = start->n_pages; i < p->n_pages; i++)
		free(p->pages[i].boxes);
	p->n_pages = start->n_pages;
	if (start->page_index >= 0)
		p->pages[start->page_index].n_boxes = start->n_boxes;
	lo->page_index = start->page_index;
}

/* Lay the blocks out once from START; returns 1 when they end on the page
 * being balanced without passing its shortened columns and without
 * splitting a <keep> that a full column would hold. */
static int flow_once(struct layout *lo, const struct doc_node *n, struct column_flow *f,
		     const struct flow_start *start)
{
	rewind_to(lo, start);
	f->split_keep = 0;
	f->col = 0;
	f->col_top = start->y;
	f->max_y = start->y;
	lo->x0 = f->left;
	lo->width = f->col_width;
	column_enter(lo, f);
	layout_blocks(lo, n->first);
	column_leave(lo, f);
	return lo->page_index == f->balance_page && !f->split_keep &&
	       f->max_y <= f->col_top + f->balance_height + 0.01;
}

/* The shortest column height on the last page at which everything still
 * ends there (heights are searched between 0 and the full column). */
static void balance(struct layout *lo, const struct doc_node *n, struct column_flow *f,
		    const struct flow_start *start)
{
	double low = 0, high = f->page_bottom - f->col_top;
	f->balance_page = lo->page_index;
	while (high - low > BALANCE_PRECISION) {
		double mid = (low + high) / 2;
		f->balance_height = mid;
		if (flow_once(lo, n, f, start))
			high = mid;
		else
			low = mid;
	}
	f->balance_height = high;
}

static void flow_setup(struct layout *lo, const struct doc_node *n, struct column_flow *f,
		       int count)
{
	double gap = n->a.columns.gap;
	f->count = count;
	f->gap = gap;
	f->left = lo->x0;
	f->col_width = (lo->width - gap * (count - 1)) / count;
	f->page_top = lo->top;
	f->page_bottom = lo->bottom;
	f->balance_page = -1;
	f->balance_height = 0;
}

static int column_count(struct layout *lo, const struct doc_node *n)
{
	int count = n->a.columns.count;
	if (lo->doc->max_columns > 0 && count > lo->doc->max_columns)
		count = lo->doc->max_columns;
	return count < 1 ? 1 : count;
}

/* Measuring (a <keep> around columns): the height as if evenly split. */
static void columns_measure(struct layout *lo, const struct doc_node *n, int count)
{
	struct flow_state saved = layout_save(lo);
	double y0 = lo->y;
	lo->width = (lo->width - n->a.columns.gap * (count - 1)) / count;
	layout_blocks(lo, n->first);
	lo->y = y0 + (lo->y - y0) / count;
	layout_restore(lo, &saved);
}

void columns_layout(struct layout *lo, const struct doc_node *n)
{
	struct column_flow f;
	struct flow_start start;
	struct flow_state saved = layout_save(lo);
	int count = column_count(lo, n), trial = lo->trial, errors = lo->errors;
	if (count == 1 || lo->flow) { /* one column, or nested: plain flow */
		layout_blocks(lo, n->first);
		return;
	}
	if (lo->measure) {
		columns_measure(lo, n, count);
		return;
	}
	flow_setup(lo, n, &f, count);
	if (f.col_width < MIN_COLUMN) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "%d columns with a %.1f mm gap leave %.1f mm per column (at least %.0f mm)",
			      count, f.gap / MM_TO_PT, f.col_width / MM_TO_PT, MIN_COLUMN / MM_TO_PT);
		return;
	}
	start.page_index = lo->page_index;
	start.n_pages = lo->pages->n_pages;
	start.n_boxes = lo->pages->pages[lo->page_index].n_boxes;
	start.y = lo->y;
	/* layout_restore below takes it back before F goes out of scope */
	lo->flow = &f; /* cppcheck-suppress autoVariables */
	/* trial runs report nothing; the final run reports what it finds once */
	lo->trial = 1;
	flow_once(lo, n, &f, &start);
	balance(lo, n, &f, &start);
	lo->trial = trial;
	lo->errors = errors;
	flow_once(lo, n, &f, &start);
	layout_restore(lo, &saved);
	lo->y = f.max_y;
	lo->at_top = 0;
}
