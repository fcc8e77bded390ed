/* template_load: safe parsing and validation of templates (the RELAX NG
 * schema when one is set, then template_check.c). */
#include "template_internal.h"
#include "diag.h"
#include "fileio.h"
#include "utf8.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static xmlRelaxNGPtr schema;

/* Collects libxml2's messages and reports them with file, line and column. */
struct error_sink {
	const struct template *t;
	int count;
	int out_of_memory;  /* said once: libxml2 repeats it for every failed step */
};

/* libxml2 says only "Element space failed to validate attributes": name
 * the attributes and their values instead (one of them is wrong). */
static void explain_attributes(xmlNodePtr node, char *msg, size_t size)
{
	size_t n;
	int count = 0;
	for (xmlAttrPtr a = node->properties; a; a = a->next)
		count++;
	n = (size_t)snprintf(msg, size, count == 1 ? "<%s>: this value is not allowed:"
				   : "<%s>: one of these values is not allowed:",
			     (const char *)node->name);
	for (xmlAttrPtr a = node->properties; a && n < size; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
		n += (size_t)snprintf(msg + n, size - n, " %s=\"%.40s\"", (const char *)a->name,
				      v ? (const char *)v : "");
		xmlFree(v);
	}
}

static void report_xml_error(void *ctx, xmlErrorPtr err)
{
	struct error_sink *sink = ctx;
	char msg[512];
	size_t n;
	int line = err->line, col = err->int2;

	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "XML error");
	/* libxml2's depth limit (256) names a parser option users cannot set. */
	if (strncmp(msg, "Excessive depth", 15) == 0)
		snprintf(msg, sizeof(msg), "elements are nested more than 256 levels deep");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (sink->out_of_memory) { /* what follows is its consequence */
		sink->count++;
		return;
	}
	if (err->code == XML_ERR_NO_MEMORY) {
		if (!sink->out_of_memory)
			diag_plain(DIAG_FATAL, "out of memory");
		sink->out_of_memory = 1;
		sink->count++;
		return;
	}
	if (err->domain == XML_FROM_RELAXNGV && err->node &&
	    strstr(msg, "failed to validate attributes"))
		explain_attributes((xmlNodePtr)err->node, msg, sizeof(msg));
	if (err->domain == XML_FROM_RELAXNGV && err->node) {
		line = template_node_line(sink->t, (xmlNodePtr)err->node);
		col = template_node_column(sink->t, (xmlNodePtr)err->node);
	}
	diag_file(DIAG_ERROR, sink->t->path, line, col, "%s", msg);
	sink->count++;
}

/* libxml2's unstructured messages (memory exhausted, schema problems) would
 * go raw to stderr; every problem is reported through diag instead. */
static void swallow_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int template_set_schema(const char *path)
{
	xmlRelaxNGParserCtxtPtr pc;
	if (schema)
		return 0;
	xmlSetGenericErrorFunc(NULL, swallow_generic);
	input_note(path);
	pc = xmlRelaxNGNewParserCtxt(path);
	schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!schema) {
		diag_file(DIAG_FATAL, path, 0, 0, "cannot load the template schema");
		return -1;
	}
	return 0;
}

void template_cleanup(void)
{
	if (schema)
		xmlRelaxNGFree(schema);
	schema = NULL;
	xmlCleanupParser();
}

int template_column(const struct template *t, int line, const char *needle)
{
	size_t start, end;
	const char *hit;
	if (line < 1 || line > t->n_lines)
		return 0;
	start = t->line_starts[line - 1];
	end = line < t->n_lines ? t->line_starts[line] : t->len;
	for (hit = t->text + start; hit + strlen(needle) <= t->text + end; hit++)
		if (memcmp(hit, needle, strlen(needle)) == 0)
			return (int)utf8_length(t->text + start, (size_t)(hit - t->text - start)) + 1;
	return 0;
}

/* The byte offset of an element's '<' is kept in its _private field (plus
 * one; 0: unknown), recorded while parsing: libxml2 keeps no column, and
 * its line count stops at 65,535 for elements. */
static const struct template *loading;

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr pc = ctx;
	size_t off;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
	if (!loading || !pc->node || pc->node->type != XML_ELEMENT_NODE)
		return;
	/* libxml2 is at the end of the start tag; its '<' is the last one
	 * before (attribute values cannot hold a '<'). */
	off = (size_t)xmlByteConsumed(pc);
	if (off > loading->len)
		return;
	while (off > 0 && loading->text[off] != '<')
		off--;
	pc->node->_private = (void *)(uintptr_t)(off + 1);
}

