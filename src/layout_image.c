/* layout_image: a PNG or JPEG picture scaled to a width and/or height, aspect ratio
 * kept; the PDF backend embeds the file; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <string.h>

void image_content_width(struct layout *lo, const struct doc_node *image, double *width)
{
	(void)lo;
	*width = image->a.image.width;
}

static int check_fits(struct layout *lo, const struct doc_node *n, double w, double h)
{
	if (w > lo->width + 0.01) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "image is %.1f mm wider than the %.1f mm text column",
			      (w - lo->width) / MM_TO_PT, lo->width / MM_TO_PT);
	} else if (h > block_column_height(lo) + 0.01) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "image is %.1f mm taller than the page's text area",
			      (h - block_column_height(lo)) / MM_TO_PT);
	} else {
		return 1;
	}
	return 0;
}

static double aligned_x(const struct layout *lo, const struct doc_node *n, double w)
{
	if (n->a.image.align == ALIGN_CENTER)
		return lo->x0 + (lo->width - w) / 2;
	if (n->a.image.align == ALIGN_RIGHT)
		return lo->x0 + lo->width - w;
	return lo->x0;
}

void image_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = doc_node_style(lo->doc, n->parent);
	const struct doc_image_attrs *a = &n->a.image;
	struct page *pg;
	if (!lo->measure && !check_fits(lo, n, a->width, a->height))
		return;
	layout_space(lo, st->space_before);
	layout_need(lo, a->height);
	if ((pg = layout_page(lo))) {
		struct box *b = page_add_box(pg, BOX_IMAGE);
		b->x = aligned_x(lo, n, a->width);
		b->y = lo->y;
		b->w = a->width;
		b->h = a->height;
		b->text = pages_strndup(lo->pages, a->path, strlen(a->path));
		b->len = strlen(a->path);
		/* a Figure with its alternative text; a decorative image is an artifact */
		if (!a->decorative && a->alt && lo->elem >= 0) {
			b->elem = pages_add_elem(lo->pages, ROLE_FIGURE, lo->elem);
			lo->pages->elems[b->elem].alt = pages_strndup(lo->pages, a->alt, strlen(a->alt));
		}
	}
	lo->y += a->height + st->space_after;
	lo->at_top = 0;
}
