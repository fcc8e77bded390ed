/*
 * layout: typesetting a document tree into pages of positioned boxes.
 * Fonts come from FONTS_DIR (the files named by the document's font families).
 */
#ifndef KP_LAYOUT_H
#define KP_LAYOUT_H

#include "doc.h"
#include "pages.h"

struct hyph_exceptions;
struct card_memo;
struct para_memo;

struct layout_options {
	const char *fonts_dir;
	struct hyph_exceptions *hyph_exceptions; /* the region's (hyph.h), or NULL;
						    owned by the caller */
	int trial;              /* 1: a trial layout: NULL on errors, none printed */
	struct card_memo *cards; /* a card batch: cards that repeat, laid out once
				    (card_memo.h); NULL elsewhere */
	struct para_memo *paras; /* line breaks of one document laid out again
				    and again (para_memo.h), or NULL */
};

/* Lay out D. Returns NULL after reporting (missing glyphs, missing fonts,
 * content that cannot fit). Free the result with pages_free. */
struct pages *layout_run(const struct doc *d, const struct layout_options *opt);

#endif
