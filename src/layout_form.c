/*
 * layout_form: the hand-filled registration form's field elements, laid out on a
 * grid (templates/kaikuprint.rng documents the elements):
 *   <form>        a group of fields sharing label-width, box size and row gap
 *   <field>       label + a row of character boxes (boxes="N"), or a prefilled
 *                 <value>, or a write-in line
 *   <date-field>  label + dd.mm.yyyy boxes
 *   <choice>      label + <option> tick boxes (split="|" turns one option's
 *                 text, e.g. from the config, into several)
 *   <field-table> one row per record (card), one <column> per field
 * Every field declares its meaning in kind="..."; privacy.c refuses the
 * kinds a registration form must never ask for.
 */
#include "layout_internal.h"
#include "diag.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>

#define CELL_PAD (1.5 * MM_TO_PT) /* inner margin of a field-table cell's text */
/* The boxes of a field-table cell sit on the cell's rules: a row is one box
 * high and the first box starts at the cell's left rule, so the cell's
 * rules are the boxes' own (no double-ruled look). */
#define LABEL_GAP (3 * MM_TO_PT)  /* between a label and its input */
#define DATE_SEP (1.0 / 3)        /* dot between date groups, in boxes */
#define DATE_WIDTH (8 + 2 * DATE_SEP) /* dd.mm.yyyy, in boxes */
#define TICK_SIDE (4.5 * MM_TO_PT) /* a tick box: visibly smaller than a character box */
#define TICK_TEXT 0.25            /* tick box to its text, in boxes */
#define TICK_SPACE 0.9            /* text to the next tick box, in boxes */
enum { MAX_COLUMNS = 24 };

/* The grid a field sits on: from the field itself, else the nearest <form>. */
struct grid {
	double label_w; /* label column; inputs start at x0 + label_w */
	double box;     /* side of a character, digit or tick box */
	double gap;     /* vertical space after each field row */
};

/* Placement of one input: draw=0 only measures. Returns the height used. */
struct place {
	struct layout *lo;
	const struct grid *g;
	double x, y, w;
	int draw;
};

/* The grid's label column must leave the boxes a fifth of the column. */
static int grid_fits(struct layout *lo, const struct doc_node *n)
{
	const struct doc_form_attrs *a = &n->a.form;
	if (!a->has_label_width || a->grid.label_width <= lo->width * 0.8)
		return 1;
	layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
		      "label-width=\"%.0fmm\" leaves less than a fifth of the column for the boxes",
		      a->grid.label_width / MM_TO_PT);
	return 0;
}

static struct grid grid_of(struct layout *lo, const struct doc_node *n)
{
	const struct doc_grid *dg = &n->a.form.grid;
	struct grid g;
	g.label_w = dg->label_width == DOC_AUTO ? lo->width * 0.4 : dg->label_width;
	g.box = dg->box;
	g.gap = dg->gap;
	return g;
}

/* The Nth DOC_PARA child: 0 is the label, 1 a <value>. */
static const struct doc_node *para_child(const struct doc_node *n, int nth)
{
	for (const struct doc_node *c = n->first; c; c = c->next)
		if (c->kind == DOC_PARA && nth-- == 0)
			return c;
	return NULL;
}

/* Plain text of a paragraph (malloc'd); *has_fill tells whether a value was missing. */
static char *para_text(const struct doc_node *p, int *has_fill)
{
	size_t len = 0;
	char *s;
	*has_fill = 0;
	for (const struct doc_node *c = p ? p->first : NULL; c; c = c->next)
		len += c->kind == DOC_TEXT ? c->len : 1;
	s = xmalloc(len + 1);
	len = 0;
	for (const struct doc_node *c = p ? p->first : NULL; c; c = c->next) {
		if (c->kind == DOC_TEXT) {
			memcpy(s + len, c->text, c->len);
			len += c->len;
		} else {
			*has_fill |= c->kind == DOC_FILL;
			s[len++] = ' ';
		}
	}
	s[len] = '\0';
	return s;
}

/* Lay out paragraph P in the column [x, x + w) from Y; returns its height. */
static double place_para(struct layout *lo, const struct doc_node *p, double x, double y,
			 double w, int draw)
{
	const struct doc_style *st = doc_node_style(lo->doc, p);
	struct flow_state saved = layout_save(lo);
	double saved_y = lo->y, h;
	lo->x0 = x;
	lo->width = w;
	lo->y = y;
	lo->measure = saved.measure || !draw;
	para_typeset(lo, p, st, 0, NULL);
	h = lo->y - y;
	layout_restore(lo, &saved);
	lo->y = saved_y;
	return h;
}

static double text_baseline(const struct doc_style *st, double top, double box)
{
	return top + box / 2 + st->size * 0.35;
}

