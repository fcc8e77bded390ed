/*
 * para_memo: the line breaks of a paragraph remembered while one document
 * is laid out again and again (page fitting tries several settings, column
 * balancing several heights; most paragraphs come out the same each time).
 * A paragraph is remembered by its node and everything its breaking reads:
 * the measure, the indent and the style's font, size, colour, alignment and
 * hyphenation; only from a pass that found no error (a measuring pass
 * reports none, but counts them in lo->unreported), never with a holder's
 * name. The memo
 * belongs to one document's layout (render.c) and must be freed with it:
 * its entries point into the document's tree.
 */
#ifndef KP_PARA_MEMO_H
#define KP_PARA_MEMO_H

#include "layout_internal.h"

struct para_memo;

/* What a paragraph's breaking depends on besides its node's content. */
struct para_key {
	const struct doc_node *block;
	double width, indent, size;
	const char *family;
	int bold, italic, hyphenate, align;
	struct doc_color color;
};

struct para_memo *para_memo_new(void);
void para_memo_free(struct para_memo *m);
/* The remembered items of K into P (new arrays, as building them gives) and
 * its breaks into *BREAKS (malloc); returns the number of lines, or -1. */
int para_memo_get(const struct para_memo *m, const struct para_key *k, struct para_items *p,
		  int **breaks);
/* Remember P and its LINES breaks for K (copies; a full memo keeps none). */
void para_memo_put(struct para_memo *m, const struct para_key *k, const struct para_items *p,
		   const int *breaks, int lines);

#endif
