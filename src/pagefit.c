/* pagefit: tightening a layout step by step until it fits its page count; see pagefit.h. */
#include "pagefit.h"
#include "diag.h"
#include "qr.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPACE_STEP 0.15
#define QR_STEP 0.10
#define QR_LEAST 0.5      /* QR codes are not tried below half their size */
#define TYPE_STEP 0.25    /* points of body text */
#define FILL_STEP 0.02    /* a booklet spread evenly: its pages filled a step */
#define FILL_LEAST 0.6    /* less, down to this share of the text area */
#define LAST_PAGE_FILLED 0.4 /* a booklet's last page of text at least this full */

enum limit { LIMIT_NONE, LIMIT_SPACE, LIMIT_QR, LIMIT_TYPE };

/* One step: the space factor, the QR factor, the body size and the share
 * of each page the columns fill. */
struct step {
	double space, qr, body, fill;
	enum limit last;  /* the limit this step moved */
};

static int fits(const struct doc *d, const struct pages *p)
{
	if (d->fit.pages > 0 && p->n_pages > d->fit.pages)
		return 0;
	return d->fit.multiple <= 0 || p->n_pages % d->fit.multiple == 0;
}

static double body_size(const struct doc *d)
{
	const struct doc_style *body = doc_style_find(d, "body");
	return body ? body->size : 11;
}

/* Styles from ORIG with the space between blocks and the type scaled. */
static void apply(struct doc *d, const struct doc_style *orig, const struct step *s,
		  double body)
{
	double k = s->body / body;
	for (int i = 0; i < d->n_styles; i++) {
		struct doc_style *st = &d->styles[i];
		*st = orig[i];
		st->space_before *= s->space;
		st->space_after *= s->space;
		st->size *= k;
		st->leading *= k;
	}
	d->fit.space = s->space;
	d->fit.qr = s->qr;
	d->fit.fill = s->fill;
}

/* The step after S, or 0 when every limit is reached. */
static int next_step(const struct doc *d, struct step *s, double least_body)
{
	if (s->space > d->fit.min_space + 1e-9) {
		s->space -= SPACE_STEP;
		if (s->space < d->fit.min_space)
			s->space = d->fit.min_space;
		s->last = LIMIT_SPACE;
		return 1;
	}
	if (s->qr > QR_LEAST + 1e-9) {
		s->qr -= QR_STEP;
		s->last = LIMIT_QR;
		return 1;
	}
	if (s->body > least_body + 1e-9) {
		s->body -= TYPE_STEP;
		if (s->body < least_body)
			s->body = least_body;
		s->last = LIMIT_TYPE;
		return 1;
	}
	return 0;
}

static int columns_in(const struct doc_node *n)
{
	int most = 1;
	for (const struct doc_node *c = n->first; c; c = c->next) {
		int k = columns_in(c);
		if (c->kind == DOC_COLUMNS && c->a.columns.count > k)
			k = c->a.columns.count;
		most = k > most ? k : most;
	}
	return most;
}

/* Millimetres of text on the pages past the first ALLOWED: the height of
 * what each column holds there, added up. */
static double over_mm(const struct doc *d, const struct pages *p, int allowed)
{
	int cols = columns_in(d->root), n = d->max_columns > 0 && cols > d->max_columns
						? d->max_columns : cols;
	double width = d->page.width - d->page.margin_left - d->page.margin_right, total = 0;
	for (int i = allowed; i < p->n_pages; i++) {
		double top[16], bottom[16];
		for (int c = 0; c < 16; c++)
			top[c] = 1e9, bottom[c] = -1;
		for (int b = 0; b < p->pages[i].n_boxes; b++) {
			const struct box *bx = &p->pages[i].boxes[b];
			int c = (int)((bx->x - d->page.margin_left) / (width / n));
			if (bx->y > d->page.height - d->page.margin_bottom)
				continue; /* folios in the foot margin */
			c = c < 0 ? 0 : c > 15 ? 15 : c;
			top[c] = bx->y < top[c] ? bx->y : top[c];
			bottom[c] = bx->y + bx->h > bottom[c] ? bx->y + bx->h : bottom[c];
		}
		for (int c = 0; c < 16; c++)
			total += bottom[c] > top[c] ? bottom[c] - top[c] : 0;
	}
	return total / MM_TO_PT;
}

static void report(const struct doc *d, const struct pages *p, const struct step *s)
{
	static const char *const stopped[] = {
		"the template allows no tightening",
		"the space between blocks stopped at fit-space",
		"QR codes stopped at their smallest modules (fit-qr-module)",
		"the type stopped at fit-size"
	};
	char target[48];
	int allowed = d->fit.pages > 0 ? d->fit.pages
				       : p->n_pages / d->fit.multiple * d->fit.multiple;
	if (d->fit.pages > 0)
		snprintf(target, sizeof(target), "pages=\"%d\"", d->fit.pages);
	else
		snprintf(target, sizeof(target), "a multiple of %d pages (%d)", d->fit.multiple,
			 allowed);
	diag_file(DIAG_ERROR, d->file, d->fit.line, d->fit.col,
		  "the content takes %d pages, more than %s: at the tightest (space between "
		  "blocks %.0f %%, QR codes down to %.2g mm modules, body type %.3g pt) %.0f mm "
		  "of text is over; %s", p->n_pages, target, s->space * 100,
		  (d->fit.min_module > 0 ? d->fit.min_module : QR_MIN_MODULE_MM * MM_TO_PT) / MM_TO_PT,
		  s->body, over_mm(d, p, allowed), stopped[s->last]);
}

