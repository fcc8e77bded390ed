/* dump: the text backend. Writes every box of every page with its position,
 * size, font and text, for golden layout tests. */
#ifndef KP_DUMP_H
#define KP_DUMP_H

#include "pages.h"

#include <stdio.h>

void dump_pages(const struct pages *pages, FILE *out);
/* The same, numbering the pages from FIRST_NUMBER. */
void dump_pages_from(const struct pages *pages, FILE *out, int first_number);
/* Write to PATH ("-" = standard output) atomically. Returns 0 or -1. */
int dump_write(const struct pages *pages, const char *path);

/* A dump written in parts (a card batch, sheet by sheet): collected in
 * memory, written to PATH atomically by dump_finish (0 or -1 after
 * reporting); dump_cancel writes nothing. Both free the stream. */
struct dump_stream;
struct dump_stream *dump_begin(const char *path);
void dump_add(struct dump_stream *ds, const struct pages *pages);
int dump_finish(struct dump_stream *ds);
void dump_cancel(struct dump_stream *ds);

#endif
