/*
 * pdf_struct: marked content and the structure tree of a tagged PDF.
 *
 * Each part of the document (pdf_add) brings its own elements; they are
 * copied here, numbered after those of the parts before, their roots
 * merged into one Document element.
 *
 * While the pages are drawn, each run of boxes of one structure element gets
 * a marked-content id (MCID) on its page, and every box that belongs to no
 * element is marked as an artifact. An element joins its parent's kids when
 * its first content is drawn, so the tree follows the order content is drawn
 * in (layout draws in reading order) and elements with no content vanish.
 * At the end the element dictionaries, the parent tree (page -> the element
 * of each MCID; annotation -> its Link) and the StructTreeRoot are written.
 */
#include "pdf_internal.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kid_kind { KID_ELEM, KID_MCR, KID_OBJR };

struct kid {
	enum kid_kind kind;
	int index;        /* KID_ELEM: element; KID_MCR: MCID; KID_OBJR: annotation */
	int page;         /* KID_MCR, KID_OBJR */
};

struct st_elem {
	struct pdf_writer *w;  /* for writing its kids (write_kids) */
	enum pages_role role;
	int parent;       /* -1 for the root */
	char *lang, *alt;
	int col_span;     /* a table cell over more than one column */
	int attached;     /* in its parent's kids (the root always is) */
	struct kid *kids;
	int n_kids, cap_kids;
	HPDF_Dict dict;
};

struct st_page {
	int *mcid_elem;   /* element of each MCID on the page */
	int n_mcids, cap_mcids;
};

struct st_annot {
	HPDF_Dict annot;
	int elem;
};

struct pdf_struct {
	struct st_elem *elems;   /* every part's elements; 0 is the Document */
	int n_elems, cap_elems;
	int base;                /* element of the part being drawn's element 1, less 1 */
	struct st_page *pages;   /* by page of the document */
	int n_pages, cap_pages;
	struct st_annot *annots;
	int n_annots, cap_annots;
	HPDF_Dict root;          /* the StructTreeRoot, once written */
	int open;                /* a marked-content sequence is open on the page */
	int open_elem;           /* ... for this element (0 = an artifact) */
};

struct pdf_struct *pdf_struct_new(void)
{
	struct pdf_struct *st = xcalloc(1, sizeof(*st));
	st->cap_elems = 64;
	st->elems = xcalloc((size_t)st->cap_elems, sizeof(*st->elems));
	st->elems[0].role = ROLE_DOCUMENT;
	st->elems[0].parent = -1;
	st->elems[0].attached = 1;
	st->n_elems = 1;
	return st;
}

void pdf_struct_free(struct pdf_struct *st)
{
	if (!st)
		return;
	for (int i = 0; i < st->n_elems; i++) {
		free(st->elems[i].kids);
		free(st->elems[i].lang);
		free(st->elems[i].alt);
	}
	for (int i = 0; i < st->n_pages; i++)
		free(st->pages[i].mcid_elem);
	free(st->annots);
	free(st->pages);
	free(st->elems);
	free(st);
}

/* The element of this document that element E of the part stands for. */
static int global(const struct pdf_struct *st, int e)
{
	return e <= 0 ? 0 : st->base + e;
}

void pdf_struct_add_part(struct pdf_writer *w, const struct pages *part)
{
	struct pdf_struct *st = w->st;
	if (!st)
		return;
	st->base = st->n_elems - 1;
	for (int i = 1; i < part->n_elems; i++) {
		const struct pages_elem *src = &part->elems[i];
		struct st_elem *e;
		if (st->n_elems == st->cap_elems) {
			st->cap_elems *= 2;
			st->elems = xrealloc(st->elems, (size_t)st->cap_elems * sizeof(*st->elems));
		}
		e = &st->elems[st->n_elems++];
		memset(e, 0, sizeof(*e));
		e->role = src->role;
		e->parent = global(st, src->parent);
		e->lang = src->lang ? xstrdup(src->lang) : NULL;
		e->alt = src->alt ? xstrdup(src->alt) : NULL;
		e->col_span = src->col_span;
	}
}

static void add_kid(struct st_elem *e, enum kid_kind kind, int index, int page)
{
	if (e->n_kids == e->cap_kids) {
		e->cap_kids = e->cap_kids ? e->cap_kids * 2 : 4;
		e->kids = xrealloc(e->kids, (size_t)e->cap_kids * sizeof(*e->kids));
	}
	e->kids[e->n_kids].kind = kind;
	e->kids[e->n_kids].index = index;
	e->kids[e->n_kids].page = page;
	e->n_kids++;
}

static void attach(struct pdf_writer *w, int elem)
{
	struct pdf_struct *st = w->st;
	int parent;
	if (st->elems[elem].attached)
		return;
	parent = st->elems[elem].parent;
	if (parent < 0)
		parent = 0;
	attach(w, parent);
	add_kid(&st->elems[parent], KID_ELEM, elem, -1);
	st->elems[elem].attached = 1;
}

