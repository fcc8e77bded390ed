/* font: HarfBuzz-based metrics with a per-font width cache; see font.h. */
#include "font.h"
#include "diag.h"
#include "fileio.h"
#include "utf8.h"

#include <hb.h>
#include <libxml/hash.h>
#include <hb-ot.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { WIDTH_CACHE = 0x3000 }; /* code points below this get cached widths */
/* Glyph runs remembered per font: texts shorter than RUN_KEY_MAX bytes, at
 * most RUN_CACHE_MAX of them (a long-running server sees many texts). */
enum { RUN_KEY_MAX = 128, RUN_CACHE_MAX = 100000 };

/* A remembered glyph run (font_glyph_run_shared). */
struct shared_run {
	size_t n;
	struct font_glyph g[];
};

struct font {
	char *path;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *hb;
	hb_buffer_t *buf;
	unsigned upem;
	int ascender, descender, cap_height; /* 1/1000 em */
	int has_kerning;                      /* GPOS or kern table present */
	int16_t widths[WIDTH_CACHE];          /* 1/1000 em; -1 = not yet known */
	int8_t has[WIDTH_CACHE];              /* has a glyph: 1, 0; -1 = not yet known */
	xmlHashTablePtr word_widths;          /* text -> kerned width + 1, 1/1000 em */
	xmlHashTablePtr runs;                 /* text -> struct shared_run */
	struct font *next;
};

static struct font *cache;
/* Paths that failed to load: reported once, not at every use. */
static char **failed;
static int n_failed;

/* libharu rounds advances down to whole 1/1000 em; so do we, so that what
 * layout measures is exactly what the PDF draws. */
static int glyph_width(const struct font *f, hb_codepoint_t glyph)
{
	return (int)((uint32_t)hb_font_get_glyph_h_advance(f->hb, glyph) * 1000u / f->upem);
}

static void read_metrics(struct font *f)
{
	hb_font_extents_t ext;
	hb_position_t cap = 0;
	hb_font_get_h_extents(f->hb, &ext);
	f->ascender = (int)(ext.ascender * 1000 / (int)f->upem);
	f->descender = (int)(ext.descender * 1000 / (int)f->upem);
	if (hb_ot_metrics_get_position(f->hb, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap))
		f->cap_height = (int)(cap * 1000 / (int)f->upem);
	else
		f->cap_height = f->ascender * 7 / 10;
	{
		hb_blob_t *kern = hb_face_reference_table(f->face, HB_TAG('k', 'e', 'r', 'n'));
		f->has_kerning = hb_ot_layout_has_positioning(f->face) || hb_blob_get_length(kern) > 0;
		hb_blob_destroy(kern);
	}
}

static uint32_t read_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Every table the font's directory lists must lie inside the file (a
 * truncated download loses its last tables), and the ones layout and
 * libharu need must be there. */
static int has_tables(hb_face_t *face, hb_blob_t *blob)
{
	static const char tags[][5] = { "cmap", "head", "hhea", "hmtx", "loca", "glyf" };
	unsigned size;
	const unsigned char *data = (const unsigned char *)hb_blob_get_data(blob, &size);
	unsigned n = size >= 12 ? (unsigned)data[4] << 8 | data[5] : 0;
	if (size < 12 + 16 * n)
		return 0;
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *rec = data + 12 + 16 * i;
		if ((uint64_t)read_be32(rec + 8) + read_be32(rec + 12) > size)
			return 0;
	}
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		hb_blob_t *t = hb_face_reference_table(face, hb_tag_from_string(tags[i], 4));
		unsigned len = hb_blob_get_length(t);
		hb_blob_destroy(t);
		if (len == 0)
			return 0;
	}
	return 1;
}

static struct font *font_open(const char *path)
{
	const char *why;
	struct font *f;
	int fd = input_open(path, &why); /* a FIFO or device is refused, never read */
	if (fd < 0) {
		diag_file(DIAG_FATAL, path, 0, 0, "cannot open font: %s", why);
		return NULL;
	}
	close(fd);
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->blob = hb_blob_create_from_file(path);
	f->face = hb_face_create(f->blob, 0);
	f->upem = hb_face_get_upem(f->face);
	if (hb_face_get_glyph_count(f->face) == 0 || f->upem < 16 || !has_tables(f->face, f->blob)) {
		diag_file(DIAG_FATAL, path, 0, 0,
			  "not a usable TrueType font (damaged, truncated or not TrueType)");
		hb_face_destroy(f->face);
		hb_blob_destroy(f->blob);
		free(f->path);
		free(f);
		return NULL;
	}
	f->hb = hb_font_create(f->face);
	hb_font_set_scale(f->hb, (int)f->upem, (int)f->upem);
	f->buf = hb_buffer_create();
	memset(f->widths, 0xff, sizeof(f->widths));
	memset(f->has, 0xff, sizeof(f->has));
	read_metrics(f);
	return f;
}

