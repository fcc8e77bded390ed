/*
 * holders: the card holders of a batch, from a CSV list (csv_data.h), checked
 * row by row and given their last valid day (date_card_expiry), then handed
 * to templates as the list variable "holders".
 *
 * Columns (any order, a header row first): name, issued (YYYY-MM-DD),
 * children (0..HOLDERS_MAX_CHILDREN), and the optional type (personal, the
 * default, or community) and organisation (a community card shows it instead
 * of a name; empty = the region's [organisation] name).
 *
 * Privacy: a name is kept in memory only, and messages name rows by
 * "FILE:LINE", never by their content.
 */
#ifndef KP_HOLDERS_H
#define KP_HOLDERS_H

#include "config.h"
#include "dates.h"
#include "vars.h"

#include <stddef.h>

enum { HOLDERS_MAX_CHILDREN = 20, HOLDERS_MAX_ROWS = 100000 };

enum holder_type { HOLDER_PERSONAL, HOLDER_COMMUNITY };

struct holder {
	enum holder_type type;
	char *name;           /* "" on a community card */
	char *organisation;   /* "" when not given */
	struct date issued;
	struct date expiry;   /* last valid day */
	int children;
	char *record;         /* "FILE:LINE", for messages */
};

struct holders {
	struct holder *items;
	int n;
};

/* Read and check PATH ("-" = standard input) for region CFG. Reports every
 * bad row and returns NULL when there was any. TODAY, the day of printing
 * (NULL: no check), makes a row an error when its card would already be
 * expired on that day or its issue date is later. */
struct holders *holders_load(const char *path, const struct config *cfg,
			     const struct date *today);
/* The same from TEXT (LEN bytes) in memory, never written anywhere (the web
 * server's upload), with the same checks; NAME names it in messages. */
struct holders *holders_parse(const char *name, const char *text, size_t len,
			      const struct config *cfg, const struct date *today);
void holders_free(struct holders *h);

/* Add the list "holders" to SCOPE, dates formatted for LANG. Each item has
 * name, organisation, issued, expiry, children, record and exactly one of
 * personal / community set. H NULL gives one blank item: every value unset
 * (the blank insert, filled in by hand). */
void holders_add_vars(struct var_scope *scope, const struct holders *h,
		      const struct config *cfg, const char *lang);

#endif
