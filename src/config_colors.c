/* config_colors: the region's own colours ([style.NAME] color = ...) laid
 * over the template's styles of the same names. */
#include "color.h"
#include "config.h"
#include "diag.h"
#include "doc.h"

#include <string.h>

void config_apply_colors(const struct config *cfg, struct doc *d)
{
	for (int i = 0; i < cfg->n_sections; i++) {
		const struct config_section *sec = &cfg->sections[i];
		const struct config_value *v;
		if (strcmp(sec->spec->kind, "style") != 0 || !(v = config_get(sec, "color", NULL)))
			continue;
		for (int s = 0; s < d->n_styles; s++)
			if (strcmp(d->styles[s].name, sec->id) == 0 &&
			    color_parse(v->text, &d->styles[s].color) == 0)
				d->styles[s].color_region_line = v->line;
	}
}

/* A region colour that needs more ink than a press prints well: warned
 * once, when the region file is read (config.c). */
void config_check_color_ink(const struct config *cfg, const struct config_value *v,
			    const char *section)
{
	struct doc_color c;
	double ink;
	if (color_parse(v->text, &c) != 0 || (ink = color_total_ink(&c)) <= COLOR_MAX_INK + 1e-9)
		return;
	diag_ini(DIAG_WARNING, cfg->path, v->line, section, v->key,
		 "%.0f %% total ink is more than a press prints well (at most %.0f %%)", ink,
		 COLOR_MAX_INK);
}
