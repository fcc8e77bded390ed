/* test_collate: Finnish, Swedish and English alphabetical order (collate.c). */
#include "unit.h"

#include "collate.h"

#include <stdlib.h>
#include <string.h>

static const char *sort_lang;

static int by_collation(const void *a, const void *b)
{
	return collate_compare(*(const char *const *)a, *(const char *const *)b, sort_lang);
}

/* Sort a shuffled copy of EXPECTED (N names) in LANG and compare the order. */
static void check_order(const char *lang, const char *const *expected, int n)
{
	const char **names = malloc((size_t)n * sizeof(*names));
	for (int i = 0; i < n; i++)
		names[i] = expected[(i * 7 + 3) % n]; /* a fixed shuffle (n not a multiple of 7) */
	sort_lang = lang;
	qsort(names, (size_t)n, sizeof(*names), by_collation);
	for (int i = 0; i < n; i++)
		CHECK_STR(names[i], expected[i]);
	free(names);
}

/* å, ä, ö come after z, in that order; case does not matter. */
static void finnish_nordic_letters_after_z(void)
{
	static const char *const names[] = {
		"Aalto-sali", "ateljee Pii", "Kulttuuritalo", "Museo", "Yö-kahvila",
		"Zoo", "Åbo bio", "Ähtärin talo", "äänitaide", "Öljymylly", "örkki",
	};
	check_order("fi", names, (int)(sizeof(names) / sizeof(names[0])));
}

static void swedish_order(void)
{
	static const char *const names[] = {
		"Arbis", "Biografen Röda Kvarn", "Musikhuset", "Zebra", "Åbolands teater",
		"Älvsbyn", "Öja kyrka", "Östra Teatern",
	};
	check_order("sv", names, (int)(sizeof(names) / sizeof(names[0])));
}

/* English folds accents: Ä with A, Ö with O. */
static void english_folds_accents(void)
{
	static const char *const names[] = {
		"Aalto Hall", "Ähtäri House", "Bio Rex", "Öljymylly", "Opera", "Zoo",
	};
	check_order("en", names, (int)(sizeof(names) / sizeof(names[0])));
}

/* Quotes, dashes, parentheses and spaces are ignored at first. */
static void punctuation_ignored(void)
{
	CHECK(collate_compare("\u201dPieni\u201d teatteri", "Pienoismalli", "fi") < 0);
	CHECK(collate_compare("(Kesä)teatteri", "Kesäteatteri Ö", "fi") < 0);
	CHECK(collate_compare("Tanssi \u2013 ja liike", "Tanssija", "fi") > 0);
	CHECK(collate_compare("Uimahalli & kuntosali", "Uimahallin kahvila", "fi") < 0);
}

static void case_insensitive_and_total(void)
{
	CHECK(collate_compare("museo", "Museo", "fi") != 0);
	CHECK(collate_compare("museo", "MUSEOT", "fi") < 0);
	CHECK(collate_compare("ÖLJY", "öljy", "sv") != 0);
	CHECK(collate_compare("Öljy", "Zoo", "fi") > 0);
	CHECK(collate_compare("Öljy", "Zoo", "en") < 0);
	CHECK_INT(collate_compare("Sama", "Sama", "fi"), 0);
}

static void digits_before_letters(void)
{
	CHECK(collate_compare("4H-talo", "Aalto", "fi") < 0);
	CHECK(collate_compare("Sali 2", "Sali 10", "fi") > 0); /* digit by digit, not numeric */
}

const struct unit_test unit_tests[] = {
	UNIT(finnish_nordic_letters_after_z),
	UNIT(swedish_order),
	UNIT(english_folds_accents),
	UNIT(punctuation_ignored),
	UNIT(case_insensitive_and_total),
	UNIT(digits_before_letters),
	{ NULL, NULL },
};
