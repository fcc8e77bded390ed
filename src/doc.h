/*
 * doc: the document tree a template expands into, for one language.
 * Variables are substituted, conditions and repetitions resolved, language
 * alternatives chosen; what is left is what will be typeset.
 *
 * Memory: every node, string and style belongs to the doc's arena and is
 * freed by doc_free(); nothing in the tree is freed on its own.
 */
#ifndef KP_DOC_H
#define KP_DOC_H

#include "color.h"

#include <stddef.h>
#include <stdio.h>

enum doc_kind {
	/* blocks */
	DOC_ROOT,      /* the body */
	DOC_HEADING,   /* level in ->level; kept with the next block */
	DOC_PARA,      /* inline children */
	DOC_LIST,      /* DOC_ITEM children; ->flags & DOC_ORDERED, DOC_TICK_BOXES */
	DOC_ITEM,      /* blocks (inline runs are wrapped in DOC_PARA) */
	DOC_BLANK,     /* fill-in line: attrs label, width, lines */
	DOC_RULE,      /* horizontal rule */
	DOC_SPACE,     /* vertical space: attr height */
	DOC_PAGEBREAK, /* start a new page */
	DOC_KEEP,      /* blocks that must stay on one page */
	/* Registration form fields (layout_form.c); each carries attr "kind", its meaning. */
	DOC_FORM,        /* group of fields sharing a grid: attrs label-width, box */
	DOC_FORM_FIELD,  /* label + row of character boxes (attr boxes) or a write-in line */
	DOC_FORM_DATE,   /* label + dd.mm.yyyy date boxes */
	DOC_FORM_CHOICE, /* label + DOC_FORM_OPTION tick boxes */
	DOC_FORM_OPTION, /* one tick box; attr split="|" makes one per part of its text */
	DOC_FORM_TABLE,  /* multi-record grid: DOC_FORM_COLUMN children, attr rows */
	DOC_FORM_COLUMN, /* one column of a DOC_FORM_TABLE: header label + cell kind */
	/* Tables, framed boxes, images (layout_table.c, layout_frame.c, layout_image.c) */
	DOC_TABLE,     /* DOC_ROW children; attrs widths, border, border-color, padding */
	DOC_ROW,       /* DOC_CELL children; attrs header="yes", background */
	DOC_CELL,      /* blocks (inline runs wrapped in DOC_PARA); attrs span, background */
	DOC_FRAME,     /* <box>: blocks; attrs border, border-color, background, padding */
	DOC_IMAGE,     /* PNG/JPEG: attrs src, width, height, align */
	/* Leaflet (layout_columns.c, layout_qr.c) */
	DOC_COLUMNS,   /* blocks flowed into columns: attrs count, gap */
	DOC_QR,        /* QR code of attr url (size, ecc); child blocks sit beside it */
	/* Card inserts (layout_field.c) */
	DOC_FIT,       /* <fit>: one DOC_PARA set on one line in a fixed frame, shrunk
			  to fit down to attr min-size; attrs name, width, height */
	DOC_CARD,      /* <card>: blocks on exactly one page; ->origin names the record */
	/* New block kinds go here, each with a name in doc.c and an entry in
	   layout.c's dispatch table. */
	/* inline */
	DOC_TEXT,      /* UTF-8 text in ->text, whitespace already collapsed */
	DOC_BREAK,     /* forced line break */
	DOC_FILL,      /* inline fill-in line (a value the config leaves out) */
	DOC_KIND_COUNT
};

enum {
	DOC_BOLD = 1,       /* inline: bold face */
	DOC_ITALIC = 2,     /* inline: italic face */
	DOC_NOHYPH = 4,     /* inline: URL or e-mail; never hyphenated */
	DOC_ORDERED = 8,    /* list: numbered */
	DOC_PERSONAL = 16,  /* inline: personal data (a holder's name) */
	DOC_TICK_BOXES = 32 /* list: <ul marker="box">, a tick box before each item */
};

enum doc_align { ALIGN_LEFT, ALIGN_JUSTIFY, ALIGN_CENTER, ALIGN_RIGHT };

/*
 * Typed attributes: template expansion parses and range-checks every
 * attribute of an element once (template_attrs.c, ranges in
 * templates/README.md) and stores it here; layout reads only these.
 * Lengths are in points. An optional length that was not given holds its
 * default, or DOC_AUTO where the default depends on the column.
 */
#define DOC_AUTO (-1.0)

