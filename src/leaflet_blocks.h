/*
 * leaflet_blocks: the layout of <columns> (columns.c) and <qr> (qr_block.c).
 *
 * Columns: the blocks of a DOC_COLUMNS node flow into N columns of equal
 * width; when a column is full the next one starts (layout_new_page hands
 * over to column_flow_next), after the last column a new page. On the last
 * page the columns are balanced: the shortest column height is searched for
 * at which the content still ends on that page, so the columns end level.
 * Keep-together blocks (a venue) and headings move whole to the next column.
 *
 * Blocks are laid out as if in the first column (lo->x0 never changes, so
 * blocks that save and restore x0 around their content, like lists, stay
 * right across a column break); when a column is done, its boxes are moved
 * sideways into place.
 */
#ifndef KP_LEAFLET_BLOCKS_H
#define KP_LEAFLET_BLOCKS_H

#include "layout_internal.h"

/* The state of a column flow in progress (lo->flow). */
struct column_flow {
	int count;              /* columns on a page */
	double gap, col_width;  /* points */
	double left;            /* x of the first column */
	int col;                /* current column, 0-based */
	double col_top;         /* top of the columns on the current page */
	double page_top, page_bottom; /* the text area of a full page */
	int balance_page;       /* page whose columns are shortened, -1: none */
	double balance_height;  /* their height there */
	double max_y;           /* lowest point any column reached on this page */
	int first_box;          /* first box of the current column on its page */
};

/* Lay out a DOC_COLUMNS node at lo->y. */
void columns_layout(struct layout *lo, const struct doc_node *n);
/* The current column is full: continue in the next one, or on a new page. */
void column_flow_next(struct layout *lo);

/* Lay out a DOC_QR node: the code alone, or beside its child blocks. */
void qr_block_layout(struct layout *lo, const struct doc_node *n);

#endif
