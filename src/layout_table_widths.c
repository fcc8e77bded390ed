/* layout_table_widths: column widths of a table from its content (narrowest and
 * natural widths) and the template's constraints; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>

enum col_kind { COL_AUTO, COL_FIXED, COL_STAR };

struct column {
	enum col_kind kind;
	double value;     /* COL_FIXED: points; COL_STAR: share */
	double min, max;  /* content widths, padding included */
	double width;     /* the result */
};

int table_cell_span(const struct doc_node *cell)
{
	const char *span = doc_node_attr(cell, "span");
	int n = span ? atoi(span) : 1;
	return n >= 1 ? n : 1;
}

/* Entries in the widths attribute. */
static int constraint_count(const struct doc_node *table)
{
	const char *s = doc_node_attr(table, "widths");
	char word[64];
	int n = 0, used;
	while (s && sscanf(s, "%63s%n", word, &used) == 1) {
		s += used;
		n++;
	}
	return n;
}

int table_column_count(const struct doc_node *table)
{
	int most = constraint_count(table);
	for (const struct doc_node *row = table->first; row; row = row->next) {
		int n = 0;
		for (const struct doc_node *cell = row->first; cell; cell = cell->next)
			n += table_cell_span(cell);
		most = n > most ? n : most;
	}
	return most;
}

double table_padding(const struct doc_node *table)
{
	double pad = 1.5 * MM_TO_PT;
	const char *attr = doc_node_attr(table, "padding");
	if (attr)
		units_parse_length(attr, &pad);
	return pad;
}

/* Read widths="30mm auto * 2*" into COLS; entries past N are ignored. */
static void parse_constraints(const struct doc_node *table, struct column *cols, int n)
{
	const char *s = doc_node_attr(table, "widths");
	char word[64];
	int i = 0, used;
	while (s && i < n && sscanf(s, "%63s%n", word, &used) == 1) {
		size_t len = strlen(word);
		s += used;
		if (word[len - 1] == '*') {
			cols[i].kind = COL_STAR;
			cols[i].value = len > 1 ? atof(word) : 1;
		} else if (strcmp(word, "auto") != 0 &&
			   units_parse_length(word, &cols[i].value) == 0) {
			cols[i].kind = COL_FIXED;
		}
		i++;
	}
}

/* Spread a cell's excess over the columns it spans evenly. A spanning cell
 * passes max 0: its text may wrap across the joined columns, and letting its
 * one-line width widen them would starve the other columns. */
static void spread(struct column *cols, int from, int span, double min, double max)
{
	double have_min = 0, have_max = 0;
	for (int c = from; c < from + span; c++) {
		have_min += cols[c].min;
		have_max += cols[c].max;
	}
	for (int c = from; c < from + span; c++) {
		if (min > have_min)
			cols[c].min += (min - have_min) / span;
		if (max > have_max)
			cols[c].max += (max - have_max) / span;
	}
}

static void measure_columns(struct layout *lo, const struct doc_node *table, struct column *cols,
			    int n)
{
	double pad = 2 * table_padding(table);
	for (int pass = 1; pass <= 2; pass++) { /* single cells first, then spans */
		for (const struct doc_node *row = table->first; row; row = row->next) {
			int c = 0;
			for (const struct doc_node *cell = row->first; cell && c < n;
			     cell = cell->next) {
				int span = table_cell_span(cell);
				double min, max;
				if (span > n - c)
					span = n - c;
				if ((span == 1) == (pass == 1)) {
					block_content_widths(lo, cell->first, &min, &max);
					spread(cols, c, span, min + pad, span == 1 ? max + pad : 0);
				}
				c += span;
			}
		}
	}
}

/* Columns whose natural width is within an even share of what is left get it
 * whole (a short column is never wrapped to save a little room in a long
 * one); returns the room left for the others, which stay unsettled. */
static double settle_narrow(struct column *cols, int n, double avail, int *settled, int *left)
{
	int changed = 1;
	while (changed && *left > 0) {
		double share = avail / *left;
		changed = 0;
		for (int c = 0; c < n; c++) {
			if (!settled[c] && cols[c].max <= share) {
				cols[c].width = cols[c].max;
				avail -= cols[c].max;
				settled[c] = 1;
				--*left;
				changed = 1;
			}
		}
	}
	return avail;
}


