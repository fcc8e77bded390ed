/* holders: see holders.h for the columns and the privacy rule. */
#include "holders.h"
#include "csv_data.h"
#include "diag.h"
#include "msg.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

enum { COL_NAME, COL_ISSUED, COL_CHILDREN, COL_TYPE, COL_ORGANISATION, N_COLS };

static const char *const column_names[N_COLS] = {
	"name", "issued", "children", "type", "organisation"
};
static const int column_required[N_COLS] = { 1, 1, 1, 0, 0 };

/* Index of each known column in the file, -1 when absent. */
struct columns {
	int at[N_COLS];
};

/* The header: every column known, none twice, the required ones there.
 * A header cell is not quoted in messages: it might be a name (a file
 * without a header row). */
static int find_columns(const struct csv_table *t, struct columns *c)
{
	int errors = 0;
	for (int k = 0; k < N_COLS; k++)
		c->at[k] = -1;
	for (int i = 0; i < t->header.n_fields; i++) {
		int k = 0;
		while (k < N_COLS && strcasecmp(t->header.fields[i], column_names[k]) != 0)
			k++;
		if (k == N_COLS || c->at[k] >= 0) {
			diag_file(DIAG_ERROR, t->name, t->header.line, 0,
				  msg_tr("column %d of the header is %s (the columns are name, issued, "
					 "children, and optionally type and organisation)"), i + 1,
				  k == N_COLS ? msg_tr("not a known column") : msg_tr("a repeated column"));
			errors++;
		} else {
			c->at[k] = i;
		}
	}
	for (int k = 0; k < N_COLS; k++) {
		if (column_required[k] && c->at[k] < 0 && errors == 0) {
			diag_file(DIAG_ERROR, t->name, t->header.line, 0,
				  msg_tr("the header has no column \"%s\""), column_names[k]);
			errors++;
		}
	}
	return errors;
}

static const char *field(const struct csv_record *r, const struct columns *c, int k)
{
	return c->at[k] >= 0 ? r->fields[c->at[k]] : "";
}

/* Only digits and '-' are shown back in messages: never a name. */
static const char *safe_value(const char *s)
{
	return s[strspn(s, "0123456789-")] == '\0' && strlen(s) <= 12 ? s : msg_tr("(not shown)");
}

/* The first character of S for which WANTED is true, or 0 when there is
 * none; invalid UTF-8 counts as found (U+FFFD). */
static uint32_t find_char(const char *s, int (*wanted)(uint32_t cp))
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return 0xFFFD; /* csv_data.c has refused invalid UTF-8 already */
		if (wanted(cp))
			return cp;
		i += k;
	}
	return 0;
}

/* Characters that may not stand in a name: controls (C0, DEL, C1), line
 * and paragraph separators (U+2028, U+2029), and invisible format
 * characters (zero-width, direction overrides such as U+202E that would
 * print the name backwards, the byte-order mark). */
static int is_forbidden(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x061C;
}

/* A character that shows: not a kind of space. */
static int is_visible(uint32_t cp)
{
	return !(cp == ' ' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
		 cp == 0x205F || cp == 0x3000 || cp == 0x1680);
}

static uint32_t bad_char(const char *s)
{
	return find_char(s, is_forbidden);
}

static int has_visible(const char *s)
{
	return find_char(s, is_visible) != 0;
}

static int check_type(const char *name, int line, const char *s, struct holder *h)
{
	if (!*s || strcasecmp(s, "personal") == 0)
		h->type = HOLDER_PERSONAL;
	else if (strcasecmp(s, "community") == 0)
		h->type = HOLDER_COMMUNITY;
	else {
		diag_file(DIAG_ERROR, name, line, 0, msg_tr("type must be personal or community (or empty)"));
		return 1;
	}
	return 0;
}

static int check_name(const char *file, int line, const char *s, struct holder *h)
{
	uint32_t bad = bad_char(s);
	if (bad == '\n' || bad == '\r' || bad == 0x2028 || bad == 0x2029) {
		diag_file(DIAG_ERROR, file, line, 0, msg_tr("the name contains a line break (U+%04X)"),
			  (unsigned)bad);
		return 1;
	}
	if (bad) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("the name contains a control or invisible formatting character (U+%04X)"),
			  (unsigned)bad);
		return 1;
	}
	if (h->type == HOLDER_PERSONAL && !has_visible(s)) {
		diag_file(DIAG_ERROR, file, line, 0, msg_tr("empty name on a personal card%s"),
			  *s ? msg_tr(" (only spaces)") : "");
		return 1;
	}
	if (h->type == HOLDER_COMMUNITY && *s)
		diag_file(DIAG_WARNING, file, line, 0,
			  msg_tr("a community card shows the organisation; the name is not printed"));
	h->name = xstrdup(h->type == HOLDER_PERSONAL ? s : "");
	return 0;
}

