/* hyph_region: [hyphenation] exceptions -> hyph.c; see hyph_region.h. */
#include "hyph_region.h"
#include "diag.h"
#include "hyph.h"

#include <stdlib.h>
#include <string.h>

int hyph_region_load(const struct config *cfg, const char *lang)
{
	/* `all` renders several documents from one value: parse (and report) it once */
	static char *last_text;
	static int last_rc;
	const struct config_section *s = config_section(cfg, "hyphenation");
	const struct config_value *v = s ? config_get(s, "exceptions", lang) : NULL;
	const char *text = v ? v->text : "";
	char err[256];
	if (last_text && strcmp(last_text, text) == 0)
		return last_rc;
	free(last_text);
	last_text = xstrdup(text);
	last_rc = hyph_set_exceptions(text, err, sizeof(err));
	if (last_rc != 0)
		diag_ini(DIAG_ERROR, cfg->path, v->line, "hyphenation", v->key, "%s", err);
	return last_rc;
}
