/* template_report: the template stage's one way to report a problem; see
 * template_internal.h. */
#include "template_internal.h"
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Has this message been given at LINE:COL already? Remembers it if not. */
static int seen_before(struct template_report *r, int line, int col, const char *msg)
{
	for (int i = 0; i < r->n_seen; i++)
		if (r->seen[i].line == line && r->seen[i].col == col &&
		    strcmp(r->seen[i].msg, msg) == 0)
			return 1;
	if (r->n_seen == r->cap_seen) {
		r->cap_seen = r->cap_seen ? r->cap_seen * 2 : 16;
		r->seen = xrealloc(r->seen, (size_t)r->cap_seen * sizeof(*r->seen));
	}
	r->seen[r->n_seen].line = line;
	r->seen[r->n_seen].col = col;
	r->seen[r->n_seen++].msg = xstrdup(msg);
	return 0;
}

/* Where NEEDLE first stands from element N's line on (a text node or a start
 * tag may span lines), else N's start tag. */
static void place_of(const struct template *t, xmlNodePtr n, const char *needle, int *line,
		     int *col)
{
	*line = template_node_line(t, n);
	*col = needle ? template_column(t, *line, needle) : template_node_column(t, n);
	for (int next = *line + 1; needle && !*col && next <= *line + 100; next++) {
		*col = template_column(t, next, needle);
		if (*col)
			*line = next;
	}
	if (needle && !*col) {
		*line = template_node_line(t, n);
		*col = template_node_column(t, n);
	}
}

void template_report(struct template_report *r, enum diag_level level, xmlNodePtr n,
		     const char *needle, const char *fmt, ...)
{
	char msg[1024];
	int line, col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (level >= DIAG_ERROR)
		r->errors++;
	if (n)
		place_of(r->t, n, needle, &line, &col);
	else
		line = col = 0;
	if (!seen_before(r, line, col, msg))
		diag_file(level, r->t->path, line, col, "%s", msg);
}

void template_report_free(struct template_report *r)
{
	for (int i = 0; i < r->n_seen; i++)
		free(r->seen[i].msg);
	free(r->seen);
	r->seen = NULL;
	r->n_seen = r->cap_seen = 0;
}
