/* privacy: the registration form guard; see privacy.h. */
#include "privacy.h"
#include "diag.h"
#include "template_internal.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What may never be asked, why, and how a field or its label would ask it. */
struct forbidden {
	const char *why;
	const char *kinds[6];  /* kind="..." values */
	const char *words[14]; /* label words and phrases, lower case, fi/sv/en */
};

static const struct forbidden forbidden[] = {
	{ "the holder's name is written only on the card, never on a registration form",
	  { "name", "first-name", "last-name", "full-name", "surname", NULL },
	  { "nimi", "etunimi", "sukunimi", "namn", "förnamn", "efternamn", "name", "first name",
	    "last name", "surname", "full name", NULL } },
	{ "a personal identity code (henkilötunnus) is never collected for Kaikukortti",
	  { "identity-code", "personal-identity-code", "henkilotunnus", "hetu", "ssn", NULL },
	  { "henkilötunnus", "hetu", "sotu", "personbeteckning", "personnummer", "personnumret",
	    "identity code", "social security number", NULL } },
	{ "only the year of birth is registered, never the date of birth (use kind=\"birth-year\")",
	  { "birth-date", "date-of-birth", "birthday", "dob", NULL },
	  { "syntymäaika", "syntymäpäivä", "födelsedatum", "födelsedag", "date of birth",
	    "birth date", "birthday", NULL } },
	{ "only the postcode of residence is registered, never the address (use kind=\"postcode\")",
	  { "address", "street-address", "home-address", "postal-address", NULL },
	  { "osoite", "lähiosoite", "katuosoite", "kotiosoite", "adress", "address",
	    "street address", NULL } },
	{ "the holder's phone number is never registered",
	  { "phone", "phone-number", "telephone", "mobile", NULL },
	  { "puhelin", "puhelinnumero", "matkapuhelin", "puh", "telefon", "telefonnummer",
	    "telefonnumret", "tel", "phone", "telephone", "mobile", NULL } },
};

enum { N_FORBIDDEN = sizeof(forbidden) / sizeof(forbidden[0]) };

/* Elements that are form fields: their kind and label text are checked. */
static int is_field(xmlNodePtr n)
{
	static const char *const names[] = { "field", "date-field", "choice", "option",
					     "column", NULL };
	for (int i = 0; names[i]; i++)
		if (strcmp((const char *)n->name, names[i]) == 0)
			return 1;
	return 0;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* WORD occurs in TEXT as a whole word ("nimi" but not "nimikirjaimet"). */
static int has_word(const char *text, const char *word)
{
	size_t k = strlen(word);
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
		int start = p == text || !is_letter((unsigned char)p[-1]);
		if (start && !is_letter((unsigned char)p[k]))
			return 1;
	}
	return 0;
}

static void report(const struct template *t, xmlNodePtr n, const char *what, const char *why)
{
	char msg[512];
	snprintf(msg, sizeof(msg), "%s is not allowed on a registration form: %s", what, why);
	diag_file(DIAG_ERROR, t->path, template_node_line(t, n), template_node_column(t, n), "%s",
		  msg);
}

/* The kinds a registration form may record, matched exactly. */
static const char *const allowed_kinds[] = {
	"card-code", "card-type", "issue-date", "last-valid-date", "organisation", "unit",
	"birth-year", "postcode", "children", "background", "entered-on", "entered-by",
	"row-number", "other", NULL
};

static int check_kind(const struct template *t, xmlNodePtr n, int registration)
{
	char *kind = template_attr(n, "kind");
	char *folded;
	int bad = 0, allowed = 0;
	if (!kind && strcmp((const char *)n->name, "option") != 0) {
		diag_file(DIAG_ERROR, t->path, template_node_line(t, n), template_node_column(t, n),
			  "<%s> needs kind=\"...\": every form field declares what it records",
			  (const char *)n->name);
		return 1;
	}
	if (!kind || !registration) {
		xmlFree(kind);
		return 0;
	}
	/* "Name", "first_name": the forbidden kinds whatever their spelling */
	folded = privacy_normalise(kind);
	for (char *p = folded; *p; p++)
		if (*p == ' ')
			*p = '-';
	for (int i = 0; i < N_FORBIDDEN && !bad; i++) {
		for (int j = 0; forbidden[i].kinds[j] && !bad; j++) {
			if (strcmp(folded, forbidden[i].kinds[j]) == 0) {
				char what[96];
				snprintf(what, sizeof(what), "a field of kind=\"%.60s\"", kind);
				report(t, n, what, forbidden[i].why);
				bad = 1;
			}
		}
	}
	for (int i = 0; allowed_kinds[i]; i++)
		allowed |= strcmp(kind, allowed_kinds[i]) == 0;
	if (!bad && !allowed) {
		diag_file(DIAG_ERROR, t->path, template_node_line(t, n), template_node_column(t, n),
			  "unknown kind=\"%.60s\" on a registration form; it records one of: "
			  "card-code, card-type, issue-date, last-valid-date, organisation, unit, "
			  "birth-year, postcode, children, background, entered-on, entered-by, "
			  "row-number, other", kind);
		bad = 1;
	}
	free(folded);
	xmlFree(kind);
	return bad;
}