int template_node_line(const struct template *t, xmlNodePtr node)
{
	if (node && node->type == XML_ELEMENT_NODE && node->_private)
		return template_offset_line(t, (size_t)(uintptr_t)node->_private - 1);
	return node ? (int)xmlGetLineNo(node) : 0;
}

int template_node_column(const struct template *t, xmlNodePtr node)
{
	if (!node || node->type != XML_ELEMENT_NODE || !node->_private)
		return 0;
	return template_offset_column(t, (size_t)(uintptr_t)node->_private - 1);
}

char *template_attr(xmlNodePtr node, const char *name)
{
	return (char *)xmlGetProp(node, (const xmlChar *)name);
}

/* Things libxml2 would accept but a template must never contain. */
static int precheck(struct template *t)
{
	size_t bad = utf8_find_invalid(t->text, t->len);
	const char *nul = memchr(t->text, '\0', t->len);
	int errors = 0;
	if (nul) {
		size_t off = (size_t)(nul - t->text);
		int line = 1;
		while (line < t->n_lines && t->line_starts[line] <= off)
			line++;
		diag_file(DIAG_ERROR, t->path, line, (int)(off - t->line_starts[line - 1]) + 1,
			  "NUL byte in template");
		return 1;
	}
	if (bad != (size_t)-1) {
		int line = 1;
		while (line < t->n_lines && t->line_starts[line] <= bad)
			line++;
		diag_file(DIAG_ERROR, t->path, line, (int)(bad - t->line_starts[line - 1]) + 1,
			  "invalid UTF-8; save the template as UTF-8");
		return 1;
	}
	errors += template_scan(t);
	return errors;
}

static int parse_and_validate(struct template *t)
{
	struct error_sink sink = { t, 0, 0 };
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	/* No network, no DTD loading, no entity substitution. */
	int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

	xmlSetStructuredErrorFunc(&sink, report_xml_error);
	if (pc)
		pc->sax->startElementNs = start_element;
	loading = t;
	t->xml = pc ? xmlCtxtReadMemory(pc, t->text, (int)t->len, t->path, "UTF-8", options)
		    : NULL;
	loading = NULL;
	xmlFreeParserCtxt(pc);
	if (t->xml && sink.count == 0 && schema) {
		xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
		xmlRelaxNGSetValidStructuredErrors(vc, report_xml_error, &sink);
		if (xmlRelaxNGValidateDoc(vc, t->xml) != 0 && sink.count == 0) {
			diag_file(DIAG_ERROR, t->path, 0, 0, "template does not match the schema");
			sink.count++;
		}
		xmlRelaxNGFreeValidCtxt(vc);
	} else if (!t->xml && sink.count == 0) {
		diag_file(DIAG_ERROR, t->path, 0, 0, "not a well-formed XML document");
		sink.count++;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	/* the same rules in C: all that `render` checks (the schema's compile
	 * costs more than a small document); after the schema, for `check` */
	if (t->xml && sink.count == 0)
		sink.count += template_check_structure(t);
	return sink.count;
}

struct template *template_load_text(const char *path, const char *text, size_t len)
{
	struct template *t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	t->text = xstrndup(text, len);
	t->len = len;
	template_index(t);
	if (len == 0) {
		diag_file(DIAG_ERROR, path, 0, 0, "template is empty");
		template_free(t);
		return NULL;
	}
	if (precheck(t) || parse_and_validate(t)) {
		template_free(t);
		return NULL;
	}
	t->name = template_attr(xmlDocGetRootElement(t->xml), "name");
	template_check_inks(t);
	return t;
}

/* Templates are read up to TEMPLATE_MAX_BYTES (1 MiB; the largest shipped one
 * is under 10 KiB), nested at most 256 deep (libxml2's limit). Laying out a
 * 1 MiB template (350 pages of long paragraphs, or 100,000 short ones) peaks
 * at 60-130 MB of memory; tests/suites/70-hostile.sh checks limit and bound. */
struct template *template_load(const char *path)
{
	size_t len;
	char *text = file_read_all(path, "template", TEMPLATE_MAX_BYTES, &len);
	struct template *t;
	if (!text)
		return NULL;
	t = template_load_text(path, text, len);
	free(text);
	return t;
}

void template_free(struct template *t)
{
	if (!t)
		return;
	if (t->xml)
		xmlFreeDoc(t->xml);
	xmlFree(t->name);
	free(t->line_starts);
	free(t->cp_marks);
	free(t->text);
	free(t->path);
	free(t);
}

const char *template_name(const struct template *t)
{
	return t->name;
}
