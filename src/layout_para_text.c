/*
 * layout_para_text: one text node -> boxes, glue and penalties; see layout_internal.h.
 *
 * A space is stretchable glue; a no-break space U+00A0 is the same glue with
 * no break allowed. Inside a word a line may end:
 *   - after a hyphen written in the text (no second hyphen is drawn); a
 *     suspended hyphen ("kulttuuri- ja") ends a line as a hyphen does;
 *   - at a soft hyphen U+00AD (a hyphen is drawn; the word gets no other points);
 *   - at a hyphenation point of the document's language (hyph.h), unless the
 *     word has a digit or is an acronym;
 *   - in a URL, after a '/' of its path or before '?' or '&', and in an
 *     e-mail address before '@', only when the address cannot fit a
 *     line (an emergency break, no hyphen drawn); never hyphenated.
 * A no-break hyphen U+2011 is drawn as Noto Sans's own glyph and never breaks.
 */
#include "layout_internal.h"
#include "diag.h"
#include "hyph.h"
#include "utf8.h"

#include <string.h>

#define MIN_BEFORE_HYPHEN 4

/* Kind of break before a byte of a word. */
enum word_break { WB_NONE, WB_EXPLICIT, WB_SYLLABLE, WB_COMPOUND, WB_SOFT, WB_URL };

struct word {
	const char *s;
	size_t len;
	int soft;                /* has soft hyphens: its parts are drawn apart */
	unsigned char brk[HYPH_MAX_WORD * 4 + 1]; /* enum word_break before each byte */
};

static void report_glyph(struct layout *lo, const struct doc_node *n, uint32_t cp,
			 const struct font *f)
{
	const char *file = strrchr(font_path(f), '/');
	if (n->origin)
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "the font %s has no glyph for U+%04X (in the value of %s)",
			      file ? file + 1 : font_path(f), (unsigned)cp, n->origin);
	else
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "the font %s has no glyph for U+%04X", file ? file + 1 : font_path(f),
			      (unsigned)cp);
}

static uint32_t decode_at(const char *s, size_t len, size_t i, size_t *k)
{
	uint32_t cp;
	*k = utf8_decode(s + i, len - i, &cp);
	if (*k == 0) {
		*k = 1;
		cp = 0xFFFD;
	}
	return cp;
}

static int is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static int is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static int has(const char *s, size_t len, const char *what)
{
	return memmem(s, len, what, strlen(what)) != NULL;
}

/* URL breaks: after a '/' of the path (not inside or right after "//"),
 * before '?' and '&'. An e-mail address: before '@'. */
static void url_breaks(struct word *w, int is_email)
{
	for (size_t i = 1; i + 1 < w->len; i++) {
		char c = w->s[i], before = w->s[i - 1];
		int after_slash = before == '/' && c != '/' && !(i >= 2 && w->s[i - 2] == '/');
		if (is_email ? c == '@' : after_slash || c == '?' || c == '&')
			w->brk[i] = WB_URL;
	}
}

/* Hyphenation points of the letter run [from, to) of W; -1 when the dictionary
 * failed. A run BEFORE_HYPHEN ("kulttuuri-") keeps at least
 * MIN_BEFORE_HYPHEN letters after its last point: "mielen-terveys-", never
 * "kulttuu-ri-". */
static int hyphenate_run(struct word *w, size_t from, size_t to, const struct para_items *p,
			 int before_hyphen)
{
	unsigned char points[HYPH_MAX_WORD + 1];
	int uppers = 0;
	size_t k;
	if (to - from > HYPH_MAX_WORD)
		return 0;
	for (size_t i = from; i < to; i += k)
		uppers += is_upper(decode_at(w->s, w->len, i, &k));
	if (uppers > 1)
		return 0; /* an acronym or a name in capitals */
	if (hyph_word(p->lang, p->exceptions, w->s + from, to - from, points) < 0)
		return -1;
	for (size_t i = 1; i < to - from; i++) {
		if (!points[i] ||
		    (before_hyphen && utf8_length(w->s + from + i, to - from - i) < MIN_BEFORE_HYPHEN))
			continue;
		w->brk[from + i] = points[i] == 2 ? WB_COMPOUND : WB_SYLLABLE;
	}
	return 0;
}

