/* para_memo: line breaks remembered within one document; see para_memo.h. */
#include "para_memo.h"
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { BUCKETS = 1024, ENTRIES_MAX = 20000 };

struct entry {
	struct para_key key;
	struct para_items p; /* items and pieces: the memo's own arrays */
	int *breaks, lines;
	struct entry *next;
};

struct para_memo {
	struct entry *buckets[BUCKETS];
	int n;
};

static unsigned bucket(const struct para_key *k)
{
	return (unsigned)(((uintptr_t)k->block >> 4) % BUCKETS);
}

static int same_color(const struct doc_color *a, const struct doc_color *b)
{
	return a->r == b->r && a->g == b->g && a->b == b->b && a->cmyk == b->cmyk &&
	       (!a->cmyk || (a->c == b->c && a->m == b->m && a->y == b->y && a->k == b->k));
}

static int same_key(const struct para_key *a, const struct para_key *b)
{
	return a->block == b->block && a->width == b->width && a->indent == b->indent &&
	       a->size == b->size && a->family == b->family && a->bold == b->bold &&
	       a->italic == b->italic && a->hyphenate == b->hyphenate && a->align == b->align &&
	       same_color(&a->color, &b->color);
}

struct para_memo *para_memo_new(void)
{
	return xcalloc(1, sizeof(struct para_memo));
}

void para_memo_free(struct para_memo *m)
{
	if (!m)
		return;
	for (int i = 0; i < BUCKETS; i++)
		while (m->buckets[i]) {
			struct entry *e = m->buckets[i];
			m->buckets[i] = e->next;
			free(e->p.items);
			free(e->p.pieces);
			free(e->breaks);
			free(e);
		}
	free(m);
}

static void *copy(const void *src, size_t n)
{
	void *r = xmalloc(n ? n : 1);
	if (n)
		memcpy(r, src, n);
	return r;
}

int para_memo_get(const struct para_memo *m, const struct para_key *k, struct para_items *p,
		  int **breaks)
{
	for (const struct entry *e = m->buckets[bucket(k)]; e; e = e->next) {
		if (!same_key(&e->key, k))
			continue;
		*p = e->p;
		p->items = copy(e->p.items, (size_t)e->p.n * sizeof(*p->items));
		p->pieces = copy(e->p.pieces, (size_t)e->p.n * sizeof(*p->pieces));
		p->cap = p->n;
		*breaks = xmalloc((size_t)(e->p.n + 1) * sizeof(int));
		memcpy(*breaks, e->breaks, (size_t)(e->lines > 0 ? e->lines : 0) * sizeof(int));
		return e->lines;
	}
	return -1;
}

void para_memo_put(struct para_memo *m, const struct para_key *k, const struct para_items *p,
		   const int *breaks, int lines)
{
	struct entry *e;
	unsigned b = bucket(k);
	if (m->n >= ENTRIES_MAX || lines < 0)
		return;
	e = xcalloc(1, sizeof(*e));
	e->key = *k;
	e->p = *p;
	e->p.items = copy(p->items, (size_t)p->n * sizeof(*p->items));
	e->p.pieces = copy(p->pieces, (size_t)p->n * sizeof(*p->pieces));
	e->p.cap = p->n;
	e->breaks = copy(breaks, (size_t)lines * sizeof(int));
	e->lines = lines;
	e->next = m->buckets[b];
	m->buckets[b] = e;
	m->n++;
}
