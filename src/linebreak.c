/* linebreak: total-fit (Knuth-Plass) line breaking; see linebreak.h. */
#include "linebreak.h"
#include "diag.h"

#include <math.h>
#include <stdlib.h>

#define LINE_PENALTY 10          /* cost of every line: prefers fewer lines */
#define DOUBLE_HYPHEN_DEMERITS 10000
#define FINAL_HYPHEN_DEMERITS 5000 /* the last full line ends hyphenated */
#define FITNESS_DEMERITS 10000   /* a loose line next to a tight one */
/* A justified line whose spaces pass 1.5 x natural costs this, plus its
 * badness capped at half of it: fewer loose lines come first, and among as
 * many, the badness (of the spaces seen) chooses. */
#define VERY_LOOSE_DEMERITS 1e9
/* A syllable break where a compound boundary of the same word fits: taken
 * only when that saves a loose line or more. */
#define COMPOUND_FITS_DEMERITS 1e6
#define BADNESS_MAX 10000.0
#define FIRST_TOLERANCE 100.0    /* pass 1: justified spaces at most 1.5 x */
#define N_FITNESS 4
#define N_CLASSES (N_FITNESS * (LB_MAX_HYPHENS_IN_A_ROW + 1))

/* A feasible break: the best way found to end a line at item POS. */
struct lb_node {
	int pos;                 /* break item, -1 for the paragraph start */
	int line;                /* lines before this break */
	int fitness;             /* 0 very loose .. 3 tight, of the line ending here */
	int hyphens;             /* hyphenated lines in a row ending here */
	int flagged;
	int overfull;            /* the line ending here is wider than the measure */
	double demerits;         /* total from the paragraph start */
	int prev;                /* node of the previous break, -1 at the start */
};

/* Running sums of the items before each index, and the pass's settings. */
struct lb_run {
	const struct lb_item *items;
	int n;
	const struct lb_params *params;
	double *width, *stretch, *shrink, *fill; /* n + 1 prefix sums each */
	double *glue;            /* stretch of the glue alone (stretch: all items) */
	double *glue_shrink;     /* shrink of the glue alone (shrink: all items) */
	double tolerance;
	int uncapped;            /* passes 2, 3: badness grows without bound */
	int emergency, final;
	struct lb_node *nodes;   /* every node made, never freed during the run */
	int n_nodes, cap_nodes;
	int *active;             /* indices into nodes, in order of position */
	int n_active, cap_active;
};

static void prefix_sums(struct lb_run *r)
{
	size_t size = (size_t)(r->n + 1) * sizeof(double);
	r->width = xcalloc(1, size);
	r->stretch = xcalloc(1, size);
	r->shrink = xcalloc(1, size);
	r->fill = xcalloc(1, size);
	r->glue = xcalloc(1, size);
	r->glue_shrink = xcalloc(1, size);
	for (int i = 0; i < r->n; i++) {
		const struct lb_item *it = &r->items[i];
		int counts = it->kind != LB_PENALTY;
		int glue = it->kind == LB_GLUE;
		r->width[i + 1] = r->width[i] + (counts ? it->width : 0);
		/* boxes may stretch and shrink too (letter spacing) */
		r->stretch[i + 1] = r->stretch[i] + (counts && it->stretch < LB_FILL ? it->stretch : 0);
		r->fill[i + 1] = r->fill[i] + (glue && it->stretch >= LB_FILL ? it->stretch : 0);
		r->glue[i + 1] = r->glue[i] + (glue && it->stretch < LB_FILL ? it->stretch : 0);
		r->shrink[i + 1] = r->shrink[i] + (counts ? it->shrink : 0);
		r->glue_shrink[i + 1] = r->glue_shrink[i] + (glue ? it->shrink : 0);
	}
}

static int is_forced(const struct lb_item *it)
{
	return it->kind == LB_PENALTY && it->penalty <= PENALTY_FORCE;
}

