/* layout_para_fill: how a justified line is filled to its measure; see layout_internal.h. */
#include "layout_internal.h"

const struct line_fill PARA_NATURAL = { 0, 0, 0 };

/* A word's stretch and shrink are its expansion (EXPAND_MAX of its width)
 * plus its letter spacing (layout_para_text.c); a fill-in line has neither. */
static void add_box(struct line_size *ls, const struct lb_item *it)
{
	double expand = it->stretch > 0 ? it->width * EXPAND_MAX : 0;
	ls->expand_stretch += expand;
	ls->expand_shrink += expand;
	ls->track_stretch += it->stretch - expand;
	ls->track_shrink += it->shrink > expand ? it->shrink - expand : 0;
}

struct line_size para_line_size(const struct para_items *p, int from, int to)
{
	struct line_size ls = { 0, 0, 0, 0, 0, 0, 0 };
	for (int i = from; i <= to; i++) {
		const struct lb_item *it = &p->items[i];
		if (it->kind == LB_PENALTY) {
			if (i == to)
				ls.natural += it->width;
			continue;
		}
		if (it->kind == LB_GLUE && i == to)
			continue;
		ls.natural += it->width;
		if (it->kind == LB_GLUE) {
			ls.glue_stretch += it->stretch;
			ls.glue_shrink += it->shrink;
		} else {
			add_box(&ls, it);
		}
	}
	return ls;
}

/* A justified line too long tightens its spaces first, its glyphs and
 * letters (together) only past that. */
static struct line_fill shrink_line(double gap, const struct line_size *ls)
{
	struct line_fill f = PARA_NATURAL;
	double letters = ls->expand_shrink + ls->track_shrink;
	if (ls->glue_shrink > 0 && -gap <= ls->glue_shrink) {
		f.glue = gap / ls->glue_shrink;
		return f;
	}
	f.glue = ls->glue_shrink > 0 ? -1 : 0;
	f.expand = f.track = letters > 0 ? (gap + ls->glue_shrink) / letters : 0;
	if (f.expand < -1)
		f.expand = f.track = -1;
	return f;
}

/* A justified line too short widens its spaces and its glyphs (together,
 * up to 1.5 x and 2 %) first; letter spacing, which the eye sees most as a
 * line of another colour, only past that. At their limits, only the spaces
 * go on growing: a line without spaces (a long word or URL alone) ends short. */
static struct line_fill stretch_line(double gap, const struct line_size *ls)
{
	struct line_fill f = PARA_NATURAL;
	double first = ls->glue_stretch + ls->expand_stretch;
	if (first > 0 && gap <= first) {
		f.glue = f.expand = gap / first;
		return f;
	}
	f.glue = f.expand = 1;
	gap -= first;
	f.track = ls->track_stretch > 0 ? gap / ls->track_stretch : 0;
	if (f.track > 1) {
		f.track = 1;
		f.glue = ls->glue_stretch > 0 ? 1 + (gap - ls->track_stretch) / ls->glue_stretch : 0;
	}
	return f;
}

/* Justified lines (not the last) are filled to the measure. Other lines
 * keep natural spaces, shrinking them only to fit. */
struct line_fill para_fill_line(const struct doc_style *st, double measure,
				    const struct line_size *ls, int last)
{
	struct line_fill f = PARA_NATURAL;
	double gap = measure - ls->natural;
	int justified = st->align == ALIGN_JUSTIFY;
	if (gap < 0 && justified)
		return shrink_line(gap, ls);
	if (gap < 0 && ls->glue_shrink > 0)
		f.glue = gap / ls->glue_shrink < -1 ? -1 : gap / ls->glue_shrink;
	else if (gap > 0 && justified && !last && ls->glue_stretch < LB_FILL)
		return stretch_line(gap, ls);
	return f;
}
