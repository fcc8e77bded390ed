/* test_card_memo: a card is remembered by its content (card_memo.h): two
 * equal cards of different documents share a key, any difference in text,
 * style or flags parts them, a holder's name or a <fit> is never
 * remembered, and a remembered card is placed as the boxes it was laid out
 * as, in copies of its own. */
#include "unit.h"

#include "card_memo.h"

#include <stdlib.h>
#include <string.h>

/* card > p(style) > text */
struct tiny_card {
	struct doc_node card, para, text;
};

static void make(struct tiny_card *t, const char *style, const char *text, unsigned flags)
{
	memset(t, 0, sizeof(*t));
	t->card.kind = DOC_CARD;
	t->card.first = t->card.last = &t->para;
	t->para.kind = DOC_PARA;
	t->para.style = style;
	t->para.parent = &t->card;
	t->para.first = t->para.last = &t->text;
	t->text.kind = DOC_TEXT;
	t->text.flags = flags;
	t->text.text = text;
	t->text.len = strlen(text);
	t->text.parent = &t->para;
}

static int same_key(const struct tiny_card *a, const struct tiny_card *b)
{
	size_t la = 0, lb = 0;
	char *ka = card_memo_key(&a->card, &la), *kb = card_memo_key(&b->card, &lb);
	int same = ka && kb && la == lb && memcmp(ka, kb, la) == 0;
	free(ka);
	free(kb);
	return same;
}

static void key_is_the_content(void)
{
	struct tiny_card a, b;
	char copy[] = "Ota kortti mukaan.";
	make(&a, "list", "Ota kortti mukaan.", 0);
	make(&b, "list", copy, 0); /* another document's string */
	CHECK(same_key(&a, &b));
	make(&b, "list", "Ota kortti mukaan!", 0);
	CHECK(!same_key(&a, &b));
	make(&b, "small", "Ota kortti mukaan.", 0);
	CHECK(!same_key(&a, &b));
	make(&b, "list", "Ota kortti mukaan.", DOC_BOLD);
	CHECK(!same_key(&a, &b));
	make(&b, "list", "Ota kortti mukaan.", 0);
	b.text.lang = "sv"; /* a Span in another language */
	CHECK(!same_key(&a, &b));
}

static void names_and_fits_never_remembered(void)
{
	struct tiny_card a;
	size_t len = 0;
	char *key;
	make(&a, "name", "Aino Virtanen", DOC_PERSONAL);
	key = card_memo_key(&a.card, &len);
	CHECK(key == NULL);
	free(key);
	make(&a, "name", "Aino Virtanen", 0);
	a.para.kind = DOC_FIT;
	key = card_memo_key(&a.card, &len);
	CHECK(key == NULL);
	free(key);
}

static void placed_as_laid_out(void)
{
	struct card_memo *m = card_memo_new();
	struct tiny_card a;
	struct page laid = { 0 }, later = { 0 };
	char text[] = "Kortti uusitaan.";
	struct box *b;
	size_t len = 0;
	char *key;
	double end_y = 0;
	make(&a, "list", "Kortti uusitaan.", 0);
	laid.width = 240;
	laid.height = 155;
	b = page_add_box(&laid, BOX_TEXT);
	b->x = 10;
	b->y = 20;
	b->text = text;
	b->len = strlen(text);
	b->elem = 3;
	b = page_add_box(&laid, BOX_LINE);
	b->x = 5;
	b->w = 100;
	key = card_memo_key(&a.card, &len);
	CHECK(!card_memo_place(m, key, len, &later, &end_y)); /* not yet */
	card_memo_add(m, key, len, &laid, 0, 42.5);
	key = card_memo_key(&a.card, &len);
	CHECK(card_memo_place(m, key, len, &later, &end_y));
	free(key);
	CHECK_INT(later.n_boxes, 2);
	CHECK(end_y == 42.5);
	if (later.n_boxes == 2) {
		CHECK_INT(later.boxes[0].kind, BOX_TEXT);
		CHECK(later.boxes[0].x == 10 && later.boxes[0].y == 20);
		CHECK(later.boxes[0].text != text); /* the memo's own copy */
		text[0] = 'X'; /* the laid-out page's strings go with it */
		CHECK(strncmp(later.boxes[0].text, "Kortti uusitaan.", later.boxes[0].len) == 0);
		CHECK_INT(later.boxes[0].elem, 0);
		CHECK_INT(later.boxes[1].kind, BOX_LINE);
		CHECK(later.boxes[1].w == 100);
	}
	free(laid.boxes);
	free(later.boxes);
	card_memo_free(m);
}

const struct unit_test unit_tests[] = {
	UNIT(key_is_the_content),
	UNIT(names_and_fits_never_remembered),
	UNIT(placed_as_laid_out),
	{ NULL, NULL },
};