/* The first item of a line that starts after a break at POS. */
static int line_start(const struct lb_run *r, int pos)
{
	int i = pos + 1;
	while (i < r->n && r->items[i].kind != LB_BOX && !is_forced(&r->items[i]))
		i++;
	return i;
}

static int legal_break(const struct lb_run *r, int i)
{
	const struct lb_item *it = &r->items[i];
	if (it->kind == LB_PENALTY)
		return it->penalty < PENALTY_NEVER && (!it->emergency || r->emergency);
	return it->kind == LB_GLUE && i > 0 && r->items[i - 1].kind == LB_BOX;
}

/* Justified: the ratio of a line GAP short whose spaces give GLUE and whose
 * boxes give BOXES (letter spacing, expansion). Boxes stop at their limit
 * (ratio 1); past it only the spaces grow, and the ratio returned is theirs,
 * so that a loose line is judged by the spaces the reader sees: one space
 * taking a whole shortfall is worse than three sharing it. */
static double stretch_ratio(const struct lb_run *r, double gap, double glue, double boxes)
{
	if (glue + boxes > 0 && gap <= glue + boxes)
		return gap / (glue + boxes);
	if (glue <= 0 && r->uncapped)
		glue = r->params->emergency_stretch; /* a word alone on its line */
	if (glue <= 0)
		return HUGE_VAL;
	return 1 + (gap - glue - boxes) / glue;
}

/* Justified: the ratio of a line GAP too long. Lines are tightened in the
 * spaces first and only then in the letters (layout_para_fill.c); the ratio follows
 * what the reader sees: spaces alone make a line at most "decent" (-0.5),
 * compressed letters make it tight, up to -1 at their limit. */
static double shrink_ratio(double gap, double glue, double boxes)
{
	if (gap > glue + boxes || glue + boxes <= 0)
		return -HUGE_VAL;
	if (gap <= glue)
		return -0.5 * gap / glue;
	return -0.5 - 0.5 * (gap - glue) / boxes;
}

/* Adjustment ratio of the line from node A to break B (-HUGE_VAL: cannot shrink enough). */
static double line_ratio(const struct lb_run *r, const struct lb_node *a, int b)
{
	int s = line_start(r, a->pos);
	const struct lb_item *it = &r->items[b];
	double measure = a->line == 0 ? r->params->first_width : r->params->width;
	double natural, fill, shrink;
	if (s > b)
		s = b;
	natural = r->width[b] - r->width[s] + (it->kind == LB_PENALTY ? it->width : 0);
	fill = r->fill[b] - r->fill[s];
	shrink = r->params->ragged ? 0 : r->shrink[b] - r->shrink[s];
	if (natural < measure && fill > 0)
		return (measure - natural) / fill;
	if (natural < measure && r->params->ragged)
		return (measure - natural) / r->params->ragged_stretch;
	if (natural < measure)
		return stretch_ratio(r, measure - natural, r->glue[b] - r->glue[s],
				     r->stretch[b] - r->stretch[s] - (r->glue[b] - r->glue[s]));
	if (natural > measure && r->params->ragged)
		return shrink > 0 ? (measure - natural) / shrink : -HUGE_VAL;
	if (natural > measure)
		return shrink_ratio(natural - measure, r->glue_shrink[b] - r->glue_shrink[s],
				    shrink - (r->glue_shrink[b] - r->glue_shrink[s]));
	return 0;
}

static double badness(const struct lb_run *r, double ratio)
{
	double b;
	if (ratio == HUGE_VAL || ratio < -1)
		return BADNESS_MAX;
	b = 100 * fabs(ratio * ratio * ratio);
	return b > BADNESS_MAX && !r->uncapped ? BADNESS_MAX : b;
}

static int fitness_of(double ratio)
{
	if (ratio > 1)
		return 0;
	if (ratio > 0.5)
		return 1;
	if (ratio >= -0.5)
		return 2;
	return 3;
}

