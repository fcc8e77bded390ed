/*
 * linebreak: choosing where the lines of a paragraph end. The paragraph is a
 * list of items in Knuth and Plass's model: boxes (unbreakable material),
 * glue (stretchable space, a break is allowed at glue after a box) and
 * penalties (a possible break with a cost; PENALTY_FORCE forces one,
 * PENALTY_NEVER forbids one; a flagged penalty is a hyphenated line end).
 *
 * The breaks are chosen by total fit: the set of breaks with the least total
 * demerits over the whole paragraph (badness of every line, penalties, two
 * hyphenated lines in a row, lines of very different tightness next to each
 * other). Never more than LB_MAX_HYPHENS_IN_A_ROW flagged lines follow each other.
 * A compound boundary wins over a syllable break: a line ends at a syllable
 * break of a word, when it could end at a compound boundary of the same word
 * neither loose nor overfull, only when that saves a loose line elsewhere
 * ("hyvinvointi-palvelujen", not "hyvinvointipalve-lujen").
 * Boxes may stretch and shrink too (letter spacing and font expansion of
 * justified lines), but only to their limit (ratio 1); past it only the
 * glue grows, and a justified line is judged by its glue's ratio: the
 * spaces the reader sees.
 * Passes: (1) lines at most moderately loose (badness 100); (2) any line
 * that fits, with badness no longer capped so that loose lines are told
 * apart, and each loose line (spaces past 1.5 x) costing a great deal, so
 * that as few lines as possible are loose; (3) emergency breaks (URLs)
 * allowed too, and an item that fits no line is set overfull on a line of
 * its own.
 */
#ifndef KP_LINEBREAK_H
#define KP_LINEBREAK_H

#define PENALTY_FORCE (-10000)
#define PENALTY_NEVER 10000
#define LB_FILL 1e5              /* glue stretch at least this fills a line (paragraph end) */
#define LB_MAX_HYPHENS_IN_A_ROW 2

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

struct lb_item {
	enum lb_kind kind;
	double width;            /* natural width; a penalty's width is added at its break */
	double stretch, shrink;  /* glue only */
	int penalty;             /* penalty only */
	int flagged;             /* penalty: the line ends hyphenated (drawn or explicit) */
	int emergency;           /* penalty: only used when nothing else fits (URL breaks) */
	int word;                /* penalty inside a word: the word's number (from 1), else 0 */
	int compound;            /* penalty: between the parts of a compound word */
};

struct lb_params {
	double width;            /* line length (all lines) */
	double first_width;      /* first line length (after a hanging marker, ...) */
	int ragged;              /* 1: ragged right: glue keeps its natural width and
				    the badness measures how short a line ends */
	double ragged_stretch;   /* ragged: the shortfall that counts as badness 100 */
	double emergency_stretch; /* passes 2 and 3: the stretch a justified line
				     without spaces (one word alone) is judged
				     with, past its boxes' limit */
};

/* What the chosen breaks cost; for reports and tests. */
struct lb_stats {
	int pass;                /* 1, 2 or 3 (see above) */
	int overfull;            /* lines set wider than the measure */
};

/* Choose breaks for ITEMS[0..N); the last item must be a forced penalty.
 * Writes the index of each break item (the last is N-1) into BREAKS, at most
 * MAX, and returns how many lines there are. STATS may be NULL. */
int linebreak_run(const struct lb_item *items, int n, const struct lb_params *params,
		  int *breaks, int max, struct lb_stats *stats);

#endif
