/*
 * pdf_compact: libharu's PDF rewritten smaller, as PDF 1.5 allows: every
 * object that is not a stream goes, compressed, into object streams, the
 * cross-reference table becomes a compressed cross-reference stream, and an
 * indirect /Length is written into its stream's dictionary (ISO 32000-1
 * 7.5.7, 7.5.8). Streams are copied byte for byte; object numbers stay.
 *
 * libharu 2.3 cannot write object streams, so its finished file is read
 * back: the xref table gives every object's offset. Anything not as libharu
 * writes it (another version, an encrypted or updated file, a comment, an
 * offset that does not point at its object, a stream whose length does not
 * end at endstream) leaves the bytes as they were. Never for PDF/X-1a
 * (PDF 1.3): the caller does not ask, and a file below 1.5 is kept.
 */
#ifndef KP_PDF_COMPACT_H
#define KP_PDF_COMPACT_H

#include <stddef.h>

/* The compact form of the N bytes of PDF at IN in *OUT (malloc'd, the
 * caller frees) of *OUT_N bytes: returns 0. Returns -1 and leaves *OUT
 * alone when IN is kept as it is; *WHY (when WHY is not NULL) then says
 * why, in a few words. */
int pdf_compact(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n,
		const char **why);

#endif