static double demerits_of(const struct lb_run *r, const struct lb_node *a, int b, double bad,
			  int fitness)
{
	const struct lb_item *it = &r->items[b];
	double d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
	int loose = fitness == 0 && !r->params->ragged;
	if (loose)
		d += VERY_LOOSE_DEMERITS;
	if (it->kind == LB_PENALTY && it->penalty >= 0)
		d += (double)it->penalty * it->penalty;
	else if (it->kind == LB_PENALTY && !is_forced(it))
		d -= (double)it->penalty * it->penalty;
	if (it->kind == LB_PENALTY && it->flagged && a->flagged)
		d += DOUBLE_HYPHEN_DEMERITS;
	if (b == r->n - 1 && a->flagged)
		d += FINAL_HYPHEN_DEMERITS;
	if (abs(fitness - a->fitness) > 1)
		d += FITNESS_DEMERITS;
	return d;
}

static int add_node(struct lb_run *r, const struct lb_node *node)
{
	if (r->n_nodes == r->cap_nodes) {
		r->cap_nodes = r->cap_nodes ? r->cap_nodes * 2 : 64;
		r->nodes = xrealloc(r->nodes, (size_t)r->cap_nodes * sizeof(*r->nodes));
	}
	r->nodes[r->n_nodes] = *node;
	return r->n_nodes++;
}

static void activate(struct lb_run *r, const struct lb_node *node)
{
	int id = add_node(r, node);
	if (r->n_active == r->cap_active) {
		r->cap_active = r->cap_active ? r->cap_active * 2 : 64;
		r->active = xrealloc(r->active, (size_t)r->cap_active * sizeof(int));
	}
	r->active[r->n_active++] = id;
}

/* Could the line from node A end at a compound boundary of the word whose
 * syllable break is B, neither loose nor overfull? */
static int compound_fits(const struct lb_run *r, const struct lb_node *a, int b)
{
	const struct lb_item *it = &r->items[b];
	int start = line_start(r, a->pos);
	if (it->kind != LB_PENALTY || !it->word || it->compound)
		return 0;
	for (int step = -1; step <= 1; step += 2) {
		for (int j = b + step; j > start && j < r->n && r->items[j].kind != LB_GLUE; j += step) {
			const struct lb_item *c = &r->items[j];
			double ratio;
			if (c->kind != LB_PENALTY || c->word != it->word || !c->compound)
				continue;
			ratio = line_ratio(r, a, j);
			if (ratio >= -1 && ratio <= 1)
				return 1;
		}
	}
	return 0;
}

/* Offer the line from active node A to break B as a candidate in BEST. */
static void consider(struct lb_run *r, int a_id, int b, double ratio, struct lb_node *best)
{
	const struct lb_node *a = &r->nodes[a_id];
	const struct lb_item *it = &r->items[b];
	int flagged = it->kind == LB_PENALTY && it->flagged;
	int hyphens = flagged ? a->hyphens + 1 : 0;
	int fitness = fitness_of(ratio);
	double bad = badness(r, ratio);
	struct lb_node *slot;
	if (hyphens > LB_MAX_HYPHENS_IN_A_ROW || bad > r->tolerance)
		return;
	slot = &best[fitness * (LB_MAX_HYPHENS_IN_A_ROW + 1) + hyphens];
	bad = a->demerits + demerits_of(r, a, b, bad, fitness);
	if (compound_fits(r, a, b))
		bad += COMPOUND_FITS_DEMERITS;
	if (slot->prev >= 0 && slot->demerits <= bad)
		return;
	slot->pos = b;
	slot->line = a->line + 1;
	slot->fitness = fitness;
	slot->hyphens = hyphens;
	slot->flagged = flagged;
	slot->overfull = 0;
	slot->demerits = bad;
	slot->prev = a_id;
}

