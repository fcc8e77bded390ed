/* pdf_text: text runs as glyph ids, with layout's kerning; see pdf_internal.h. */
#include "pdf_internal.h"
#include "diag.h"
#include "font.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdf_put_hex4(struct pdf_writer *w, unsigned v)
{
	char buf[5];
	snprintf(buf, sizeof(buf), "%04X", v & 0xFFFF);
	pdf_putn(w, buf, 4);
}

/* B's horizontal glyph scale (Tz / 100): 0 in a box means 1. */
static double text_scale(const struct box *b)
{
	return b->hscale > 0 ? b->hscale : 1;
}

/* B's Tc: the PDF scales Tc by Tz, so it is the box's letter spacing
 * divided by its scale. */
static double text_tc(const struct box *b)
{
	return b->char_space / text_scale(b);
}

/* Font, size, glyph scale and letter spacing, where they change. */
static void set_text_state(struct pdf_writer *w, struct pdf_face *face, const struct box *b)
{
	double hscale = text_scale(b);
	double char_space = text_tc(b);
	if (face != w->out.cur_face || b->size != w->out.cur_size) {
		pdf_put(w, "/");
		pdf_put(w, pdf_face_name(w, face));
		pdf_put(w, " ");
		pdf_num(w, b->size);
		pdf_put(w, "Tf\n");
		w->out.cur_face = face;
		w->out.cur_size = b->size;
	}
	if (hscale != w->out.cur_hscale) {
		pdf_num(w, hscale * 100);
		pdf_put(w, "Tz\n");
		w->out.cur_hscale = hscale;
	}
	if (char_space != w->out.cur_char_space) {
		pdf_num(w, char_space);
		pdf_put(w, "Tc\n");
		w->out.cur_char_space = char_space;
	}
}

/* The glyphs into the open TJ array: kerning between them in 1/1000 em,
 * as layout measured it (a positive TJ number moves the next glyph left).
 * A word space that follows is written as a space glyph, so that the text
 * layer has real spaces. Returns the glyphs' advance in 1/1000 em, as a
 * reader computes it from the font's widths (/W: layout's own), Tc aside. */
static long put_glyphs(struct pdf_writer *w, struct pdf_face *face, const struct box *b,
		       const struct font_glyph *g, size_t n)
{
	long advance = 0;
	for (size_t i = 0; i < n; i++) {
		pdf_put_hex4(w, pdf_face_cid(face, g[i].gid, g[i].cp));
		advance += font_glyph_width(b->font, g[i].gid);
		if (g[i].kern != 0 && i + 1 < n) {
			pdf_put(w, "> ");
			pdf_num(w, -g[i].kern);
			pdf_put(w, "<");
			advance += g[i].kern;
		}
	}
	if (b->space_after) {
		struct font_glyph space;
		if (font_glyph_run(b->font, " ", 1, &space) == 1) {
			pdf_put_hex4(w, pdf_face_cid(face, space.gid, space.cp));
			advance += font_glyph_width(b->font, space.gid);
		}
	}
	return advance;
}

static void end_tj(struct pdf_writer *w)
{
	if (!w->out.in_tj)
		return;
	pdf_put(w, ">] TJ\n");
	w->out.in_tj = 0;
}

/* A text state number as the reader gets it: as pdf_num wrote it. */
static double as_written(double v)
{
	return (double)pdf_milli(v) / 1000;
}

/* One TJ unit of B's text in points: 1/1000 of the size, scaled by Tz. */
static double tj_unit(const struct box *b)
{
	return as_written(b->size) * as_written(text_scale(b) * 100) / 100 / 1000;
}

/* Where the reader's pen stands after the N glyphs of B (and its space)
 * that start at X, ADVANCE TJ units wide: each glyph also moves by Tc
 * scaled by Tz (text_tc), with the numbers as they were written. */
static double pen_after(const struct box *b, double x, long advance, size_t n)
{
	double tc = as_written(text_tc(b)) * as_written(text_scale(b) * 100) / 100;
	return x + advance * tj_unit(b) + tc * (double)(n + !!b->space_after);
}

void pdf_end_text(struct pdf_writer *w)
{
	if (!w->out.in_text)
		return;
	end_tj(w);
	pdf_put(w, "ET\n");
	w->out.in_text = 0;
}

/* Consecutive words share one text object: a word on the same baseline is
 * placed with Td from the previous word's origin (the start of the text
 * line), in whole thousandths of a point, so that no error adds up and no
 * glyph width is needed. A new baseline in the same text object gets an
 * absolute Tm: a reader's sum of Td moves can differ from the number in its
 * last bit, and pdftotext groups lines into blocks by comparing baselines.
 * The first word of a text object moves from the origin: 0 + y is exact. */
static void move_to(struct pdf_writer *w, const struct box *b)
{
	long long x = pdf_milli(b->x), y = pdf_milli(w->out.page_height - b->y);
	int fresh = w->out.text_x == 0 && w->out.text_y == 0; /* from BT's identity: exact */
	if (y != w->out.text_y && !fresh) {
		pdf_put(w, "1 0 0 1 ");
		pdf_num_milli(w, x);
		pdf_num_milli(w, y);
		pdf_put(w, "Tm\n");
		w->out.text_x = x;
		w->out.text_y = y;
		return;
	}
	pdf_num_milli(w, x - w->out.text_x);
	pdf_num_milli(w, y - w->out.text_y);
	pdf_put(w, "Td\n");
	w->out.text_x = x;
	w->out.text_y = y;
}

