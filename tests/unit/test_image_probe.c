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

/* SOI, an APP0 segment to skip, then a frame header of the given marker. */
static const unsigned char jpeg_head[] = {
	0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F',
	0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03
};

static void jpeg_progressive(void)
{
	int w = 0, h = 0;
	const char *why = NULL;
	CHECK_INT(probe_bytes(jpeg_head, sizeof(jpeg_head), &w, &h, &why), 0);
	CHECK_INT(w, 600);
	CHECK_INT(h, 300);
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
	UNIT(jpeg_truncated), UNIT(png_zero_width),	   { NULL, NULL }
};
