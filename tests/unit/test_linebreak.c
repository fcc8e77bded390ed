/* Unit tests for linebreak.c: total fit, hyphen limits, emergency breaks,
 * overfull fallback, ragged lines, stretchable boxes and how loose lines
 * are judged, on synthetic paragraphs. */
#include "unit.h"
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>

#define SPACE 3.0

struct para {
	struct lb_item items[512];
	int n;
};

static void box(struct para *p, double w)
{
	struct lb_item it = { LB_BOX, w, 0, 0, 0, 0, 0, 0, 0 };
	p->items[p->n++] = it;
}

static void glue(struct para *p)
{
	struct lb_item it = { LB_GLUE, SPACE, SPACE / 2, SPACE / 3, 0, 0, 0, 0, 0 };
	p->items[p->n++] = it;
}

static void penalty(struct para *p, double w, int value, int flagged, int emergency)
{
	struct lb_item it = { LB_PENALTY, w, 0, 0, value, flagged, emergency, 0, 0 };
	p->items[p->n++] = it;
}

static void finish(struct para *p)
{
	struct lb_item fill = { LB_GLUE, 0, LB_FILL * 10, 0, 0, 0, 0, 0, 0 };
	p->items[p->n++] = fill;
	penalty(p, 0, PENALTY_FORCE, 0, 0);
}

/* Natural width, stretch and shrink of the line (from, to]. */
static double line_ratio(const struct para *p, int from, int to, double measure)
{
	double w = 0, y = 0, z = 0;
	int i = from + 1;
	while (i < to && p->items[i].kind != LB_BOX)
		i++;
	for (; i < to; i++) {
		if (p->items[i].kind == LB_PENALTY)
			continue;
		w += p->items[i].width;
		y += p->items[i].kind == LB_GLUE ? p->items[i].stretch : 0;
		z += p->items[i].kind == LB_GLUE ? p->items[i].shrink : 0;
	}
	if (p->items[to].kind == LB_PENALTY)
		w += p->items[to].width;
	if (y >= LB_FILL)
		return 0;
	return w <= measure ? (measure - w) / y : (measure - w) / z;
}

static void words(struct para *p, const double *widths, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			glue(p);
		box(p, widths[i]);
	}
}

/* Without hyphens, in a measure of about ten words: total fit finds breaks
 * where every line is within the first pass's tolerance (spaces between 2/3
 * and 1.5 times natural). */
static void total_fit_avoids_loose_lines(void)
{
	struct para p = { .n = 0 };
	struct lb_params prm = { 150, 150, 0, 0, 0 };
	struct lb_stats st;
	int breaks[128], lines, prev = -1;
	/* first fit (shrinking when it can) leaves three lines looser than 1.5 x here */
	for (int i = 0; i < 60; i++) {
		if (i)
			glue(&p);
		box(&p, 10 + (i * 7) % 21);
	}
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 128, &st);
	CHECK_INT(st.pass, 1);
	CHECK_INT(st.overfull, 0);
	CHECK_INT(breaks[lines - 1], p.n - 1);
	for (int k = 0; k < lines; k++) {
		double r = line_ratio(&p, prev, breaks[k], 150);
		CHECK(r <= 1.0 && r >= -1.0);
		prev = breaks[k];
	}
}

/* Cheap hyphens everywhere: never more than two hyphenated lines in a row. */
static void at_most_two_hyphens_in_a_row(void)
{
	struct para p = { .n = 0 };
	struct lb_params prm = { 62, 62, 0, 0, 0 };
	int breaks[256], lines, run = 0, worst = 0, flagged = 0;
	for (int i = 0; i < 40; i++) {
		if (i)
			glue(&p);
		box(&p, 14 + (i * 7) % 11);
		penalty(&p, 2, 0, 1, 0);
		box(&p, 12 + (i * 5) % 9);
	}
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 256, NULL);
	for (int k = 0; k < lines; k++) {
		int f = p.items[breaks[k]].kind == LB_PENALTY && p.items[breaks[k]].flagged;
		flagged += f;
		run = f ? run + 1 : 0;
		worst = run > worst ? run : worst;
	}
	CHECK(flagged > 0);
	CHECK(worst <= LB_MAX_HYPHENS_IN_A_ROW);
}

