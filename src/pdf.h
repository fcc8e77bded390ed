/*
 * pdf: the PDF backend (pdf*.c, the only files that include hpdf.h). The
 * output is PDF 1.7: one composite font per face, subset to the glyphs
 * used, with a ToUnicode map; marked content and a structure tree when the
 * pages are tagged; link annotations, an outline, XMP metadata; objects in
 * compressed object streams (pdf_compact.h) but for print-shop output. The
 * file is written to a temporary file and renamed into place.
 */
#ifndef KP_PDF_H
#define KP_PDF_H

#include "pages.h"

#include <stddef.h>

/* Write PAGES to PATH ("-" = standard output). Returns 0, or -1 after
 * reporting; on failure no file is left at PATH and an old one is untouched. */
int pdf_write(const struct pages *pages, const char *path);
/* The same PDF in memory: *DATA (malloc'd, the caller frees) of *SIZE
 * bytes; NAME names it in messages. Returns 0, or -1 after reporting. */
int pdf_render(const struct pages *pages, const char *name, unsigned char **data, size_t *size);

/* A PDF written in parts (a card batch, sheet by sheet): pdf_begin takes the
 * document information (title, author, language, tagged or not) from INFO;
 * pdf_add draws PAGES after those added before (PAGES may be freed as soon
 * as it returns; its structure elements are copied); pdf_finish writes PATH
 * as pdf_write does, pdf_finish_buffer gives the bytes as pdf_render does,
 * and pdf_cancel writes nothing. Each of them (and pdf_save) frees the writer. NULL from
 * pdf_begin after reporting. */
struct pdf_writer;
struct pdf_writer *pdf_begin(const struct pages *info);
void pdf_add(struct pdf_writer *w, const struct pages *pages);
int pdf_finish(struct pdf_writer *w, const char *path);
int pdf_finish_buffer(struct pdf_writer *w, const char *name, unsigned char **data, size_t *size);
/* Write the document into OUT (fileio.h) without committing it, so that
 * several files (a batch split with --split) are committed together; NAME
 * for messages. Returns 0 or -1 after reporting; frees the writer. */
struct output_file;
int pdf_save(struct pdf_writer *w, struct output_file *out, const char *name);
void pdf_cancel(struct pdf_writer *w);

#endif
