/* layout_table_widths: column widths of a table from its content (narrowest and
 * natural widths) and the template's constraints; see layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>


struct column {
	enum doc_width_kind kind;
	double value;     /* DOC_WIDTH_FIXED: points; DOC_WIDTH_STAR: share */
	double min, max;  /* content widths, padding included */
	double width;     /* the result */
};

int table_cell_span(const struct doc_node *cell)
{
	return cell->a.cell.span;
}

int table_column_count(const struct doc_node *table)
{
	int most = table->a.table.n_widths;
	for (const struct doc_node *row = table->first; row; row = row->next) {
		int n = 0;
		for (const struct doc_node *cell = row->first; cell; cell = cell->next)
			n += table_cell_span(cell);
		most = n > most ? n : most;
	}
	return most;
}

/* The widths="30mm auto * 2*" of TABLE into COLS; entries past N are ignored. */
static void take_constraints(const struct doc_node *table, struct column *cols, int n)
{
	const struct doc_table_attrs *a = &table->a.table;
	for (int i = 0; i < a->n_widths && i < n; i++) {
		cols[i].kind = a->widths[i].kind;
		cols[i].value = a->widths[i].value;
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
	double pad = 2 * table->a.table.padding;
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
		if (cols[c].kind == DOC_WIDTH_AUTO) {
			min += cols[c].min;
			max += cols[c].max;
		}
	}
	for (int c = 0; c < n; c++) {
		settled[c] = cols[c].kind != DOC_WIDTH_AUTO;
		left += !settled[c];
	}
	if (max > avail)
		avail = settle_narrow(cols, n, avail, settled, &left);
	min = max = 0;
	for (int c = 0; c < n; c++) {
		if (cols[c].kind == DOC_WIDTH_AUTO)
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
		shares += cols[c].kind == DOC_WIDTH_STAR ? cols[c].value : 0;
	for (int c = 0; c < n; c++)
		if (cols[c].kind == DOC_WIDTH_STAR)
			cols[c].width = avail > 0 && shares > 0 ? avail * cols[c].value / shares : 0;
}

static int solve(struct layout *lo, const struct doc_node *table, struct column *cols, int n,
		 double width)
{
	double fixed = 0, star_min = 0, autos;
	int stars = 0, autos_n = 0;
	for (int c = 0; c < n; c++) {
		if (cols[c].kind == DOC_WIDTH_FIXED)
			fixed += cols[c].width = cols[c].value;
		stars += cols[c].kind == DOC_WIDTH_STAR;
		autos_n += cols[c].kind == DOC_WIDTH_AUTO;
		star_min += cols[c].kind == DOC_WIDTH_STAR ? cols[c].min : 0;
	}
	if (fixed > width + 0.01 || (fixed > width - 1 && (stars || autos_n))) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, table->line, table->col,
			      "the table's fixed column widths (%.1f mm) leave no room in the %.1f mm "
			      "column%s", fixed / MM_TO_PT, width / MM_TO_PT,
			      stars || autos_n ? " for the other columns" : "");
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
	take_constraints(table, cols, *n);
	measure_columns(lo, table, cols, *n);
	return cols;
}

int table_column_widths(struct layout *lo, const struct doc_node *table, double width,
			double *widths, int max_cols)
{
	int n;
	struct column *cols = columns_for(lo, table, &n);
	if (n > max_cols) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, table->line, table->col,
			      "a table has at most %d columns", max_cols);
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
		int fixed = cols[c].kind == DOC_WIDTH_FIXED;
		*min += fixed ? cols[c].value : cols[c].min;
		*max += fixed ? cols[c].value : cols[c].max;
	}
	free(cols);
}
