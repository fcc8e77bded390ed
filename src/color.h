/* color: an RGB colour, the one type units.h, doc.h and pages.h share. */
#ifndef KP_COLOR_H
#define KP_COLOR_H

struct doc_color {
	double r, g, b; /* 0..1 */
};

#endif
