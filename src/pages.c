/* pages: growable arrays of pages and boxes; see pages.h. */
#include "pages.h"
#include "diag.h"
#include "font.h"

#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK = 64 * 1024 };

struct pages_arena {
	struct pages_arena *next;
	size_t used, size;
	char data[];
};

struct pages *pages_new(void)
{
	struct pages *p = xcalloc(1, sizeof(struct pages));
	pages_add_elem(p, ROLE_DOCUMENT, -1);
	return p;
}

int pages_add_elem(struct pages *p, enum pages_role role, int parent)
{
	struct pages_elem *e;
	if (p->n_elems == p->cap_elems) {
		p->cap_elems = p->cap_elems ? p->cap_elems * 2 : 64;
		p->elems = xrealloc(p->elems, (size_t)p->cap_elems * sizeof(*p->elems));
	}
	e = &p->elems[p->n_elems];
	memset(e, 0, sizeof(*e));
	e->role = role;
	e->parent = parent;
	return p->n_elems++;
}

void pages_free(struct pages *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n_pages; i++)
		free(p->pages[i].boxes);
	free(p->pages);
	free(p->elems);
	while (p->arena) {
		struct pages_arena *next = p->arena->next;
		free(p->arena);
		p->arena = next;
	}
	free(p);
}

struct page *pages_add_page(struct pages *p, double width, double height)
{
	struct page *pg;
	if (p->n_pages >= PAGES_KEPT) {
		/* past PAGES_KEPT only the count grows: the last page is reused
		 * (render_check_pages then refuses the document) */
		pg = &p->pages[p->n_pages - 1];
		pg->n_boxes = 0;
		pg->width = width;
		pg->height = height;
		p->n_dropped++;
		return pg;
	}
	if (p->n_pages == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->pages = xrealloc(p->pages, (size_t)p->cap * sizeof(*p->pages));
	}
	pg = &p->pages[p->n_pages++];
	memset(pg, 0, sizeof(*pg));
	pg->width = width;
	pg->height = height;
	return pg;
}

void page_reserve(struct page *pg, int n)
{
	if (n <= pg->cap)
		return;
	pg->cap = n > 2 * pg->cap ? n : 2 * pg->cap; /* reserved again and again: grow as adding does */
	pg->boxes = xrealloc(pg->boxes, (size_t)pg->cap * sizeof(*pg->boxes));
}

struct box *page_add_box(struct page *pg, enum box_kind kind)
{
	struct box *b;
	if (pg->n_boxes == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 64;
		pg->boxes = xrealloc(pg->boxes, (size_t)pg->cap * sizeof(*pg->boxes));
	}
	b = &pg->boxes[pg->n_boxes++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

struct box *page_add_shape(struct page *pg, enum box_kind kind, double x, double y, double w,
			   double h)
{
	struct box *b = page_add_box(pg, kind);
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	return b;
}

struct box *page_add_copy(struct page *pg, const struct box *src, double dx, double dy)
{
	struct box *b = page_add_box(pg, src->kind);
	*b = *src;
	b->x += dx;
	b->y += dy;
	return b;
}

/* N bytes from the pages' arena, a new chunk when the current one is full;
 * ALIGNED: starting on an 8-byte boundary (strings before leave it unaligned). */
static char *arena_take(struct pages *p, size_t n, int aligned)
{
	struct pages_arena *a = p->arena;
	char *r;
	if (a && aligned)
		a->used = (a->used + 7) & ~(size_t)7;
	if (!a || a->used > a->size || a->size - a->used < n) {
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		a = xmalloc(sizeof(*a) + size);
		a->size = size;
		a->used = 0;
		a->next = p->arena;
		p->arena = a;
	}
	r = a->data + a->used;
	a->used += n;
	return r;
}

void *pages_alloc(struct pages *p, size_t n)
{
	return arena_take(p, n, 1);
}

const char *pages_strndup(struct pages *p, const char *s, size_t n)
{
	char *r = arena_take(p, n + 1, 0);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

void pages_adopt_box(struct pages *p, struct box *b)
{
	if (b->text)
		b->text = pages_strndup(p, b->text, b->kind == BOX_TEXT ? b->len : strlen(b->text));
	if (b->actual_text)
		b->actual_text = pages_strndup(p, b->actual_text, strlen(b->actual_text));
	if (b->glyphs) {
		void *g = pages_alloc(p, b->n_glyphs * sizeof(*b->glyphs));
		memcpy(g, b->glyphs, b->n_glyphs * sizeof(*b->glyphs));
		b->glyphs = g;
	}
	b->elem = 0;
}

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_DOCUMENT] = "Document", [ROLE_SECT] = "Sect",   [ROLE_H1] = "H1",
	[ROLE_H2] = "H2",             [ROLE_H3] = "H3",       [ROLE_P] = "P",
	[ROLE_L] = "L",               [ROLE_LI] = "LI",       [ROLE_LBL] = "Lbl",
	[ROLE_LBODY] = "LBody",       [ROLE_TABLE] = "Table", [ROLE_TR] = "TR",
	[ROLE_TH] = "TH",             [ROLE_TD] = "TD",       [ROLE_FIGURE] = "Figure",
	[ROLE_LINK] = "Link",         [ROLE_FORM] = "Form",   [ROLE_SPAN] = "Span",
};

const char *pages_role_name(enum pages_role role)
{
	return role_names[role];
}
