/* render_cards: a card batch rendered a sheet at a time; see render.h.
 * The holders are taken in groups of as many cards as one sheet holds; each
 * group is expanded from the template, laid out, imposed and drawn into the
 * PDF (and the dump), then its tree and boxes are freed before the next.
 * Grouping at sheet boundaries gives exactly the sheets the whole batch
 * imposed at once would give. A group that fails (a name that cannot fit)
 * stops the output, but the later groups are still laid out, so that every
 * bad row is reported; then nothing is written. */
#include "render.h"
#include "diag.h"
#include "dump.h"
#include "impose.h"
#include "layout.h"
#include "pdf.h"
#include "progress.h"

struct batch {
	const struct config *cfg;
	const struct template *t;
	const struct render_options *opt;
	struct layout_options lo;
	struct pdf_writer *pdf;   /* opened with the first sheets */
	struct dump_stream *dump;
	int started, failed;
};

/* Lay out and impose holders FIRST .. FIRST + N - 1; write their sheets
 * unless something failed before. */
static void render_group(struct batch *b, int first, int n)
{
	struct holders group = { b->opt->holders->items + first, n };
	struct doc *d = render_expand(b->cfg, b->t, b->opt, &group);
	struct pages *sheets = d ? layout_run(d, &b->lo) : NULL;
	if (sheets && impose_pages(sheets, &d->impose, d->file, 0) != 0) {
		pages_free(sheets);
		sheets = NULL;
	}
	if (!sheets)
		b->failed = 1;
	if (!b->failed && !b->started) {
		b->started = 1;
		if (b->opt->pdf_path && !(b->pdf = pdf_begin(sheets)))
			b->failed = 1;
		if (b->opt->dump_path && !(b->dump = dump_begin(b->opt->dump_path)))
			b->failed = 1;
	}
	if (!b->failed) {
		if (b->pdf)
			pdf_add(b->pdf, sheets);
		if (b->dump)
			dump_add(b->dump, sheets);
	}
	pages_free(sheets);
	doc_free(d);
}

/* Cards per sheet for T, or 0 when T places no cards on sheets, -1 after
 * reporting. The probe expands the template with no holders at all. */
static int cards_per_sheet(struct batch *b)
{
	struct holders none = { b->opt->holders->items, 0 };
	struct doc *d = render_expand(b->cfg, b->t, b->opt, &none);
	int n;
	if (!d)
		return -1;
	n = d->impose.enabled ? impose_cards_per_sheet(&d->impose, d->page.width, d->page.height,
							 d->file) : 0;
	doc_free(d);
	return n;
}

static int finish(struct batch *b)
{
	int rc = b->failed ? -1 : 0;
	if (rc == 0)
		progress_stage("writing the PDF");
	if (rc == 0 && b->dump)
		rc = dump_finish(b->dump);
	else
		dump_cancel(b->dump);
	if (rc == 0 && b->pdf)
		rc = pdf_finish(b->pdf, b->opt->pdf_path);
	else
		pdf_cancel(b->pdf);
	progress_end();
	return rc;
}

int render_card_batch(const struct config *cfg, const struct template *t,
		      const struct render_options *opt)
{
	struct batch b = { cfg, t, opt, { opt->fonts_dir }, NULL, NULL, 0, 0 };
	int total = opt->holders->n, per_sheet, rc;
	diag_warn_once(1); /* each group repeats the template's warnings */
	per_sheet = cards_per_sheet(&b);
	if (per_sheet <= 0) {
		diag_warn_once(0);
		return per_sheet == 0 ? RENDER_NOT_A_BATCH : -1;
	}
	progress_begin(total, opt->progress && total > PROGRESS_MIN_ROWS);
	for (int first = 0; first < total; first += per_sheet)
		render_group(&b, first, total - first < per_sheet ? total - first : per_sheet);
	rc = finish(&b);
	diag_warn_once(0);
	return rc;
}