/* Auto columns into AVAIL points; FILL: give them all of it. */
static double fit_auto(struct column *cols, int n, double avail, int fill)
{
	double min = 0, max = 0, used = 0;
	int settled[TABLE_MAX_COLS], left = 0;
	for (int c = 0; c < n; c++) {
		if (cols[c].kind == COL_AUTO) {
			min += cols[c].min;
			max += cols[c].max;
		}
	}
	for (int c = 0; c < n; c++) {
		settled[c] = cols[c].kind != COL_AUTO;
		left += !settled[c];
	}
	if (max > avail)
		avail = settle_narrow(cols, n, avail, settled, &left);
	min = max = 0;
	for (int c = 0; c < n; c++) {
		if (cols[c].kind == COL_AUTO)
			used += settled[c] ? cols[c].width : 0;
		if (!settled[c]) {
			min += cols[c].min;
			max += cols[c].max;
		}
	}
	for (int c = 0; c < n; c++) {
		struct column *col = &cols[c];
		if (settled[c])
			continue;
		if (max <= avail)
			col->width = col->max + (fill ? (avail - max) * (max > 0 ? col->max / max : 0) : 0);
		else if (min <= avail)
			col->width = col->min + (col->max - col->min) * (avail - min) / (max - min);
		else
			col->width = min > 0 ? avail * col->min / min : 0;
		used += col->width;
	}
	return used;
}

static void fit_stars(struct column *cols, int n, double avail)
{
	double shares = 0;
	for (int c = 0; c < n; c++)
		shares += cols[c].kind == COL_STAR ? cols[c].value : 0;
	for (int c = 0; c < n; c++)
		if (cols[c].kind == COL_STAR)
			cols[c].width = avail > 0 && shares > 0 ? avail * cols[c].value / shares : 0;
}

static int solve(struct layout *lo, const struct doc_node *table, struct column *cols, int n,
		 double width)
{
	double fixed = 0, star_min = 0, autos;
	int stars = 0, autos_n = 0;
	for (int c = 0; c < n; c++) {
		if (cols[c].kind == COL_FIXED)
			fixed += cols[c].width = cols[c].value;
		stars += cols[c].kind == COL_STAR;
		autos_n += cols[c].kind == COL_AUTO;
		star_min += cols[c].kind == COL_STAR ? cols[c].min : 0;
	}
	if (fixed > width + 0.01 || (fixed > width - 1 && (stars || autos_n))) {
		if (lo->measure)
			return -1; /* reported when the table is laid out */
		diag_file(DIAG_ERROR, lo->doc->file, table->line, table->col,
			  "the table's fixed column widths (%.1f mm) leave no room in the %.1f mm "
			  "column%s", fixed / MM_TO_PT, width / MM_TO_PT,
			  stars || autos_n ? " for the other columns" : "");
		lo->errors++;
		return -1;
	}
	autos = fit_auto(cols, n, stars ? width - fixed - star_min : width - fixed, !stars);
	fit_stars(cols, n, width - fixed - autos);
	return 0;
}

static struct column *columns_for(struct layout *lo, const struct doc_node *table, int *n)
{
	struct column *cols;
	*n = table_column_count(table);
	if (*n == 0)
		return NULL;
	cols = xcalloc((size_t)*n, sizeof(*cols));
	parse_constraints(table, cols, *n);
	measure_columns(lo, table, cols, *n);
	return cols;
}

int table_column_widths(struct layout *lo, const struct doc_node *table, double width,
			double *widths, int max_cols)
{
	int n;
	struct column *cols = columns_for(lo, table, &n);
	if (n > max_cols) {
		if (!lo->measure)
			diag_file(DIAG_ERROR, lo->doc->file, table->line, table->col,
				  "a table has at most %d columns", max_cols);
		lo->errors += !lo->measure;
		n = 0;
	} else if (n > 0 && solve(lo, table, cols, n, width) != 0) {
		n = 0;
	}
	for (int c = 0; c < n; c++)
		widths[c] = cols[c].width;
	free(cols);
	return n;
}

void table_content_widths(struct layout *lo, const struct doc_node *table, double *min,
			  double *max)
{
	int n;
	struct column *cols = columns_for(lo, table, &n);
	*min = *max = 0;
	for (int c = 0; c < n; c++) {
		int fixed = cols[c].kind == COL_FIXED;
		*min += fixed ? cols[c].value : cols[c].min;
		*max += fixed ? cols[c].value : cols[c].max;
	}
	free(cols);
}
