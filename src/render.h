/*
 * render: one document in one language, through every stage:
 * config variables -> template expansion -> layout -> PDF (and/or dump).
 */
#ifndef KP_RENDER_H
#define KP_RENDER_H

#include "config.h"
#include "holders.h"
#include "template.h"

struct render_options {
	const char *lang;        /* NULL: the region's first language */
	int large_print;         /* --large-print, or text_size = large */
	const char *fonts_dir;
	const char *pdf_path;    /* NULL: no PDF (check, dump only) */
	const char *dump_path;   /* NULL: no layout dump */
	const struct holders *holders; /* card holders (--data), or NULL: blank cards */
	int progress;            /* 1: may show a progress indicator (a terminal, no --quiet) */
};

/* Returns 0, or -1 after reporting (and then no output file is written). */
int render_document(const struct config *cfg, const struct template *t,
		    const struct render_options *opt);

/* The documents "kaikuprint all" renders, in order; NULL-terminated. */
extern const char *const render_documents[];

#endif
