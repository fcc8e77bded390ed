/* color: see color.h. */
#include "color.h"
#include "diag.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int parse_rgb(const char *s, struct doc_color *c)
{
	int v[6];
	if (strlen(s) != 7 || s[0] != '#')
		return -1;
	for (int i = 0; i < 6; i++)
		if ((v[i] = hex_digit(s[i + 1])) < 0)
			return -1;
	memset(c, 0, sizeof(*c));
	c->r = (v[0] * 16 + v[1]) / 255.0;
	c->g = (v[2] * 16 + v[3]) / 255.0;
	c->b = (v[4] * 16 + v[5]) / 255.0;
	return 0;
}

/* One percentage of cmyk(), followed by SEP; *S moves past both. */
static int parse_percent(const char **s, char sep, double *out)
{
	char *end;
	double v;
	while (**s == ' ')
		(*s)++;
	if (!isdigit((unsigned char)**s))
		return -1;
	v = strtod(*s, &end);
	if (strspn(*s, "0123456789.") != (size_t)(end - *s)) /* no exponents, as the schema */
		return -1;
	while (*end == ' ')
		end++;
	if (end == *s || *end != sep || !isfinite(v) || v < 0 || v > 100)
		return -1;
	*out = v / 100;
	*s = end + 1;
	return 0;
}

static int parse_cmyk(const char *s, struct doc_color *c)
{
	double v[4];
	if (strncmp(s, "cmyk(", 5) != 0)
		return -1;
	s += 5;
	for (int i = 0; i < 4; i++)
		if (parse_percent(&s, i < 3 ? ',' : ')', &v[i]) != 0)
			return -1;
	if (*s)
		return -1;
	memset(c, 0, sizeof(*c));
	c->cmyk = 1;
	c->c = v[0];
	c->m = v[1];
	c->y = v[2];
	c->k = v[3];
	/* how it looks on screen (office output): the same formula backwards */
	c->r = (1 - v[0]) * (1 - v[3]);
	c->g = (1 - v[1]) * (1 - v[3]);
	c->b = (1 - v[2]) * (1 - v[3]);
	return 0;
}

int color_parse(const char *s, struct doc_color *c)
{
	return s[0] == '#' ? parse_rgb(s, c) : parse_cmyk(s, c);
}

void color_to_cmyk(const struct doc_color *c, double cmyk[4])
{
	double max = c->r > c->g ? c->r : c->g, k;
	if (c->cmyk) {
		cmyk[0] = c->c;
		cmyk[1] = c->m;
		cmyk[2] = c->y;
		cmyk[3] = c->k;
		return;
	}
	if (c->b > max)
		max = c->b;
	k = 1 - max;
	cmyk[3] = k;
	if (max <= 0 || (c->r == c->g && c->g == c->b)) {
		cmyk[0] = cmyk[1] = cmyk[2] = 0; /* grey or black: K only */
		return;
	}
	cmyk[0] = (max - c->r) / max; /* (1 - R - K) / (1 - K) */
	cmyk[1] = (max - c->g) / max;
	cmyk[2] = (max - c->b) / max;
}

double color_total_ink(const struct doc_color *c)
{
	double v[4];
	color_to_cmyk(c, v);
	return (v[0] + v[1] + v[2] + v[3]) * 100;
}

int color_check_ink(const struct doc_color *c, const char *attr, const char *file, int line,
		    int col)
{
	double ink = color_total_ink(c);
	if (ink <= COLOR_MAX_INK + 1e-9)
		return 0;
	diag_file(DIAG_WARNING, file, line, col,
		  "%s: %.0f %% total ink is more than a press prints well (at most %.0f %%)", attr,
		  ink, COLOR_MAX_INK);
	return 1;
}

/* One sRGB channel (0..1) to linear light, as WCAG 2.1 defines it. */
static double linear(double v)
{
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

double color_luminance(const struct doc_color *c)
{
	return 0.2126 * linear(c->r) + 0.7152 * linear(c->g) + 0.0722 * linear(c->b);
}

double color_contrast(const struct doc_color *a, const struct doc_color *b)
{
	double la = color_luminance(a), lb = color_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

void color_format(const struct doc_color *c, char *buf, size_t size)
{
	if (c->cmyk)
		snprintf(buf, size, "cmyk(%g,%g,%g,%g)", round(c->c * 1000) / 10,
			 round(c->m * 1000) / 10, round(c->y * 1000) / 10, round(c->k * 1000) / 10);
	else
		snprintf(buf, size, "#%02x%02x%02x", (unsigned)lround(c->r * 255),
			 (unsigned)lround(c->g * 255), (unsigned)lround(c->b * 255));
}
