/* hyph_region: [hyphenation] exceptions for layout; see hyph_region.h. */
#include "hyph_region.h"

struct hyph_exceptions *hyph_region_exceptions(const struct config *cfg, const char *lang)
{
	const struct config_section *s = config_section(cfg, "hyphenation");
	const struct config_value *v = s ? config_get(s, "exceptions", lang) : NULL;
	char err[256];
	return hyph_exceptions_parse(v ? v->text : "", err, sizeof(err));
}
