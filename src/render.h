/*
 * render: one document in one language, through every stage:
 * config variables -> template expansion -> layout -> PDF (and/or dump).
 */
#ifndef KP_RENDER_H
#define KP_RENDER_H

#include "config.h"
#include "pages.h"
#include "holders.h"
#include "template.h"

struct doc;
struct layout_options;

struct render_options {
	const char *lang;        /* NULL: the region's first language */
	int large_print;         /* --large-print, or text_size = large */
	const char *fonts_dir;
	const char *pdf_path;    /* NULL: no PDF (check, dump only) */
	const char *dump_path;   /* NULL: no layout dump */
	const struct holders *holders; /* card holders (--data), or NULL: blank cards */
	int progress;            /* 1: may show a progress indicator (a terminal, no --quiet) */
	int booklet_only;        /* 1: only the booklet variant, written to pdf_path itself */
	int split;               /* card batch: a numbered file every SPLIT sheets; 0 = one file */
	int press;               /* --press: the print-shop variant (see render_press) */
};

/* Layout options for OPT: its fonts, the region's hyphenation exceptions
 * for OPT's language, and a memo of line breaks (para_memo.h) for ONE
 * document laid out between the two calls; render_layout_end releases them. */
void render_layout_begin(const struct config *cfg, const struct render_options *opt,
			 struct layout_options *lo);
void render_layout_end(struct layout_options *lo);

/* The template at PATH, loaded, validated and passed by the privacy guard
 * (privacy.h); NULL after reporting. */
struct template *render_load_template(const char *path);

/* Returns 0, or -1 after reporting (and then no output file is written). */
int render_document(const struct config *cfg, const struct template *t,
		    const struct render_options *opt);

/* The document tree of T for CFG and OPT's language, with HOLDERS as the
 * list "holders" (NULL: one blank card); NULL after reporting. */
/* {format.large_print} set ("yes") or unset, for templates that lay out
 * large print differently (the booklet's cover). */
struct var_scope;
void render_add_format_vars(struct var_scope *vars, int large_print);
struct doc *render_expand(const struct config *cfg, const struct template *t,
			  const struct render_options *opt, const struct holders *holders);
/* The same in two steps, for a card batch that expands T once a sheet: the
 * variables of CFG for OPT (made once; vars_free), then a tree with
 * HOLDERS added to them for the expansion only. */
struct var_scope *render_vars(const struct config *cfg, const struct render_options *opt);
struct doc *render_expand_with(const struct config *cfg, const struct template *t,
			       const struct render_options *opt, struct var_scope *vars,
			       const struct holders *holders);

/* A card batch (OPT->holders with a template that has <impose>), laid out,
 * imposed and written a sheet at a time (render_cards.c): memory follows the
 * sheet, not the batch. Returns 0, -1 after reporting, or RENDER_NOT_A_BATCH
 * when the template places no cards on sheets (render it as one document). */
enum { RENDER_NOT_A_BATCH = 1 };
int render_card_batch(const struct config *cfg, const struct template *t,
		      const struct render_options *opt);

/* The folded-booklet variant of a document with a <booklet> element
 * (render_booklet.c), written next to the normal output under the name
 * render_variant_path gives. Returns 0, or -1 after reporting. */
int render_booklet(const struct config *cfg, const struct template *t,
		   const struct render_options *opt);
/* PATH with "-VARIANT" before its "-LANG" ending or extension into BUF:
 * out/leaflet-fi.pdf -> out/leaflet-booklet-fi.pdf, x.pdf -> x-booklet.pdf. */
void render_variant_path(const char *path, const char *lang, const char *variant, char *buf,
			 size_t size);

/* Refuse PAGES (before any backend) when it has more pages than the limit
 * (10,000), naming FILE. Returns 0, or -1 after reporting. */
struct pages;
int render_check_pages(const struct pages *pages, const char *file);

/* The laid-out pages of the document (BOOKLET 0) or of its folded booklet
 * (BOOKLET 1, only for a template with <booklet>), written nowhere: for a
 * caller that draws them itself (the web server's PDFs and previews).
 * OPT's pdf_path and dump_path are ignored. NULL after reporting; the
 * caller frees the pages (pages_free). */
struct pages *render_pages(const struct config *cfg, const struct template *t,
			   const struct render_options *opt, int booklet);
/* The booklet's sheets and, in *DP, its document tree (render_booklet.c);
 * NULL after reporting. */
struct pages *render_booklet_pages(const struct config *cfg, const struct template *t,
				   const struct render_options *opt, struct doc **dp);
/* Is the print-shop variant wanted (--press, or [print] press = yes)? */
int render_press(const struct config *cfg, const struct render_options *opt);

/* The documents "kaikuprint all" renders, in order; NULL-terminated. */
extern const char *const render_documents[];

#endif
