/* privacy_text: label text made comparable with the privacy guard's word
 * lists (privacy.c); see privacy.h for the rules. */
#include "privacy.h"
#include "diag.h"
#include "utf8.h"

#include <libvoikko/voikko.h>

#include <stdlib.h>
#include <string.h>

/* Characters that change nothing a reader sees, but would split a word for
 * a byte comparison: soft hyphen, zero-width and joiner characters,
 * direction marks and embeddings, word joiner and invisible operators,
 * the byte-order mark, the combining grapheme joiner. */
static int is_format_char(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
	       cp == 0xFEFF;
}

/* Lower case for the letters of fi, sv and en: ASCII, Latin-1 (Å Ä Ö É Ü ...),
 * Š and Ž. */
static uint32_t fold_case(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
		return cp + 0x20;
	if (cp == 0x160 || cp == 0x17D)
		return cp + 1;
	return cp;
}

static int is_letter_cp(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF));
}

/* A {variable} reference: its name is not label text. */
static size_t variable_length(const char *s)
{
	size_t i = 1;
	if (s[0] != '{' || s[1] == '{')
		return 0;
	while (s[i] && s[i] != '}' && (s[i] == '.' || s[i] == '_' || s[i] == '-' ||
				       (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	return s[i] == '}' && i > 1 ? i + 1 : 0;
}

char *privacy_normalise(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 2), *o = out;
	int space = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = variable_length(s + i);
		if (k) {
			i += k;
			cp = ' ';
		} else {
			k = utf8_decode(s + i, n - i, &cp);
			if (k == 0) {
				k = 1;
				cp = ' ';
			}
			i += k;
			if (is_format_char(cp))
				continue;
			if (!is_letter_cp(cp))
				cp = ' ';
		}
		if (cp == ' ') {
			if (!space)
				*o++ = ' ';
			space = 1;
			continue;
		}
		cp = fold_case(cp);
		if ((cp == 0x308 || cp == 0x30A) && o > out && strchr("aou", o[-1])) {
			/* a decomposed ä, ö, ü or å (letter + combining mark) */
			uint32_t base = (unsigned char)o[-1];
			o--;
			cp = cp == 0x30A ? (base == 'a' ? 0xE5 : base) :
			     base == 'a' ? 0xE4 : base == 'o' ? 0xF6 : 0xFC;
		}
		o += utf8_encode(cp, o);
		space = 0;
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

/* ---- word forms ---- */

static struct VoikkoHandle *voikko;
static int voikko_tried;

static struct VoikkoHandle *finnish(void)
{
	const char *error = NULL;
	if (!voikko_tried) {
		voikko_tried = 1;
		voikko = voikkoInit(&error, "fi", NULL);
	}
	return voikko;
}

void privacy_text_free(void)
{
	if (voikko)
		voikkoTerminate(voikko);
	voikko = NULL;
	voikko_tried = 0;
}

/* Swedish and English endings taken off a word to find its stem, longest
 * first: plural and definite forms (adresserna, namnet, telefonen) and
 * English plurals (names, addresses). */
static const char *const endings[] = { "arna", "erna", "orna", "en", "et", "er", "ar",
				       "or", "es", "na", "n", "s", NULL };

struct growing {
	char *s;
	size_t n, cap;
};

static void add(struct growing *g, const char *word, size_t len)
{
	if (g->n + len + 2 > g->cap) {
		g->cap = (g->n + len + 2) * 2;
		g->s = xrealloc(g->s, g->cap);
	}
	if (g->n)
		g->s[g->n++] = ' ';
	memcpy(g->s + g->n, word, len);
	g->n += len;
	g->s[g->n] = '\0';
}

/* WORD's forms: Finnish base forms (libvoikko's analysis: "nimesi" ->
 * "nimi", "osoitteesi" -> "osoite") and Swedish/English stems. */
static void add_forms(struct growing *g, const char *word, size_t len)
{
	char *copy = xstrndup(word, len);
	struct VoikkoHandle *v = len < 100 ? finnish() : NULL;
	struct voikko_mor_analysis **list = v ? voikkoAnalyzeWordCstr(v, copy) : NULL;
	for (int a = 0; list && list[a]; a++) {
		char *base = voikko_mor_analysis_value_cstr(list[a], "BASEFORM");
		if (base) {
			char *folded = privacy_normalise(base);
			add(g, folded, strlen(folded));
			free(folded);
			voikko_free_mor_analysis_value_cstr(base);
		}
	}
	if (list)
		voikko_free_mor_analysis(list);
	for (int e = 0; endings[e]; e++) {
		size_t k = strlen(endings[e]);
		if (len >= k + 3 && memcmp(word + len - k, endings[e], k) == 0)
			add(g, word, len - k);
	}
	free(copy);
}

char *privacy_word_forms(const char *norm)
{
	struct growing g = { NULL, 0, 0 };
	add(&g, "", 0);
	g.n = 0;
	for (const char *p = norm; *p;) {
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		add_forms(&g, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
	return g.s;
}
