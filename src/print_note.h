/*
 * print_note: the one-line print instruction of an imposed document ("print
 * at 100 %, two-sided, flip on the long edge"), from the template's
 * <meta><print-note>, added to every sheet after imposition, outside what is
 * cut or read: on the front of a card sheet, above the first column of
 * cards, between its crop marks; on both sides of a booklet sheet, at the
 * foot of the right half, below its folio. It belongs
 * to no card and no page.
 */
#ifndef KP_PRINT_NOTE_H
#define KP_PRINT_NOTE_H

#include "doc.h"
#include "pages.h"

#define PRINT_NOTE_SIZE 6.5  /* points; set smaller, down to PRINT_NOTE_MIN, to fit */
#define PRINT_NOTE_MIN 5.0

/* Card sheets of D (imposed per D->impose from cards of D->page's size). */
void print_note_on_cards(struct pages *sheets, const struct doc *d, const char *fonts_dir);
/* Booklet sheets of D: two pages side by side on each. */
void print_note_on_booklet(struct pages *sheets, const struct doc *d, const char *fonts_dir);

#endif
