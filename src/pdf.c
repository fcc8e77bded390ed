/* pdf: pages of boxes to PDF with libharu; see pdf.h. */
#include "pdf.h"
#include "diag.h"
#include "fileio.h"
#include "font.h"
#include "utf8.h"

#include <hpdf.h>

#include <stdlib.h>
#include <string.h>

enum { PDF_MAX_FONTS = 32, PDF_MAX_IMAGES = 64 };

struct pdf_writer {
	HPDF_Doc doc;
	HPDF_Page page;
	double page_height;
	struct font *fonts[PDF_MAX_FONTS];  /* fonts loaded into this document */
	HPDF_Font handles[PDF_MAX_FONTS];
	int n_fonts;
	char *image_paths[PDF_MAX_IMAGES];  /* images embedded so far: each once (copies:
					       the pages of a batch are freed as it goes) */
	HPDF_Image images[PDF_MAX_IMAGES];
	int n_images;
	HPDF_STATUS error;                  /* first libharu error, 0 = none */
	HPDF_STATUS detail;
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	if (!w->error) {
		w->error = error;
		w->detail = detail;
	}
}

/* libharu loads a TrueType file once per document; later uses reuse it. */
static HPDF_Font pdf_font(struct pdf_writer *w, struct font *f)
{
	const char *name;
	for (int i = 0; i < w->n_fonts; i++)
		if (w->fonts[i] == f)
			return w->handles[i];
	if (w->n_fonts == PDF_MAX_FONTS)
		return NULL;
	name = HPDF_LoadTTFontFromFile(w->doc, font_path(f), HPDF_TRUE);
	if (!name)
		return NULL;
	w->fonts[w->n_fonts] = f;
	w->handles[w->n_fonts] = HPDF_GetFont(w->doc, name, "UTF-8");
	return w->handles[w->n_fonts++];
}

enum { PDF_MAX_CHUNK = 4000 }; /* libharu refuses strings over 64 KiB once encoded */

/* Length of the longest prefix of TEXT within MAX bytes that ends on a
 * character boundary. */
