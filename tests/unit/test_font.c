/* test_font: glyph runs remembered per font (font_glyph_run_shared) are the
 * runs shaped afresh, and a holder's name is never remembered, neither by
 * the font nor by a whole card batch laid out (render_pages). */
#include "unit.h"

#include "config.h"
#include "font.h"
#include "holders.h"
#include "render.h"
#include "template.h"
#include "textnorm.h"

#include <stdio.h>
#include <string.h>

#define REGULAR "fonts/NotoSans-Regular.ttf"
#define BOLD "fonts/NotoSans-Bold.ttf"

static void shared_run_is_the_shaped_run(void)
{
	struct font *f = font_get(REGULAR);
	const char *text = "Kaikukortti: Väinö Åkerström, AVAVA";
	struct font_glyph fresh[64];
	const struct font_glyph *shared, *again;
	size_t n = 0, m = 0;
	CHECK(f != NULL);
	if (!f)
		return;
	size_t k = font_glyph_run(f, text, strlen(text), fresh);
	shared = font_glyph_run_shared(f, text, strlen(text), &n);
	CHECK(shared != NULL);
	CHECK_INT(n, k);
	CHECK(shared && memcmp(shared, fresh, k * sizeof(*fresh)) == 0);
	again = font_glyph_run_shared(f, text, strlen(text), &m);
	CHECK(again == shared); /* shaped once */
	CHECK_INT(m, n);
	CHECK(font_remembers(f, text));
}

static void long_text_not_remembered(void)
{
	struct font *f = font_get(REGULAR);
	char text[300];
	size_t n = 0;
	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	CHECK(f && font_glyph_run_shared(f, text, strlen(text), &n) == NULL);
}

static void private_width_not_remembered(void)
{
	struct font *f = font_get(REGULAR);
	const char *name = "Qyrmelä";
	if (!f)
		return;
	CHECK(font_text_width_private(f, name, strlen(name), 10) > 0);
	CHECK(!font_remembers(f, name));
	CHECK(font_text_width(f, "Voimassa", 8, 10) > 0);
	CHECK(font_remembers(f, "Voimassa")); /* the check above can see a cached word */
}

/* A card batch laid out: the labels are remembered, the name is not. */
static void batch_leaves_names_out_of_caches(void)
{
	static const char csv[] = "issued,name,children\n2026-12-01,Zyxwa Qöppelberg-Mäkänen,2\n";
	struct config *cfg;
	struct template *t;
	struct holders *h;
	struct render_options opt = { 0 };
	struct pages *pages;
	const char *fonts[] = { REGULAR, BOLD };
	const char *parts[] = { "Zyxwa", "Qöppelberg-Mäkänen", "Zyxwa Qöppelberg-Mäkänen",
				"Qöppelberg", "Mäkänen" };
	cfg = config_load("config/esimerkkila.ini");
	CHECK(cfg != NULL);
	if (!cfg)
		return;
	cfg->today = (struct date){ 2027, 3, 1 };
	t = render_load_template("templates/card-inserts.xml");
	h = holders_parse("holders.csv", csv, sizeof(csv) - 1, cfg, NULL);
	CHECK(t != NULL);
	CHECK(h != NULL);
	opt.lang = "fi";
	opt.fonts_dir = "fonts";
	opt.holders = h;
	pages = t && h ? render_pages(cfg, t, &opt, 0) : NULL;
	CHECK(pages != NULL);
	for (size_t i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		struct font *f = font_get(fonts[i]);
		CHECK(f != NULL);
		for (size_t k = 0; f && k < sizeof(parts) / sizeof(parts[0]); k++)
			if (!CHECK(!font_remembers(f, parts[k])))
				fprintf(stderr, "  %s remembers part %zu of the name\n", fonts[i], k);
	}
	for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
		if (!CHECK(!textnorm_remembers(parts[k])))
			fprintf(stderr, "  textnorm remembers part %zu of the name\n", k);
	CHECK(textnorm_remembers("Kortinhaltija")); /* the card's labels are remembered */
	/* the card's labels went through the same caches */
	CHECK(font_remembers(font_get(REGULAR), "Kortinhaltija") ||
	      font_remembers(font_get(BOLD), "Kortinhaltija"));
	pages_free(pages);
	holders_free(h);
	template_free(t);
	config_free(cfg);
}

const struct unit_test unit_tests[] = {
	UNIT(shared_run_is_the_shaped_run),
	UNIT(long_text_not_remembered),
	UNIT(private_width_not_remembered),
	UNIT(batch_leaves_names_out_of_caches),
	{ NULL, NULL },
};
