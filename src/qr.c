/* qr: QR code encoding (libqrencode) and vector drawing; see qr.h. */
#include "qr.h"
#include "diag.h"

#include <libxml/hash.h>
#include <qrencode.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qr_level_parse(const char *s, int *level)
{
	static const char names[] = "LMQH";
	const char *p;
	if (!s) {
		*level = 1;
		return 0;
	}
	p = strlen(s) == 1 ? strchr(names, s[0]) : NULL;
	if (!p || !*p)
		return -1;
	*level = (int)(p - names);
	return 0;
}

static QRecLevel level_of(int level)
{
	static const QRecLevel levels[] = { QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q,
					    QR_ECLEVEL_H };
	return levels[level >= 0 && level < 4 ? level : 1];
}

/* Codes made so far, by "level text": column balancing and the booklet lay
 * the same venues out many times, and encoding is the costly part. */
static xmlHashTablePtr made;

static struct qr_code *qr_copy(const struct qr_code *src)
{
	struct qr_code *q = xcalloc(1, sizeof(*q));
	size_t n = (size_t)src->width * (size_t)src->width;
	*q = *src;
	q->dark = xmalloc(n);
	memcpy(q->dark, src->dark, n);
	return q;
}

static void free_made(void *payload, const xmlChar *name)
{
	(void)name;
	qr_free(payload);
}

void qr_cache_free(void)
{
	if (made)
		xmlHashFree(made, free_made);
	made = NULL;
}

static struct qr_code *qr_encode_uncached(const char *text, int level);

struct qr_code *qr_encode(const char *text, int level)
{
	char *key = xmalloc(strlen(text) + 16);
	struct qr_code *q, *hit;
	sprintf(key, "%d %s", level, text);
	hit = made ? xmlHashLookup(made, (const xmlChar *)key) : NULL;
	if (hit) {
		free(key);
		return qr_copy(hit);
	}
	q = qr_encode_uncached(text, level);
	if (q) {
		if (!made)
			made = xmlHashCreate(64);
		hit = qr_copy(q);
		if (xmlHashAddEntry(made, (const xmlChar *)key, hit) != 0)
			qr_free(hit);
	}
	free(key);
	return q;
}

static struct qr_code *qr_encode_uncached(const char *text, int level)
{
	/* version 0: the smallest that fits; case-sensitive so URLs stay exact */
	QRcode *code = QRcode_encodeString(text, 0, level_of(level), QR_MODE_8, 1);
	struct qr_code *q;
	size_t n;
	if (!code)
		return NULL;
	q = xcalloc(1, sizeof(*q));
	q->width = code->width;
	q->version = code->version;
	n = (size_t)code->width * (size_t)code->width;
	q->dark = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		q->dark[i] = code->data[i] & 1; /* bit 0: dark module */
	QRcode_free(code);
	return q;
}

void qr_free(struct qr_code *q)
{
	if (!q)
		return;
	free(q->dark);
	free(q);
}

int qr_total_modules(const struct qr_code *q)
{
	return q->width + 2 * QR_QUIET_ZONE;
}

static void add_rect(struct page *pg, double x, double y, double w, double h,
		     struct doc_color fill, const char *tag)
{
	struct box *b = page_add_shape(pg, BOX_RECT, x, y, w, h);
	b->filled = 1;
	b->fill = fill;
	b->color = fill;
	b->tag = tag;
}

/* The symbol with its top-left corner at (X0, Y0), modules M points wide,
 * on its white quiet zone. */
/* The horizontal runs of dark modules in Q: a rectangle each. */
static int dark_runs(const struct qr_code *q)
{
	int runs = 0;
	for (int row = 0; row < q->width; row++) {
		const unsigned char *r = q->dark + (size_t)row * (size_t)q->width;
		for (int col = 0; col < q->width; col++)
			runs += r[col] && (col == 0 || !r[col - 1]);
	}
	return runs;
}

static void draw_symbol(struct page *pg, const struct qr_code *q, double x0, double y0,
			double m, struct doc_color color)
{
	const struct doc_color white = { 1, 1, 1, 0, 0, 0, 0, 0 };
	double quiet = QR_QUIET_ZONE * m;
	/* room for them all at once: the page's boxes are not copied run by run */
	page_reserve(pg, pg->n_boxes + 1 + dark_runs(q));
	add_rect(pg, x0 - quiet, y0 - quiet, q->width * m + 2 * quiet, q->width * m + 2 * quiet,
		 white, "qr-quiet");
	for (int row = 0; row < q->width; row++) {
		const unsigned char *r = q->dark + (size_t)row * (size_t)q->width;
		for (int col = 0; col < q->width;) {
			int end = col;
			if (!r[col]) {
				col++;
				continue;
			}
			while (end < q->width && r[end])
				end++;
			add_rect(pg, x0 + col * m, y0 + row * m, (end - col) * m, m, color, "qr");
			col = end;
		}
	}
}

void qr_draw(struct page *pg, const struct qr_code *q, double x, double y, double size,
	     struct doc_color color)
{
	double m = size / qr_total_modules(q);
	draw_symbol(pg, q, x + QR_QUIET_ZONE * m, y + QR_QUIET_ZONE * m, m, color);
}

#define QR_SMALLEST 21 /* modules a side of a version 1 code */

double qr_inset(double size)
{
	return size * QR_QUIET_ZONE / (QR_SMALLEST + 2 * QR_QUIET_ZONE);
}

double qr_flush_bottom(const struct qr_code *q, double y, double size)
{
	return y + qr_inset(size) + size * q->width / qr_total_modules(q);
}

double qr_draw_flush(struct page *pg, const struct qr_code *q, double x, double y,
		     double size, int left, struct doc_color color)
{
	double m = size / qr_total_modules(q), inset = qr_inset(size);
	double x0 = left ? x + inset : x + size - inset - q->width * m;
	draw_symbol(pg, q, x0, y + inset, m, color);
	return qr_flush_bottom(q, y, size);
}
