/*
 * template_check: the structure of a template checked in C, as the RELAX NG
 * schema templates/kaikuprint.rng states it: which elements may stand where,
 * in which order, which attributes each takes, in which form, and which are
 * required. Compiling the schema costs more than laying out a small
 * document, so `render` relies on this check alone; `check` runs the schema
 * too (template_set_schema). tests/unit/test_template_check.c keeps both in
 * step: the same elements and attributes, the same verdict on every
 * template of the project and on a list of broken ones.
 */
#include "template_internal.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

/* What an element may hold (the schema's defines of the same names). */
enum model {
	M_EMPTY,        /* nothing */
	M_DOCUMENT,     /* meta? page? booklet? font* style* impose? body */
	M_META,         /* title, subject, author, keywords, print-note: each once */
	M_BLOCKS,       /* block elements */
	M_INLINES,      /* text, b, i, br */
	M_ITEMS,        /* li */
	M_ITEM,         /* inlines, then nested ul/ol */
	M_ROWS,         /* one or more row */
	M_CELLS,        /* one or more cell */
	M_CELL,         /* inlines and blocks in any order */
	M_COLUMNS,      /* form columns */
	M_FIELD,        /* inlines, then one value */
	M_CHOICE,       /* inlines, then one or more option */
	M_COLUMN,       /* inlines, then options */
	M_SAME          /* fi, sv, en, if, else, each: their parent's model */
};

/* The forms an attribute value takes (the schema's data types). */
enum form {
	F_TEXT, F_NONEMPTY, F_NCNAME, F_VARNAME, F_LENGTH, F_YESNO, F_YES, F_COLOR, F_FONTFILE,
	F_PERCENT, F_WIDTHS, F_ECC, F_INT6, F_INT20, F_INT40, F_INT50, F_INT60, F_INT1000,
	F_SIZE_PAGE, F_SIZE_BOOKLET, F_SHEET, F_ORIENTATION, F_ALIGN, F_ALIGN3, F_SIDE, F_MARKER,
	F_MULTIPLE_OF_4
};

struct attr_rule {
	const char *name;
	enum form form;
	int required;
};

struct element_rule {
	const char *name;
	enum model model;
	const struct attr_rule *attrs; /* ends with a NULL name */
};

