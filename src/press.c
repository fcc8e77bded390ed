/* press: see press.h. */
#include "press.h"
#include "config.h"
#include "diag.h"
#include "font.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOUCH 0.01 /* points: a box edge this close to the trim touches it */

int press_options_init(struct press_options *po, const struct config *cfg, const struct doc *d,
		       const char *name, const char *fonts_dir)
{
	const struct doc_style *body = doc_style_find(d, "body");
	const struct doc_font *df = body && body->family ? doc_font_find(d, body->family) : NULL;
	char path[PATH_MAX];
	po->bleed = cfg->bleed_mm * MM_TO_PT;
	po->output_condition = cfg->output_condition;
	po->document = name;
	po->lang = d->lang;
	po->slug_font = NULL;
	po->page_base = po->page_total = 0;
	if (!df && d->n_fonts > 0)
		df = &d->fonts[0];
	if (!df || !df->files[0])
		return 0;
	snprintf(path, sizeof(path), "%s/%s", fonts_dir, df->files[0]);
	po->slug_font = font_get(path);
	return po->slug_font ? 0 : -1;
}

double press_mark_offset(const struct press_options *po)
{
	return po->bleed + PRESS_MARK_GAP;
}

double press_margin(const struct press_options *po)
{
	return press_mark_offset(po) + PRESS_MARK_LENGTH + 3 * MM_TO_PT;
}

void press_extend_bleed(struct box *boxes, int n, double x0, double y0, double x1, double y1,
			double bleed, unsigned edges)
{
	for (int i = 0; i < n; i++) {
		struct box *b = &boxes[i];
		if (b->kind != BOX_RECT || !b->filled)
			continue;
		if ((edges & PRESS_LEFT) && b->x <= x0 + TOUCH) {
			b->w += b->x - (x0 - bleed);
			b->x = x0 - bleed;
		}
		if ((edges & PRESS_TOP) && b->y <= y0 + TOUCH) {
			b->h += b->y - (y0 - bleed);
			b->y = y0 - bleed;
		}
		if ((edges & PRESS_RIGHT) && b->x + b->w >= x1 - TOUCH)
			b->w = x1 + bleed - b->x;
		if ((edges & PRESS_BOTTOM) && b->y + b->h >= y1 - TOUCH)
			b->h = y1 + bleed - b->y;
	}
}

/* Crop and fold marks: registration colour, hairline. */
static void add_mark(struct page *pg, double x, double y, double w, double h, const char *tag)
{
	struct box *b = page_add_shape(pg, BOX_LINE, x, y, w, h);
	b->line_width = 0.25;
	b->color.cmyk = 1;
	b->color.c = b->color.m = b->color.y = b->color.k = 1;
	b->tag = tag;
}

/* Two marks at each corner of the trim, continuing its edges outwards. */
static void add_corner_marks(struct page *pg, const struct press_options *po)
{
	double o = press_mark_offset(po), l = PRESS_MARK_LENGTH;
	double x0 = pg->trim_x, y0 = pg->trim_y, x1 = x0 + pg->trim_w, y1 = y0 + pg->trim_h;
	add_mark(pg, x0, y0 - o - l, 0, l, "crop");
	add_mark(pg, x1, y0 - o - l, 0, l, "crop");
	add_mark(pg, x0, y1 + o, 0, l, "crop");
	add_mark(pg, x1, y1 + o, 0, l, "crop");
	add_mark(pg, x0 - o - l, y0, l, 0, "crop");
	add_mark(pg, x0 - o - l, y1, l, 0, "crop");
	add_mark(pg, x1 + o, y0, l, 0, "crop");
	add_mark(pg, x1 + o, y1, l, 0, "crop");
}

static void add_fold_marks(struct page *pg, const struct press_options *po)
{
	double o = press_mark_offset(po), l = PRESS_MARK_LENGTH;
	double x = pg->trim_x + pg->trim_w / 2;
	add_mark(pg, x, pg->trim_y - o - l, 0, l, "fold");
	add_mark(pg, x, pg->trim_y + pg->trim_h + o, 0, l, "fold");
}