struct doc_blank_attrs {     /* <blank> */
	const char *label;       /* NULL: none */
	double width;            /* DOC_AUTO: the column */
	int lines;
};
struct doc_rule_attrs {      /* <rule> */
	double width;            /* DOC_AUTO: the column */
	double thickness;
	struct doc_color color;
};
struct doc_space_attrs {     /* <space> */
	double height;
	int fill;               /* fill="yes": what follows ends at the page foot */
};
/* The grid of form fields: on <form> and <field-table> as given, on a field
 * or column inherited from the nearest grid above (template_attrs.c). */
struct doc_grid {
	double label_width;      /* DOC_AUTO: 40 % of the column */
	double box, gap;
};
struct doc_form_attrs {      /* <form>, <field-table>, fields, options, columns */
	struct doc_grid grid;
	const char *kind;        /* kind="...": what a field asks for; "" when not given */
	int row_number;          /* <column kind="row-number">: numbered, not filled in */
	int boxes;               /* <field>, <column>: character boxes, 0: none */
	int date;                /* <column date="yes"> */
	double width;            /* <column>: DOC_AUTO: from its content */
	int rows;                /* <field-table>: empty records */
	const char *split;       /* <option>: separator, NULL: none */
	int has_label_width, has_box; /* given on this element (checked against the column) */
};
enum doc_width_kind { DOC_WIDTH_AUTO, DOC_WIDTH_FIXED, DOC_WIDTH_STAR };
struct doc_col_width {       /* one entry of <table widths="..."> */
	enum doc_width_kind kind;
	double value;            /* FIXED: points; STAR: share */
};
struct doc_table_attrs {     /* <table> */
	struct doc_col_width *widths;
	int n_widths;
	double border, padding;
	struct doc_color border_color;
};
struct doc_fill_attrs {      /* <row>, <cell> */
	int header;              /* <row header="yes"> */
	int span;                /* <cell>: columns spanned, at least 1 */
	int has_background;
	struct doc_color background;
};
struct doc_frame_attrs {     /* <box> */
	double border, padding;
	struct doc_color border_color;
	int has_background;
	struct doc_color background;
};
struct doc_image_attrs {     /* <image>: the file probed at expansion */
	const char *path;        /* relative to the working folder */
	double width, height;    /* its size on the page, aspect ratio kept */
	enum doc_align align;    /* left, center or right */
	const char *alt;         /* what it shows (alternative text), or NULL when */
	int decorative;          /* ... it says nothing: an artifact */
};
struct doc_columns_attrs {   /* <columns> */
	int count;
	double gap;
};
struct doc_qr_attrs {        /* <qr> */
	const char *url;
	int ecc;                 /* 0..3: L, M, Q, H */
	double size, gap;
	int left;                /* side="left" */
	struct doc_color color;
};
struct doc_fit_attrs {       /* <fit> */
	const char *name;        /* NULL: none */
	double width;            /* DOC_AUTO: the column */
	double height, min_size, step;
	int rule, border;
};

struct doc_node {
	enum doc_kind kind;
	const char *style;       /* style name; NULL inherits the parent's */
	unsigned flags;
	int level;               /* heading level 1..3 */
	const char *text;        /* DOC_TEXT: NUL-terminated UTF-8 */
	size_t len;              /* strlen(text) */
	const char *origin;      /* text from a variable: where its value came from */
	const char *lang;        /* DOC_TEXT: its language when not the document's
				    (a region value, vars.h), or NULL */
	int line, col;           /* position in the template */
	union {                  /* by kind; see "Typed attributes" */
		struct doc_blank_attrs blank;
		struct doc_rule_attrs rule;
		struct doc_space_attrs space;
		struct doc_form_attrs form;
		struct doc_table_attrs table;
		struct doc_fill_attrs cell;   /* DOC_ROW, DOC_CELL */
		struct doc_frame_attrs frame;
		struct doc_image_attrs image;
		struct doc_columns_attrs columns;
		struct doc_qr_attrs qr;
		struct doc_fit_attrs fit;
	} a;
	struct doc_node *parent, *first, *last, *next;
};

/* A fully resolved text style (parents already applied). Lengths in points. */
struct doc_style {
	const char *name;
	const char *family;      /* font family name, see struct doc_font */
	int bold, italic;
	double size;             /* font size */
	double leading;          /* baseline-to-baseline distance */
	double space_before, space_after;
	double indent;           /* left indent of the block */
	double measure;          /* longest line (0: the column's width) */
	enum doc_align align;
	struct doc_color color;
	int color_region_line;   /* >0: the colour is the region file's [style.NAME]
				    color, on this line (for messages) */
	int hyphenate;           /* 1: may hyphenate words */
};

