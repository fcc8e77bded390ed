/* template_expand: from the validated XML to a document tree for one language. */
#include "template_internal.h"
#include "diag.h"
#include "collate.h"
#include "textnorm.h"

#include <libxml/tree.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { DOC_IMPLICIT = 1u << 15 }; /* a paragraph made for inline text in <li> */
enum { MAX_EACH_DEPTH = 8 };
/* The expansion budget: <each> inside <each> multiplies, and a few lines of
 * template could otherwise make millions of nodes. 200,000 nodes and 4 MiB
 * of text are laid out in about 2 s; each card holder adds room for its card
 * (a card insert has about 42 nodes and 1 KiB of text). */
enum { EXPAND_MAX_NODES = 200000, EXPAND_NODES_PER_ROW = 60 };
#define EXPAND_MAX_TEXT ((size_t)4 << 20)
#define EXPAND_TEXT_PER_ROW ((size_t)2048)

/* One <each> in force: its alias and the current item's scope. */
struct each_frame {
	const char *alias;
	const struct var_scope *item;
	int group_start;  /* group-by: this item starts a new group (<group> shows) */
};

struct expander {
	const struct template *t;
	const struct expand_options *opt;
	struct doc *d;
	struct each_frame each[MAX_EACH_DEPTH];
	int n_each;
	struct template_report rep; /* inside <each> a problem is said once */
	int over_budget;  /* the budget is spent: every <each> stops */
};

static void expand_children(struct expander *x, xmlNodePtr parent, struct doc_node *out,
			    unsigned flags);

static int is_named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const struct template *expanding; /* for line_of */

static int line_of(xmlNodePtr n)
{
	return template_node_line(expanding, n);
}

/* Find variable NAME: an <each> alias prefix first, then the region's scope. */
static const struct var *lookup(const struct expander *x, const char *name)
{
	for (int i = x->n_each - 1; i >= 0; i--) {
		size_t k = strlen(x->each[i].alias);
		if (strncmp(name, x->each[i].alias, k) == 0 && name[k] == '.')
			return vars_find(x->each[i].item, name + k + 1);
	}
	return vars_find(x->opt->vars, name);
}

static int is_var_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-';
}

/* Collapse runs of XML white space into one space. */
static char *collapse_space(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	int space = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	if (space)
		*o++ = ' ';
	*o = '\0';
	return out;
}

static struct doc_node *add_text(struct expander *x, struct doc_node *out, const char *s,
				 size_t n, unsigned flags, int line)
{
	struct doc_node *t;
	if (n == 0)
		return NULL;
	t = doc_node_new(x->d, DOC_TEXT, line, 0);
	t->text = doc_strndup(x->d, s, n);
	t->len = n;
	t->flags = flags;
	doc_node_append(out, t);
	return t;
}

static void add_var(struct expander *x, struct doc_node *out, const struct var *v,
		    unsigned flags, int line)
{
	struct doc_node *t;
	if (!v->set) {
		t = doc_node_new(x->d, DOC_FILL, line, 0);
		t->origin = doc_strdup(x->d, v->origin);
		doc_node_append(out, t);
		return;
	}
	if (v->type == VAR_URL || v->type == VAR_EMAIL)
		flags |= DOC_NOHYPH;
	if (v->personal)
		flags |= DOC_PERSONAL;
	if (v->fallback && !x->opt->repeat) /* a repeat: said the first time */
		diag_file(DIAG_WARNING, x->t->path, line, 0,
			  "%s_%s is not set; using the base text", v->origin, x->opt->lang);
	t = add_text(x, out, v->text, strlen(v->text), flags, line);
	if (t) {
		t->origin = doc_strdup(x->d, v->origin);
		t->lang = v->lang; /* a static string */
	}
}

