/* render: the pipeline for one document; see render.h. */
#include "render.h"
#include "box_group.h"
#include "contrast.h"
#include "pagefit.h"
#include "para_memo.h"
#include "diag.h"
#include "dump.h"
#include "hyph.h"
#include "impose.h"
#include "print_note.h"
#include "layout.h"
#include "pdf.h"
#include "press.h"
#include "privacy.h"
#include "progress.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const render_documents[] = { "checklist", "card-inserts", "leaflet",
						"registration-form", "registration-form-sheet", NULL };

int render_check_pages(const struct pages *pages, const char *file)
{
	if (pages->n_pages <= PAGES_MAX && pages->n_dropped == 0)
		return 0;
	diag_file(DIAG_ERROR, file, 0, 0, "the document has %d pages, more than the limit of %d",
		  pages->n_pages + pages->n_dropped, PAGES_MAX);
	return -1;
}

/* The booklet is laid out when it is written to a file or checked; standard
 * output gets only the normal variant, so the booklet would be wasted work. */
static int booklet_wanted(const struct render_options *opt)
{
	int to_file = (opt->pdf_path && strcmp(opt->pdf_path, "-") != 0) ||
		      (opt->dump_path && strcmp(opt->dump_path, "-") != 0);
	return to_file || (!opt->pdf_path && !opt->dump_path);
}

void render_add_format_vars(struct var_scope *vars, int large_print)
{
	if (large_print)
		vars_add_text(vars, "format.large_print", VAR_TEXT, "yes", "--large-print");
	else
		vars_add_unset(vars, "format.large_print", VAR_TEXT, "--large-print");
}

static const char *render_lang(const struct config *cfg, const struct render_options *opt)
{
	return opt->lang ? opt->lang : cfg->languages[0];
}

struct var_scope *render_vars(const struct config *cfg, const struct render_options *opt)
{
	struct var_scope *vars = config_vars(cfg, render_lang(cfg, opt));
	vars_add_unset(vars, "format.booklet", VAR_TEXT, "the booklet variant"); /* render_booklet.c */
	render_add_format_vars(vars, opt->large_print || cfg->large_print);
	return vars;
}

struct doc *render_expand_with(const struct config *cfg, const struct template *t,
			       const struct render_options *opt, struct var_scope *vars,
			       const struct holders *holders)
{
	struct expand_options eo = { 0 };
	struct doc *d;
	eo.lang = render_lang(cfg, opt);
	eo.large_print = opt->large_print || cfg->large_print;
	holders_add_vars(vars, holders, cfg, eo.lang);
	eo.vars = vars;
	eo.data_rows = holders ? holders->n : 0;
	d = template_expand(t, &eo);
	vars_drop_last(vars); /* the holders */
	if (d && privacy_check_doc(d)) { /* labels from the config on a registration form */
		doc_free(d);
		return NULL;
	}
	if (d)
		config_apply_colors(cfg, d);
	if (d && contrast_check(d, cfg->path, 0) != 0) { /* before layout: nothing is written */
		doc_free(d);
		return NULL;
	}
	return d;
}

struct doc *render_expand(const struct config *cfg, const struct template *t,
			  const struct render_options *opt, const struct holders *holders)
{
	struct var_scope *vars = render_vars(cfg, opt);
	struct doc *d = render_expand_with(cfg, t, opt, vars, holders);
	vars_free(vars);
	return d;
}

struct template *render_load_template(const char *path)
{
	struct template *t = template_load(path);
	if (t && privacy_check(t) != 0) { /* registration forms: see privacy.h */
		template_free(t);
		t = NULL;
	}
	/* cppcheck takes template_load for undeclared ("template" is C++) */
	return t; /* cppcheck-suppress CastIntegerToAddressAtReturn */
}

/* The programme's names (the card, its database) are broken only between
 * their two parts in Swedish and English, inflected forms too (Kaiku-kortet,
 * Kaiku-kannan): those patterns alone give "Kaikuko-rtti", "Kaikukan-ta".
 * Finnish needs none: libvoikko knows the compound and its syllables. */
