/* hyph: hyphenation points by language; see hyph.h. */
#include "hyph.h"
#include "diag.h"
#include "utf8.h"

#include <hyphen.h>
#include <libxml/hash.h>
#include <libvoikko/voikko.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A dictionary slot: loaded once, or failed once (reported, not retried). */
struct hyph_dict {
	const char *lang;
	const char *file;        /* libhyphen pattern file, NULL for voikko */
	const char *package;     /* Debian package that provides it */
	int tried;
	HyphenDict *patterns;
	struct VoikkoHandle *voikko;
};

static struct hyph_dict dicts[] = {
	{ "fi", NULL, "voikko-fi", 0, NULL, NULL },
	{ "sv", "hyph_sv_SE.dic", "hyphen-sv", 0, NULL, NULL },
	{ "en", "hyph_en_US.dic", "hyphen-en-us", 0, NULL, NULL },
};

struct hyph_exception {
	char *folded;            /* the word in lower case, without hyphens */
	unsigned char *points;   /* strlen(folded) + 1 */
};

struct hyph_exceptions {
	struct hyph_exception *list;
	int n;
};

/* The dictionary's points found so far, by "lang word": a paragraph is
 * measured more than once (keep rules, balancing) and words repeat, and a
 * morphological analysis costs far more than a look-up. A region's
 * exceptions are applied after the look-up. Holder names never come here. */
static xmlHashTablePtr memo;

struct memo_entry {
	int count;
	unsigned char points[];
};

static void memo_free_entry(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

static void memo_clear(void)
{
	if (memo)
		xmlHashFree(memo, memo_free_entry);
	memo = NULL;
}

/* Lower case for the letters of fi, sv, en (ASCII and Latin-1); the byte
 * length never changes, so offsets stay valid. */
static void fold_case(const char *s, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = (char)c;
		if (c >= 'A' && c <= 'Z')
			out[i] = (char)(c + 32);
		/* U+00C0..U+00DE (not U+00D7) are C3 80..C3 9E; lower is +0x20 */
		else if (c == 0xC3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
			 (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97) {
			out[i + 1] = (char)(s[i + 1] + 0x20);
			i++;
		}
	}
	out[len] = '\0';
}

static HyphenDict *load_patterns(const char *file)
{
	const char *env = getenv("KAIKUPRINT_HYPHEN_DIR");
	const char *dirs[] = { env, "/usr/share/hyphen", "/usr/local/share/hyphen" };
	size_t n_dirs = env && *env ? 1 : sizeof(dirs) / sizeof(dirs[0]);
	char path[1024];
	for (size_t i = 0; i < n_dirs; i++) {
		FILE *f;
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirs[i], file);
		f = fopen(path, "r");
		if (f) {
			fclose(f);
			return hnj_hyphen_load(path);
		}
	}
	return NULL;
}

static struct hyph_dict *dict_for(const char *lang)
{
	for (size_t i = 0; i < sizeof(dicts) / sizeof(dicts[0]); i++) {
		struct hyph_dict *d = &dicts[i];
		const char *error = NULL;
		if (!lang || strcmp(lang, d->lang) != 0)
			continue;
		if (d->tried)
			return d->patterns || d->voikko ? d : NULL;
		d->tried = 1;
		if (d->file && !(d->patterns = load_patterns(d->file)))
			diag_plain(DIAG_ERROR, "no hyphenation patterns %s for language %s in %s "
				   "(Debian package %s)", d->file, d->lang,
				   getenv("KAIKUPRINT_HYPHEN_DIR") && *getenv("KAIKUPRINT_HYPHEN_DIR")
					   ? "$KAIKUPRINT_HYPHEN_DIR"
					   : "/usr/share/hyphen or /usr/local/share/hyphen",
				   d->package);
		if (!d->file && !(d->voikko = voikkoInit(&error, "fi", NULL)))
			diag_plain(DIAG_ERROR, "cannot load the Finnish dictionary of libvoikko: %s "
				   "(Debian package %s)", error ? error : "unknown error", d->package);
		if (d->voikko)
			voikkoSetBooleanOption(d->voikko, VOIKKO_OPT_NO_UGLY_HYPHENATION, 1);
		return d->patterns || d->voikko ? d : NULL;
	}
	return NULL;
}