/* Text with {variables}; "{{" is a literal brace. */
static void expand_text(struct expander *x, xmlNodePtr src, const char *raw,
			struct doc_node *out, unsigned flags)
{
	char *s = collapse_space(raw);
	const char *p = s, *lit = s;
	int line = line_of(src);
	while (*p) {
		if (p[0] == '{' && p[1] == '{') {
			add_text(x, out, lit, (size_t)(p - lit) + 1, flags, line);
			lit = p += 2;
		} else if (p[0] == '}' && p[1] == '}') {
			add_text(x, out, lit, (size_t)(p - lit) + 1, flags, line);
			lit = p += 2;
		} else if (*p == '{') {
			const char *e = p + 1;
			char name[128], needle[132];
			const struct var *v;
			while (is_var_char(*e))
				e++;
			add_text(x, out, lit, (size_t)(p - lit), flags, line);
			snprintf(name, sizeof(name), "%.*s", (int)(e - p - 1), p + 1);
			snprintf(needle, sizeof(needle), "{%s", name);
			if (*e != '}' || e == p + 1) {
				template_report(&x->rep, DIAG_ERROR, src, needle, "malformed variable reference {%s", name);
				p = lit = *e ? e + 1 : e;
				continue;
			}
			v = lookup(x, name);
			if (!v || v->type == VAR_LIST)
				template_report(&x->rep, DIAG_ERROR, src, needle, v ? "{%s} is a list; use <each>"
							    : "unknown variable {%s}", name);
			else
				add_var(x, out, v, flags, line);
			lit = p = e + 1;
		} else {
			p++;
		}
	}
	add_text(x, out, lit, (size_t)(p - lit), flags, line);
	free(s);
}

/* Where inline content of OUT goes: OUT itself, or an implicit paragraph. */
static struct doc_node *inline_target(struct expander *x, struct doc_node *out, int line)
{
	struct doc_node *p;
	if (out->kind == DOC_PARA || out->kind == DOC_HEADING)
		return out;
	if (out->last && out->last->kind == DOC_PARA && (out->last->flags & DOC_IMPLICIT))
		return out->last;
	p = doc_node_new(x->d, DOC_PARA, line, 0);
	p->flags = DOC_IMPLICIT;
	doc_node_append(out, p);
	return p;
}

static int only_space(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int is_lang_element(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && (is_named(n, "fi") || is_named(n, "sv") ||
					       is_named(n, "en"));
}

/* N starts a group of language alternatives (consecutive fi/sv/en siblings);
 * report when the document language is missing. Returns the element to use. */
static xmlNodePtr pick_language(struct expander *x, xmlNodePtr n)
{
	xmlNodePtr pick = NULL;
	for (xmlNodePtr c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && only_space((const char *)c->content))
			continue;
		if (c->type == XML_COMMENT_NODE)
			continue;
		if (!is_lang_element(c))
			break;
		if (is_named(c, x->opt->lang))
			pick = c;
	}
	if (!pick)
		template_report(&x->rep, DIAG_ERROR, n, NULL, "missing translation: no <%s> text among these alternatives",
			 x->opt->lang);
	return pick;
}

static int first_of_group(xmlNodePtr n)
{
	for (xmlNodePtr p = n->prev; p; p = p->prev) {
		if (p->type == XML_TEXT_NODE && only_space((const char *)p->content))
			continue;
		if (p->type == XML_COMMENT_NODE)
			continue;
		return !is_lang_element(p);
	}
	return 1;
}

/* The text of KEY in ITEM, for ordering ("" when unset). */
static const char *item_text(const struct var_scope *item, const char *key)
{
	const struct var *v = key ? vars_find(item, key) : NULL;
	return v && v->set && v->text ? v->text : "";
}

static int item_before(struct expander *x, const struct var *v, const int *rank,
		       const char *sort, int a, int b)
{
	int c = rank[a] - rank[b];
	if (c == 0 && sort)
		c = collate_compare(item_text(v->items[a], sort), item_text(v->items[b], sort),
				    x->opt->lang);
	return c < 0 || (c == 0 && a < b);
}

/* The order of list V's items in ORDER: grouped by GROUP (groups in the order
 * they first appear), sorted by SORT in the document language's alphabetical
 * order (collate.c) within a group; as listed when neither is given. */
