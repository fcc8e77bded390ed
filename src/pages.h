/*
 * pages: the result of layout, a list of pages of positioned boxes. Both
 * backends (pdf.c, dump.c) read it; nothing in it depends on libharu.
 * Coordinates are points from the top-left corner of the page, y downwards;
 * a text box's y is its baseline.
 */
#ifndef KP_PAGES_H
#define KP_PAGES_H

#include "doc.h"

#include <stddef.h>

struct font;
struct font_glyph;

/* What a piece of content is, for the structure tree of a tagged PDF
 * (PDF/UA standard structure types). */
enum pages_role {
	ROLE_DOCUMENT, /* the root; element 0 of every document */
	ROLE_SECT,
	ROLE_H1,
	ROLE_H2,
	ROLE_H3,
	ROLE_P,
	ROLE_L,
	ROLE_LI,
	ROLE_LBL,
	ROLE_LBODY,
	ROLE_TABLE,
	ROLE_TR,
	ROLE_TH,
	ROLE_TD,
	ROLE_FIGURE,
	ROLE_LINK,
	ROLE_FORM,
	ROLE_SPAN,
	ROLE_COUNT
};

/* One element of the structure tree. Its content is the boxes that name it
 * (box.elem) and the elements whose parent it is, in the order they are
 * first drawn. */
struct pages_elem {
	enum pages_role role;
	int parent;        /* index of the parent element; -1 for the root */
	const char *lang;  /* language when not the document's (BCP 47), or NULL */
	const char *alt;   /* ROLE_FIGURE: alternative text */
	const char *uri;   /* ROLE_LINK: where it leads (https:, mailto:) */
	int col_span;      /* ROLE_TH, ROLE_TD: columns the cell spans when more than one */
};

enum box_kind {
	BOX_TEXT,  /* text run in one font and size */
	BOX_LINE,  /* straight line from (x, y) to (x + w, y + h) */
	BOX_RECT,  /* rectangle at (x, y) of size w x h: stroked and/or filled */
	BOX_IMAGE, /* PNG or JPEG file at (x, y), w x h */
	BOX_GROUP  /* the boxes of ->group, moved by (x, y): drawn once, placed many
		      times (a form XObject in the PDF); the boxes it stands for are
		      also on the page, marked ->grouped, so that a backend may
		      ignore BOX_GROUP and draw every box as usual (the dump does) */
};

struct box_group;

struct box {
	enum box_kind kind;
	double x, y, w, h;
	struct font *font;       /* BOX_TEXT */
	double size;             /* BOX_TEXT: font size */
	double char_space;       /* BOX_TEXT: added after every character (justified
				    lines are letter-spaced a little; in w) */
	double hscale;           /* BOX_TEXT: horizontal glyph scale of a justified
				    line (font expansion, 1 +- 0.02); 0 means 1; in w */
	const char *text;        /* BOX_TEXT: UTF-8 (arena) ; BOX_IMAGE: path */
	size_t len;
	struct doc_color color;  /* text or stroke colour */
	struct doc_color fill;   /* BOX_RECT fill colour */
	int filled, stroked;     /* BOX_RECT */
	double line_width;       /* BOX_LINE, BOX_RECT stroke */
	const char *tag;         /* what the box is, for the dump ("crop", "qr", ...) */
	int line;                /* template line it comes from (press checks), 0 unknown */
	int personal;            /* BOX_TEXT: a holder's name; the dump never shows it */
	int grouped;             /* drawn by a BOX_GROUP of the same page (box_group.h) */
	const struct box_group *group; /* BOX_GROUP */
	/* BOX_TEXT: the glyphs and kerning layout measured (arena), one per
	 * character of TEXT; NULL = the backend looks them up itself */
	const struct font_glyph *glyphs;
	size_t n_glyphs;
	int space_after;         /* BOX_TEXT: a word space follows on the same line */
	const char *actual_text; /* BOX_TEXT: what the run stands for in the text layer
				    when not its glyphs ("" = nothing: an added hyphen) */
	int elem;                /* structure element (pages.elems) the box belongs to;
				    0 = none: an artifact (rules, marks, folios) */
};

struct page {
	double width, height;
	struct box *boxes;
	int n_boxes, cap;
	/* Print-shop output (press.h): the finished size (PDF TrimBox) at
	 * (trim_x, trim_y) from the top-left corner, and the bleed around it
	 * (BleedBox); trim_w == 0 on office output. */
	double trim_x, trim_y, trim_w, trim_h, bleed;
};

struct pages {
	struct page *pages;
	int n_pages, cap;
	/* document information for the PDF */
	const char *title, *subject, *author, *keywords, *lang;
	/* print-shop output (press.h): colours as DeviceCMYK, PDF/X-1a with an
	 * OutputIntent naming this registered printing condition; NULL: office */
	const char *press_condition;
	struct pages_arena *arena; /* strings of text boxes */
	/* the structure tree: elems[0] is the Document root */
	struct pages_elem *elems;
	int n_elems, cap_elems;
	int tagged;                /* write the structure tree (not for print-only impositions) */
	int n_dropped;           /* pages past PAGES_KEPT, counted but not kept */
};

/* The most pages a document may have (render_check_pages refuses more; a
 * PDF of 10,000 pages is still written in about a second), and the most
 * pages layout keeps (libharu's own limit): a card batch is laid out one
 * page per card side (10,000 cards: 20,000 pages) and then imposed. */
enum { PAGES_MAX = 10000, PAGES_KEPT = 32767 };

struct pages *pages_new(void);
void pages_free(struct pages *p);
/* Append a page of the given size; returns it (valid until the next add). */
struct page *pages_add_page(struct pages *p, double width, double height);
/* Make room on PG for N boxes in all, so that adding up to N moves no box:
 * for a page whose size is known before it is filled (a sheet of cards),
 * one allocation instead of growing it step by step. */
void page_reserve(struct page *pg, int n);
/* Append a box to page PG; returns it zeroed but for KIND (valid until the next add). */
struct box *page_add_box(struct page *pg, enum box_kind kind);
/* Append a box of KIND at (X, Y) of size W x H; the rest zeroed. */
struct box *page_add_shape(struct page *pg, enum box_kind kind, double x, double y, double w,
			   double h);
/* Append a copy of SRC moved by (DX, DY); strings stay shared with SRC. */
struct box *page_add_copy(struct page *pg, const struct box *src, double dx, double dy);
/* Make box B, copied from another document's pages, independent of them:
 * its strings and glyphs are copied into P's arena and it leaves the other
 * document's structure (it becomes an artifact of P unless P tags it). */
void pages_adopt_box(struct pages *p, struct box *b);
/* Add a structure element of ROLE under PARENT; returns its index. */
int pages_add_elem(struct pages *p, enum pages_role role, int parent);
/* The PDF structure type of ROLE ("H1", "LBody", ...): the dump and the PDF say the same. */
const char *pages_role_name(enum pages_role role);
/* Room for N bytes in the pages' arena (aligned for any type). */
void *pages_alloc(struct pages *p, size_t n);
/* Copy a string into the pages' arena. */
const char *pages_strndup(struct pages *p, const char *s, size_t n);

#endif
