/*
 * color: colours as the author gave them, RGB ("#1a5c8e") or CMYK
 * ("cmyk(90,40,20,10)", percentages), and how each is written for a print
 * shop (press output is DeviceCMYK only).
 *
 * RGB to CMYK, the one formula (naive conversion with full black
 * replacement): K = 1 - max(R, G, B); C = (1 - R - K) / (1 - K), M and Y
 * likewise from G and B (C = M = Y = 0 when K = 1). A grey (R = G = B),
 * black included, is therefore K only: black text, rules and QR codes print
 * as 100 % K on one plate. The formula never needs more than 300 % ink;
 * a cmyk() colour may, and check warns when one exceeds COLOR_MAX_INK.
 */
#ifndef KP_COLOR_H
#define KP_COLOR_H

#include <stddef.h>

/* A colour as the author gave it: RGB, or CMYK with R, G, B derived from
 * it for office output. The one colour type units.h, doc.h and pages.h share. */
struct doc_color {
	double r, g, b;          /* 0..1 */
	int cmyk;                /* 1: given as cmyk(); c, m, y, k hold it */
	double c, m, y, k;       /* 0..1 */
};

#define COLOR_MAX_INK 300.0 /* total ink in percent a press reproduces well */

/* Parse "#RRGGBB" or "cmyk(C,M,Y,K)" (each 0..100, decimals allowed).
 * Returns 0, or -1 when S is neither. */
int color_parse(const char *s, struct doc_color *c);
/* The colour as C, M, Y, K in 0..1 (cmyk() as given, RGB by the formula). */
void color_to_cmyk(const struct doc_color *c, double cmyk[4]);
/* Total ink of the colour in percent (C + M + Y + K). */
double color_total_ink(const struct doc_color *c);
/* Warn (at FILE:LINE:COL, naming the attribute ATTR) when C needs more
 * ink than COLOR_MAX_INK. Returns 1 when it warned. */
int color_check_ink(const struct doc_color *c, const char *attr, const char *file, int line,
		    int col);

/* Contrast for readers (WCAG 2.1): the relative luminance of the colour as
 * it looks on screen (a cmyk() colour by its RGB look), 0 for black to 1
 * for white, and the contrast ratio of two colours, 1 to 21. */
double color_luminance(const struct doc_color *c);
double color_contrast(const struct doc_color *a, const struct doc_color *b);
/* The colour as the author wrote it: "#rrggbb" or "cmyk(C,M,Y,K)". */
void color_format(const struct doc_color *c, char *buf, size_t size);

#endif
