/*
 * hyph_region: a region's own hyphenation exceptions, from the [hyphenation]
 * section of its config (key exceptions, or exceptions_fi/_sv/_en), for the
 * layout of one document (struct layout_options).
 */
#ifndef KP_HYPH_REGION_H
#define KP_HYPH_REGION_H

#include "config.h"
#include "hyph.h"

/* The exceptions of CFG for LANG (none when the key is absent). The region
 * file's check (config.c) has refused malformed entries, so this does not
 * fail. Free with hyph_exceptions_free. */
struct hyph_exceptions *hyph_region_exceptions(const struct config *cfg, const char *lang);

#endif
