/*
 * linebreak: choosing where the lines of a paragraph end. The paragraph is a
 * list of items in Knuth and Plass's model: boxes (unbreakable material),
 * glue (stretchable space, a break is allowed at glue after a box) and
 * penalties (a possible break with a cost; PENALTY_FORCE forces one,
 * PENALTY_NEVER forbids one; a flagged penalty adds a hyphen).
 */
#ifndef KP_LINEBREAK_H
#define KP_LINEBREAK_H

#define PENALTY_FORCE (-10000)
#define PENALTY_NEVER 10000

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

struct lb_item {
	enum lb_kind kind;
	double width;            /* natural width; a penalty's width is added at its break */
	double stretch, shrink;  /* glue only */
	int penalty;             /* penalty only */
	int flagged;             /* penalty: a hyphen is drawn at this break */
};

struct lb_params {
	double width;            /* line length (all lines) */
	double first_width;      /* first line length (after a hanging marker, ...) */
	int ragged;              /* 1: ragged right, glue does not stretch to fill */
};

/* Choose breaks for ITEMS[0..N). Writes the index of each break item
 * (the last is N-1, a forced penalty) into BREAKS, at most MAX, and returns
 * how many lines there are. An item wider than the line is set on a line of its
 * own (overfull); callers detect that from the returned lines. */
int linebreak_run(const struct lb_item *items, int n, const struct lb_params *params,
		  int *breaks, int max);

#endif
