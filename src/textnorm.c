/* textnorm: no-break spaces and quotation marks per language; see textnorm.h. */
#include "textnorm.h"
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What becomes of one byte of a run of text. */
enum act { KEEP, TO_NBSP, TO_RIGHT_QUOTE, TO_LEFT_QUOTE, TO_APOSTROPHE, DROP };

#define NBSP "\xC2\xA0"
#define LDQUO "\xE2\x80\x9C" /* “ */
#define RDQUO "\xE2\x80\x9D" /* ” */
#define LSQUO "\xE2\x80\x98" /* ‘ */
#define RSQUO "\xE2\x80\x99" /* ’ */
#define NDASH "\xE2\x80\x93"
#define MDASH "\xE2\x80\x94"
#define OPAQUE_MARK '\x01'  /* stands for a fill-in line inside a run */

/* The word lists of the rules (units, months, abbreviations before a
 * word), from the one data file that tests/typo/rules.awk reads too; one
 * array per list, made by the compiler, as they are searched at every
 * space of every text. */
struct word_list {
	const struct word {
		const char *lang; /* "fi", "sv", "en", or "all" */
		const char *text;
		size_t len;       /* of text: compared first */
	} *words;
	size_t n;
};
#define WORD(list, lang, text) list(lang, text)
#define ENTRY(lang, text) { #lang, text, sizeof(text) - 1 },
#define SKIP(lang, text)
#define UNIT ENTRY
#define MONTH SKIP
#define BEFORE SKIP
static const struct word unit_words[] = {
#include "textnorm_words.def"
};
#undef UNIT
#undef MONTH
#define UNIT SKIP
#define MONTH ENTRY
static const struct word month_words[] = {
#include "textnorm_words.def"
};
#undef MONTH
#undef BEFORE
#define MONTH SKIP
#define BEFORE ENTRY
static const struct word before_words[] = {
#include "textnorm_words.def"
};
#undef UNIT
#undef MONTH
#undef BEFORE
#undef SKIP
#undef ENTRY
#undef WORD
#define LIST(a) { a, sizeof(a) / sizeof(a[0]) }
static const struct word_list units = LIST(unit_words), months = LIST(month_words),
			      befores = LIST(before_words);
#undef LIST

struct token {
	const char *s;
	size_t len;
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is S (LEN bytes) a word of L in LANG (or in every language)? */
static int in_list(const struct word_list *l, const char *lang, const char *s, size_t len)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct word *w = &l->words[i];
		if (w->len == len && memcmp(w->text, s, len) == 0 &&
		    (strcmp(w->lang, "all") == 0 || (lang && strcmp(w->lang, lang) == 0)))
			return 1;
	}
	return 0;
}

/* T without the punctuation that may close a sentence or a clause. */
static struct token strip_end(struct token t)
{
	while (t.len > 0 && strchr(".,;:!?)\"", t.s[t.len - 1]))
		t.len--;
	while (t.len >= 3 && (memcmp(t.s + t.len - 3, RDQUO, 3) == 0 ||
			      memcmp(t.s + t.len - 3, RSQUO, 3) == 0))
		t.len -= 3;
	return t;
}

/* Digits only, with a leading '+' or '(' and a ')' allowed: "040", "+358", "(09)". */
static int is_digit_group(struct token t)
{
	size_t digits = 0;
	for (size_t i = 0; i < t.len; i++) {
		char c = t.s[i];
		if (is_digit(c))
			digits++;
		else if (!((c == '+' || c == '(') && i == 0) && !(c == ')' && i + 1 == t.len))
			return 0;
	}
	return digits > 0;
}

/* A number as a unit's value: "18", "5,50", "10–12", "16.", "1 000" ends in
 * a group like these; it starts with a digit (or a sign) and ends with one
 * (or an ordinal full stop). */
static int is_number(struct token t)
{
	size_t i = 0;
	if (t.len > 0 && (t.s[0] == '+' || t.s[0] == '-'))
		i = 1;
	if (i >= t.len || !is_digit(t.s[i]))
		return 0;
	for (; i < t.len; i++) {
		if (is_digit(t.s[i]) || strchr(",.:-/", t.s[i]))
			continue;
		if (t.len - i >= 3 && memcmp(t.s + i, NDASH, 3) == 0) {
			i += 2;
			continue;
		}
		return 0;
	}
	return is_digit(t.s[t.len - 1]) || t.s[t.len - 1] == '.';
}

