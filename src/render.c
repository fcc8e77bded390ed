/* render: the pipeline for one document; see render.h. */
#include "render.h"
#include "diag.h"
#include "dump.h"
#include "hyph_region.h"
#include "impose.h"
#include "layout.h"
#include "pdf.h"
#include "privacy.h"
#include "progress.h"

#include <stddef.h>

const char *const render_documents[] = { "checklist", "card-inserts", "leaflet",
						"registration-form", "registration-form-sheet", NULL };

int render_document(const struct config *cfg, const struct template *t,
		    const struct render_options *opt)
{
	struct expand_options eo;
	struct layout_options lo;
	struct var_scope *vars;
	struct doc *d;
	struct pages *pages;
	int rc = 0;

	eo.lang = opt->lang ? opt->lang : cfg->languages[0];
	eo.large_print = opt->large_print || cfg->large_print;
	if (hyph_region_load(cfg, eo.lang) != 0)
		return -1;
	vars = config_vars(cfg, eo.lang);
	vars_add_unset(vars, "format.booklet", VAR_TEXT, "the booklet variant"); /* render_booklet.c */
	holders_add_vars(vars, opt->holders, cfg, eo.lang);
	eo.vars = vars;
	d = template_expand(t, &eo);
	vars_free(vars);
	if (!d)
		return -1;
	if (privacy_check_doc(d)) { /* labels from the config on a registration form */
		doc_free(d);
		return -1;
	}
	lo.fonts_dir = opt->fonts_dir;
	progress_begin(opt->holders ? opt->holders->n : 0,
		       opt->progress && opt->holders && opt->holders->n > PROGRESS_MIN_ROWS);
	pages = layout_run(d, &lo);
	if (pages && d->impose.enabled) {
		progress_stage("placing the cards on sheets");
		if (impose_pages(pages, &d->impose, d->file, !opt->holders) != 0) {
			pages_free(pages);
			pages = NULL;
		}
	}
	if (!pages) {
		progress_end();
		doc_free(d);
		return -1;
	}
	progress_stage("writing the PDF");
	if (opt->dump_path && dump_write(pages, opt->dump_path) != 0)
		rc = -1;
	if (rc == 0 && opt->pdf_path && pdf_write(pages, opt->pdf_path) != 0)
		rc = -1;
	progress_end();
	pages_free(pages);
	if (rc == 0 && d->has_booklet)
		rc = render_booklet(cfg, t, opt);
	doc_free(d);
	return rc;
}
