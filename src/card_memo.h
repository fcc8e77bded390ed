/*
 * card_memo: a card that every card of a batch repeats (the back: how the
 * card is used) laid out once and its boxes copied for the others. A card
 * is remembered by its content (the kinds, styles, flags, texts and their
 * languages), so the same back in the next sheet's document is found again.
 * Only cards of plain text blocks (paragraphs, headings, lists) are
 * remembered, never one with a holder's name or anything laid out from
 * data (a <fit>, an image, a QR code), and never one whose layout reported
 * an error. The memo belongs to the batch (render_cards.c) and must outlive
 * the PDF written from its pages: the copies share its strings and glyphs.
 */
#ifndef KP_CARD_MEMO_H
#define KP_CARD_MEMO_H

#include "doc.h"
#include "pages.h"

struct card_memo;

struct card_memo *card_memo_new(void);
void card_memo_free(struct card_memo *m);

/* The key of CARD (a DOC_CARD node), newly allocated, *LEN bytes long; NULL
 * when the card may not be remembered. */
char *card_memo_key(const struct doc_node *card, size_t *len);
/* Add the card of KEY (taken over) laid out as the boxes from FIRST on of
 * PG, ending at END_Y; a full memo just frees KEY. */
void card_memo_add(struct card_memo *m, char *key, size_t len, const struct page *pg, int first,
		   double end_y);
/* Copy the remembered card of KEY onto PG and return 1 with its end in
 * *END_Y; 0 when there is none. */
int card_memo_place(const struct card_memo *m, const char *key, size_t len, struct page *pg,
		    double *end_y);

#endif
