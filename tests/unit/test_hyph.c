/* Unit tests for hyph.c: hyphenation points by language, checked by hand.
 * In the expected strings '-' marks every point hyph_word gives; in the
 * compound list '=' marks a point that must be a compound boundary (2). */
#include "unit.h"
#include "hyph.h"

#include <stdio.h>
#include <string.h>

/* WORD with '-' at each point (and '=' at compound points when PARTS). */
static const char *hyphenated(const char *lang, const char *word, int parts)
{
	static char out[512];
	unsigned char points[HYPH_MAX_WORD + 1];
	size_t len = strlen(word), o = 0;
	if (hyph_word(lang, word, len, points) < 0)
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

/* 45 Finnish compounds of the Kaikukortti world, each point checked by hand
 * against the Finnish syllable rules (no one-letter fragment, no break
 * between the vowels of a syllable pair that reads badly, 2 letters minimum
 * at either end). */
static void fi_compounds(void)
{
	static const char *const expected[] = {
		"re-kis-te-röin-ti-lo-ma-ke", "kult-tuu-ri-pal-ve-lut", "hy-vin-voin-ti-alue",
		"kai-ku-kort-ti", "kor-tin-ja-ka-ja", "so-siaa-li-työn-te-ki-jä", "pää-sy-lip-pu",
		"kurs-si-paik-ka", "lii-kun-ta-koh-de", "kult-tuu-ri-koh-de", "kir-jas-to-kort-ti",
		"teat-te-ri-esi-tys", "tai-de-mu-seo", "kon-sert-ti-sa-li", "ui-ma-hal-li",
		"elo-ku-va-teat-te-ri", "yh-teys-hen-ki-lö", "syn-ty-mä-vuo-si", "pos-ti-nu-me-ro",
		"asia-kas-pal-ve-lu", "toi-min-ta-mal-li", "sai-raan-hoi-to-pii-ri",
		"kau-pun-gin-kir-jas-to", "las-ten-suo-je-lu", "per-he-kes-kus",
		"mie-len-ter-veys-pal-ve-lut", "päih-de-pal-ve-lut", "ter-veys-kes-kus",
		"vam-mais-pal-ve-lut", "nuo-ri-so-ta-lo", "kan-sa-lais-opis-to", "työ-väen-opis-to",
		"mu-siik-ki-opis-to", "tans-si-esi-tys", "sin-fo-nia-or-kes-te-ri", "ke-sä-teat-te-ri",
		"ku-va-tai-de-kou-lu", "pa-lau-te-lo-ma-ke", "tie-to-suo-ja-se-los-te",
		"kult-tuu-ri-osal-li-suus", "re-kis-te-röin-ti-lo-mak-kee-seen",
		"voi-mas-sa-olo-ai-ka", "Esi-merk-ki-län", "Kai-ku-kan-taan", "oop-pe-ra",
		NULL
	};
	check_list("fi", expected, 0);
}

/* The compound boundary is found by morphology and marked as such. */
static void fi_compound_parts(void)
{
	static const char *const expected[] = {
		"re-kis-te-röin-ti=lo-ma-ke", "kult-tuu-ri=pal-ve-lut", "hy-vin=voin-ti=alue",
		"kai-ku=kort-ti", "pää-sy=lip-pu", "kir-jas-to=kort-ti", "teat-te-ri=esi-tys",
		"las-ten=suo-je-lu", "ter-veys=kes-kus", "tie-to=suo-ja=se-los-te",
		"pa-lau-te=lo-ma-ke", "ku-va=tai-de=kou-lu", NULL
	};
	check_list("fi", expected, 1);
}

static void sv_words(void)
{
	static const char *const expected[] = {
		"väl-färds-om-rå-de", "kul-tur-tjäns-ter", "ko-or-di-na-tor", "kul-tur-kort",
		"bib-li-o-te-ket", NULL
	};
	check_list("sv", expected, 0);
}

/* Points next to a, a and o with rings and dots: the Swedish patterns are
 * ISO 8859-1 and never matched these letters in UTF-8 (men-talvårds,
 * sys-selsätt-ning-s-tjäns-ter-na before). */
static void sv_words_with_aao(void)
{
	static const char *const expected[] = {
		"men-tal-vårds", "sys-sel-sätt-nings-tjäns-ter-na", "för-må-ner-na",
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
	CHECK_STR(hyphenated("fi", "talo", 0), "ta-lo");
	CHECK_STR(hyphenated("en", "ages", 0), "ages");
	CHECK_STR(hyphenated("de", "Kulturkarte", 0), "Kulturkarte");
	CHECK_STR(hyphenated(NULL, "kaikukortti", 0), "kaikukortti");
}

static void region_exceptions(void)
{
	char err[200] = "";
	CHECK_INT(hyph_set_exceptions("Kaiku-kes-kus, Esi-merk-ki-län ,Ää-ne-kos-ki, Louhi-sali",
				      err, sizeof(err)), 0);
	CHECK_STR(hyphenated("fi", "Kaikukeskus", 0), "Kaiku-kes-kus");
	CHECK_STR(hyphenated("sv", "kaikukeskus", 0), "kaiku-kes-kus");
	CHECK_STR(hyphenated("fi", "ÄÄNEKOSKI", 0), "ÄÄ-NE-KOS-KI");
	/* an inflected form that keeps the name whole: the region's points in
	 * the name, voikko's in the ending (voikko alone: Lou-hi-sa-lis-sa) */
	CHECK_STR(hyphenated("fi", "Louhisalissa", 0), "Louhi-salis-sa");
	/* one whose stem changes (keskus -> keskukse-) is voikko's alone */
	CHECK_STR(hyphenated("fi", "Kaikukeskuksessa", 0), "Kai-ku-kes-kuk-ses-sa");
	CHECK_INT(hyph_set_exceptions("Kaiku-kes-kus, two words", err, sizeof(err)), -1);
	CHECK(strstr(err, "\"two words\"") != NULL);
	CHECK_INT(hyph_set_exceptions("-alku", err, sizeof(err)), -1);
	CHECK_INT(hyph_set_exceptions(NULL, err, sizeof(err)), 0);
	CHECK_STR(hyphenated("fi", "Kaikukeskus", 0), "Kai-ku-kes-kus");
}

const struct unit_test unit_tests[] = {
	UNIT(fi_compounds),
	UNIT(fi_compound_parts),
	UNIT(sv_words),
	UNIT(sv_words_with_aao),
	UNIT(en_words),
	UNIT(short_words_and_unknown_languages),
	UNIT(region_exceptions),
	{ NULL, NULL }
};
