/* test_template_check: the structure check in C (template_check.c), which is
 * all `render` runs, in step with the schema templates/kaikuprint.rng, which
 * `check` and editors use: the same elements and attributes (read from the
 * schema file), and the same verdict on every template of the project, every
 * golden case and a list of broken templates. */
#include "unit.h"

#include "template_internal.h"

#include <glob.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SCHEMA "templates/kaikuprint.rng"
#define RNG_NS "http://relaxng.org/ns/structure/1.0"

/* A set of "element" and "element@attribute" strings. */
struct names {
	char **s;
	int n;
};

static void add_name(struct names *set, const char *element, const char *attr)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s%s%s", element, attr ? "@" : "", attr ? attr : "");
	for (int i = 0; i < set->n; i++)
		if (strcmp(set->s[i], buf) == 0)
			return;
	set->s = realloc(set->s, sizeof(*set->s) * (size_t)(set->n + 1));
	set->s[set->n++] = strdup(buf);
}

static void free_names(struct names *set)
{
	for (int i = 0; i < set->n; i++)
		free(set->s[i]);
	free(set->s);
}

static int is_rng(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNodePtr find_define(xmlNodePtr grammar, const xmlChar *name)
{
	for (xmlNodePtr k = grammar->children; k; k = k->next) {
		xmlChar *v = is_rng(k, "define") ? xmlGetProp(k, BAD_CAST "name") : NULL;
		int hit = v && xmlStrEqual(v, name);
		xmlFree(v);
		if (hit)
			return k;
	}
	return NULL;
}

/* The attributes of ELEMENT found under N, following <ref>s, not entering
 * nested elements (DEPTH guards recursive defines). */
static void attributes_of(xmlNodePtr grammar, xmlNodePtr n, const char *element,
			  struct names *set, int depth)
{
	for (xmlNodePtr k = n->children; k && depth < 20; k = k->next) {
		xmlChar *v;
		if (is_rng(k, "element"))
			continue;
		if (is_rng(k, "attribute")) {
			v = xmlGetProp(k, BAD_CAST "name");
			add_name(set, element, (const char *)v);
			xmlFree(v);
		} else if (is_rng(k, "ref")) {
			xmlNodePtr def;
			v = xmlGetProp(k, BAD_CAST "name");
			def = find_define(grammar, v);
			xmlFree(v);
			if (def)
				attributes_of(grammar, def, element, set, depth + 1);
		} else if (k->type == XML_ELEMENT_NODE) {
			attributes_of(grammar, k, element, set, depth + 1);
		}
	}
}

static void schema_names(xmlNodePtr grammar, xmlNodePtr n, struct names *set)
{
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (is_rng(k, "element")) {
			xmlChar *name = xmlGetProp(k, BAD_CAST "name");
			add_name(set, (const char *)name, NULL);
			attributes_of(grammar, k, (const char *)name, set, 0);
			xmlFree(name);
		}
		if (k->type == XML_ELEMENT_NODE)
			schema_names(grammar, k, set);
	}
}

static void add_c_name(const char *element, const char *attr, void *arg)
{
	add_name(arg, element, attr);
}

static int has_name(const struct names *set, const char *s)
{
	for (int i = 0; i < set->n; i++)
		if (strcmp(set->s[i], s) == 0)
			return 1;
	return 0;
}

static void same_names_as_the_schema(void)
{
	xmlDocPtr rng = xmlReadFile(SCHEMA, NULL, XML_PARSE_NONET);
	struct names schema = { 0 }, c = { 0 };
	CHECK(rng != NULL);
	if (!rng)
		return;
	schema_names(xmlDocGetRootElement(rng), xmlDocGetRootElement(rng), &schema);
	template_check_names(add_c_name, &c);
	CHECK(schema.n > 100); /* the schema was read */
	for (int i = 0; i < schema.n; i++)
		if (!CHECK(has_name(&c, schema.s[i])))
			fprintf(stderr, "  the schema knows %s, template_check.c does not\n", schema.s[i]);
	for (int i = 0; i < c.n; i++)
		if (!CHECK(has_name(&schema, c.s[i])))
			fprintf(stderr, "  template_check.c knows %s, the schema does not\n", c.s[i]);
	free_names(&schema);
	free_names(&c);
	xmlFreeDoc(rng);
}