/* Byte offset of each character of WORD; OFFSETS has LEN + 1 room. Returns the count. */
static size_t char_offsets(const char *word, size_t len, size_t *offsets)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(word + i, len - i, &cp);
		offsets[n++] = i;
		i += k ? k : 1;
	}
	offsets[n] = len;
	return n;
}

/* Compound boundaries from voikko's morphological analysis: positions (in
 * characters) where every analysis starts a new part. */
static void compound_parts(struct VoikkoHandle *v, const char *word, size_t n_chars,
			   unsigned char *is_part)
{
	struct voikko_mor_analysis **list = voikkoAnalyzeWordCstr(v, word);
	memset(is_part, list && list[0] ? 1 : 0, n_chars + 1);
	for (int a = 0; list && list[a]; a++) {
		char *structure = voikko_mor_analysis_value_cstr(list[a], "STRUCTURE");
		unsigned char seen[HYPH_MAX_WORD + 1] = { 0 };
		size_t pos = 0;
		for (const char *s = structure; s && *s && pos <= n_chars; s++) {
			if (*s == '=')
				seen[pos] = 1;
			else
				pos++;
		}
		for (size_t i = 0; i <= n_chars; i++)
			is_part[i] &= seen[i];
		voikko_free_mor_analysis_value_cstr(structure);
	}
	voikko_free_mor_analysis(list);
}

/* Voikko's points, 2 at the start of a compound part, 1 between syllables. */
static void voikko_points(struct VoikkoHandle *v, const char *word, size_t len,
			  unsigned char *points)
{
	size_t offsets[HYPH_MAX_WORD + 1];
	unsigned char is_part[HYPH_MAX_WORD + 1];
	size_t n = char_offsets(word, len, offsets);
	char *pattern;
	int kept = 0;
	if (n < HYPH_MIN_LEFT + HYPH_MIN_RIGHT) /* enforce_minimum would drop every point */
		return;
	if (!(pattern = voikkoHyphenateCstr(v, word)))
		return;
	for (size_t i = HYPH_MIN_LEFT; i + HYPH_MIN_RIGHT <= n && pattern[i]; i++)
		kept |= pattern[i] == '-';
	/* the analysis (as costly as the hyphenation) only tells a compound's
	 * parts from syllables: not needed when no point would be kept */
	if (kept)
		compound_parts(v, word, n, is_part);
	else
		memset(is_part, 0, n + 1);
	for (size_t i = 1; i < n && pattern[i]; i++)
		if (pattern[i] == '-')
			points[offsets[i]] = is_part[i] ? 2 : 1;
	voikkoFreeCstr(pattern);
}

/* WORD (UTF-8, LEN bytes) in the 8-bit ISO 8859-1 of a pattern file such as
 * hyph_sv_SE.dic, into OUT; OFFSETS[i] is the UTF-8 offset of character i.
 * Returns the number of characters, or -1 when one has no ISO 8859-1 code. */
static int to_latin1(const char *word, size_t len, char *out, size_t *offsets)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(word + i, len - i, &cp);
		if (k == 0 || cp > 0xFF)
			return -1;
		offsets[n] = i;
		out[n++] = (char)cp;
		i += k;
	}
	offsets[n] = len;
	out[n] = '\0';
	return (int)n;
}

/* Points of a libhyphen pattern file. Its words are compared in the file's
 * own character set: UTF-8 (hyph_en_US.dic) or ISO 8859-1 (hyph_sv_SE.dic,
 * whose patterns with a, a and o with rings and dots never matched UTF-8). */
