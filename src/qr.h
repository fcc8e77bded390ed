/*
 * qr: QR codes for web addresses, encoded with libqrencode and drawn as
 * vector boxes (no raster image): each horizontal run of dark modules is one
 * filled BOX_RECT tagged "qr", on a white BOX_RECT ("qr-quiet") that covers
 * the symbol and its quiet zone, so a code also scans on a tinted background.
 *
 * Sizes include the quiet zone of QR_QUIET_ZONE modules on every side. One
 * module must be at least QR_MIN_MODULE_MM; a longer text needs more modules,
 * and when they no longer fit the size the caller reports an error rather
 * than printing a code too small to scan.
 */
#ifndef KP_QR_H
#define KP_QR_H

#include "pages.h"

#define QR_QUIET_ZONE 4        /* modules of white space around the symbol */
#define QR_MIN_MODULE_MM 0.5   /* smallest module a phone camera reads reliably */

struct qr_code {
	int width;             /* modules per side, without the quiet zone */
	int version;           /* 1..40 */
	unsigned char *dark;   /* width * width bytes, row by row: 1 = dark module */
};

/* Parse an error correction level "L", "M", "Q" or "H" (NULL: "M") into
 * *LEVEL (0..3). Returns 0, or -1 for anything else. */
int qr_level_parse(const char *s, int *level);

/* Encode TEXT (case preserved, 8-bit mode where needed) at LEVEL. Returns NULL
 * when TEXT does not fit any QR version. Free with qr_free. */
struct qr_code *qr_encode(const char *text, int level);
void qr_free(struct qr_code *q);
/* Release the codes qr_encode remembers (at exit). */
void qr_cache_free(void);

/* Modules per side including the quiet zone on both sides. */
int qr_total_modules(const struct qr_code *q);

/* Draw Q on PG with its quiet zone's top-left corner at (X, Y), SIZE points
 * wide and high, dark modules in COLOR. */
void qr_draw(struct page *pg, const struct qr_code *q, double x, double y, double size,
	     struct doc_color color);

/* Codes beside text, lined up: in a SIZE square at (X, Y), the symbol (the
 * dark part) of any version starts QR_INSET(SIZE) below the top and ends as
 * far from the right edge (LEFT: starts as far from the left edge), the
 * quiet zone of the smallest code, which is the widest; so the symbols of
 * codes of one size stand on one vertical line whatever their version.
 * Their quiet zones stay 4 modules (a larger version's reaches a little past
 * the square on the far side). Returns the symbol's bottom. */
double qr_draw_flush(struct page *pg, const struct qr_code *q, double x, double y,
		     double size, int left, struct doc_color color);
/* The inset of a flush symbol in a SIZE square, and where its bottom is. */
double qr_inset(double size);
double qr_flush_bottom(const struct qr_code *q, double y, double size);

#endif
