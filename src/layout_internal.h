/*
 * layout_internal: the one header of the layout engine (the layout*.c files);
 * not for other stages, which see layout.h only.
 *
 * Names: each block kind has an entry KIND_layout(lo, node), called only
 * through layout_block() (the dispatch table in layout.c); services every
 * block may use are layout_VERB(). Sections below follow the files.
 */
#ifndef KP_LAYOUT_INTERNAL_H
#define KP_LAYOUT_INTERNAL_H

#include "layout.h"
#include "diag.h"
#include "font.h"
#include "linebreak.h"

/* ---- the engine's state (layout.c) ---- */

struct column_flow;

struct layout {
	const struct doc *doc;
	const struct layout_options *opt;
	struct pages *pages;
	int page_index;        /* current page in pages, -1 before the first */
	double x0, width;      /* current text column: left edge and width */
	double y;              /* top of the next line (points from page top) */
	double top, bottom;    /* limits of the text area on the page */
	int measure;           /* 1: only advance y, draw nothing, never break pages */
	int trial;             /* 1: a trial run (column balancing): errors counted, not printed */
	int at_top;            /* nothing placed yet on this page (drop space before) */
	double cap;            /* text going on past this y goes to the next page: on
				  the inner pages of a booklet spread evenly
				  (doc.h fit.fill); else far below the page */
	int back_cover;        /* 1 while the last <pagebreak> starts a page */
	struct column_flow *flow; /* layout_columns.c: the column flow in progress, or NULL */
	int errors;
	int unreported;        /* errors a measuring pass found (and neither counted
				  nor printed): what it measured is not remembered */
	int line;              /* template line of the block being laid out */
	int elem;              /* structure element content goes into (pages.h): 0 the
				  Document, -1 none (an artifact: repeated headers, folios) */
	int label_elem;        /* the Lbl element of the list item being set, or 0 */
};
#define LAYOUT_NO_CAP 1e9      /* cap of a page whose text may fill it to its foot */

/* The part of the state a block narrows or changes for its content and gives
 * back afterwards (the column, the page limits, measuring, the column flow):
 *   struct flow_state saved = layout_save(lo);  ...  layout_restore(lo, &saved);
 * y and at_top are not in it: they move on with what was placed. */
struct flow_state {
	double x0, width, top, bottom;
	int measure;
	struct column_flow *flow;
};
struct flow_state layout_save(const struct layout *lo);
void layout_restore(struct layout *lo, const struct flow_state *saved);

/* Lay out block N at lo->y: the one place every block goes through. */
void layout_block(struct layout *lo, const struct doc_node *n);
/* Lay out blocks from FIRST to the end of its sibling list. */
void layout_blocks(struct layout *lo, const struct doc_node *first);
/* Measuring without drawing: layout_measure_begin saves the flow, y and
 * at_top (AT_TOP: as if at the top of a page, dropping the first space
 * before) and turns measuring on; lay out what is to be measured; then
 * layout_measure_end gives everything back and returns the height taken. */
struct measuring {
	struct flow_state saved;
	double y0;
	int at_top;
};
void layout_measure_begin(struct layout *lo, struct measuring *m, int at_top);
double layout_measure_end(struct layout *lo, struct measuring *m);
/* Height the blocks from FIRST up to END (NULL: the end of the sibling
 * list) take in the current column, without drawing. */
double layout_measure_range(struct layout *lo, const struct doc_node *first,
			    const struct doc_node *end, int at_top);
/* The same to the end of the sibling list. */
double layout_measure_blocks(struct layout *lo, const struct doc_node *first, int at_top);

/* Report a problem found in layout at FILE:LINE:COL (a place in the template,
 * or a data record with LINE 0) and count an error. Measuring passes report
 * and count nothing, trial runs count errors but print nothing: the pass
 * that draws finds the same again. */