static size_t chunk_length(const char *text, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)text[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static void draw_segment(struct pdf_writer *w, const char *text, size_t len, double x, double y)
{
	char buf[PDF_MAX_CHUNK + 1];
	int first = 1;
	while (len > 0) {
		size_t n = chunk_length(text, len, PDF_MAX_CHUNK);
		memcpy(buf, text, n);
		buf[n] = '\0';
		/* later chunks go on from where the text position has advanced to */
		if (first)
			HPDF_Page_TextOut(w->page, (HPDF_REAL)x, (HPDF_REAL)y, buf);
		else
			HPDF_Page_ShowText(w->page, buf);
		first = 0;
		text += n;
		len -= n;
	}
}

/* Text is drawn in runs between kerning adjustments. A box's glyphs are
 * scaled by HSCALE (Tz) and spaced by CHAR_SPACE as drawn on the page: the
 * PDF scales Tc by Tz too, so Tc is CHAR_SPACE / HSCALE. */
static void draw_text(struct pdf_writer *w, const struct box *b)
{
	struct font_kern kern[FONT_MAX_KERNS];
	HPDF_Font font = pdf_font(w, b->font);
	double y = w->page_height - b->y, shift = 0, advance = 0;
	double hscale = b->hscale > 0 ? b->hscale : 1;
	size_t start = 0, chars = 0;
	int nk;
	if (!font)
		return;
	nk = font_text_kerning(b->font, b->text, b->len, kern, FONT_MAX_KERNS);
	HPDF_Page_BeginText(w->page);
	HPDF_Page_SetFontAndSize(w->page, font, (HPDF_REAL)b->size);
	if (HPDF_Page_GetHorizontalScalling(w->page) != (HPDF_REAL)(hscale * 100))
		HPDF_Page_SetHorizontalScalling(w->page, (HPDF_REAL)(hscale * 100));
	HPDF_Page_SetCharSpace(w->page, (HPDF_REAL)(b->char_space / hscale));
	HPDF_Page_SetRGBFill(w->page, (HPDF_REAL)b->color.r, (HPDF_REAL)b->color.g,
			     (HPDF_REAL)b->color.b);
	for (int k = 0; k <= nk; k++) {
		size_t end = k < nk ? kern[k].offset : b->len;
		double x = b->x + (advance + shift) * hscale + b->char_space * (double)chars;
		draw_segment(w, b->text + start, end - start, x, y);
		/* the runs so far, measured once each rather than again from the start */
		advance += font_plain_width(b->font, b->text + start, end - start, b->size);
		chars += utf8_length(b->text + start, end - start);
		if (k < nk)
			shift += kern[k].dx * b->size / 1000.0;
		start = end;
	}
	HPDF_Page_EndText(w->page);
}

static void set_stroke(struct pdf_writer *w, const struct box *b)
{
	HPDF_Page_SetLineWidth(w->page, (HPDF_REAL)(b->line_width > 0 ? b->line_width : 0.5));
	HPDF_Page_SetRGBStroke(w->page, (HPDF_REAL)b->color.r, (HPDF_REAL)b->color.g,
			       (HPDF_REAL)b->color.b);
}

static void draw_line(struct pdf_writer *w, const struct box *b)
{
	set_stroke(w, b);
	HPDF_Page_MoveTo(w->page, (HPDF_REAL)b->x, (HPDF_REAL)(w->page_height - b->y));
	HPDF_Page_LineTo(w->page, (HPDF_REAL)(b->x + b->w), (HPDF_REAL)(w->page_height - b->y - b->h));
	HPDF_Page_Stroke(w->page);
}

static void draw_rect(struct pdf_writer *w, const struct box *b)
{
	if (b->stroked)
		set_stroke(w, b);
	if (b->filled)
		HPDF_Page_SetRGBFill(w->page, (HPDF_REAL)b->fill.r, (HPDF_REAL)b->fill.g,
				     (HPDF_REAL)b->fill.b);
	HPDF_Page_Rectangle(w->page, (HPDF_REAL)b->x, (HPDF_REAL)(w->page_height - b->y - b->h),
			    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
	if (b->filled && b->stroked)
		HPDF_Page_FillStroke(w->page);
	else if (b->filled)
		HPDF_Page_Fill(w->page);
	else
		HPDF_Page_Stroke(w->page);
}

/* The kind is read from the file's first byte, not its name: layout has
 * already checked that it is a PNG (0x89 'P' 'N' 'G') or a JPEG (0xFF 0xD8). */
/* An image used on many pages (a logo on every card) is embedded once. */
static HPDF_Image load_image(struct pdf_writer *w, const char *path)
{
	FILE *f;
	int first;
	HPDF_Image img = NULL;
	for (int i = 0; i < w->n_images; i++)
		if (strcmp(w->image_paths[i], path) == 0)
			return w->images[i];
	f = fopen(path, "rb");
	first = f ? getc(f) : EOF;
	if (f)
		fclose(f);
	if (first == 0x89)
		img = HPDF_LoadPngImageFromFile(w->doc, path);
	else if (first == 0xFF)
		img = HPDF_LoadJpegImageFromFile(w->doc, path);
	if (img && w->n_images < PDF_MAX_IMAGES) {
		w->image_paths[w->n_images] = xstrdup(path);
		w->images[w->n_images++] = img;
	}
	return img;
}

static void draw_image(struct pdf_writer *w, const struct box *b)
{
	HPDF_Image img = load_image(w, b->text);
	if (!img) {
		diag_file(DIAG_ERROR, b->text, 0, 0, "cannot embed the image (unreadable PNG/JPEG data)");
		if (!w->error)
			w->error = HPDF_INVALID_IMAGE;
		return;
	}
	HPDF_Page_DrawImage(w->page, img, (HPDF_REAL)b->x, (HPDF_REAL)(w->page_height - b->y - b->h),
			    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
}

static void draw_page(struct pdf_writer *w, const struct page *pg)
{
	w->page = HPDF_AddPage(w->doc);
	HPDF_Page_SetWidth(w->page, (HPDF_REAL)pg->width);
	HPDF_Page_SetHeight(w->page, (HPDF_REAL)pg->height);
	w->page_height = pg->height;
	for (int i = 0; i < pg->n_boxes && !w->error; i++) {
		const struct box *b = &pg->boxes[i];
		if (b->kind == BOX_TEXT)
			draw_text(w, b);
		else if (b->kind == BOX_LINE)
			draw_line(w, b);
		else if (b->kind == BOX_RECT)
			draw_rect(w, b);
		else if (b->kind == BOX_IMAGE)
			draw_image(w, b);
	}
}

static void set_info(struct pdf_writer *w, const struct pages *p)
{
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "kaikuprint");
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "kaikuprint with libharu");
	if (p->title)
		HPDF_SetInfoAttr(w->doc, HPDF_INFO_TITLE, p->title);
	if (p->subject)
		HPDF_SetInfoAttr(w->doc, HPDF_INFO_SUBJECT, p->subject);
	if (p->author)
		HPDF_SetInfoAttr(w->doc, HPDF_INFO_AUTHOR, p->author);
	if (p->keywords)
		HPDF_SetInfoAttr(w->doc, HPDF_INFO_KEYWORDS, p->keywords);
}

/* libharu writes into memory first; fileio then checks every write. */
static int save_to_stream(struct pdf_writer *w, struct output_file *out)
{
	HPDF_UINT32 size;
	unsigned char *buf;
	int rc;
	if (HPDF_SaveToStream(w->doc) != HPDF_OK)
		return -1;
	size = HPDF_GetStreamSize(w->doc);
	buf = xmalloc(size ? size : 1);
	HPDF_ResetStream(w->doc);
	if (HPDF_ReadFromStream(w->doc, buf, &size) != HPDF_OK && size == 0) {
		free(buf);
		return -1;
	}
	rc = output_write(out, buf, size);
	free(buf);
	return rc == 0 ? 0 : -2;
}

/* Never HPDF_SaveToFile: libharu ignores a failing final fclose, so a full
 * disk could leave a short PDF that would then be renamed into place. */
static int save(struct pdf_writer *w, struct output_file *out, const char *name)
{
	int rc = save_to_stream(w, out);
	if (rc == -1)
		diag_file(DIAG_FATAL, name, 0, 0, "cannot write the PDF (libharu error 0x%04X, %u)",
			  (unsigned)w->error, (unsigned)w->detail);
	return rc ? -1 : 0;
}

struct pdf_writer *pdf_begin(const struct pages *info)
{
	struct pdf_writer *w = xcalloc(1, sizeof(*w));
	w->doc = HPDF_New(on_error, w);
	if (!w->doc) {
		diag_plain(DIAG_FATAL, "cannot start a PDF document (out of memory)");
		free(w);
		return NULL;
	}
	HPDF_UseUTFEncodings(w->doc);
	HPDF_SetCurrentEncoder(w->doc, "UTF-8");
	HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
	set_info(w, info);
	return w;
}

void pdf_add(struct pdf_writer *w, const struct pages *pages)
{
	for (int i = 0; i < pages->n_pages && !w->error; i++)
		draw_page(w, &pages->pages[i]);
}

void pdf_cancel(struct pdf_writer *w)
{
	if (!w)
		return;
	HPDF_Free(w->doc);
	for (int i = 0; i < w->n_images; i++)
		free(w->image_paths[i]);
	free(w);
}

int pdf_save(struct pdf_writer *w, struct output_file *out, const char *name)
{
	int rc = -1;
	if (w->error)
		diag_file(DIAG_FATAL, name, 0, 0, "cannot make the PDF (libharu error 0x%04X, %u)",
			  (unsigned)w->error, (unsigned)w->detail);
	else
		rc = save(w, out, name);
	pdf_cancel(w);
	return rc;
}

int pdf_finish(struct pdf_writer *w, const char *path)
{
	struct output_file *out = output_open(path);
	if (!out) {
		pdf_cancel(w);
		return -1;
	}
	if (pdf_save(w, out, path) != 0) {
		output_abort(out);
		return -1;
	}
	return output_commit(out);
}

int pdf_write(const struct pages *pages, const char *path)
{
	struct pdf_writer *w = pdf_begin(pages);
	if (!w)
		return -1;
	pdf_add(w, pages);
	return pdf_finish(w, path);
}
