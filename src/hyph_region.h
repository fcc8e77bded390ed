/*
 * hyph_region: a region's own hyphenation exceptions, from the [hyphenation]
 * section of its config (key exceptions, or exceptions_fi/_sv/_en), handed to
 * hyph.c before a document is laid out.
 */
#ifndef KP_HYPH_REGION_H
#define KP_HYPH_REGION_H

#include "config.h"

/* Install the exceptions of CFG for LANG (none when the key is absent).
 * Returns 0, or -1 after reporting a malformed entry at its INI line. */
int hyph_region_load(const struct config *cfg, const char *lang);

#endif
