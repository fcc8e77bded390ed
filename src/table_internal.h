/* table_internal: what table.c and table_split.c share. */
#ifndef KP_TABLE_INTERNAL_H
#define KP_TABLE_INTERNAL_H

#include "typeset_blocks.h"

struct table_geom {
	const struct doc_node *table;
	int n;                          /* columns */
	/* left edge of each column from the text column's left edge (which moves
	 * when the table continues in the next column of a <columns> flow) */
	double x[TABLE_MAX_COLS + 1];
	double pad, border;
	struct doc_color border_color;
	double header_h;                /* height of the header rows */
};

int table_is_header(const struct doc_node *row);
/* Width of the columns CELL covers, starting at column C. */
double table_cell_width(const struct table_geom *g, int c, const struct doc_node *cell);
/* Set the content of every cell of ROW from TOP, without page breaks. */
void table_row_content(struct layout *lo, const struct table_geom *g,
		       const struct doc_node *row, double top);
/* Backgrounds (under the boxes from FIRST_BOX on) and borders of ROW's cells,
 * from TOP, H high, on the current page. */
void table_row_frame(struct layout *lo, const struct table_geom *g, const struct doc_node *row,
		     double top, double h, int first_box);
/* The header rows at lo->y. */
void table_draw_headers(struct layout *lo, const struct table_geom *g);
/* A row taller than a page: set whole, then cut between lines onto as many
 * pages as it needs, the header rows repeated on each (table_split.c). */
void table_split_row(struct layout *lo, const struct table_geom *g, const struct doc_node *row);

#endif
