/* layout_para: from inline nodes to line-broken, positioned text; see layout_internal.h. */
#include "layout_internal.h"
#include "para_memo.h"
#include "diag.h"
#include "units.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define FILL_WIDTH (40 * MM_TO_PT) /* inline fill-in line for a missing value */
/* Ragged right: a line this many ems short of the measure has badness 100. */
#define RAGGED_STRETCH_EM 3.0
/* A justified line of one word that cannot reach the measure is judged as
 * if its shortfall were one space's stretch (about 0.1 em): as bad as a line
 * whose single space takes it all, which is how it looks. */
#define EMERGENCY_STRETCH_EM 0.1

int para_push(struct para_items *p, enum lb_kind kind, double width)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->items = xrealloc(p->items, (size_t)p->cap * sizeof(*p->items));
		p->pieces = xrealloc(p->pieces, (size_t)p->cap * sizeof(*p->pieces));
	}
	memset(&p->items[p->n], 0, sizeof(p->items[0]));
	memset(&p->pieces[p->n], 0, sizeof(p->pieces[0]));
	p->items[p->n].kind = kind;
	p->items[p->n].width = width;
	return p->n++;
}

void para_push_glue(struct para_items *p, struct font *f, double size)
{
	double w = font_text_width(f, " ", 1, size);
	int i;
	if (p->n == 0 || p->items[p->n - 1].kind == LB_GLUE)
		return;
	i = para_push(p, LB_GLUE, w);
	/* at the stretch ratio 1 the space seen between two words is just under
	 * 1.5 x (1.49 x: a line at the limit is not loose, even measured from a
	 * dump's rounded positions); the letter spacing after a word's last
	 * letter is part of it */
	p->items[i].stretch = w * 0.49 - TRACK_STRETCH_EM * size;
	p->items[i].shrink = w / 3;
}

void para_push_penalty(struct para_items *p, int penalty, double width, int flagged,
		       const char *hyphen)
{
	int i = para_push(p, LB_PENALTY, width);
	p->items[i].penalty = penalty;
	p->items[i].flagged = flagged;
	p->pieces[i].text = hyphen;
	p->pieces[i].len = hyphen ? strlen(hyphen) : 0;
}

/* The paragraph's end (and a forced break): fill the line, then break. */
static void push_end(struct para_items *p)
{
	int i;
	while (p->n > 0 && p->items[p->n - 1].kind == LB_GLUE)
		p->n--;
	i = para_push(p, LB_GLUE, 0);
	p->items[i].stretch = LB_FILL * 10;
	para_push_penalty(p, PENALTY_FORCE, 0, 0, NULL);
}

static void build_items(struct layout *lo, struct para_items *p, const struct doc_node *block,
			const struct doc_style *st)
{
	for (const struct doc_node *n = block->first; n; n = n->next) {
		struct piece pc = { 0 };
		pc.size = st->size;
		pc.color = st->color;
		pc.personal = (n->flags & DOC_PERSONAL) != 0;
		pc.lang = n->lang;
		pc.font = layout_font(lo, st->family, st->bold || (n->flags & DOC_BOLD),
				      st->italic || (n->flags & DOC_ITALIC));
		if (!pc.font)
			return;
		if (n->kind == DOC_TEXT) {
			para_add_text(lo, p, n, pc);
		} else if (n->kind == DOC_FILL) {
			int i = para_push(p, LB_BOX, FILL_WIDTH);
			p->pieces[i] = pc;
			p->pieces[i].is_fill = 1;
		} else if (n->kind == DOC_BREAK) {
			push_end(p);
		}
	}
	push_end(p);
}

/* The letter spacing and glyph scale of the words of a line filled as F. */
struct letters {
	double char_space, hscale;
};

static struct letters letters_at(const struct piece *pc, struct line_fill f)
{
	struct letters l;
	l.char_space = pc->size * (f.track >= 0 ? f.track * TRACK_STRETCH_EM
					       : f.track * TRACK_SHRINK_EM);
	l.hscale = 1 + f.expand * EXPAND_MAX;
	return l;
}

