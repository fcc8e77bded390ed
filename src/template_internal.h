/* template_internal: what the template_*.c files share; not for other stages. */
#ifndef KP_TEMPLATE_INTERNAL_H
#define KP_TEMPLATE_INTERNAL_H

#include "template.h"

#include <libxml/tree.h>

struct template {
	char *path;
	char *text;           /* the source bytes, for column look-ups */
	size_t len;
	size_t *line_starts;  /* byte offset of each line; [0] is line 1 */
	int n_lines;
	xmlDocPtr xml;
	char *name;           /* <document name> */
};

/* Column (1-based, in characters) of the first NEEDLE on LINE, or 0. */
int template_column(const struct template *t, int line, const char *needle);
/* Column of element NODE's start tag on its line, or 0. */
int template_node_column(const struct template *t, xmlNodePtr node);
/* Attribute NAME of NODE as a newly allocated string (xmlFree), or NULL. */
char *template_attr(xmlNodePtr node, const char *name);

/* Read <booklet> (the folded A5 variant's page and column limit) into D
 * (template_booklet.c). Returns the number of errors. */
int template_read_booklet(const struct template *t, xmlNodePtr root, struct doc *d);

/* Read <page>, <font> and <style> into D (template_style.c). */
int template_read_setup(const struct template *t, xmlNodePtr root, struct doc *d,
			int large_print);
/* Read <impose> (card size and sheets) into D->impose (template_impose.c). */
int template_read_impose(const struct template *t, xmlNodePtr root, struct doc *d);
/* Does the template have <impose>, i.e. is it a card template? */
int template_has_impose(const struct template *t, xmlNodePtr root);

#endif
