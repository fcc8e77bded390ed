/* test_color: colours as the author gives them and the one RGB-to-CMYK
 * formula of print-shop output (color.h), as a table. */
#include "unit.h"

#include "color.h"

#include <math.h>

struct conv_case {
	const char *given;
	double c, m, y, k; /* percent */
};

static const struct conv_case conv_cases[] = {
	/* black, greys and white are K only: one plate, no four-colour black */
	{ "#000000", 0, 0, 0, 100 },
	{ "#111111", 0, 0, 0, 93.3 },
	{ "#808080", 0, 0, 0, 49.8 },
	{ "#ffffff", 0, 0, 0, 0 },
	/* K = 1 - max(R, G, B); C = (max - R) / max, M and Y likewise */
	{ "#ff0000", 0, 100, 100, 0 },
	{ "#12506b", 83.2, 25.2, 0, 58.0 },
	{ "#b4462a", 0, 61.1, 76.7, 29.4 },
	/* cmyk() is taken as given, spaces and decimals allowed */
	{ "cmyk(90,40,20,10)", 90, 40, 20, 10 },
	{ "cmyk( 0, 60.5 ,100 , 0 )", 0, 60.5, 100, 0 },
	{ "cmyk(0,0,0,100)", 0, 0, 0, 100 },
};

static int near(double a, double b)
{
	return fabs(a - b) < 0.06;
}

static void conversion_table(void)
{
	for (size_t i = 0; i < sizeof(conv_cases) / sizeof(conv_cases[0]); i++) {
		const struct conv_case *t = &conv_cases[i];
		struct doc_color c;
		double v[4];
		CHECK(color_parse(t->given, &c) == 0);
		color_to_cmyk(&c, v);
		CHECK(near(v[0] * 100, t->c) && near(v[1] * 100, t->m) && near(v[2] * 100, t->y) &&
		      near(v[3] * 100, t->k));
	}
}

static void not_colours(void)
{
	static const char *const bad[] = { "", "#12345", "#1234567", "#12345g", "red",
					   "cmyk(1,2,3)", "cmyk(1,2,3,4,5)", "cmyk(101,0,0,0)",
					   "cmyk(-1,0,0,0)", "cmyk(1,2,3,4) ", "CMYK(1,2,3,4)",
					   "cmyk(1,2,3,4", "cmyk(,2,3,4)", "cmyk(1e2,0,0,0)" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct doc_color c;
		CHECK_INT(color_parse(bad[i], &c), -1);
	}
}

/* The formula never needs more than 300 % ink; cmyk() may. */
static void total_ink(void)
{
	struct doc_color c;
	color_parse("cmyk(100,100,100,40)", &c);
	CHECK(near(color_total_ink(&c), 340));
	color_parse("cmyk(75,68,67,90)", &c);
	CHECK(near(color_total_ink(&c), 300));
	for (int r = 0; r < 256; r += 15)
		for (int g = 0; g < 256; g += 15)
			for (int b = 0; b < 256; b += 15) {
				struct doc_color rgb = { r / 255.0, g / 255.0, b / 255.0, 0, 0, 0, 0, 0 };
				CHECK(color_total_ink(&rgb) <= COLOR_MAX_INK + 1e-9);
			}
}

/* A cmyk() colour still has an RGB look for office output. */
static void cmyk_has_rgb_for_office(void)
{
	struct doc_color c;
	color_parse("cmyk(0,0,0,100)", &c);
	CHECK(near(c.r, 0) && near(c.g, 0) && near(c.b, 0));
	color_parse("cmyk(100,0,0,0)", &c);
	CHECK(near(c.r, 0) && near(c.g, 1) && near(c.b, 1));
}

/* WCAG 2.1 contrast: the known figures, either order, cmyk() by its look. */
static void contrast_ratio(void)
{
	static const struct {
		const char *a, *b;
		double ratio;
	} cases[] = {
		{ "#000000", "#ffffff", 21.0 }, { "#ffffff", "#ffffff", 1.0 },
		{ "#767676", "#ffffff", 4.54 }, { "#777777", "#ffffff", 4.48 },
		{ "#595959", "#ffffff", 7.00 }, { "#ffffff", "#12506b", 8.80 },
		{ "cmyk(0,0,0,100)", "#ffffff", 21.0 }, { "cmyk(0,0,0,0)", "#000000", 21.0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc_color a, b;
		CHECK(color_parse(cases[i].a, &a) == 0 && color_parse(cases[i].b, &b) == 0);
		CHECK(fabs(color_contrast(&a, &b) - cases[i].ratio) < 0.005);
		CHECK(fabs(color_contrast(&b, &a) - cases[i].ratio) < 0.005);
	}
}

static void format_as_given(void)
{
	struct doc_color c;
	char buf[48];
	color_parse("#1A5c8e", &c);
	color_format(&c, buf, sizeof(buf));
	CHECK_STR(buf, "#1a5c8e");
	color_parse("cmyk(90,40.5,0,10)", &c);
	color_format(&c, buf, sizeof(buf));
	CHECK_STR(buf, "cmyk(90,40.5,0,10)");
}

const struct unit_test unit_tests[] = {
	UNIT(contrast_ratio),
	UNIT(format_as_given),
	UNIT(conversion_table),
	UNIT(not_colours),
	UNIT(total_ink),
	UNIT(cmyk_has_rgb_for_office),
	{ NULL, NULL }
};
