/* render_booklet: the folded-booklet variant of a document that has a
 * <booklet> element (the leaflet): expanded with {format.booklet} set, laid
 * out on the booklet page with at most its columns, imposed two pages per
 * sheet side (booklet.c) and written next to the normal output:
 * out/leaflet-fi.pdf -> out/leaflet-booklet-fi.pdf, x.pdf -> x-booklet.pdf,
 * layout.dump -> layout-booklet.dump. Standard output gets no booklet. */
#include "render.h"
#include "booklet.h"
#include "diag.h"
#include "dump.h"
#include "layout.h"
#include "pdf.h"
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

static struct pages *booklet_pages(const struct config *cfg, const struct template *t,
				   const struct render_options *opt, struct doc **dp)
{
	struct expand_options eo;
	struct layout_options lo;
	struct var_scope *vars;
	struct pages *pages, *sheets;
	struct doc *d;
	double sheet_w, sheet_h;
	int quiet = diag_get_quiet();
	eo.lang = opt->lang ? opt->lang : cfg->languages[0];
	eo.large_print = opt->large_print || cfg->large_print;
	vars = config_vars(cfg, eo.lang);
	vars_add_text(vars, "format.booklet", VAR_TEXT, "yes", "the booklet variant");
	eo.vars = vars;
	diag_set_quiet(1); /* its warnings are those of the normal variant */
	d = template_expand(t, &eo);
	vars_free(vars);
	diag_set_quiet(quiet);
	if (!d)
		return NULL;
	d->page = d->booklet_page;
	d->max_columns = d->booklet_columns;
	lo.fonts_dir = opt->fonts_dir;
	pages = layout_run(d, &lo);
	if (!pages) {
		doc_free(d);
		return NULL;
	}
	sheet_size(&d->booklet_page, &sheet_w, &sheet_h);
	sheets = booklet_impose(pages, sheet_w, sheet_h, d->booklet_back_cover);
	pages_free(pages);
	*dp = d;
	return sheets;
}

int render_booklet(const struct config *cfg, const struct template *t,
		   const struct render_options *opt)
{
	const char *lang = opt->lang ? opt->lang : cfg->languages[0];
	char path[PATH_MAX];
	struct doc *d = NULL;
	struct pages *sheets = booklet_pages(cfg, t, opt, &d);
	int rc = 0;
	if (!sheets)
		return -1;
	if (opt->dump_path && strcmp(opt->dump_path, "-") != 0) {
		render_variant_path(opt->dump_path, lang, "booklet", path, sizeof(path));
		rc = dump_write(sheets, path);
	}
	if (rc == 0 && opt->pdf_path && strcmp(opt->pdf_path, "-") != 0) {
		render_variant_path(opt->pdf_path, lang, "booklet", path, sizeof(path));
		rc = pdf_write(sheets, path);
	}
	pages_free(sheets);
	doc_free(d);
	return rc;
}
