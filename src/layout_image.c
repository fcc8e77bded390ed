/* layout_image: a PNG or JPEG picture scaled to a width and/or height, aspect ratio
 * kept; the PDF backend embeds the file; see layout_internal.h. */
#include "layout_internal.h"
#include "image_probe.h"
#include "diag.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* SRC relative to the template's folder (an absolute SRC is kept). */
static void image_path(const struct layout *lo, const char *src, char *buf, size_t size)
{
	const char *slash = strrchr(lo->doc->file, '/');
	if (src[0] == '/' || !slash)
		snprintf(buf, size, "%s", src);
	else
		snprintf(buf, size, "%.*s/%s", (int)(slash - lo->doc->file), lo->doc->file, src);
}

/* Size in points; 0, or -1 with *why set. */
static int image_size(const struct layout *lo, const struct doc_node *n, const char *path,
		      double *w, double *h, const char **why)
{
	const char *wa = doc_node_attr(n, "width"), *ha = doc_node_attr(n, "height");
	double want_w = 0, want_h = 0, scale;
	int px_w, px_h;
	(void)lo;
	if (image_probe(path, &px_w, &px_h, why) != 0)
		return -1;
	if ((wa && units_parse_length(wa, &want_w) != 0) ||
	    (ha && units_parse_length(ha, &want_h) != 0) || want_w < 0 || want_h < 0 ||
	    (want_w == 0 && want_h == 0)) {
		*why = "give a positive width or height";
		return -1;
	}
	if (want_w > 0 && want_h > 0) {
		double sw = want_w / px_w, sh = want_h / px_h;
		scale = sw < sh ? sw : sh;
	} else {
		scale = want_w > 0 ? want_w / px_w : want_h / px_h;
	}
	*w = px_w * scale;
	*h = px_h * scale;
	return 0;
}

void image_content_width(struct layout *lo, const struct doc_node *image, double *width)
{
	char path[PATH_MAX];
	const char *why, *src = doc_node_attr(image, "src");
	double h;
	*width = 0;
	if (!src)
		return;
	image_path(lo, src, path, sizeof(path));
	if (image_size(lo, image, path, width, &h, &why) != 0)
		*width = 0;
}

static int check_fits(struct layout *lo, const struct doc_node *n, double w, double h)
{
	if (w > lo->width + 0.01) {
		diag_file(DIAG_ERROR, lo->doc->file, n->line, n->col,
			  "image is %.1f mm wider than the %.1f mm text column",
			  (w - lo->width) / MM_TO_PT, lo->width / MM_TO_PT);
	} else if (h > block_column_height(lo) + 0.01) {
		diag_file(DIAG_ERROR, lo->doc->file, n->line, n->col,
			  "image is %.1f mm taller than the page's text area",
			  (h - block_column_height(lo)) / MM_TO_PT);
	} else {
		return 1;
	}
	lo->errors++;
	return 0;
}

static double aligned_x(const struct layout *lo, const struct doc_node *n, double w)
{
	const char *align = doc_node_attr(n, "align");
	if (align && strcmp(align, "center") == 0)
		return lo->x0 + (lo->width - w) / 2;
	if (align && strcmp(align, "right") == 0)
		return lo->x0 + lo->width - w;
	return lo->x0;
}

void image_layout(struct layout *lo, const struct doc_node *n)
{
	const struct doc_style *st = doc_node_style(lo->doc, n->parent);
	const char *why, *src = doc_node_attr(n, "src");
	char path[PATH_MAX];
	double w, h;
	struct page *pg;
	image_path(lo, src ? src : "", path, sizeof(path));
	if (image_size(lo, n, path, &w, &h, &why) != 0) {
		if (!lo->measure) {
			diag_file(DIAG_ERROR, lo->doc->file, n->line, n->col, "image %s: %s",
				  src ? src : "", why);
			lo->errors++;
		}
		return;
	}
	if (!lo->measure && !check_fits(lo, n, w, h))
		return;
	layout_space(lo, st->space_before);
	layout_need(lo, h);
	if ((pg = layout_page(lo))) {
		struct box *b = page_add_box(pg, BOX_IMAGE);
		b->x = aligned_x(lo, n, w);
		b->y = lo->y;
		b->w = w;
		b->h = h;
		b->text = pages_strndup(lo->pages, path, strlen(path));
		b->len = strlen(path);
	}
	lo->y += h + st->space_after;
	lo->at_top = 0;
}
