/* booklet: booklet imposition of pages; see booklet.h. */
#include "booklet.h"
#include "units.h"

#include <string.h>

#define FOLD_MARK_FROM (3 * MM_TO_PT) /* fold mark: from this far from the edge */
#define FOLD_MARK_TO (9 * MM_TO_PT)   /* to this far (inside most printers' reach) */

void booklet_slot(int p, int n, int *side, int *right)
{
	/* sheet k front: pages n-1-2k (left) and 2k (right); back: 2k+1 and n-2-2k */
	if (p < n / 2) {
		*side = p;               /* p = 2k -> front of k = side 2k; p = 2k+1 -> back */
		*right = p % 2 == 0;
	} else {
		int q = n - 1 - p;       /* mirror position from the back */
		*side = q;
		*right = q % 2 == 1;
	}
}

/* Copies the boxes of SRC onto SIDE moved by DX, DY; a cover (COVER) loses
 * its page number: a printed booklet numbers the pages inside only. */
static void copy_page(struct pages *dst, struct page *side, const struct page *src, double dx,
		      double dy, int cover)
{
	for (int i = 0; i < src->n_boxes; i++) {
		struct box *b;
		if (cover && src->boxes[i].tag && strcmp(src->boxes[i].tag, "page-number") == 0)
			continue;
		b = page_add_copy(side, &src->boxes[i], dx, dy);
		pages_adopt_box(dst, b);
	}
}

static void fold_mark(struct page *side, double y, double h)
{
	struct box *b = page_add_shape(side, BOX_LINE, side->width / 2, y, 0, h);
	b->line_width = 0.4;
	b->color.r = b->color.g = b->color.b = 0.45;
	b->tag = "fold";
}

struct pages *booklet_impose(const struct pages *src, double sheet_w, double sheet_h,
			     int back_cover, int press)
{
	struct pages *dst = pages_new();
	int n = (src->n_pages + 3) / 4 * 4;
	double w = src->n_pages ? src->pages[0].width : 0, h = src->n_pages ? src->pages[0].height : 0;
	double dx, dy;
	if (sheet_w < 2 * w || press)
		sheet_w = 2 * w;
	if (sheet_h < h || press)
		sheet_h = h;
	dx = (sheet_w - 2 * w) / 2;
	dy = (sheet_h - h) / 2;
	dst->title = src->title;
	dst->subject = src->subject;
	dst->author = src->author;
	dst->keywords = src->keywords;
	dst->lang = src->lang;
	for (int s = 0; s < n / 2; s++) {
		struct page *side = pages_add_page(dst, sheet_w, sheet_h);
		if (press) /* press.c marks the fold outside the bleed */
			continue;
		fold_mark(side, FOLD_MARK_FROM, FOLD_MARK_TO - FOLD_MARK_FROM);
		fold_mark(side, sheet_h - FOLD_MARK_TO, FOLD_MARK_TO - FOLD_MARK_FROM);
	}
	for (int p = 0; p < src->n_pages; p++) {
		int side, right, at = p;
		if (back_cover && p > 0 && p == src->n_pages - 1)
			at = n - 1;
		booklet_slot(at, n, &side, &right);
		copy_page(dst, &dst->pages[side], &src->pages[p], dx + (right ? w : 0), dy,
			  at == 0 || at == n - 1);
	}
	return dst;
}
