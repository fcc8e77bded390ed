/* table: rows of cells with borders and backgrounds, header rows repeated
 * after a page break, rows kept whole; see typeset_blocks.h. */
#include "typeset_blocks.h"
#include "diag.h"
#include "units.h"

#include <string.h>

#define NO_BOTTOM 1e9 /* no page break can happen inside a row */

struct table_geom {
	const struct doc_node *table;
	int n;                          /* columns */
	/* left edge of each column from the text column's left edge (which moves
	 * when the table continues in the next column of a <columns> flow) */
	double x[TABLE_MAX_COLS + 1];
	double pad, border;
	struct doc_color border_color;
	double header_h;                /* height of the header rows */
};

static int is_header(const struct doc_node *row)
{
	const char *h = doc_node_attr(row, "header");
	return h && strcmp(h, "yes") == 0;
}

/* Left edge and width of the columns CELL (starting at column C) covers. */
static double cell_width(const struct table_geom *g, int c, const struct doc_node *cell)
{
	int end = c + table_cell_span(cell);
	return g->x[end > g->n ? g->n : end] - g->x[c];
}

static double row_height(struct layout *lo, const struct table_geom *g,
			 const struct doc_node *row)
{
	double tallest = 0;
	int c = 0;
	for (const struct doc_node *cell = row->first; cell && c < g->n; cell = cell->next) {
		double w = cell_width(g, c, cell) - 2 * g->pad;
		double h = block_content_height(lo, cell->first, w > 0 ? w : 0);
		tallest = h > tallest ? h : tallest;
		c += table_cell_span(cell);
	}
	return tallest + 2 * g->pad;
}

static void add_rect(struct layout *lo, double x, double y, double w, double h,
		     const struct doc_color *fill, const struct table_geom *g)
{
	struct page *pg = layout_page(lo);
	struct box *b;
	if (!pg)
		return;
	b = page_add_box(pg, BOX_RECT);
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	if (fill) {
		b->fill = *fill;
		b->filled = 1;
		b->tag = "cell-background";
	} else {
		b->color = g->border_color;
		b->line_width = g->border;
		b->stroked = 1;
		b->tag = "cell";
	}
}

/* Background of a cell: its own, else its row's. */
static int cell_fill(const struct doc_node *row, const struct doc_node *cell,
		     struct doc_color *fill)
{
	const char *bg = doc_node_attr(cell, "background");
	if (!bg)
		bg = doc_node_attr(row, "background");
	return bg && units_parse_color(bg, fill) == 0;
}

/* Draw ROW, H points high, at lo->y: backgrounds, content, borders. */
static void draw_row(struct layout *lo, const struct table_geom *g, const struct doc_node *row,
		     double h)
{
	double top = lo->y, bottom = lo->bottom;
	int c = 0;
	if (lo->measure) {
		lo->y += h;
		return;
	}
	for (const struct doc_node *cell = row->first; cell && c < g->n; cell = cell->next) {
		struct doc_color fill;
		if (cell_fill(row, cell, &fill))
			add_rect(lo, lo->x0 + g->x[c], top, cell_width(g, c, cell), h, &fill, g);
		c += table_cell_span(cell);
	}
	lo->bottom = NO_BOTTOM;
	c = 0;
	for (const struct doc_node *cell = row->first; cell && c < g->n; cell = cell->next) {
		lo->y = top + g->pad;
		block_content_layout(lo, cell->first, lo->x0 + g->x[c] + g->pad,
				     cell_width(g, c, cell) - 2 * g->pad);
		if (g->border > 0)
			add_rect(lo, lo->x0 + g->x[c], top, cell_width(g, c, cell), h, NULL, g);
		c += table_cell_span(cell);
	}
	lo->bottom = bottom;
	lo->y = top + h;
	lo->at_top = 0;
}

static void draw_headers(struct layout *lo, const struct table_geom *g)
{
	for (const struct doc_node *row = g->table->first; row && is_header(row); row = row->next)
		draw_row(lo, g, row, row_height(lo, g, row));
}

static int setup(struct layout *lo, const struct doc_node *table, struct table_geom *g)
{
	double widths[TABLE_MAX_COLS];
	const char *attr;
	memset(g, 0, sizeof(*g));
	g->table = table;
	g->n = table_column_widths(lo, table, lo->width, widths, TABLE_MAX_COLS);
	g->x[0] = 0;
	for (int c = 0; c < g->n; c++)
		g->x[c + 1] = g->x[c] + widths[c];
	g->pad = table_padding(table);
	g->border = 0.5;
	if ((attr = doc_node_attr(table, "border")))
		units_parse_length(attr, &g->border);
	if ((attr = doc_node_attr(table, "border-color")))
		units_parse_color(attr, &g->border_color);
	for (const struct doc_node *row = table->first; row && is_header(row); row = row->next)
		g->header_h += row_height(lo, g, row);
	return g->n;
}

static int row_fits_a_page(struct layout *lo, const struct table_geom *g,
			   const struct doc_node *row, double h, int in_head)
{
	double room = lo->bottom - lo->top - (in_head ? 0 : g->header_h);
	if (h <= room + 0.01 || lo->measure)
		return 1;
	diag_file(DIAG_ERROR, lo->doc->file, row->line, row->col,
		  "table row is %.1f mm too tall to fit on a page%s", (h - room) / MM_TO_PT,
		  g->header_h > 0 && !in_head ? " under the header rows" : "");
	lo->errors++;
	return 0;
}

/* A new page when NEED points do not fit; the header rows go on top of it
 * unless they are what is being placed. */
static void break_before(struct layout *lo, const struct table_geom *g, double need,
			 int in_head)
{
	if (lo->measure || lo->at_top || lo->y + need <= lo->bottom + 0.01)
		return;
	layout_new_page(lo);
	if (!in_head)
		draw_headers(lo, g);
}

/* Height of the header rows and the first body row: they start together. */
static double opening_height(struct layout *lo, const struct table_geom *g)
{
	const struct doc_node *body = g->table->first;
	while (body && is_header(body))
		body = body->next;
	return g->header_h + (body ? row_height(lo, g, body) : 0);
}

void table_layout(struct layout *lo, const struct doc_node *table)
{
	/* space around the table: that of the text it stands in */
	const struct doc_style *st = doc_node_style(lo->doc, table->parent);
	struct table_geom g;
	int in_head;
	layout_space(lo, st->space_before);
	if (setup(lo, table, &g) == 0)
		return;
	in_head = is_header(table->first);
	for (const struct doc_node *row = table->first; row; row = row->next) {
		double h;
		in_head = in_head && is_header(row);
		if (!row->first)
			continue; /* an <each> over an empty list left no cells */
		h = row_height(lo, &g, row);
		if (!row_fits_a_page(lo, &g, row, h, in_head))
			return;
		if (row == table->first && in_head)
			break_before(lo, &g, opening_height(lo, &g), 1);
		else if (!in_head)
			break_before(lo, &g, h, 0);
		draw_row(lo, &g, row, h);
	}
	lo->y += st->space_after;
}