/* A row of N character boxes. */
static double place_boxes(struct place *pl, const struct doc_node *n)
{
	int count = n->a.form.boxes;
	double box = pl->g->box;
	if (pl->draw && count * box > pl->w + 0.01)
		layout_report(pl->lo, DIAG_ERROR, pl->lo->doc->file, n->line, n->col,
			      "%d boxes do not fit the width left for them", count);
	for (int i = 0; pl->draw && i < count; i++)
		layout_add_stroke(pl->lo, BOX_RECT, pl->x + i * box, pl->y, box, box, 0.8, "box");
	return box;
}

/* dd.mm.yyyy: 2 + 2 + 4 boxes with a printed dot between the groups. */
static double place_date(struct place *pl, const struct doc_node *n)
{
	static const int groups[3] = { 2, 2, 4 };
	const struct doc_style *st = doc_node_style(pl->lo->doc, n);
	double box = pl->g->box, x = pl->x;
	if (pl->draw && DATE_WIDTH * box > pl->w + 0.01)
		layout_report(pl->lo, DIAG_ERROR, pl->lo->doc->file, n->line, n->col,
			      "date boxes do not fit the width left for them");
	for (int k = 0; k < 3 && pl->draw; k++) {
		for (int i = 0; i < groups[k]; i++, x += box)
			layout_add_stroke(pl->lo, BOX_RECT, x, pl->y, box, box, 0.8, "date-box");
		if (k < 2) { /* the label says the format: a screen reader need not read the dots */
			double dw = layout_text_width(pl->lo, st, ".");
			int saved = pl->lo->elem;
			pl->lo->elem = -1;
			layout_text_line(pl->lo, st, x + (box * DATE_SEP - dw) / 2, pl->y + box - 1.5,
					 ".", "date-dot");
			pl->lo->elem = saved;
			x += box * DATE_SEP;
		}
	}
	return box;
}

/* Tick boxes flow left to right and wrap; CUR tracks the current row. */
struct flow {
	double x, y, rows_h;
	int started;
};

static void flow_item(struct place *pl, struct flow *f, const char *text, const struct doc_node *n)
{
	const struct doc_style *st = doc_node_style(pl->lo->doc, n);
	double box = pl->g->box, tw = layout_text_width(pl->lo, st, text);
	double tick = box < TICK_SIDE ? box : TICK_SIDE;
	double need = tick + (tw > 0 ? box * TICK_TEXT + tw : 0);
	if (f->started && f->x + need > pl->x + pl->w + 0.01) {
		f->x = pl->x;
		f->y += box + box * 0.4;
	}
	if (pl->draw && need > pl->w + 0.01)
		layout_report(pl->lo, DIAG_ERROR, pl->lo->doc->file, n->line, n->col,
			      "option \"%s\" does not fit the width left for it", text);
	if (pl->draw) {
		/* centred on the row of character boxes, its label right after it */
		layout_add_stroke(pl->lo, BOX_RECT, f->x, f->y + (box - tick) / 2, tick, tick, 0.8,
				  "tick");
		if (tw > 0)
			layout_text_line(pl->lo, st, f->x + tick + box * TICK_TEXT,
					 text_baseline(st, f->y, box), text, "option");
	}
	f->x += need + box * TICK_SPACE;
	f->started = 1;
}

/* One <option>: a tick box, several with split="|", a write-in line when its
 * text comes from a value the config leaves out. */
static void flow_option(struct place *pl, struct flow *f, const struct doc_node *opt)
{
	const char *sep = opt->a.form.split;
	int fill;
	char *text = para_text(para_child(opt, 0), &fill), *part = text;
	if (fill) {
		if (f->started)
			f->y += pl->g->box * 1.4;
		if (pl->draw)
			layout_add_stroke(pl->lo, BOX_LINE, pl->x, f->y + pl->g->box, pl->w, 0, 0.6, "write-in");
		/* a table column measures 40 mm for it; a form row gives it all */
		f->x = pl->x + (pl->w < 40 * MM_TO_PT ? pl->w : 40 * MM_TO_PT);
		f->started = 1;
	} else if (sep && *sep) {
		for (char *end; (end = strstr(part, sep)) != NULL; part = end + strlen(sep)) {
			*end = '\0';
			flow_item(pl, f, part, opt);
		}
		flow_item(pl, f, part, opt);
	} else {
		flow_item(pl, f, text, opt);
	}
	free(text);
}

static double place_choice(struct place *pl, const struct doc_node *n)
{
	struct flow f = { pl->x, pl->y, 0, 0 };
	for (const struct doc_node *c = n->first; c; c = c->next)
		if (c->kind == DOC_FORM_OPTION)
			flow_option(pl, &f, c);
	return f.y - pl->y + pl->g->box;
}

