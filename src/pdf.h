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

#endif
