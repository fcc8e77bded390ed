/* dump: the text backend. Writes every box of every page with its position,
 * size, font and text, for golden layout tests. */
#ifndef KP_DUMP_H
#define KP_DUMP_H

#include "pages.h"

#include <stdio.h>

void dump_pages(const struct pages *pages, FILE *out);
/* Write to PATH ("-" = standard output) atomically. Returns 0 or -1. */
int dump_write(const struct pages *pages, const char *path);

#endif
