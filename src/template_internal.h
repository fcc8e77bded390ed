/* template_internal: what the template_*.c files share; not for other stages. */
#ifndef KP_TEMPLATE_INTERNAL_H
#define KP_TEMPLATE_INTERNAL_H

#include "template.h"
#include "diag.h"

#include <libxml/tree.h>

struct template {
	char *path;
	char *text;           /* the source bytes, for column look-ups */
	size_t len;
	size_t *line_starts;  /* byte offset of each line; [0] is line 1 */
	int n_lines;
	size_t *cp_marks;     /* code points before every 64th byte (columns) */
	xmlDocPtr xml;
	char *name;           /* <document name> */
};

/* Elements with more attributes are refused before parsing. */
enum { TEMPLATE_MAX_ATTRS = 256 };

/* Index T's lines and code points (template_scan.c). */
void template_index(struct template *t);
/* Refuse declarations and elements with too many attributes in one pass
 * over the bytes; returns the number of errors reported. */
int template_scan(const struct template *t);
/* Line and column (1-based, in characters) of byte offset OFF. */
int template_offset_line(const struct template *t, size_t off);
int template_offset_column(const struct template *t, size_t off);

/* Line of NODE, also past 65,535 (where libxml2's own count stops). */
int template_node_line(const struct template *t, xmlNodePtr node);
/* Column (1-based, in characters) of the first NEEDLE on LINE, or 0. */
int template_column(const struct template *t, int line, const char *needle);
/* Column of element NODE's start tag on its line, or 0. */
int template_node_column(const struct template *t, xmlNodePtr node);
/* Attribute NAME of NODE as a newly allocated string (xmlFree), or NULL. */
char *template_attr(xmlNodePtr node, const char *name);

/* The problems the template stage reports while expanding one document:
 * each message is given once for its place (line, column), however often
 * <each> expands the element it is about (template_report.c). */
struct template_report {
	const struct template *t;
	int errors;                 /* errors reported or repeated */
	struct seen_message {
		int line, col;
		char *msg;
	} *seen;
	int n_seen, cap_seen;
};

/* Report a problem of element N (NULL: of the whole template) at the first
 * NEEDLE from its line on (an attribute: "width="), else at its start tag. */
void template_report(struct template_report *r, enum diag_level level, xmlNodePtr n,
		     const char *needle, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void template_report_free(struct template_report *r);

/* Parse, range-check and store the attributes of element N in B->a, which
 * is already in the tree (template_attrs.c); problems go to R. */
/* <image> (and <logo>, whose SRC and ALT come from the region): the file
 * probed, its size on the page from width and/or height. */
void template_read_image(struct template_report *r, xmlNodePtr n, struct doc *d,
			 struct doc_node *b, const char *src, const char *alt);
void template_read_attrs(struct template_report *r, xmlNodePtr n, struct doc *d,
			 struct doc_node *b);
/* The unit a range is told in: millimetres, or points for font sizes and
 * line weights. */
enum template_unit { UNIT_MM, UNIT_PT };
/* Read the length attribute NAME of N into *PT when it is given: a length
 * such as 12pt or 20mm from MIN to MAX points. Returns 0 (given or not), or
 * -1 after reporting. */
int template_length(struct template_report *r, xmlNodePtr n, const char *name, double min,
		    double max, enum template_unit unit, double *pt);

/* Read <booklet> (the folded A5 variant's page and column limit) into D
 * (template_booklet.c). Returns the number of errors. */
int template_read_booklet(struct template_report *r, xmlNodePtr root, struct doc *d);

/* Read <page>, <font> and <style> into D (template_style.c). */
int template_read_setup(struct template_report *r, xmlNodePtr root, struct doc *d,
			int large_print);
/* Read <impose> (card size and sheets) into D->impose (template_impose.c). */
int template_read_impose(struct template_report *r, xmlNodePtr root, struct doc *d);
/* Does the template have <impose>, i.e. is it a card template? */
int template_has_impose(const struct template *t, xmlNodePtr root);

/* The structure of T's tree checked as the schema states it
 * (template_check.c); returns the number of errors reported. */
int template_check_structure(const struct template *t);
/* Every element name (ATTR NULL) and every attribute of an element that the
 * structure check knows, for the test that keeps it in step with the schema. */
void template_check_names(void (*each)(const char *element, const char *attr, void *arg),
			  void *arg);
/* Warn about every colour that needs more ink than a press prints well
 * (template_ink.c). Returns the number of warnings. */
int template_check_inks(const struct template *t);

#endif