static void pattern_points(HyphenDict *dict, const char *word, size_t len,
			   unsigned char *points, int right)
{
	char folded[HYPH_MAX_WORD + 1], text[HYPH_MAX_WORD + 1];
	char marks[HYPH_MAX_WORD + 5];
	size_t offsets[HYPH_MAX_WORD + 1];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int n = (int)len;
	fold_case(word, len, folded);
	if (dict->utf8) {
		memcpy(text, folded, len + 1);
		for (size_t i = 0; i <= len; i++)
			offsets[i] = i;
	} else if ((n = to_latin1(folded, len, text, offsets)) < 0) {
		return;
	}
	if (hnj_hyphen_hyphenate3(dict, text, n, marks, NULL, &rep, &pos, &cut,
				  HYPH_MIN_LEFT, right, HYPH_MIN_LEFT, right) == 0) {
		/* an odd mark after unit i: a point before unit i + 1; replacement
		 * hyphenation (rep) changes letters, which a box cannot: skipped */
		for (int i = 0; i + 1 < n; i++)
			if ((marks[i] & 1) && !(rep && rep[i]))
				points[offsets[i + 1]] = 1;
	}
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
}

/* The longest exception that WORD equals or, inflected, begins with
 * ("Louhisalissa" begins with "Louhi-sali"); its length in *MATCHED. */
static const struct hyph_exception *find_exception(const struct hyph_exceptions *ex,
						    const char *word, size_t len, size_t *matched)
{
	char folded[HYPH_MAX_WORD + 1];
	const struct hyph_exception *best = NULL;
	*matched = 0;
	if (!ex || len > HYPH_MAX_WORD)
		return NULL;
	fold_case(word, len, folded);
	for (int i = 0; i < ex->n; i++) {
		size_t n = strlen(ex->list[i].folded);
		if (n <= len && n > *matched && memcmp(ex->list[i].folded, folded, n) == 0) {
			best = &ex->list[i];
			*matched = n;
		}
	}
	return best;
}

/* An inflected form of exception EX (MATCHED bytes): the region's points
 * inside the name, the dictionary's only in the ending. */
static void apply_exception(const struct hyph_exception *ex, size_t matched,
			    unsigned char *points)
{
	memcpy(points, ex->points, matched);
	points[matched] = 0;
}

/* Drop points that leave fewer than LEFT or RIGHT characters on a side. */
static int enforce_minimum(const char *word, size_t len, unsigned char *points, size_t left,
			   size_t right)
{
	size_t offsets[HYPH_MAX_WORD + 1];
	size_t n = char_offsets(word, len, offsets);
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char *p = &points[offsets[i]];
		if (*p && (i < left || n - i < right))
			*p = 0;
		count += *p != 0;
	}
	points[len] = 0;
	return count;
}

static int hyph_word_uncached(const char *lang, const char *word, size_t len,
			      unsigned char *points);
static int dictionary_points(const char *lang, const char *word, size_t len,
			     unsigned char *points);

int hyph_word(const char *lang, const struct hyph_exceptions *exceptions, const char *word,
	      size_t len, unsigned char *points)
{
	size_t matched;
	const struct hyph_exception *ex = find_exception(exceptions, word, len, &matched);
	int count;
	if (ex && matched == len) {
		memcpy(points, ex->points, len + 1);
		return enforce_minimum(word, len, points, HYPH_MIN_LEFT, HYPH_MIN_RIGHT);
	}
	count = dictionary_points(lang, word, len, points);
	if (count < 0 || !ex)
		return count;
	apply_exception(ex, matched, points);
	return enforce_minimum(word, len, points, HYPH_MIN_LEFT, HYPH_MIN_RIGHT);
}

/* The dictionary's points of WORD, remembered per process. */
static int dictionary_points(const char *lang, const char *word, size_t len,
			     unsigned char *points)
{
	char key[HYPH_MAX_WORD + 8];
	struct memo_entry *e;
	int count;
	if (len > HYPH_MAX_WORD || !lang || strlen(lang) > 3)
		return hyph_word_uncached(lang, word, len, points);
	snprintf(key, sizeof(key), "%s %.*s", lang, (int)len, word);
	e = memo ? xmlHashLookup(memo, (const xmlChar *)key) : NULL;
	if (e) {
		memcpy(points, e->points, len + 1);
		return e->count;
	}
	count = hyph_word_uncached(lang, word, len, points);
	if (count < 0)
		return count;
	if (!memo)
		memo = xmlHashCreate(1024);
	e = xmalloc(sizeof(*e) + len + 1);
	e->count = count;
	memcpy(e->points, points, len + 1);
	if (xmlHashAddEntry(memo, (const xmlChar *)key, e) != 0)
		free(e);
	return count;
}

