/*
 * pdf_internal: the state the PDF backend's files share. libharu 2.3 writes
 * the file (objects, cross-reference table, compression, images); kaikuprint
 * writes the page content itself and builds, through libharu's object API,
 * what libharu cannot: composite fonts with subsets and a correct ToUnicode
 * map, marked content and the structure tree, links, XMP metadata.
 *
 *   pdf.c         document, pages, shapes, images, colour, output
 *   pdf_text.c    text runs: glyph ids, kerning, word spaces, ActualText
 *   pdf_font.c    one Type0 font per face, subset with hb-subset
 *   pdf_struct.c  marked content, structure tree, parent tree
 *   pdf_link.c    link annotations of Link elements
 *   pdf_meta.c    /Lang, document information, XMP, outline
 *   pdf_press.c   print-shop output: CMYK, TrimBox/BleedBox, PDF/X keys
 *   pdf_compact.c libharu's file again with object streams (pdf_compact.h)
 */
#ifndef KP_PDF_INTERNAL_H
#define KP_PDF_INTERNAL_H

#include "pages.h"

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

struct pdf_face;
struct pdf_form;
struct pdf_struct;
struct pdf_links;

struct pdf_image {
	char *path;
	HPDF_Image image;
};

/* The document's facts, copied from the first part (pdf_begin). */
struct pdf_info {
	char *title, *subject, *author, *keywords, *lang;
	int tagged;
};

struct pdf_heading;

/* A content stream being written and its graphics state, to write only
 * what changes. */
struct pdf_stream_state {
	double page_height;
	char *ops;                 /* its content, written to the page at its end */
	size_t n_ops, cap_ops;
	struct doc_color fill, stroke;
	int fill_set, stroke_set;
	double line_width;
	const struct pdf_face *cur_face;
	double cur_size, cur_hscale, cur_char_space;
	/* the text object: open (BT written), and the start of its current
	 * line in thousandths of a point (Td moves from there); a TJ array
	 * open in it, and where the reader's pen stands after its glyphs */
	int in_text;
	long long text_x, text_y;
	int in_tj;
	double pen_x;
};

struct pdf_writer {
	HPDF_Doc doc;
	struct pdf_info info;
	const struct pages *pages; /* the part being drawn (pdf_add), else NULL */
	int part;                  /* how many parts were added before it */
	/* the page being drawn */
	HPDF_Page page;
	int page_index;
	/* what is being written: the page's content, or a form's while
	 * pdf_form.c writes one (it sets the page's aside and puts it back) */
	struct pdf_stream_state out;
	/* resources of the document */
	struct pdf_face **faces;
	int n_faces, cap_faces;
	struct pdf_image *images;
	int n_images, cap_images;
	struct pdf_form *forms;    /* box groups drawn once each (pdf_form.c) */
	int n_forms, cap_forms;
	struct pdf_struct *st;     /* structure tree; NULL when the output is not tagged */
	struct pdf_links *links;   /* link annotations of the page being drawn */
	HPDF_Page *page_objs;      /* every page drawn so far */
	int n_pages, cap_pages;
	struct pdf_heading *headings; /* for the outline (pdf_meta.c) */
	int n_headings;
	/* print-shop output (pdf_press.c): CMYK, page boxes, PDF/X-1a */
	int press;
	char *press_condition;     /* the registered printing condition */
	int refused;               /* an input was refused (reported already) */
	HPDF_STATUS error;         /* first libharu error, 0 = none */
	HPDF_STATUS detail;
};

/* Content of the current page (pdf.c). */
void pdf_put(struct pdf_writer *w, const char *s);
void pdf_putn(struct pdf_writer *w, const char *s, size_t n);
/* A number followed by a space, with no more decimals than it needs. */
void pdf_num(struct pdf_writer *w, double v);
/* V in thousandths, as pdf_num writes it; and such a number written. */
long long pdf_milli(double v);
void pdf_num_milli(struct pdf_writer *w, long long v);
/* The same with DECIMALS (0 to 6) decimals: V * 10^DECIMALS rounded as
 * printf rounds, and R / 10^DECIMALS written. */
long long pdf_scaled(double v, int decimals);
void pdf_num_scaled(struct pdf_writer *w, long long r, int decimals);
/* Set the fill (STROKE = 0) or stroke colour, if it is not set already. */
void pdf_color(struct pdf_writer *w, struct doc_color c, int stroke);
/* 1 when that colour is set already. */
int pdf_color_current(const struct pdf_writer *w, struct doc_color c, int stroke);
/* A new indirect object of the document. */
HPDF_Dict pdf_new_dict(struct pdf_writer *w);
/* A new stream object, compressed when COMPRESS. */
HPDF_Dict pdf_new_stream(struct pdf_writer *w, int compress);
/* A PDF text string object from UTF-8: a literal string when it is
 * printable ASCII, else UTF-16BE with a byte order mark. */
