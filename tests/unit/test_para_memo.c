/* test_para_memo: line breaks remembered while a document is laid out again
 * (para_memo.h) change nothing: every example document fitted to its pages
 * with the memo gives the dump it gives without; and the memo tells apart
 * what breaking depends on (the measure, the size). */
#include "unit.h"

#include "config.h"
#include "dump.h"
#include "layout.h"
#include "pagefit.h"
#include "para_memo.h"
#include "render.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The dump of TEMPLATE in LANG fitted to its pages, with or without a memo. */
static char *fitted_dump(const struct config *cfg, const struct template *t, const char *lang,
			 int memo)
{
	struct render_options opt = { 0 };
	struct layout_options lo = { 0 };
	struct pages *pages;
	struct doc *d;
	char *text = NULL;
	size_t size = 0;
	FILE *out;
	opt.lang = lang;
	opt.fonts_dir = "fonts";
	d = render_expand(cfg, t, &opt, NULL);
	if (!d)
		return NULL;
	lo.fonts_dir = "fonts";
	lo.paras = memo ? para_memo_new() : NULL;
	pages = pagefit_layout(d, &lo);
	out = open_memstream(&text, &size);
	if (pages && out)
		dump_pages(pages, out);
	if (out)
		fclose(out);
	pages_free(pages);
	para_memo_free(lo.paras);
	doc_free(d);
	return text;
}

static void same_layout_with_the_memo(void)
{
	static const char *const docs[] = { "leaflet", "checklist", "registration-form" };
	static const char *const langs[] = { "fi", "sv", "en" };
	struct config *cfg = config_load("config/esimerkkila.ini");
	CHECK(cfg != NULL);
	for (size_t i = 0; cfg && i < sizeof(docs) / sizeof(docs[0]); i++) {
		char path[64];
		struct template *t;
		snprintf(path, sizeof(path), "templates/%s.xml", docs[i]);
		t = template_load(path);
		CHECK(t != NULL);
		for (size_t k = 0; t && k < sizeof(langs) / sizeof(langs[0]); k++) {
			char *plain = fitted_dump(cfg, t, langs[k], 0);
			char *memo = fitted_dump(cfg, t, langs[k], 1);
			CHECK(plain && strlen(plain) > 1000);
			if (!CHECK(plain && memo && strcmp(plain, memo) == 0))
				fprintf(stderr, "  %s %s differs with the memo\n", docs[i], langs[k]);
			free(plain);
			free(memo);
		}
		template_free(t);
	}
	config_free(cfg);
}

static void key_tells_measure_and_size_apart(void)
{
	struct para_memo *m = para_memo_new();
	struct doc_node block = { 0 };
	struct para_key k = { 0 };
	struct lb_item items[3] = { { 0 } };
	struct piece pieces[3] = { { 0 } };
	struct para_items p = { items, pieces, 3, 3, "fi", NULL, 0, 1 };
	struct para_items got = { 0 };
	int breaks[1] = { 2 }, *out = NULL;
	k.block = &block;
	k.width = 200;
	k.size = 10;
	CHECK_INT(para_memo_get(m, &k, &got, &out), -1);
	para_memo_put(m, &k, &p, breaks, 1);
	CHECK_INT(para_memo_get(m, &k, &got, &out), 1);
	CHECK_INT(got.n, 3);
	CHECK(got.items != items); /* a copy: the caller frees it */
	CHECK(out && out[0] == 2);
	free(got.items);
	free(got.pieces);
	free(out);
	k.width = 190;
	CHECK_INT(para_memo_get(m, &k, &got, &out), -1);
	k.width = 200;
	k.size = 9.5;
	CHECK_INT(para_memo_get(m, &k, &got, &out), -1);
	para_memo_free(m);
}

const struct unit_test unit_tests[] = {
	UNIT(same_layout_with_the_memo),
	UNIT(key_tells_measure_and_size_apart),
	{ NULL, NULL },
};
