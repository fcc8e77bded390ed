/* svg: a laid-out page as SVG; see svg.h. Coordinates are points with y
 * downwards, as in pages.h, so boxes are written as they are. */
#include "svg.h"
#include "diag.h"
#include "fileio.h"
#include "font.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { SVG_MAX_IMAGE = 8 * 1024 * 1024 };

void svg_font_family(const struct font *f, char *buf, size_t size)
{
	const char *path = font_path(f), *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path, *dot = strrchr(name, '.');
	int n = dot ? (int)(dot - name) : (int)strlen(name);
	snprintf(buf, size, "kp-%.*s", n, name);
}

static void put_escaped(const char *s, size_t len, FILE *out)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: putc(s[i], out);
		}
	}
}

static void put_color(const char *attr, const struct doc_color *c, FILE *out)
{
	fprintf(out, " %s=\"#%02x%02x%02x\"", attr, (int)(c->r * 255 + 0.5), (int)(c->g * 255 + 0.5),
		(int)(c->b * 255 + 0.5));
}

/* Text in runs split where layout put kerning, each placed as pdf_text.c
 * places its glyphs: the advances of the glyphs before it (as layout
 * measured them), the kerning and the letter spacing so far; glyph
 * expansion scales the whole run. */
static void put_text(const struct box *b, FILE *out)
{
	double hscale = b->hscale > 0 ? b->hscale : 1, x = 0, spacing = b->char_space / hscale;
	const struct font_glyph *g = b->glyphs;
	struct font_glyph *own = NULL;
	size_t n = b->n_glyphs, byte = 0, run_byte = 0;
	char family[128];
	if (!g) {
		own = xmalloc((utf8_length(b->text, b->len) + 1) * sizeof(*own));
		n = font_glyph_run(b->font, b->text, b->len, own);
		g = own;
	}
	svg_font_family(b->font, family, sizeof(family));
	fprintf(out, "<text transform=\"translate(%.3f %.3f)", b->x, b->y);
	if (hscale != 1)
		fprintf(out, " scale(%.4f 1)", hscale);
	fprintf(out, "\" font-family=\"%s\" font-size=\"%.3f\"", family, b->size);
	if (spacing != 0)
		fprintf(out, " letter-spacing=\"%.4f\"", spacing);
	put_color("fill", &b->color, out);
	fputs(" xml:space=\"preserve\"><tspan x=\"0.000\" y=\"0\">", out);
	for (size_t i = 0; i < n && byte < b->len; i++) {
		uint32_t cp;
		size_t k = utf8_decode(b->text + byte, b->len - byte, &cp);
		byte += k ? k : 1;
		x += font_glyph_width(b->font, g[i].gid) * b->size / 1000.0 + spacing;
		if (g[i].kern != 0 && i + 1 < n) {
			x += g[i].kern * b->size / 1000.0;
			put_escaped(b->text + run_byte, byte - run_byte, out);
			fprintf(out, "</tspan><tspan x=\"%.3f\" y=\"0\">", x);
			run_byte = byte;
		}
	}
	put_escaped(b->text + run_byte, b->len - run_byte, out);
	fputs("</tspan></text>\n", out);
	free(own);
}

static void put_stroke(const struct box *b, FILE *out)
{
	put_color("stroke", &b->color, out);
	fprintf(out, " stroke-width=\"%.3f\"", b->line_width > 0 ? b->line_width : 0.5);
}

static void put_line(const struct box *b, FILE *out)
{
	fprintf(out, "<line x1=\"%.3f\" y1=\"%.3f\" x2=\"%.3f\" y2=\"%.3f\"", b->x, b->y, b->x + b->w,
		b->y + b->h);
	put_stroke(b, out);
	fputs("/>\n", out);
}

static void put_rect(const struct box *b, FILE *out)
{
	fprintf(out, "<rect x=\"%.3f\" y=\"%.3f\" width=\"%.3f\" height=\"%.3f\"", b->x, b->y, b->w,
		b->h);
	if (b->filled)
		put_color("fill", &b->fill, out);
	else
		fputs(" fill=\"none\"", out);
	if (b->stroked)
		put_stroke(b, out);
	fputs("/>\n", out);
}

static void put_base64(const unsigned char *data, size_t n, FILE *out)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)data[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)data[i + 1] << 8;
		if (i + 2 < n)
			v |= data[i + 2];
		putc(digits[v >> 18 & 63], out);
		putc(digits[v >> 12 & 63], out);
		putc(i + 1 < n ? digits[v >> 6 & 63] : '=', out);
		putc(i + 2 < n ? digits[v & 63] : '=', out);
	}
}

/* The image inline as a data: URL (the server serves no file by its path). */
static void put_image(const struct box *b, FILE *out)
{
	size_t len;
	char *data = file_read_all(b->text, "image", SVG_MAX_IMAGE, &len);
	if (!data)
		return;
	fprintf(out, "<image x=\"%.3f\" y=\"%.3f\" width=\"%.3f\" height=\"%.3f\" "
		"preserveAspectRatio=\"none\" href=\"data:image/%s;base64,", b->x, b->y, b->w, b->h,
		(unsigned char)data[0] == 0x89 ? "png" : "jpeg");
	put_base64((const unsigned char *)data, len, out);
	fputs("\"/>\n", out);
	free(data);
}

void svg_write_prolog(const char *stylesheet, FILE *out)
{
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<?xml-stylesheet type=\"text/css\" href=\"%s\"?>\n", stylesheet);
}

void svg_write_page(const struct pages *pages, int index, const char *stylesheet, FILE *out)
{
	const struct page *pg = &pages->pages[index];
	if (stylesheet)
		svg_write_prolog(stylesheet, out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"page\" "
		"viewBox=\"0 0 %.3f %.3f\" width=\"%.3fpt\" height=\"%.3fpt\" "
		"text-rendering=\"geometricPrecision\">\n", pg->width, pg->height, pg->width,
		pg->height);
	fprintf(out, "<rect width=\"%.3f\" height=\"%.3f\" fill=\"#ffffff\"/>\n", pg->width,
		pg->height);
	for (int i = 0; i < pg->n_boxes; i++) {
		const struct box *b = &pg->boxes[i];
		if (b->kind == BOX_TEXT)
			put_text(b, out);
		else if (b->kind == BOX_LINE)
			put_line(b, out);
		else if (b->kind == BOX_RECT)
			put_rect(b, out);
		else if (b->kind == BOX_IMAGE)
			put_image(b, out);
	}
	fputs("</svg>\n", out);
}