static struct box *emit_text(struct layout *lo, const struct piece *pc, const char *text,
			     size_t len, double x, double y, struct letters l)
{
	struct page *pg = layout_page(lo);
	struct font_glyph *glyphs;
	struct box *b;
	if (!pg || len == 0)
		return NULL;
	b = page_add_box(pg, BOX_TEXT);
	b->x = x;
	b->y = y;
	b->font = pc->font;
	b->size = pc->size;
	b->color = pc->color;
	b->text = pages_strndup(lo->pages, text, len);
	b->len = len;
	b->char_space = l.char_space;
	b->hscale = l.hscale;
	b->personal = pc->personal;
	b->elem = lo->elem > 0 ? lo->elem : 0;
	/* the glyphs and kerning measured here travel to the backend as they
	 * are; a text that is not a name is shaped once per process */
	b->glyphs = pc->personal ? NULL
				 : font_glyph_run_shared(pc->font, text, len, &b->n_glyphs);
	if (!b->glyphs) {
		glyphs = pages_alloc(lo->pages, utf8_length(text, len) * sizeof(*glyphs));
		b->n_glyphs = font_glyph_run(pc->font, text, len, glyphs);
		b->glyphs = glyphs;
	}
	b->line = lo->line;
	/* the width of the run just made (a name is not shaped twice) */
	b->w = (double)font_run_units(pc->font, b->glyphs, b->n_glyphs) * pc->size / 1000.0 *
		       l.hscale +
	       l.char_space * (double)utf8_length(text, len);
	b->h = pc->size;
	return b;
}

/* A word split by a hyphen added at a line break: where its first part and
 * the hyphen were drawn, and the rest as it is drawn at the start of the
 * next line (one or more runs, up to the first space). The text layer reads
 * the whole word at the rest, and nothing for the first part and the added
 * hyphen (ActualText): a line that ended in a hyphen would be joined to the
 * next by readers that undo hyphenation, a word's own hyphen too. */
struct split_word {
	int pending;
	int page, first, hyphen; /* page index; box indices of the first part, the hyphen */
	int rest_page, rest;     /* the first run of the rest */
	char *text;              /* the whole word so far */
	size_t len;
	const char *link;        /* the address the Link element LINK_ELEM is for */
	int link_elem;
	const char *lang;        /* the language the Span LANG_ELEM is in */
	int lang_elem;
};

/* Where an address leads: e-mail addresses by mailto:, www. by https:. */
static const char *link_uri(struct layout *lo, const char *text, size_t len)
{
	char *uri = xmalloc(len + 16);
	const char *r;
	if (memchr(text, '@', len) && !memmem(text, len, "://", 3))
		snprintf(uri, len + 16, "mailto:%.*s", (int)len, text);
	else if (len > 4 && strncmp(text, "www.", 4) == 0)
		snprintf(uri, len + 16, "https://%.*s", (int)len, text);
	else
		snprintf(uri, len + 16, "%.*s", (int)len, text);
	r = pages_strndup(lo->pages, uri, strlen(uri));
	free(uri);
	return r;
}

/* The Link element of the address PC is part of: one for all its runs (an
 * address broken over lines is one link). */
static int link_elem(struct layout *lo, struct split_word *carry, const struct piece *pc)
{
	int e;
	if (lo->elem < 0 || pc->personal)
		return lo->elem > 0 ? lo->elem : 0;
	if (carry->link == pc->link && carry->link_elem > 0)
		return carry->link_elem;
	e = pages_add_elem(lo->pages, ROLE_LINK, lo->elem);
	lo->pages->elems[e].uri = link_uri(lo, pc->link, pc->link_len);
	carry->link = pc->link;
	carry->link_elem = e;
	return e;
}

/* The Span in another language that the text of PC is part of: one for the
 * runs of a value that follow each other. */
static int lang_elem(struct layout *lo, struct split_word *carry, const struct piece *pc)
{
	int e;
	if (lo->elem < 0)
		return 0;
	if (carry->lang == pc->lang && carry->lang_elem > 0)
		return carry->lang_elem;
	e = pages_add_elem(lo->pages, ROLE_SPAN, lo->elem);
	lo->pages->elems[e].lang = pc->lang;
	carry->lang = pc->lang;
	carry->lang_elem = e;
	return e;
}