void press_date(char buf[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* "leaflet · fi · 2026-11-26 · 3/8" below the trim, between the corner
 * marks, in 100 % K. */
static void add_slug(struct pages *p, struct page *pg, const struct press_options *po,
		     int number, int count)
{
	char text[160], date[11];
	struct box *b;
	if (!po->slug_font)
		return;
	press_date(date);
	snprintf(text, sizeof(text), "%s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %d/%d", po->document,
		 po->lang, date, number, count);
	b = page_add_box(pg, BOX_TEXT);
	b->x = pg->trim_x + PRESS_MARK_LENGTH + 2 * MM_TO_PT;
	b->y = pg->trim_y + pg->trim_h + press_mark_offset(po) + PRESS_MARK_LENGTH / 2 +
	       PRESS_SLUG_SIZE / 3;
	b->font = po->slug_font;
	b->size = PRESS_SLUG_SIZE;
	b->text = pages_strndup(p, text, strlen(text));
	b->len = strlen(text);
	b->w = font_text_width(po->slug_font, text, b->len, PRESS_SLUG_SIZE);
	b->h = PRESS_SLUG_SIZE;
	b->tag = "slug";
}

void press_set_trim(struct pages *p, struct page *pg, const struct press_options *po, double x,
		    double y, double w, double h, int number, int count)
{
	pg->trim_x = x;
	pg->trim_y = y;
	pg->trim_w = w;
	pg->trim_h = h;
	pg->bleed = po->bleed;
	add_slug(p, pg, po, number, count);
}

void press_frame_pages(struct pages *p, const struct press_options *po, int fold)
{
	double m = press_margin(po);
	for (int i = 0; i < p->n_pages; i++) {
		struct page *pg = &p->pages[i];
		double w = pg->width, h = pg->height;
		unsigned edges = PRESS_ALL;
		for (int k = 0; k < pg->n_boxes; k++) {
			pg->boxes[k].x += m;
			pg->boxes[k].y += m;
		}
		pg->width = w + 2 * m;
		pg->height = h + 2 * m;
		press_set_trim(p, pg, po, m, m, w, h, i + 1, p->n_pages);
		if (fold) { /* a spread: the halves meet at the fold, only the outer edges bleed */
			press_extend_bleed(pg->boxes, pg->n_boxes, m, m, m + w / 2, m + h, po->bleed,
					   PRESS_ALL & ~PRESS_RIGHT);
			press_extend_bleed(pg->boxes, pg->n_boxes, m + w / 2, m, m + w, m + h, po->bleed,
					   PRESS_ALL & ~PRESS_LEFT);
		} else {
			press_extend_bleed(pg->boxes, pg->n_boxes, m, m, m + w, m + h, po->bleed, edges);
		}
		add_corner_marks(pg, po);
		if (fold)
			add_fold_marks(pg, po);
	}
}

/* A text box's ink reaches about 0.8 of its size above the baseline and
 * 0.25 below; a QR module is its rectangle. */
static int too_close(const struct box *b, double w, double h)
{
	double top = b->y, bottom = b->y + b->h, left = b->x, right = b->x + b->w;
	if (b->kind == BOX_TEXT) {
		top = b->y - 0.8 * b->size;
		bottom = b->y + 0.25 * b->size;
	}
	return left < PRESS_SAFE - TOUCH || top < PRESS_SAFE - TOUCH ||
	       right > w - PRESS_SAFE + TOUCH || bottom > h - PRESS_SAFE + TOUCH;
}

int press_check_safe_area(const struct pages *p, const char *file)
{
	int warned = 0, last_line = -1;
	for (int i = 0; i < p->n_pages; i++) {
		const struct page *pg = &p->pages[i];
		for (int k = 0; k < pg->n_boxes; k++) {
			const struct box *b = &pg->boxes[k];
			int qr = b->tag && strcmp(b->tag, "qr") == 0;
			if ((b->kind != BOX_TEXT && !qr) || !too_close(b, pg->width, pg->height) ||
			    b->line == last_line)
				continue;
			last_line = b->line;
			diag_file(DIAG_WARNING, file, b->line, 0,
				  "%s within 3 mm of the trim on page %d: a print shop's cut may "
				  "touch it (move it further in)", qr ? "QR code" : "text", i + 1);
			warned++;
		}
	}
	return warned;
}