void *pdf_text_string(struct pdf_writer *w, const char *utf8, size_t len);

/* Paint box B as it is: no marked content, link or outline (pdf.c), or
 * with it the run of filled rectangles of one colour that B starts, as one
 * path (a QR code); of the N boxes from B. Returns how many it painted. */
int pdf_paint_boxes(struct pdf_writer *w, const struct box *b, int n);

/* Form XObjects (pdf_form.c): place the group of BOX_GROUP box B, making
 * its form on first use. */
void pdf_form_place(struct pdf_writer *w, const struct box *b);
void pdf_forms_free(struct pdf_writer *w);

/* Text (pdf_text.c). SPANNED: the marked content around it carries its
 * ActualText already. */
void pdf_draw_text(struct pdf_writer *w, const struct box *b, int spanned);
/* Close the open text object (ET), if any: before anything that is not
 * text (paths, images, forms) and before every marked-content boundary,
 * so that BT/ET and BDC/EMC nest (ISO 32000-1, 14.6). */
void pdf_end_text(struct pdf_writer *w);
/* UTF-8 TEXT (LEN bytes) as UTF-16 code units into OUT, which has room for
 * LEN units (an invalid byte becomes U+FFFD). Returns how many were written.
 * The one UTF-16 encoder of the PDF backend's text strings. */
size_t pdf_utf16(const char *text, size_t len, uint16_t *out);
/* UTF-8 TEXT as a PDF text string token, with a space after it when SPACE;
 * malloc'd: "(...)" when it is printable ASCII (PDFDocEncoding), else
 * "<FEFF...>" (UTF-16BE after a byte order mark, in hex). */
char *pdf_text_token(const char *text, int space);
/* 1 when LEN bytes of TEXT are printable ASCII, the same in PDFDocEncoding. */
int pdf_plain_ascii(const char *text, size_t len);
/* The same, written into the page's content. */
void pdf_put_text_string(struct pdf_writer *w, const char *text, int space);
/* The ActualText of text box B (with the word space that follows it). */
void pdf_put_actual_text(struct pdf_writer *w, const struct box *b);
void pdf_put_hex4(struct pdf_writer *w, unsigned v);

/* Fonts (pdf_font.c). */
struct pdf_face *pdf_face_get(struct pdf_writer *w, struct font *f);
/* The font's resource name on the current page. */
const char *pdf_face_name(struct pdf_writer *w, struct pdf_face *face);
/* The character code (CID) that shows glyph GID as character CP. */
unsigned pdf_face_cid(struct pdf_face *face, unsigned gid, uint32_t cp);
/* Subset and embed every face used; 0 or -1 after reporting. */
int pdf_faces_finish(struct pdf_writer *w);
void pdf_faces_free(struct pdf_writer *w);

/* Marked content and the structure tree (pdf_struct.c). */
struct pdf_struct *pdf_struct_new(void);
/* Before a part's pages are drawn: take over its structure elements. */
void pdf_struct_add_part(struct pdf_writer *w, const struct pages *part);
/* Before drawing box B: open the marked content it belongs in. Returns 1
 * when that marked content carries B's ActualText (a run with ActualText
 * gets a marked-content sequence of its own: poppler ends an MCID at the
 * end of any marked content nested in it). */
int pdf_struct_box(struct pdf_writer *w, const struct box *b);
/* At the end of a page: close marked content, give the page its parent tree entry. */
void pdf_struct_end_page(struct pdf_writer *w);
/* Tie annotation ANNOT on the current page to the Link element ELEM (of
 * the part being drawn). */
void pdf_struct_add_annot(struct pdf_writer *w, int elem, HPDF_Dict annot);
/* Write the structure tree into the catalog. */
void pdf_struct_finish(struct pdf_writer *w);
void pdf_struct_free(struct pdf_struct *st);

/* Links (pdf_link.c): the Link element that box B is part of, or 0. */
int pdf_link_of(const struct pages *p, const struct box *b);
/* Note box B of Link element ELEM on the current page. */
void pdf_link_box(struct pdf_writer *w, int elem, const struct box *b);
/* Write the current page's link annotations. */
void pdf_links_end_page(struct pdf_writer *w);
void pdf_links_free(struct pdf_writer *w);

/* Document metadata (pdf_meta.c): information, language, XMP, viewer
 * preferences; the outline from the headings once the pages are drawn. */
void pdf_meta_write(struct pdf_writer *w);
/* Note text box B on the current page if it is part of a heading. */
void pdf_outline_box(struct pdf_writer *w, const struct box *b);
void pdf_outline_write(struct pdf_writer *w);
void pdf_outline_free(struct pdf_writer *w);

#endif
