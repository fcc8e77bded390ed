/* layout: block flow, pagination and page numbers; see layout.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct font *layout_font(struct layout *lo, const char *family, int bold, int italic)
{
	const struct doc_font *df = doc_font_find(lo->doc, family);
	const char *file;
	char path[PATH_MAX];
	struct font *f;
	if (!df) { /* the template stage checked the families */
		layout_report(lo, DIAG_ERROR, lo->doc->file, 0, 0, "unknown font family \"%s\"", family);
		return NULL;
	}
	file = df->files[(bold ? 1 : 0) + (italic ? 2 : 0)];
	if (!file)
		file = df->files[0];
	snprintf(path, sizeof(path), "%s/%s", lo->opt->fonts_dir, file);
	f = font_get(path);
	if (!f)
		lo->errors++;
	return f;
}

void layout_report(struct layout *lo, enum diag_level level, const char *file, int line,
		   int col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (lo->measure) {
		lo->unreported += level >= DIAG_ERROR;
		return;
	}
	if (level >= DIAG_ERROR)
		lo->errors++;
	if (lo->trial || lo->opt->trial)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_file(level, file, line, col, "%s", msg);
}

struct page *layout_page(struct layout *lo)
{
	if (lo->measure || lo->page_index < 0)
		return NULL;
	return &lo->pages->pages[lo->page_index];
}

void layout_new_page(struct layout *lo)
{
	const struct doc_page *dp = &lo->doc->page;
	if (lo->flow && !lo->measure) { /* in <columns>: the next column first */
		column_flow_next(lo);
		return;
	}
	if (!lo->measure) {
		pages_add_page(lo->pages, dp->width, dp->height);
		lo->page_index = lo->pages->n_pages - 1;
	}
	lo->y = lo->top;
	lo->at_top = 1;
	/* a booklet spread evenly: its pages but the covers (the first, and
	 * the one the last <pagebreak> starts) are filled to the same share */
	lo->cap = LAYOUT_NO_CAP;
	if (!lo->measure && !lo->back_cover && lo->page_index > 0 && lo->doc->fit.fill < 1)
		lo->cap = lo->top + (dp->height - dp->margin_bottom - lo->top) * lo->doc->fit.fill;
}

void layout_need(struct layout *lo, double height)
{
	double bottom = lo->bottom;
	/* the share of a page spread evenly holds what it can; a block too
	 * tall for it, or one that would leave the page less than half its
	 * share full, takes the whole page as it would */
	if (lo->cap < bottom && height <= lo->cap - lo->top &&
	    lo->y - lo->top >= (lo->cap - lo->top) / 2)
		bottom = lo->cap;
	if (!lo->measure && !lo->at_top && lo->y + height > bottom + 0.01)
		layout_new_page(lo);
}

void layout_space(struct layout *lo, double height)
{
	if (!lo->at_top)
		lo->y += height;
}

struct flow_state layout_save(const struct layout *lo)
{
	struct flow_state s;
	s.x0 = lo->x0;
	s.width = lo->width;
	s.top = lo->top;
	s.bottom = lo->bottom;
	s.measure = lo->measure;
	s.flow = lo->flow;
	return s;
}

void layout_restore(struct layout *lo, const struct flow_state *saved)
{
	lo->x0 = saved->x0;
	lo->width = saved->width;
	lo->top = saved->top;
	lo->bottom = saved->bottom;
	lo->measure = saved->measure;
	lo->flow = saved->flow;
}

void layout_measure_begin(struct layout *lo, struct measuring *m, int at_top)
{
	m->saved = layout_save(lo);
	m->y0 = lo->y;
	m->at_top = lo->at_top;
	lo->measure = 1;
	lo->at_top = at_top;
}

double layout_measure_end(struct layout *lo, struct measuring *m)
{
	double h = lo->y - m->y0;
	layout_restore(lo, &m->saved);
	lo->y = m->y0;
	lo->at_top = m->at_top;
	return h;
}

double layout_measure_range(struct layout *lo, const struct doc_node *first,
			    const struct doc_node *end, int at_top)
{
	struct measuring m;
	layout_measure_begin(lo, &m, at_top);
	for (const struct doc_node *n = first; n && n != end; n = n->next)
		layout_block(lo, n);
	return layout_measure_end(lo, &m);
}

double layout_measure_blocks(struct layout *lo, const struct doc_node *first, int at_top)
{
	return layout_measure_range(lo, first, NULL, at_top);
}

