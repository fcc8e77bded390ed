/* pdf: pages of boxes to PDF; see pdf.h and pdf_internal.h. */
#include "pdf.h"
#include "pdf_internal.h"
#include "pdf_press.h"
#include "pdf_compact.h"
#include "diag.h"
#include "fileio.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	if (!w->error) {
		w->error = error;
		w->detail = detail;
	}
}

void pdf_putn(struct pdf_writer *w, const char *s, size_t n)
{
	if (w->out.cap_ops - w->out.n_ops < n) {
		while (w->out.cap_ops - w->out.n_ops < n)
			w->out.cap_ops = w->out.cap_ops ? w->out.cap_ops * 2 : 4096;
		w->out.ops = xrealloc(w->out.ops, w->out.cap_ops);
	}
	memcpy(w->out.ops + w->out.n_ops, s, n);
	w->out.n_ops += n;
}

void pdf_put(struct pdf_writer *w, const char *s)
{
	pdf_putn(w, s, strlen(s));
}

/* V * 10^DECIMALS rounded as printf's "%.*f" rounds V, into *OUT, without
 * printf (a tenth of drawing a page went to it) when that is certain:
 * |V| < 1e6 and V * 10^DECIMALS not within 1e-6 of a tie, where rounding
 * the product gives printf's rounding of V. Returns 0, or -1 (then printf
 * decides). */
