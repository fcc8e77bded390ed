/* box_group: shared boxes of repeated units; see box_group.h. */
#include "box_group.h"
#include "diag.h"
#include "font.h"

#include <stdlib.h>
#include <string.h>

enum { CANDIDATES = 4 };

struct owned_group {
	struct box_group g;
	char *strings;
};

struct box_groups {
	int structured; /* boxes of structure elements stay out of groups */
	struct owned_group *groups[GROUP_MAX];
	int n_groups;
	struct box_copy cand[CANDIDATES]; /* recent units no group covered */
	int next_cand;
};

struct box_groups *box_groups_new(int structured)
{
	struct box_groups *gs = xcalloc(1, sizeof(struct box_groups));
	gs->structured = structured;
	return gs;
}

void box_groups_free(struct box_groups *gs)
{
	if (!gs)
		return;
	for (int i = 0; i < gs->n_groups; i++) {
		free(gs->groups[i]->g.page.boxes);
		free(gs->groups[i]->strings);
		free(gs->groups[i]);
	}
	for (int i = 0; i < CANDIDATES; i++) {
		free(gs->cand[i].boxes);
		free(gs->cand[i].strings);
	}
	free(gs);
}

static int same_string(const char *a, size_t la, const char *b, size_t lb)
{
	if (!a || !b)
		return a == b;
	if (la == 0 && lb == 0) /* an image's path */
		return strcmp(a, b) == 0;
	return la == lb && memcmp(a, b, la) == 0;
}

static int same_color(const struct doc_color *a, const struct doc_color *b)
{
	return a->r == b->r && a->g == b->g && a->b == b->b;
}

static int same_glyphs(const struct box *a, const struct box *b)
{
	return a->n_glyphs == b->n_glyphs &&
	       (a->n_glyphs == 0 || (a->glyphs && b->glyphs &&
				     memcmp(a->glyphs, b->glyphs, a->n_glyphs * sizeof(*a->glyphs)) == 0));
}

/* Boxes that look the same and say the same. In a tagged document a box of
 * a structure element is never shared: each card has its own elements. */
static int same_box(const struct box_groups *gs, const struct box *a, const struct box *b)
{
	return a->kind == b->kind && a->kind != BOX_GROUP && !a->personal && !b->personal &&
	       (!gs->structured || (a->elem == 0 && b->elem == 0)) &&
	       a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h &&
	       a->font == b->font && a->size == b->size && a->char_space == b->char_space &&
	       a->hscale == b->hscale && same_string(a->text, a->len, b->text, b->len) &&
	       same_color(&a->color, &b->color) && same_color(&a->fill, &b->fill) &&
	       a->filled == b->filled && a->stroked == b->stroked &&
	       a->line_width == b->line_width && a->space_after == b->space_after &&
	       same_glyphs(a, b) &&
	       same_string(a->actual_text, a->actual_text ? strlen(a->actual_text) : 0,
			   b->actual_text, b->actual_text ? strlen(b->actual_text) : 0) &&
	       (a->tag == b->tag || (a->tag && b->tag && strcmp(a->tag, b->tag) == 0));
}

static size_t string_size(const char *s, size_t len)
{
	return s ? (len ? len : strlen(s)) + 1 : 0;
}

enum { ALIGN = 8 }; /* glyphs start on this boundary in a block */

