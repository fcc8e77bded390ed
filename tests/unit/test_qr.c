/* test_qr: QR encoding and vector drawing (qr.c), booklet page order (booklet.c). */
#include "unit.h"

#include "booklet.h"
#include "qr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void level_parse(void)
{
	int level = -1;
	CHECK_INT(qr_level_parse(NULL, &level), 0);
	CHECK_INT(level, 1); /* default M */
	CHECK_INT(qr_level_parse("H", &level), 0);
	CHECK_INT(level, 3);
	CHECK_INT(qr_level_parse("X", &level), -1);
	CHECK_INT(qr_level_parse("", &level), -1);
	CHECK_INT(qr_level_parse("MM", &level), -1);
}

/* Longer text and higher levels need larger versions; nothing fits past 40. */
static void versions_grow(void)
{
	struct qr_code *small = qr_encode("https://zoo.example.fi/", 0);
	struct qr_code *high = qr_encode("https://zoo.example.fi/", 3);
	char *huge = malloc(4000);
	memset(huge, 'a', 3999);
	huge[3999] = '\0';
	CHECK(small && small->version == 2 && small->width == 25);
	CHECK(high && high->version == 3 && high->width == 29);
	CHECK(qr_encode(huge, 1) == NULL);
	CHECK_INT(qr_total_modules(small), 25 + 2 * QR_QUIET_ZONE);
	qr_free(small);
	qr_free(high);
	free(huge);
}

/* The drawn runs cover exactly the dark modules, inside a white quiet zone. */
static void runs_cover_dark_modules(void)
{
	struct qr_code *q = qr_encode("https://liput.example.fi/haku?paikka=kipina&kortti=1", 1);
	struct page pg;
	struct doc_color black = { 0 };
	double size = 100, m;
	unsigned char *seen;
	memset(&pg, 0, sizeof(pg));
	if (!CHECK(q != NULL))
		return;
	m = size / qr_total_modules(q);
	seen = calloc((size_t)(q->width * q->width), 1);
	qr_draw(&pg, q, 10, 20, size, black);
	CHECK(pg.n_boxes > 1 && strcmp(pg.boxes[0].tag, "qr-quiet") == 0);
	CHECK(pg.boxes[0].fill.r == 1 && pg.boxes[0].w == size && pg.boxes[0].h == size);
	for (int i = 1; i < pg.n_boxes; i++) {
		const struct box *b = &pg.boxes[i];
		int row = (int)lround((b->y - 20) / m) - QR_QUIET_ZONE;
		int col = (int)lround((b->x - 10) / m) - QR_QUIET_ZONE;
		int len = (int)lround(b->w / m);
		CHECK(row >= 0 && row < q->width && col >= 0 && col + len <= q->width);
		for (int k = 0; k < len && row >= 0 && row < q->width && col >= 0 && col + k < q->width; k++)
			seen[row * q->width + col + k]++;
		/* a run is maximal: no dark module right before or after it */
		if (col > 0 && row >= 0 && row < q->width)
			CHECK(!q->dark[row * q->width + col - 1]);
	}
	for (int i = 0; i < q->width * q->width; i++)
		CHECK_INT(seen[i], q->dark[i]);
	free(seen);
	free(pg.boxes);
	qr_free(q);
}

/* Pages of an 8-page booklet: side 0 = 8|1, 1 = 2|7, 2 = 6|3, 3 = 4|5. */
static void booklet_order(void)
{
	static const int side[] = { 0, 1, 2, 3, 3, 2, 1, 0 };
	static const int right[] = { 1, 0, 1, 0, 1, 0, 1, 0 };
	for (int p = 0; p < 8; p++) {
		int s, r;
		booklet_slot(p, 8, &s, &r);
		CHECK_INT(s, side[p]);
		CHECK_INT(r, right[p]);
	}
}

/* Every slot of a 12-page booklet is used exactly once. */
static void booklet_slots_unique(void)
{
	int used[6][2] = { { 0 } };
	for (int p = 0; p < 12; p++) {
		int s, r;
		booklet_slot(p, 12, &s, &r);
		if (CHECK(s >= 0 && s < 6))
			used[s][r]++;
	}
	for (int s = 0; s < 6; s++)
		CHECK(used[s][0] == 1 && used[s][1] == 1);
}

const struct unit_test unit_tests[] = {
	UNIT(level_parse),
	UNIT(versions_grow),
	UNIT(runs_cover_dark_modules),
	UNIT(booklet_order),
	UNIT(booklet_slots_unique),
	{ NULL, NULL },
};
