/*
 * svg: the third backend beside pdf.c and dump.c: one laid-out page as SVG,
 * for previews on the web page (kaikuprint serve). It draws the same boxes
 * at the same places as the PDF, kerning runs and letter spacing included,
 * in the same fonts: the text names them as font families "kp-<file name
 * without .ttf>", which the server's stylesheet (templates/web/fonts.css)
 * maps to the font files it serves.
 */
#ifndef KP_SVG_H
#define KP_SVG_H

#include "pages.h"

#include <stdio.h>

/* Write page INDEX (0-based) of PAGES to OUT. STYLESHEET: the URL of the
 * stylesheet with the fonts, for an SVG file on its own; NULL for an SVG
 * placed inside an HTML page that has the stylesheet already. Uses
 * presentation attributes only (no style attributes), so that a strict
 * Content-Security-Policy lets it through. */
void svg_write_page(const struct pages *pages, int index, const char *stylesheet, FILE *out);

/* The two lines an SVG file on its own starts with: the XML declaration
 * and the link to STYLESHEET; svg_write_page(..., NULL, ...) follows. */
void svg_write_prolog(const char *stylesheet, FILE *out);

/* The font family of F in an SVG ("kp-NotoSans-Bold"). */
void svg_font_family(const struct font *f, char *buf, size_t size);

#endif
