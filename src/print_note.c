/* print_note: see print_note.h. */
#include "print_note.h"
#include "diag.h"
#include "font.h"
#include "impose.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define NOTE_INSET (3 * MM_TO_PT)     /* from the crop marks (or the fold) beside it */
#define NOTE_ABOVE (4 * MM_TO_PT)     /* its baseline above the cards' top cut line */
#define NOTE_FROM_FOOT (5 * MM_TO_PT) /* its baseline above a booklet sheet's foot */
#define NOTE_FOLIO (15 * MM_TO_PT)    /* room left for the folio at the outer corner */

/* The regular face of D's "sans" family, or NULL. */
static struct font *note_font(const struct doc *d, const char *fonts_dir)
{
	const struct doc_font *df = doc_font_find(d, "sans");
	char path[PATH_MAX];
	if (!df || !df->files[0])
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", fonts_dir, df->files[0]);
	return font_get(path);
}

/* The note on every STEP-th page of SHEETS from X (measured from the page's
 * middle when FROM_MIDDLE) with its baseline at Y, no wider than MAX_W: set
 * at PRINT_NOTE_SIZE, smaller to fit, with a warning when even the smallest
 * size is too wide. */
static void place(struct pages *sheets, const struct doc *d, const char *fonts_dir, double x,
		  double y, double max_w, int from_middle, int step)
{
	const char *text = d->print_note;
	struct font *font;
	double size = PRINT_NOTE_SIZE, w;
	size_t len;
	if (!text || !*text || sheets->n_pages == 0 || !(font = note_font(d, fonts_dir)))
		return;
	len = strlen(text);
	w = font_text_width(font, text, len, size);
	while (w > max_w && size > PRINT_NOTE_MIN) {
		size -= 0.25;
		w = font_text_width(font, text, len, size);
	}
	if (w > max_w + 0.01)
		diag_file(DIAG_WARNING, d->file, 0, 0,
			  "<print-note> is %.1f mm too long for the sheet's margin even at %.0f pt",
			  (w - max_w) / MM_TO_PT, PRINT_NOTE_MIN);
	for (int i = 0; i < sheets->n_pages; i += step) {
		struct page *pg = &sheets->pages[i];
		struct box *b = page_add_shape(pg, BOX_TEXT, x + (from_middle ? pg->width / 2 : 0), y,
					       w, size);
		b->font = font;
		b->size = size;
		b->text = pages_strndup(sheets, text, len);
		b->len = len;
		b->color.r = b->color.g = b->color.b = 0.2; /* #333333: 12.6:1 on white */
		b->tag = "print-note";
	}
}

void print_note_on_cards(struct pages *sheets, const struct doc *d, const char *fonts_dir)
{
	double x0, y0, card_w;
	if (impose_first_card(&d->impose, d->page.width, d->page.height, &x0, &y0, &card_w) != 0)
		return;
	/* once a sheet: on its front (a back sheet is all cards, drawn once) */
	place(sheets, d, fonts_dir, x0 + NOTE_INSET, y0 - NOTE_ABOVE, card_w - 2 * NOTE_INSET, 0,
	      d->impose.back ? 2 : 1);
}

void print_note_on_booklet(struct pages *sheets, const struct doc *d, const char *fonts_dir)
{
	double half, height;
	if (sheets->n_pages == 0)
		return;
	half = sheets->pages[0].width / 2;
	height = sheets->pages[0].height;
	place(sheets, d, fonts_dir, NOTE_INSET, height - NOTE_FROM_FOOT,
	      half - 2 * NOTE_INSET - NOTE_FOLIO, 1, 1);
}
