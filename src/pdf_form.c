/*
 * pdf_form: a box group (box_group.h: the back of every card, its labels,
 * the crop marks of every sheet) drawn once as a form XObject and placed
 * with Do wherever a BOX_GROUP box stands. The boxes it stands for are
 * skipped on the page. libharu 2.3 has no form XObject API: the form is a
 * stream object made through its object API, with its own resources (the
 * fonts and images its content names).
 *
 * A form inherits the graphics state of the page where it is placed, so its
 * content sets every state it uses (colours, line width, font, Tz, Tc):
 * the page's state is set aside while it is written and put back after.
 */
#include "pdf_internal.h"
#include "box_group.h"
#include "diag.h"

#include <hpdf_pages.h>

#include <math.h>
#include <stdlib.h>

struct pdf_form {
	const struct box_group *group;
	HPDF_Dict dict;
};

/* The state of the page being drawn, set aside while a form is written. */
struct page_state {
	char *ops;
	size_t n_ops, cap_ops;
	double page_height;
	struct doc_color fill, stroke;
	int fill_set, stroke_set;
	double line_width;
	const struct pdf_face *cur_face;
	double cur_size, cur_hscale, cur_char_space;
	int in_text;
	long long text_x, text_y;
	int in_tj;
	double pen_x;
};

static void set_aside(struct pdf_writer *w, struct page_state *s, double height)
{
	s->ops = w->ops;
	s->n_ops = w->n_ops;
	s->cap_ops = w->cap_ops;
	s->page_height = w->page_height;
	s->fill = w->fill;
	s->stroke = w->stroke;
	s->fill_set = w->fill_set;
	s->stroke_set = w->stroke_set;
	s->line_width = w->line_width;
	s->cur_face = w->cur_face;
	s->cur_size = w->cur_size;
	s->cur_hscale = w->cur_hscale;
	s->cur_char_space = w->cur_char_space;
	s->in_text = w->in_text;
	s->text_x = w->text_x;
	s->text_y = w->text_y;
	s->in_tj = w->in_tj;
	s->pen_x = w->pen_x;
	/* unknown: whatever the page has where the form is placed */
	w->ops = NULL;
	w->n_ops = w->cap_ops = 0;
	w->page_height = height;
	w->fill_set = w->stroke_set = 0;
	w->line_width = -1;
	w->cur_face = NULL;
	w->cur_size = 0;
	w->cur_hscale = -1;
	w->cur_char_space = NAN;
	w->in_text = w->in_tj = 0;
}

static void put_back(struct pdf_writer *w, const struct page_state *s)
{
	free(w->ops);
	w->ops = s->ops;
	w->n_ops = s->n_ops;
	w->cap_ops = s->cap_ops;
	w->page_height = s->page_height;
	w->fill = s->fill;
	w->stroke = s->stroke;
	w->fill_set = s->fill_set;
	w->stroke_set = s->stroke_set;
	w->line_width = s->line_width;
	w->cur_face = s->cur_face;
	w->cur_size = s->cur_size;
	w->cur_hscale = s->cur_hscale;
	w->cur_char_space = s->cur_char_space;
	w->in_text = s->in_text;
	w->text_x = s->text_x;
	w->text_y = s->text_y;
	w->in_tj = s->in_tj;
	w->pen_x = s->pen_x;
}

/* Every entry of the page's resource dictionary FROM (fonts or images) also
 * in the form's: the form's content uses the names the page gave them. */
static void copy_resources(struct pdf_writer *w, HPDF_Dict to, const char *kind, HPDF_Dict from)
{
	HPDF_Dict dict;
	if (!from)
		return;
	dict = HPDF_Dict_New(w->doc->mmgr);
	HPDF_Dict_Add(to, kind, dict);
	for (HPDF_UINT i = 0; i < from->list->count; i++) {
		HPDF_DictElement e = HPDF_List_ItemAt(from->list, i);
		HPDF_Proxy p = e->value; /* an indirect object is held through a proxy */
		if ((p->header.obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY)
			HPDF_Dict_Add(dict, e->key, p->obj);
	}
}

static HPDF_Dict make_form(struct pdf_writer *w, const struct box_group *g)
{
	HPDF_PageAttr attr = w->page->attr;
	HPDF_Dict form = pdf_new_stream(w, 1), res;
	HPDF_Box bbox = { 0, 0, (HPDF_REAL)g->page.width, (HPDF_REAL)g->page.height };
	struct page_state s;
	if (!form)
		return NULL;
	form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT; /* so that libharu names it on a page */
	HPDF_Dict_AddName(form, "Type", "XObject");
	HPDF_Dict_AddName(form, "Subtype", "Form");
	HPDF_Dict_Add(form, "BBox", HPDF_Box_Array_New(w->doc->mmgr, bbox));
	set_aside(w, &s, g->page.height);
	for (int i = 0; i < g->page.n_boxes && !w->error;)
		i += pdf_paint_boxes(w, &g->page.boxes[i], g->page.n_boxes - i);
	pdf_end_text(w);
	HPDF_Stream_Write(form->stream, (const HPDF_BYTE *)w->ops, (HPDF_UINT)w->n_ops);
	put_back(w, &s);
	res = HPDF_Dict_New(w->doc->mmgr);
	HPDF_Dict_Add(form, "Resources", res);
	copy_resources(w, res, "Font", attr->fonts);
	copy_resources(w, res, "XObject", attr->xobjects);
	return form;
}

static struct pdf_form *form_of(struct pdf_writer *w, const struct box_group *g)
{
	HPDF_Dict dict;
	for (int i = 0; i < w->n_forms; i++)
		if (w->forms[i].group == g)
			return &w->forms[i];
	dict = make_form(w, g);
	if (!dict)
		return NULL;
	if (w->n_forms == w->cap_forms) {
		w->cap_forms = w->cap_forms ? w->cap_forms * 2 : 8;
		w->forms = xrealloc(w->forms, (size_t)w->cap_forms * sizeof(*w->forms));
	}
	w->forms[w->n_forms].group = g;
	w->forms[w->n_forms].dict = dict;
	return &w->forms[w->n_forms++];
}

void pdf_form_place(struct pdf_writer *w, const struct box *b)
{
	struct pdf_form *f = form_of(w, b->group);
	const char *name;
	if (!f) {
		if (!w->error)
			w->error = HPDF_FAILD_TO_ALLOC_MEM;
		return;
	}
	name = HPDF_Page_GetXObjectName(w->page, f->dict);
	if (!name) {
		if (!w->error)
			w->error = HPDF_INVALID_OBJECT;
		return;
	}
	pdf_end_text(w);
	pdf_put(w, "q 1 0 0 1 ");
	pdf_num(w, b->x);
	pdf_num(w, w->page_height - b->y - b->group->page.height);
	pdf_put(w, "cm /");
	pdf_put(w, name);
	pdf_put(w, " Do Q\n");
}

void pdf_forms_free(struct pdf_writer *w)
{
	free(w->forms);
	w->forms = NULL;
	w->n_forms = w->cap_forms = 0;
}
