/* impose: see impose.h. */
#include "impose.h"
#include "box_group.h"
#include "diag.h"
#include "press.h"

#include <stdlib.h>
#include <string.h>

/* Room on a sheet besides its cards' boxes: crop marks, the print note, a
 * print shop's slug line (more only makes the sheet's array grow once). */
enum { SHEET_EXTRA_BOXES = 64 };

/* Where the cards go on a sheet. */
struct grid {
	double card_w, card_h, gap;
	int cols, rows;
	double x0, y0;          /* top-left corner of the grid */
	double grid_w, grid_h;
	double margin;          /* the sheet margin marks (and a slug line) need */
	double mark_offset;     /* from a cut line to its mark */
	const struct press_options *press; /* print-shop sheets, or NULL */
};

/* How many cards of length CARD fit in SHEET with MARGIN for the marks. */
static int fitting_count(double sheet, double card, double gap, double margin)
{
	int n = (int)((sheet - 2 * margin + gap) / (card + gap) + 1e-9);
	return n > 0 ? n : 0;
}

/* Print-shop sheets: each card's bleed stays inside its own cut (the gap
 * holds both neighbours' bleed) and the marks start outside the bleed. */
static void plan_margins(const struct doc_impose *imp, const struct press_options *po,
			 struct grid *g)
{
	g->press = po;
	g->gap = imp->gap;
	g->margin = IMPOSE_MIN_MARGIN;
	g->mark_offset = IMPOSE_MARK_OFFSET;
	if (!po)
		return;
	if (g->gap < 2 * po->bleed)
		g->gap = 2 * po->bleed;
	if (g->margin < press_margin(po))
		g->margin = press_margin(po);
	g->mark_offset = press_mark_offset(po);
}

static int plan_grid(const struct doc_impose *imp, double card_w, double card_h,
		     const char *file, struct grid *g)
{
	double m = g->margin;
	g->card_w = card_w;
	g->card_h = card_h;
	g->cols = imp->columns ? imp->columns : fitting_count(imp->sheet_width, card_w, g->gap, m);
	g->rows = imp->rows ? imp->rows : fitting_count(imp->sheet_height, card_h, g->gap, m);
	g->grid_w = g->cols * card_w + (g->cols - 1) * g->gap;
	g->grid_h = g->rows * card_h + (g->rows - 1) * g->gap;
	if (g->cols < 1 || g->rows < 1 || g->grid_w > imp->sheet_width - 2 * m + 0.01 ||
	    g->grid_h > imp->sheet_height - 2 * m + 0.01) {
		double over_w = g->grid_w - (imp->sheet_width - 2 * m);
		double over_h = g->grid_h - (imp->sheet_height - 2 * m);
		double over = over_w > over_h ? over_w : over_h;
		diag_file(DIAG_ERROR, file, imp->line, imp->col,
			  "<impose>: %d x %d cards of %.1f x %.1f mm do not fit on the sheet with "
			  "%.0f mm margins for the crop marks: %.1f mm missing",
			  g->cols < 1 ? 1 : g->cols, g->rows < 1 ? 1 : g->rows, card_w / MM_TO_PT,
			  card_h / MM_TO_PT, m / MM_TO_PT, (over > 0 ? over : card_w) / MM_TO_PT);
		return -1;
	}
	g->x0 = (imp->sheet_width - g->grid_w) / 2;
	g->y0 = (imp->sheet_height - g->grid_h) / 2;
	return 0;
}

/* A crop mark; on print-shop sheets in registration colour (every plate). */
static void add_line(struct page *sheet, const struct grid *g, double x, double y, double w,
		     double h)
{
	struct box *b = page_add_shape(sheet, BOX_LINE, x, y, w, h);
	b->line_width = 0.3;
	b->tag = "crop";
	if (g->press) {
		b->line_width = 0.25;
		b->color.cmyk = 1;
		b->color.c = b->color.m = b->color.y = b->color.k = 1;
	}
}

/* One vertical mark above and below the grid at X, one horizontal mark left
 * and right of it at Y. */
static void marks_at_x(struct page *sheet, const struct grid *g, double x)
{
	double o = g->mark_offset;
	add_line(sheet, g, x, g->y0 - o - IMPOSE_MARK_LENGTH, 0, IMPOSE_MARK_LENGTH);
	add_line(sheet, g, x, g->y0 + g->grid_h + o, 0, IMPOSE_MARK_LENGTH);
}

static void marks_at_y(struct page *sheet, const struct grid *g, double y)
{
	double o = g->mark_offset;
	add_line(sheet, g, g->x0 - o - IMPOSE_MARK_LENGTH, y, IMPOSE_MARK_LENGTH, 0);
	add_line(sheet, g, g->x0 + g->grid_w + o, y, IMPOSE_MARK_LENGTH, 0);
}

/* Marks for every cut line; with no gap, neighbours share one. They are the
 * same on every sheet: placed through GS, they become one group. */
