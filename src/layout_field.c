/*
 * layout_field: fixed-size blocks inside the flow.
 *   <fit>  a frame of fixed width and height holding one line of text (a name
 *          on a card, a value on a form). The text is set at its style's size
 *          and shrinks in steps (attr step, default 0.5 pt) until it fits, down
 *          to attr min-size; past that it is an error naming the template
 *          element, the data record and the millimetres missing. Nothing is
 *          ever clipped or squeezed silently.
 *   <card> blocks that must fit on exactly one page (one card of a batch);
 *          an overflow is an error naming the data record.
 */
#include "layout_internal.h"
#include "card_memo.h"
#include "diag.h"
#include "msg.h"
#include "progress.h"
#include "units.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { FIT_MAX_RUNS = 32 };

/* A piece of the frame's text in one font. */
struct fit_run {
	struct font *font;
	int bold, italic;
	const char *text;
	size_t len;
	int personal;              /* a holder's name (DOC_PERSONAL) */
	long units;                /* kerned width in 1/1000 em: measured once */
};

struct fit {
	const struct doc_node *node;
	const struct doc_style *st;
	double width, height, min_size, step;
	struct fit_run runs[FIT_MAX_RUNS];
	int n_runs;
	int blank;                 /* the value is missing: a line to write on */
	const char *origin;        /* data record of the text, or NULL */
};

/* The text does not fit even at min-size: MISSING points at SIZE. */
static void fit_error(struct layout *lo, const struct fit *f, double missing, double size)
{
	const char *name = f->node->a.fit.name;
	char what[160];
	snprintf(what, sizeof(what), "<fit%s%.60s%s>", name ? " name=\"" : "", name ? name : "",
		 name ? "\"" : "");
	if (!lo->measure)
		progress_interrupt();
	if (f->origin) { /* point at the data record; say where the frame is */
		char mm[16], pt[16];
		layout_report(lo, DIAG_ERROR, f->origin, 0, 0,
			      msg_tr("the text does not fit even at the smallest size allowed: "
				     "%s mm missing at %s pt, in %s (%s:%d)"),
			      msg_decimal(missing / MM_TO_PT, mm, sizeof(mm)),
			      msg_decimal(size, pt, sizeof(pt)), what, lo->doc->file, f->node->line);
	}
	else
		layout_report(lo, DIAG_ERROR, lo->doc->file, f->node->line, f->node->col,
			      "%s: the text does not fit even at the smallest size allowed: "
			      "%.1f mm missing at %.1f pt", what, missing / MM_TO_PT, size);
}

static int check_glyphs(struct layout *lo, const struct fit *f, const struct fit_run *r)
{
	const char *s = r->text, *end = r->text + r->len;
	while (s < end) {
		uint32_t cp;
		size_t k = utf8_decode(s, (size_t)(end - s), &cp);
		if (k == 0) { /* the data were checked: cannot happen */
			k = 1;
			continue;
		}
		if (!font_has_glyph(r->font, cp)) {
			progress_interrupt();
			layout_report(lo, DIAG_ERROR, f->origin ? f->origin : lo->doc->file,
				      f->origin ? 0 : f->node->line, f->origin ? 0 : f->node->col,
				      msg_tr("the font has no glyph for U+%04X (in a <fit> frame)"),
				      (unsigned)cp);
			return -1;
		}
		s += k;
	}
	return 0;
}

/* Collect the text of the frame's paragraph into runs, spaces at both ends trimmed. */
static int collect_runs(struct layout *lo, struct fit *f)
{
	const struct doc_node *para = f->node->first;
	for (const struct doc_node *c = para ? para->first : NULL; c; c = c->next) {
		struct fit_run *r = &f->runs[f->n_runs];
		if (c->kind == DOC_FILL) {
			f->blank = 1;
			continue;
		}
		if (c->kind == DOC_BREAK || f->n_runs == FIT_MAX_RUNS) {
			layout_report(lo, DIAG_ERROR, lo->doc->file, f->node->line, f->node->col,
				      "<fit> holds one line of at most %d pieces of text; "
				      "remove the <br/> or the extra markup", FIT_MAX_RUNS);
			return -1;
		}
		if (c->kind != DOC_TEXT)
			continue;
		if (c->origin && !f->origin)
			f->origin = c->origin;
		r->bold = f->st->bold || (c->flags & DOC_BOLD);
		r->italic = f->st->italic || (c->flags & DOC_ITALIC);
		r->font = layout_font(lo, f->st->family, r->bold, r->italic);
		if (!r->font)
			return -1;
		r->text = c->text;
		r->len = c->len;
		r->personal = (c->flags & DOC_PERSONAL) != 0;
		f->n_runs++;
	}
	while (f->n_runs > 0 && f->runs[0].len > 0 && f->runs[0].text[0] == ' ') {
		f->runs[0].text++;
		f->runs[0].len--;
	}
	while (f->n_runs > 0 && f->runs[f->n_runs - 1].len > 0 &&
	       f->runs[f->n_runs - 1].text[f->runs[f->n_runs - 1].len - 1] == ' ')
		f->runs[f->n_runs - 1].len--;
	for (int i = 0; i < f->n_runs && !lo->measure; i++) { /* measuring sets nothing */
		if (check_glyphs(lo, f, &f->runs[i]) != 0)
			return -1;
		f->runs[i].units = font_text_units(f->runs[i].font, f->runs[i].text, f->runs[i].len,
						   f->runs[i].personal);
	}
	return 0;
}