/* Explicit hyphens, soft hyphens and dictionary points of an ordinary word. */
static int word_breaks(struct word *w, const struct para_items *p, int hyphenate)
{
	size_t run = 0, k = 1;
	int soft = has(w->s, w->len, "\xC2\xAD"), digits = 0, rc = 0;
	for (size_t i = 0; i < w->len; i++)
		digits |= w->s[i] >= '0' && w->s[i] <= '9';
	for (size_t i = 0; i <= w->len; i += k) {
		uint32_t cp = 0;
		k = 1;
		if (i < w->len)
			cp = decode_at(w->s, w->len, i, &k);
		if (is_letter(cp))
			continue;
		if (hyphenate && !soft && !digits && i > run && rc == 0)
			rc = hyphenate_run(w, run, i, p, cp == '-' || cp == 0x2010);
		run = i + k;
		if (cp == 0xAD)
			w->brk[i] = WB_SOFT;
		else if ((cp == '-' || cp == 0x2010) && i > 0 && i + k < w->len) {
			size_t k2;
			if (is_letter(decode_at(w->s, w->len, i + k, &k2)))
				w->brk[i + k] = WB_EXPLICIT;
		}
	}
	return rc;
}

/* Personal data (a holder's name) never enters the word-width cache. */
static double piece_width(const struct piece *pc, const char *s, size_t len)
{
	return pc->personal ? font_text_width_private(pc->font, s, len, pc->size)
			    : font_text_width(pc->font, s, len, pc->size);
}

static void push_fragment(struct para_items *p, const struct piece *pc, const struct word *w,
			  size_t from, size_t to)
{
	double width, chars;
	int i;
	if (to <= from)
		return;
	/* parts of a word drawn as one run are measured from the word's start,
	 * so the kerning between them is kept; the parts of a word with soft
	 * hyphens are drawn apart and measured alone (HarfBuzz gives U+00AD a
	 * width at the end of a string but not inside one) */
	if (w->soft)
		width = piece_width(pc, w->s + from, to - from);
	else
		width = piece_width(pc, w->s, to) - piece_width(pc, w->s, from);
	i = para_push(p, LB_BOX, width);
	chars = (double)utf8_length(w->s + from, to - from);
	p->items[i].stretch = chars * TRACK_STRETCH_EM * pc->size + width * EXPAND_MAX;
	p->items[i].shrink = chars * TRACK_SHRINK_EM * pc->size + width * EXPAND_MAX;
	p->pieces[i] = *pc;
	p->pieces[i].text = w->s + from;
	p->pieces[i].len = to - from;
}

static void push_break(struct para_items *p, const struct piece *pc, enum word_break b)
{
	double hyphen = font_text_width(pc->font, "-", 1, pc->size);
	int i;
	switch (b) {
	case WB_EXPLICIT:
		para_push_penalty(p, PENALTY_EXPLICIT, 0, 1, NULL);
		break;
	case WB_SOFT:
		para_push_penalty(p, PENALTY_SOFT, hyphen, 1, "-");
		break;
	case WB_COMPOUND:
	case WB_SYLLABLE:
		para_push_penalty(p, b == WB_COMPOUND ? PENALTY_COMPOUND : PENALTY_SYLLABLE, hyphen,
				  1, "-");
		break;
	case WB_URL:
		para_push_penalty(p, PENALTY_URL, 0, 0, NULL);
		i = p->n - 1;
		p->items[i].emergency = 1;
		break;
	default:
		break;
	}
	/* a syllable break gives way to a compound boundary or a written
	 * hyphen of the same word when that fits (linebreak.h) */
	if (b != WB_URL) {
		p->items[p->n - 1].word = p->words;
		p->items[p->n - 1].compound = b == WB_COMPOUND || b == WB_EXPLICIT;
	}
	if (p->pieces[p->n - 1].text) {
		/* the hyphen is drawn in the word's font */
		struct piece *hp = &p->pieces[p->n - 1];
		const char *text = hp->text;
		*hp = *pc;
		hp->text = text;
		hp->len = strlen(text);
	}
}

/* Emit W as fragments between its breaks; soft hyphens are not drawn. */
static void push_word(struct para_items *p, const struct piece *pc, struct word *w)
{
	size_t from = 0;
	p->words++;
	for (size_t i = 1; i < w->len; i++) {
		if (w->brk[i] == WB_NONE)
			continue;
		push_fragment(p, pc, w, from, i);
		push_break(p, pc, (enum word_break)w->brk[i]);
		from = w->brk[i] == WB_SOFT ? i + 2 : i;
		if (w->brk[i] == WB_SOFT)
			i++;
	}
	if (w->len >= 2 && w->brk[0] == WB_SOFT)
		from = 2;
	push_fragment(p, pc, w, from, w->len);
}