static int scaled_digits(double v, int decimals, long long *out)
{
	static const double scales[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	double x, whole;
	long long r;
	if (decimals < 0 || decimals > 6 || !(fabs(v) < 1e6))
		return -1;
	x = fabs(v) * scales[decimals];
	whole = floor(x);
	if (fabs(x - whole - 0.5) < 1e-6)
		return -1;
	r = (long long)(x - whole > 0.5 ? whole + 1 : whole);
	*out = v < 0 ? -r : r;
	return 0;
}

/* R / 10^DECIMALS and a space, with no trailing zeros ("-0" is "0"). */
static void put_scaled(struct pdf_writer *w, long long r, int decimals)
{
	char buf[40], digits[8];
	long long scale = 1, frac;
	int n = 0, d = decimals;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	if (r < 0)
		buf[n++] = '-', r = -r;
	n += snprintf(buf + n, 24, "%lld", r / scale); /* integers: the cheap path */
	frac = r % scale;
	while (d > 0 && frac % 10 == 0)
		frac /= 10, d--;
	if (d > 0) {
		buf[n++] = '.';
		for (int i = d - 1; i >= 0; i--, frac /= 10)
			digits[i] = (char)('0' + frac % 10);
		memcpy(buf + n, digits, (size_t)d);
		n += d;
	}
	if (n == 2 && buf[0] == '-' && buf[1] == '0')
		buf[0] = '0', n = 1;
	buf[n++] = ' ';
	pdf_putn(w, buf, (size_t)n);
}

static void put_number(struct pdf_writer *w, double v, int decimals)
{
	char buf[40];
	long long r;
	int n;
	if (scaled_digits(v, decimals, &r) == 0) {
		put_scaled(w, r, decimals);
		return;
	}
	n = snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	if (n == 2 && buf[0] == '-' && buf[1] == '0')
		buf[0] = '0', n = 1;
	buf[n++] = ' ';
	pdf_putn(w, buf, (size_t)n);
}

long long pdf_scaled(double v, int decimals)
{
	char buf[40];
	long long r;
	if (scaled_digits(v, decimals, &r) == 0)
		return r;
	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return llround(strtod(buf, NULL) * pow(10, decimals));
}

void pdf_num_scaled(struct pdf_writer *w, long long r, int decimals)
{
	put_scaled(w, r, decimals);
}

long long pdf_milli(double v)
{
	return pdf_scaled(v, 3);
}

void pdf_num_milli(struct pdf_writer *w, long long v)
{
	put_scaled(w, v, 3);
}

void pdf_num(struct pdf_writer *w, double v)
{
	put_number(w, v, 3);
}

static int same_color(struct doc_color a, struct doc_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.cmyk == b.cmyk &&
	       (!a.cmyk || (a.c == b.c && a.m == b.m && a.y == b.y && a.k == b.k));
}

int pdf_color_current(const struct pdf_writer *w, struct doc_color c, int stroke)
{
	return stroke ? w->out.stroke_set && same_color(w->out.stroke, c)
		      : w->out.fill_set && same_color(w->out.fill, c);
}

/* Every colour the backend sets goes through here. */
void pdf_color(struct pdf_writer *w, struct doc_color c, int stroke)
{
	if (pdf_color_current(w, c, stroke))
		return;
	if (w->press) {
		pdf_press_color(w, c, stroke);
	} else {
		put_number(w, c.r, 5);
		put_number(w, c.g, 5);
		put_number(w, c.b, 5);
		pdf_put(w, stroke ? "RG\n" : "rg\n");
	}
	if (stroke) {
		w->out.stroke = c;
		w->out.stroke_set = 1;
	} else {
		w->out.fill = c;
		w->out.fill_set = 1;
	}
}

HPDF_Dict pdf_new_dict(struct pdf_writer *w)
{
	HPDF_Dict d = HPDF_Dict_New(w->doc->mmgr);
	if (d)
		HPDF_Xref_Add(w->doc->xref, d);
	return d;
}

HPDF_Dict pdf_new_stream(struct pdf_writer *w, int compress)
{
	HPDF_Dict d = HPDF_DictStream_New(w->doc->mmgr, w->doc->xref);
	if (d && compress)
		d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return d;
}

static void set_line_width(struct pdf_writer *w, double width)
{
	if (width == w->out.line_width)
		return;
	pdf_num(w, width);
	pdf_put(w, "w\n");
	w->out.line_width = width;
}

static void set_stroke(struct pdf_writer *w, const struct box *b)
{
	set_line_width(w, b->line_width > 0 ? b->line_width : 0.5);
	pdf_color(w, b->color, 1);
}

static void draw_line(struct pdf_writer *w, const struct box *b)
{
	set_stroke(w, b);
	pdf_num(w, b->x);
	pdf_num(w, w->out.page_height - b->y);
	pdf_put(w, "m ");
	pdf_num(w, b->x + b->w);
	pdf_num(w, w->out.page_height - b->y - b->h);
	pdf_put(w, "l S\n");
}

static void draw_rect(struct pdf_writer *w, const struct box *b)
{
	if (b->stroked)
		set_stroke(w, b);
	if (b->filled)
		pdf_color(w, b->fill, 0);
	pdf_num(w, b->x);
	pdf_num(w, w->out.page_height - b->y - b->h);
	pdf_num(w, b->w);
	pdf_num(w, b->h);
	pdf_put(w, b->filled && b->stroked ? "re B\n" : b->filled ? "re f\n" : "re S\n");
}

/* A rectangle that only fills, and can share one path with the others of
 * run R0 (same colour, same structure element): one f paints their union,
 * which is what painting them one by one in one opaque colour gives. */
static int joins_fill(const struct box *r0, const struct box *b)
{
	return b->kind == BOX_RECT && b->filled && !b->stroked && !b->grouped &&
	       b->w > 0 && b->h > 0 && b->elem == r0->elem && same_color(b->fill, r0->fill);
}

static int fill_run(const struct box *b, int n)
{
	int k = 1;
	if (!joins_fill(b, b))
		return 1;
	while (k < n && joins_fill(b, &b[k]))
		k++;
	return k;
}

/* V as a whole number of units M into *OUT, when it is one within a
 * millionth of a unit (a QR code's modules lie so from its first one). */
static int whole_units(double v, double m, long *out)
{
	double u = v / m, r = floor(u + 0.5);
	if (!(fabs(u - r) < 1e-6 && fabs(r) < 10000))
		return 0;
	*out = (long)r;
	return 1;
}

/* Rectangle B of a run from R0, in units of R0's height, from R0's
 * lower-left corner (PDF's y goes up): x, y, width, height. */
static int grid_rect(const struct box *r0, const struct box *b, long out[4])
{
	double m = r0->h;
	return whole_units(b->x - r0->x, m, &out[0]) &&
	       whole_units((r0->y + r0->h) - (b->y + b->h), m, &out[1]) &&
	       whole_units(b->w, m, &out[2]) && whole_units(b->h, m, &out[3]);
}

static int on_grid(const struct box *b, int n)
{
	long u[4];
	for (int i = 0; i < n; i++)
		if (!grid_rect(b, &b[i], u))
			return 0;
	return 1;
}

/* N rectangles that only fill, in one colour (pdf_fill_run): one path, one
 * f. On a grid (a QR code: at least 4 rectangles whose corners and sides
 * are whole modules from the first) they are written in modules, scaled by
 * cm: "3 -5 7 1 re" instead of four page coordinates. */
static void draw_fill_run(struct pdf_writer *w, const struct box *b, int n)
{
	int grid = n >= 4 && on_grid(b, n);
	pdf_color(w, b->fill, 0);
	if (grid) {
		pdf_put(w, "q ");
		put_number(w, b->h, 6);
		pdf_put(w, "0 0 ");
		put_number(w, b->h, 6);
		pdf_num(w, b->x);
		pdf_num(w, w->out.page_height - b->y - b->h);
		pdf_put(w, "cm\n");
	}
	for (int i = 0; i < n; i++) {
		if (grid) {
			long u[4];
			char buf[96];
			grid_rect(b, &b[i], u);
			snprintf(buf, sizeof(buf), "%ld %ld %ld %ld re\n", u[0], u[1], u[2], u[3]);
			pdf_put(w, buf);
			continue;
		}
		pdf_num(w, b[i].x);
		pdf_num(w, w->out.page_height - b[i].y - b[i].h);
		pdf_num(w, b[i].w);
		pdf_num(w, b[i].h);
		pdf_put(w, "re\n");
	}
	pdf_put(w, grid ? "f Q\n" : "f\n");
}

/* The kind is read from the file's first byte, not its name: layout has
 * already checked that it is a PNG (0x89 'P' 'N' 'G') or a JPEG (0xFF 0xD8).
 * An image used on many pages (a logo on every card) is embedded once. */
static HPDF_Image load_image(struct pdf_writer *w, const char *path)
{
	FILE *f;
	int first;
	HPDF_Image img = NULL;
	for (int i = 0; i < w->n_images; i++)
		if (strcmp(w->images[i].path, path) == 0)
			return w->images[i].image;
	f = fopen(path, "rb");
	first = f ? getc(f) : EOF;
	if (f)
		fclose(f);
	if (first == 0x89)
		img = HPDF_LoadPngImageFromFile(w->doc, path);
	else if (first == 0xFF)
		img = HPDF_LoadJpegImageFromFile(w->doc, path);
	if (img) {
		if (w->n_images == w->cap_images) {
			w->cap_images = w->cap_images ? w->cap_images * 2 : 8;
			w->images = xrealloc(w->images, (size_t)w->cap_images * sizeof(*w->images));
		}
		w->images[w->n_images].path = xstrdup(path); /* a batch frees its pages as it goes */
		w->images[w->n_images++].image = img;
	}
	return img;
}

static void draw_image(struct pdf_writer *w, const struct box *b)
{
	HPDF_Image img = load_image(w, b->text);
	const char *name = img ? HPDF_Page_GetXObjectName(w->page, img) : NULL;
	if (!name) {
		diag_file(DIAG_ERROR, b->text, 0, 0, "cannot embed the image (unreadable PNG/JPEG data)");
		if (!w->error)
			w->error = HPDF_INVALID_IMAGE;
		return;
	}
	if (w->press && pdf_press_image_ok(img, b->text) != 0) {
		w->refused = 1;
		if (!w->error)
			w->error = HPDF_INVALID_IMAGE;
		return;
	}
	pdf_put(w, "q ");
	pdf_num(w, b->w);
	pdf_put(w, "0 0 ");
	pdf_num(w, b->h);
	pdf_num(w, b->x);
	pdf_num(w, w->out.page_height - b->y - b->h);
	pdf_put(w, "cm /");
	pdf_put(w, name);
	pdf_put(w, " Do Q\n");
}

/* SPANNED: the marked content around B carries its ActualText already. */
static void paint(struct pdf_writer *w, const struct box *b, int spanned)
{
	if (b->kind == BOX_TEXT) {
		pdf_draw_text(w, b, spanned);
		return;
	}
	pdf_end_text(w);
	if (b->kind == BOX_LINE)
		draw_line(w, b);
	else if (b->kind == BOX_RECT)
		draw_rect(w, b);
	else if (b->kind == BOX_IMAGE)
		draw_image(w, b);
}

/* Box B, or the RUN of filled rectangles it starts (fill_run). */
static void paint_run(struct pdf_writer *w, const struct box *b, int run, int spanned)
{
	if (run > 1) {
		pdf_end_text(w);
		draw_fill_run(w, b, run);
	} else {
		paint(w, b, spanned);
	}
}

int pdf_paint_boxes(struct pdf_writer *w, const struct box *b, int n)
{
	int run = fill_run(b, n);
	paint_run(w, b, run, 0);
	return run;
}

/* Box B, or the run of filled rectangles it starts, with its marked
 * content, link and outline entry; returns how many boxes it drew. */
static int draw_boxes(struct pdf_writer *w, const struct box *b, int n)
{
	int link, spanned = 0, run;
	if (b->grouped) /* drawn by its group's form */
		return 1;
	if (b->kind == BOX_GROUP) { /* an artifact, or untagged (box_group.h) */
		pdf_struct_box(w, b);
		pdf_form_place(w, b);
		return 1;
	}
	run = fill_run(b, n);
	for (int i = 0; i < run; i++) { /* one element: only the first opens marked content */
		link = pdf_link_of(w->pages, &b[i]);
		spanned = pdf_struct_box(w, &b[i]);
		if (link && !w->press) /* PDF/X: no annotations on the printed area */
			pdf_link_box(w, link, &b[i]);
	}
	if (b->kind == BOX_TEXT)
		pdf_outline_box(w, b);
	paint_run(w, b, run, spanned);
	return run;
}

/* The state a new page starts with (PDF's defaults). */
static void reset_state(struct pdf_writer *w)
{
	w->out.fill_set = w->out.stroke_set = 0;
	w->out.line_width = 1;
	w->out.cur_face = NULL;
	w->out.cur_size = 0;
	w->out.cur_hscale = 1;
	w->out.cur_char_space = 0;
	w->out.in_text = w->out.in_tj = 0;
	w->out.n_ops = 0;
}

static void draw_page(struct pdf_writer *w, const struct page *pg)
{
	HPDF_PageAttr attr;
	w->page = HPDF_AddPage(w->doc);
	if (!w->page)
		return;
	if (w->n_pages == w->cap_pages) {
		w->cap_pages = w->cap_pages ? w->cap_pages * 2 : 16;
		w->page_objs = xrealloc(w->page_objs, (size_t)w->cap_pages * sizeof(*w->page_objs));
	}
	w->page_index = w->n_pages;
	w->page_objs[w->n_pages++] = w->page;
	HPDF_Page_SetWidth(w->page, (HPDF_REAL)pg->width);
	HPDF_Page_SetHeight(w->page, (HPDF_REAL)pg->height);
	w->out.page_height = pg->height;
	if (w->press)
		pdf_press_boxes(w, pg);
	reset_state(w);
	for (int i = 0; i < pg->n_boxes && !w->error;)
		i += draw_boxes(w, &pg->boxes[i], pg->n_boxes - i);
	pdf_end_text(w);
	pdf_struct_end_page(w);
	pdf_links_end_page(w);
	attr = (HPDF_PageAttr)w->page->attr;
	HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)w->out.ops, (HPDF_UINT)w->out.n_ops);
}

