/* Unit tests for hyph.c: hyphenation points by language, checked by hand.
 * In the expected strings '-' marks every point hyph_word gives; in the
 * compound list '=' marks a point that must be a compound boundary (2). */
#include "unit.h"
#include "hyph.h"

#include <stdio.h>
#include <string.h>

/* The region's exceptions in force (region_exceptions), or NULL. */
static struct hyph_exceptions *exceptions;

/* WORD with '-' at each point (and '=' at compound points when PARTS). */
static const char *hyphenated(const char *lang, const char *word, int parts)
{
	static char out[512];
	unsigned char points[HYPH_MAX_WORD + 1];
	size_t len = strlen(word), o = 0;
	if (hyph_word(lang, exceptions, word, len, points) < 0)
		return "(dictionary failed)";
	for (size_t i = 0; i < len && o + 2 < sizeof(out); i++) {
		if (points[i])
			out[o++] = parts && points[i] == 2 ? '=' : '-';
		out[o++] = word[i];
	}
	out[o] = '\0';
	return out;
}

static void check_list(const char *lang, const char *const *expected, int parts)
{
	for (int i = 0; expected[i]; i++) {
		char word[256];
		size_t o = 0;
		for (const char *s = expected[i]; *s && o + 1 < sizeof(word); s++)
			if (*s != '-' && *s != '=')
				word[o++] = *s;
		word[o] = '\0';
		CHECK_STR(hyphenated(lang, word, parts), expected[i]);
	}
}

/* The 45 Finnish compounds of tests/typo/compounds-fi.txt (the tests run
 * from the top folder), each point checked by hand against the Finnish
 * syllable rules and the parts of the compound: every point and its kind
 * ('=' a compound boundary found by morphology, '-' a syllable break). */
static void fi_compounds(void)
{
	char line[256];
	int words = 0;
	FILE *f = fopen("tests/typo/compounds-fi.txt", "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		const char *list[2] = { line, NULL };
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		CHECK(strchr(line, '=') != NULL); /* a compound, with its boundary */
		check_list("fi", list, 1);
		words++;
	}
	if (f)
		fclose(f);
	CHECK_INT(words, 45);
}

/* Other words: names, and 3 letters at least after the last point
 * (kai-ku-kortti, never kai-ku-kort-ti). */
static void fi_words(void)
{
	static const char *const expected[] = {
		"Esi-merk-ki-län", "Kai-ku-kan-taan", "oop-pera", "kon-sert-teja", "talo",
		"kai-ku-kortti", NULL
	};
	check_list("fi", expected, 0);
}

static void sv_words(void)
{
	static const char *const expected[] = {
		"väl-färds-om-råde", "kul-tur-tjäns-ter", "ko-or-di-na-tor", "kul-tur-kort",
		"bib-li-o-te-ket", "som-mar-sä-songen", NULL
	};
	check_list("sv", expected, 0);
}

/* Points next to a, a and o with rings and dots: the Swedish patterns are
 * ISO 8859-1 and never matched these letters in UTF-8 (men-talvårds,
 * sys-selsätt-ning-s-tjäns-ter-na before). */
static void sv_words_with_aao(void)
{
	static const char *const expected[] = {
		"men-tal-vårds", "sys-sel-sätt-nings-tjäns-terna", "för-må-nerna",
		"ung-doms-går-den", "bil-jett-för-sälj-ning", "miss-bru-kar-vård", NULL
	};
	check_list("sv", expected, 0);
}

static void en_words(void)
{
	static const char *const expected[] = {
		"co-or-di-na-tor", "in-for-ma-tion", "reg-is-tra-tion", "well-be-ing", "ser-vices",
		NULL
	};
	check_list("en", expected, 0);
}

static void short_words_and_unknown_languages(void)
{
	CHECK_STR(hyphenated("fi", "ta", 0), "ta");
	CHECK_STR(hyphenated("fi", "talo", 0), "talo"); /* "lo" alone: too short */
	CHECK_STR(hyphenated("en", "ages", 0), "ages");
	CHECK_STR(hyphenated("de", "Kulturkarte", 0), "Kulturkarte");
	CHECK_STR(hyphenated(NULL, "kaikukortti", 0), "kaikukortti");
}

static void region_exceptions(void)
{
	char err[200] = "";
	exceptions = hyph_exceptions_parse("Kaiku-kes-kus, Esi-merk-ki-län ,Ää-ne-kos-ki, Louhi-sali",
					   err, sizeof(err));
	CHECK(exceptions != NULL);
	CHECK_STR(hyphenated("fi", "Kaikukeskus", 0), "Kaiku-kes-kus");
	CHECK_STR(hyphenated("sv", "kaikukeskus", 0), "kaiku-kes-kus");
	CHECK_STR(hyphenated("fi", "ÄÄNEKOSKI", 0), "ÄÄ-NE-KOSKI");
	/* an inflected form that keeps the name whole: the region's points in
	 * the name, voikko's in the ending (voikko alone: Lou-hi-sa-lissa) */
	CHECK_STR(hyphenated("fi", "Louhisalissa", 0), "Louhi-salissa");
	/* one whose stem changes (keskus -> keskukse-) is voikko's alone */
	CHECK_STR(hyphenated("fi", "Kaikukeskuksessa", 0), "Kai-ku-kes-kuk-sessa");
	/* a word the exceptions do not name is the dictionary's alone */
	CHECK_STR(hyphenated("fi", "kulttuurikeskus", 0), "kult-tuu-ri-kes-kus");
	hyph_exceptions_free(exceptions);
	exceptions = NULL;
	CHECK(hyph_exceptions_parse("Kaiku-kes-kus, two words", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "\"two words\"") != NULL);
	CHECK(hyph_exceptions_parse("-alku", err, sizeof(err)) == NULL);
	exceptions = hyph_exceptions_parse(NULL, err, sizeof(err));
	CHECK(exceptions != NULL);
	/* without them, the dictionary's points; the memo kept no exception */
	CHECK_STR(hyphenated("fi", "Kaikukeskus", 0), "Kai-ku-kes-kus");
	hyph_exceptions_free(exceptions);
	exceptions = NULL;
}

const struct unit_test unit_tests[] = {
	UNIT(fi_compounds),
	UNIT(fi_words),
	UNIT(sv_words),
	UNIT(sv_words_with_aao),
	UNIT(en_words),
	UNIT(short_words_and_unknown_languages),
	UNIT(region_exceptions),
	{ NULL, NULL }
};
