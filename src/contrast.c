/* contrast: see contrast.h. */
#include "contrast.h"
#include "diag.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A style on a background, checked already. */
struct reported {
	const struct doc_style *style;
	const struct doc_node *background; /* NULL: the page */
};

struct contrast_walk {
	const struct doc *d;
	const char *region_path;
	int fitted;
	struct reported *done;
	int n_done, cap_done;
	int errors;
};

static const struct doc_color paper = { 1, 1, 1, 0, 0, 0, 0, 0 };

/* The nearest block around N with a background of its own (a cell's wins
 * over its row's, as layout_table.c paints them), or NULL: the page. */
static const struct doc_node *background_node(const struct doc_node *n)
{
	for (; n; n = n->parent)
		if (((n->kind == DOC_CELL || n->kind == DOC_ROW) && n->a.cell.has_background) ||
		    (n->kind == DOC_FRAME && n->a.frame.has_background))
			return n;
	return NULL;
}

static const struct doc_color *background_color(const struct doc_node *bg)
{
	if (!bg)
		return &paper;
	return bg->kind == DOC_FRAME ? &bg->a.frame.background : &bg->a.cell.background;
}

/* Has the walk checked ST on BG before? (Remembers it when not: a style on
 * a background has one verdict, however many texts stand there.) */
static int seen_before(struct contrast_walk *w, const struct doc_style *st,
		       const struct doc_node *bg)
{
	for (int i = 0; i < w->n_done; i++)
		if (w->done[i].style == st && w->done[i].background == bg)
			return 1;
	if (w->n_done == w->cap_done) {
		w->cap_done = w->cap_done ? w->cap_done * 2 : 8;
		w->done = xrealloc(w->done, (size_t)w->cap_done * sizeof(*w->done));
	}
	w->done[w->n_done].style = st;
	w->done[w->n_done++].background = bg;
	return 0;
}

/* "the page (#ffffff)" or "the background #e8f1f4 of line 56". */
static void describe_background(const struct doc_node *bg, char *buf, size_t size)
{
	char color[48];
	color_format(background_color(bg), color, sizeof(color));
	if (bg)
		snprintf(buf, size, "the background %s of line %d", color, bg->line);
	else
		snprintf(buf, size, "the page (%s)", color);
}

/* RATIO as shown: cut, not rounded (4.499 is not shown as 4.50). */
static double shown_ratio(double ratio)
{
	return floor(ratio * 100) / 100;
}

/* WHAT ("text", "page numbers") of style ST at LINE:COL of the template. */
static void report(struct contrast_walk *w, const char *what, int line, int col,
		   const struct doc_style *st, const struct doc_node *bg, double ratio, double need)
{
	char color[48], ground[96], rule[96];
	double shown = shown_ratio(ratio);
	color_format(&st->color, color, sizeof(color));
	describe_background(bg, ground, sizeof(ground));
	if (need > CONTRAST_MIN)
		snprintf(rule, sizeof(rule), "text under %g pt needs at least %g:1%s",
			 CONTRAST_SMALL_PT, need, w->fitted ? " (the size set to fit the pages)" : "");
	else
		snprintf(rule, sizeof(rule), "text needs at least %g:1", need);
	if (st->color_region_line > 0) {
		char section[128];
		snprintf(section, sizeof(section), "style.%s", st->name);
		diag_ini(DIAG_ERROR, w->region_path, st->color_region_line, section, "color",
			 "%s on %s: contrast %.2f:1 (%s of style \"%s\", %.3g pt, at %s:%d:%d); %s",
			 color, ground, shown, what, st->name, st->size, w->d->file, line, col, rule);
	} else {
		diag_file(DIAG_ERROR, w->d->file, line, col,
			  "%s of style \"%s\" (%.3g pt) in %s on %s: contrast %.2f:1; %s", what,
			  st->name, st->size, color, ground, shown, rule);
	}
	w->errors++;
}

/* Style ST on the background BG (NULL: the page), for WHAT at LINE:COL. */
static void check_style(struct contrast_walk *w, const char *what, int line, int col,
			const struct doc_style *st, const struct doc_node *bg)
{
	double need = st->size < CONTRAST_SMALL_PT - 1e-9 ? CONTRAST_MIN_SMALL : CONTRAST_MIN;
	double ratio;
	if (seen_before(w, st, bg)) /* checked, and reported if it failed */
		return;
	ratio = color_contrast(&st->color, background_color(bg));
	if (ratio < need)
		report(w, what, line, col, st, bg, ratio, need);
}

static int has_text(const struct doc_node *n)
{
	const char *s = n->kind == DOC_TEXT ? n->text : n->kind == DOC_BLANK ? n->a.blank.label : NULL;
	for (; s && *s; s++)
		if (*s != ' ')
			return 1;
	return 0;
}

/* A QR code's squares against what they stand on: at least 3:1, as WCAG
 * 2.1 (1.4.11) asks of graphics that carry meaning; paler codes are also
 * the ones phone cameras fail to read. */
static void check_qr(struct contrast_walk *w, const struct doc_node *n)
{
	const struct doc_node *bg = background_node(n);
	double ratio = color_contrast(&n->a.qr.color, background_color(bg));
	if (ratio < CONTRAST_MIN_GRAPHICS) {
		char color[48], ground[96];
		color_format(&n->a.qr.color, color, sizeof(color));
		describe_background(bg, ground, sizeof(ground));
		diag_file(DIAG_ERROR, w->d->file, n->line, n->col,
			  "a QR code in %s on %s: contrast %.2f:1; a QR code needs at least %g:1",
			  color, ground, shown_ratio(ratio), CONTRAST_MIN_GRAPHICS);
		w->errors++;
	}
}

static void check_node(struct contrast_walk *w, const struct doc_node *n)
{
	const struct doc_style *st;
	if (n->kind == DOC_QR)
		check_qr(w, n);
	if (has_text(n) && (st = doc_node_style(w->d, n)) != NULL) {
		const struct doc_node *at = n;
		while (at->col == 0 && at->parent) /* a text node: its element's place */
			at = at->parent;
		check_style(w, "text", at->line, at->col, st, background_node(n));
	}
	for (const struct doc_node *c = n->first; c; c = c->next)
		check_node(w, c);
}

int contrast_check(const struct doc *d, const char *region_path, int fitted)
{
	struct contrast_walk w = { d, region_path, fitted, NULL, 0, 0, 0 };
	const struct doc_style *footer = doc_style_find(d, "footer");
	if (d->root)
		check_node(&w, d->root);
	if (d->page.page_numbers && footer) /* drawn by layout, in style footer: at <page> */
		check_style(&w, "page numbers", d->fit.line, d->fit.col, footer, NULL);
	free(w.done);
	return w.errors;
}
