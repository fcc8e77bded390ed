/* privacy: the registration form guard; see privacy.h. */
#include "privacy.h"
#include "diag.h"
#include "template_internal.h"

#include <stdlib.h>
#include <string.h>

/* What may never be asked, why, and how a field or its label would ask it. */
struct forbidden {
	const char *why;
	const char *kinds[6];  /* kind="..." values */
	const char *words[12]; /* label words and phrases, lower case, fi/sv/en */
};

static const struct forbidden forbidden[] = {
	{ "the holder's name is written only on the card, never on a registration form",
	  { "name", "first-name", "last-name", "full-name", "surname", NULL },
	  { "nimi", "etunimi", "sukunimi", "namn", "förnamn", "efternamn", "name", "first name",
	    "last name", "surname", "full name", NULL } },
	{ "a personal identity code (henkilötunnus) is never collected for Kaikukortti",
	  { "identity-code", "personal-identity-code", "henkilotunnus", "hetu", "ssn", NULL },
	  { "henkilötunnus", "hetu", "sotu", "personbeteckning", "personnummer", "identity code",
	    "social security number", NULL } },
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
	  { "puhelin", "puhelinnumero", "matkapuhelin", "telefon", "telefonnummer", "phone",
	    "telephone", "phone number", "mobile", NULL } },
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

/* ASCII and Å/Ä/Ö to lower case (enough for the word lists above);
 * {variable} references become blanks: their names are not label text. */
static char *lower_copy(const char *s)
{
	char *out = xstrdup(s);
	int in_var = 0;
	for (unsigned char *p = (unsigned char *)out; *p; p++) {
		if (*p == '{' || *p == '}' || in_var) {
			in_var = *p == '}' ? 0 : 1;
			*p = ' ';
		} else if (*p >= 'A' && *p <= 'Z') {
			*p = (unsigned char)(*p - 'A' + 'a');
		} else if (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x85 || p[1] == 0x96)) {
			p[1] = (unsigned char)(p[1] + 0x20); /* Ä Å Ö -> ä å ö */
			p++;
		}
	}
	return out;
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

static int check_kind(const struct template *t, xmlNodePtr n)
{
	char *kind = template_attr(n, "kind");
	int bad = 0;
	if (!kind && strcmp((const char *)n->name, "option") != 0) {
		diag_file(DIAG_ERROR, t->path, template_node_line(t, n), template_node_column(t, n),
			  "<%s> needs kind=\"...\": every form field declares what it records",
			  (const char *)n->name);
		return 1;
	}
	for (int i = 0; kind && i < N_FORBIDDEN && !bad; i++) {
		for (int j = 0; forbidden[i].kinds[j] && !bad; j++) {
			if (strcmp(kind, forbidden[i].kinds[j]) == 0) {
				char what[96];
				snprintf(what, sizeof(what), "a field of kind=\"%.60s\"", kind);
				report(t, n, what, forbidden[i].why);
				bad = 1;
			}
		}
	}
	xmlFree(kind);
	return bad;
}

/* The forbidden entry whose word TEXT contains, or NULL; *WORD names it. */
static const struct forbidden *forbidden_word(const char *text, const char **word)
{
	char *lower = lower_copy(text);
	const struct forbidden *hit = NULL;
	for (int i = 0; i < N_FORBIDDEN && !hit; i++) {
		for (int j = 0; forbidden[i].words[j] && !hit; j++) {
			if (has_word(lower, forbidden[i].words[j])) {
				hit = &forbidden[i];
				*word = forbidden[i].words[j];
			}
		}
	}
	free(lower);
	return hit;
}

/* Text written directly in the field's label (every language alternative). */
static int check_label(const struct template *t, xmlNodePtr field, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		const struct forbidden *f;
		const char *word;
		if (c->type == XML_ELEMENT_NODE && !is_field(c) && check_label(t, field, c))
			return 1;
		if (c->type != XML_TEXT_NODE)
			continue;
		f = forbidden_word((const char *)c->content, &word);
		if (f) {
			char what[96];
			snprintf(what, sizeof(what), "the label word \"%.60s\"", word);
			report(t, field, what, f->why);
			return 1;
		}
	}
	return 0;
}

static int check_tree(const struct template *t, xmlNodePtr n, int registration)
{
	int bad = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_field(c)) {
			/* every document: kind is present; registration: and allowed */
			int kind_bad = registration || !xmlHasProp(c, BAD_CAST "kind")
					       ? check_kind(t, c) : 0;
			bad += kind_bad;
			if (registration && !kind_bad)
				bad += check_label(t, c, c);
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
