/*
 * vars: the variables a template may use, built from the region config for
 * one language. A scope holds named values; a list value holds item scopes
 * (e.g. the coordinators). Every value knows where it came from, so that a
 * later stage can say "U+1F600 in [coordinator.culture] name".
 */
#ifndef KP_VARS_H
#define KP_VARS_H

#include "dates.h"

enum var_type {
	VAR_TEXT,  /* plain text */
	VAR_URL,   /* web address: never hyphenated */
	VAR_EMAIL, /* e-mail address: never hyphenated */
	VAR_DATE,  /* formatted per language when substituted */
	VAR_INT,   /* whole number */
	VAR_LIST   /* items: scopes */
};

struct var_scope;

struct var {
	char *name;            /* "region.name", or "name" inside a list item */
	enum var_type type;
	int set;               /* 0: known but left out of the config */
	int fallback;          /* base text standing in for a missing translation */
	char *text;            /* display text (dates already formatted) */
	long num;              /* VAR_INT value */
	struct date date;      /* VAR_DATE value */
	char *origin;          /* "config/x.ini: [region] name" */
	const char *lang;      /* the text's language when not the document's ("sv",
				  a static string: config_languages), or NULL */
	int personal;          /* a holder's name: drawn into the PDF, never dumped or logged */
	struct var_scope **items; /* VAR_LIST: owned item scopes */
	int n_items;
};

struct var_scope {
	struct var *vars;
	int n, cap;
};

struct var_scope *vars_new(void);
void vars_free(struct var_scope *s);
/* Remove the value added last to S, with its items: a scope used for several
 * expansions, each with a list of its own (the holders of one sheet). */
void vars_drop_last(struct var_scope *s);
/* Add a value; strings are copied. Returns the new var (owned by S). */
struct var *vars_add_text(struct var_scope *s, const char *name, enum var_type type,
			  const char *text, const char *origin);
struct var *vars_add_unset(struct var_scope *s, const char *name, enum var_type type,
			   const char *origin);
struct var *vars_add_list(struct var_scope *s, const char *name);
/* Append an empty item scope to list var L; owned by L. */
struct var_scope *vars_list_add_item(struct var *l);
/* Find NAME in S; NULL when S does not define it. */
const struct var *vars_find(const struct var_scope *s, const char *name);

#endif
