/* doc: the document tree, its arena, styles and fonts; see doc.h. */
#include "doc.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK = 64 * 1024 };

struct doc_arena {
	struct doc_arena *next;
	size_t used, size;
	max_align_t data[];
};

static struct doc_arena *arena_chunk(size_t need)
{
	size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
	struct doc_arena *a = xmalloc(sizeof(*a) + size);
	a->next = NULL;
	a->used = 0;
	a->size = size;
	return a;
}

void *doc_alloc(struct doc *d, size_t n)
{
	struct doc_arena *a = d->arena;
	void *p;
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!a || a->size - a->used < n) {
		a = arena_chunk(n);
		a->next = d->arena;
		d->arena = a;
	}
	p = (char *)a->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

const char *doc_strndup(struct doc *d, const char *s, size_t n)
{
	char *p = doc_alloc(d, n + 1);
	d->text_bytes += n;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

const char *doc_strdup(struct doc *d, const char *s)
{
	return s ? doc_strndup(d, s, strlen(s)) : NULL;
}

struct doc *doc_new(const char *file, const char *lang)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	d->file = doc_strdup(d, file);
	d->lang = doc_strdup(d, lang);
	d->root = doc_node_new(d, DOC_ROOT, 0, 0);
	d->fit.space = d->fit.qr = d->fit.fill = 1;
	d->fit.min_space = 0.5;
	return d;
}

void doc_free(struct doc *d)
{
	struct doc_arena *a, *next;
	if (!d)
		return;
	for (a = d->arena; a; a = next) {
		next = a->next;
		free(a);
	}
	free(d->styles);
	free(d->fonts);
	free(d);
}

struct doc_node *doc_node_new(struct doc *d, enum doc_kind kind, int line, int col)
{
	struct doc_node *n = doc_alloc(d, sizeof(*n));
	d->n_nodes++;
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

void doc_node_append(struct doc_node *parent, struct doc_node *child)
{
	child->parent = parent;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

int doc_kind_is_inline(enum doc_kind kind)
{
	return kind == DOC_TEXT || kind == DOC_BREAK || kind == DOC_FILL;
}

int doc_kind_has_label(enum doc_kind kind)
{
	return kind == DOC_FORM_FIELD || kind == DOC_FORM_DATE || kind == DOC_FORM_CHOICE ||
	       kind == DOC_FORM_OPTION || kind == DOC_FORM_COLUMN;
}

const char *doc_kind_name(enum doc_kind kind)
{
	static const char *const names[] = {
		[DOC_ROOT] = "root", [DOC_HEADING] = "heading", [DOC_PARA] = "para",
		[DOC_LIST] = "list", [DOC_ITEM] = "item", [DOC_BLANK] = "blank",
		[DOC_RULE] = "rule", [DOC_SPACE] = "space", [DOC_PAGEBREAK] = "pagebreak",
		[DOC_KEEP] = "keep", [DOC_TEXT] = "text", [DOC_BREAK] = "break",
		[DOC_FILL] = "fill",
		[DOC_TABLE] = "table", [DOC_ROW] = "row", [DOC_CELL] = "cell",
		[DOC_FRAME] = "box", [DOC_IMAGE] = "image",
		[DOC_FORM] = "form", [DOC_FORM_FIELD] = "field", [DOC_FORM_DATE] = "date-field",
		[DOC_FORM_CHOICE] = "choice", [DOC_FORM_OPTION] = "option",
		[DOC_FORM_TABLE] = "field-table", [DOC_FORM_COLUMN] = "column",
		[DOC_COLUMNS] = "columns", [DOC_QR] = "qr",
		[DOC_FIT] = "fit", [DOC_CARD] = "card"
	};
	return (size_t)kind < sizeof(names) / sizeof(names[0]) && names[kind] ? names[kind] : "?";
}

struct doc_style *doc_style_add(struct doc *d, const char *name)
{
	for (int i = 0; i < d->n_styles; i++)
		if (strcmp(d->styles[i].name, name) == 0)
			return &d->styles[i];
	d->styles = xrealloc(d->styles, (size_t)(d->n_styles + 1) * sizeof(*d->styles));
	memset(&d->styles[d->n_styles], 0, sizeof(*d->styles));
	d->styles[d->n_styles].name = doc_strdup(d, name);
	return &d->styles[d->n_styles++];
}

const struct doc_style *doc_style_find(const struct doc *d, const char *name)
{
	for (int i = 0; name && i < d->n_styles; i++)
		if (strcmp(d->styles[i].name, name) == 0)
			return &d->styles[i];
	return NULL;
}

struct doc_font *doc_font_add(struct doc *d, const char *name)
{
	for (int i = 0; i < d->n_fonts; i++)
		if (strcmp(d->fonts[i].name, name) == 0)
			return &d->fonts[i];
	d->fonts = xrealloc(d->fonts, (size_t)(d->n_fonts + 1) * sizeof(*d->fonts));
	memset(&d->fonts[d->n_fonts], 0, sizeof(*d->fonts));
	d->fonts[d->n_fonts].name = doc_strdup(d, name);
	return &d->fonts[d->n_fonts++];
}

const struct doc_font *doc_font_find(const struct doc *d, const char *name)
{
	for (int i = 0; name && i < d->n_fonts; i++)
		if (strcmp(d->fonts[i].name, name) == 0)
			return &d->fonts[i];
	return NULL;
}

const struct doc_style *doc_node_style(const struct doc *d, const struct doc_node *n)
{
	for (; n; n = n->parent)
		if (n->style)
			return doc_style_find(d, n->style);
	return doc_style_find(d, "body");
}

static int check_node(const struct doc *d, const struct doc_node *n)
{
	int bad = 0;
	for (const struct doc_node *c = n->first; c; c = c->next) {
		int inline_ok = n->kind == DOC_PARA || n->kind == DOC_HEADING;
		int ok = doc_kind_is_inline(c->kind) ? inline_ok
			 : c->kind == DOC_ITEM ? n->kind == DOC_LIST
			 : !inline_ok && n->kind != DOC_LIST;
		if (c->parent != n || !ok) {
			diag_file(DIAG_FATAL, d->file, c->line, c->col,
				  "internal: %s inside %s", doc_kind_name(c->kind),
				  doc_kind_name(n->kind));
			bad++;
		}
		bad += check_node(d, c);
	}
	return bad;
}

int doc_check(const struct doc *d)
{
	return check_node(d, d->root);
}

static void dump_node(const struct doc_node *n, int depth, FILE *out)
{
	fprintf(out, "%*s%s", depth * 2, "", doc_kind_name(n->kind));
	if (n->style)
		fprintf(out, " style=%s", n->style);
	if (n->flags & DOC_BOLD)
		fputs(" bold", out);
	if (n->flags & DOC_ITALIC)
		fputs(" italic", out);
	if (n->flags & DOC_NOHYPH)
		fputs(" nohyph", out);
	if (n->kind == DOC_TEXT)
		fprintf(out, " \"%s\"", n->text);
	fputc('\n', out);
	for (const struct doc_node *c = n->first; c; c = c->next)
		dump_node(c, depth + 1, out);
}

void doc_dump(const struct doc *d, FILE *out)
{
	dump_node(d->root, 0, out);
}