/* A card is printed on TODAY: not before its issue date, not after its last
 * valid day (a coordinator printing ahead gives --today). */
static int check_today(const char *file, int line, const struct holder *h,
		       const struct date *today)
{
	char day[16], date[16];
	if (!today)
		return 0;
	msg_date(today, day, sizeof(day));
	if (date_compare(&h->issued, today) > 0) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("issued %s, later than the day of printing %s (--today sets that day)"),
			  msg_date(&h->issued, date, sizeof(date)), day);
		return 1;
	}
	if (date_compare(&h->expiry, today) < 0) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("the card is already expired on the day of printing %s "
				 "(last day of validity %s)"),
			  day, msg_date(&h->expiry, date, sizeof(date)));
		return 1;
	}
	return 0;
}

static int check_issued(const char *file, int line, const char *s, const struct config *cfg,
			struct holder *h)
{
	char buf[16];
	if (date_parse(s, &h->issued) != 0 || h->issued.year < 2000 || h->issued.year > 2100) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("issued is not a date YYYY-MM-DD between 2000 and 2100: %s"),
			  safe_value(s));
		return 1;
	}
	if (cfg->has_trial_end && date_compare(&h->issued, &cfg->trial_end) > 0) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("issued after the region's trial end (%s): the card would not be valid"),
			  msg_date(&cfg->trial_end, buf, sizeof(buf)));
		return 1;
	}
	h->expiry = date_card_expiry(h->issued, cfg->validity_months,
				     cfg->has_trial_end ? &cfg->trial_end : NULL);
	return 0;
}

static int check_children(const char *file, int line, const char *s, struct holder *h)
{
	size_t digits = strspn(s, "0123456789");
	if (!*s && h->type == HOLDER_COMMUNITY) {
		h->children = 0; /* not shown on a community card */
		return 0;
	}
	if (!*s || s[digits] != '\0' || digits > 3 || atoi(s) > HOLDERS_MAX_CHILDREN) {
		diag_file(DIAG_ERROR, file, line, 0,
			  msg_tr("children must be a whole number from 0 to %d: %s"),
			  HOLDERS_MAX_CHILDREN, *s ? safe_value(s) : msg_tr("(empty)"));
		return 1;
	}
	h->children = atoi(s);
	return 0;
}

/* Check one row into H; returns the number of problems reported. */
static int check_row(const struct csv_table *t, const struct csv_record *r,
		     const struct columns *c, const struct config *cfg,
		     const struct date *today, struct holder *h)
{
	char record[1100];
	int errors = check_type(t->name, r->line, field(r, c, COL_TYPE), h);
	if (errors == 0)
		errors += check_name(t->name, r->line, field(r, c, COL_NAME), h);
	if (check_issued(t->name, r->line, field(r, c, COL_ISSUED), cfg, h) != 0)
		errors++;
	else
		errors += check_today(t->name, r->line, h, today);
	errors += check_children(t->name, r->line, field(r, c, COL_CHILDREN), h);
	if (bad_char(field(r, c, COL_ORGANISATION))) {
		diag_file(DIAG_ERROR, t->name, r->line, 0,
			  msg_tr("the organisation contains a line break, a control or an invisible "
				 "formatting character (U+%04X)"), (unsigned)bad_char(field(r, c, COL_ORGANISATION)));
		errors++;
	}
	h->organisation = xstrdup(field(r, c, COL_ORGANISATION));
	snprintf(record, sizeof(record), "%s:%d", t->name, r->line);
	h->record = xstrdup(record);
	return errors;
}

