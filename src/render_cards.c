/* render_cards: a card batch rendered a sheet at a time; see render.h.
 * The holders are taken in groups of as many cards as one sheet holds; each
 * group is expanded from the template, laid out, imposed and drawn into the
 * PDF (and the dump), then its tree and boxes are freed before the next.
 * Grouping at sheet boundaries gives exactly the sheets the whole batch
 * imposed at once would give. With --split N, every N sheets (a front and
 * its back count as one) end a numbered file; all files are committed
 * together at the end. A group that fails (a name that cannot fit)
 * stops the output, but the later groups are still laid out, so that every
 * bad row is reported; then nothing is written. */
#include "render.h"
#include "box_group.h"
#include "card_memo.h"
#include "para_memo.h"
#include "diag.h"
#include "dump.h"
#include "impose.h"
#include "print_note.h"
#include "layout.h"
#include "pdf.h"
#include "fileio.h"
#include "press.h"
#include "progress.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SPLIT_MAX_FILES = 900 }; /* each part keeps a file open until the end */

struct batch {
	const struct config *cfg;
	const struct template *t;
	const struct render_options *opt;
	struct layout_options lo;
	struct pdf_writer *pdf;   /* opened with the first sheets */
	struct dump_stream *dump;
	struct box_groups *groups; /* what repeats on every card and sheet: drawn once */
	struct var_scope *vars;    /* the region's variables, made once for every sheet */
	int started, failed;
	/* --split: the parts written so far, committed together at the end */
	struct output_file **parts;
	int n_parts, sheets_in_part;
	int press;                /* print-shop sheets (render_press) */
	int per_sheet, sheets;    /* cards on a sheet; sheets in the whole batch */
};

/* Print-shop sheets of group D starting at holder FIRST (press.h): the
 * cards checked for text near their cut, then imposed with bleed, marks and
 * a slug line numbered within the whole batch. Returns 0 or -1. */
static int impose_press(struct batch *b, struct doc *d, struct pages *sheets, int first)
{
	struct press_options po;
	int sides = d->impose.back ? 2 : 1;
	if (press_options_init(&po, b->cfg, d, d->name, b->opt->fonts_dir) != 0)
		return -1;
	po.page_base = first / b->per_sheet * sides;
	po.page_total = b->sheets * sides;
	press_check_safe_area(sheets, d->file);
	if (impose_pages(sheets, &d->impose, d->file, 0, b->groups, &po) != 0)
		return -1;
	sheets->press_condition = po.output_condition;
	return 0;
}

/* PATH with "-NNN" (part K, from 1) before its extension: cards.pdf ->
 * cards-001.pdf. */
static void part_path(const char *path, int k, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	if (!dot || (slash && dot < slash))
		dot = path + strlen(path);
	snprintf(buf, size, "%.*s-%03d%s", (int)(dot - path), path, k, dot);
}

/* The PDF so far becomes the next part: written, not yet committed. */
static void end_part(struct batch *b)
{
	char path[PATH_MAX];
	struct output_file *out;
	part_path(b->opt->pdf_path, b->n_parts + 1, path, sizeof(path));
	out = output_open(path);
	if (!out || pdf_save(b->pdf, out, path) != 0) {
		if (out)
			output_abort(out);
		else
			pdf_cancel(b->pdf);
		b->failed = 1;
	} else {
		b->parts = xrealloc(b->parts, sizeof(*b->parts) * (size_t)(b->n_parts + 1));
		b->parts[b->n_parts++] = out;
	}
	b->pdf = NULL;
	b->sheets_in_part = 0;
}

/* Lay out and impose holders FIRST .. FIRST + N - 1; write their sheets
 * unless something failed before. */
static void render_group(struct batch *b, int first, int n)
{
	struct holders group = { b->opt->holders->items + first, n };
	struct doc *d = render_expand_with(b->cfg, b->t, b->opt, b->vars, &group);
	struct pages *sheets = d ? layout_run(d, &b->lo) : NULL;
	if (sheets && !b->groups)
		b->groups = box_groups_new(sheets->tagged && !b->press);
	if (sheets && (b->press ? impose_press(b, d, sheets, first)
				: impose_pages(sheets, &d->impose, d->file, 0, b->groups, NULL)) != 0) {
		pages_free(sheets);
		sheets = NULL;
	}
	if (sheets && !b->press) /* press sheets carry the slug line instead */
		print_note_on_cards(sheets, d, b->opt->fonts_dir);
	if (!sheets)
		b->failed = 1;
	if (!b->failed && !b->started) {
		b->started = 1;
		if (b->opt->dump_path && !(b->dump = dump_begin(b->opt->dump_path)))
			b->failed = 1;
	}
	if (!b->failed && b->opt->pdf_path && !b->pdf && !(b->pdf = pdf_begin(sheets)))
		b->failed = 1;
	if (!b->failed) {
		if (b->pdf)
			pdf_add(b->pdf, sheets);
		if (b->dump)
			dump_add(b->dump, sheets);
		if (b->pdf && b->opt->split && ++b->sheets_in_part == b->opt->split)
			end_part(b);
	}
	pages_free(sheets);
	doc_free(d);
}