static char *copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
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
	HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
	w->doc->pdf_version = HPDF_VER_17;
	w->info.title = copy(info->title);
	w->info.subject = copy(info->subject);
	w->info.author = copy(info->author);
	w->info.keywords = copy(info->keywords);
	w->info.lang = copy(info->lang);
	w->info.tagged = info->tagged && !info->press_condition;
	if (info->press_condition) { /* PDF/X-1a:2001 is PDF 1.3 */
		w->press = 1;
		w->press_condition = xstrdup(info->press_condition);
		w->doc->pdf_version = HPDF_VER_13;
	}
	if (info->tagged)
		w->st = pdf_struct_new();
	return w;
}

void pdf_add(struct pdf_writer *w, const struct pages *pages)
{
	w->pages = pages;
	pdf_struct_add_part(w, pages);
	for (int i = 0; i < pages->n_pages && !w->error; i++)
		draw_page(w, &pages->pages[i]);
	w->pages = NULL;
	w->part++;
}

void pdf_cancel(struct pdf_writer *w)
{
	if (!w)
		return;
	pdf_faces_free(w);
	pdf_forms_free(w);
	pdf_struct_free(w->st);
	pdf_links_free(w);
	pdf_outline_free(w);
	for (int i = 0; i < w->n_images; i++)
		free(w->images[i].path);
	free(w->images);
	free(w->out.ops);
	free(w->page_objs);
	free(w->info.title);
	free(w->info.subject);
	free(w->info.author);
	free(w->info.keywords);
	free(w->info.lang);
	free(w->press_condition);
	HPDF_Free(w->doc);
	free(w);
}

