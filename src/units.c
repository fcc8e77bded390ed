/* units: see units.h. */
#include "units.h"

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

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int units_parse_color(const char *s, struct doc_color *c)
{
	int v[6];
	if (strlen(s) != 7 || s[0] != '#')
		return -1;
	for (int i = 0; i < 6; i++)
		if ((v[i] = hex_digit(s[i + 1])) < 0)
			return -1;
	c->r = (v[0] * 16 + v[1]) / 255.0;
	c->g = (v[2] * 16 + v[3]) / 255.0;
	c->b = (v[4] * 16 + v[5]) / 255.0;
	return 0;
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