static int new_mcid(struct pdf_writer *w, int elem)
{
	struct pdf_struct *st = w->st;
	struct st_page *pg;
	while (st->n_pages <= w->page_index) {
		if (st->n_pages == st->cap_pages) {
			st->cap_pages = st->cap_pages ? st->cap_pages * 2 : 16;
			st->pages = xrealloc(st->pages, (size_t)st->cap_pages * sizeof(*st->pages));
		}
		memset(&st->pages[st->n_pages++], 0, sizeof(*st->pages));
	}
	pg = &st->pages[w->page_index];
	if (pg->n_mcids == pg->cap_mcids) {
		pg->cap_mcids = pg->cap_mcids ? pg->cap_mcids * 2 : 16;
		pg->mcid_elem = xrealloc(pg->mcid_elem, (size_t)pg->cap_mcids * sizeof(int));
	}
	pg->mcid_elem[pg->n_mcids] = elem;
	return pg->n_mcids++;
}

int pdf_struct_box(struct pdf_writer *w, const struct box *b)
{
	struct pdf_struct *st = w->st;
	int elem, mcid, own;
	char buf[64];
	if (!st)
		return 0;
	elem = b->elem > 0 && b->elem < w->pages->n_elems ? global(st, b->elem) : 0;
	own = b->kind == BOX_TEXT && b->actual_text && elem;
	if (st->open && st->open_elem == elem && !own)
		return 0;
	pdf_end_text(w);
	if (st->open)
		pdf_put(w, "EMC\n");
	st->open = 1;
	st->open_elem = own ? -1 : elem; /* nothing continues a run of its own */
	if (elem == 0) {
		pdf_put(w, "/Artifact BMC\n");
		return 0;
	}
	mcid = new_mcid(w, elem);
	attach(w, elem);
	add_kid(&st->elems[elem], KID_MCR, mcid, w->page_index);
	snprintf(buf, sizeof(buf), "/%s <</MCID %d", own ? "Span" : pages_role_name(st->elems[elem].role),
		 mcid);
	pdf_put(w, buf);
	if (own) {
		pdf_put(w, " /ActualText ");
		pdf_put_actual_text(w, b);
	}
	pdf_put(w, ">> BDC\n");
	return own;
}

void pdf_struct_end_page(struct pdf_writer *w)
{
	struct pdf_struct *st = w->st;
	if (!st)
		return;
	pdf_end_text(w);
	if (st->open)
		pdf_put(w, "EMC\n");
	st->open = 0;
	if (w->page_index < st->n_pages && st->pages[w->page_index].n_mcids > 0)
		HPDF_Dict_AddNumber(w->page, "StructParents", w->page_index);
}

void pdf_struct_add_annot(struct pdf_writer *w, int elem, HPDF_Dict annot)
{
	struct pdf_struct *st = w->st;
	if (!st)
		return;
	if (st->n_annots == st->cap_annots) {
		st->cap_annots = st->cap_annots ? st->cap_annots * 2 : 8;
		st->annots = xrealloc(st->annots, (size_t)st->cap_annots * sizeof(*st->annots));
	}
	elem = global(st, elem);
	st->annots[st->n_annots].annot = annot;
	st->annots[st->n_annots].elem = elem;
	attach(w, elem);
	add_kid(&st->elems[elem], KID_OBJR, st->n_annots, w->page_index);
	st->n_annots++;
}

static void make_dicts(struct pdf_writer *w)
{
	for (int i = 0; i < w->st->n_elems; i++)
		if (w->st->elems[i].attached)
			w->st->elems[i].dict = pdf_new_dict(w);
}

/* The first page an element has content on: its /Pg, so that its MCIDs
 * there are plain numbers. */
static int first_page(const struct st_elem *e)
{
	for (int k = 0; k < e->n_kids; k++)
		if (e->kids[k].kind == KID_MCR)
			return e->kids[k].page;
	return -1;
}

static void put_ref(HPDF_Stream out, const void *obj)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%u 0 R ", (unsigned)(((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF));
	HPDF_Stream_WriteStr(out, buf);
}

static void put_text(HPDF_Stream out, const char *text)
{
	char *hex = pdf_text_token(text, 0);
	HPDF_Stream_WriteStr(out, hex);
	free(hex);
}

/* A structure element, written by libharu as its (empty) dictionary is:
 * its type, parent, page, attributes and kids. Written so rather than as
 * libharu objects: a dictionary entry costs libharu some 300 bytes (a table
 * of 40,000 rows has 120,000 elements), and its arrays hold at most 32,767
 * items (a long table has more rows). */