/* libharu writes into memory; the caller gets the bytes. */
static int save_to_buffer(struct pdf_writer *w, unsigned char **data, size_t *size)
{
	HPDF_UINT32 n;
	if (HPDF_SaveToStream(w->doc) != HPDF_OK)
		return -1;
	n = HPDF_GetStreamSize(w->doc);
	*data = xmalloc(n ? n : 1);
	HPDF_ResetStream(w->doc);
	if (HPDF_ReadFromStream(w->doc, *data, &n) != HPDF_OK && n == 0) {
		free(*data);
		*data = NULL;
		return -1;
	}
	*size = n;
	return 0;
}

/* libharu's file in *DATA written again with object streams (pdf_compact.h),
 * once libharu's document is freed: its memory and the new file's are never
 * held together. */
static void compact_buffer(unsigned char **data, size_t *size)
{
	unsigned char *compact;
	size_t compact_n;
	if (pdf_compact(*data, *size, &compact, &compact_n, NULL) == 0) {
		free(*data);
		*data = compact;
		*size = compact_n;
	}
}

/* What is written once every page is drawn: fonts, structure, metadata. */
static int complete(struct pdf_writer *w)
{
	if (w->error || pdf_faces_finish(w) != 0)
		return -1;
	pdf_struct_finish(w);
	pdf_meta_write(w);
	pdf_outline_write(w);
	if (w->press && pdf_press_document(w) != 0 && !w->error)
		w->error = HPDF_FAILD_TO_ALLOC_MEM;
	return w->error ? -1 : 0;
}