static const char programme_exceptions[] = "Kaiku-kort, Kaiku-kan";

/* The region's [hyphenation] exceptions for LANG (exceptions_LANG, else
 * exceptions), then the programme's. The region file's check refused a
 * malformed one (config.c), so parsing it again does not fail; the
 * region's own entry for a name, if any, is found first and wins. */
static struct hyph_exceptions *region_exceptions(const struct config *cfg, const char *lang)
{
	const struct config_section *s = config_section(cfg, "hyphenation");
	const struct config_value *v = s ? config_get(s, "exceptions", lang) : NULL;
	const char *own = v ? v->text : "";
	size_t size = strlen(own) + sizeof(programme_exceptions) + 2;
	char err[256], *list = xmalloc(size);
	struct hyph_exceptions *ex;
	snprintf(list, size, "%s, %s", own, strcmp(lang, "fi") != 0 ? programme_exceptions : "");
	ex = hyph_exceptions_parse(list, err, sizeof(err));
	free(list);
	return ex;
}

void render_layout_begin(const struct config *cfg, const struct render_options *opt,
			 struct layout_options *lo)
{
	memset(lo, 0, sizeof(*lo));
	lo->fonts_dir = opt->fonts_dir;
	lo->hyph_exceptions = region_exceptions(cfg, opt->lang ? opt->lang : cfg->languages[0]);
	lo->paras = para_memo_new(); /* for one document: page fitting lays it out again */
}

void render_layout_end(struct layout_options *lo)
{
	hyph_exceptions_free(lo->hyph_exceptions);
	lo->hyph_exceptions = NULL;
	para_memo_free(lo->paras);
	lo->paras = NULL;
}

/* The print-shop variant of PAGES, laid out from D (press.h): warnings for
 * text near a trim, then sheets with bleed, marks and slug. Returns PAGES,
 * or NULL after reporting (PAGES freed). */
static struct pages *press_pages(struct pages *pages, const struct doc *d,
				 const struct press_options *po, int fill_sheet,
				 struct box_groups *groups)
{
	press_check_safe_area(pages, d->file); /* on the finished pages, before marks */
	if (!d->impose.enabled)
		press_frame_pages(pages, po, 0);
	else if (impose_pages(pages, &d->impose, d->file, fill_sheet, groups, po) != 0) {
		pages_free(pages);
		return NULL;
	}
	pages->press_condition = po->output_condition;
	if (!pages->title) /* PDF/X needs a title */
		pages->title = d->name;
	return pages;
}

/* Laid-out PAGES of D made ready for a backend, as render_document and
 * render_pages both need them: print-shop sheets (PO not NULL, press.h), or
 * cards imposed on sheets with the office print instruction; the page limit
 * checked. GROUPS (may be NULL) keeps what cards repeat. Returns PAGES, or
 * NULL after reporting (PAGES freed). */
static struct pages *place_pages(struct pages *pages, const struct doc *d,
				 const struct render_options *opt,
				 const struct press_options *po, struct box_groups *groups)
{
	if (po) {
		progress_stage("placing the pages on press sheets");
		pages = press_pages(pages, d, po, !opt->holders, groups);
	} else if (d->impose.enabled) {
		progress_stage("placing the cards on sheets");
		if (impose_pages(pages, &d->impose, d->file, !opt->holders, groups, NULL) != 0) {
			pages_free(pages);
			pages = NULL;
		}
	}
	if (pages && render_check_pages(pages, d->file) != 0) {
		pages_free(pages);
		pages = NULL;
	}
	/* the office printing instruction; a print shop's sheets carry the slug line */
	if (pages && d->impose.enabled && !po)
		print_note_on_cards(pages, d, opt->fonts_dir);
	return pages;
}