static xmlRelaxNGPtr compiled;

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* The schema's verdict on TEXT: 1 valid, 0 invalid, -1 not well-formed. */
static int schema_accepts(const char *text, size_t len)
{
	xmlDocPtr doc;
	xmlSetGenericErrorFunc(NULL, quiet);
	doc = xmlReadMemory(text, (int)len, "t.xml", "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlRelaxNGValidCtxtPtr vc;
	int ok;
	if (!doc)
		return -1;
	if (!compiled) {
		xmlSetGenericErrorFunc(NULL, quiet);
		xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(SCHEMA);
		compiled = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	vc = xmlRelaxNGNewValidCtxt(compiled);
	xmlRelaxNGSetValidStructuredErrors(vc, NULL, NULL);
	ok = xmlRelaxNGValidateDoc(vc, doc) == 0;
	xmlRelaxNGFreeValidCtxt(vc);
	xmlFreeDoc(doc);
	return ok;
}

/* Does the C check (no schema set) accept TEXT? Its messages are captured. */
static int c_accepts(const char *name, const char *text, size_t len)
{
	struct template *t;
	unit_capture_start();
	t = template_load_text(name, text, len);
	unit_capture_end();
	template_free(t);
	return t != NULL;
}

static int verdicts_agree(const char *name, const char *text, size_t len)
{
	int s = schema_accepts(text, len);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (s < 0 || memmem(text, len, "<!DOCTYPE", 9) || memmem(text, len, "<!ENTITY", 8))
		return 1; /* refused before any check, schema or not (template_scan.c) */
	if (c_accepts(name, text, len) == s)
		return 1;
	fprintf(stderr, "  %s: the schema %s it, template_check.c does not\n", name,
		s ? "accepts" : "refuses");
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	struct stat st;
	FILE *f = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
	char *buf;
	long size;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc((size_t)size + 1);
	*len = fread(buf, 1, (size_t)size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Every template of the project and of the golden cases, good or bad. */
static void same_verdict_on_every_template(void)
{
	static const char *const patterns[] = { "templates/*.xml", "tests/cases/*/*/*.xml" };
	int files = 0;
	for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++) {
		glob_t g;
		if (glob(patterns[p], 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			size_t len;
			char *text = read_file(g.gl_pathv[i], &len);
			if (!text)
				continue;
			files++;
			CHECK(verdicts_agree(g.gl_pathv[i], text, len));
			free(text);
		}
		globfree(&g);
	}
	CHECK(files > 100);
}

/* Broken templates, each wrong in one way the schema states: both refuse. */
static void same_verdict_on_broken_templates(void)
{
	static const char *const bodies[] = {
		"<paragraph>x</paragraph>",
		"<p colour=\"#000000\">x</p>",
		"<p style=\"9bad\">x</p>",
		"<space height=\"three\"/>",
		"<space/>",
		"<rule color=\"red\"/>",
		"<rule width=\"10 mm\"/>",
		"loose text",
		"<p>a<p>b</p></p>",
		"<p><ul><li>x</li></ul></p>",
		"<ul><p>x</p></ul>",
		"<ul><li>x<ul><li>y</li></ul>after</li></ul>",
		"<ul><li><fi><ul><li>y</li></ul></fi></li></ul>",
		"<ul marker=\"star\"><li>x</li></ul>",
		"<if><p>x</p></if>",
		"<if set=\"a\" unset=\"b\"><p>x</p></if>",
		"<if set=\"1bad\"><p>x</p></if>",
		"<each list=\"venues\"><p>x</p></each>",
		"<table/>",
		"<table><row/></table>",
		"<table><row><cell span=\"0\">x</cell></row></table>",
		"<table><row><cell span=\"51\">x</cell></row></table>",
		"<table><fi><row><fi><cell>x</cell></fi></row></fi></table>",
		"<table widths=\"30mm bogus\"><row><cell>x</cell></row></table>",
		"<table><row><each list=\"a\" as=\"b\" sort=\"c\"><cell>x</cell></each></row></table>",
		"<image src=\"a.png\" width=\"10mm\"/>",
		"<image src=\"a.png\" alt=\"a\"/>",
		"<image src=\"\" width=\"10mm\" alt=\"a\"/>",
		"<image src=\"a.png\" width=\"10mm\" alt=\"a\" decorative=\"yes\"/>",
		"<image src=\"a.png\" width=\"10mm\" decorative=\"no\"/>",
		"<logo/>",
		"<logo width=\"10mm\" align=\"justify\"/>",
		"<qr size=\"20mm\"/>",
		"<qr url=\"x\" ecc=\"X\"/>",
		"<qr url=\"x\" side=\"top\"/>",
		"<columns count=\"7\"><p>x</p></columns>",
		"<choice kind=\"card-type\">x</choice>",
		"<choice kind=\"card-type\">x<option>a</option>y</choice>",
		"<field kind=\"unit\">x<value>a</value><value>b</value></field>",
		"<field kind=\"unit\" boxes=\"41\">x</field>",
		"<field kind=\"a:b\">x</field>",
		"<field-table rows=\"61\"><column>x</column></field-table>",
		"<field-table><column date=\"maybe\">x</column></field-table>",
		"<field-table><else><column>x</column></else></field-table>",
		"<fit rule=\"true\">x</fit>",
		"<blank lines=\"41\"/>",
		"<p><b><p>x</p></b></p>",
		"<p>x<br>y</br></p>",
		"<h1 xml:lang=\"fi\">x</h1>",
		"<pagebreak>x</pagebreak>",
		"<keep style=\"body\"><p>x</p></keep>",
	};
	static const char *const heads[] = {
		"<page size=\"B5\"/>",
		"<page pages=\"0\"/>",
		"<page fit-space=\"50\"/>",
		"<font name=\"a\" regular=\"a.otf\"/>",
		"<font name=\"a\"/>",
		"<style size=\"12pt\"/>",
		"<style name=\"a\" align=\"middle\"/>",
		"<impose columns=\"21\"/>",
		"<booklet pages=\"even\"/>",
		"<meta><title>a</title><title>b</title></meta>",
		"<meta><p>a</p></meta>",
		"<style name=\"a\"/><page/>",
		"<page/><page/>",
		"<impose/><style name=\"a\"/>",
	};
	char text[1024];
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		int n = snprintf(text, sizeof(text),
				 "<document name=\"t\"><body>%s</body></document>", bodies[i]);
		CHECK(schema_accepts(text, (size_t)n) == 0); /* the case is broken indeed */
		if (!CHECK(verdicts_agree(bodies[i], text, (size_t)n)))
			fprintf(stderr, "  (body %zu)\n", i);
	}
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		int n = snprintf(text, sizeof(text),
				 "<document name=\"t\">%s<body><p>x</p></body></document>", heads[i]);
		CHECK(schema_accepts(text, (size_t)n) == 0);
		if (!CHECK(verdicts_agree(heads[i], text, (size_t)n)))
			fprintf(stderr, "  (head %zu)\n", i);
	}
	CHECK(verdicts_agree("no-body", "<document name=\"t\"/>", 21));
	CHECK(verdicts_agree("no-name", "<document><body/></document>", 28));
	CHECK(verdicts_agree("root", "<body><p>x</p></body>", 21));
	if (compiled)
		xmlRelaxNGFree(compiled);
	compiled = NULL;
}

const struct unit_test unit_tests[] = {
	UNIT(same_names_as_the_schema),
	UNIT(same_verdict_on_every_template),
	UNIT(same_verdict_on_broken_templates),
	{ NULL, NULL },
};