static void note_split(struct layout *lo, struct split_word *sp, int first, const struct box *hyphen)
{
	const struct page *pg = layout_page(lo);
	const struct box *f = first >= 0 ? &pg->boxes[first] : NULL;
	sp->pending = f && hyphen && !f->personal;
	sp->len = 0;
	sp->rest = -1;
	if (!sp->pending)
		return;
	sp->page = lo->page_index;
	sp->first = first;
	sp->hyphen = (int)(hyphen - pg->boxes);
	sp->text = xrealloc(sp->text, f->len + 1);
	memcpy(sp->text, f->text, f->len);
	sp->len = f->len;
}

static void add_rest(struct layout *lo, struct split_word *sp, struct box *rest)
{
	sp->text = xrealloc(sp->text, sp->len + rest->len + 1);
	memcpy(sp->text + sp->len, rest->text, rest->len);
	sp->len += rest->len;
	rest->actual_text = "";
	if (sp->rest < 0) {
		sp->rest_page = lo->page_index;
		sp->rest = (int)(rest - layout_page(lo)->boxes);
	}
}

/* The rest is complete: its first run stands for the whole word. */
static void join_split(struct layout *lo, struct split_word *sp)
{
	struct page *pg = &lo->pages->pages[sp->page];
	sp->pending = 0;
	if (sp->rest < 0)
		return;
	pg->boxes[sp->first].actual_text = "";
	pg->boxes[sp->hyphen].actual_text = "";
	lo->pages->pages[sp->rest_page].boxes[sp->rest].actual_text =
		pages_strndup(lo->pages, sp->text, sp->len);
}

/* Emit the word starting at box I (the parts of a word split at hyphenation
 * points not taken are one text run); returns the item after it. */
static int emit_word(struct layout *lo, const struct para_items *p, int i, int to, double *x,
		     double y, struct line_fill fill, struct box **drawn, struct split_word *carry)
{
	struct letters l = letters_at(&p->pieces[i], fill);
	const struct piece *pc = &p->pieces[i];
	size_t len = pc->len;
	int j = i + 1;
	for (;;) {
		int k = j < to && p->items[j].kind == LB_PENALTY ? j + 1 : j;
		if (k > to || p->items[k].kind != LB_BOX || p->pieces[k].is_fill ||
		    p->pieces[k].font != pc->font || p->pieces[k].size != pc->size ||
		    p->pieces[k].text != pc->text + len)
			break;
		len += p->pieces[k].len;
		j = k + 1;
	}
	*drawn = emit_text(lo, pc, pc->text, len, *x, y, l);
	if (*drawn && pc->link)
		(*drawn)->elem = link_elem(lo, carry, pc);
	else if (*drawn && pc->lang)
		(*drawn)->elem = lang_elem(lo, carry, pc);
	if (!pc->lang)
		carry->lang_elem = 0; /* the next value in another language is a Span of its own */
	for (int k = i; k < j; k++)
		*x += p->items[k].kind == LB_BOX ? p->items[k].width * l.hscale : 0;
	*x += l.char_space * (double)utf8_length(pc->text, len);
	return j;
}

/* Draw items [from, to] as one line filled as FILL says. A word followed
 * by a space on the line says so (the PDF writes a real space); SP carries a
 * word split at a line break to the next line. */