#define END { NULL, F_TEXT, 0 }
static const struct attr_rule a_none[] = { END };
static const struct attr_rule a_style[] = { { "style", F_NCNAME, 0 }, END };
static const struct attr_rule a_document[] = { { "name", F_NCNAME, 1 }, END };
static const struct attr_rule a_page[] = {
	{ "size", F_SIZE_PAGE, 0 }, { "orientation", F_ORIENTATION, 0 },
	{ "margin", F_LENGTH, 0 }, { "margin-top", F_LENGTH, 0 }, { "margin-bottom", F_LENGTH, 0 },
	{ "margin-left", F_LENGTH, 0 }, { "margin-right", F_LENGTH, 0 },
	{ "page-numbers", F_YESNO, 0 }, { "pages", F_INT1000, 0 }, { "fit-space", F_PERCENT, 0 },
	{ "fit-qr-module", F_LENGTH, 0 }, { "fit-size", F_LENGTH, 0 }, END
};
static const struct attr_rule a_booklet[] = {
	{ "size", F_SIZE_BOOKLET, 0 }, { "margin", F_LENGTH, 0 }, { "margin-top", F_LENGTH, 0 },
	{ "margin-bottom", F_LENGTH, 0 }, { "margin-left", F_LENGTH, 0 },
	{ "margin-right", F_LENGTH, 0 }, { "columns", F_INT6, 0 }, { "back-cover", F_YESNO, 0 },
	{ "pages", F_MULTIPLE_OF_4, 0 }, END
};
static const struct attr_rule a_font[] = {
	{ "name", F_NCNAME, 1 }, { "regular", F_FONTFILE, 1 }, { "bold", F_FONTFILE, 0 },
	{ "italic", F_FONTFILE, 0 }, { "bold-italic", F_FONTFILE, 0 }, END
};
static const struct attr_rule a_style_def[] = {
	{ "name", F_NCNAME, 1 }, { "parent", F_NCNAME, 0 }, { "font", F_NCNAME, 0 },
	{ "size", F_LENGTH, 0 }, { "leading", F_LENGTH, 0 }, { "space-before", F_LENGTH, 0 },
	{ "space-after", F_LENGTH, 0 }, { "indent", F_LENGTH, 0 }, { "measure", F_LENGTH, 0 },
	{ "bold", F_YESNO, 0 }, { "italic", F_YESNO, 0 }, { "hyphenate", F_YESNO, 0 },
	{ "align", F_ALIGN, 0 }, { "color", F_COLOR, 0 }, END
};
static const struct attr_rule a_impose[] = {
	{ "sheet", F_SHEET, 0 }, { "orientation", F_ORIENTATION, 0 },
	{ "card-width", F_LENGTH, 0 }, { "card-height", F_LENGTH, 0 }, { "columns", F_INT20, 0 },
	{ "rows", F_INT20, 0 }, { "gap", F_LENGTH, 0 }, { "crop-marks", F_YESNO, 0 },
	{ "back", F_YESNO, 0 }, END
};
static const struct attr_rule a_each_blocks[] = {
	{ "list", F_VARNAME, 1 }, { "as", F_NCNAME, 1 }, { "sort", F_NCNAME, 0 },
	{ "group-by", F_NCNAME, 0 }, END
};
static const struct attr_rule a_each[] = { { "list", F_VARNAME, 1 }, { "as", F_NCNAME, 1 }, END };
static const struct attr_rule a_if[] = { { "set", F_VARNAME, 0 }, { "unset", F_VARNAME, 0 }, END };
static const struct attr_rule a_ul[] = { { "style", F_NCNAME, 0 }, { "marker", F_MARKER, 0 }, END };
static const struct attr_rule a_blank[] = {
	{ "style", F_NCNAME, 0 }, { "label", F_TEXT, 0 }, { "width", F_LENGTH, 0 },
	{ "lines", F_INT40, 0 }, END
};
static const struct attr_rule a_rule[] = {
	{ "width", F_LENGTH, 0 }, { "thickness", F_LENGTH, 0 }, { "color", F_COLOR, 0 }, END
};
static const struct attr_rule a_space[] = { { "height", F_LENGTH, 1 }, { "fill", F_YESNO, 0 }, END };
static const struct attr_rule a_table[] = {
	{ "style", F_NCNAME, 0 }, { "widths", F_WIDTHS, 0 }, { "border", F_LENGTH, 0 },
	{ "border-color", F_COLOR, 0 }, { "padding", F_LENGTH, 0 }, END
};
static const struct attr_rule a_row[] = {
	{ "style", F_NCNAME, 0 }, { "header", F_YESNO, 0 }, { "background", F_COLOR, 0 }, END
};
static const struct attr_rule a_cell[] = {
	{ "style", F_NCNAME, 0 }, { "span", F_INT50, 0 }, { "background", F_COLOR, 0 }, END
};
static const struct attr_rule a_box[] = {
	{ "style", F_NCNAME, 0 }, { "border", F_LENGTH, 0 }, { "border-color", F_COLOR, 0 },
	{ "background", F_COLOR, 0 }, { "padding", F_LENGTH, 0 }, END
};
static const struct attr_rule a_logo[] = {
	{ "width", F_LENGTH, 0 }, { "height", F_LENGTH, 0 }, { "align", F_ALIGN3, 0 }, END
};
static const struct attr_rule a_image[] = {
	{ "src", F_NONEMPTY, 1 }, { "width", F_LENGTH, 0 }, { "height", F_LENGTH, 0 },
	{ "align", F_ALIGN3, 0 }, { "alt", F_NONEMPTY, 0 }, { "decorative", F_YES, 0 }, END
};
static const struct attr_rule a_option[] = {
	{ "style", F_NCNAME, 0 }, { "split", F_NONEMPTY, 0 }, END
};
static const struct attr_rule a_column[] = {
	{ "kind", F_NCNAME, 0 }, { "style", F_NCNAME, 0 }, { "boxes", F_INT40, 0 },
	{ "date", F_YESNO, 0 }, { "width", F_LENGTH, 0 }, END
};
static const struct attr_rule a_form[] = {
	{ "style", F_NCNAME, 0 }, { "label-width", F_LENGTH, 0 }, { "box", F_LENGTH, 0 },
	{ "gap", F_LENGTH, 0 }, END
};
static const struct attr_rule a_field[] = {
	{ "kind", F_NCNAME, 0 }, { "style", F_NCNAME, 0 }, { "boxes", F_INT40, 0 }, END
};
static const struct attr_rule a_kind[] = { { "kind", F_NCNAME, 0 }, { "style", F_NCNAME, 0 }, END };
static const struct attr_rule a_field_table[] = {
	{ "style", F_NCNAME, 0 }, { "rows", F_INT60, 0 }, { "box", F_LENGTH, 0 },
	{ "gap", F_LENGTH, 0 }, END
};
static const struct attr_rule a_fit[] = {
	{ "style", F_NCNAME, 0 }, { "name", F_NCNAME, 0 }, { "width", F_LENGTH, 0 },
	{ "height", F_LENGTH, 0 }, { "min-size", F_LENGTH, 0 }, { "step", F_LENGTH, 0 },
	{ "rule", F_YESNO, 0 }, { "border", F_YESNO, 0 }, END
};
static const struct attr_rule a_columns[] = { { "count", F_INT6, 0 }, { "gap", F_LENGTH, 0 }, END };
static const struct attr_rule a_qr[] = {
	{ "url", F_TEXT, 1 }, { "size", F_LENGTH, 0 }, { "gap", F_LENGTH, 0 }, { "ecc", F_ECC, 0 },
	{ "side", F_SIDE, 0 }, { "color", F_COLOR, 0 }, END
};