static int is_month(const char *lang, struct token t)
{
	if (lang && strcmp(lang, "fi") == 0) { /* a stem and "kuu": joulukuuta */
		for (size_t i = 0; i < months.n; i++) {
			const struct word *w = &months.words[i];
			if (t.len >= w->len + 3 && memcmp(t.s, w->text, w->len) == 0 &&
			    memcmp(t.s + w->len, "kuu", 3) == 0 && strcmp(w->lang, "fi") == 0)
				return 1;
		}
		return 0;
	}
	return in_list(&months, lang, t.s, t.len);
}

static int is_unit(const char *lang, struct token t)
{
	struct token bare = strip_end(t);
	return in_list(&units, lang, t.s, t.len) || in_list(&units, lang, bare.s, bare.len);
}

/* An initial or a one-letter abbreviation before a name or a number: "K.
 * Kulttuuri", "s. 12", "p. 12" (not "16 v. lapset"). */
static int is_initial(struct token t, struct token next)
{
	unsigned char c = (unsigned char)t.s[0], first = (unsigned char)next.s[0];
	int upper = (first >= 'A' && first <= 'Z') ||
		    (first == 0xC3 && next.len > 1 && (unsigned char)next.s[1] <= 0x9E);
	if (!is_digit((char)first) && !upper)
		return 0;
	if (t.len == 2 && t.s[1] == '.')
		return (c | 32) >= 'a' && (c | 32) <= 'z';
	/* a letter of two bytes (Ä., Ö., Å.) */
	return t.len == 3 && t.s[2] == '.' && c == 0xC3;
}

/* May a line end at the space between P and N? */
static int keep_together(const char *lang, struct token p, struct token n)
{
	struct token nb = strip_end(n);
	if (p.len == 0 || n.len == 0)
		return 0;
	if (is_digit_group(p) && is_digit_group(nb))
		return 1; /* phone numbers and digit groups */
	if (is_number(p) && (is_unit(lang, n) || is_month(lang, nb)))
		return 1; /* 18 år, 5 €, 31. joulukuuta */
	if (p.s[p.len - 1] == ',' && is_number((struct token){ p.s, p.len - 1 }) &&
	    nb.len == 4 && is_digit_group(nb))
		return 1; /* December 31, 2027 */
	if (is_digit(n.s[0]) && is_month(lang, strip_end(p)))
		return 1; /* joulukuuta 2027, December 31 */
	if (is_initial(p, n) || in_list(&befores, lang, p.s, p.len))
		return 1; /* K. Kulttuuri, s. 12, puh. 040 */
	if ((n.len >= 3 && (memcmp(n.s, NDASH, 3) == 0 || memcmp(n.s, MDASH, 3) == 0)) &&
	    (is_digit(p.s[p.len - 1]) || (p.len >= 2 && p.s[p.len - 1] == '.' &&
					   is_digit(p.s[p.len - 2]))))
		return 1; /* 10.1. – 31.12. */
	return 0;
}

static int is_space_at(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	return c == ' ' || c == '\n' || /* or either byte of NBSP */
	       (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0) ||
	       (c == 0xA0 && i > 0 && (unsigned char)t[i - 1] == 0xC2);
}

/* Does a quote at I open (after a space, a bracket, a dash or the start)? */
static int opens(const char *t, size_t i)
{
	const char *openers[] = { " ", "\n", "(", "[", "/", NBSP, NDASH, MDASH, LDQUO, LSQUO };
	for (size_t k = 0; k < sizeof(openers) / sizeof(openers[0]); k++) {
		size_t n = strlen(openers[k]);
		if (i >= n && memcmp(t + i - n, openers[k], n) == 0)
			return 1;
	}
	return i == 0;
}

/* Runs decided before, by language, text and opaque bytes: a card batch
 * expands its template once a sheet and sets the same texts again and
 * again. Never a run with personal data (a holder's name), which stays out
 * of every cache; at most MEMO_MAX runs, for as long as the process runs.
 * (A table of its own: libxml2's hash compares long keys byte by byte.) */
