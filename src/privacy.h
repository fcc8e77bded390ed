/*
 * privacy: the registration form guard. A registration template (document
 * name starting with "registration") must never ask for the holder's name,
 * personal identity code (henkilötunnus), date of birth, address or phone
 * number (DOMAIN.md). Every form field declares its meaning in kind="...";
 * the guard refuses the forbidden kinds and, as a second net, field labels
 * written in the template that name such data in fi, sv or en.
 *
 * It reads the whole template, every language and every <if> branch, so a
 * forbidden field cannot hide in a branch the current region does not take.
 * A label="..." attribute (<blank>) is checked like label text.
 *
 * Label text is compared after normalising (privacy_text.c): soft hyphens,
 * zero-width and other format characters removed, letters lower-cased (a
 * decomposed ä, ö, ü or å composed),
 * {variable} references, braces, punctuation and markup (<b>, <i>) ignored;
 * every word is also compared in its Finnish base form (libvoikko's
 * analysis: "nimesi" -> "nimi") and with a Swedish or English ending taken
 * off (-arna -erna -orna -en -et -er -ar -or -es -na -n -s: "namnet",
 * "addresses"). kind="..." on a registration form must be exactly one of the
 * allowed kinds (privacy.c); a forbidden kind is named whatever its case.
 */
#ifndef KP_PRIVACY_H
#define KP_PRIVACY_H

struct template;
struct doc;

/* Report every forbidden field of T as FILE:LINE:COL, and in any template
 * every form field without kind="..."; returns how many. */
int privacy_check(const struct template *t);

/* The same for label text that variables bring into document D (a question
 * from the config); returns how many were reported. */
int privacy_check_doc(const struct doc *d);

/* S normalised for comparison: a new string, words separated by one space. */
char *privacy_normalise(const char *s);
/* The other forms of every word of NORM (base forms, stems), space-separated;
 * a new string. */
char *privacy_word_forms(const char *norm);
/* Release the Finnish analyser. */
void privacy_text_free(void);

#endif