static int has_break(const int *breaks, int lines, int at)
{
	for (int k = 0; k < lines; k++)
		if (breaks[k] == at)
			return 1;
	return 0;
}

/* An emergency break (inside a URL) is used only when the URL cannot fit. */
static void emergency_breaks_only_when_needed(void)
{
	struct para p = { .n = 0 };
	struct lb_params prm = { 100, 100, 0, 0, 10 };
	struct lb_stats st;
	int breaks[64], lines;
	box(&p, 20);
	glue(&p);
	box(&p, 60); /* a URL in two parts: 60 + 70 never fits in 100 */
	penalty(&p, 0, 200, 0, 1);
	box(&p, 70);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 64, &st);
	CHECK_INT(st.pass, 3);
	CHECK_INT(st.overfull, 0);
	CHECK(has_break(breaks, lines, 3));

	p.n = 0;
	box(&p, 20);
	glue(&p);
	box(&p, 40); /* 40 + 50 fits a line of its own: the URL stays whole */
	penalty(&p, 0, 200, 0, 1);
	box(&p, 50);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 64, &st);
	CHECK_INT(lines, 2);
	CHECK_INT(breaks[0], 1);
	CHECK(!has_break(breaks, lines, 3));
	CHECK(st.pass < 3);
}

/* A box wider than the line: set overfull on a line of its own, reported. */
static void overfull_fallback(void)
{
	struct para p = { .n = 0 };
	struct lb_params prm = { 100, 100, 0, 0, 0 };
	struct lb_stats st;
	int breaks[64], lines;
	box(&p, 30);
	glue(&p);
	box(&p, 140);
	glue(&p);
	box(&p, 30);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 64, &st);
	CHECK_INT(st.overfull, 1);
	CHECK_INT(lines, 3);
	CHECK_INT(breaks[0], 1);
	CHECK_INT(breaks[1], 3);
}

/* Ragged right: no line longer than the measure, and the rag is even
 * (total fit does not leave one very short line in the middle). */
static void ragged_lines_fit_and_are_even(void)
{
	static const double w[] = { 30, 12, 25, 40, 18, 22, 35, 15, 28, 33, 19, 26, 31, 14 };
	struct para p = { .n = 0 };
	struct lb_params prm = { 100, 100, 1, 30, 0 };
	int breaks[64], lines, prev = -1;
	double shortest = 1e9, longest = 0;
	words(&p, w, 14);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 64, NULL);
	for (int k = 0; k < lines; k++) {
		double used = 0;
		/* breaks are at glue: the line is the items between two breaks */
		for (int i = prev + 1; i < breaks[k]; i++)
			if (p.items[i].kind == LB_BOX || (p.items[i].kind == LB_GLUE &&
							  p.items[i].stretch < LB_FILL))
				used += p.items[i].width;
		CHECK(used <= 100.01);
		if (k < lines - 1) {
			shortest = used < shortest ? used : shortest;
			longest = used > longest ? used : longest;
		}
		prev = breaks[k];
	}
	CHECK(lines >= 3);
	CHECK(longest - shortest < 30);
}

static void stretchy_box(struct para *p, double w, double stretch)
{
	struct lb_item it = { LB_BOX, w, stretch, 0, 0, 0, 0, 0, 0 };
	p->items[p->n++] = it;
}

/* Boxes that may stretch (letter spacing, expansion) share a line's
 * shortfall with its spaces: a line the spaces alone could not fill within
 * 1.5 x is set in the first pass. */
