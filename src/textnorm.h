/*
 * textnorm: the small typographic rules of running text, applied once to
 * every text of the document tree after expansion (template text and
 * region values alike), per language.
 *
 * No-break spaces (U+00A0) replace ordinary spaces where a line must not
 * end:
 *   - between the digit groups of a phone number or a large number
 *     ("040 123 4567", "+358 40 123 4567", "1 000");
 *   - between a number and its unit or abbreviation ("18 år", "16 v.",
 *     "12 kk", "5 €", "100 %"; the words of each language in textnorm.c);
 *   - inside a date written with a month name ("31. joulukuuta 2027",
 *     "31 december 2027", "December 31, 2027");
 *   - after an initial or a one-letter abbreviation ("K. Kulttuuri",
 *     "s. 12", "p. 12") and after "puh.", "tel.", "klo", "kl.", "nro", "nr",
 *     "No." and the like;
 *   - before a dash that follows a number ("10.1. – 31.12.2027").
 * Quotation marks: a straight double quote becomes the language's own
 * (fi, sv: ”…” both ends; en: “…”), and so does a curly one of another
 * language's style (“ in fi or sv); a straight apostrophe or single quote
 * becomes ’ in every language.
 * URLs and e-mail addresses (DOC_NOHYPH) and personal data (DOC_PERSONAL)
 * are left as they are, but count as the words around a space.
 */
#ifndef KP_TEXTNORM_H
#define KP_TEXTNORM_H

#include "doc.h"

/* Apply the rules to every run of inline text in D (for D->lang). */
void textnorm_doc(struct doc *d);

/* The rules applied to one string S in LANG; returns a new string (free()). */
char *textnorm_string(const char *lang, const char *s);
/* Forget the runs remembered so far (at exit). */
void textnorm_free(void);
/* Does a run the rules remember (a card batch sets the same texts on every
 * sheet) hold TEXT? For tests: a holder's name never is. */
int textnorm_remembers(const char *text);

#endif
