/*
 * pdf_compact_internal: libharu's finished file as pdf_compact_read.c reads
 * it back and pdf_compact.c writes it anew.
 */
#ifndef KP_PDF_COMPACT_INTERNAL_H
#define KP_PDF_COMPACT_INTERNAL_H

#include "pdf_lex.h"

#include <stddef.h>

struct pdf_span {
	size_t from, to; /* bytes [from, to) of the file; to == 0: none */
};

struct pdf_obj {
	size_t off;         /* "N 0 obj" in the file */
	struct pdf_span val; /* its value; a stream's dictionary */
	int stream;
	size_t data, len;   /* a stream's data */
	size_t length_ref;  /* the object holding a stream's /Length, or 0 */
	unsigned refs;      /* references to it from the file */
	int dropped;        /* a length only its stream needed: written into it */
};

struct pdf_file {
	const unsigned char *s;
	size_t n;
	size_t header;      /* bytes of the header lines */
	struct pdf_obj *objs; /* by object number; 0 is the free head */
	size_t n_objs;
	struct pdf_span root, info, id; /* of the trailer */
	const char *why;    /* why the file is not read, or NULL */
};

/* Read the N bytes at S (which must outlive F). Returns 0, or -1 with
 * F->why set; pdf_file_free either way. */
int pdf_file_read(struct pdf_file *f, const unsigned char *s, size_t n);
void pdf_file_free(struct pdf_file *f);

#endif
