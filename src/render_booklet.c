/* render_booklet: the folded-booklet variant of a document that has a
 * <booklet> element (the leaflet): expanded with {format.booklet} set, laid
 * out on the booklet page with at most its columns, imposed two pages per
 * sheet side (booklet.c) and written next to the normal output. With a back
 * cover, blank pages go just before it; a whole blank spread is avoided by
 * letting the text run on to the back cover when that saves a sheet. Output:
 * out/leaflet-fi.pdf -> out/leaflet-booklet-fi.pdf, x.pdf -> x-booklet.pdf,
 * layout.dump -> layout-booklet.dump. Standard output gets no booklet. */
#include "render.h"
#include "booklet.h"
#include "contrast.h"
#include "print_note.h"
#include "diag.h"
#include "dump.h"
#include "pagefit.h"
#include "layout.h"
#include "pdf.h"
#include "press.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

void render_variant_path(const char *path, const char *lang, const char *variant, char *buf,
			 size_t size)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	char suffix[8];
	size_t stem, k;
	if (!dot || (slash && dot < slash))
		dot = path + strlen(path);
	stem = (size_t)(dot - path);
	snprintf(suffix, sizeof(suffix), "-%s", lang);
	k = strlen(suffix);
	if (stem >= k && strncmp(dot - k, suffix, k) == 0)
		stem -= k;
	snprintf(buf, size, "%.*s-%s%s", (int)stem, path, variant, path + stem);
}

/* The smallest landscape paper that holds two pages side by side: A4 for A5
 * pages, A5 for A6; 0 x 0 (exactly two pages) when none does. */
static void sheet_size(const struct doc_page *page, double *w, double *h)
{
	static const char *const papers[] = { "A5", "A4", "A3" };
	*w = *h = 0;
	for (size_t i = 0; i < sizeof(papers) / sizeof(papers[0]); i++) {
		double pw, ph;
		units_paper_size(papers[i], &pw, &ph);
		if (pw >= page->height - 1 && ph >= 2 * page->width - 1) {
			*w = ph;
			*h = pw;
			return;
		}
	}
}

/* The last <pagebreak> of the document, the one that starts the back cover. */
static struct doc_node *last_pagebreak(struct doc_node *n)
{
	struct doc_node *found = NULL;
	for (struct doc_node *c = n->first; c; c = c->next) {
		struct doc_node *inner = c->kind == DOC_PAGEBREAK ? c : last_pagebreak(c);
		if (inner)
			found = inner;
	}
	return found;
}

static void unlink_node(struct doc_node *n)
{
	struct doc_node *prev = NULL, **at = &n->parent->first;
	while (*at != n) {
		prev = *at;
		at = &prev->next;
	}
	*at = n->next;
	if (n->parent->last == n)
		n->parent->last = prev;
}

static int sheets_for(int n_pages)
{
	return (n_pages + 3) / 4;
}

/* PAGES laid out with the back cover on a page of its own, or, when that
 * leaves two or more blank pages (a blank spread in the middle of the last
 * sheet) and letting the text run on to the back cover (the break before it
 * gives way) needs fewer sheets, the pages laid out that way. */
static struct pages *fewer_blank_pages(struct doc *d, const struct layout_options *lo,
				       struct pages *pages)
{
	struct doc_node *brk = last_pagebreak(d->root);
	struct layout_options trial = *lo;
	struct pages *flowed;
	if (!brk || !d->booklet_back_cover || sheets_for(pages->n_pages) * 4 - pages->n_pages < 2)
		return pages;
	unlink_node(brk);
	trial.trial = 1; /* the same text: its warnings are out already */
	flowed = layout_run(d, &trial);
	if (flowed && sheets_for(flowed->n_pages) < sheets_for(pages->n_pages)) {
		pages_free(pages);
		return flowed;
	}
	if (flowed)
		pages_free(flowed);
	return pages;
}