struct font *font_get(const char *path)
{
	struct font *f;
	for (f = cache; f; f = f->next)
		if (strcmp(f->path, path) == 0)
			return f;
	for (int i = 0; i < n_failed; i++)
		if (strcmp(failed[i], path) == 0)
			return NULL;
	f = font_open(path);
	if (f) {
		f->next = cache;
		cache = f;
	} else {
		failed = xrealloc(failed, (size_t)(n_failed + 1) * sizeof(*failed));
		failed[n_failed++] = xstrdup(path);
	}
	return f;
}

static void free_run(void *run, const xmlChar *key)
{
	(void)key;
	free(run);
}

void font_cache_free(void)
{
	for (int i = 0; i < n_failed; i++)
		free(failed[i]);
	free(failed);
	failed = NULL;
	n_failed = 0;
	while (cache) {
		struct font *next = cache->next;
		if (cache->word_widths)
			xmlHashFree(cache->word_widths, NULL);
		if (cache->runs)
			xmlHashFree(cache->runs, free_run);
		hb_buffer_destroy(cache->buf);
		hb_font_destroy(cache->hb);
		hb_face_destroy(cache->face);
		hb_blob_destroy(cache->blob);
		free(cache->path);
		free(cache);
		cache = next;
	}
}

const char *font_path(const struct font *f) { return f->path; }
int font_ascender(const struct font *f) { return f->ascender; }
int font_descender(const struct font *f) { return f->descender; }
int font_cap_height(const struct font *f) { return f->cap_height; }

int font_has_glyph(struct font *f, uint32_t cp)
{
	hb_codepoint_t g;
	int has;
	if (cp < WIDTH_CACHE && f->has[cp] >= 0)
		return f->has[cp];
	has = hb_font_get_nominal_glyph(f->hb, cp, &g) && g != 0;
	if (cp < WIDTH_CACHE)
		f->has[cp] = (int8_t)has;
	return has;
}

static int char_width(struct font *f, uint32_t cp)
{
	hb_codepoint_t g = 0;
	int w;
	if (cp < WIDTH_CACHE && f->widths[cp] >= 0)
		return f->widths[cp];
	hb_font_get_nominal_glyph(f->hb, cp, &g);
	w = glyph_width(f, g);
	if (cp < WIDTH_CACHE)
		f->widths[cp] = (int16_t)w;
	return w;
}