/* A prefilled <value> on a line, or an empty write-in line. */
static double place_value(struct place *pl, const struct doc_node *n)
{
	const struct doc_node *v = para_child(n, 1);
	double h = pl->g->box, th = 0;
	int fill;
	char *text = para_text(v, &fill);
	if (v && !fill && text[0]) {
		/* the text sits on the line, like handwriting would */
		th = place_para(pl->lo, v, pl->x, pl->y, pl->w, 0);
		if (th + 2 > h)
			h = th + 2;
		place_para(pl->lo, v, pl->x, pl->y + h - th - 1, pl->w, pl->draw);
	}
	if (pl->draw)
		layout_add_stroke(pl->lo, BOX_LINE, pl->x, pl->y + h, pl->w, 0, 0.6, "write-in");
	free(text);
	return h;
}

static int has_options(const struct doc_node *n)
{
	for (const struct doc_node *c = n->first; c; c = c->next)
		if (c->kind == DOC_FORM_OPTION)
			return 1;
	return 0;
}

static double place_input(struct place *pl, const struct doc_node *n)
{
	if (n->a.form.boxes)
		return place_boxes(pl, n);
	if (n->kind == DOC_FORM_DATE || n->a.form.date)
		return place_date(pl, n);
	if (has_options(n))
		return place_choice(pl, n);
	if (n->kind == DOC_FORM_FIELD)
		return place_value(pl, n);
	return pl->g->box; /* a table column left blank for writing */
}

/* Label in the label column, input on the grid to its right. */
static void layout_field_row(struct layout *lo, const struct doc_node *n)
{
	struct grid g = grid_of(lo, n);
	const struct doc_style *st = doc_node_style(lo->doc, n);
	const struct doc_node *label = para_child(n, 0);
	struct place pl = { lo, &g, lo->x0 + g.label_w, 0, lo->width - g.label_w, 0 };
	double ih = place_input(&pl, n), lh = 0, off = 0, h;
	if (label)
		lh = place_para(lo, label, lo->x0, 0, g.label_w - LABEL_GAP, 0);
	/* centre the label's first line on the first row of boxes */
	if (g.box > st->leading)
		off = (g.box - st->leading) / 2;
	h = lh + off > ih ? lh + off : ih;
	layout_need(lo, h);
	pl.y = lo->y;
	pl.draw = 1;
	if (label)
		place_para(lo, label, lo->x0, lo->y + off, g.label_w - LABEL_GAP, 1);
	place_input(&pl, n);
	lo->y += h + g.gap;
	lo->at_top = 0;
}

/* The widest word of a column's header, with the cell's margins: a header
 * is not hyphenated to fit a narrow column of boxes. */
static double header_word_width(struct layout *lo, const struct doc_node *col)
{
	const struct doc_node *label = para_child(col, 0);
	int fill;
	char *text = para_text(label, &fill), *save = NULL;
	double widest = 0;
	for (char *w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		double ww = layout_text_width(lo, doc_node_style(lo->doc, label), w);
		widest = ww > widest ? ww : widest;
	}
	free(text);
	return label ? widest + 2 * CELL_PAD : 0;
}

static double at_least(double w, double min)
{
	return w > min ? w : min;
}

/* Natural width of a table column: attr width, else what its cells hold. */
static double column_width(struct layout *lo, const struct doc_node *col, const struct grid *g)
{
	struct place pl = { lo, g, 0, 0, 1e6, 0 };
	if (col->a.form.width != DOC_AUTO)
		return col->a.form.width;
	if (col->a.form.boxes)
		return at_least(col->a.form.boxes * g->box, header_word_width(lo, col));
	if (col->a.form.date)
		return at_least(DATE_WIDTH * g->box, header_word_width(lo, col));
	if (has_options(col)) {
		struct flow f = { 0, 0, 0, 0 };
		for (const struct doc_node *c = col->first; c; c = c->next)
			if (c->kind == DOC_FORM_OPTION)
				flow_option(&pl, &f, c);
		return f.x - g->box * TICK_SPACE + CELL_PAD;
	}
	return 20 * MM_TO_PT;
}

struct table {
	const struct doc_node *cols[MAX_COLUMNS];
	double widths[MAX_COLUMNS];
	int n;
	double header_h, row_h;
	struct grid g;
};

/* The header row: a TR of TH (each column's label), where the table starts;
 * REPEATED on a following page, an artifact (read once). */
static void table_header(struct layout *lo, const struct table *t, int repeated)
{
	double x = lo->x0;
	int saved = lo->elem, row;
	if (repeated)
		lo->elem = -1;
	row = layout_begin_elem(lo, ROLE_TR);
	for (int i = 0; i < t->n; i++) {
		const struct doc_node *label = para_child(t->cols[i], 0);
		int cell = layout_begin_elem(lo, ROLE_TH);
		layout_add_stroke(lo, BOX_RECT, x, lo->y, t->widths[i], t->header_h, 0.8, "header-cell");
		if (label)
			place_para(lo, label, x + CELL_PAD, lo->y + CELL_PAD,
				   t->widths[i] - 2 * CELL_PAD, 1);
		layout_end_elem(lo, cell);
		x += t->widths[i];
	}
	layout_end_elem(lo, row);
	lo->elem = saved;
	lo->y += t->header_h;
	lo->at_top = 0;
}

