/*
 * booklet: imposition of a folded booklet. The document's pages (A5, say)
 * are padded with blank pages to a multiple of four and placed two per sheet
 * side (twice as wide: A4 landscape) in booklet order, so that the printed
 * sheets, duplex (flip on the short edge), stacked and folded in the middle,
 * read 1, 2, 3, ...: sheet side 1 holds pages n and 1, side 2 pages 2 and
 * n-1, and so on. A short fold mark sits at the middle of the top and bottom
 * edge of every side (tag "fold").
 */
#ifndef KP_BOOKLET_H
#define KP_BOOKLET_H

#include "pages.h"

/* The slot of page P of a booklet of N pages (N a multiple of 4): the sheet
 * side SIDE (0-based, in print order) and whether it sits on the right half. */
void booklet_slot(int p, int n, int *side, int *right);

/* A new set of sheet sides SHEET_W x SHEET_H points imposing every page of
 * SRC, the pair centred on the sheet with the fold in its middle (a sheet
 * smaller than two pages grows to fit them). The blank pages that make up a
 * multiple of four go at the end, or, with BACK_COVER, just before SRC's last
 * page, which then is the back cover. The page numbers (boxes tagged
 * "page-number") of the front and the back cover are left out: a printed
 * booklet numbers its inside pages only, each with its place in the booklet
 * (SRC's folios, since the blank pages go after all numbered ones).
 * All SRC pages must be the same size. PRESS: print-shop sheets, exactly
 * two pages in size and without fold marks (press_frame_pages adds them
 * outside the bleed).
 * Free with pages_free; SRC is not changed. */
struct pages *booklet_impose(const struct pages *src, double sheet_w, double sheet_h,
			     int back_cover, int press);

#endif