static int hyph_word_uncached(const char *lang, const char *word, size_t len,
			      unsigned char *points)
{
	struct hyph_dict *d;
	char copy[HYPH_MAX_WORD + 1];
	int right;
	memset(points, 0, len + 1);
	if (len > HYPH_MAX_WORD || len < 2)
		return 0;
	d = dict_for(lang);
	if (!d)
		return lang && (strcmp(lang, "fi") == 0 || strcmp(lang, "sv") == 0 ||
				strcmp(lang, "en") == 0) ? -1 : 0;
	memcpy(copy, word, len);
	copy[len] = '\0';
	right = HYPH_MIN_RIGHT;
	if (d->voikko)
		voikko_points(d->voikko, copy, len, points);
	else
		pattern_points(d->patterns, copy, len, points, right);
	return enforce_minimum(word, len, points, HYPH_MIN_LEFT, (size_t)right);
}

void hyph_exceptions_free(struct hyph_exceptions *ex)
{
	if (!ex)
		return;
	for (int i = 0; i < ex->n; i++) {
		free(ex->list[i].folded);
		free(ex->list[i].points);
	}
	free(ex->list);
	free(ex);
}

/* Parse one entry "Kaiku-kes-kus" (LEN bytes, trimmed) into EX. */
static int parse_exception(const char *s, size_t len, struct hyph_exception *ex, char *err,
			   size_t err_size)
{
	size_t out = 0;
	ex->folded = xmalloc(len + 1);
	ex->points = xcalloc(len + 1, 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '-' && out > 0 && i + 1 < len && s[i + 1] != '-') {
			ex->points[out] = 2;
		} else if (c == '-' || c == ' ' || (c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z'))) {
			snprintf(err, err_size, "\"%.*s\" is not a word with hyphens such as "
				 "Kaiku-kes-kus", (int)len, s);
			return -1;
		} else {
			ex->folded[out++] = (char)c;
		}
	}
	if (out > HYPH_MAX_WORD || utf8_find_invalid(ex->folded, out) != (size_t)-1) {
		snprintf(err, err_size, "\"%.*s\" is too long or not UTF-8", (int)len, s);
		return -1;
	}
	fold_case(ex->folded, out, ex->folded);
	return 0;
}

struct hyph_exceptions *hyph_exceptions_parse(const char *list, char *err, size_t err_size)
{
	struct hyph_exceptions *exceptions = xcalloc(1, sizeof(*exceptions));
	const char *s = list;
	while (s && *s) {
		const char *end = strchr(s, ',');
		size_t len;
		if (!end)
			end = s + strlen(s);
		while (s < end && *s == ' ')
			s++;
		len = (size_t)(end - s);
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len > 0) {
			struct hyph_exception ex;
			if (parse_exception(s, len, &ex, err, err_size) != 0) {
				free(ex.folded);
				free(ex.points);
				hyph_exceptions_free(exceptions);
				return NULL;
			}
			exceptions->list = xrealloc(exceptions->list, (size_t)(exceptions->n + 1) *
						    sizeof(*exceptions->list));
			exceptions->list[exceptions->n++] = ex;
		}
		s = *end ? end + 1 : end;
	}
	return exceptions;
}

void hyph_free(void)
{
	for (size_t i = 0; i < sizeof(dicts) / sizeof(dicts[0]); i++) {
		if (dicts[i].patterns)
			hnj_hyphen_free(dicts[i].patterns);
		if (dicts[i].voikko)
			voikkoTerminate(dicts[i].voikko);
		dicts[i].patterns = NULL;
		dicts[i].voikko = NULL;
		dicts[i].tried = 0;
	}
	memo_clear();
}