/* The elements of each model; M_SAME ones take the model they stand in. */
static const struct element_rule in_document[] = {
	{ "meta", M_META, a_none }, { "page", M_EMPTY, a_page }, { "booklet", M_EMPTY, a_booklet },
	{ "font", M_EMPTY, a_font }, { "style", M_EMPTY, a_style_def },
	{ "impose", M_EMPTY, a_impose }, { "body", M_BLOCKS, a_none }, { NULL, M_EMPTY, NULL }
};
static const struct element_rule in_meta[] = {
	{ "title", M_INLINES, a_none }, { "subject", M_INLINES, a_none },
	{ "author", M_INLINES, a_none }, { "keywords", M_INLINES, a_none },
	{ "print-note", M_INLINES, a_none }, { NULL, M_EMPTY, NULL }
};
#define LANGS { "fi", M_SAME, a_none }, { "sv", M_SAME, a_none }, { "en", M_SAME, a_none }
#define CONDITIONS { "if", M_SAME, a_if }, { "else", M_SAME, a_none }
#define BLOCK_ELEMENTS \
	{ "h1", M_INLINES, a_style }, { "h2", M_INLINES, a_style }, \
	{ "h3", M_INLINES, a_style }, { "p", M_INLINES, a_style }, { "ul", M_ITEMS, a_ul }, \
	{ "ol", M_ITEMS, a_style }, { "keep", M_BLOCKS, a_none }, { "blank", M_EMPTY, a_blank }, \
	{ "rule", M_EMPTY, a_rule }, { "space", M_EMPTY, a_space }, \
	{ "pagebreak", M_EMPTY, a_none }, { "table", M_ROWS, a_table }, \
	{ "box", M_BLOCKS, a_box }, { "image", M_EMPTY, a_image }, { "logo", M_EMPTY, a_logo }, \
	{ "form", M_BLOCKS, a_form }, { "field", M_FIELD, a_field }, \
	{ "date-field", M_INLINES, a_kind }, { "choice", M_CHOICE, a_kind }, \
	{ "field-table", M_COLUMNS, a_field_table }, { "card", M_BLOCKS, a_style }, \
	{ "fit", M_INLINES, a_fit }, { "columns", M_BLOCKS, a_columns }, \
	{ "qr", M_BLOCKS, a_qr }, { "group", M_BLOCKS, a_none }
#define INLINE_ELEMENTS \
	{ "b", M_INLINES, a_none }, { "i", M_INLINES, a_none }, { "br", M_EMPTY, a_none }
/* fi, sv, en, if and else in running text hold running text only */
#define INLINE_CONTROL \
	{ "fi", M_INLINES, a_none }, { "sv", M_INLINES, a_none }, { "en", M_INLINES, a_none }, \
	{ "if", M_INLINES, a_if }, { "else", M_INLINES, a_none }