enum { MEMO_MAX = 4096, MEMO_BUCKETS = 8192 };
struct decided {
	struct decided *next;
	uint64_t hash;
	size_t n;
	char lang[4];
	unsigned char data[]; /* the run's N bytes, its N opaque flags, its N acts */
};
static struct decided **memo;
static int memo_count;

void textnorm_free(void)
{
	for (int i = 0; memo && i < MEMO_BUCKETS; i++)
		while (memo[i]) {
			struct decided *next = memo[i]->next;
			free(memo[i]);
			memo[i] = next;
		}
	free(memo);
	memo = NULL;
	memo_count = 0;
}

int textnorm_remembers(const char *text)
{
	size_t len = strlen(text);
	for (int i = 0; memo && i < MEMO_BUCKETS; i++)
		for (const struct decided *e = memo[i]; e; e = e->next)
			if (memmem(e->data, e->n, text, len))
				return 1;
	return 0;
}

/* FNV-1a of the run's bytes and opaque flags. */
static uint64_t run_hash(const char *t, size_t n, const unsigned char *opaque)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ ((unsigned char)t[i] | (opaque[i] ? 0x100u : 0))) * 1099511628211u;
	return h;
}

static struct decided *memo_find(const char *lang, const char *t, size_t n,
				 const unsigned char *opaque, uint64_t h)
{
	for (struct decided *e = memo ? memo[h % MEMO_BUCKETS] : NULL; e; e = e->next)
		if (e->hash == h && e->n == n && strcmp(e->lang, lang) == 0 &&
		    memcmp(e->data, t, n) == 0 && memcmp(e->data + n, opaque, n) == 0)
			return e;
	return NULL;
}

static void memo_add(const char *lang, const char *t, size_t n, const unsigned char *opaque,
		     const unsigned char *act, uint64_t h)
{
	struct decided *e;
	if (memo_count == MEMO_MAX || strlen(lang) >= sizeof(e->lang))
		return;
	if (!memo)
		memo = xcalloc(MEMO_BUCKETS, sizeof(*memo));
	e = xmalloc(sizeof(*e) + 3 * n);
	e->hash = h;
	e->n = n;
	strcpy(e->lang, lang);
	memcpy(e->data, t, n);
	memcpy(e->data + n, opaque, n);
	memcpy(e->data + 2 * n, act, n);
	e->next = memo[h % MEMO_BUCKETS];
	memo[h % MEMO_BUCKETS] = e;
	memo_count++;
}

/* Decide the act for each byte of the run T (N bytes); OPAQUE bytes stay. */
static void decide(const char *lang, const char *t, size_t n, const unsigned char *opaque,
		   unsigned char *act)
{
	int en = lang && strcmp(lang, "en") == 0;
	memset(act, KEEP, n);
	for (size_t i = 0; i < n; i++) {
		if (opaque[i])
			continue;
		if (t[i] == ' ') {
			size_t ps = i, ne = i + 1;
			while (ps > 0 && !is_space_at(t, n, ps - 1))
				ps--;
			while (ne < n && !is_space_at(t, n, ne))
				ne++;
			if (keep_together(lang, (struct token){ t + ps, i - ps },
					  (struct token){ t + i + 1, ne - i - 1 }))
				act[i] = TO_NBSP;
		} else if (t[i] == '"') {
			act[i] = en && opens(t, i) ? TO_LEFT_QUOTE : TO_RIGHT_QUOTE;
		} else if (t[i] == '\'') {
			act[i] = TO_APOSTROPHE;
		} else if (!en && i + 2 < n && (memcmp(t + i, LDQUO, 3) == 0 ||
						 memcmp(t + i, LSQUO, 3) == 0)) {
			/* “ and ‘ are English: ” and ’ in Finnish and Swedish */
			act[i] = t[i + 2] == '\x9C' ? TO_RIGHT_QUOTE : TO_APOSTROPHE;
			act[i + 1] = act[i + 2] = DROP;
		}
	}
}

