/*
 * press: the print-shop variant of a document (--press, [print] press = yes).
 * Layout makes pages of the finished size; press then gives each page (or
 * sheet) a TrimBox (the finished size), a BleedBox (trim + bleed, 3 mm by
 * default) and a MediaBox with room for the crop marks, fold marks and a
 * slug line (document, language, date, page) outside the bleed. Filled
 * backgrounds that touch a trim edge grow into the bleed. Colours stay as
 * the author gave them (color.h); the PDF backend writes them as CMYK.
 *
 * Marks start PRESS_MARK_GAP outside the bleed and are PRESS_MARK_LENGTH
 * long, drawn in registration colour (all four inks) so that every plate
 * shows them.
 */
#ifndef KP_PRESS_H
#define KP_PRESS_H

#include "pages.h"
#include "units.h"

#define PRESS_SAFE (3 * MM_TO_PT)        /* no text or QR code closer to the trim */
#define PRESS_MARK_GAP (1 * MM_TO_PT)    /* from the bleed edge to a mark */
#define PRESS_MARK_LENGTH (5 * MM_TO_PT)
#define PRESS_SLUG_SIZE 6.0              /* points */

struct font;

struct press_options {
	double bleed;                 /* points */
	const char *output_condition; /* registered printing condition, "FOGRA39" */
	const char *document;         /* for the slug line: "leaflet", "leaflet-booklet" */
	const char *lang;
	struct font *slug_font;       /* NULL: no slug line */
	int page_base, page_total;    /* a batch written in parts: sheets before this
					 part and in all (0: this part is the whole) */
};

/* Trim edges, for press_extend_bleed. */
enum { PRESS_TOP = 1, PRESS_RIGHT = 2, PRESS_BOTTOM = 4, PRESS_LEFT = 8, PRESS_ALL = 15 };

struct doc;
struct config;
/* PO for document D (NAME for the slug line, e.g. "leaflet-booklet") from
 * the region's [print] section; the slug is set in D's body font from
 * FONTS_DIR. Returns 0, or -1 after reporting (the font is missing). */
int press_options_init(struct press_options *po, const struct config *cfg, const struct doc *d,
		       const char *name, const char *fonts_dir);

/* From the trim edge to where a crop mark starts. */
double press_mark_offset(const struct press_options *po);
/* Room a sheet needs around its trim for bleed, marks and slug line. */
double press_margin(const struct press_options *po);

/* Filled rectangles among BOXES[0..N) that touch an edge in EDGES of the
 * trim X0, Y0, X1, Y1 grow by BLEED beyond it. */
void press_extend_bleed(struct box *boxes, int n, double x0, double y0, double x1, double y1,
			double bleed, unsigned edges);
/* Each page of P becomes a press sheet: the page, its bleed (every edge
 * grows, FOLD: but the middle of a booklet spread), crop marks at the
 * corners, with FOLD fold marks above and below the middle, and the slug. */
void press_frame_pages(struct pages *p, const struct press_options *po, int fold);
/* Set the trim of PG (a page of P) to X, Y, W, H with PO's bleed and add
 * its slug line for page NUMBER of COUNT (imposed card sheets: impose.c
 * draws their marks). */
void press_set_trim(struct pages *p, struct page *pg, const struct press_options *po, double x,
		    double y, double w, double h, int number, int count);
/* Warn (template FILE and the box's line) about every text or QR code box
 * of P closer than PRESS_SAFE to its page edge (the trim, before framing).
 * Returns the number of warnings. */
int press_check_safe_area(const struct pages *p, const char *file);
/* The date of the slug line and the PDF, YYYY-MM-DD: $SOURCE_DATE_EPOCH
 * when set (reproducible output), else today (UTC). */
void press_date(char buf[11]);

#endif
