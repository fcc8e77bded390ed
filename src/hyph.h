/*
 * hyph: where a word may be hyphenated, by language.
 *   fi: libvoikko with the voikko-fi morphology (finds the parts of compounds
 *       such as "rekisteröinti|lomake" before the syllables);
 *   sv, en: libhyphen with the hyph_sv_SE.dic / hyph_en_US.dic patterns
 *       (Debian hyphen-sv, hyphen-en-us), found in $KAIKUPRINT_HYPHEN_DIR when
 *       it is set, else in /usr/share/hyphen or /usr/local/share/hyphen;
 *       words are matched in the file's character set (hyph_sv_SE.dic is
 *       ISO 8859-1, hyph_en_US.dic UTF-8).
 * A missing dictionary is an error (reported once): a document in that
 * language is not written.
 * Any other language is not hyphenated. Each dictionary is loaded once per
 * process, on first use. A region's exceptions (hyph_exceptions_parse),
 * passed with each word, are looked up first, for every language.
 *
 * Fragments are at least HYPH_MIN_LEFT characters before the first point and
 * HYPH_MIN_RIGHT after the last, in every language: a line never starts
 * with a two-letter rest of a word ("konsertte-ja.", "sommarsäsong-en.").
 */
#ifndef KP_HYPH_H
#define KP_HYPH_H

#include <stddef.h>

enum {
	HYPH_MIN_LEFT = 2,
	HYPH_MIN_RIGHT = 3,      /* kult-tuu-ri, never kai-ku-kort-ti */
	HYPH_MAX_WORD = 100      /* longer words (bytes) are not hyphenated */
};

/* A region's own hyphenation points. */
struct hyph_exceptions;

/* Hyphenation points of WORD (LEN bytes of UTF-8, letters only) in LANG,
 * with the region's EXCEPTIONS (NULL: none). POINTS (LEN + 1 bytes) is set
 * to 1 at each byte offset before which a hyphen may be inserted (2 at a
 * compound boundary), 0 elsewhere. Returns the number of points, or -1 when
 * the dictionary LANG needs cannot be loaded (reported once). */
int hyph_word(const char *lang, const struct hyph_exceptions *exceptions, const char *word,
	      size_t len, unsigned char *points);

/* Exceptions from LIST: comma-separated words with hyphens at their points
 * ("Kaiku-kes-kus, Esi-merk-ki-län"); NULL or "" gives none. A word equal to
 * an exception (ignoring case) takes its points; a word that begins with one
 * (an inflected form: "Louhisalissa") takes its points inside the name and
 * the dictionary's in the ending. Returns NULL with a message in ERR
 * (ERR_SIZE bytes) when an entry is malformed. */
struct hyph_exceptions *hyph_exceptions_parse(const char *list, char *err, size_t err_size);
void hyph_exceptions_free(struct hyph_exceptions *exceptions);

/* Release every dictionary. */
void hyph_free(void);

#endif