/* One record: a TR of TD. A cell to fill in by hand has no text: its frame
 * is its content, so that every row has a cell under every header. */
static void table_row(struct layout *lo, const struct table *t, int number)
{
	double x = lo->x0;
	char num[16];
	int row = layout_begin_elem(lo, ROLE_TR);
	for (int i = 0; i < t->n; i++) {
		const struct doc_node *col = t->cols[i];
		struct place pl = { lo, &t->g, x, lo->y, t->widths[i], 1 };
		int cell = layout_begin_elem(lo, ROLE_TD);
		struct box *frame = layout_add_stroke(lo, BOX_RECT, x, lo->y, t->widths[i], t->row_h,
						      0.8, "cell");
		if (frame && lo->elem > 0)
			frame->elem = lo->elem;
		if (col->a.form.row_number) {
			const struct doc_style *st = doc_node_style(lo->doc, col);
			snprintf(num, sizeof(num), "%d", number);
			layout_text_line(lo, st, x + CELL_PAD, text_baseline(st, pl.y, t->g.box), num,
					 "row-number");
		} else {
			place_input(&pl, col);
		}
		layout_end_elem(lo, cell);
		x += t->widths[i];
	}
	layout_end_elem(lo, row);
	lo->y += t->row_h;
}

/* Every cell of a column holds one row of boxes: no wrapping into the next row. */
static int column_fits(struct layout *lo, const struct doc_node *col, const struct grid *g,
		       double width)
{
	struct place pl = { lo, g, 0, 0, width, 0 };
	if (place_input(&pl, col) <= g->box + 0.01)
		return 1;
	layout_report(lo, DIAG_ERROR, lo->doc->file, col->line, col->col,
		      "the %s column is too narrow for its options", col->a.form.kind);
	return 0;
}

static int table_columns(struct layout *lo, const struct doc_node *n, struct table *t)
{
	double total = 0;
	t->n = 0;
	for (const struct doc_node *c = n->first; c; c = c->next) {
		if (c->kind != DOC_FORM_COLUMN)
			continue;
		if (t->n == MAX_COLUMNS) {
			layout_report(lo, DIAG_ERROR, lo->doc->file, c->line, c->col,
				      "more than %d columns in a field table", MAX_COLUMNS);
			return -1;
		}
		t->cols[t->n] = c;
		t->widths[t->n] = column_width(lo, c, &t->g);
		if (!column_fits(lo, c, &t->g, t->widths[t->n]))
			return -1;
		total += t->widths[t->n++];
	}
	if (total > lo->width + 0.01) {
		layout_report(lo, DIAG_ERROR, lo->doc->file, n->line, n->col,
			      "field table is %.1f mm wider than the text column",
			      (total - lo->width) / MM_TO_PT);
		return -1;
	}
	return 0;
}

/* One header row, then attr rows="N" empty records; the header repeats on
 * every page the table continues on. */
static void layout_table(struct layout *lo, const struct doc_node *n)
{
	struct table t;
	int rows = n->a.form.rows;
	t.g = grid_of(lo, n);
	if (table_columns(lo, n, &t) != 0)
		return;
	t.row_h = t.g.box;
	t.header_h = 0;
	for (int i = 0; i < t.n; i++) {
		const struct doc_node *label = para_child(t.cols[i], 0);
		double h = label ? place_para(lo, label, 0, 0, t.widths[i] - 2 * CELL_PAD, 0) : 0;
		if (h + 2 * CELL_PAD > t.header_h)
			t.header_h = h + 2 * CELL_PAD;
	}
	layout_need(lo, t.header_h + t.row_h);
	table_header(lo, &t, 0);
	for (int r = 1; r <= rows; r++) {
		layout_need(lo, t.row_h);
		if (lo->at_top)
			table_header(lo, &t, 1);
		table_row(lo, &t, r);
	}
	lo->y += t.g.gap;
}

void form_layout(struct layout *lo, const struct doc_node *n)
{
	switch (n->kind) {
	case DOC_FORM:
		if (grid_fits(lo, n))
			layout_blocks(lo, n->first);
		break;
	case DOC_FORM_FIELD:
	case DOC_FORM_DATE:
	case DOC_FORM_CHOICE:
		layout_field_row(lo, n);
		break;
	case DOC_FORM_TABLE:
		if (grid_fits(lo, n))
			layout_table(lo, n);
		break;
	default:
		break; /* options and columns are laid out by their parent */
	}
}
