/* template_ink: a warning for every colour of a template that needs more ink
 * than a press prints well (color.h), once per template, with its line. */
#include "color.h"
#include "template_internal.h"

#include <libxml/tree.h>

static int check_element(const struct template *t, xmlNodePtr n)
{
	static const char *const attrs[] = { "color", "background", "border-color" };
	int warned = 0;
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		char *v = template_attr(n, attrs[i]);
		struct doc_color c;
		if (v && color_parse(v, &c) == 0)
			warned += color_check_ink(&c, attrs[i], t->path, (int)xmlGetLineNo(n),
						  template_node_column(t, n));
		xmlFree(v);
	}
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			warned += check_element(t, k);
	return warned;
}

int template_check_inks(const struct template *t)
{
	xmlNodePtr root = xmlDocGetRootElement(t->xml);
	return root ? check_element(t, root) : 0;
}