struct box *layout_add_stroke(struct layout *lo, enum box_kind kind, double x, double y,
			      double w, double h, double line_width, const char *tag)
{
	struct page *pg = layout_page(lo);
	struct box *b;
	if (!pg)
		return NULL;
	b = page_add_shape(pg, kind, x, y, w, h);
	b->line_width = line_width;
	b->stroked = kind == BOX_RECT;
	b->tag = tag;
	return b;
}

/* A keep that fits a full column or page never splits: it moves on whole.
 * The full column, not the one being balanced (a balancing run that
 * shortens the columns must not split a keep to make them even). */
void keep_layout(struct layout *lo, const struct doc_node *n)
{
	double h = layout_measure_blocks(lo, n->first, 0);
	if (h <= block_column_height(lo) + 0.01) {
		layout_need(lo, h);
		if (lo->flow && !lo->measure && lo->y + h > lo->bottom + 0.01)
			lo->flow->split_keep = 1;
	}
	layout_blocks(lo, n->first);
}

/* The first page break among N and its following siblings, or NULL. */
static const struct doc_node *next_pagebreak(const struct doc_node *n)
{
	while (n && n->kind != DOC_PAGEBREAK)
		n = n->next;
	return n;
}

/* <space>: its height, tightened or opened to fit the pages (pagefit.h);
 * with fill="yes" as much more as puts the blocks after it (up to a page
 * break) at the foot of the page, when they fit there (a cover's foot). */
void space_layout(struct layout *lo, const struct doc_node *n)
{
	double h = n->a.space.height * lo->doc->fit.space;
	if (n->a.space.fill && !lo->measure && !lo->at_top) {
		double rest = layout_measure_range(lo, n->next, next_pagebreak(n->next), 0);
		if (lo->bottom - lo->y - rest > h)
			h = lo->bottom - lo->y - rest;
	}
	layout_space(lo, h);
}

static int has_pagebreak(const struct doc_node *n)
{
	if (n->kind == DOC_PAGEBREAK)
		return 1;
	for (const struct doc_node *c = n->first; c; c = c->next)
		if (has_pagebreak(c))
			return 1;
	return 0;
}

/* 1 when no <pagebreak> follows N in the document: N starts the back cover. */
static int last_pagebreak(const struct doc_node *n)
{
	for (const struct doc_node *up = n; up; up = up->parent)
		for (const struct doc_node *s = up->next; s; s = s->next)
			if (has_pagebreak(s))
				return 0;
	return 1;
}

void pagebreak_layout(struct layout *lo, const struct doc_node *n)
{
	lo->back_cover = lo->doc->fit.fill < 1 && last_pagebreak(n);
	if (!lo->at_top)
		layout_new_page(lo);
	lo->back_cover = 0;
}

typedef void block_layout_fn(struct layout *lo, const struct doc_node *n);

/* The entry of each block kind; kinds without one (list items, table rows
 * and cells, options, inline nodes) are laid out by their parent. */
static block_layout_fn *const block_layouts[DOC_KIND_COUNT] = {
	[DOC_HEADING] = heading_layout,
	[DOC_PARA] = para_layout,
	[DOC_LIST] = list_layout,
	[DOC_BLANK] = blank_layout,
	[DOC_RULE] = rule_layout,
	[DOC_SPACE] = space_layout,
	[DOC_PAGEBREAK] = pagebreak_layout,
	[DOC_KEEP] = keep_layout,
	[DOC_FORM] = form_layout,
	[DOC_FORM_FIELD] = form_layout,
	[DOC_FORM_DATE] = form_layout,
	[DOC_FORM_CHOICE] = form_layout,
	[DOC_FORM_TABLE] = form_layout,
	[DOC_TABLE] = table_layout,
	[DOC_FRAME] = frame_layout,
	[DOC_IMAGE] = image_layout,
	[DOC_COLUMNS] = columns_layout,
	[DOC_QR] = qr_layout,
	[DOC_FIT] = fit_layout,
	[DOC_CARD] = card_layout,
};

/* What each block is in the structure tree; -1: nothing of its own (its
 * content goes into the element around it; lines and frames are artifacts).
 * Lists, tables, QR codes and images add their inner elements themselves. */