static void add_crop_marks(struct page *sheet, const struct grid *g, struct box_groups *gs)
{
	struct page marks;
	memset(&marks, 0, sizeof(marks));
	marks.width = sheet->width;
	marks.height = sheet->height;
	for (int c = 0; c < g->cols; c++) {
		double left = g->x0 + c * (g->card_w + g->gap);
		if (c == 0 || g->gap > 0)
			marks_at_x(&marks, g, left);
		marks_at_x(&marks, g, left + g->card_w);
	}
	for (int r = 0; r < g->rows; r++) {
		double top = g->y0 + r * (g->card_h + g->gap);
		if (r == 0 || g->gap > 0)
			marks_at_y(&marks, g, top);
		marks_at_y(&marks, g, top + g->card_h);
	}
	box_groups_place(gs, sheet, marks.boxes, marks.n_boxes, marks.width, marks.height, 0, 0);
	free(marks.boxes);
}

/* Copy the boxes of CARD onto SHEET, moved to slot (ROW, COL). */
static void place_card(struct page *sheet, const struct page *card, const struct grid *g,
		       int row, int col, struct box_groups *gs)
{
	double dx = g->x0 + col * (g->card_w + g->gap);
	double dy = g->y0 + row * (g->card_h + g->gap);
	box_groups_place(gs, sheet, card->boxes, card->n_boxes, card->width, card->height, dx, dy);
}

/* The sheets for CARDS (pages of IN, SIDES pages per card) into OUT; the
 * slug lines' strings go into IN's arena, which P keeps. */
static void make_sheets(struct pages *out, struct pages *in, const struct doc_impose *imp,
			const struct grid *g, int sides, int cards, int slots_used,
			struct box_groups *gs)
{
	int per_sheet = g->cols * g->rows;
	int count = (slots_used + per_sheet - 1) / per_sheet * sides;
	for (int first = 0; first < slots_used; first += per_sheet) {
		for (int side = 0; side < sides; side++) {
			struct page *sheet = pages_add_page(out, imp->sheet_width, imp->sheet_height);
			int boxes = SHEET_EXTRA_BOXES;
			for (int k = first; k < slots_used && k < first + per_sheet; k++)
				boxes += in->pages[(k % cards) * sides + side].n_boxes + 1; /* + its group */
			/* the sheet's boxes in one allocation: grown step by step, a
			 * sheet's array was copied a few times, ever more often as a
			 * long batch fragmented the heap */
			page_reserve(sheet, boxes);
			for (int k = first; k < slots_used && k < first + per_sheet; k++) {
				int row = (k - first) / g->cols, col = (k - first) % g->cols;
				const struct page *card = &in->pages[(k % cards) * sides + side];
				place_card(sheet, card, g, row, side ? g->cols - 1 - col : col, gs);
			}
			if (side == 0 && (imp->crop_marks || g->press))
				add_crop_marks(sheet, g, gs);
			if (g->press)
				press_set_trim(in, sheet, g->press, g->x0, g->y0, g->grid_w, g->grid_h,
					       g->press->page_base + out->n_pages,
					       g->press->page_total ? g->press->page_total : count);
		}
	}
}

int impose_first_card(const struct doc_impose *imp, double card_w, double card_h, double *x0,
		      double *y0, double *width)
{
	struct grid g;
	int rc;
	plan_margins(imp, NULL, &g); /* office sheets: the print note is not on press sheets */
	rc = plan_grid(imp, card_w, card_h, "", &g); /* after impose_pages: it fits */
	*x0 = g.x0;
	*y0 = g.y0;
	*width = g.card_w;
	return rc;
}

int impose_cards_per_sheet(const struct doc_impose *imp, double card_w, double card_h,
			   const char *file, const struct press_options *po)
{
	struct grid g;
	plan_margins(imp, po, &g);
	return plan_grid(imp, card_w, card_h, file, &g) == 0 ? g.cols * g.rows : -1;
}

int impose_pages(struct pages *p, const struct doc_impose *imp, const char *file, int fill_sheet,
		 struct box_groups *gs, const struct press_options *po)
{
	int sides = imp->back ? 2 : 1, cards;
	struct pages *out;
	struct grid g;
	if (p->n_pages == 0)
		return 0;
	plan_margins(imp, po, &g);
	if (plan_grid(imp, p->pages[0].width, p->pages[0].height, file, &g) != 0)
		return -1;
	if (p->n_pages % sides != 0) {
		diag_file(DIAG_ERROR, file, imp->line, imp->col,
			  "<impose back=\"yes\">: every card needs a front and a back page, "
			  "but the document has %d pages", p->n_pages);
		return -1;
	}
	cards = p->n_pages / sides;
	for (int i = 0; po && i < p->n_pages; i++) /* each card's backgrounds into its bleed */
		press_extend_bleed(p->pages[i].boxes, p->pages[i].n_boxes, 0, 0, p->pages[i].width,
				   p->pages[i].height, po->bleed, PRESS_ALL);
	out = pages_new();
	make_sheets(out, p, imp, &g, sides, cards,
		    fill_sheet && cards == 1 ? g.cols * g.rows : cards, gs);
	for (int i = 0; i < p->n_pages; i++)
		free(p->pages[i].boxes);
	free(p->pages);
	p->pages = out->pages;
	p->n_pages = out->n_pages;
	p->cap = out->cap;
	free(out->elems); /* the structure stays P's, as do the strings in its arena */
	free(out);
	return 0;
}
