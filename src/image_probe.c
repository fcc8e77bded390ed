/* image_probe: the pixel size of a PNG or JPEG file, read from its header
 * (PNG: the IHDR chunk; JPEG: the first start-of-frame marker). A PNG is also
 * decoded once with libpng: libharu aborts the process on broken PNG data. */
#include "image_probe.h"
#include "diag.h"
#include "fileio.h"

#include <png.h>

#include <sys/stat.h>

#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

/* The pixel limit: libharu decodes a PNG whole into memory (a 20000 x 20000
 * file of 1.2 MB took 1.2 GB and 16 s). 16 million pixels (a full A4 page
 * at over 400 dpi) of 16-bit RGBA PNG take about 1.7 s and 140 MB. */
enum { IMAGE_MAX_PIXELS = 16000000 };

static int too_many_pixels(int w, int h, const char **why)
{
	static char msg[96];
	if ((long long)w * h <= IMAGE_MAX_PIXELS)
		return 0;
	snprintf(msg, sizeof(msg), "%d x %d pixels, more than the limit of %d million", w, h,
		 IMAGE_MAX_PIXELS / 1000000);
	*why = msg;
	return 1;
}

static void png_failed(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/* Decode every row (all interlace passes); 0 when the data is whole. */
static int png_decodes(FILE *f)
{
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_failed,
						 png_quiet);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	png_bytep volatile row = NULL;
	int ok = 0;
	if (!info)
		goto done;
	if (setjmp(png_jmpbuf(png)) == 0) {
		int passes;
		png_init_io(png, f);
		png_read_info(png, info);
		passes = png_set_interlace_handling(png);
		png_read_update_info(png, info);
		row = malloc(png_get_rowbytes(png, info));
		for (int p = 0; row && p < passes; p++)
			for (png_uint_32 y = 0; y < png_get_image_height(png, info); y++)
				png_read_row(png, row, NULL);
		png_read_end(png, NULL);
		ok = row != NULL;
	}
done:
	free(row);
	png_destroy_read_struct(&png, &info, NULL);
	return ok ? 0 : -1;
}

/* libharu 2.3 cannot embed an interlaced PNG (it fails while writing the
 * PDF); such a file is refused here, where check sees it too. */
static int probe_png(FILE *f, int *w, int *h, const char **why)
{
	unsigned char hdr[29];
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	if (fread(hdr, 1, sizeof(hdr), f) != sizeof(hdr) || memcmp(hdr, sig, 8) != 0 ||
	    memcmp(hdr + 12, "IHDR", 4) != 0) {
		*why = "not a PNG file (bad header)";
		return -1;
	}
	if (be32(hdr + 16) == 0 || be32(hdr + 20) == 0 || be32(hdr + 16) > 65535 ||
	    be32(hdr + 20) > 65535) {
		*why = "PNG size out of range";
		return -1;
	}
	*w = (int)be32(hdr + 16);
	*h = (int)be32(hdr + 20);
	if (too_many_pixels(*w, *h, why))
		return -1;
	if (hdr[28] != 0) {
		*why = "interlaced PNG; save it without interlacing";
		return -1;
	}
	rewind(f);
	if (png_decodes(f) != 0) {
		*why = "broken PNG data (the file is cut short or damaged)";
		return -1;
	}
	return 0;
}

/* A start-of-frame segment (after its length): precision, height, width,
 * number of components (1 grey, 3 colour, 4 CMYK: what PDF's DCT reads). */
static int jpeg_frame(FILE *f, int marker, int *w, int *h, const char **why)
{
	unsigned char seg[6];
	if (marker > 0xC2) {
		*why = "unsupported JPEG type (only baseline and progressive)";
		return -1;
	}
	if (fread(seg, 1, 6, f) != 6 || be16(seg + 1) == 0 || be16(seg + 3) == 0)
		return -1;
	*h = (int)be16(seg + 1);
	*w = (int)be16(seg + 3);
	if (seg[5] != 1 && seg[5] != 3 && seg[5] != 4) {
		*why = "JPEG with an unusual number of colour components (not grey, RGB or CMYK)";
		return -1;
	}
	return too_many_pixels(*w, *h, why) ? -1 : 0;
}