static double runs_width(const struct fit *f, double size)
{
	double w = 0;
	for (int i = 0; i < f->n_runs; i++) /* as font_text_width computes it */
		w += (double)f->runs[i].units * size / 1000.0;
	return w;
}

/* The largest size from the style's down to min-size, in steps, at which the
 * text fits; -1 after reporting when even min-size is too large. */
static double fitting_size(struct layout *lo, const struct fit *f)
{
	double size = f->st->size;
	while (runs_width(f, size) > f->width + 0.01 && size - f->step >= f->min_size - 1e-6)
		size -= f->step;
	if (runs_width(f, size) > f->width + 0.01) {
		fit_error(lo, f, runs_width(f, size) - f->width, size);
		return -1;
	}
	return size;
}

static void draw_fit(struct layout *lo, const struct fit *f, double size)
{
	const struct doc_style *st = f->st;
	/* one baseline for every size, so that shrunk names line up with others */
	double baseline = lo->y + (f->height + st->size * 0.7) / 2;
	double x = lo->x0, w = runs_width(f, size);
	if (st->align == ALIGN_CENTER)
		x += (f->width - w) / 2;
	else if (st->align == ALIGN_RIGHT)
		x += f->width - w;
	for (int i = 0; i < f->n_runs && !f->blank; i++) {
		struct doc_style rs = *st;
		char *text = xstrndup(f->runs[i].text, f->runs[i].len);
		rs.size = size;
		rs.bold = f->runs[i].bold;
		rs.italic = f->runs[i].italic;
		x += f->runs[i].personal
			? layout_personal_text_line(lo, &rs, x, baseline, text, "fit")
			: layout_text_line(lo, &rs, x, baseline, text, "fit");
		free(text);
	}
	/* the rule clears the descenders (about 0.3 em) but stays in the frame */
	if (f->blank || f->node->a.fit.rule)
		layout_add_stroke(lo, BOX_LINE, lo->x0, fmin(baseline + st->size * 0.36, lo->y + f->height),
				  f->width, 0, 0.5, "fit-rule");
	if (f->node->a.fit.border)
		layout_add_stroke(lo, BOX_RECT, lo->x0, lo->y, f->width, f->height, 0.5, "fit-frame");
}

void fit_layout(struct layout *lo, const struct doc_node *n)
{
	struct fit f;
	double size = 0;
	memset(&f, 0, sizeof(f));
	f.node = n;
	f.st = doc_node_style(lo->doc, n);
	f.width = n->a.fit.width == DOC_AUTO ? lo->width : n->a.fit.width;
	f.height = n->a.fit.height;
	f.min_size = n->a.fit.min_size;
	f.step = n->a.fit.step;
	layout_space(lo, f.st->space_before);
	if (f.width > lo->width + 0.01) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "<fit> width %.1f mm is wider than the %.1f mm text column",
			      f.width / MM_TO_PT, lo->width / MM_TO_PT);
		return;
	}
	if (collect_runs(lo, &f) != 0)
		return;
	if (!lo->measure && !f.blank && (size = fitting_size(lo, &f)) < 0)
		return;
	layout_need(lo, f.height);
	if (!lo->measure)
		draw_fit(lo, &f, size);
	lo->y += f.height + f.st->space_after;
	lo->at_top = 0;
}

/* A card a batch has laid out before (card_memo.h): its boxes copied onto
 * the current page. Returns 1 when placed; else *KEY is the card's key for
 * remembering it after layout (or NULL). */
static int place_remembered(struct layout *lo, const struct doc_node *n, char **key,
			    size_t *len)
{
	double end_y;
	*key = NULL;
	if (lo->measure || !lo->opt->cards || lo->pages->tagged || !layout_page(lo))
		return 0;
	*key = card_memo_key(n, len);
	if (!*key || !card_memo_place(lo->opt->cards, *key, *len, layout_page(lo), &end_y))
		return 0;
	free(*key);
	*key = NULL;
	lo->y = end_y;
	return 1;
}

void card_layout(struct layout *lo, const struct doc_node *n)
{
	int page, errors = lo->errors, first;
	char *key;
	size_t key_len = 0;
	if (!lo->at_top)
		layout_new_page(lo);
	page = lo->page_index;
	first = layout_page(lo) ? layout_page(lo)->n_boxes : 0;
	if (!place_remembered(lo, n, &key, &key_len))
		layout_blocks(lo, n->first);
	lo->at_top = 0; /* the next card starts a new page even after an empty one */
	if (key && lo->errors == errors && lo->page_index == page)
		card_memo_add(lo->opt->cards, key, key_len, layout_page(lo), first, lo->y);
	else
		free(key);
	if (!lo->measure)
		progress_card(n->origin);
	if (lo->measure || lo->page_index == page)
		return;
	{
		double over = (layout_measure_blocks(lo, n->first, 1) - (lo->bottom - lo->top)) / MM_TO_PT;
		char mm[16];
		progress_interrupt();
		if (n->origin)
			layout_report(lo, DIAG_ERROR, n->origin, 0, 0,
				      msg_tr("the card does not fit on one page: about %s mm too tall "
					     "(%s:%d)"),
				      msg_decimal(over > 0.1 ? over : 0.1, mm, sizeof(mm)),
				      lo->doc->file, n->line);
		else
			layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
				      "the <card> does not fit on one page: about %.1f mm too tall",
				      over > 0.1 ? over : 0.1);
	}
}
