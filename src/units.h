/* units: lengths ("25mm", "1.5cm", "11pt", "11") and colours ("#1a5c8e", "cmyk(90,40,20,10)"). */
#ifndef KP_UNITS_H
#define KP_UNITS_H

#include "color.h"

#define MM_TO_PT (72.0 / 25.4)

/* Parse a length into points; a bare number is points. Returns 0 or -1. */
int units_parse_length(const char *s, double *pt);
/* Parse #RRGGBB or cmyk(C,M,Y,K) (color_parse). Returns 0 or -1. */
int units_parse_color(const char *s, struct doc_color *c);
/* Named paper sizes (A3, A4, A5, letter) in points, portrait. Returns 0 or -1. */
int units_paper_size(const char *name, double *w, double *h);

#endif
