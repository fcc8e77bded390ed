/*
 * pdf: the PDF backend, and the only file that includes hpdf.h (libharu).
 * Each font file is loaded into a document at most once and embedded as a
 * subset. The file is written to a temporary file and renamed into place.
 */
#ifndef KP_PDF_H
#define KP_PDF_H

#include "pages.h"

/* Write PAGES to PATH ("-" = standard output). Returns 0, or -1 after
 * reporting; on failure no file is left at PATH and an old one is untouched. */
int pdf_write(const struct pages *pages, const char *path);

/* A PDF written in parts (a card batch, sheet by sheet): pdf_begin takes the
 * document information (title, author, ...) from INFO; pdf_add draws PAGES
 * after those added before (PAGES may be freed as soon as it returns);
 * pdf_finish writes PATH as pdf_write does and pdf_cancel writes nothing.
 * Both free the writer. NULL from pdf_begin after reporting. */
struct pdf_writer;
struct pdf_writer *pdf_begin(const struct pages *info);
void pdf_add(struct pdf_writer *w, const struct pages *pages);
int pdf_finish(struct pdf_writer *w, const char *path);
/* Write the document into OUT (fileio.h) without committing it, so that
 * several files (a batch split with --split) are committed together; NAME
 * for messages. Returns 0 or -1 after reporting; frees the writer. */
struct output_file;
int pdf_save(struct pdf_writer *w, struct output_file *out, const char *name);
void pdf_cancel(struct pdf_writer *w);

#endif
