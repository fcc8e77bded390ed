/*
 * contrast: every text colour of a document against what the text stands
 * on (the page, or the background of a <box>, table row or cell), by
 * WCAG 2.1's contrast ratio (color.h). Text needs at least 4.5:1, text
 * under 9 pt at least 7:1, a QR code's squares 3:1; less is an error, so
 * nothing is written.
 */
#ifndef KP_CONTRAST_H
#define KP_CONTRAST_H

#include "doc.h"

#define CONTRAST_MIN 4.5        /* WCAG 2.1 AA, 1.4.3 */
#define CONTRAST_MIN_SMALL 7.0  /* for text under CONTRAST_SMALL_PT */
#define CONTRAST_SMALL_PT 9.0
#define CONTRAST_MIN_GRAPHICS 3.0 /* WCAG 2.1 AA, 1.4.11: QR codes */

/* Check the text of D with its styles' sizes as they are now; FITTED: again
 * after page fitting (pagefit.h), which may have set the type smaller. A colour from the region
 * file (its [style.NAME] color) is reported there, at REGION_PATH.
 * Each style on each background is reported once. Returns the number of
 * errors reported. */
int contrast_check(const struct doc *d, const char *region_path, int fitted);

#endif
