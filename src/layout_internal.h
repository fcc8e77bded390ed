/* layout_internal: state shared by the layout_*.c and para.c files. */
#ifndef KP_LAYOUT_INTERNAL_H
#define KP_LAYOUT_INTERNAL_H

#include "layout.h"
#include "font.h"

struct layout {
	const struct doc *doc;
	const struct layout_options *opt;
	struct pages *pages;
	int page_index;        /* current page in pages, -1 before the first */
	double x0, width;      /* current text column: left edge and width */
	double y;              /* top of the next line (points from page top) */
	double top, bottom;    /* limits of the text area on the page */
	int measure;           /* 1: only advance y, draw nothing, never break pages */
	int at_top;            /* nothing placed yet on this page (drop space before) */
	struct column_flow *flow; /* columns.c: the column flow in progress, or NULL */
	int errors;
};

/* The font for FAMILY with the given faces; NULL after reporting. */
struct font *layout_font(struct layout *lo, const char *family, int bold, int italic);
/* The current page, or NULL while measuring. */
struct page *layout_page(struct layout *lo);
/* Start a new page (nothing in measure mode but a reset of y). */
void layout_new_page(struct layout *lo);
/* Make room for HEIGHT points: a new page when it does not fit (not at top). */
void layout_need(struct layout *lo, double height);
/* Add a line (to x + w, y + h) or a stroked rectangle (KIND) of LINE_WIDTH
 * to the current page; returns it for more settings, or NULL while measuring. */
struct box *layout_add_stroke(struct layout *lo, enum box_kind kind, double x, double y,
			      double w, double h, double line_width, const char *tag);
/* Add vertical space, dropped at the top of a page. */
void layout_space(struct layout *lo, double height);

/* Height the blocks from FIRST to the end of its sibling list take in the
 * current column, without drawing; AT_TOP drops their first space before. */
double layout_measure_blocks(struct layout *lo, const struct doc_node *first, int at_top);
/* Lay out blocks from FIRST to the end of its sibling list. */
void layout_blocks(struct layout *lo, const struct doc_node *first);

/* Paragraphs (para.c): set the inline children of BLOCK in style ST,
 * indented by INDENT, with an optional MARKER (list bullet) hanging to the left. */
void para_layout(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		 double indent, const char *marker);
/* Height the paragraph would take, without drawing. */
double para_height(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		   double indent);
/* Draw one line of TEXT at baseline Y from X in style ST (labels, page numbers);
 * returns its width. */
double layout_text_line(struct layout *lo, const struct doc_style *st, double x, double y,
			const char *text, const char *tag);
/* The same for personal data (a holder's name): the box is marked personal
 * and the text is kept out of every cache. */
double layout_personal_text_line(struct layout *lo, const struct doc_style *st, double x,
				 double y, const char *text, const char *tag);
/* Width TEXT would have in style ST. */
double layout_text_width(struct layout *lo, const struct doc_style *st, const char *text);

#endif
