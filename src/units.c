/* units: see units.h. */
#include "units.h"
#include "color.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int units_parse_length(const char *s, double *pt)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || !isfinite(v) || v < -10000 || v > 10000)
		return -1;
	if (strcmp(end, "mm") == 0)
		v *= MM_TO_PT;
	else if (strcmp(end, "cm") == 0)
		v *= 10 * MM_TO_PT;
	else if (strcmp(end, "in") == 0)
		v *= 72;
	else if (strcmp(end, "pt") != 0 && *end)
		return -1;
	*pt = v;
	return 0;
}

int units_parse_color(const char *s, struct doc_color *c)
{
	return color_parse(s, c);
}

int units_paper_size(const char *name, double *w, double *h)
{
	static const struct {
		const char *name;
		double w, h; /* mm */
	} sizes[] = { { "A3", 297, 420 }, { "A4", 210, 297 }, { "A5", 148, 210 },
		      { "A6", 105, 148 }, { "letter", 215.9, 279.4 } };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (strcasecmp(name, sizes[i].name) == 0) {
			*w = sizes[i].w * MM_TO_PT;
			*h = sizes[i].h * MM_TO_PT;
			return 0;
		}
	}
	return -1;
}
