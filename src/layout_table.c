/* layout_table: rows of cells with borders and backgrounds, header rows repeated
 * after a page break, rows kept whole unless taller than a page; see
 * layout_internal.h. */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <string.h>

int table_is_header(const struct doc_node *row)
{
	return row->a.cell.header;
}

double table_cell_width(const struct table_geom *g, int c, const struct doc_node *cell)
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
		double w = table_cell_width(g, c, cell) - 2 * g->pad;
		double h = block_content_height(lo, cell->first, w > 0 ? w : 0);
		tallest = h > tallest ? h : tallest;
		c += table_cell_span(cell);
	}
	return tallest + 2 * g->pad;
}

static struct box *add_rect(struct page *pg, int at, double x, double y, double w, double h)
{
	struct box *b = page_insert_box(pg, at, BOX_RECT);
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	return b;
}

void table_row_frame(struct layout *lo, const struct table_geom *g, const struct doc_node *row,
		     double top, double h, int first_box)
{
	struct page *pg = layout_page(lo);
	int c = 0;
	for (const struct doc_node *cell = row->first; pg && cell && c < g->n; cell = cell->next) {
		double x = lo->x0 + g->x[c], w = table_cell_width(g, c, cell);
		struct box *b;
		if (cell->a.cell.has_background) { /* its own, else its row's */
			b = add_rect(pg, first_box++, x, top, w, h);
			b->fill = cell->a.cell.background;
			b->filled = 1;
			b->tag = "cell-background";
		}
		if (g->border > 0) {
			b = add_rect(pg, pg->n_boxes, x, top, w, h);
			b->color = g->border_color;
			b->line_width = g->border;
			b->stroked = 1;
			b->tag = "cell";
		}
		c += table_cell_span(cell);
	}
}

void table_row_content(struct layout *lo, const struct table_geom *g,
		       const struct doc_node *row, double top)
{
	struct flow_state saved = layout_save(lo);
	int c = 0, outer = layout_begin_elem(lo, ROLE_TR);
	lo->bottom = NO_BOTTOM;
	for (const struct doc_node *cell = row->first; cell && c < g->n; cell = cell->next) {
		int in_row = layout_begin_elem(lo, table_is_header(row) ? ROLE_TH : ROLE_TD);
		if (lo->elem != in_row && table_cell_span(cell) > 1) /* a cell element was opened */
			lo->pages->elems[lo->elem].col_span = table_cell_span(cell);
		lo->y = top + g->pad;
		block_content_layout(lo, cell->first, lo->x0 + g->x[c] + g->pad,
				     table_cell_width(g, c, cell) - 2 * g->pad);
		layout_end_elem(lo, in_row);
		c += table_cell_span(cell);
	}
	layout_restore(lo, &saved);
	layout_end_elem(lo, outer);
}

/* Draw ROW, H points high, at lo->y: backgrounds, content, borders. */
static void draw_row(struct layout *lo, const struct table_geom *g, const struct doc_node *row,
		     double h)
{
	double top = lo->y;
	if (!lo->measure) {
		int first_box = layout_page(lo)->n_boxes;
		table_row_content(lo, g, row, top);
		table_row_frame(lo, g, row, top, h, first_box);
	}
	lo->y = top + h;
	lo->at_top = 0;
}

void table_draw_headers(struct layout *lo, const struct table_geom *g)
{
	for (const struct doc_node *row = g->table->first; row && table_is_header(row);
	     row = row->next)
		draw_row(lo, g, row, row_height(lo, g, row));
}

void table_repeat_headers(struct layout *lo, const struct table_geom *g)
{
	int saved = lo->elem;
	lo->elem = -1; /* read once, where the table starts: here they are artifacts */
	table_draw_headers(lo, g);
	lo->elem = saved;
}

static int setup(struct layout *lo, const struct doc_node *table, struct table_geom *g)
{
	double widths[TABLE_MAX_COLS];
	memset(g, 0, sizeof(*g));
	g->table = table;
	g->n = table_column_widths(lo, table, lo->width, widths, TABLE_MAX_COLS);
	for (int c = 0; c < g->n; c++)
		g->x[c + 1] = g->x[c] + widths[c];
	g->pad = table->a.table.padding;
	g->border = table->a.table.border;
	g->border_color = table->a.table.border_color;
	for (const struct doc_node *row = table->first; row && table_is_header(row);
	     row = row->next)
		g->header_h += row_height(lo, g, row);
	return g->n;
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
		table_repeat_headers(lo, g);
}

/* Height of the header rows and the first body row: they start together. */
static double opening_height(struct layout *lo, const struct table_geom *g)
{
	const struct doc_node *body = g->table->first;
	while (body && table_is_header(body))
		body = body->next;
	return g->header_h + (body ? row_height(lo, g, body) : 0);
}

/* Header rows must leave room for body rows on every page. */
static int headers_fit(struct layout *lo, const struct table_geom *g)
{
	double room = block_column_height(lo);
	if (g->header_h <= room / 2 || lo->measure)
		return 1;
	layout_report(lo, DIAG_ERROR, lo->doc->file, g->table->first->line, g->table->first->col,
		      "the header rows (%.1f mm) take more than half of the page's %.1f mm text area",
		      g->header_h / MM_TO_PT, room / MM_TO_PT);
	return 0;
}

static void layout_rows(struct layout *lo, const struct table_geom *g)
{
	const struct doc_node *table = g->table;
	int in_head = table_is_header(table->first);
	for (const struct doc_node *row = table->first; row; row = row->next) {
		double h;
		in_head = in_head && table_is_header(row);
		if (!row->first)
			continue; /* an <each> over an empty list left no cells */
		h = row_height(lo, g, row);
		if (!in_head && h > block_column_height(lo) - g->header_h + 0.01 && !lo->measure) {
			table_split_row(lo, g, row);
			continue;
		}
		if (row == table->first && in_head)
			break_before(lo, g, opening_height(lo, g), 1);
		else if (!in_head)
			break_before(lo, g, h, 0);
		draw_row(lo, g, row, h);
	}
}

void table_layout(struct layout *lo, const struct doc_node *table)
{
	/* space around the table: that of the text it stands in */
	const struct doc_style *st = doc_node_style(lo->doc, table->parent);
	struct table_geom g;
	if (block_too_deep(lo, table))
		return;
	layout_space(lo, st->space_before);
	if (setup(lo, table, &g) == 0 || !headers_fit(lo, &g))
		return;
	layout_rows(lo, &g);
	lo->y += st->space_after;
}
