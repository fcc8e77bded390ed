/*
 * para_items: the line-breaking items of one paragraph and what each draws,
 * shared by para.c (breaking, placing), para_text.c (text -> items) and
 * para_fill.c (how a justified line shares its shortfall between spaces,
 * font expansion and letter spacing).
 */
#ifndef KP_PARA_ITEMS_H
#define KP_PARA_ITEMS_H

#include "layout_internal.h"
#include "linebreak.h"

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
};

struct para_items {
	struct lb_item *items;
	struct piece *pieces;
	int n, cap;
	const char *lang;     /* hyphenation language */
	int hyphenate;        /* the style allows hyphenation */
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

#endif