int render_document(const struct config *cfg, const struct template *t,
		    const struct render_options *opt)
{
	struct layout_options lo;
	struct press_options po;
	struct doc *d;
	struct pages *pages;
	struct box_groups *groups = NULL; /* the repeated card of blank inserts */
	int rc = 0;

	if (opt->holders && !opt->booklet_only) {
		rc = render_card_batch(cfg, t, opt);
		if (rc != RENDER_NOT_A_BATCH)
			return rc;
		rc = 0;
		if (opt->split) {
			diag_plain(DIAG_ERROR, "--split: the template places no cards on sheets (<impose>)");
			return -1;
		}
	}
	d = render_expand(cfg, t, opt, opt->holders);
	if (!d)
		return -1;
	if (render_press(cfg, opt) &&
	    press_options_init(&po, cfg, d, d->name, opt->fonts_dir) != 0) {
		doc_free(d);
		return -1;
	}
	if (opt->booklet_only) { /* --booklet: the normal variant is not laid out at all */
		if (!d->has_booklet)
			diag_file(DIAG_ERROR, d->file, 0, 0, "--booklet: the template has no <booklet>");
		rc = d->has_booklet ? render_booklet(cfg, t, opt) : -1;
		doc_free(d);
		return rc;
	}
	render_layout_begin(cfg, opt, &lo);
	progress_begin(opt->holders ? opt->holders->n : 0,
		       opt->progress && opt->holders && opt->holders->n > PROGRESS_MIN_ROWS);
	pages = pagefit_layout(d, &lo); /* as layout_run, fitted to <page pages> (pagefit.h) */
	render_layout_end(&lo);
	if (pages && contrast_check(d, cfg->path, 1) != 0) { /* the type as fitting set it */
		pages_free(pages);
		pages = NULL;
	}
	if (pages && render_press(cfg, opt))
		pages->tagged = 0; /* print-shop output is PDF 1.3, untagged (pdf_press.h) */
	if (pages && d->impose.enabled)
		groups = box_groups_new(pages->tagged);
	if (pages)
		pages = place_pages(pages, d, opt, render_press(cfg, opt) ? &po : NULL, groups);
	if (!pages) {
		progress_end();
		box_groups_free(groups);
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
	box_groups_free(groups);
	if (rc == 0 && d->has_booklet && booklet_wanted(opt))
		rc = render_booklet(cfg, t, opt);
	doc_free(d);
	return rc;
}

static void keep_string(struct pages *p, const char **s)
{
	if (*s)
		*s = pages_strndup(p, *s, strlen(*s));
}

/* The document information and the structure elements' texts may point into
 * the document tree: copy them into the pages, which outlive the tree. */
static void keep_info(struct pages *p)
{
	const char **fields[] = { &p->title, &p->subject, &p->author, &p->keywords, &p->lang };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		keep_string(p, fields[i]);
	for (int i = 0; i < p->n_elems; i++) {
		keep_string(p, &p->elems[i].lang);
		keep_string(p, &p->elems[i].alt);
		keep_string(p, &p->elems[i].uri);
	}
}

struct pages *render_pages(const struct config *cfg, const struct template *t,
			   const struct render_options *opt, int booklet)
{
	struct layout_options lo;
	struct press_options po;
	struct doc *d = NULL;
	struct pages *pages;
	int press = render_press(cfg, opt);
	if (booklet) {
		pages = render_booklet_pages(cfg, t, opt, &d);
	} else {
		/* the steps of render_document, with every box drawn as it is
		 * (no box groups) and nothing written */
		d = render_expand(cfg, t, opt, opt->holders);
		if (!d)
			return NULL;
		if (press && press_options_init(&po, cfg, d, d->name, opt->fonts_dir) != 0) {
			doc_free(d);
			return NULL;
		}
		render_layout_begin(cfg, opt, &lo);
		pages = pagefit_layout(d, &lo);
		render_layout_end(&lo);
		if (pages && press)
			pages->tagged = 0; /* as render_document */
		if (pages)
			pages = place_pages(pages, d, opt, press ? &po : NULL, NULL);
	}
	if (pages)
		keep_info(pages);
	doc_free(d);
	return pages;
}

int render_press(const struct config *cfg, const struct render_options *opt)
{
	return opt->press || cfg->press;
}