/* Can B's glyphs go on in the open TJ array: the same baseline, font,
 * size, scale, letter spacing and colour? */
static int joins_tj(const struct pdf_writer *w, const struct pdf_face *face, const struct box *b)
{
	return w->out.in_tj && pdf_milli(w->out.page_height - b->y) == w->out.text_y &&
	       face == w->out.cur_face && b->size == w->out.cur_size &&
	       text_scale(b) == w->out.cur_hscale && text_tc(b) == w->out.cur_char_space &&
	       pdf_color_current(w, b->color, 0);
}

/* The next word of a line in the open TJ array: the space from the pen to
 * it as a TJ number, in 1/1000 of the font size (none for a word that
 * starts where the pen stands, as in text set ragged; the same one along a
 * justified line). Rounded to the fewest decimals that keep the word within
 * 0.0005 pt of where layout put it, as pdf_num's 0.001 pt would; the pen
 * follows the number written, so no error adds up. Returns where the word
 * starts. */
static double join_word(struct pdf_writer *w, const struct box *b)
{
	double unit = tj_unit(b);
	int decimals = 0;
	long long n;
	while (decimals < 3 && pow(10, -decimals) * unit > 0.001)
		decimals++;
	n = pdf_scaled((w->out.pen_x - b->x) / unit, decimals);
	if (n != 0) {
		pdf_put(w, "> ");
		pdf_num_scaled(w, n, decimals);
		pdf_put(w, "<");
	}
	return w->out.pen_x - (double)n / pow(10, decimals) * unit;
}

void pdf_draw_text(struct pdf_writer *w, const struct box *b, int spanned)
{
	struct pdf_face *face = pdf_face_get(w, b->font);
	const struct font_glyph *g = b->glyphs;
	struct font_glyph *own = NULL;
	size_t n = b->n_glyphs;
	int span = b->actual_text && !spanned && !w->press;
	double x;
	if (!face)
		return;
	if (!g) {
		own = xmalloc((utf8_length(b->text, b->len) + 1) * sizeof(*own));
		n = font_glyph_run(b->font, b->text, b->len, own);
		g = own;
	}
	if (span) {
		pdf_end_text(w);
		pdf_put(w, "/Span <</ActualText ");
		pdf_put_actual_text(w, b);
		pdf_put(w, ">> BDC\n");
	}
	if (joins_tj(w, face, b)) {
		x = join_word(w, b);
	} else {
		end_tj(w);
		if (!w->out.in_text) {
			pdf_put(w, "BT\n");
			w->out.in_text = 1;
			w->out.text_x = w->out.text_y = 0; /* BT: the identity matrix */
		}
		set_text_state(w, face, b);
		pdf_color(w, b->color, 0);
		move_to(w, b);
		pdf_put(w, "[<");
		w->out.in_tj = 1;
		x = (double)w->out.text_x / 1000;
	}
	w->out.pen_x = pen_after(b, x, put_glyphs(w, face, b, g, n), n);
	if (span) {
		pdf_end_text(w);
		pdf_put(w, "EMC\n");
	}
	free(own);
}

void pdf_put_actual_text(struct pdf_writer *w, const struct box *b)
{
	pdf_put_text_string(w, b->actual_text, *b->actual_text && b->space_after);
}

size_t pdf_utf16(const char *text, size_t len, uint16_t *out)
{
	size_t n_out = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0xFFFD;
		if (cp >= 0x10000) { /* a surrogate pair: 4 bytes of UTF-8, 2 units */
			out[n_out++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			out[n_out++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			out[n_out++] = (uint16_t)cp;
		}
		i += n;
	}
	return n_out;
}

int pdf_plain_ascii(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || (unsigned char)text[i] > 0x7E)
			return 0;
	return 1;
}

/* "(...)": printable ASCII TEXT as a literal string, the same in
 * PDFDocEncoding and a quarter of the UTF-16 hex form's size. */
static char *literal_text(const char *text, int space)
{
	size_t len = strlen(text);
	char *lit = xmalloc(2 * len + 4), *o = lit;
	*o++ = '(';
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '(' || text[i] == ')' || text[i] == '\\')
			*o++ = '\\';
		*o++ = text[i];
	}
	if (space)
		*o++ = ' ';
	strcpy(o, ")");
	return lit;
}

char *pdf_text_token(const char *text, int space)
{
	size_t len = strlen(text), n;
	uint16_t *units;
	char *hex, *o;
	if (pdf_plain_ascii(text, len))
		return literal_text(text, space);
	units = xmalloc((len + 1) * sizeof(*units));
	n = pdf_utf16(text, len, units);
	if (space)
		units[n++] = ' ';
	hex = o = xmalloc(4 * n + 7);
	o += sprintf(o, "<FEFF");
	for (size_t i = 0; i < n; i++)
		o += sprintf(o, "%04X", units[i]);
	strcpy(o, ">");
	free(units);
	return hex;
}

void pdf_put_text_string(struct pdf_writer *w, const char *text, int space)
{
	char *hex = pdf_text_token(text, space);
	pdf_put(w, hex);
	free(hex);
}