/* A booklet short of whole sheets (pages would be left blank before the
 * back cover) is spread evenly: its inner pages are filled a step less
 * (FILL_STEP), down to FILL_LEAST of them, and the first step whose text
 * reaches the last page of the last sheet is taken. (The covers, the first
 * page and the one the last <pagebreak> starts, keep their whole page, and
 * so does a block too tall for the share; layout.c.)
 * Returns the pages that fit, else P as it was. */
static struct pages *spread(struct doc *d, const struct layout_options *opt,
			    const struct doc_style *orig, struct pages *p, double body)
{
	struct step s = { 1, 1, body, 1, LIMIT_NONE };
	int want = (p->n_pages + d->fit.multiple - 1) / d->fit.multiple * d->fit.multiple;
	while (s.fill - FILL_STEP >= FILL_LEAST - 1e-9) {
		struct pages *tried;
		int n;
		s.fill -= FILL_STEP;
		apply(d, orig, &s, body);
		tried = layout_run(d, opt);
		n = tried ? tried->n_pages : -1;
		if (n == want) {
			pages_free(p);
			return tried;
		}
		pages_free(tried);
		if (n < 0 || n > want)
			break; /* past the last sheet */
	}
	s.fill = 1;
	apply(d, orig, &s, body);
	return p;
}

/* How much of the text area of page I the text fills, 0..1. */
static double filled(const struct doc *d, const struct pages *p, int i)
{
	double bottom = d->page.margin_top, area = d->page.height - d->page.margin_top -
						   d->page.margin_bottom;
	for (int b = 0; b < p->pages[i].n_boxes; b++) {
		const struct box *bx = &p->pages[i].boxes[b];
		if (bx->y < d->page.height - d->page.margin_bottom && bx->y + bx->h > bottom)
			bottom = bx->y + bx->h;
	}
	return (bottom - d->page.margin_top) / area;
}

/* A booklet whose last page of text (before the back cover) is mostly
 * empty: its inner pages are filled a step less, as long as the page
 * count stays, so that the text runs on to that page instead of leaving a line
 * or two alone there. */
static struct pages *fill_last_page(struct doc *d, const struct layout_options *opt,
				    const struct doc_style *orig, struct pages *p, double body)
{
	struct step s = { d->fit.space, d->fit.qr, body_size(d), d->fit.fill, LIMIT_NONE };
	int last = p->n_pages - (d->booklet_back_cover ? 2 : 1);
	if (d->fit.space < 1 || last < 1 || filled(d, p, last) >= LAST_PAGE_FILLED)
		return p;
	while (s.fill - FILL_STEP >= FILL_LEAST - 1e-9) {
		struct pages *tried;
		s.fill -= FILL_STEP;
		apply(d, orig, &s, body);
		tried = layout_run(d, opt);
		if (!tried || tried->n_pages != p->n_pages) {
			if (tried)
				pages_free(tried);
			s.fill += FILL_STEP;
			apply(d, orig, &s, body);
			break;
		}
		pages_free(p);
		p = tried;
		if (filled(d, p, last) >= LAST_PAGE_FILLED)
			break;
	}
	return p;
}

/* Tighten step by step (fit.h) until P fits; returns the pages of the first
 * step that fits, else those of the tightest step, with *S at that step. */
static struct pages *tighten(struct doc *d, const struct layout_options *opt,
			     const struct doc_style *orig, struct pages *p, double body,
			     struct step *s)
{
	double least = d->fit.min_size > 0 && d->fit.min_size < body ? d->fit.min_size : body;
	while (!fits(d, p) && next_step(d, s, least)) {
		struct pages *tried;
		apply(d, orig, s, body);
		tried = layout_run(d, opt);
		if (!tried)
			break;
		pages_free(p);
		p = tried;
	}
	return p;
}

/* The booklet: whole sheets without a blank page where it can be helped:
 * one or two pages over whole sheets, it is tightened to lose a sheet;
 * short of whole sheets (or when tightening cannot lose one), it is
 * loosened to fill the last sheet. A booklet that does neither is laid out
 * as the template sets it (its blank pages go before the back cover,
 * booklet.c). */
static struct pages *fit_booklet(struct doc *d, const struct layout_options *opt,
				 const struct doc_style *orig, struct pages *p, double body)
{
	struct step s = { 1, 1, body, 1, LIMIT_NONE };
	int m = d->fit.multiple;
	if (!fits(d, p) && p->n_pages > m && p->n_pages % m <= 2)
		p = tighten(d, opt, orig, p, body, &s);
	if (!fits(d, p)) {
		struct pages *plain;
		s.space = s.qr = s.fill = 1;
		s.body = body;
		apply(d, orig, &s, body);
		plain = layout_run(d, opt);
		pages_free(p);
		p = plain ? spread(d, opt, orig, plain, body) : NULL;
		if (!p || !fits(d, p))
			return p;
	}
	return fill_last_page(d, opt, orig, p, body);
}

struct pages *pagefit_layout(struct doc *d, const struct layout_options *opt)
{
	struct pages *p = layout_run(d, opt);
	struct doc_style *orig;
	struct step s = { 1, 1, 0, 1, LIMIT_NONE };
	struct layout_options trial;
	double body = body_size(d);
	if (!p || (d->fit.pages <= 0 && d->fit.multiple <= 0) || (d->fit.pages > 0 && fits(d, p)))
		return p;
	orig = xmalloc((size_t)d->n_styles * sizeof(*orig));
	memcpy(orig, d->styles, (size_t)d->n_styles * sizeof(*orig));
	s.body = body;
	trial = *opt;
	trial.trial = 1; /* the same text again: its warnings are out already */
	if (d->fit.pages > 0)
		p = tighten(d, &trial, orig, p, body, &s);
	else
		p = fit_booklet(d, &trial, orig, p, body);
	free(orig);
	if (!p || d->fit.pages <= 0 || fits(d, p))
		return p;
	report(d, p, &s);
	pages_free(p);
	return NULL;
}