void layout_report(struct layout *lo, enum diag_level level, const char *file, int line,
		   int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Structure (tagged PDF): open an element of ROLE inside the current one
 * and make it current; returns what layout_end_elem gives back. Nothing is
 * opened while measuring or inside an artifact. */
int layout_begin_elem(struct layout *lo, enum pages_role role);
void layout_end_elem(struct layout *lo, int saved);
/* Open a P for text set directly in a grouping element (a Sect, a list
 * item, a table row, the Document), which holds elements only. */
int layout_begin_text(struct layout *lo);

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

/* ---- block entries, one per kind ---- */

/* layout_text.c: headings, paragraphs, lists, fill-in lines, rules */
/* The space before list N and its first two items: what a heading before
 * it keeps with itself (layout_text.c). */
double list_opening_height(struct layout *lo, const struct doc_node *n);
void heading_layout(struct layout *lo, const struct doc_node *n);
void para_layout(struct layout *lo, const struct doc_node *n);
void list_layout(struct layout *lo, const struct doc_node *n);
void blank_layout(struct layout *lo, const struct doc_node *n);
void rule_layout(struct layout *lo, const struct doc_node *n);
/* layout.c: flow control */
void space_layout(struct layout *lo, const struct doc_node *n);
void pagebreak_layout(struct layout *lo, const struct doc_node *n);
void keep_layout(struct layout *lo, const struct doc_node *n);
/* layout_table.c, layout_frame.c, layout_image.c */
void table_layout(struct layout *lo, const struct doc_node *n);
void frame_layout(struct layout *lo, const struct doc_node *n);
void image_layout(struct layout *lo, const struct doc_node *n);
/* layout_columns.c, layout_qr.c */
void columns_layout(struct layout *lo, const struct doc_node *n);
void qr_layout(struct layout *lo, const struct doc_node *n);
/* layout_field.c: <fit> and <card> */
void fit_layout(struct layout *lo, const struct doc_node *n);
void card_layout(struct layout *lo, const struct doc_node *n);
/* layout_form.c: <form>, <field>, <date-field>, <choice>, <field-table> */
void form_layout(struct layout *lo, const struct doc_node *n);

/* ---- paragraphs (layout_para.c, layout_para_text.c, layout_para_fill.c) ---- */

/* Set the inline children of BLOCK in style ST, indented by INDENT, with an
 * optional MARKER (list bullet) hanging to the left. */
void para_typeset(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		  double indent, const char *marker);
/* Height the paragraph would take, without drawing. */
double para_height(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		   double indent);
/* Draw one line of TEXT at baseline Y from X in style ST (labels, page numbers);
 * returns its width. */
/* The marker of a <ul marker="box"> item: an empty square to tick on paper,
 * drawn as a stroked rectangle instead of a glyph. */
extern const char layout_tick_box[];
/* Draw MARKER (text, or layout_tick_box) of a list item whose first line sits
 * on BASELINE, ending a small gap before TEXT_X. */
void layout_list_marker(struct layout *lo, const struct doc_style *st, double text_x,
			double baseline, const char *marker);
double layout_text_line(struct layout *lo, const struct doc_style *st, double x, double y,
			const char *text, const char *tag);
/* The same for personal data (a holder's name): the box is marked personal
 * and the text is kept out of every cache. */
double layout_personal_text_line(struct layout *lo, const struct doc_style *st, double x,
				 double y, const char *text, const char *tag);
/* Width TEXT would have in style ST. */
double layout_text_width(struct layout *lo, const struct doc_style *st, const char *text);

/* Penalties of the places a line may end inside a word. */
#define PENALTY_COMPOUND 30      /* hyphen between the parts of a compound */
#define PENALTY_SYLLABLE 60      /* hyphen between syllables */
#define PENALTY_EXPLICIT 30      /* after a hyphen written in the text */
#define PENALTY_SOFT 40          /* at a soft hyphen U+00AD */
#define PENALTY_URL 200          /* inside a URL (emergency breaks only) */

/* Letter spacing a justified line may take, in ems per character: a little
 * tracking spreads a line's shortfall over its letters and not only over its
 * few spaces (long Finnish words leave few spaces in a narrow column). */
#define TRACK_STRETCH_EM 0.03
#define TRACK_SHRINK_EM 0.025
/* Font expansion (as pdfTeX's hz): a justified line may also scale its
 * glyphs horizontally by up to this fraction, wider or narrower; the eye
 * does not see 2 %, and it is what lets a 45 mm Finnish column stay even.
 * Letter spacing and expansion are one stretch of a box, used at one ratio. */
#define EXPAND_MAX 0.02

/* What an item draws: a text run, a fill-in line, or nothing (glue). */
struct piece {
	struct font *font;
	double size;
	struct doc_color color;
	const char *text;     /* box: text; flagged penalty: the hyphen to draw */
	size_t len;
	int is_fill;
	int personal;         /* personal data: the box is marked so (pages.h) */
	const char *link;     /* a web or e-mail address this text is part of (its
				 whole text, LINK_LEN bytes), or NULL */
	size_t link_len;
	const char *lang;     /* the text's language when not the document's, or NULL */
};

/* The line-breaking items of one paragraph and what each draws. */
struct para_items {
	struct lb_item *items;
	struct piece *pieces;
	int n, cap;
	const char *lang;     /* hyphenation language */
	const struct hyph_exceptions *exceptions; /* the region's, or NULL */
	int hyphenate;        /* the style allows hyphenation */
	int words;            /* words pushed so far (numbers the breaks of each) */
};

/* Append an item; returns its index (item and piece zeroed but KIND, WIDTH). */
int para_push(struct para_items *p, enum lb_kind kind, double width);
/* An inter-word space of font F at SIZE (none at the start or after a space). */
void para_push_glue(struct para_items *p, struct font *f, double size);
void para_push_penalty(struct para_items *p, int penalty, double width, int flagged,
		       const char *hyphen);

/* Split the text node N, set as PC, into boxes, glue and penalties. */
void para_add_text(struct layout *lo, struct para_items *p, const struct doc_node *n,
		   struct piece pc);

/* How a line is filled: the ratios (-1..1, glue beyond 1 when it must)
 * applied to the stretch or shrink of its spaces, of its glyphs' widths
 * (font expansion) and of its letter spacing. */
struct line_fill {
	double glue, expand, track;
};

/* Widths of a line: natural, and what its spaces, its glyphs' widths and
 * its letter spacing may give. */
struct line_size {
	double natural;
	double glue_stretch, glue_shrink;
	double expand_stretch, expand_shrink;
	double track_stretch, track_shrink;
};

extern const struct line_fill PARA_NATURAL; /* nothing stretched or shrunk */

/* The widths of the line of items [FROM, TO] (TO: its break). */
struct line_size para_line_size(const struct para_items *p, int from, int to);
/* How the line LS is filled in MEASURE, in style ST (LAST: the paragraph's
 * last line, or one ending at a forced break). */
struct line_fill para_fill_line(const struct doc_style *st, double measure,
				const struct line_size *ls, int last);

/* ---- block content: cells and frames (layout_content.c) ---- */

/* lo->bottom while something is set that must not break (a table row, a box
 * in a column flow) */
#define NO_BOTTOM 1e9
/* List item text indent, in ems of the list style. */
#define LIST_INDENT_EM 1.4

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

/* Narrowest and natural widths of a table, a frame, an image (for cells). */
void table_content_widths(struct layout *lo, const struct doc_node *table, double *min,
			  double *max);
void frame_content_widths(struct layout *lo, const struct doc_node *box, double *min,
			  double *max);
void image_content_width(struct layout *lo, const struct doc_node *image, double *width);

/* A new box at index AT of page PG, the boxes from AT on moved up one
 * (backgrounds go under content drawn before them); layout_frame.c. */
struct box *page_insert_box(struct page *pg, int at, enum box_kind kind);

/* ---- tables (layout_table.c, layout_table_widths.c, layout_table_split.c) ---- */

enum { TABLE_MAX_COLS = 64 }; /* most columns a table may have */

/* Column widths of TABLE for a text column WIDTH points wide: fills
 * widths[0..n_cols-1]; returns the number of columns (0 after reporting). */
int table_column_widths(struct layout *lo, const struct doc_node *table, double width,
			double *widths, int max_cols);
/* Number of columns a table needs (the widest row, spans counted). */
int table_column_count(const struct doc_node *table);
/* Columns cell C spans (its span attribute, at least 1). */
int table_cell_span(const struct doc_node *cell);

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
/* The header rows on top of a page the table goes on to (artifacts). */
void table_repeat_headers(struct layout *lo, const struct table_geom *g);
/* A row taller than a page: set whole, then cut between lines onto as many
 * pages as it needs, the header rows repeated on each (layout_table_split.c). */
void table_split_row(struct layout *lo, const struct table_geom *g, const struct doc_node *row);

/* ---- columns (layout_columns.c) ----
 * The blocks of a DOC_COLUMNS node flow into N columns of equal width; when a
 * column is full the next one starts (layout_new_page hands over to
 * column_flow_next), after the last column a new page. On the last page the
 * columns are balanced: the shortest column height is searched for at which
 * the content still ends on that page, so the columns end level. Keep-together
 * blocks (a venue) and headings move whole to the next column.
 *
 * Blocks are laid out as if in the first column (lo->x0 never changes, so
 * blocks that save and restore x0 around their content, like lists, stay
 * right across a column break); when a column is done, its boxes are moved
 * sideways into place. */

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
	int split_keep;         /* a <keep> that fits a full column had to split
				   (a balancing run too short for it) */
};

/* The current column is full: continue in the next one, or on a new page. */
void column_flow_next(struct layout *lo);

#endif