static size_t aligned(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

/* Bytes a box's own glyphs (with the padding before them) and strings take. */
static size_t box_bytes(const struct box *b)
{
	size_t glyphs = b->glyphs ? b->n_glyphs * sizeof(*b->glyphs) : 0;
	return ALIGN + glyphs + string_size(b->text, b->len) +
	       string_size(b->actual_text, b->actual_text ? strlen(b->actual_text) : 0);
}

/* Copy S (LEN bytes, or a C string when LEN is 0) to BLOCK + *AT. */
static const char *copy_string(char *block, size_t *at, const char *s, size_t len)
{
	size_t size = string_size(s, len);
	char *r = block + *at;
	if (!size)
		return NULL;
	memcpy(r, s, size - 1);
	r[size - 1] = '\0';
	*at += size;
	return r;
}

/* Box B's strings and glyphs moved into BLOCK at *AT. */
static void own_box(struct box *b, char *block, size_t *at)
{
	if (b->glyphs && b->n_glyphs) {
		size_t n = b->n_glyphs * sizeof(*b->glyphs);
		*at = aligned(*at); /* after the strings of the box before */
		memcpy(block + *at, b->glyphs, n);
		b->glyphs = (const struct font_glyph *)(void *)(block + *at);
		*at += n;
	}
	b->text = copy_string(block, at, b->text, b->len);
	if (b->actual_text)
		b->actual_text = copy_string(block, at, b->actual_text, strlen(b->actual_text));
}

/* Copy the boxes of UNIT with KEEP[i] set (all when KEEP is NULL) into C. */
static void copy_boxes(struct box_copy *c, const struct box *unit, int n,
		       const unsigned char *keep, double w, double h)
{
	size_t bytes = 0, at = 0;
	for (int i = 0; i < n; i++)
		if (!keep || keep[i])
			bytes += box_bytes(&unit[i]);
	c->boxes = xmalloc(sizeof(*c->boxes) * (size_t)(n ? n : 1));
	c->strings = xmalloc(bytes ? bytes : 1); /* malloc: aligned for the glyphs */
	c->n = 0;
	c->w = w;
	c->h = h;
	for (int i = 0; i < n; i++) {
		if (keep && !keep[i])
			continue;
		c->boxes[c->n] = unit[i];
		own_box(&c->boxes[c->n++], c->strings, &at);
	}
}

void box_copy_make(struct box_copy *c, const struct box *unit, int n, double w, double h)
{
	copy_boxes(c, unit, n, NULL, w, h);
}

void box_copy_free(struct box_copy *c)
{
	free(c->boxes);
	free(c->strings);
	c->boxes = NULL;
	c->strings = NULL;
	c->n = 0;
}

/* Drawing the covered boxes first, as a group, and the others after them in
 * their order must look the same as drawing all in order: no uncovered
 * filled rectangle or image before a covered box (it would now cover it),
 * no covered filled rectangle or image after an uncovered box. */
static int order_safe(const struct box *u, int n, const unsigned char *covered)
{
	int covered_after = 0, opaque_covered_after = 0;
	for (int i = n - 1; i >= 0; i--) {
		int opaque = u[i].kind == BOX_IMAGE || (u[i].kind == BOX_RECT && u[i].filled);
		if (covered[i]) {
			covered_after = 1;
			opaque_covered_after |= opaque;
		} else if ((opaque && covered_after) || opaque_covered_after) {
			return 0;
		}
	}
	return 1;
}

/* Set COVERED for the boxes of UNIT that G's boxes are, in order; 1 when
 * all of G's boxes were found and drawing G first is safe. */
static int match(const struct box_groups *gs, const struct box_group *g, const struct box *u,
		 int n, double w, double h, unsigned char *covered)
{
	int k = 0;
	if (g->page.width != w || g->page.height != h || g->page.n_boxes > n)
		return 0;
	memset(covered, 0, (size_t)n);
	for (int i = 0; i < n && k < g->page.n_boxes; i++)
		if (same_box(gs, &u[i], &g->page.boxes[k])) {
			covered[i] = 1;
			k++;
		}
	return k == g->page.n_boxes && order_safe(u, n, covered);
}

static void add_group(struct box_groups *gs, const struct box *u, int n, const unsigned char *keep,
		      double w, double h)
{
	struct owned_group *og = xcalloc(1, sizeof(*og));
	struct box_copy c;
	copy_boxes(&c, u, n, keep, w, h);
	og->g.page.boxes = c.boxes;
	og->g.page.n_boxes = og->g.page.cap = c.n;
	og->g.page.width = w;
	og->g.page.height = h;
	og->g.id = gs->n_groups + 1;
	og->strings = c.strings;
	gs->groups[gs->n_groups++] = og;
}

/* UNIT matched no group: compare it with an earlier unit of as many boxes;
 * what they share at the same places may become a group. */
static void learn(struct box_groups *gs, const struct box *u, int n, double w, double h,
		  unsigned char *shared)
{
	struct box_copy *c = NULL;
	int count = 0;
	for (int i = 0; i < CANDIDATES && !c; i++)
		if (gs->cand[i].boxes && gs->cand[i].n == n && gs->cand[i].w == w && gs->cand[i].h == h)
			c = &gs->cand[i];
	if (c) {
		for (int i = 0; i < n; i++)
			count += shared[i] = same_box(gs, &u[i], &c->boxes[i]);
		if (count >= GROUP_MIN_BOXES && 2 * count >= n && gs->n_groups < GROUP_MAX) {
			add_group(gs, u, n, shared, w, h);
			return;
		}
	} else {
		c = &gs->cand[gs->next_cand];
		gs->next_cand = (gs->next_cand + 1) % CANDIDATES;
	}
	free(c->boxes);
	free(c->strings);
	copy_boxes(c, u, n, NULL, w, h);
}

/* The group that covers UNIT (COVERED set), learning one if need be. */
static const struct box_group *find_group(struct box_groups *gs, const struct box *u, int n,
					  double w, double h, unsigned char *covered)
{
	int before;
	for (int i = 0; i < gs->n_groups; i++)
		if (match(gs, &gs->groups[i]->g, u, n, w, h, covered))
			return &gs->groups[i]->g;
	if (gs->n_groups == GROUP_MAX)
		return NULL;
	before = gs->n_groups;
	learn(gs, u, n, w, h, covered);
	if (gs->n_groups > before && match(gs, &gs->groups[before]->g, u, n, w, h, covered))
		return &gs->groups[before]->g;
	return NULL;
}

void box_groups_place(struct box_groups *gs, struct page *pg, const struct box *unit, int n,
		      double w, double h, double dx, double dy)
{
	unsigned char *covered = gs && n >= GROUP_MIN_BOXES ? xmalloc((size_t)n) : NULL;
	const struct box_group *g = covered ? find_group(gs, unit, n, w, h, covered) : NULL;
	if (g) { /* the group first: it is drawn before the unit's other boxes */
		struct box *b = page_add_shape(pg, BOX_GROUP, dx, dy, w, h);
		b->group = g;
	}
	for (int i = 0; i < n; i++)
		page_add_copy(pg, &unit[i], dx, dy)->grouped = g && covered[i];
	free(covered);
}
