/*
 * typeset_blocks: tables (table.c, table_widths.c), framed boxes (frame.c)
 * and images (image.c, image_probe.c), laid out into the current text column
 * of a layout. Shared helpers for block content live in block_measure.c.
 */
#ifndef KP_TYPESET_BLOCKS_H
#define KP_TYPESET_BLOCKS_H

#include "layout_internal.h"

/* Lay out a DOC_TABLE / DOC_FRAME / DOC_IMAGE node at lo->y. */
void table_layout(struct layout *lo, const struct doc_node *table);
void frame_layout(struct layout *lo, const struct doc_node *box);
void image_layout(struct layout *lo, const struct doc_node *image);

enum { TABLE_MAX_COLS = 64 }; /* most columns a table may have */
/* lo->bottom while something is set that must not break (a table row, a box
 * in a column flow) */
#define NO_BOTTOM 1e9

/* Column widths of TABLE for a text column WIDTH points wide: fills
 * widths[0..n_cols-1]; returns the number of columns (0 after reporting). */
int table_column_widths(struct layout *lo, const struct doc_node *table, double width,
			double *widths, int max_cols);
/* Number of columns a table needs (the widest row, spans counted). */
int table_column_count(const struct doc_node *table);
/* Cell padding of TABLE in points (attribute padding, default 1.5 mm). */
double table_padding(const struct doc_node *table);
/* Columns cell C spans (its span attribute, at least 1). */
int table_cell_span(const struct doc_node *cell);

/* Narrowest and natural widths of a table, a frame, an image (for cells). */
void table_content_widths(struct layout *lo, const struct doc_node *table, double *min,
			  double *max);
void frame_content_widths(struct layout *lo, const struct doc_node *box, double *min,
			  double *max);
void image_content_width(struct layout *lo, const struct doc_node *image, double *width);

/* Height of a whole column of the text area: in a <columns> flow the full
 * column, not a shortened one a balancing run is trying. */
double block_column_height(const struct layout *lo);

/* Tables and boxes may nest this deep: each level measures its content
 * several times, so the cost grows steeply with the depth. */
enum { BLOCK_MAX_NESTING = 8 };
/* Is table or box N nested too deep? Reports it (once, when not measuring). */
int block_too_deep(struct layout *lo, const struct doc_node *n);

/* Narrowest and natural (one line per paragraph) widths of the blocks from FIRST. */
void block_content_widths(struct layout *lo, const struct doc_node *first, double *min,
			  double *max);
/* Height the blocks from FIRST take when set WIDTH points wide, the space
 * after the last block left out (it belongs outside a frame or cell). */
double block_content_height(struct layout *lo, const struct doc_node *first, double width);
/* Lay out the blocks from FIRST in a column at X0, WIDTH wide, from lo->y, the
 * first block's space before and the last block's space after left out. */
void block_content_layout(struct layout *lo, const struct doc_node *first, double x0,
			  double width);

/* A new box at index AT of page PG, the boxes from AT on moved up one
 * (backgrounds go under content drawn before them); frame.c. */
struct box *page_insert_box(struct page *pg, int at, enum box_kind kind);

/* Pixel size of a PNG or JPEG file. Returns 0, or -1 with *why set to the reason. */
int image_probe(const char *path, int *px_width, int *px_height, const char **why);

#endif