/* The forbidden entry whose word TEXT contains, or NULL; *WORD names it.
 * Compared normalised, and each word also in its base forms and stems. */
static const struct forbidden *forbidden_word(const char *text, const char **word)
{
	char *norm = privacy_normalise(text);
	char *forms = privacy_word_forms(norm);
	const struct forbidden *hit = NULL;
	for (int i = 0; i < N_FORBIDDEN && !hit; i++) {
		for (int j = 0; forbidden[i].words[j] && !hit; j++) {
			if (has_word(norm, forbidden[i].words[j]) ||
			    has_word(forms, forbidden[i].words[j])) {
				hit = &forbidden[i];
				*word = forbidden[i].words[j];
			}
		}
	}
	free(forms);
	free(norm);
	return hit;
}

/* Inline markup does not split a word: "Henkilö<b>tunnus</b>". */
static int is_inline(xmlNodePtr n)
{
	return strcmp((const char *)n->name, "b") == 0 || strcmp((const char *)n->name, "i") == 0;
}

/* The label text of N (nested fields left out) appended to BUF. */
static void label_text(xmlNodePtr n, xmlBufferPtr buf)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			xmlBufferCat(buf, c->content);
		} else if (c->type == XML_ELEMENT_NODE && !is_field(c)) {
			if (!is_inline(c))
				xmlBufferCCat(buf, " ");
			label_text(c, buf);
			if (!is_inline(c))
				xmlBufferCCat(buf, " ");
		}
	}
}

static int check_text(const struct template *t, xmlNodePtr n, const char *text)
{
	const char *word;
	const struct forbidden *f = forbidden_word(text, &word);
	if (f) {
		char what[96];
		snprintf(what, sizeof(what), "the label word \"%.60s\"", word);
		report(t, n, what, f->why);
		return 1;
	}
	return 0;
}

/* Text written in the field's label (every language alternative). */
static int check_label(const struct template *t, xmlNodePtr field)
{
	xmlBufferPtr buf = xmlBufferCreate();
	int bad;
	label_text(field, buf);
	bad = check_text(t, field, (const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return bad;
}

static int check_tree(const struct template *t, xmlNodePtr n, int registration)
{
	int bad = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_field(c)) {
			/* every document: kind is present; registration: and allowed */
			int kind_bad = check_kind(t, c, registration);
			bad += kind_bad;
			if (registration && !kind_bad)
				bad += check_label(t, c);
		}
		if (registration && xmlHasProp(c, BAD_CAST "label")) { /* <blank label> */
			char *label = template_attr(c, "label");
			bad += check_text(t, c, label);
			xmlFree(label);
		}
		bad += check_tree(t, c, registration);
	}
	return bad;
}

int privacy_check(const struct template *t)
{
	int registration = t->name && strncmp(t->name, "registration", strlen("registration")) == 0;
	return check_tree(t, xmlDocGetRootElement(t->xml), registration);
}

/* Label text that came from the config (e.g. a [question.ID] text): the
 * template cannot show it, so the expanded document is checked too. */
static int check_doc_node(const struct doc *d, const struct doc_node *n)
{
	int bad = 0;
	for (const struct doc_node *c = n->first; c; c = c->next) {
		const struct forbidden *f;
		const char *word;
		if (c->kind == DOC_TEXT && c->origin && n->parent && doc_kind_has_label(n->parent->kind) &&
		    (f = forbidden_word(c->text, &word)) != NULL) {
			diag_file(DIAG_ERROR, d->file, n->parent->line, n->parent->col,
				  "the label word \"%.60s\" (from %s) is not allowed on a registration "
				  "form: %s", word, c->origin, f->why);
			bad++;
		}
		bad += check_doc_node(d, c);
	}
	return bad;
}

int privacy_check_doc(const struct doc *d)
{
	if (!d->name || strncmp(d->name, "registration", strlen("registration")) != 0)
		return 0;
	return check_doc_node(d, d->root);
}
