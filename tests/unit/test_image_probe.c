/* test_image_probe: pixel sizes read from PNG and JPEG headers, and the
 * files refused before they reach libharu (which aborts on broken PNGs). */
#include "unit.h"

#include "image_probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CASES "tests/cases/typeset-blocks/"

/* Write N bytes to a new temporary file; its path goes to PATH. */
static void temp_file(const unsigned char *bytes, size_t n, char *path, size_t size)
{
	int fd;
	FILE *f;
	snprintf(path, size, "%s/kp-probe-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(path);
	f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	CHECK(f != NULL);
	if (f) {
		fwrite(bytes, 1, n, f);
		fclose(f);
	}
}

static int probe_bytes(const unsigned char *bytes, size_t n, int *w, int *h, const char **why)
{
	char path[256];
	int rc;
	temp_file(bytes, n, path, sizeof(path));
	rc = image_probe(path, w, h, why);
	remove(path);
	return rc;
}

static void png_size(void)
{
	int w = 0, h = 0;
	const char *why = NULL;
	CHECK_INT(image_probe(CASES "image/logo.png", &w, &h, &why), 0);
	CHECK_INT(w, 160);
	CHECK_INT(h, 80);
}

static void jpeg_size(void)
{
	int w = 0, h = 0;
	const char *why = NULL;
	CHECK_INT(image_probe(CASES "image/logo.jpg", &w, &h, &why), 0);
	CHECK_INT(w, 224);
	CHECK_INT(h, 112);
}

static void png_cut_short(void)
{
	int w, h;
	const char *why = NULL;
	CHECK_INT(image_probe(CASES "bad-image-data/broken.png", &w, &h, &why), -1);
	CHECK(why && strstr(why, "broken PNG data"));
}

static void not_an_image(void)
{
	int w, h;
	const char *why = NULL;
	CHECK_INT(image_probe(CASES "bad-image/fake.png", &w, &h, &why), -1);
	CHECK_STR(why, "not a PNG or JPEG file");
	CHECK_INT(image_probe(CASES "bad-image/no-such-file.png", &w, &h, &why), -1);
	CHECK(why && *why);
}

/* SOI, an APP0 segment to skip, a frame header of the given marker (600 x 300,
 * three components), then the start of scan. */
static const unsigned char jpeg_head[] = {
	0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F',
	0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03,
	0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
	0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00,
	0x12, 0x34
};
enum { JPEG_SOS_AT = 29 }; /* where the start of scan begins in jpeg_head */

static void jpeg_progressive(void)
{
	int w = 0, h = 0;
	const char *why = NULL;
	CHECK_INT(probe_bytes(jpeg_head, sizeof(jpeg_head), &w, &h, &why), 0);
	CHECK_INT(w, 600);
	CHECK_INT(h, 300);
}

/* Only a header (claiming 3855 x 3855): libharu would embed it as it is. */
static void jpeg_without_scan_refused(void)
{
	unsigned char bytes[JPEG_SOS_AT];
	int w, h;
	const char *why = NULL;
	memcpy(bytes, jpeg_head, sizeof(bytes));
	bytes[15] = bytes[16] = bytes[17] = bytes[18] = 0x0F;
	CHECK_INT(probe_bytes(bytes, sizeof(bytes), &w, &h, &why), -1);
	CHECK(why && strstr(why, "no start-of-scan"));
}

static void jpeg_components_refused(void)
{
	unsigned char bytes[sizeof(jpeg_head)];
	int w, h;
	const char *why = NULL;
	memcpy(bytes, jpeg_head, sizeof(bytes));
	for (unsigned char n = 0; n <= 2; n += 2) {
		bytes[19] = n; /* 0 or 2 components: neither grey, RGB nor CMYK */
		CHECK_INT(probe_bytes(bytes, sizeof(bytes), &w, &h, &why), -1);
		CHECK(why && strstr(why, "colour components"));
	}
}

static void jpeg_too_many_pixels(void)
{
	unsigned char bytes[sizeof(jpeg_head)];
	int w, h;
	const char *why = NULL;
	memcpy(bytes, jpeg_head, sizeof(bytes));
	bytes[15] = bytes[16] = bytes[17] = bytes[18] = 0x20; /* 8224 x 8224 */
	CHECK_INT(probe_bytes(bytes, sizeof(bytes), &w, &h, &why), -1);
	CHECK(why && strstr(why, "8224 x 8224 pixels, more than the limit"));
}

static const unsigned char png_head[] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
	0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 2, 0, 0, 0, 0, 0, 0, 0
};

static void png_too_many_pixels(void)
{
	int w, h;
	const char *why = NULL;
	CHECK_INT(probe_bytes(png_head, sizeof(png_head), &w, &h, &why), -1);
	CHECK(why && strstr(why, "20000 x 20000 pixels, more than the limit of 16 million"));
}

static void png_interlaced_refused(void)
{
	unsigned char bytes[sizeof(png_head)];
	int w, h;
	const char *why = NULL;
	memcpy(bytes, png_head, sizeof(bytes));
	bytes[18] = bytes[22] = 0; /* 32 x 32 */
	bytes[28] = 1;            /* Adam7 */
	CHECK_INT(probe_bytes(bytes, sizeof(bytes), &w, &h, &why), -1);
	CHECK(why && strstr(why, "interlaced"));
}

static void jpeg_lossless_refused(void)
{
	unsigned char bytes[sizeof(jpeg_head)];
	int w, h;
	const char *why = NULL;
	memcpy(bytes, jpeg_head, sizeof(bytes));
	bytes[11] = 0xC3; /* lossless: PDF's DCT filter cannot read it */
	CHECK_INT(probe_bytes(bytes, sizeof(bytes), &w, &h, &why), -1);
	CHECK(why && strstr(why, "unsupported JPEG"));
}

static void jpeg_truncated(void)
{
	int w, h;
	const char *why = NULL;
	CHECK_INT(probe_bytes(jpeg_head, 12, &w, &h, &why), -1);
}

static void png_zero_width(void)
{
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
		0, 0, 0, 0, 0, 0, 0, 10, 8, 2, 0, 0, 0, 0, 0, 0, 0
	};
	int w, h;
	const char *why = NULL;
	CHECK_INT(probe_bytes(png, sizeof(png), &w, &h, &why), -1);
	CHECK(why && strstr(why, "out of range"));
}

const struct unit_test unit_tests[] = {
	UNIT(png_size),	      UNIT(jpeg_size),		   UNIT(png_cut_short),
	UNIT(not_an_image),   UNIT(jpeg_progressive),	   UNIT(jpeg_lossless_refused),
	UNIT(jpeg_truncated), UNIT(png_zero_width),	   UNIT(jpeg_without_scan_refused),
	UNIT(jpeg_components_refused), UNIT(jpeg_too_many_pixels), UNIT(png_too_many_pixels),
	UNIT(png_interlaced_refused), { NULL, NULL }
};
