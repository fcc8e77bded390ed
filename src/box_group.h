/*
 * box_group: what repeats on every card or sheet, found once and shared.
 * The back of every card, the labels and fine print of every front and the
 * crop marks of every sheet are the same boxes at the same places each
 * time; a group holds one copy, and each placement is a BOX_GROUP box (the
 * PDF draws the group once as a form XObject and places it with Do).
 *
 * Groups are learned from the units placed (a card, the marks of a sheet):
 * two units with the same number of boxes share the boxes that are equal at
 * the same index; when that is at least half of them (and at least
 * GROUP_MIN_BOXES), it becomes a group. A later unit uses a group when the
 * group's boxes appear in it in order, unchanged. A holder's name is never
 * part of a group. Drawing a group first and the unit's other boxes after it
 * must look the same as drawing the unit in order: a unit whose filled
 * rectangle or image would move over grouped boxes draws without the group.
 *
 * A set of groups outlives the pages placed with it (a card batch frees its
 * sheets one by one): its boxes, strings and glyphs are its own copies.
 */
#ifndef KP_BOX_GROUP_H
#define KP_BOX_GROUP_H

#include "pages.h"

enum { GROUP_MIN_BOXES = 4, GROUP_MAX = 16 };

struct box_group {
	struct page page; /* the boxes in the unit's own coordinates; its size */
	int id;           /* 1, 2, ... in the order learned */
};

struct box_groups;

/* Boxes with their own copies of their strings and glyphs (one block), for
 * boxes that outlive their pages. */
struct box_copy {
	struct box *boxes;
	char *strings;
	int n;
	double w, h;
};
/* Copy the N boxes of UNIT (a W x H unit) into C; box_copy_free frees them. */
void box_copy_make(struct box_copy *c, const struct box *unit, int n, double w, double h);
void box_copy_free(struct box_copy *c);

/* STRUCTURED: the pages are tagged; boxes of a structure element (box.elem)
 * are then never shared (each card keeps its own elements). */
struct box_groups *box_groups_new(int structured);
void box_groups_free(struct box_groups *gs);

/* Copy the N boxes of UNIT (a W x H unit in its own coordinates) onto PG,
 * moved by (DX, DY); when a group of GS covers some of them, mark those
 * ->grouped and add one BOX_GROUP box. GS NULL: copy only. */
void box_groups_place(struct box_groups *gs, struct page *pg, const struct box *unit, int n,
		      double w, double h, double dx, double dy);

#endif