static void emit_line(struct layout *lo, const struct para_items *p, int from, int to,
		      double x, double y, struct line_fill fill, struct split_word *sp)
{
	int word = -1; /* the last word drawn on the page, while nothing else follows it */
	int i = from;
	while (i <= to) {
		const struct lb_item *it = &p->items[i];
		const struct piece *pc = &p->pieces[i];
		if (it->kind != LB_BOX && it->kind != LB_PENALTY && sp->pending)
			join_split(lo, sp);
		if (it->kind == LB_GLUE) {
			x += it->width + (fill.glue >= 0 ? fill.glue * it->stretch
							 : fill.glue * it->shrink);
			/* a line broken at a space ends with one too: text reflowed
			 * or read aloud keeps the words apart */
			if (word >= 0)
				layout_page(lo)->boxes[word].space_after = 1;
			word = -1;
			i++;
		} else if (it->kind == LB_PENALTY) {
			/* the hyphen at a line end is neither spaced nor expanded:
			 * the line's stretch was measured without it */
			if (i == to && pc->text) {
				struct box *h = emit_text(lo, pc, pc->text, pc->len, x, y,
							  letters_at(pc, PARA_NATURAL));
				if (h)
					h->tag = "hyphen"; /* added: not in the text */
				if (sp->pending)
					join_split(lo, sp);
				note_split(lo, sp, word, h);
			}
			i++;
		} else if (pc->is_fill) {
			if (sp->pending)
				join_split(lo, sp);
			layout_add_stroke(lo, BOX_LINE, x, y + pc->size * 0.15, it->width, 0, 0.5, "fill");
			x += it->width;
			word = -1;
			i++;
		} else {
			struct box *drawn = NULL;
			i = emit_word(lo, p, i, to, &x, y, fill, &drawn, sp);
			word = drawn ? (int)(drawn - layout_page(lo)->boxes) : -1;
			if (drawn && sp->pending)
				add_rest(lo, sp, drawn);
		}
	}
	/* a word that ends the line ends at its end */
	if (sp->pending && sp->rest >= 0)
		join_split(lo, sp);
}

static int skip_discardable(const struct para_items *p, int i)
{
	while (i < p->n && p->items[i].kind != LB_BOX &&
	       !(p->items[i].kind == LB_PENALTY && p->items[i].penalty <= PENALTY_FORCE))
		i++;
	return i;
}

/* Widows and orphans: how many lines, from line K of LINES, must share a page.
 * A paragraph of up to three lines is never split (a split would leave a
 * single line at a page top or bottom); a longer one keeps its first two and
 * its last two lines together. A line that ends in a hyphen stays with the
 * next one: no page or column ends inside a word. */
static int lines_to_keep(const struct para_items *p, const int *breaks, int k, int lines)
{
	int n = 1;
	if (k == 0)
		n = lines <= 3 ? lines : 2;
	else if (k == lines - 2 && k >= 2)
		n = 2;
	for (;;) {
		int last = k + n - 1;
		const struct lb_item *end = &p->items[breaks[last]];
		if (last + 1 < lines && end->kind == LB_PENALTY && end->flagged)
			n++; /* ends in a hyphen: the next line comes too */
		else if (last == lines - 2 && lines > 3)
			n++; /* the last two lines go together anyway */
		else
			return n;
	}
}

static void warn_overfull(struct layout *lo, const struct doc_node *block, double excess)
{
	layout_report(lo, DIAG_WARNING, lo->doc->file, block->line, block->col,
		      "overfull line: %.1f pt wider than the column (a word or URL that "
		      "cannot be broken)", excess);
}

static int is_last_line(const struct para_items *p, int k, int lines, int to)
{
	return k == lines - 1 ||
	       (p->items[to].kind == LB_PENALTY && p->items[to].penalty <= PENALTY_FORCE &&
		to > 0 && p->items[to - 1].kind == LB_GLUE && p->items[to - 1].stretch >= LB_FILL);
}

/* The length of the lines: the column less the indent, at most the style's
 * measure (a line of 60-75 characters reads best). */
static double line_measure(const struct layout *lo, const struct doc_style *st, double indent)
{
	double m = lo->width - indent;
	return st->measure > 0 && st->measure < m ? st->measure : m;
}

