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
#include <string.h>

struct pdf_form {
	const struct box_group *group;
	HPDF_Dict dict;
};

/* The state of the page being drawn, set aside while a form is written. */
static void set_aside(struct pdf_writer *w, struct pdf_stream_state *s, double height)
{
	*s = w->out;
	/* unknown: whatever the page has where the form is placed */
	memset(&w->out, 0, sizeof(w->out));
	w->out.page_height = height;
	w->out.line_width = -1;
	w->out.cur_hscale = -1;
	w->out.cur_char_space = NAN;
}

static void put_back(struct pdf_writer *w, const struct pdf_stream_state *s)
{
	free(w->out.ops);
	w->out = *s;
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
	struct pdf_stream_state s;
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
	HPDF_Stream_Write(form->stream, (const HPDF_BYTE *)w->out.ops, (HPDF_UINT)w->out.n_ops);
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
	pdf_num(w, w->out.page_height - b->y - b->group->page.height);
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