int pdf_finish_buffer(struct pdf_writer *w, const char *name, unsigned char **data, size_t *size)
{
	int rc = complete(w);
	/* PDF/X-1a:2001 is PDF 1.3: no object streams. KAIKUPRINT_PDF_PLAIN=1
	 * keeps libharu's file, for tests that compare the two. */
	int compact = !w->press && !getenv("KAIKUPRINT_PDF_PLAIN");
	*data = NULL;
	*size = 0;
	if (rc == 0)
		rc = save_to_buffer(w, data, size);
	if (rc != 0 && (w->error || !*data) && !w->refused) /* refused input: reported */
		diag_file(DIAG_FATAL, name, 0, 0, "cannot make the PDF (libharu error 0x%04X, %u)",
			  (unsigned)w->error, (unsigned)w->detail);
	pdf_cancel(w);
	if (rc == 0 && compact)
		compact_buffer(data, size);
	return rc;
}

int pdf_save(struct pdf_writer *w, struct output_file *out, const char *name)
{
	unsigned char *data;
	size_t size;
	int rc;
	if (pdf_finish_buffer(w, name, &data, &size) != 0)
		return -1;
	rc = output_write(out, data, size);
	free(data);
	return rc ? -1 : 0;
}

/* Never HPDF_SaveToFile: libharu ignores a failing final fclose, so a full
 * disk could leave a short PDF that would then be renamed into place. */
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

int pdf_render(const struct pages *pages, const char *name, unsigned char **data, size_t *size)
{
	struct pdf_writer *w = pdf_begin(pages);
	if (!w)
		return -1;
	pdf_add(w, pages);
	return pdf_finish_buffer(w, name, data, size);
}

int pdf_write(const struct pages *pages, const char *path)
{
	struct pdf_writer *w = pdf_begin(pages);
	if (!w)
		return -1;
	pdf_add(w, pages);
	return pdf_finish(w, path);
}
