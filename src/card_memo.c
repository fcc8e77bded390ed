/* card_memo: repeated cards of a batch laid out once; see card_memo.h. */
#include "card_memo.h"
#include "box_group.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

enum { MEMO_MAX = 16 }; /* distinct cards remembered (a batch has two backs) */

struct memo_card {
	char *key;
	size_t len;
	struct box_copy boxes;
	double end_y;
};

struct card_memo {
	struct memo_card cards[MEMO_MAX];
	int n;
};

struct key {
	char *s;
	size_t len, cap;
};

static void put(struct key *k, const void *data, size_t n)
{
	if (k->len + n > k->cap) {
		k->cap = (k->len + n) * 2 + 64;
		k->s = xrealloc(k->s, k->cap);
	}
	memcpy(k->s + k->len, data, n);
	k->len += n;
}

/* Kinds whose layout depends only on kind, style, flags and text. */
static int plain_kind(enum doc_kind kind)
{
	return kind == DOC_CARD || kind == DOC_HEADING || kind == DOC_PARA || kind == DOC_LIST ||
	       kind == DOC_ITEM || kind == DOC_KEEP || kind == DOC_TEXT || kind == DOC_BREAK;
}

/* N and its subtree appended to K; 0 when the card may not be remembered. */
static int put_node(struct key *k, const struct doc_node *n)
{
	const char *style = n->style ? n->style : "";
	if (!plain_kind(n->kind) || (n->flags & DOC_PERSONAL))
		return 0;
	put(k, &n->kind, sizeof(n->kind));
	put(k, &n->flags, sizeof(n->flags));
	put(k, &n->level, sizeof(n->level));
	put(k, style, strlen(style) + 1);
	if (n->kind == DOC_TEXT) {
		const char *lang = n->lang ? n->lang : "";
		put(k, &n->len, sizeof(n->len));
		put(k, n->text, n->len);
		put(k, lang, strlen(lang) + 1);
	}
	put(k, "(", 1);
	for (const struct doc_node *c = n->first; c; c = c->next)
		if (!put_node(k, c))
			return 0;
	put(k, ")", 1);
	return 1;
}

char *card_memo_key(const struct doc_node *card, size_t *len)
{
	struct key k = { NULL, 0, 0 };
	if (!put_node(&k, card)) {
		free(k.s);
		return NULL;
	}
	*len = k.len;
	return k.s;
}

struct card_memo *card_memo_new(void)
{
	return xcalloc(1, sizeof(struct card_memo));
}

void card_memo_free(struct card_memo *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->n; i++) {
		free(m->cards[i].key);
		box_copy_free(&m->cards[i].boxes);
	}
	free(m);
}

void card_memo_add(struct card_memo *m, char *key, size_t len, const struct page *pg, int first,
		   double end_y)
{
	struct memo_card *c;
	if (m->n == MEMO_MAX) {
		free(key);
		return;
	}
	c = &m->cards[m->n++];
	c->key = key;
	c->len = len;
	c->end_y = end_y;
	box_copy_make(&c->boxes, pg->boxes + first, pg->n_boxes - first, pg->width, pg->height);
	for (int i = 0; i < c->boxes.n; i++)
		c->boxes.boxes[i].elem = 0; /* imposed cards have no structure tree */
}

int card_memo_place(const struct card_memo *m, const char *key, size_t len, struct page *pg,
		    double *end_y)
{
	for (int i = 0; i < m->n; i++) {
		const struct memo_card *c = &m->cards[i];
		if (c->len != len || memcmp(c->key, key, len) != 0)
			continue;
		page_reserve(pg, pg->n_boxes + c->boxes.n);
		for (int b = 0; b < c->boxes.n; b++)
			page_add_copy(pg, &c->boxes.boxes[b], 0, 0);
		*end_y = c->end_y;
		return 1;
	}
	return 0;
}
