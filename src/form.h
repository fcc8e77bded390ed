/*
 * form: the hand-filled registration form's field elements, laid out on a
 * grid (templates/kaikuprint.rng documents the elements):
 *   <form>        a group of fields sharing label-width, box size and row gap
 *   <field>       label + a row of character boxes (boxes="N"), or a prefilled
 *                 <value>, or a write-in line
 *   <date-field>  label + dd.mm.yyyy boxes
 *   <choice>      label + <option> tick boxes (split="|" turns one option's
 *                 text, e.g. from the config, into several)
 *   <field-table> one row per record (card), one <column> per field
 * Every field declares its meaning in kind="..."; privacy.c refuses the
 * kinds a registration form must never ask for.
 */
#ifndef KP_FORM_H
#define KP_FORM_H

#include "doc.h"

struct layout;

/* 1 when text inside a node of KIND is its label (expanded into a DOC_PARA). */
int form_kind_has_label(enum doc_kind kind);
/* Lay out a DOC_FORM* block at the current position. */
void form_layout(struct layout *lo, const struct doc_node *n);

#endif