static const struct element_rule in_blocks[] = {
	BLOCK_ELEMENTS, LANGS, CONDITIONS, { "each", M_SAME, a_each_blocks },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_inlines[] = {
	INLINE_ELEMENTS, LANGS, CONDITIONS, { NULL, M_EMPTY, NULL }
};
static const struct element_rule in_items[] = {
	{ "li", M_ITEM, a_style }, { "each", M_SAME, a_each }, CONDITIONS, LANGS,
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_item[] = {
	INLINE_ELEMENTS, INLINE_CONTROL, { "ul", M_ITEMS, a_ul }, { "ol", M_ITEMS, a_style },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_rows[] = {
	{ "row", M_CELLS, a_row }, { "each", M_SAME, a_each }, CONDITIONS, LANGS,
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_cells[] = {
	{ "cell", M_CELL, a_cell }, { "each", M_SAME, a_each }, CONDITIONS,
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_cell[] = {
	INLINE_ELEMENTS, BLOCK_ELEMENTS, LANGS, CONDITIONS, { "each", M_SAME, a_each },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_columns[] = {
	{ "column", M_COLUMN, a_column }, { "each", M_SAME, a_each }, { "if", M_SAME, a_if },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_field[] = {
	INLINE_ELEMENTS, INLINE_CONTROL, { "value", M_INLINES, a_style },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule in_choice[] = {
	INLINE_ELEMENTS, INLINE_CONTROL, { "option", M_INLINES, a_option },
	{ NULL, M_EMPTY, NULL }
};
static const struct element_rule none[] = { { NULL, M_EMPTY, NULL } };

static const struct element_rule *rules_of(enum model m)
{
	switch (m) {
	case M_DOCUMENT: return in_document;
	case M_META: return in_meta;
	case M_BLOCKS: return in_blocks;
	case M_INLINES: return in_inlines;
	case M_ITEMS: return in_items;
	case M_ITEM: return in_item;
	case M_ROWS: return in_rows;
	case M_CELLS: return in_cells;
	case M_CELL: return in_cell;
	case M_COLUMNS: return in_columns;
	case M_FIELD: return in_field;
	case M_CHOICE: return in_choice;
	case M_COLUMN: return in_choice; /* the same children, options optional */
	default: return none;
	}
}

static int allows_text(enum model m)
{
	return m == M_INLINES || m == M_ITEM || m == M_CELL || m == M_FIELD || m == M_CHOICE ||
	       m == M_COLUMN;
}

/* Patterns of the schema's data types, anchored as XML Schema patterns are. */
static const char *const patterns[] = {
	[F_LENGTH] = "^-?[0-9]+(\\.[0-9]+)?(mm|cm|pt|in)?$",
	[F_VARNAME] = "^[A-Za-z_][-A-Za-z0-9_.]*$",
	[F_COLOR] = "^(#[0-9a-fA-F]{6}|cmyk\\(( *[0-9]{1,3}(\\.[0-9]+)? *,){3} *[0-9]{1,3}(\\.[0-9]+)? *\\))$",
	[F_FONTFILE] = "^[-A-Za-z0-9_]+\\.(ttf|TTF)$",
	[F_PERCENT] = "^[0-9]+(\\.[0-9]+)?%$",
	[F_WIDTHS] = "^[ \t\r\n]*(auto|[0-9]*\\*|[0-9]+(\\.[0-9]+)?(mm|cm|pt|in)?)"
		     "([ \t\r\n]+(auto|[0-9]*\\*|[0-9]+(\\.[0-9]+)?(mm|cm|pt|in)?))*[ \t\r\n]*$",
	[F_ECC] = "^([LMQH]|\\{[A-Za-z_][-A-Za-z0-9_.]*\\})$",
	[F_MULTIPLE_OF_4] = NULL,
};

static int matches(enum form f, const char *v)
{
	static regex_t compiled[F_MULTIPLE_OF_4 + 1];
	static char ready[F_MULTIPLE_OF_4 + 1];
	if (!ready[f]) {
		if (regcomp(&compiled[f], patterns[f], REG_EXTENDED | REG_NOSUB) != 0)
			return 0;
		ready[f] = 1;
	}
	return regexec(&compiled[f], v, 0, NULL, 0) == 0;
}

/* XML Schema's NCName: a name without a colon (letters beyond ASCII allowed). */
static int is_ncname(const char *v)
{
	const unsigned char *s = (const unsigned char *)v;
	if (!*s || (*s < 0x80 && !(*s == '_' || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))))
		return 0;
	for (; *s; s++)
		if (*s < 0x80 && !(*s == '_' || *s == '-' || *s == '.' || (*s >= '0' && *s <= '9') ||
				   ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')))
			return 0;
	return 1;
}

/* positiveInteger up to MAX: digits, an optional '+', surrounding spaces. */
static int is_count(const char *v, long max)
{
	char *end;
	long x;
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++;
	if (*v == '-' || !((*v >= '0' && *v <= '9') || *v == '+'))
		return 0;
	x = strtol(v, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	return end != v && !*end && x >= 1 && x <= max;
}

static int one_of(const char *v, const char *const *choices)
{
	for (; *choices; choices++)
		if (strcmp(v, *choices) == 0)
			return 1;
	return 0;
}

/* Tokens (names, numbers, choices) as the schema reads them: without the
 * white space around them. */
static int valid_form(enum form f, const char *v);

static int is_token_form(enum form f)
{
	return f != F_TEXT && f != F_NONEMPTY && f != F_VARNAME && f != F_LENGTH && f != F_COLOR &&
	       f != F_FONTFILE && f != F_PERCENT && f != F_WIDTHS && f != F_ECC;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int valid(enum form f, const char *v)
{
	size_t len;
	char *token;
	int ok;
	if (!is_token_form(f))
		return valid_form(f, v);
	while (is_blank(*v))
		v++;
	len = strlen(v);
	while (len > 0 && is_blank(v[len - 1]))
		len--;
	if (!v[len])
		return valid_form(f, v);
	token = xstrndup(v, len);
	ok = valid_form(f, token);
	free(token);
	return ok;
}

static int valid_form(enum form f, const char *v)
{
	static const char *const yesno[] = { "yes", "no", NULL },
				 *const page[] = { "A3", "A4", "A5", "A6", "letter", NULL },
				 *const booklet[] = { "A5", "A6", NULL },
				 *const sheet[] = { "A4", "A3", NULL },
				 *const orientation[] = { "portrait", "landscape", NULL },
				 *const align[] = { "left", "justify", "center", "right", NULL },
				 *const align3[] = { "left", "center", "right", NULL },
				 *const side[] = { "left", "right", NULL },
				 *const marker[] = { "bullet", "box", NULL };
	switch (f) {
	case F_TEXT: return 1;
	case F_NONEMPTY: return *v != '\0';
	case F_NCNAME: return is_ncname(v);
	case F_YESNO: return one_of(v, yesno);
	case F_YES: return strcmp(v, "yes") == 0;
	case F_INT6: return is_count(v, 6);
	case F_INT20: return is_count(v, 20);
	case F_INT40: return is_count(v, 40);
	case F_INT50: return is_count(v, 50);
	case F_INT60: return is_count(v, 60);
	case F_INT1000: return is_count(v, 1000);
	case F_SIZE_PAGE: return one_of(v, page);
	case F_SIZE_BOOKLET: return one_of(v, booklet);
	case F_SHEET: return one_of(v, sheet);
	case F_ORIENTATION: return one_of(v, orientation);
	case F_ALIGN: return one_of(v, align);
	case F_ALIGN3: return one_of(v, align3);
	case F_SIDE: return one_of(v, side);
	case F_MARKER: return one_of(v, marker);
	case F_MULTIPLE_OF_4: return strcmp(v, "multiple-of-4") == 0;
	default: return matches(f, v);
	}
}

/* How a value of form F should look, for messages. */
static const char *form_hint(enum form f)
{
	switch (f) {
	case F_NONEMPTY: return "a value that is not empty";
	case F_NCNAME: return "a name such as body-text (letters, digits, - _ .)";
	case F_VARNAME: return "a variable name such as region.name";
	case F_LENGTH: return "a length such as 12pt or 20mm";
	case F_YESNO: return "yes or no";
	case F_YES: return "yes";
	case F_COLOR: return "a colour such as #1a5c8e or cmyk(90,40,20,10)";
	case F_FONTFILE: return "a TrueType file name such as NotoSans-Regular.ttf";
	case F_PERCENT: return "a percentage such as 50%";
	case F_WIDTHS: return "column widths such as \"30mm auto 2*\"";
	case F_ECC: return "L, M, Q, H or a variable such as {region.qr_error_correction}";
	case F_INT6: return "a whole number from 1 to 6";
	case F_INT20: return "a whole number from 1 to 20";
	case F_INT40: return "a whole number from 1 to 40";
	case F_INT50: return "a whole number from 1 to 50";
	case F_INT60: return "a whole number from 1 to 60";
	case F_INT1000: return "a whole number from 1 to 1000";
	case F_SIZE_PAGE: return "A3, A4, A5, A6 or letter";
	case F_SIZE_BOOKLET: return "A5 or A6";
	case F_SHEET: return "A4 or A3";
	case F_ORIENTATION: return "portrait or landscape";
	case F_ALIGN: return "left, justify, center or right";
	case F_ALIGN3: return "left, center or right";
	case F_SIDE: return "left or right";
	case F_MARKER: return "bullet or box";
	case F_MULTIPLE_OF_4: return "multiple-of-4";
	default: return "another value";
	}
}

struct checker {
	struct template_report r;
};

static void needle_of(const char *attr, char *buf, size_t size)
{
	snprintf(buf, size, "%s=", attr);
}

static const struct attr_rule *attr_rule(const struct element_rule *e, const char *name)
{
	for (const struct attr_rule *a = e->attrs; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

static int has_attr(xmlNodePtr n, const char *name)
{
	return xmlHasNsProp(n, (const xmlChar *)name, NULL) != NULL;
}

/* The attributes of N against rule E: known, in form, the required ones
 * there, and the choices the schema makes between them. */
static void check_attrs(struct checker *c, xmlNodePtr n, const struct element_rule *e)
{
	const char *name = (const char *)n->name;
	char needle[80];
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const struct attr_rule *ar = a->ns ? NULL : attr_rule(e, (const char *)a->name);
		xmlChar *v;
		needle_of((const char *)a->name, needle, sizeof(needle));
		if (!ar) {
			template_report(&c->r, DIAG_ERROR, n, needle, "<%s> has no attribute %s%s%s",
					name, a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
					a->ns && a->ns->prefix ? ":" : "", (const char *)a->name);
			continue;
		}
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (!valid(ar->form, v ? (const char *)v : ""))
			template_report(&c->r, DIAG_ERROR, n, needle,
					"<%s> %s=\"%.40s\" is not allowed: give %s", name, ar->name,
					v ? (const char *)v : "", form_hint(ar->form));
		xmlFree(v);
	}
	for (const struct attr_rule *a = e->attrs; a->name; a++)
		if (a->required && !has_attr(n, a->name))
			template_report(&c->r, DIAG_ERROR, n, NULL, "<%s> needs the attribute %s", name,
					a->name);
	if (strcmp(name, "if") == 0 && has_attr(n, "set") == has_attr(n, "unset"))
		template_report(&c->r, DIAG_ERROR, n, NULL, "<if> needs one of set=\"…\" or unset=\"…\"");
	if ((strcmp(name, "image") == 0 || strcmp(name, "logo") == 0) && !has_attr(n, "width") &&
	    !has_attr(n, "height"))
		template_report(&c->r, DIAG_ERROR, n, NULL, "<%s> needs width, height or both", name);
	if (strcmp(name, "image") == 0 && has_attr(n, "alt") == has_attr(n, "decorative"))
		template_report(&c->r, DIAG_ERROR, n, NULL,
				"<image> needs one of alt=\"…\" (what it shows) or decorative=\"yes\"");
}

static const struct element_rule *element_rule(enum model m, const char *name)
{
	for (const struct element_rule *e = rules_of(m); e->name; e++)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

static int only_space(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Where an element of model M (the document's, a field's...) may stand in
 * order: ranks that must not go down, and the ones that may come once. */
static int rank_of(enum model m, const char *name, int *once)
{
	static const char *const document[] = { "meta", "page", "booklet", "font", "style",
						"impose", "body", NULL };
	*once = 0;
	if (m == M_DOCUMENT) {
		for (int i = 0; document[i]; i++)
			if (strcmp(name, document[i]) == 0) {
				*once = strcmp(name, "font") != 0 && strcmp(name, "style") != 0;
				return i;
			}
	}
	if (m == M_META) {
		*once = 1;
		return 0;
	}
	if (m == M_ITEM)
		return strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0;
	if (m == M_FIELD) {
		*once = strcmp(name, "value") == 0;
		return *once;
	}
	if (m == M_CHOICE || m == M_COLUMN)
		return strcmp(name, "option") == 0;
	return 0;
}

static void check_children(struct checker *c, xmlNodePtr parent, enum model m);

/* Is there an element of K's name before K among its siblings? */
static int seen_before(xmlNodePtr k)
{
	for (xmlNodePtr p = k->prev; p; p = p->prev)
		if (p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name, k->name))
			return 1;
	return 0;
}

/* Children of PARENT in order and count, after each was checked alone. */
static void check_order(struct checker *c, xmlNodePtr parent, enum model m)
{
	int last = 0, count[8] = { 0 }, elements = 0;
	const char *pname = (const char *)parent->name;
	for (xmlNodePtr k = parent->children; k; k = k->next) {
		int once, rank;
		if (k->type == XML_TEXT_NODE && !only_space(k->content) && last > 0 &&
		    (m == M_ITEM || m == M_FIELD || m == M_CHOICE || m == M_COLUMN)) {
			template_report(&c->r, DIAG_ERROR, parent, NULL,
					"text after the %s in <%s>: put it before them", m == M_ITEM
					? "nested list" : m == M_FIELD ? "<value>" : "options", pname);
			return;
		}
		if (k->type != XML_ELEMENT_NODE || !element_rule(m, (const char *)k->name))
			continue;
		elements++;
		rank = rank_of(m, (const char *)k->name, &once);
		if (rank < last || (once && seen_before(k))) {
			template_report(&c->r, DIAG_ERROR, k, NULL, "<%s> is not allowed here in <%s>%s",
					(const char *)k->name, pname,
					rank < last ? ": the order is wrong" : ": it may come once");
			return;
		}
		/* inline content after the first nested list or option: rank drops */
		count[rank & 7]++;
		last = rank;
	}
	if (m == M_DOCUMENT && count[6] == 0)
		template_report(&c->r, DIAG_ERROR, parent, NULL, "<document> needs a <body>");
	if ((m == M_ROWS || m == M_CELLS) && elements == 0)
		template_report(&c->r, DIAG_ERROR, parent, NULL, "<%s> needs at least one <%s>",
				pname, m == M_ROWS ? "row" : "cell");
	if (m == M_CHOICE && count[1] == 0)
		template_report(&c->r, DIAG_ERROR, parent, NULL, "<choice> needs at least one <option>");
}

static void check_element(struct checker *c, xmlNodePtr n, enum model in)
{
	const struct element_rule *e = n->ns ? NULL : element_rule(in, (const char *)n->name);
	if (!e) {
		template_report(&c->r, DIAG_ERROR, n, NULL, "<%s> is not allowed inside <%s>",
				(const char *)n->name, (const char *)n->parent->name);
		return;
	}
	check_attrs(c, n, e);
	check_children(c, n, e->model == M_SAME ? in : e->model);
}

static void check_children(struct checker *c, xmlNodePtr parent, enum model m)
{
	for (xmlNodePtr k = parent->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			check_element(c, k, m);
		else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) &&
			 !allows_text(m) && !only_space(k->content))
			template_report(&c->r, DIAG_ERROR, parent, NULL,
					"text is not allowed directly in <%s>%s", (const char *)parent->name,
					m == M_BLOCKS ? ": put it in a <p>" : "");
	}
	check_order(c, parent, m);
}

int template_check_structure(const struct template *t)
{
	struct checker c;
	xmlNodePtr root = xmlDocGetRootElement(t->xml);
	static const struct element_rule document = { "document", M_DOCUMENT, a_document };
	memset(&c, 0, sizeof(c));
	c.r.t = t;
	if (!root || root->ns || strcmp((const char *)root->name, "document") != 0) {
		template_report(&c.r, DIAG_ERROR, root, NULL, "the root element must be <document>");
	} else {
		check_attrs(&c, root, &document);
		check_children(&c, root, M_DOCUMENT);
	}
	template_report_free(&c.r);
	return c.r.errors;
}

void template_check_names(void (*each)(const char *element, const char *attr, void *arg),
			  void *arg)
{
	static const enum model models[] = { M_DOCUMENT, M_META, M_BLOCKS, M_INLINES, M_ITEMS,
					     M_ITEM, M_ROWS, M_CELLS, M_CELL, M_COLUMNS,
					     M_FIELD, M_CHOICE };
	each("document", NULL, arg);
	for (const struct attr_rule *a = a_document; a->name; a++)
		each("document", a->name, arg);
	for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++)
		for (const struct element_rule *e = rules_of(models[i]); e->name; e++) {
			each(e->name, NULL, arg);
			for (const struct attr_rule *a = e->attrs; a->name; a++)
				each(e->name, a->name, arg);
		}
}