/* Cards per sheet for T, or 0 when T places no cards on sheets, -1 after
 * reporting. The probe expands the template with no holders at all. */
static int cards_per_sheet(struct batch *b)
{
	struct holders none = { b->opt->holders->items, 0 };
	struct doc *d = render_expand_with(b->cfg, b->t, b->opt, b->vars, &none);
	struct press_options po;
	int n;
	if (!d)
		return -1;
	if (b->press && press_options_init(&po, b->cfg, d, d->name, b->opt->fonts_dir) != 0) {
		doc_free(d);
		return -1;
	}
	n = d->impose.enabled ? impose_cards_per_sheet(&d->impose, d->page.width, d->page.height,
							 d->file, b->press ? &po : NULL) : 0;
	doc_free(d);
	return n;
}

static int finish(struct batch *b)
{
	int rc;
	if (!b->failed)
		progress_stage("writing the PDF");
	if (!b->failed && b->pdf && b->opt->split)
		end_part(b);
	rc = b->failed ? -1 : 0;
	if (rc == 0 && b->dump)
		rc = dump_finish(b->dump);
	else
		dump_cancel(b->dump);
	if (rc == 0 && b->pdf)
		rc = pdf_finish(b->pdf, b->opt->pdf_path);
	else
		pdf_cancel(b->pdf);
	for (int i = 0; i < b->n_parts; i++) /* all parts, or none */
		if (rc == 0)
			rc = output_commit(b->parts[i]);
		else
			output_abort(b->parts[i]);
	free(b->parts);
	progress_end();
	return rc;
}

/* --split N: refused when it would make more files than can be kept open. */
static int check_split(const struct render_options *opt, int per_sheet)
{
	int sheets = (opt->holders->n + per_sheet - 1) / per_sheet;
	if (opt->split && (sheets + opt->split - 1) / opt->split > SPLIT_MAX_FILES) {
		diag_plain(DIAG_ERROR, "--split %d would make more than %d files; split by more sheets",
			   opt->split, SPLIT_MAX_FILES);
		return -1;
	}
	return 0;
}

int render_card_batch(const struct config *cfg, const struct template *t,
		      const struct render_options *opt)
{
	struct batch b;
	int total = opt->holders->n, per_sheet, rc;
	memset(&b, 0, sizeof(b));
	b.cfg = cfg;
	b.t = t;
	b.opt = opt;
	b.press = render_press(cfg, opt);
	b.vars = render_vars(cfg, opt);
	render_layout_begin(cfg, opt, &b.lo);
	b.lo.cards = card_memo_new(); /* the backs: laid out once, copied after */
	para_memo_free(b.lo.paras); /* one per document; a batch lays out many */
	b.lo.paras = NULL;
	diag_once_begin(); /* each group repeats the template's warnings */
	per_sheet = cards_per_sheet(&b);
	b.per_sheet = per_sheet;
	b.sheets = per_sheet > 0 ? (total + per_sheet - 1) / per_sheet : 0;
	if (per_sheet <= 0 || check_split(opt, per_sheet) != 0) {
		diag_once_end();
		card_memo_free(b.lo.cards);
		render_layout_end(&b.lo);
		vars_free(b.vars);
		return per_sheet == 0 ? RENDER_NOT_A_BATCH : -1;
	}
	progress_begin(total, opt->progress && total > PROGRESS_MIN_ROWS);
	for (int first = 0; first < total; first += per_sheet)
		render_group(&b, first, total - first < per_sheet ? total - first : per_sheet);
	rc = finish(&b);
	box_groups_free(b.groups); /* after the PDF: its form XObjects are made from them */
	card_memo_free(b.lo.cards); /* after the PDF too: its pages shared the copies */
	render_layout_end(&b.lo);
	vars_free(b.vars);
	diag_once_end();
	return rc;
}