static void check_glyphs(struct layout *lo, const struct doc_node *n, const struct piece *pc,
			 const char *s, size_t len)
{
	size_t k;
	for (size_t i = 0; i < len; i += k) {
		uint32_t cp = decode_at(s, len, i, &k);
		if (cp != 0xAD && !font_has_glyph(pc->font, cp))
			report_glyph(lo, n, cp, pc->font);
	}
}

/* A web address (with :// or beginning www.) or an e-mail address: the
 * text is a link. */
static int is_address(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	if (has(s, len, "://") || (len > 4 && strncmp(s, "www.", 4) == 0))
		return 1;
	return at && at > s && memchr(at, '.', len - (size_t)(at - s)) != NULL;
}

/* Is S (N bytes) at its start (AT_END: its end) a quotation mark: ASCII,
 * or one of U+2018, U+2019, U+201C, U+201D? Returns its length or 0. */
static size_t quote_at(const char *s, size_t n, int at_end)
{
	const char *q = at_end && n >= 3 ? s + n - 3 : s;
	if (n >= 3 && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
	    strchr("\x98\x99\x9C\x9D", q[2]))
		return 3;
	return n > 0 && strchr("\"'", at_end ? s[n - 1] : s[0]) ? 1 : 0;
}

/* The address without the punctuation around it in the sentence. */
static void address_bounds(const char *s, size_t len, const char **start, size_t *n)
{
	size_t q;
	while (len > 0 && (strchr("(<", *s) || (q = quote_at(s, len, 0)) > 0)) {
		q = strchr("(<", *s) ? 1 : quote_at(s, len, 0);
		s += q;
		len -= q;
	}
	while (len > 0 && (strchr(".,;:!?)>", s[len - 1]) || quote_at(s, len, 1) > 0))
		len -= strchr(".,;:!?)>", s[len - 1]) ? 1 : quote_at(s, len, 1);
	*start = s;
	*n = len;
}

static void add_word(struct layout *lo, struct para_items *p, const struct doc_node *n,
		     const struct piece *pc, const char *s, size_t len)
{
	struct word w;
	int is_url = (n->flags & DOC_NOHYPH) || has(s, len, "://") || has(s, len, "@") ||
		     (len > 4 && strncmp(s, "www.", 4) == 0);
	check_glyphs(lo, n, pc, s, len);
	w.s = s;
	w.len = len;
	w.soft = has(s, len, "\xC2\xAD");
	if (len > sizeof(w.brk) - 1) {
		push_fragment(p, pc, &w, 0, len);
		return;
	}
	memset(w.brk, WB_NONE, len + 1);
	if (is_url)
		url_breaks(&w, has(s, len, "@") && !has(s, len, "://"));
	else if (word_breaks(&w, p, p->hyphenate && !pc->personal) < 0) /* names: never */
		lo->errors++;
	if (is_address(s, len)) {
		struct piece linked = *pc;
		address_bounds(s, len, &linked.link, &linked.link_len);
		push_word(p, &linked, &w);
	} else {
		push_word(p, pc, &w);
	}
	/* "kulttuuri- ja": a line ending after a suspended hyphen ends with a
	 * hyphen too, and counts as such for hyphens in a row */
	if (!is_url && len > 1 && s[len - 1] == '-')
		para_push_penalty(p, 0, 0, 1, NULL);
}

void para_add_text(struct layout *lo, struct para_items *p, const struct doc_node *n,
		   struct piece pc)
{
	const char *s = n->text, *end = n->text + n->len;
	while (s < end) {
		const char *w = s;
		if (*s == ' ') {
			para_push_glue(p, pc.font, pc.size);
			s++;
			continue;
		}
		if (end - s >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) {
			para_push_penalty(p, PENALTY_NEVER, 0, 0, NULL);
			para_push_glue(p, pc.font, pc.size);
			s += 2;
			continue;
		}
		while (s < end && *s != ' ' && !(end - s >= 2 && memcmp(s, "\xC2\xA0", 2) == 0))
			s++;
		add_word(lo, p, n, &pc, w, (size_t)(s - w));
	}
}
