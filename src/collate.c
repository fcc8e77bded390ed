/* collate: Finnish, Swedish and English alphabetical order; see collate.h. */
#include "collate.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Primary weights: digits 1..10, letters a..z 11..36, then å ä ö. */
enum { W_DIGIT = 1, W_A = 11, W_Z = 36, W_ARING = 37, W_AUML = 38, W_OUML = 39 };

/* Accented Latin letters (lower case) and their base letter for folding. */
static const struct {
	uint32_t cp;
	char base;
} latin_folds[] = {
	{ 0xe0, 'a' }, { 0xe1, 'a' }, { 0xe2, 'a' }, { 0xe3, 'a' }, { 0xe4, 'a' }, { 0xe5, 'a' },
	{ 0xe6, 'a' }, { 0xe7, 'c' }, { 0xe8, 'e' }, { 0xe9, 'e' }, { 0xea, 'e' }, { 0xeb, 'e' },
	{ 0xec, 'i' }, { 0xed, 'i' }, { 0xee, 'i' }, { 0xef, 'i' }, { 0xf1, 'n' }, { 0xf2, 'o' },
	{ 0xf3, 'o' }, { 0xf4, 'o' }, { 0xf5, 'o' }, { 0xf6, 'o' }, { 0xf8, 'o' }, { 0xf9, 'u' },
	{ 0xfa, 'u' }, { 0xfb, 'u' }, { 0xfc, 'u' }, { 0xfd, 'y' }, { 0xff, 'y' },
	{ 0x161, 's' }, { 0x17e, 'z' }, { 0x10d, 'c' },
};

static uint32_t lower(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	if (cp == 0x160 || cp == 0x17d || cp == 0x10c)
		return cp + 1;
	return cp;
}

/* Nordic letters with their own place after z (fi, sv). */
static int nordic_weight(uint32_t cp)
{
	switch (cp) {
	case 0xe5: return W_ARING;           /* å */
	case 0xe4: case 0xe6: return W_AUML; /* ä, æ */
	case 0xf6: case 0xf8: return W_OUML; /* ö, ø */
	case 0xfc: return W_A + ('y' - 'a'); /* ü sorts as y */
	default: return 0;
	}
}

/* Primary weight of CP, or 0 when CP is ignored at the first level. */
static int primary_weight(uint32_t cp, int nordic)
{
	cp = lower(cp);
	if (cp >= '0' && cp <= '9')
		return W_DIGIT + (int)(cp - '0');
	if (cp >= 'a' && cp <= 'z')
		return W_A + (int)(cp - 'a');
	if (nordic && nordic_weight(cp))
		return nordic_weight(cp);
	for (size_t i = 0; i < sizeof(latin_folds) / sizeof(latin_folds[0]); i++)
		if (latin_folds[i].cp == cp)
			return W_A + (latin_folds[i].base - 'a');
	if (cp < 0xc0 || (cp >= 0x2000 && cp <= 0x206f) || cp == 0xd7 || cp == 0xf7)
		return 0; /* spaces, punctuation, symbols, typographic quotes and dashes */
	return W_OUML + 1 + (int)(cp & 0xffff); /* other letters and scripts last */
}

/* The next primary weight at *S (advancing it), 0 at the end. */
static int next_weight(const char **s, int nordic)
{
	while (**s) {
		uint32_t cp;
		size_t n = utf8_decode(*s, strlen(*s), &cp);
		int w;
		*s += n ? n : 1;
		w = primary_weight(n ? cp : 0xfffd, nordic);
		if (w)
			return w;
	}
	return 0;
}

int collate_compare(const char *a, const char *b, const char *lang)
{
	int nordic = lang && (strcmp(lang, "fi") == 0 || strcmp(lang, "sv") == 0);
	const char *pa = a, *pb = b;
	for (;;) {
		int wa = next_weight(&pa, nordic), wb = next_weight(&pb, nordic);
		if (wa != wb)
			return wa < wb ? -1 : 1;
		if (wa == 0)
			break;
	}
	/* equal letters: punctuation and case decide, byte by byte */
	return strcmp(a, b);
}
