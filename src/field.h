/*
 * field: fixed-size blocks inside layout.c's flow.
 *   <fit>  a frame of fixed width and height holding one line of text (a name
 *          on a card, a value on a form). The text is set at its style's size
 *          and shrinks in steps (attr step, default 0.5 pt) until it fits, down
 *          to attr min-size; past that it is an error naming the template
 *          element, the data record and the millimetres missing. Nothing is
 *          ever clipped or squeezed silently.
 *   <card> blocks that must fit on exactly one page (one card of a batch);
 *          an overflow is an error naming the data record.
 */
#ifndef KP_FIELD_H
#define KP_FIELD_H

#include "layout_internal.h"

void layout_fit(struct layout *lo, const struct doc_node *n);
void layout_card(struct layout *lo, const struct doc_node *n);

#endif