/* Try every active node against break B; drop those whose line is now too long.
 * Returns the node of the shortest overfull line dropped, or -1. */
static int try_break(struct lb_run *r, int b, struct lb_node *best)
{
	int kept = 0, dropped = -1;
	for (int k = 0; k < r->n_active; k++) {
		int id = r->active[k];
		double ratio = line_ratio(r, &r->nodes[id], b);
		if (ratio >= -1)
			consider(r, id, b, ratio, best);
		if (ratio < -1 || is_forced(&r->items[b])) {
			if (ratio < -1)
				dropped = id;
			continue;
		}
		r->active[kept++] = id;
	}
	r->n_active = kept;
	return dropped;
}

static void break_at(struct lb_run *r, int b)
{
	struct lb_node best[N_CLASSES];
	int dropped, made = 0;
	for (int c = 0; c < N_CLASSES; c++)
		best[c].prev = -1;
	dropped = try_break(r, b, best);
	for (int c = 0; c < N_CLASSES; c++) {
		if (best[c].prev >= 0) {
			activate(r, &best[c]);
			made = 1;
		}
	}
	if (!made && r->n_active == 0 && r->final && dropped >= 0) {
		/* nothing fits: set the line from the last dropped node overfull */
		struct lb_node over = r->nodes[dropped];
		over.prev = dropped;
		over.pos = b;
		over.line++;
		over.hyphens = 0;
		over.flagged = 0;
		over.overfull = 1;
		over.demerits += BADNESS_MAX * BADNESS_MAX;
		activate(r, &over);
	}
}

/* One pass; returns the node ending the paragraph, or -1 when the pass fails. */
static int run_pass(struct lb_run *r)
{
	struct lb_node start = { -1, 0, 2, 0, 0, 0, 0, -1 };
	int best = -1;
	r->n_nodes = r->n_active = 0;
	activate(r, &start);
	for (int i = 0; i < r->n && r->n_active > 0; i++)
		if (legal_break(r, i))
			break_at(r, i);
	for (int k = 0; k < r->n_active; k++) {
		const struct lb_node *node = &r->nodes[r->active[k]];
		if (node->pos == r->n - 1 && (best < 0 || node->demerits < r->nodes[best].demerits))
			best = r->active[k];
	}
	return best;
}

static int collect(const struct lb_run *r, int node, int *breaks, int max,
		   struct lb_stats *stats)
{
	int lines = r->nodes[node].line;
	for (int id = node; id >= 0 && r->nodes[id].pos >= 0; id = r->nodes[id].prev) {
		int k = r->nodes[id].line - 1;
		if (k < max)
			breaks[k] = r->nodes[id].pos;
		if (stats && r->nodes[id].overfull)
			stats->overfull++;
	}
	return lines < max ? lines : max;
}

int linebreak_run(const struct lb_item *items, int n, const struct lb_params *params,
		  int *breaks, int max, struct lb_stats *stats)
{
	static const double tolerances[] = { FIRST_TOLERANCE, HUGE_VAL, HUGE_VAL };
	struct lb_run r = { 0 };
	int end = -1, lines = 0;
	r.items = items;
	r.n = n;
	r.params = params;
	if (stats)
		stats->pass = stats->overfull = 0;
	if (n == 0)
		return 0;
	prefix_sums(&r);
	for (int pass = 0; pass < 3 && end < 0; pass++) {
		r.tolerance = tolerances[pass];
		r.uncapped = pass > 0;
		r.emergency = r.final = pass == 2;
		end = run_pass(&r);
		if (stats)
			stats->pass = pass + 1;
	}
	if (end >= 0)
		lines = collect(&r, end, breaks, max, stats);
	free(r.width);
	free(r.stretch);
	free(r.shrink);
	free(r.fill);
	free(r.glue);
	free(r.glue_shrink);
	free(r.nodes);
	free(r.active);
	return lines;
}