static void each_order(struct expander *x, const struct var *v, const char *group,
		       const char *sort, int *order)
{
	int *rank = xcalloc((size_t)v->n_items + 1, sizeof(int));
	for (int i = 0; i < v->n_items; i++) {
		rank[i] = i;
		for (int j = 0; group && j < i; j++)
			if (strcmp(item_text(v->items[j], group), item_text(v->items[i], group)) == 0) {
				rank[i] = rank[j];
				break;
			}
		if (!group && sort)
			rank[i] = 0;
	}
	for (int i = 0; i < v->n_items; i++) { /* insertion sort: short, stable lists */
		int k = i;
		while (k > 0 && item_before(x, v, rank, sort, i, order[k - 1])) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	free(rank);
}

/* sort="key" and group-by="key" must name a field of the list's items. */
static int check_order_keys(struct expander *x, xmlNodePtr n, const struct var *v,
			    const char *group, const char *sort)
{
	if (v->n_items == 0)
		return 0;
	if (group && !vars_find(v->items[0], group))
		template_report(&x->rep, DIAG_ERROR, n, "group-by", "group-by: the list has no field \"%.80s\"", group);
	else if (sort && !vars_find(v->items[0], sort))
		template_report(&x->rep, DIAG_ERROR, n, "sort", "sort: the list has no field \"%.80s\"", sort);
	else
		return 0;
	return -1;
}

/* Checked before each item of an <each>, so the tree never grows far past it. */
static int budget_spent(struct expander *x, xmlNodePtr each)
{
	long rows = x->opt->data_rows;
	long max_nodes = EXPAND_MAX_NODES + EXPAND_NODES_PER_ROW * rows;
	size_t max_text = EXPAND_MAX_TEXT + EXPAND_TEXT_PER_ROW * (size_t)rows;
	char msg[128];
	if (x->over_budget)
		return 1;
	if (x->d->n_nodes <= max_nodes && x->d->text_bytes <= max_text)
		return 0;
	x->over_budget = 1;
	if (x->d->n_nodes > max_nodes)
		snprintf(msg, sizeof(msg), "more than %ld elements and texts", max_nodes);
	else
		snprintf(msg, sizeof(msg), "more than %zu KiB of text", max_text >> 10);
	template_report(&x->rep, DIAG_ERROR, each, NULL, "<each> repeats the document too often: %s",
			msg);
	return 1;
}

static void expand_items(struct expander *x, xmlNodePtr n, const struct var *v,
			 struct doc_node *out, unsigned flags)
{
	char *group = template_attr(n, "group-by"), *sort = template_attr(n, "sort");
	int *order = xcalloc((size_t)v->n_items + 1, sizeof(int));
	struct each_frame *f = &x->each[x->n_each];
	if (check_order_keys(x, n, v, group, sort) == 0) {
		each_order(x, v, group, sort, order);
		for (int i = 0; i < v->n_items && !budget_spent(x, n); i++) {
			f->item = v->items[order[i]];
			f->group_start = group && (i == 0 ||
				strcmp(item_text(f->item, group),
				       item_text(v->items[order[i - 1]], group)) != 0);
			x->n_each++;
			expand_children(x, n, out, flags);
			x->n_each--;
		}
	}
	free(order);
	xmlFree(group);
	xmlFree(sort);
}

static void expand_each(struct expander *x, xmlNodePtr n, struct doc_node *out, unsigned flags)
{
	char *list = template_attr(n, "list"), *alias = template_attr(n, "as");
	const struct var *v = lookup(x, list);
	if (!v || v->type != VAR_LIST) {
		template_report(&x->rep, DIAG_ERROR, n, NULL, v ? "\"%.80s\" is not a list" : "unknown list \"%.80s\"", list);
	} else if (x->n_each == MAX_EACH_DEPTH) {
		template_report(&x->rep, DIAG_ERROR, n, NULL, "<each> nested deeper than %d levels", MAX_EACH_DEPTH);
	} else {
		x->each[x->n_each].alias = alias;
		expand_items(x, n, v, out, flags);
	}
	xmlFree(list);
	xmlFree(alias);
}

/* <if set="var"> / <if unset="var">, optionally followed by <else>. */
static int condition_holds(struct expander *x, xmlNodePtr n)
{
	char *set = template_attr(n, "set"), *unset = template_attr(n, "unset");
	const char *name = set ? set : unset;
	const struct var *v = name ? lookup(x, name) : NULL;
	int holds = 0;
	if (!v)
		template_report(&x->rep, DIAG_ERROR, n, NULL, "unknown variable \"%.80s\" in <if>", name ? name : "");
	else
		holds = set ? v->set : !v->set;
	xmlFree(set);
	xmlFree(unset);
	return holds;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
	for (n = n->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static void expand_if(struct expander *x, xmlNodePtr n, struct doc_node *out, unsigned flags)
{
	xmlNodePtr alt = next_element(n);
	if (condition_holds(x, n))
		expand_children(x, n, out, flags);
	else if (alt && is_named(alt, "else"))
		expand_children(x, alt, out, flags);
}

static struct doc_node *block(struct expander *x, xmlNodePtr n, struct doc_node *out,
			      enum doc_kind kind)
{
	struct doc_node *b = doc_node_new(x->d, kind, line_of(n), template_node_column(x->t, n));
	char *style = template_attr(n, "style");
	if (style && !doc_style_find(x->d, style))
		template_report(&x->rep, DIAG_ERROR, n, NULL, "unknown style \"%.80s\"", style);
	else if (style)
		b->style = doc_strdup(x->d, style);
	xmlFree(style);
	doc_node_append(out, b);
	template_read_attrs(&x->rep, n, x->d, b);
	return b;
}

static void expand_heading(struct expander *x, xmlNodePtr n, struct doc_node *out, int level)
{
	static const char *const styles[] = { "h1", "h2", "h3" };
	struct doc_node *h = block(x, n, out, DOC_HEADING);
	h->level = level;
	if (!h->style)
		h->style = styles[level - 1];
	expand_children(x, n, h, 0);
}

/* A card code field or column without boxes="N": as many boxes as the
 * region's card codes have characters ([region] card_code_length). */
static void card_code_boxes(const struct expander *x, struct doc_node *b)
{
	const struct var *v;
	if ((b->kind != DOC_FORM_FIELD && b->kind != DOC_FORM_COLUMN) || b->a.form.boxes ||
	    strcmp(b->a.form.kind, "card-code") != 0)
		return;
	v = lookup(x, "region.card_code_length");
	if (v && v->set)
		b->a.form.boxes = (int)v->num;
}

/* <logo>: the region's logo ([region] logo) as an image with its text;
 * nothing when the region has none. */
static void expand_logo(struct expander *x, xmlNodePtr n, struct doc_node *out)
{
	const struct var *src = lookup(x, "region.logo"), *alt = lookup(x, "region.logo_alt");
	struct doc_node *b;
	if (!src || !src->set)
		return;
	b = doc_node_new(x->d, DOC_IMAGE, line_of(n), template_node_column(x->t, n));
	doc_node_append(out, b);
	template_read_image(&x->rep, n, x->d, b, src->text,
			    alt && alt->set ? doc_strdup(x->d, alt->text) : NULL);
}

/* Block elements whose content is expanded into a new node of KIND. */
static const struct {
	const char *name;
	enum doc_kind kind;
	unsigned flags;
} simple_blocks[] = {
	{ "p", DOC_PARA, 0 },	     { "ul", DOC_LIST, 0 },	{ "ol", DOC_LIST, DOC_ORDERED },
	{ "li", DOC_ITEM, 0 },	     { "keep", DOC_KEEP, 0 },	{ "blank", DOC_BLANK, 0 },
	{ "rule", DOC_RULE, 0 },     { "space", DOC_SPACE, 0 }, { "pagebreak", DOC_PAGEBREAK, 0 },
	/* registration form fields (layout_form.c); <value> is a field's prefilled text */
	{ "form", DOC_FORM, 0 },	     { "field", DOC_FORM_FIELD, 0 },
	{ "date-field", DOC_FORM_DATE, 0 },  { "choice", DOC_FORM_CHOICE, 0 },
	{ "option", DOC_FORM_OPTION, 0 },    { "field-table", DOC_FORM_TABLE, 0 },
	{ "column", DOC_FORM_COLUMN, 0 },    { "value", DOC_PARA, 0 },
	{ "table", DOC_TABLE, 0 },     { "row", DOC_ROW, 0 },     { "cell", DOC_CELL, 0 },
	{ "box", DOC_FRAME, 0 },      { "image", DOC_IMAGE, 0 },
	{ "columns", DOC_COLUMNS, 0 },
};

/* <fit>: its inline content goes into one paragraph inside the frame. <card>:
 * remembers the data record of the <each> item it is expanded for. */
static int expand_card_block(struct expander *x, xmlNodePtr n, struct doc_node *out)
{
	struct doc_node *b;
	if (is_named(n, "fit")) {
		b = block(x, n, out, DOC_FIT);
		doc_node_append(b, doc_node_new(x->d, DOC_PARA, line_of(n), 0));
		expand_children(x, n, b->first, 0);
		return 1;
	}
	if (!is_named(n, "card"))
		return 0;
	b = block(x, n, out, DOC_CARD);
	if (x->n_each > 0) {
		const struct var *rec = vars_find(x->each[x->n_each - 1].item, "record");
		if (rec && rec->set)
			b->origin = doc_strdup(x->d, rec->text);
	}
	expand_children(x, n, b, 0);
	return 1;
}

/* Attribute NAME of N with its {variables} expanded; an unset one is an error.
 * Sets B's origin to the first variable's. Returns NULL when N lacks NAME. */
static char *expand_attr(struct expander *x, xmlNodePtr n, const char *name, struct doc_node *b)
{
	struct doc_node *tmp = doc_node_new(x->d, DOC_PARA, 0, 0);
	char *raw = template_attr(n, name), *out;
	size_t len = 0;
	if (!raw)
		return NULL;
	expand_text(x, n, raw, tmp, 0);
	for (struct doc_node *c = tmp->first; c; c = c->next) {
		if (c->kind == DOC_FILL)
			template_report(&x->rep, DIAG_ERROR, n, name, "this <qr> uses a value that is not set: %s", c->origin);
		/* a QR code shows its text to anyone, and the dump its modules */
		if (c->kind == DOC_TEXT && (c->flags & DOC_PERSONAL))
			template_report(&x->rep, DIAG_ERROR, n, name,
					"a <qr> cannot hold personal data (a holder's name)");
		len += c->kind == DOC_TEXT ? c->len : 0;
		if (c->origin && !b->origin)
			b->origin = c->origin;
	}
	out = xcalloc(len + 1, 1);
	for (struct doc_node *c = tmp->first; c; c = c->next)
		if (c->kind == DOC_TEXT)
			strcat(out, c->text);
	xmlFree(raw);
	return out;
}

/* <qr url="{v.url}" ecc="{region.qr_error_correction}">: both expanded. */
static void expand_qr(struct expander *x, xmlNodePtr n, struct doc_node *out)
{
	struct doc_node *b = block(x, n, out, DOC_QR);
	char *url = expand_attr(x, n, "url", b), *ecc;
	const char *origin = b->origin;
	b->a.qr.url = doc_strdup(x->d, url ? url : "");
	ecc = expand_attr(x, n, "ecc", b);
	b->origin = origin; /* messages name where the address came from */
	b->a.qr.ecc = 1; /* M */
	if (ecc && (strlen(ecc) != 1 || !strchr("LMQH", ecc[0])))
		template_report(&x->rep, DIAG_ERROR, n, "ecc=", "ecc must be L, M, Q or H, not \"%.20s\"",
				ecc);
	else if (ecc)
		b->a.qr.ecc = (int)(strchr("LMQH", ecc[0]) - "LMQH");
	free(url);
	free(ecc);
	expand_children(x, n, b, 0);
}

static int expand_block(struct expander *x, xmlNodePtr n, struct doc_node *out)
{
	if (is_named(n, "logo")) {
		expand_logo(x, n, out);
		return 1;
	}
	if (is_named(n, "qr")) {
		expand_qr(x, n, out);
		return 1;
	}
	if (expand_card_block(x, n, out))
		return 1;
	for (size_t i = 0; i < sizeof(simple_blocks) / sizeof(simple_blocks[0]); i++) {
		if (is_named(n, simple_blocks[i].name)) {
			struct doc_node *b = block(x, n, out, simple_blocks[i].kind);
			b->flags |= simple_blocks[i].flags;
			card_code_boxes(x, b);
			expand_children(x, n, b, 0);
			return 1;
		}
	}
	if (is_named(n, "h1") || is_named(n, "h2") || is_named(n, "h3")) {
		expand_heading(x, n, out, n->name[1] - '0');
		return 1;
	}
	return 0;
}

static void expand_inline(struct expander *x, xmlNodePtr n, struct doc_node *out,
			  unsigned flags)
{
	struct doc_node *target = inline_target(x, out, line_of(n));
	if (is_named(n, "b"))
		expand_children(x, n, target, flags | DOC_BOLD);
	else if (is_named(n, "i"))
		expand_children(x, n, target, flags | DOC_ITALIC);
	else if (is_named(n, "br"))
		doc_node_append(target, doc_node_new(x->d, DOC_BREAK, line_of(n), 0));
	else
		template_report(&x->rep, DIAG_ERROR, n, NULL, "internal: element <%s> is not handled", (const char *)n->name);
}

static void expand_node(struct expander *x, xmlNodePtr n, struct doc_node *out, unsigned flags)
{
	if (n->type == XML_TEXT_NODE) {
		const char *s = (const char *)n->content;
		if (out->kind != DOC_PARA && out->kind != DOC_HEADING &&
		    ((out->kind != DOC_ITEM && out->kind != DOC_CELL &&
		      !doc_kind_has_label(out->kind)) || only_space(s)))
			return; /* indentation between blocks */
		expand_text(x, n, s, inline_target(x, out, line_of(n)), flags);
	} else if (n->type != XML_ELEMENT_NODE) {
		return;
	} else if (is_lang_element(n)) {
		if (first_of_group(n)) {
			xmlNodePtr pick = pick_language(x, n);
			if (pick)
				expand_children(x, pick, out, flags);
		}
	} else if (is_named(n, "each")) {
		expand_each(x, n, out, flags);
	} else if (is_named(n, "if")) {
		expand_if(x, n, out, flags);
	} else if (is_named(n, "else")) {
		xmlNodePtr prev = n->prev; /* taken by the <if> before it */
		while (prev && prev->type != XML_ELEMENT_NODE)
			prev = prev->prev;
		if (!prev || !is_named(prev, "if"))
			template_report(&x->rep, DIAG_ERROR, n, NULL, "<else> must come right after an <if>");
	} else if (is_named(n, "group")) { /* a group-by <each> item starts a group */
		if (x->n_each > 0 && x->each[x->n_each - 1].group_start)
			expand_children(x, n, out, flags);
	} else if (!expand_block(x, n, out)) {
		expand_inline(x, n, out, flags);
	}
}

static void expand_children(struct expander *x, xmlNodePtr parent, struct doc_node *out,
			    unsigned flags)
{
	for (xmlNodePtr c = parent->children; c; c = c->next)
		expand_node(x, c, out, flags);
}

/* Plain text of a <meta> child in the document language, variables expanded. */
static const char *meta_text(struct expander *x, xmlNodePtr n)
{
	struct doc_node *tmp = doc_node_new(x->d, DOC_PARA, 0, 0);
	size_t len = 0;
	char *buf;
	const char *r;
	expand_children(x, n, tmp, 0);
	for (struct doc_node *c = tmp->first; c; c = c->next)
		len += c->kind == DOC_TEXT ? c->len : 0;
	buf = xmalloc(len + 1);
	len = 0;
	for (struct doc_node *c = tmp->first; c; c = c->next) {
		if (c->kind == DOC_TEXT) {
			memcpy(buf + len, c->text, c->len);
			len += c->len;
		}
	}
	buf[len] = '\0';
	r = doc_strdup(x->d, buf);
	free(buf);
	return r;
}

static void expand_meta(struct expander *x, xmlNodePtr meta)
{
	for (xmlNodePtr n = meta->children; n; n = n->next) {
		if (is_named(n, "title"))
			x->d->title = meta_text(x, n);
		else if (is_named(n, "subject"))
			x->d->subject = meta_text(x, n);
		else if (is_named(n, "author"))
			x->d->author = meta_text(x, n);
		else if (is_named(n, "keywords"))
			x->d->keywords = meta_text(x, n);
		else if (is_named(n, "print-note"))
			x->d->print_note = meta_text(x, n);
	}
}

struct doc *template_expand(const struct template *t, const struct expand_options *opt)
{
	struct expander x;
	memset(&x, 0, sizeof(x));
	x.t = t;
	x.opt = opt;
	expanding = t;
	xmlNodePtr root = xmlDocGetRootElement(t->xml);

	x.d = doc_new(t->path, opt->lang);
	x.d->name = doc_strdup(x.d, t->name);
	/* cards have a fixed size: large print does not apply to them */
	x.rep.t = t;
	template_read_setup(&x.rep, root, x.d, opt->large_print && !template_has_impose(t, root));
	template_read_impose(&x.rep, root, x.d);
	template_read_booklet(&x.rep, root, x.d);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (is_named(n, "meta"))
			expand_meta(&x, n);
		else if (is_named(n, "body"))
			expand_children(&x, n, x.d->root, 0);
	}
	textnorm_doc(x.d); /* no-break spaces, quotation marks (textnorm.h) */
	if (x.rep.errors == 0)
		x.rep.errors += doc_check(x.d);
	template_report_free(&x.rep);
	if (x.rep.errors) {
		doc_free(x.d);
		return NULL;
	}
	return x.d;
}
