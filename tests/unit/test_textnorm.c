/* Unit tests for textnorm.c: automatic no-break spaces and quotation marks
 * per language. In the expected strings '~' stands for a no-break space. */
#include "unit.h"
#include "textnorm.h"

#include <stdlib.h>
#include <string.h>

/* S normalised in LANG, no-break spaces shown as '~'. */
static const char *norm(const char *lang, const char *s)
{
	static char out[512];
	char *r = textnorm_string(lang, s);
	size_t o = 0;
	for (const char *p = r; *p && o + 1 < sizeof(out); p++) {
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			out[o++] = '~';
			p++;
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
	free(r);
	return out;
}

static void phone_numbers(void)
{
	CHECK_STR(norm("fi", "Soita 040 123 4567 tai +358 40 123 4567."),
		  "Soita 040~123~4567 tai +358~40~123~4567.");
	CHECK_STR(norm("sv", "tel. (09) 310 12345"), "tel.~(09)~310~12345");
	CHECK_STR(norm("fi", "puh. 040 000 0001, sähköposti"), "puh.~040~000~0001, sähköposti");
	CHECK_STR(norm("fi", "1 000 kävijää"), "1~000 kävijää");
}

static void numbers_and_units(void)
{
	CHECK_STR(norm("sv", "minst 18 år gamla"), "minst 18~år gamla");
	CHECK_STR(norm("fi", "alle 16 v. lapset"), "alle 16~v. lapset");
	CHECK_STR(norm("fi", "voimassa 12 kk ajan"), "voimassa 12~kk ajan");
	CHECK_STR(norm("fi", "hinta 5 € ja 100 % alennus"), "hinta 5~€ ja 100~% alennus");
	CHECK_STR(norm("en", "under 18 years, 5,50 € each"), "under 18~years, 5,50~€ each");
	CHECK_STR(norm("fi", "alle 18 vuotta."), "alle 18~vuotta.");
	/* a count before an ordinary word is free to break */
	CHECK_STR(norm("fi", "20 kohdetta"), "20 kohdetta");
	CHECK_STR(norm("en", "in 2027 the card"), "in 2027 the card");
}

static void dates(void)
{
	CHECK_STR(norm("fi", "viimeistään 31. joulukuuta 2027"), "viimeistään 31.~joulukuuta~2027");
	CHECK_STR(norm("sv", "senast 31 december 2027."), "senast 31~december~2027.");
	CHECK_STR(norm("en", "by December 31, 2027 at"), "by December~31,~2027 at");
	CHECK_STR(norm("en", "until 31 December 2027"), "until 31~December~2027");
	CHECK_STR(norm("fi", "1.1.2027 – 31.12.2027"), "1.1.2027~– 31.12.2027");
}

static void initials_and_abbreviations(void)
{
	CHECK_STR(norm("fi", "K. J. Kulttuuri"), "K.~J.~Kulttuuri");
	CHECK_STR(norm("fi", "katso s. 12"), "katso s.~12");
	CHECK_STR(norm("en", "see p. 12"), "see p.~12");
	CHECK_STR(norm("fi", "klo 10 alkaen"), "klo~10 alkaen");
	CHECK_STR(norm("sv", "kl. 10 och nr 5"), "kl.~10 och nr~5");
	/* Ä. is an initial too */
	CHECK_STR(norm("fi", "Ä. Äänekoski"), "Ä.~Äänekoski");
}

static void quotation_marks(void)
{
	CHECK_STR(norm("fi", "Kahvila-galleria \"Ikkuna\" on auki."),
		  "Kahvila-galleria ”Ikkuna” on auki.");
	CHECK_STR(norm("sv", "Kafé-galleriet \"Ikkuna\""), "Kafé-galleriet ”Ikkuna”");
	CHECK_STR(norm("en", "Café Gallery \"Ikkuna\" (\"open\")"),
		  "Café Gallery “Ikkuna” (“open”)");
	CHECK_STR(norm("en", "the region's card"), "the region’s card");
	CHECK_STR(norm("fi", "'lainaus'"), "’lainaus’");
	/* English curly quotes in a Finnish text become Finnish ones */
	CHECK_STR(norm("fi", "“Ikkuna” ja ‘pieni’"), "”Ikkuna” ja ’pieni’");
	CHECK_STR(norm("en", "“Ikkuna”"), "“Ikkuna”");
}

/* A space inside a run that spans nodes (a value and the template text
 * around it) is judged on the words of both. */
static void across_nodes(void)
{
	struct doc *d = doc_new("t.xml", "sv");
	struct doc_node *p = doc_node_new(d, DOC_PARA, 1, 1);
	const char *parts[] = { "minst ", "18", " år, ", "https://x.example/\"a\"", NULL };
	for (int i = 0; parts[i]; i++) {
		struct doc_node *t = doc_node_new(d, DOC_TEXT, 1, 1);
		t->text = parts[i];
		t->len = strlen(parts[i]);
		t->flags = i == 3 ? DOC_NOHYPH : 0;
		doc_node_append(p, t);
	}
	doc_node_append(d->root, p);
	textnorm_doc(d);
	CHECK_STR(p->first->next->next->text, "\xC2\xA0år, ");
	/* a URL is left as it is */
	CHECK_STR(p->last->text, "https://x.example/\"a\"");
	doc_free(d);
}

/* A paragraph of PARTS (the one at PERSONAL, if not -1, a holder's name)
 * in LANG, normalised; its second text returned (a copy). */
static char *normalised(const char *lang, const char *const *parts, int personal)
{
	struct doc *d = doc_new("t.xml", lang);
	struct doc_node *p = doc_node_new(d, DOC_PARA, 1, 1);
	char *second;
	for (int i = 0; parts[i]; i++) {
		struct doc_node *t = doc_node_new(d, DOC_TEXT, 1, 1);
		t->text = parts[i];
		t->len = strlen(parts[i]);
		t->flags = i == personal ? DOC_PERSONAL : 0;
		doc_node_append(p, t);
	}
	doc_node_append(d->root, p);
	textnorm_doc(d);
	second = strndup(p->first->next->text, p->first->next->len);
	doc_free(d);
	return second;
}

/* A run set again is decided as the first time, from the memo; a run with a
 * holder's name is decided afresh and never remembered. */
static void runs_remembered_but_never_a_name(void)
{
	const char *plain[] = { "Lapset alle ", "18 v. ", "pääsevät mukaan", NULL };
	const char *named[] = { "Qörtti Zyxwa-Mäkänen", " 18 v. ", "lasta", NULL };
	char *a, *b;
	textnorm_free();
	a = normalised("fi", plain, -1);
	CHECK(textnorm_remembers("pääsevät mukaan"));
	b = normalised("fi", plain, -1);
	CHECK_STR(a, "18\xC2\xA0v. ");
	CHECK_STR(b, a);
	free(a);
	free(b);
	for (int round = 0; round < 2; round++) {
		a = normalised("fi", named, 0);
		CHECK_STR(a, " 18\xC2\xA0v. ");
		free(a);
	}
	CHECK(!textnorm_remembers("Zyxwa"));
	CHECK(!textnorm_remembers("lasta")); /* nothing of the run with the name */
	textnorm_free();
	CHECK(!textnorm_remembers("pääsevät mukaan"));
}

const struct unit_test unit_tests[] = {
	UNIT(phone_numbers),
	UNIT(numbers_and_units),
	UNIT(dates),
	UNIT(initials_and_abbreviations),
	UNIT(quotation_marks),
	UNIT(across_nodes),
	UNIT(runs_remembered_but_never_a_name),
	{ NULL, NULL }
};