static void place_lines(struct layout *lo, const struct para_items *p, const int *breaks,
			int lines, const struct doc_node *block, const struct doc_style *st,
			double indent, const char *marker)
{
	double measure = line_measure(lo, st, indent);
	int from = skip_discardable(p, 0);
	struct split_word sp = { 0 };
	for (int k = 0; k < lines; k++) {
		int to = breaks[k];
		struct line_size ls = para_line_size(p, from, to);
		struct line_fill fill = para_fill_line(st, measure, &ls, is_last_line(p, k, lines, to));
		double x = lo->x0 + indent, baseline, drawn;
		if (fill.glue == 0 && st->align == ALIGN_CENTER)
			x += (measure - ls.natural) / 2;
		else if (fill.glue == 0 && st->align == ALIGN_RIGHT)
			x += measure - ls.natural;
		layout_need(lo, st->leading * lines_to_keep(p, breaks, k, lines));
		baseline = lo->y + (st->leading - st->size) / 2 + st->size * 0.8;
		if (k == 0 && marker) {
			int saved = lo->elem;
			if (lo->label_elem > 0 && lo->elem >= 0)
				lo->elem = lo->label_elem;
			layout_list_marker(lo, st, lo->x0 + indent, baseline, marker);
			lo->elem = saved;
		}
		emit_line(lo, p, from, to, x, baseline, fill, &sp);
		drawn = ls.natural + (fill.glue < 0 ? fill.glue * ls.glue_shrink : 0) +
			(fill.expand < 0 ? fill.expand * ls.expand_shrink : 0) +
			(fill.track < 0 ? fill.track * ls.track_shrink : 0);
		if (drawn > measure + 0.01)
			warn_overfull(lo, block, drawn - measure);
		lo->y += st->leading;
		lo->at_top = 0;
		from = skip_discardable(p, to + 1);
	}
	free(sp.text);
}

/* Does some line of the breaks need its letters compressed (its spaces at
 * their minimum are not enough)? Such a line reads darker than the rest:
 * hyphenation is tried then, even when no line is loose. */
static int compresses_letters(const struct para_items *p, const int *breaks, int lines,
			      double measure)
{
	int from = skip_discardable(p, 0);
	for (int k = 0; k < lines; k++) {
		struct line_size ls = para_line_size(p, from, breaks[k]);
		if (ls.natural - measure > ls.glue_shrink + 0.01)
			return 1;
		from = skip_discardable(p, breaks[k] + 1);
	}
	return 0;
}

/* Headings and table headers are read at a glance: hyphenated only when
 * some line cannot fit otherwise. */
static int is_reluctant(const struct doc_node *block)
{
	const struct doc_node *cell = block->parent;
	if (block->kind == DOC_HEADING)
		return 1;
	return cell && cell->kind == DOC_CELL && cell->parent && table_is_header(cell->parent);
}

static int break_para_afresh(struct layout *lo, struct para_items *p,
			     const struct doc_node *block, const struct doc_style *st, double indent,
			     int **breaks)
{
	struct lb_params params;
	struct lb_stats stats;
	int lines, errors = lo->errors;
	params.width = line_measure(lo, st, indent);
	params.first_width = params.width;
	params.ragged = st->align != ALIGN_JUSTIFY;
	params.ragged_stretch = RAGGED_STRETCH_EM * st->size;
	params.emergency_stretch = EMERGENCY_STRETCH_EM * st->size;
	p->lang = lo->doc->lang;
	p->exceptions = lo->opt->hyph_exceptions;
	/* As TeX does with \pretolerance: first try without hyphenation; when
	 * every line is at most moderately loose (pass 1) no hyphen is needed,
	 * and the dictionary (the costly part) is not asked at all. */
	p->hyphenate = 0;
	build_items(lo, p, block, st);
	*breaks = xmalloc((size_t)(p->n + 1) * sizeof(int));
	lines = linebreak_run(p->items, p->n, &params, *breaks, p->n + 1, &stats);
	/* (after an error nothing is written: report each error once) */
	if (!st->hyphenate || lo->errors > errors ||
	    (stats.pass == 1 && !compresses_letters(p, *breaks, lines, params.width)) ||
	    (stats.overfull == 0 && is_reluctant(block)))
		return lines;
	free(*breaks);
	p->n = 0;
	p->hyphenate = 1;
	build_items(lo, p, block, st);
	*breaks = xmalloc((size_t)(p->n + 1) * sizeof(int));
	return linebreak_run(p->items, p->n, &params, *breaks, p->n + 1, NULL);
}

