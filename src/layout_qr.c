/* layout_qr: a <qr> block, alone or beside its text; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "qr.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_TEXT (20 * MM_TO_PT) /* text beside a code needs at least this */

/* Encode the node's URL; NULL after reporting when it cannot be printed at
 * its size with modules of at least QR_MIN_MODULE_MM. */
static struct qr_code *encode(struct layout *lo, const struct doc_node *n)
{
	const struct doc_qr_attrs *a = &n->a.qr;
	const char *from = n->origin ? n->origin : "the template";
	struct qr_code *q;
	double module_mm;
	if (!a->url || !*a->url) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "the web address of the QR code (from %s) is empty", from);
		return NULL;
	}
	q = qr_encode(a->url, a->ecc);
	if (!q) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "the web address from %s is too long for any QR code", from);
		return NULL;
	}
	module_mm = a->size / qr_total_modules(q) / MM_TO_PT;
	if (module_mm < QR_MIN_MODULE_MM - 1e-9) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "the web address from %s (%zu characters) needs %d x %d modules with "
			      "the quiet zone; in a %.1f mm code one would be %.2f mm, less than "
			      "%.1f mm: shorten the address or make the code larger (size=\"%.0fmm\")",
			      from, strlen(a->url), qr_total_modules(q), qr_total_modules(q),
			      a->size / MM_TO_PT, module_mm, QR_MIN_MODULE_MM,
			      qr_total_modules(q) * QR_MIN_MODULE_MM + 0.5);
		qr_free(q);
		return NULL;
	}
	return q;
}

/* SIZE as the page count asks (pagefit.h): smaller by the fit step's factor,
 * but the modules no smaller than the template's fit-qr-module. */
static double fitted_size(const struct layout *lo, const struct qr_code *q, double size)
{
	const struct doc_fit *fit = &lo->doc->fit;
	double module = fit->min_module > 0 ? fit->min_module : QR_MIN_MODULE_MM * MM_TO_PT;
	double least = qr_total_modules(q) * module;
	if (fit->qr >= 1 || size * fit->qr >= least)
		return size * (fit->qr < 1 ? fit->qr : 1);
	return least < size ? least : size;
}

/* "QR code: https://..." in the document's language. */
static const char *qr_alt(struct layout *lo, const char *url)
{
	const char *lang = lo->doc->lang ? lo->doc->lang : "en";
	const char *what = strcmp(lang, "fi") == 0 ? "QR-koodi" : strcmp(lang, "sv") == 0 ? "QR-kod"
											   : "QR code";
	size_t n = strlen(what) + strlen(url) + 3;
	char *buf = xmalloc(n);
	const char *alt;
	snprintf(buf, n, "%s: %s", what, url);
	alt = pages_strndup(lo->pages, buf, strlen(buf));
	free(buf);
	return alt;
}

/* A QR code is a Figure (its alternative text says where it leads) inside
 * a Link to the same address; returns the Figure, or 0 in an artifact. */
static int qr_elements(struct layout *lo, const char *url)
{
	int link, figure;
	if (lo->elem < 0)
		return 0;
	link = pages_add_elem(lo->pages, ROLE_LINK, lo->elem);
	lo->pages->elems[link].uri = pages_strndup(lo->pages, url, strlen(url));
	figure = pages_add_elem(lo->pages, ROLE_FIGURE, link);
	lo->pages->elems[figure].alt = qr_alt(lo, url);
	lo->pages->elems[link].alt = lo->pages->elems[figure].alt;
	return figure;
}

/* Draw the code in the SIZE square at (X, Y): alone as it is, or, FLUSH
 * beside text, lined up with the other codes of its size (qr.h). */
static void draw(struct layout *lo, const struct doc_node *n, const struct qr_code *q,
		 double x, double y, double size, int flush)
{
	struct page *pg = layout_page(lo);
	int first, figure;
	if (!pg)
		return;
	first = pg->n_boxes;
	/* a trial flow of column balancing is rewound, boxes and all: only
	 * where things end counts, and a symbol's hundreds of rectangles were
	 * the most of its memory */
	if (lo->trial)
		;
	else if (flush)
		qr_draw_flush(pg, q, x, y, size, n->a.qr.left, n->a.qr.color);
	else
		qr_draw(pg, q, x, y, size, n->a.qr.color);
	figure = qr_elements(lo, n->a.qr.url);
	for (int i = first; i < pg->n_boxes; i++) {
		pg->boxes[i].elem = figure;
		pg->boxes[i].line = n->line; /* the template line, for press checks */
	}
}

/* Below the letters of the last line of N's text, to where the line ends:
 * half the leading of its style (the descenders take about the rest). */
static double text_slack(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st;
	if (!n->last || n->last->kind != DOC_PARA)
		return 0;
	st = doc_node_style(lo->doc, n->last);
	return (st->leading - st->size) / 2;
}

/* The code on the right (or left, side="left") of its text, both top-aligned,
 * its symbol lined up with the codes above and below (qr_draw_flush). The
 * block ends at the lower of the text and the symbol (its quiet zone below
 * left out; as much below it as a line of the text leaves below its
 * letters), so that the space to the next block looks the same whichever
 * is taller; it moves whole. */
static void beside_text(struct layout *lo, const struct doc_node *n, const struct qr_code *q,
			double size)
{
	struct flow_state saved = layout_save(lo);
	double gap = n->a.qr.gap, x0 = lo->x0, width = lo->width;
	int left = n->a.qr.left, page, now;
	double y0, text_bottom, h, symbol = qr_flush_bottom(q, 0, size) + text_slack(lo, n);
	lo->width = width - size - gap;
	lo->x0 = left ? x0 + size + gap : x0;
	h = layout_measure_blocks(lo, n->first, 1);
	layout_need(lo, h > symbol ? h : symbol);
	y0 = lo->y;
	page = lo->page_index;
	lo->at_top = 1; /* the text starts level with the code */
	layout_blocks(lo, n->first);
	text_bottom = lo->y;
	/* drawn after its text, so that it is read after it: the text says
	 * what the code leads to */
	now = lo->page_index;
	lo->page_index = page;
	draw(lo, n, q, left ? lo->x0 - size - gap : lo->x0 + lo->width + gap, y0, size, 1);
	lo->page_index = now;
	layout_restore(lo, &saved);
	lo->y = text_bottom > y0 + symbol ? text_bottom : y0 + symbol;
	lo->at_top = 0;
}

void qr_layout(struct layout *lo, const struct doc_node *n)
{
	double size = n->a.qr.size, gap = n->a.qr.gap;
	struct qr_code *q;
	if (size > lo->width || (n->first && lo->width - size - gap < MIN_TEXT)) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "a %.1f mm QR code%s does not fit the %.1f mm column", size / MM_TO_PT,
			      n->first ? " with text beside it" : "", lo->width / MM_TO_PT);
		return;
	}
	q = encode(lo, n);
	if (!q)
		return;
	size = fitted_size(lo, q, size);
	if (n->first) {
		beside_text(lo, n, q, size);
	} else {
		layout_need(lo, size);
		draw(lo, n, q, lo->x0, lo->y, size, 0);
		lo->y += size;
		lo->at_top = 0;
	}
	qr_free(q);
}