struct pages *render_booklet_pages(const struct config *cfg, const struct template *t,
				   const struct render_options *opt, struct doc **dp)
{
	struct expand_options eo = { 0 };
	struct layout_options lo;
	struct var_scope *vars;
	struct pages *pages, *sheets;
	struct press_options po;
	struct doc *d;
	double sheet_w, sheet_h;
	int press = render_press(cfg, opt);
	eo.lang = opt->lang ? opt->lang : cfg->languages[0];
	eo.large_print = opt->large_print || cfg->large_print;
	vars = config_vars(cfg, eo.lang);
	vars_add_text(vars, "format.booklet", VAR_TEXT, "yes", "the booklet variant");
	render_add_format_vars(vars, eo.large_print);
	eo.vars = vars;
	eo.repeat = 1; /* its warnings are those of the normal variant */
	eo.data_rows = 0;
	d = template_expand(t, &eo);
	vars_free(vars);
	if (!d)
		return NULL;
	if (press) { /* the slug line names the variant: leaflet-booklet */
		char name[128];
		snprintf(name, sizeof(name), "%s-booklet", d->name);
		if (press_options_init(&po, cfg, d, doc_strdup(d, name), opt->fonts_dir) != 0) {
			doc_free(d);
			return NULL;
		}
	}
	config_apply_colors(cfg, d);
	if (contrast_check(d, cfg->path, 0) != 0) { /* the cover has styles of its own */
		doc_free(d);
		return NULL;
	}
	d->page = d->booklet_page;
	d->max_columns = d->booklet_columns;
	render_layout_begin(cfg, opt, &lo);
	d->fit.pages = 0; /* <page pages> counts A4 pages; the booklet its sheets */
	d->fit.multiple = d->fit.booklet_multiple;
	pages = pagefit_layout(d, &lo);
	if (pages && contrast_check(d, cfg->path, 1) != 0) { /* the type as fitting set it */
		pages_free(pages);
		pages = NULL;
	}
	if (pages)
		pages = fewer_blank_pages(d, &lo, pages);
	render_layout_end(&lo);
	if (!pages) {
		doc_free(d);
		return NULL;
	}
	sheet_size(&d->booklet_page, &sheet_w, &sheet_h);
	if (press) /* the booklet's own pages, before they are imposed */
		press_check_safe_area(pages, d->file);
	sheets = booklet_impose(pages, sheet_w, sheet_h, d->booklet_back_cover, press);
	if (!press) /* press sheets carry the slug line instead */
		print_note_on_booklet(sheets, d, opt->fonts_dir);
	pages_free(pages);
	if (press) {
		press_frame_pages(sheets, &po, 1);
		sheets->press_condition = po.output_condition;
		if (!sheets->title)
			sheets->title = d->name;
	}
	*dp = d;
	return sheets;
}

int render_booklet(const struct config *cfg, const struct template *t,
		   const struct render_options *opt)
{
	const char *lang = opt->lang ? opt->lang : cfg->languages[0];
	char path[PATH_MAX];
	struct doc *d = NULL;
	struct pages *sheets = render_booklet_pages(cfg, t, opt, &d);
	int rc = 0;
	if (!sheets) {
		doc_free(d);
		return -1;
	}
	rc = render_check_pages(sheets, d->file);
	if (rc == 0 && opt->booklet_only) { /* --booklet: the booklet is the output itself */
		if (opt->dump_path)
			rc = dump_write(sheets, opt->dump_path);
		if (rc == 0 && opt->pdf_path)
			rc = pdf_write(sheets, opt->pdf_path);
	} else if (rc == 0) {
		if (opt->dump_path && strcmp(opt->dump_path, "-") != 0) {
			render_variant_path(opt->dump_path, lang, "booklet", path, sizeof(path));
			rc = dump_write(sheets, path);
		}
		if (rc == 0 && opt->pdf_path && strcmp(opt->pdf_path, "-") != 0) {
			render_variant_path(opt->pdf_path, lang, "booklet", path, sizeof(path));
			rc = pdf_write(sheets, path);
		}
	}
	pages_free(sheets);
	doc_free(d);
	return rc;
}