/* Shape TEXT with kerning only; the buffer holds one glyph per character. */
static unsigned shape(struct font *f, const char *text, size_t len)
{
	static const hb_feature_t features[] = {
		{ HB_TAG('l', 'i', 'g', 'a'), 0, 0, (unsigned)-1 },
		{ HB_TAG('c', 'l', 'i', 'g'), 0, 0, (unsigned)-1 },
		{ HB_TAG('c', 'a', 'l', 't'), 0, 0, (unsigned)-1 },
		{ HB_TAG('k', 'e', 'r', 'n'), 1, 0, (unsigned)-1 },
	};
	hb_buffer_clear_contents(f->buf);
	hb_buffer_add_utf8(f->buf, text, (int)len, 0, (int)len);
	hb_buffer_set_direction(f->buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(f->buf, HB_SCRIPT_LATIN);
	hb_buffer_set_cluster_level(f->buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
	hb_shape(f->hb, f->buf, features, sizeof(features) / sizeof(features[0]));
	return hb_buffer_get_length(f->buf);
}

int font_text_kerning(struct font *f, const char *text, size_t len, struct font_kern *out,
		      int max)
{
	unsigned n, count = 0;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;
	if (!f->has_kerning || len < 2)
		return 0;
	n = shape(f, text, len);
	if (n != utf8_length(text, len))
		return 0; /* glyphs merged or split: draw without kerning */
	info = hb_buffer_get_glyph_infos(f->buf, NULL);
	pos = hb_buffer_get_glyph_positions(f->buf, NULL);
	for (unsigned i = 0; i + 1 < n && (int)count < max; i++) {
		/* The difference between the shaped and the plain advance. */
		int dx = (int)((pos[i].x_advance - hb_font_get_glyph_h_advance(f->hb, info[i].codepoint)) *
			       1000 / (int)f->upem);
		if (dx != 0) {
			out[count].offset = info[i + 1].cluster;
			out[count].dx = dx;
			count++;
		}
	}
	return (int)count;
}

static long plain_units(struct font *f, const char *text, size_t len)
{
	long total = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0xFFFD;
		total += char_width(f, cp);
		i += n;
	}
	return total;
}

double font_plain_width(struct font *f, const char *text, size_t len, double size)
{
	return (double)plain_units(f, text, len) * size / 1000.0;
}

long font_run_units(struct font *f, const struct font_glyph *g, size_t n)
{
	long total = 0;
	int kerns = 0;
	for (size_t i = 0; i < n; i++) {
		total += char_width(f, g[i].cp);
		if (g[i].kern != 0 && kerns < FONT_MAX_KERNS) { /* as font_text_kerning's MAX */
			total += g[i].kern;
			kerns++;
		}
	}
	return total;
}

/* Kerned width of TEXT in 1/1000 em. Words repeat a lot in a document, and
 * shaping is the costly part of layout: a text that is not a name is
 * measured from its remembered glyph run (the one it is drawn with, so it is
 * shaped once for both), and a word's width is remembered too. */
static long kerned_units(struct font *f, const char *text, size_t len, int remember)
{
	struct font_kern kern[FONT_MAX_KERNS];
	const struct font_glyph *run = NULL;
	char key[64];
	long total;
	size_t n;
	if (remember && len < sizeof(key) && f->word_widths) {
		void *hit;
		memcpy(key, text, len);
		key[len] = '\0';
		hit = xmlHashLookup(f->word_widths, (const xmlChar *)key);
		if (hit)
			return (long)(intptr_t)hit - 1;
	}
	if (remember)
		run = font_glyph_run_shared(f, text, len, &n);
	if (run) {
		total = font_run_units(f, run, n);
	} else {
		int nk = font_text_kerning(f, text, len, kern, FONT_MAX_KERNS);
		total = plain_units(f, text, len);
		for (int k = 0; k < nk; k++)
			total += kern[k].dx;
	}
	if (remember && len < sizeof(key)) {
		if (!f->word_widths)
			f->word_widths = xmlHashCreate(1024);
		memcpy(key, text, len);
		key[len] = '\0';
		xmlHashAddEntry(f->word_widths, (const xmlChar *)key, (void *)(intptr_t)(total + 1));
	}
	return total;
}

double font_text_width(struct font *f, const char *text, size_t len, double size)
{
	return (double)kerned_units(f, text, len, 1) * size / 1000.0;
}

long font_text_units(struct font *f, const char *text, size_t len, int personal)
{
	return kerned_units(f, text, len, !personal);
}

double font_text_width_private(struct font *f, const char *text, size_t len, double size)
{
	return (double)kerned_units(f, text, len, 0) * size / 1000.0;
}

int font_glyph_width(const struct font *f, unsigned gid)
{
	return glyph_width(f, gid);
}

hb_face_t *font_face(const struct font *f) { return f->face; }
unsigned font_upem(const struct font *f) { return f->upem; }

/* Glyphs are the font's nominal ones (what the widths were measured with);
 * shaping only supplies the kerning between them. */
size_t font_glyph_run(struct font *f, const char *text, size_t len, struct font_glyph *out)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		hb_codepoint_t g = 0;
		size_t step = utf8_decode(text + i, len - i, &cp);
		if (step == 0)
			step = 1, cp = 0xFFFD;
		hb_font_get_nominal_glyph(f->hb, cp, &g);
		out[n].cp = cp;
		out[n].gid = (uint16_t)g;
		out[n].kern = 0;
		n++;
		i += step;
	}
	if (f->has_kerning && n > 1 && shape(f, text, len) == n) {
		hb_glyph_info_t *info = hb_buffer_get_glyph_infos(f->buf, NULL);
		hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(f->buf, NULL);
		for (size_t k = 0; k + 1 < n; k++)
			out[k].kern = (int16_t)((pos[k].x_advance -
						 hb_font_get_glyph_h_advance(f->hb, info[k].codepoint)) *
						1000 / (int)f->upem);
	}
	return n;
}

const struct font_glyph *font_glyph_run_shared(struct font *f, const char *text, size_t len,
					       size_t *n)
{
	char key[RUN_KEY_MAX];
	struct shared_run *run;
	if (len >= sizeof(key) || memchr(text, '\0', len))
		return NULL;
	memcpy(key, text, len);
	key[len] = '\0';
	if (!f->runs)
		f->runs = xmlHashCreate(1024);
	run = xmlHashLookup(f->runs, (const xmlChar *)key);
	if (!run) {
		if (xmlHashSize(f->runs) >= RUN_CACHE_MAX)
			return NULL;
		run = xmalloc(sizeof(*run) + (utf8_length(text, len) + 1) * sizeof(run->g[0]));
		run->n = font_glyph_run(f, text, len, run->g);
		xmlHashAddEntry(f->runs, (const xmlChar *)key, run);
	}
	*n = run->n;
	return run->g;
}

int font_remembers(const struct font *f, const char *text)
{
	return (f->word_widths && xmlHashLookup(f->word_widths, (const xmlChar *)text)) ||
	       (f->runs && xmlHashLookup(f->runs, (const xmlChar *)text));
}
