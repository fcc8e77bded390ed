/*
 * impose: card-sized pages placed N-up on printing sheets, after layout.
 * The grid is centred on the sheet; crop marks extend every cut line into the
 * sheet margin, starting IMPOSE_MARK_OFFSET outside the grid, so that they
 * meet the card corners exactly and never touch a card. With a back side the
 * pages alternate front, back; each front sheet is followed by its back
 * sheet with the columns mirrored, so that after long-edge duplex printing
 * every back lies behind its front.
 */
#ifndef KP_IMPOSE_H
#define KP_IMPOSE_H

#include "doc.h"
#include "pages.h"
#include "units.h"

struct box_groups;
struct press_options;

#define IMPOSE_MARK_OFFSET (2 * MM_TO_PT) /* from the card edge to the mark */
#define IMPOSE_MARK_LENGTH (5 * MM_TO_PT)
#define IMPOSE_MIN_MARGIN (9 * MM_TO_PT)  /* sheet margin the marks need */

/* Replace the pages of P by sheets per IMP (FILE names the template in
 * messages). FILL_SHEET: when there is one card (one page, or a front and a
 * back), repeat it in every slot of one sheet (blank inserts).
 * What repeats (the same card side, the crop marks) is shared through GS
 * (box_group.h; NULL: nothing shared). PO: print-shop sheets (press.h):
 * the gap between cards at least twice the bleed, each card's backgrounds
 * grown into its own bleed, marks outside the bleed in registration colour,
 * the grid as TrimBox, a slug line; NULL: office sheets.
 * Returns 0, or -1 after reporting (the cards do not fit on the sheet). */
int impose_pages(struct pages *p, const struct doc_impose *imp, const char *file, int fill_sheet,
		 struct box_groups *gs, const struct press_options *po);

/* Where the first card of a sheet goes: its top-left corner (X0, Y0) and its
 * width; 0, or -1 after reporting that the cards do not fit (call it after
 * impose_pages has placed them). */
int impose_first_card(const struct doc_impose *imp, double card_w, double card_h, double *x0,
		      double *y0, double *width);

/* How many cards of CARD_W x CARD_H one sheet holds, or -1 after reporting
 * that they do not fit. A batch imposed in groups of this many cards gives
 * the same sheets as the whole batch imposed at once. PO as for impose_pages. */
int impose_cards_per_sheet(const struct doc_impose *imp, double card_w, double card_h,
			   const char *file, const struct press_options *po);

#endif