/* A font family: four faces, file names relative to the fonts folder. */
struct doc_font {
	const char *name;
	const char *files[4];    /* regular, bold, italic, bold italic */
};

enum { DOC_FOLIOS = 2 }; /* doc_page.page_numbers of a folded booklet */

struct doc_page {
	double width, height;    /* points */
	double margin_top, margin_bottom, margin_left, margin_right;
	int page_numbers;        /* 1: "page / pages" centred in the foot margin;
				    DOC_FOLIOS: the plain number at the outer corner */
};

/* <impose>: card-sized pages placed N-up on sheets after layout (impose.c). */
struct doc_impose {
	int enabled;
	double sheet_width, sheet_height; /* points */
	int columns, rows;       /* 0: as many as fit with room for the crop marks */
	double gap;              /* between neighbouring cards */
	int crop_marks;          /* 1: marks outside the sheet's cut lines */
	int back;                /* 1: pages alternate front, back; backs mirrored */
	int line, col;           /* of <impose>, for messages */
};

/* Fitting to a page count (pagefit.h): the limits from the template and the
 * step the layout is at. */
struct doc_fit {
	int pages;               /* at most this many pages; 0: any */
	int multiple;            /* a multiple of this many pages (booklet); 0: any */
	int booklet_multiple;    /* <booklet pages="multiple-of-4">: 4, else 0 */
	double min_space;        /* fit-space: least share of the space between blocks */
	double min_module;       /* fit-qr-module: smallest QR module, points */
	double min_size;         /* fit-size: smallest body type size, points; 0: no shrinking */
	int line, col;           /* of <page>, for messages */
	double space;            /* now: factor on <space> heights (1: as written) */
	double qr;               /* now: factor on QR code sizes (1: as written) */
	double fill;             /* now: share of the text area that text fills
				    on inner pages (1: all; less in a booklet
				    spread evenly, pagefit.h) */
};

struct doc {
	const char *file;        /* template path, for messages */
	const char *name;        /* document name: "checklist" */
	const char *lang;        /* "fi", "sv", "en" */
	const char *title, *subject, *author, *keywords;
	const char *print_note;  /* <meta><print-note>: on every imposed sheet (print_note.h) */
	struct doc_page page;
	int has_booklet;         /* <booklet>: the template has a folded-booklet variant */
	struct doc_page booklet_page; /* its page, before imposition (booklet.c) */
	int booklet_columns;     /* its <columns> count limit */
	int booklet_back_cover;  /* 1: its last page is the back cover */
	int max_columns;         /* >0: <columns> flow into at most this many (booklet) */
	struct doc_style *styles;
	int n_styles;
	struct doc_font *fonts;
	int n_fonts;
	struct doc_impose impose; /* card sheets; enabled == 0 when not imposed */
	struct doc_fit fit;      /* page count to fit (pagefit.h) */
	struct doc_node *root;
	struct doc_arena *arena;
	long n_nodes;            /* nodes made so far, and bytes of text copied: */
	size_t text_bytes;       /* the expansion budget (template_expand.c) */
};

/* Allocation from the doc's arena: zeroed memory, freed with the doc. */
struct doc *doc_new(const char *file, const char *lang);
void doc_free(struct doc *d);
void *doc_alloc(struct doc *d, size_t n);
const char *doc_strdup(struct doc *d, const char *s);
const char *doc_strndup(struct doc *d, const char *s, size_t n);

/* Tree building. */
struct doc_node *doc_node_new(struct doc *d, enum doc_kind kind, int line, int col);
void doc_node_append(struct doc_node *parent, struct doc_node *child);
int doc_kind_is_inline(enum doc_kind kind);
/* 1 when text inside a node of KIND is its label (a form field, option or
 * field-table column: expanded into a DOC_PARA child). */
int doc_kind_has_label(enum doc_kind kind);
const char *doc_kind_name(enum doc_kind kind);

/* Styles and fonts. doc_style_find returns NULL for an unknown name. */
struct doc_style *doc_style_add(struct doc *d, const char *name);
const struct doc_style *doc_style_find(const struct doc *d, const char *name);
struct doc_font *doc_font_add(struct doc *d, const char *name);
const struct doc_font *doc_font_find(const struct doc *d, const char *name);
/* The style that applies to N (its own or its nearest ancestor's, else "body"). */
const struct doc_style *doc_node_style(const struct doc *d, const struct doc_node *n);

/* Check the tree's invariants (inline only in paragraphs and headings, items
 * only in lists); returns the number of violations, reported through diag. */
int doc_check(const struct doc *d);
/* Write the tree as indented text (tests). */
void doc_dump(const struct doc *d, FILE *out);

#endif