static int block_role(const struct doc_node *n)
{
	switch (n->kind) {
	case DOC_HEADING:
		return n->level <= 1 ? ROLE_H1 : n->level == 2 ? ROLE_H2 : ROLE_H3;
	case DOC_PARA: /* a cell's text is its TH or TD's own */
		return n->parent && n->parent->kind == DOC_CELL ? -1 : ROLE_P;
	case DOC_FIT:
	case DOC_FORM_FIELD:
	case DOC_FORM_DATE:
	case DOC_FORM_CHOICE:
		return ROLE_P;
	case DOC_LIST:
		return ROLE_L;
	case DOC_TABLE:
	case DOC_FORM_TABLE:
		return ROLE_TABLE;
	case DOC_FORM:
	case DOC_CARD:
		return ROLE_SECT;
	default:
		return -1;
	}
}

void layout_block(struct layout *lo, const struct doc_node *n)
{
	block_layout_fn *fn = block_layouts[n->kind];
	int role = block_role(n), saved = lo->elem;
	if (!fn)
		return;
	if (role >= 0)
		saved = layout_begin_elem(lo, (enum pages_role)role);
	fn(lo, n);
	layout_end_elem(lo, saved);
}

int layout_begin_elem(struct layout *lo, enum pages_role role)
{
	int saved = lo->elem;
	if (!lo->measure && lo->elem >= 0)
		lo->elem = pages_add_elem(lo->pages, role, lo->elem);
	return saved;
}

void layout_end_elem(struct layout *lo, int saved)
{
	lo->elem = saved;
}

int layout_begin_text(struct layout *lo)
{
	enum pages_role r = lo->elem >= 0 ? lo->pages->elems[lo->elem].role : ROLE_P;
	if (r == ROLE_DOCUMENT || r == ROLE_SECT || r == ROLE_L || r == ROLE_LI ||
	    r == ROLE_TABLE || r == ROLE_TR || r == ROLE_LBODY)
		return layout_begin_elem(lo, ROLE_P);
	return lo->elem;
}

void layout_blocks(struct layout *lo, const struct doc_node *first)
{
	int outer = lo->line;
	for (const struct doc_node *n = first; n; n = n->next) {
		lo->line = n->line; /* boxes remember their block's template line */
		layout_block(lo, n);
	}
	lo->line = outer;
}

static void add_page_numbers(struct layout *lo)
{
	const struct doc_style *st = doc_style_find(lo->doc, "footer");
	const struct doc_page *dp = &lo->doc->page;
	char buf[32];
	for (int i = 0; i < lo->pages->n_pages && lo->pages->n_pages > 1; i++) {
		double w, x, y = dp->height - dp->margin_bottom / 2;
		lo->page_index = i;
		if (dp->page_numbers == DOC_FOLIOS) /* a booklet: even pages are left-hand */
			snprintf(buf, sizeof(buf), "%d", i + 1);
		else
			snprintf(buf, sizeof(buf), "%d / %d", i + 1, lo->pages->n_pages);
		w = layout_text_width(lo, st, buf);
		x = (dp->width - w) / 2;
		if (dp->page_numbers == DOC_FOLIOS)
			x = (i + 1) % 2 == 0 ? dp->margin_left : dp->width - dp->margin_right - w;
		lo->elem = -1; /* page numbers are artifacts */
		layout_text_line(lo, st, x, y, buf, "page-number");
		lo->elem = 0;
	}
}

struct pages *layout_run(const struct doc *d, const struct layout_options *opt)
{
	struct layout lo;
	memset(&lo, 0, sizeof(lo));
	lo.doc = d;
	lo.opt = opt;
	lo.pages = pages_new();
	lo.page_index = -1;
	lo.cap = LAYOUT_NO_CAP;
	lo.x0 = d->page.margin_left;
	lo.width = d->page.width - d->page.margin_left - d->page.margin_right;
	lo.top = d->page.margin_top;
	lo.bottom = d->page.height - d->page.margin_bottom;
	lo.pages->title = d->title;
	lo.pages->subject = d->subject;
	lo.pages->author = d->author;
	lo.pages->keywords = d->keywords;
	/* sheets of imposed cards are for printing, as the folded booklet is:
	 * no structure tree (their repeated parts become form XObjects) */
	lo.pages->tagged = !d->impose.enabled;
	lo.pages->lang = d->lang;
	layout_new_page(&lo);
	layout_blocks(&lo, d->root->first);
	if (lo.errors == 0 && d->page.page_numbers)
		add_page_numbers(&lo);
	if (lo.errors) {
		pages_free(lo.pages);
		return NULL;
	}
	return lo.pages;
}
