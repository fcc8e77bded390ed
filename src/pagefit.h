/*
 * pagefit: laying a document out on the number of pages it asks for.
 *
 * <page pages="2"> asks for at most 2 pages; a <booklet pages="multiple-of-4">
 * for a whole number of folded sheets, so that no page is left blank. When
 * the content runs over, the layout is tried again, tightened one step at a
 * time, and the first step that fits is taken:
 *   1. the space between blocks (spaces before and after paragraphs and
 *      headings, <space> heights) down to fit-space of it (default 50 %), in
 *      steps of 15 %;
 *   2. then QR codes smaller, in steps of 10 % of their size, each no smaller
 *      than its modules at fit-qr-module (default 0.5 mm, QR_MIN_MODULE_MM);
 *   3. then every style's type size and leading, in steps of 0.25 pt of the
 *      body text, down to fit-size for the body (default: the body's own
 *      size, so the type does not shrink unless the template allows it).
 * When no step fits, the error names the page count, how many millimetres of
 * text are over at the tightest step and the limit that stopped it, and
 * nothing is written. A booklet one or two pages over whole sheets is
 * tightened the same way to lose a sheet; one short of whole sheets (pages
 * would be left blank before the back cover), or that cannot lose one, is
 * spread evenly: its inner pages are filled a step less (doc.h fit.fill,
 * layout_need) until its text reaches the last page before the back
 * cover.
 */
#ifndef KP_PAGEFIT_H
#define KP_PAGEFIT_H

#include "doc.h"
#include "layout.h"
#include "pages.h"

/* Lay D out as layout_run does, tightened until it fits D->fit (doc.h).
 * D keeps the step that fitted (its styles and fit factors). Returns NULL
 * after reporting. */
struct pages *pagefit_layout(struct doc *d, const struct layout_options *opt);

#endif
