/*
 * pdf_press: what the PDF backend writes differently for a print shop
 * (pages->press_condition set; see press.h): every colour as DeviceCMYK
 * (k/K operators, color.h's formula), TrimBox and BleedBox on every page,
 * and the PDF/X-1a:2001 keys: an OutputIntent naming the registered
 * printing condition, GTS_PDFXVersion and GTS_PDFXConformance, Trapped,
 * CreationDate and ModDate, and a file /ID. pdf.c and pdf_meta.c leave out
 * for it what PDF 1.3 does not have or PDF/X forbids: link annotations,
 * XMP metadata, /Lang, ActualText; the structure tree is not written.
 */
#ifndef KP_PDF_PRESS_H
#define KP_PDF_PRESS_H

#include "pdf_internal.h"

/* Set the fill (STROKE = 0) or stroke colour C as CMYK. */
void pdf_press_color(struct pdf_writer *w, struct doc_color c, int stroke);
/* Write PG's TrimBox and BleedBox into the current page. */
void pdf_press_boxes(struct pdf_writer *w, const struct page *pg);
/* The document-level PDF/X keys, once every page is drawn. Returns 0, or
 * -1 (libharu failed; its error is in the writer). */
int pdf_press_document(struct pdf_writer *w);
/* Can IMG (from PATH) go into print-shop output? Greyscale and CMYK
 * images can; RGB, indexed and images with transparency cannot. Returns 0,
 * or -1 after reporting. */
int pdf_press_image_ok(HPDF_Image img, const char *path);

#endif