static struct holders *check_table(const struct csv_table *t, const struct config *cfg,
				   const struct date *today)
{
	struct holders *hs = xcalloc(1, sizeof(*hs));
	struct columns c;
	int errors = find_columns(t, &c) + t->errors;
	if (errors == 0 && t->n_rows == 0) {
		diag_file(DIAG_ERROR, t->name, 0, 0, msg_tr("no rows after the header"));
		errors++;
	} else if (t->n_rows > HOLDERS_MAX_ROWS) {
		diag_file(DIAG_ERROR, t->name, 0, 0, msg_tr("more than %d rows"), HOLDERS_MAX_ROWS);
		errors++;
	}
	if (c.at[COL_NAME] >= 0 && c.at[COL_ISSUED] >= 0 &&
	    c.at[COL_CHILDREN] >= 0 && t->n_rows <= HOLDERS_MAX_ROWS) {
		/* the rows libcsv could read are checked even after other errors */
		hs->items = xcalloc((size_t)t->n_rows + 1, sizeof(*hs->items));
		for (hs->n = 0; hs->n < t->n_rows; hs->n++)
			errors += check_row(t, &t->rows[hs->n], &c, cfg, today, &hs->items[hs->n]) != 0;
	}
	if (errors) {
		holders_free(hs);
		return NULL;
	}
	return hs;
}

/* The holders of table T (NULL: it could not be read, reported), which is
 * freed. */
static struct holders *holders_of(struct csv_table *t, const struct config *cfg,
				  const struct date *today)
{
	struct holders *hs;
	if (!t)
		return NULL;
	hs = check_table(t, cfg, today);
	csv_table_free(t);
	return hs;
}

struct holders *holders_load(const char *path, const struct config *cfg,
			     const struct date *today)
{
	return holders_of(csv_table_read(path), cfg, today);
}

struct holders *holders_parse(const char *name, const char *text, size_t len,
			       const struct config *cfg, const struct date *today)
{
	return holders_of(csv_table_parse(name, text, len), cfg, today);
}

void holders_free(struct holders *h)
{
	if (!h)
		return;
	for (int i = 0; i < h->n; i++) {
		free(h->items[i].name);
		free(h->items[i].organisation);
		free(h->items[i].record);
	}
	free(h->items);
	free(h);
}

static void add_date(struct var_scope *item, const char *name, const struct date *d,
		     const char *lang, const char *origin)
{
	char buf[48];
	struct var *v;
	date_format(d, lang, buf, sizeof(buf));
	v = vars_add_text(item, name, VAR_DATE, buf, origin);
	v->date = *d;
}

static void add_holder(struct var_scope *item, const struct holder *h,
		       const struct config *cfg, const char *lang)
{
	const char *org = *h->organisation ? h->organisation
					   : config_get_text(cfg, "organisation", "name", lang);
	char num[16];
	struct var *v;
	vars_add_text(item, "record", VAR_TEXT, h->record, h->record);
	if (h->type == HOLDER_PERSONAL)
		vars_add_text(item, "name", VAR_TEXT, h->name, h->record)->personal = 1;
	else
		vars_add_unset(item, "name", VAR_TEXT, h->record);
	vars_add_text(item, "organisation", VAR_TEXT, org ? org : "", h->record);
	add_date(item, "issued", &h->issued, lang, h->record);
	add_date(item, "expiry", &h->expiry, lang, h->record);
	snprintf(num, sizeof(num), "%d", h->children);
	v = vars_add_text(item, "children", VAR_INT, num, h->record);
	v->num = h->children;
	if (h->type == HOLDER_PERSONAL) {
		vars_add_text(item, "personal", VAR_TEXT, "yes", h->record);
		vars_add_unset(item, "community", VAR_TEXT, h->record);
	} else {
		vars_add_unset(item, "personal", VAR_TEXT, h->record);
		vars_add_text(item, "community", VAR_TEXT, "yes", h->record);
	}
}

static void add_blank(struct var_scope *item)
{
	static const char *const names[] = { "record", "name", "organisation", "issued",
					     "expiry", "children", "personal", "community" };
	static const enum var_type types[] = { VAR_TEXT, VAR_TEXT, VAR_TEXT, VAR_DATE,
					       VAR_DATE, VAR_INT, VAR_TEXT, VAR_TEXT };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		vars_add_unset(item, names[i], types[i], "a blank insert");
}

void holders_add_vars(struct var_scope *scope, const struct holders *h,
		      const struct config *cfg, const char *lang)
{
	struct var *list = vars_add_list(scope, "holders");
	if (!h) {
		add_blank(vars_list_add_item(list));
		return;
	}
	for (int i = 0; i < h->n; i++)
		add_holder(vars_list_add_item(list), &h->items[i], cfg, lang);
}
