/*
 * template: XML templates, parsed safely with libxml2 (no network, no DTDs,
 * no entities), checked by the rules of the RELAX NG schema
 * templates/kaikuprint.rng (template_check.c; the schema itself too when
 * set) and expanded, for one language and one region, into a document tree.
 * The template language is described in templates/README.md.
 */
#ifndef KP_TEMPLATE_H
#define KP_TEMPLATE_H

#include "doc.h"
#include "vars.h"

#include <stddef.h>

enum { TEMPLATE_MAX_BYTES = 1024 * 1024 };

struct template;

/* Also validate every later template_load against the RELAX NG schema at
 * PATH (`check`; editors use the same file). Returns 0, or -1 after
 * reporting. Without it, templates are checked by the same rules in C
 * (template_check.c), which is all `render` pays for. */
int template_set_schema(const char *path);
void template_cleanup(void);

/* Parse and validate the file PATH; NULL after reporting every problem. */
struct template *template_load(const char *path);
/* Same from memory (fuzzing, tests); PATH names the bytes in messages. */
struct template *template_load_text(const char *path, const char *text, size_t len);
void template_free(struct template *t);
/* Does T have a <booklet> element (a folded-booklet variant)? */
int template_has_booklet(const struct template *t);
/* The document name given in <document name="...">. */
const char *template_name(const struct template *t);

struct expand_options {
	const char *lang;            /* "fi", "sv" or "en" */
	int large_print;             /* scale text so that body is >= 14 pt */
	const struct var_scope *vars; /* the region's variables for LANG */
	int repeat;                  /* the same text expanded before (a booklet
					variant): its warnings are not given again */
	int data_rows;               /* card holders given (--data): each adds to
					the expansion budget */
};

/* Expand T into a new document tree; NULL after reporting every problem
 * (unknown variables and styles, missing translations). */
struct doc *template_expand(const struct template *t, const struct expand_options *opt);

#endif
