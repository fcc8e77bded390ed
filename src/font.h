/*
 * font: TrueType metrics for layout, read with HarfBuzz. A font is loaded
 * once per process (font_cache) and shared by every document a run renders.
 * Widths include the font's kerning; ligatures are never formed, so that every
 * character maps to exactly one glyph and text extraction stays exact.
 */
#ifndef KP_FONT_H
#define KP_FONT_H

#include <stddef.h>
#include <stdint.h>

struct font;

/* Most kerning pairs honoured in one measured string (a word). */
enum { FONT_MAX_KERNS = 256 };

/* One kerning adjustment inside a measured string: before the character at
 * byte OFFSET, move by DX (in 1/1000 em, negative = closer). */
struct font_kern {
	size_t offset;
	int dx;
};

/* One glyph of a text run as layout measured it: layout never forms
 * ligatures, so each character of the text has exactly one glyph. */
struct font_glyph {
	uint32_t cp;   /* the character the glyph shows */
	uint16_t gid;  /* glyph id in the font file */
	int16_t kern;  /* kerning before the next glyph, 1/1000 em (negative = closer) */
};

/* The process-wide font cache. Fonts are looked up by path. */
struct font *font_get(const char *path); /* NULL after reporting */
void font_cache_free(void);

const char *font_path(const struct font *f);
/* Does the font have a glyph for code point CP? */
int font_has_glyph(struct font *f, uint32_t cp);
/* Advance width of TEXT (LEN bytes of valid UTF-8) at SIZE points,
 * kerning included. */
double font_text_width(struct font *f, const char *text, size_t len, double size);
/* The same for personal data (a holder's name): measured afresh every time,
 * never remembered in the word cache. */
double font_text_width_private(struct font *f, const char *text, size_t len, double size);
/* The kerned width of TEXT in 1/1000 em, for a caller that sets one text
 * at several sizes (SIZE * units / 1000 is font_text_width's result);
 * PERSONAL: a holder's name, measured without the word cache. */
long font_text_units(struct font *f, const char *text, size_t len, int personal);
/* Width of TEXT without kerning, at SIZE points. */
double font_plain_width(struct font *f, const char *text, size_t len, double size);
/* Kerning adjustments of TEXT; returns how many were written to OUT (at most MAX). */
int font_text_kerning(struct font *f, const char *text, size_t len, struct font_kern *out,
		      int max);
/* The glyphs of TEXT with the kerning layout measured: writes one entry per
 * character to OUT (room for utf8_length(TEXT) entries) and returns how many. */
size_t font_glyph_run(struct font *f, const char *text, size_t len, struct font_glyph *out);
/* The same run remembered per font, for text that repeats (a card back is
 * the same on every card): owned by the font, valid until font_cache_free;
 * *N gets its length. NULL when TEXT is too long to remember (then use
 * font_glyph_run). Never for personal data: names are not remembered. */
const struct font_glyph *font_glyph_run_shared(struct font *f, const char *text, size_t len,
					       size_t *n);
/* The kerned width of the run G (N glyphs, from font_glyph_run or
 * font_glyph_run_shared) in 1/1000 em: what font_text_units gives for its
 * text, without shaping it again. */
long font_run_units(struct font *f, const struct font_glyph *g, size_t n);
/* Is TEXT remembered in one of the font's caches (word widths, glyph
 * runs)? For tests: a holder's name never is. */
int font_remembers(const struct font *f, const char *text);
/* Advance of glyph GID in 1/1000 em, rounded as layout measures it. */
int font_glyph_width(const struct font *f, unsigned gid);
/* The font file as HarfBuzz reads it, for the PDF backend's subsetting;
 * owned by the font. */
struct hb_face_t *font_face(const struct font *f);
/* Units per em of the font file. */
unsigned font_upem(const struct font *f);
/* Vertical metrics in 1/1000 em (ascender > 0, descender < 0). */
int font_ascender(const struct font *f);
int font_descender(const struct font *f);
/* Cap height in 1/1000 em, for aligning boxes with text. */
int font_cap_height(const struct font *f);

#endif