/* The bytes [from, to) of T rewritten as ACT says; a new string in D's arena. */
static const char *rewrite(struct doc *d, const char *t, const unsigned char *act, size_t from,
			   size_t to, size_t *len)
{
	char *out = xmalloc((to - from) * 3 + 1);
	const char *r;
	size_t o = 0;
	for (size_t i = from; i < to; i++) {
		const char *with = act[i] == TO_NBSP ? NBSP : act[i] == TO_RIGHT_QUOTE ? RDQUO
				 : act[i] == TO_LEFT_QUOTE ? LDQUO : act[i] == TO_APOSTROPHE ? RSQUO
				 : NULL;
		if (act[i] == DROP)
			continue;
		if (with) {
			memcpy(out + o, with, strlen(with));
			o += strlen(with);
		} else {
			out[o++] = t[i];
		}
	}
	*len = o;
	r = doc_strndup(d, out, o);
	free(out);
	return r;
}

/* ACT for the run T as decide gives it, from the memo when it was decided
 * before; PERSONAL: the run holds personal data (never remembered). */
static void decide_once(const char *lang, const char *t, size_t n, const unsigned char *opaque,
			unsigned char *act, int personal)
{
	const char *key_lang = lang ? lang : "";
	const struct decided *known;
	uint64_t h;
	if (personal) {
		decide(lang, t, n, opaque, act);
		return;
	}
	h = run_hash(t, n, opaque);
	if ((known = memo_find(key_lang, t, n, opaque, h)) != NULL) {
		memcpy(act, known->data + 2 * n, n);
		return;
	}
	decide(lang, t, n, opaque, act);
	memo_add(key_lang, t, n, opaque, act, h);
}

/* The inline children of BLOCK as one run: each text's bytes, a mark for a
 * fill-in line, a line feed for a forced break. */
static void normalise_run(struct doc *d, struct doc_node *block)
{
	size_t n = 0, at = 0;
	char *t;
	unsigned char *opaque, *act;
	int personal = 0;
	for (struct doc_node *c = block->first; c; c = c->next) {
		n += c->kind == DOC_TEXT ? c->len : 1;
		personal |= (c->flags & DOC_PERSONAL) != 0;
	}
	t = xmalloc(n + 1);
	opaque = xcalloc(n + 1, 1);
	act = xmalloc(n + 1);
	for (struct doc_node *c = block->first; c; c = c->next) {
		if (c->kind == DOC_TEXT) {
			memcpy(t + at, c->text, c->len);
			memset(opaque + at, (c->flags & (DOC_NOHYPH | DOC_PERSONAL)) != 0, c->len);
			at += c->len;
		} else {
			t[at] = c->kind == DOC_BREAK ? '\n' : OPAQUE_MARK;
			opaque[at++] = 1;
		}
	}
	decide_once(d->lang, t, n, opaque, act, personal);
	at = 0;
	for (struct doc_node *c = block->first; c; c = c->next) {
		size_t len = c->kind == DOC_TEXT ? c->len : 1;
		if (c->kind == DOC_TEXT && !(c->flags & (DOC_NOHYPH | DOC_PERSONAL)))
			c->text = rewrite(d, t, act, at, at + len, &c->len);
		at += len;
	}
	free(t);
	free(opaque);
	free(act);
}

static void normalise_tree(struct doc *d, struct doc_node *n)
{
	int has_inline = 0;
	for (struct doc_node *c = n->first; c; c = c->next) {
		if (doc_kind_is_inline(c->kind))
			has_inline = 1;
		else
			normalise_tree(d, c);
	}
	if (has_inline)
		normalise_run(d, n);
}

void textnorm_doc(struct doc *d)
{
	if (d && d->root)
		normalise_tree(d, d->root);
}

char *textnorm_string(const char *lang, const char *s)
{
	struct doc *d = doc_new("", lang);
	struct doc_node *p = doc_node_new(d, DOC_PARA, 0, 0);
	struct doc_node *t = doc_node_new(d, DOC_TEXT, 0, 0);
	char *out;
	t->text = doc_strdup(d, s);
	t->len = strlen(s);
	doc_node_append(p, t);
	normalise_run(d, p);
	out = xmalloc(t->len + 1);
	memcpy(out, t->text, t->len);
	out[t->len] = '\0';
	doc_free(d);
	return out;
}