static void boxes_share_the_stretch(void)
{
	struct lb_params prm = { 100, 100, 0, 0, 3 };
	struct lb_stats st;
	int breaks[16];
	for (int stretchy = 0; stretchy < 2; stretchy++) {
		struct para p = { .n = 0 };
		stretchy_box(&p, 45, stretchy ? 3 : 0); /* 45 + 3 + 45: 7 short of 100 */
		glue(&p);
		stretchy_box(&p, 45, stretchy ? 3 : 0);
		glue(&p);
		box(&p, 60);
		finish(&p);
		CHECK_INT(linebreak_run(p.items, p.n, &prm, breaks, 16, &st), 2);
		CHECK_INT(breaks[0], 3);
		CHECK_INT(st.pass, stretchy ? 1 : 2);
	}
}

/* When one line must be loose, it is the one whose spaces show it least:
 * boxes stop at their limit, and what is left is shared by the line's
 * spaces. "A B" (one space) or "D E F G" (three) takes a 17 pt shortfall;
 * A and B stretch 8 pt more, D..G not at all. Measured by the ratio of all
 * stretch, "A B" looks better (17 / 9.5 against 17 / 4.5); by its spaces
 * it does not (its one space gets 7.5 pt more than 1.5 x, theirs 4.2 each). */
static void loose_line_judged_by_its_spaces(void)
{
	static const double rest[] = { 18, 18, 18, 20 };
	struct para p = { .n = 0 };
	struct lb_params prm = { 100, 100, 0, 0, 3 };
	int breaks[16], lines;
	stretchy_box(&p, 50, 5);
	glue(&p);
	stretchy_box(&p, 30, 3);
	glue(&p);
	box(&p, 14);          /* A B C: exactly 100 */
	for (int i = 0; i < 4; i++) {
		glue(&p);
		box(&p, rest[i]); /* C D E F G: exactly 100 */
	}
	glue(&p);
	box(&p, 40);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 16, NULL);
	CHECK_INT(lines, 3);
	CHECK_INT(breaks[0], 5); /* after C: "A B C", then the loose "D E F G" */
	CHECK_INT(breaks[1], 13);
}

/* "hyvinvointi=palve-lujen": the syllable break would make the better line
 * (spaces at natural width, against 1.45 x at the compound), but the compound
 * boundary fits, so the line ends there. */
static void compound_wins_over_syllable(void)
{
	struct para p = { .n = 0 };
	struct lb_params prm = { 100, 100, 0, 0, 0 };
	int breaks[32], lines, compound, syllable;
	for (int i = 0; i < 6; i++) {
		if (i)
			glue(&p);
		box(&p, 10);
	}
	glue(&p);
	box(&p, 11.9);                /* hyvinvointi */
	penalty(&p, 2, 30, 1, 0);
	compound = p.n - 1;
	box(&p, 8.1);                 /* palve */
	penalty(&p, 2, 60, 1, 0);
	syllable = p.n - 1;
	box(&p, 20);                  /* lujen */
	glue(&p);
	box(&p, 30);
	finish(&p);
	lines = linebreak_run(p.items, p.n, &prm, breaks, 32, NULL);
	CHECK_INT(lines, 2);
	CHECK_INT(breaks[0], syllable); /* plain total fit: the syllable */
	p.items[compound].word = p.items[syllable].word = 1;
	p.items[compound].compound = 1;
	lines = linebreak_run(p.items, p.n, &prm, breaks, 32, NULL);
	CHECK_INT(lines, 2);
	CHECK_INT(breaks[0], compound);
	/* when the compound boundary would leave a loose line, the syllable */
	p.items[compound - 1].width = 9;
	lines = linebreak_run(p.items, p.n, &prm, breaks, 32, NULL);
	CHECK_INT(breaks[0], syllable);
}

const struct unit_test unit_tests[] = {
	UNIT(total_fit_avoids_loose_lines),
	UNIT(at_most_two_hyphens_in_a_row),
	UNIT(emergency_breaks_only_when_needed),
	UNIT(overfull_fallback),
	UNIT(ragged_lines_fit_and_are_even),
	UNIT(boxes_share_the_stretch),
	UNIT(loose_line_judged_by_its_spaces),
	UNIT(compound_wins_over_syllable),
	{ NULL, NULL }
};