static HPDF_STATUS write_elem(HPDF_Dict d, HPDF_Stream out)
{
	const struct st_elem *e = d->attr;
	const struct pdf_struct *st = e->w->st;
	int pg = first_page(e);
	char buf[64];
	snprintf(buf, sizeof(buf), "/S /%s /P ", pages_role_name(e->role));
	HPDF_Stream_WriteStr(out, buf);
	put_ref(out, e->parent < 0 ? (const void *)st->root : (const void *)st->elems[e->parent].dict);
	if (pg >= 0) {
		HPDF_Stream_WriteStr(out, "/Pg ");
		put_ref(out, e->w->page_objs[pg]);
	}
	if (e->lang) {
		HPDF_Stream_WriteStr(out, "/Lang ");
		put_text(out, e->lang);
	}
	if (e->alt) {
		HPDF_Stream_WriteStr(out, "/Alt ");
		put_text(out, e->alt);
	}
	if (e->role == ROLE_TH || e->col_span > 1) {
		HPDF_Stream_WriteStr(out, "/A <</O /Table ");
		if (e->role == ROLE_TH)
			HPDF_Stream_WriteStr(out, "/Scope /Column ");
		if (e->col_span > 1) {
			snprintf(buf, sizeof(buf), "/ColSpan %d ", e->col_span);
			HPDF_Stream_WriteStr(out, buf);
		}
		HPDF_Stream_WriteStr(out, ">> ");
	}
	HPDF_Stream_WriteStr(out, "/K [");
	for (int k = 0; k < e->n_kids; k++) {
		const struct kid *kid = &e->kids[k];
		if (kid->kind == KID_ELEM) {
			put_ref(out, st->elems[kid->index].dict);
		} else if (kid->kind == KID_MCR && kid->page == pg) {
			snprintf(buf, sizeof(buf), "%d ", kid->index);
			HPDF_Stream_WriteStr(out, buf);
		} else {
			HPDF_Stream_WriteStr(out, kid->kind == KID_MCR ? "<</Type /MCR /Pg " : "<</Type /OBJR /Pg ");
			put_ref(out, e->w->page_objs[kid->page]);
			if (kid->kind == KID_MCR) {
				snprintf(buf, sizeof(buf), "/MCID %d>> ", kid->index);
				HPDF_Stream_WriteStr(out, buf);
			} else {
				HPDF_Stream_WriteStr(out, "/Obj ");
				put_ref(out, st->annots[kid->index].annot);
				HPDF_Stream_WriteStr(out, ">> ");
			}
		}
	}
	return HPDF_Stream_WriteStr(out, "]\n");
}

static void link_kids(struct pdf_writer *w, HPDF_Dict root)
{
	w->st->root = root;
	for (int i = 0; i < w->st->n_elems; i++) {
		struct st_elem *e = &w->st->elems[i];
		if (!e->dict)
			continue;
		e->w = w;
		e->dict->attr = e;
		e->dict->write_fn = write_elem;
	}
}

/* The parent tree's /Nums, written as the kids are (write_kids). */
static HPDF_STATUS write_nums(HPDF_Dict d, HPDF_Stream out)
{
	struct pdf_writer *w = d->attr;
	struct pdf_struct *st = w->st;
	char buf[32];
	HPDF_Stream_WriteStr(out, "/Nums [");
	for (int i = 0; i < st->n_pages; i++) {
		const struct st_page *pg = &st->pages[i];
		if (pg->n_mcids == 0)
			continue;
		snprintf(buf, sizeof(buf), "%d [", i);
		HPDF_Stream_WriteStr(out, buf);
		for (int m = 0; m < pg->n_mcids; m++)
			put_ref(out, st->elems[pg->mcid_elem[m]].dict);
		HPDF_Stream_WriteStr(out, "]\n");
	}
	for (int j = 0; j < st->n_annots; j++) {
		snprintf(buf, sizeof(buf), "%d ", w->n_pages + j);
		HPDF_Stream_WriteStr(out, buf);
		put_ref(out, st->elems[st->annots[j].elem].dict);
	}
	return HPDF_Stream_WriteStr(out, "]\n");
}

/* Page i -> the elements of its MCIDs; annotation j -> its Link, under the
 * key n_pages + j. */
static HPDF_Dict parent_tree(struct pdf_writer *w, int *next_key)
{
	HPDF_Dict tree = pdf_new_dict(w);
	for (int j = 0; j < w->st->n_annots; j++)
		HPDF_Dict_AddNumber(w->st->annots[j].annot, "StructParent", w->n_pages + j);
	tree->attr = w;
	tree->write_fn = write_nums;
	*next_key = w->n_pages + w->st->n_annots;
	return tree;
}

void pdf_struct_finish(struct pdf_writer *w)
{
	HPDF_Dict root, mark;
	int next_key;
	if (!w->st)
		return;
	make_dicts(w);
	root = pdf_new_dict(w);
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	link_kids(w, root);
	HPDF_Dict_Add(root, "K", w->st->elems[0].dict);
	HPDF_Dict_Add(root, "ParentTree", parent_tree(w, &next_key));
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key);
	HPDF_Dict_Add(w->doc->catalog, "StructTreeRoot", root);
	mark = HPDF_Dict_New(w->doc->mmgr);
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(w->doc->catalog, "MarkInfo", mark);
}
