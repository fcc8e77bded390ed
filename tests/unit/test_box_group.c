/* test_box_group: what repeats on cards becomes one group (box_group.h):
 * learned from two units, used by later ones, never with a holder's name,
 * never when drawing the group first would change what is seen. */
#include "unit.h"

#include "box_group.h"

#include <stdlib.h>
#include <string.h>

enum { N = 6 };

/* A card of N boxes: five labels and, at index 2, a varying value. */
static void make_card(struct box *b, const char *value, int personal)
{
	static const char *const labels[N] = { "KAIKUKORTTI", "Kortinhaltija", "", "Voimassa",
					       "viimeistään", "Henkilökohtainen" };
	memset(b, 0, sizeof(struct box) * N);
	for (int i = 0; i < N; i++) {
		b[i].kind = BOX_TEXT;
		b[i].x = 10;
		b[i].y = 10 + 12 * i;
		b[i].size = 8;
		b[i].text = i == 2 ? value : labels[i];
		b[i].len = strlen(b[i].text);
	}
	b[2].personal = personal;
}

static int groups_on(const struct page *pg, const struct box_group **g)
{
	int n = 0;
	for (int i = 0; i < pg->n_boxes; i++)
		if (pg->boxes[i].kind == BOX_GROUP) {
			*g = pg->boxes[i].group;
			n++;
		}
	return n;
}

static int grouped_on(const struct page *pg)
{
	int n = 0;
	for (int i = 0; i < pg->n_boxes; i++)
		n += pg->boxes[i].grouped;
	return n;
}

static void group_learned_from_two_cards(void)
{
	struct box_groups *gs = box_groups_new(0);
	struct page a = { 0 }, b = { 0 }, c = { 0 };
	struct box card[N];
	const struct box_group *g = NULL;
	make_card(card, "Aino", 1);
	box_groups_place(gs, &a, card, N, 240, 155, 0, 0);
	CHECK_INT(groups_on(&a, &g), 0); /* one card: nothing to compare yet */
	CHECK_INT(a.n_boxes, N);
	make_card(card, "Eero", 1);
	box_groups_place(gs, &b, card, N, 240, 155, 100, 50);
	CHECK_INT(groups_on(&b, &g), 1);
	CHECK_INT(grouped_on(&b), N - 1);
	CHECK(!b.boxes[3].grouped); /* the name: index 2 after the group box */
	CHECK_INT(b.boxes[0].kind, BOX_GROUP); /* drawn first */
	CHECK(b.boxes[0].x == 100 && b.boxes[0].y == 50);
	CHECK_INT(g->page.n_boxes, N - 1);
	for (int i = 0; i < g->page.n_boxes; i++)
		CHECK(!g->page.boxes[i].personal);
	/* the copy in the group is the group's own, in card coordinates */
	CHECK(g->page.boxes[0].x == 10 && g->page.boxes[0].text != card[0].text);
	make_card(card, "Ville", 1);
	box_groups_place(gs, &c, card, N, 240, 155, 0, 0);
	CHECK_INT(groups_on(&c, &g), 1);
	CHECK_INT(grouped_on(&c), N - 1);
	box_groups_free(gs);
	free(a.boxes);
	free(b.boxes);
	free(c.boxes);
}

/* A card whose label differs does not use the group that has the other
 * label; what it shares with the first card becomes a second group. */
static void a_differing_label_stays_out_of_groups(void)
{
	struct box_groups *gs = box_groups_new(0);
	struct page a = { 0 }, b = { 0 }, c = { 0 };
	struct box card[N];
	const struct box_group *g = NULL;
	make_card(card, "1", 0);
	box_groups_place(gs, &a, card, N, 240, 155, 0, 0);
	make_card(card, "2", 0);
	box_groups_place(gs, &b, card, N, 240, 155, 0, 0);
	make_card(card, "3", 0);
	card[4].text = "till";
	card[4].len = 4;
	box_groups_place(gs, &c, card, N, 240, 155, 0, 0);
	CHECK_INT(groups_on(&c, &g), 1);
	CHECK_INT(g->id, 2);
	CHECK_INT(grouped_on(&c), N - 2);
	CHECK(!c.boxes[5].grouped); /* "till" (index 4 after the group box) */
	CHECK(!c.boxes[3].grouped);
	box_groups_free(gs);
	free(a.boxes);
	free(b.boxes);
	free(c.boxes);
}

/* A filled background that is not part of the group must stay under the
 * group's text: drawing the group first would put it on top. */
static void group_not_used_over_a_varying_background(void)
{
	struct box_groups *gs = box_groups_new(0);
	struct page a = { 0 }, b = { 0 };
	struct box card[N];
	const struct box_group *g = NULL;
	for (int k = 0; k < 2; k++) {
		make_card(card, "same", 0);
		card[0].kind = BOX_RECT;
		card[0].filled = 1;
		card[0].fill.r = k; /* a different colour on each card */
		box_groups_place(gs, k ? &b : &a, card, N, 240, 155, 0, 0);
	}
	CHECK_INT(groups_on(&b, &g), 0);
	box_groups_free(gs);
	free(a.boxes);
	free(b.boxes);
}

/* In a tagged document each card keeps its own structure elements: only
 * artifacts (elem 0) are shared. */
static void tagged_content_is_never_shared(void)
{
	struct box_groups *gs = box_groups_new(1);
	struct page a = { 0 }, b = { 0 };
	struct box card[N];
	const struct box_group *g = NULL;
	for (int k = 0; k < 2; k++) {
		make_card(card, "same", 0);
		for (int i = 0; i < N; i++)
			card[i].elem = i < 2 ? 3 + i : 0; /* two tagged labels, four artifacts */
		box_groups_place(gs, k ? &b : &a, card, N, 240, 155, 0, 0);
	}
	CHECK_INT(groups_on(&b, &g), 1);
	CHECK_INT(g->page.n_boxes, N - 2);
	for (int i = 0; i < g->page.n_boxes; i++)
		CHECK_INT(g->page.boxes[i].elem, 0);
	box_groups_free(gs);
	free(a.boxes);
	free(b.boxes);
}

static void no_groups_copies_only(void)
{
	struct page a = { 0 };
	struct box card[N];
	make_card(card, "x", 0);
	box_groups_place(NULL, &a, card, N, 240, 155, 5, 7);
	CHECK_INT(a.n_boxes, N);
	CHECK(a.boxes[1].x == 15 && a.boxes[1].y == 29);
	free(a.boxes);
}

const struct unit_test unit_tests[] = {
	UNIT(group_learned_from_two_cards),
	UNIT(a_differing_label_stays_out_of_groups),
	UNIT(group_not_used_over_a_varying_background),
	UNIT(tagged_content_is_never_shared),
	UNIT(no_groups_copies_only),
	{ NULL, NULL }
};