/* SOF0..SOF2 (baseline, extended, progressive Huffman) are what PDF's DCT
 * filter reads; other frame types (lossless, arithmetic) are refused. The
 * frame must be followed by image data (a start-of-scan marker). */
static int probe_jpeg(FILE *f, int *w, int *h, const char **why)
{
	unsigned char seg[8];
	int c, framed = 0;
	*why = "not a JPEG file (no frame header)";
	if (fread(seg, 1, 2, f) != 2 || seg[0] != 0xFF || seg[1] != 0xD8)
		return -1;
	while ((c = getc(f)) != EOF) {
		int marker;
		long len;
		if (c != 0xFF)
			return -1;
		while ((marker = getc(f)) == 0xFF)
			;
		if (marker == EOF)
			return -1;
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
			continue;
		if (fread(seg, 1, 2, f) != 2 || be16(seg) < 2)
			return -1;
		len = (long)be16(seg) - 2;
		if (marker == 0xDA) { /* start of scan: the image data follows */
			if (!framed)
				return -1;
			*why = NULL;
			return 0;
		}
		if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
		    marker != 0xCC) {
			if (framed || jpeg_frame(f, marker, w, h, why) != 0)
				return -1;
			framed = 1;
			*why = "JPEG without image data (no start-of-scan marker)";
			len -= 6;
		}
		if (len < 0 || fseek(f, len, SEEK_CUR) != 0)
			return -1;
	}
	if (framed)
		*why = "JPEG without image data (no start-of-scan marker)";
	return -1;
}

/* Results of recent probes: layout measures an image several times (keep,
 * table cells) and a logo may stand on every card of a sheet. A file is
 * known by its path, inode, size and modification time. */
enum { PROBE_CACHE = 16 };
static struct probed {
	char *path;
	struct stat st;
	int rc, w, h;
	const char *why;
} probe_cache[PROBE_CACHE];
static int probe_next;

static struct probed *probe_cached(const char *path, const struct stat *st)
{
	for (int i = 0; i < PROBE_CACHE; i++) {
		struct probed *p = &probe_cache[i];
		if (p->path && strcmp(p->path, path) == 0 && p->st.st_ino == st->st_ino &&
		    p->st.st_size == st->st_size && p->st.st_mtime == st->st_mtime)
			return p;
	}
	return NULL;
}

static int probe_file(const char *path, int *px_width, int *px_height, const char **why);

int image_probe(const char *path, int *px_width, int *px_height, const char **why)
{
	struct stat st;
	struct probed *p;
	if (stat(path, &st) != 0)
		return probe_file(path, px_width, px_height, why);
	if (!(p = probe_cached(path, &st))) {
		p = &probe_cache[probe_next];
		probe_next = (probe_next + 1) % PROBE_CACHE;
		free(p->path);
		p->path = xstrdup(path);
		p->st = st;
		p->rc = probe_file(path, &p->w, &p->h, &p->why);
	}
	*px_width = p->w;
	*px_height = p->h;
	*why = p->why;
	return p->rc;
}

static int probe_file(const char *path, int *px_width, int *px_height, const char **why)
{
	int fd = input_open(path, why); /* a FIFO or device is refused, never read */
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	int first, rc;
	if (!f) {
		if (fd >= 0) {
			*why = strerror(errno);
			close(fd);
		}
		return -1;
	}
	first = getc(f);
	rewind(f);
	if (first == 0x89) {
		rc = probe_png(f, px_width, px_height, why);
	} else if (first == 0xFF) {
		rc = probe_jpeg(f, px_width, px_height, why);
	} else {
		*why = "not a PNG or JPEG file";
		rc = -1;
	}
	fclose(f);
	return rc;
}
