/*
 * collate: alphabetical order of names for a document language.
 *
 * Finnish and Swedish put å, ä and ö (and æ, ø as their variants) after z,
 * in that order, and sort ü as y; English folds every accented letter to
 * its base letter. Comparison is case-insensitive and ignores punctuation
 * (quotes, dashes, parentheses) at first; only when two names are equal at
 * that level do punctuation and case decide, so the order is total.
 *
 * ICU would do this too, but it is a large dependency for three alphabets.
 */
#ifndef KP_COLLATE_H
#define KP_COLLATE_H

/* <0, 0, >0 like strcmp, for UTF-8 strings A and B in language LANG
 * ("fi", "sv", "en"; anything else is treated as "en"). */
int collate_compare(const char *a, const char *b, const char *lang);

#endif