/* A paragraph's items and breaks, remembered while its document is laid
 * out again (para_memo.h): names never, and only what was made without
 * errors, by a drawing pass or a measuring one (which finds the same errors
 * but reports none: those it found are counted in lo->unreported). */
static int break_para(struct layout *lo, struct para_items *p, const struct doc_node *block,
		      const struct doc_style *st, double indent, int **breaks)
{
	struct para_key k;
	int lines, errors = lo->errors + lo->unreported, remember = lo->opt->paras != NULL;
	for (const struct doc_node *n = block->first; n && remember; n = n->next)
		remember = !(n->flags & DOC_PERSONAL);
	if (remember) {
		memset(&k, 0, sizeof(k));
		k.block = block;
		k.width = line_measure(lo, st, indent);
		k.indent = indent;
		k.size = st->size;
		k.family = st->family;
		k.bold = st->bold;
		k.italic = st->italic;
		k.hyphenate = st->hyphenate;
		k.align = st->align;
		k.color = st->color;
		if ((lines = para_memo_get(lo->opt->paras, &k, p, breaks)) >= 0)
			return lines;
	}
	lines = break_para_afresh(lo, p, block, st, indent, breaks);
	if (remember && lo->errors + lo->unreported == errors)
		para_memo_put(lo->opt->paras, &k, p, *breaks, lines);
	return lines;
}

void para_typeset(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		  double indent, const char *marker)
{
	struct para_items p = { 0 };
	int *breaks = NULL;
	int lines = break_para(lo, &p, block, st, indent, &breaks);
	int saved = layout_begin_text(lo);
	place_lines(lo, &p, breaks, lines, block, st, indent, marker);
	layout_end_elem(lo, saved);
	free(breaks);
	free(p.items);
	free(p.pieces);
}

double para_height(struct layout *lo, const struct doc_node *block, const struct doc_style *st,
		   double indent)
{
	struct para_items p = { 0 };
	int *breaks = NULL;
	int lines = break_para(lo, &p, block, st, indent, &breaks);
	free(breaks);
	free(p.items);
	free(p.pieces);
	return lines * st->leading;
}

double layout_text_width(struct layout *lo, const struct doc_style *st, const char *text)
{
	struct font *f = layout_font(lo, st->family, st->bold, st->italic);
	return f ? font_text_width(f, text, strlen(text), st->size) : 0;
}

static double text_line(struct layout *lo, const struct doc_style *st, double x, double y,
			const char *text, const char *tag, int personal)
{
	struct piece pc = { 0 };
	struct page *pg = layout_page(lo);
	struct box *b;
	double w;
	int saved;
	pc.font = layout_font(lo, st->family, st->bold, st->italic);
	pc.size = st->size;
	pc.color = st->color;
	pc.personal = personal;
	if (!pc.font)
		return 0;
	saved = layout_begin_text(lo);
	b = emit_text(lo, &pc, text, strlen(text), x, y, letters_at(&pc, PARA_NATURAL));
	if (b) { /* a label, an option, a list marker: apart from what follows */
		b->space_after = 1;
		/* the width from the run just made: a name is not shaped again */
		w = (double)font_run_units(pc.font, b->glyphs, b->n_glyphs) * st->size / 1000.0;
	} else {
		w = personal ? font_text_width_private(pc.font, text, strlen(text), st->size)
			     : font_text_width(pc.font, text, strlen(text), st->size);
	}
	layout_end_elem(lo, saved);
	if (pg && pg->n_boxes > 0 && tag)
		pg->boxes[pg->n_boxes - 1].tag = tag;
	return w;
}

double layout_text_line(struct layout *lo, const struct doc_style *st, double x, double y,
			const char *text, const char *tag)
{
	return text_line(lo, st, x, y, text, tag, 0);
}

double layout_personal_text_line(struct layout *lo, const struct doc_style *st, double x,
				 double y, const char *text, const char *tag)
{
	return text_line(lo, st, x, y, text, tag, 1);
}
