/* test_config: checking of region files (config_load_text) and their messages. */
#include "unit.h"

#include "config.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small valid region; tests append to it or replace lines in it. */
static const char base_region[] =
	"[region]\n"                         /* 1 */
	"name = Testilä\n"                   /* 2 */
	"year = 2027\n"                      /* 3 */
	"languages = fi, sv\n"               /* 4 */
	"web = https://www.example.fi/k\n"   /* 5 */
	"feedback_email = k@example.fi\n"    /* 6 */
	"[organisation]\n"                   /* 7 */
	"name = Testilän hyvinvointialue\n"  /* 8 */
	"[coordinator.culture]\n"            /* 9 */
	"role = culture\n"                   /* 10 */
	"name = Kalle Koe\n"                 /* 11 */
	"email = kalle@example.fi\n";        /* 12 */

static int starts_with(const char *text, const char *prefix)
{
	if (strncmp(text, prefix, strlen(prefix)) == 0)
		return 1;
	printf("  got:\n%s", text);
	return 0;
}

static struct config *load(const char *text)
{
	return config_load_text("t.ini", text, strlen(text));
}

/* TEXT with line LINE (1-based) replaced by NEW (which ends in \n, or is ""). */
static char *with_line(const char *text, int line, const char *new_line)
{
	char *out = malloc(strlen(text) + strlen(new_line) + 1);
	const char *p = text;
	size_t n = 0;
	for (int l = 1; *p; l++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		const char *src = l == line ? new_line : p;
		size_t slen = l == line ? strlen(new_line) : len;
		memcpy(out + n, src, slen);
		n += slen;
		p += len;
	}
	out[n] = '\0';
	return out;
}

/* Load BASE with LINE replaced by NEW; return every message it produced. The
 * load must fail when a message is expected. */
static const char *messages_for_line(int line, const char *new_line)
{
	char *text = with_line(base_region, line, new_line);
	struct config *cfg;
	const char *msg;
	unit_capture_start();
	cfg = load(text);
	msg = unit_capture_end();
	CHECK((cfg == NULL) == (*msg != '\0'));
	config_free(cfg);
	free(text);
	return msg;
}

/* BASE with LINE replaced by NEW, loaded without a message; the caller
 * frees the config (it keeps nothing of the text). */
static struct config *load_with_line(int line, const char *new_line)
{
	char *text = with_line(base_region, line, new_line);
	struct config *cfg;
	unit_capture_start();
	cfg = load(text);
	CHECK_STR(unit_capture_end(), "");
	free(text);
	return cfg;
}

static const char *messages_appended(const char *extra)
{
	char *text = malloc(sizeof(base_region) + strlen(extra));
	struct config *cfg;
	const char *msg;
	strcpy(text, base_region);
	strcat(text, extra);
	unit_capture_start();
	cfg = load(text);
	msg = unit_capture_end();
	CHECK((cfg == NULL) == (*msg != '\0'));
	config_free(cfg);
	free(text);
	return msg;
}

static void valid_region_loads_with_defaults(void)
{
	struct config *cfg;
	unit_capture_start();
	cfg = load(base_region);
	CHECK_STR(unit_capture_end(), "");
	if (!CHECK(cfg != NULL))
		return;
	CHECK_INT(cfg->n_languages, 2);
	CHECK_STR(cfg->languages[0], "fi");
	CHECK_STR(cfg->languages[1], "sv");
	CHECK_INT(cfg->year, 2027);
	CHECK_INT(cfg->validity_months, 12);
	CHECK_INT(cfg->child_age_limit, 18);
	CHECK_INT(cfg->has_trial_end, 0);
	CHECK_INT(cfg->large_print, 0);
	CHECK_STR(config_get_text(cfg, "coordinator.culture", "email", NULL), "kalle@example.fi");
	config_free(cfg);
}

static void example_region_is_valid(void)
{
	struct config *cfg;
	unit_capture_start();
	cfg = config_load("config/esimerkkila.ini");
	CHECK_STR(unit_capture_end(), "");
	CHECK(cfg != NULL);
	config_free(cfg);
}

static void date_valid_and_leap_day(void)
{
	struct config *cfg = load_with_line(6, "feedback_email = k@example.fi\ntrial_end = 2028-02-29\n");
	if (CHECK(cfg != NULL)) {
		CHECK_INT(cfg->has_trial_end, 1);
		CHECK_INT(cfg->trial_end.year, 2028);
		CHECK_INT(cfg->trial_end.month, 2);
		CHECK_INT(cfg->trial_end.day, 29);
	}
	config_free(cfg);
}

static void date_not_real(void)
{
	CHECK_STR(messages_for_line(3, "year = 2027\ntrial_end = 2026-02-30\n"),
		  "kaikuprint: t.ini:4: [region] trial_end: error: not a date (YYYY-MM-DD): 2026-02-30\n");
	CHECK_STR(messages_for_line(3, "year = 2027\ntrial_end = 2027-02-29\n"),
		  "kaikuprint: t.ini:4: [region] trial_end: error: not a date (YYYY-MM-DD): 2027-02-29\n");
	CHECK_STR(messages_for_line(3, "year = 2027\ntrial_end = 2027-13-01\n"),
		  "kaikuprint: t.ini:4: [region] trial_end: error: not a date (YYYY-MM-DD): 2027-13-01\n");
	CHECK_STR(messages_for_line(3, "year = 2027\ntrial_end = 31.12.2027\n"),
		  "kaikuprint: t.ini:4: [region] trial_end: error: not a date (YYYY-MM-DD): 31.12.2027\n");
	CHECK_STR(messages_for_line(3, "year = 2027\ntrial_end = 2027-1-5\n"),
		  "kaikuprint: t.ini:4: [region] trial_end: error: not a date (YYYY-MM-DD): 2027-1-5\n");
}

static void email_checked(void)
{
	CHECK_STR(messages_for_line(6, "feedback_email = k@example\n"),
		  "kaikuprint: t.ini:6: [region] feedback_email: error: "
		  "not an e-mail address with a valid domain: k@example\n");
	CHECK_STR(messages_for_line(6, "feedback_email = k.example.fi\n"),
		  "kaikuprint: t.ini:6: [region] feedback_email: error: "
		  "not an e-mail address: k.example.fi\n");
	CHECK_STR(messages_for_line(6, "feedback_email = k@@example.fi\n"),
		  "kaikuprint: t.ini:6: [region] feedback_email: error: "
		  "not an e-mail address: k@@example.fi\n");
	CHECK_STR(messages_for_line(12, "email = Kalle Koe@example.fi\n"),
		  "kaikuprint: t.ini:12: [coordinator.culture] email: error: "
		  "an e-mail address may not contain spaces or ,;<>\": Kalle Koe@example.fi\n");
}

static void url_checked(void)
{
	CHECK_STR(messages_for_line(5, "web = www.example.fi\n"),
		  "kaikuprint: t.ini:5: [region] web: error: "
		  "a web address must start with https:// or http://: www.example.fi\n");
	CHECK_STR(messages_for_line(5, "web = https://localhost/k\n"),
		  "kaikuprint: t.ini:5: [region] web: error: "
		  "not a web address with a valid host name: https://localhost/k\n");
	CHECK_STR(messages_for_line(5, "web = https://www.example.fi/kaiku kortti\n"),
		  "kaikuprint: t.ini:5: [region] web: error: "
		  "a web address may not contain spaces, quotes or <>: "
		  "https://www.example.fi/kaiku kortti\n");
	CHECK_STR(messages_for_line(5, "web = http://example.fi:8080/k?a=1\n"), "");
}

static void languages_checked(void)
{
	CHECK_STR(messages_for_line(4, "languages = fi, de\n"),
		  "kaikuprint: t.ini:4: [region] languages: error: "
		  "languages must be a list of fi, sv and en, each once: fi, de\n");
	CHECK_STR(messages_for_line(4, "languages = sv, sv\n"),
		  "kaikuprint: t.ini:4: [region] languages: error: "
		  "languages must be a list of fi, sv and en, each once: sv, sv\n");
	CHECK_STR(messages_for_line(4, "languages =\n"),
		  "kaikuprint: t.ini:4: [region] languages: error: "
		  "empty value; leave the key out instead\n");
}

static void language_order_kept(void)
{
	struct config *cfg = load_with_line(4, "languages = en,sv ,fi\n");
	if (CHECK(cfg != NULL)) {
		CHECK_INT(cfg->n_languages, 3);
		CHECK_STR(cfg->languages[0], "en");
		CHECK_STR(cfg->languages[2], "fi");
	}
	config_free(cfg);
}

static void numbers_in_range(void)
{
	CHECK_STR(messages_for_line(3, "year = 1999\n"),
		  "kaikuprint: t.ini:3: [region] year: error: number out of range: 1999\n");
	CHECK_STR(messages_for_line(3, "year = 2101\n"),
		  "kaikuprint: t.ini:3: [region] year: error: number out of range: 2101\n");
	CHECK_STR(messages_for_line(3, "year = 2027.5\n"),
		  "kaikuprint: t.ini:3: [region] year: error: not a whole number: 2027.5\n");
	CHECK_STR(messages_for_line(3, "year = 99999999999999999999\n"),
		  "kaikuprint: t.ini:3: [region] year: error: number out of range: 99999999999999999999\n");
	CHECK_STR(messages_for_line(3, "year = 2027\nvalidity_months = 61\n"),
		  "kaikuprint: t.ini:4: [region] validity_months: error: number out of range: 61\n");
	CHECK_STR(messages_for_line(3, "year = 2027\nchild_age_limit = 0\n"),
		  "kaikuprint: t.ini:4: [region] child_age_limit: error: number out of range: 0\n");
	CHECK_STR(messages_for_line(3, "year = 2027\nvalidity_months = 60\n"), "");
}

static void choices_checked(void)
{
	CHECK_STR(messages_for_line(3, "year = 2027\ntext_size = huge\n"),
		  "kaikuprint: t.ini:4: [region] text_size: error: "
		  "not one of the allowed values: huge\n");
	CHECK_STR(messages_for_line(10, "role = boss\n"),
		  "kaikuprint: t.ini:10: [coordinator.culture] role: error: "
		  "not one of the allowed values: boss\n");
}

static void large_print_choice(void)
{
	struct config *cfg = load_with_line(3, "year = 2027\ntext_size = large\n");
	if (CHECK(cfg != NULL))
		CHECK_INT(cfg->large_print, 1);
	config_free(cfg);
}

static void phone_checked(void)
{
	CHECK_STR(messages_appended("phone = 040 1\n"),
		  "kaikuprint: t.ini:13: [coordinator.culture] phone: error: "
		  "a phone number has 5 to 15 digits: 040 1\n");
	CHECK_STR(messages_appended("phone = 040-123-4567 ext 2\n"),
		  "kaikuprint: t.ini:13: [coordinator.culture] phone: error: "
		  "a phone number may contain only digits, spaces and + - ( ): 040-123-4567 ext 2\n");
	CHECK_STR(messages_appended("phone = +358 (40) 123-4567\n"), "");
}

static void unknown_key_and_section(void)
{
	CHECK_STR(messages_for_line(3, "yaer = 2027\n"),
		  "kaikuprint: t.ini:3: [region] yaer: error: unknown key (is it misspelt?)\n"
		  "kaikuprint: t.ini:1: [region] year: error: required key is missing\n");
	CHECK_STR(messages_appended("[coordinater.theatre]\nname = Teatteri\n"),
		  "kaikuprint: t.ini:13: [coordinater.theatre] error: unknown section (is it misspelt?)\n");
	CHECK_STR(messages_appended("[coordinator]\nname = X\n"),
		  "kaikuprint: t.ini:13: [coordinator] error: unknown section (is it misspelt?)\n");
}

static void duplicates_reported(void)
{
	CHECK_STR(messages_for_line(3, "year = 2027\nyear = 2028\n"),
		  "kaikuprint: t.ini:4:1: error: [region] year is set twice (first on line 3)\n");
	CHECK_STR(messages_for_line(3, "year = 2027\nYEAR = 2028\n"),
		  "kaikuprint: t.ini:4:1: error: [region] year is set twice (first on line 3)\n");
	CHECK_STR(messages_appended("[Organisation]\nunit = X\n"),
		  "kaikuprint: t.ini:13:1: error: section [organisation] appears twice "
		  "(first on line 7)\n");
}

static void required_keys_and_sections(void)
{
	CHECK_STR(messages_for_line(5, ""),
		  "kaikuprint: t.ini:1: [region] web: error: required key is missing\n");
	CHECK_STR(messages_for_line(12, ""),
		  "kaikuprint: t.ini:9: [coordinator.culture] email: error: required key is missing\n");
	CHECK_STR(messages_for_line(9, "[contact]\n"),
		  "kaikuprint: t.ini:9: [contact] error: unknown section (is it misspelt?)\n"
		  "kaikuprint: t.ini: [coordinator] error: at least one [coordinator.NAME] section is required\n");
	CHECK_STR(messages_for_line(7, "[organisation.x]\n"),
		  "kaikuprint: t.ini:7: [organisation.x] error: unknown section (is it misspelt?)\n"
		  "kaikuprint: t.ini: [organisation] error: section [organisation] is required\n");
}

static void comment_characters_in_values(void)
{
	CHECK_STR(messages_for_line(8, "name = Hyvinvointialue; sosiaalipalvelut\n"),
		  "kaikuprint: t.ini:8:23: error: ';' would start a comment here; "
		  "put the whole value in double quotes\n");
	CHECK_STR(messages_for_line(11, "name = Kalle #1 Koe\n"),
		  "kaikuprint: t.ini:11:14: error: '#' would start a comment here; "
		  "put the whole value in double quotes\n");
	CHECK_STR(messages_for_line(11, "name = \"Kalle Koe\n"),
		  "kaikuprint: t.ini:11:8: error: unbalanced quote in value\n");
}

static void quoted_value_keeps_semicolon(void)
{
	struct config *cfg = load_with_line(8, "name = \"Hyvinvointialue; sosiaalipalvelut\"\n");
	if (CHECK(cfg != NULL))
		CHECK_STR(config_get_text(cfg, "organisation", "name", NULL),
			  "Hyvinvointialue; sosiaalipalvelut");
	config_free(cfg);
}

static void translated_keys(void)
{
	struct config *cfg = load_with_line(2, "name = Testilä\nname_sv = Testby\n");
	if (CHECK(cfg != NULL)) {
		CHECK_STR(config_get_text(cfg, "region", "name", "sv"), "Testby");
		CHECK_STR(config_get_text(cfg, "region", "name", "fi"), "Testilä");
		CHECK_STR(config_get_text(cfg, "region", "name", "en"), "Testilä");
		CHECK_STR(config_get_text(cfg, "region", "name", NULL), "Testilä");
	}
	config_free(cfg);
	CHECK_STR(messages_for_line(2, "name = Testilä\nname_de = Testdorf\n"),
		  "kaikuprint: t.ini:3: [region] name_de: error: unknown key (is it misspelt?)\n");
	CHECK_STR(messages_for_line(3, "year = 2027\nyear_sv = 2027\n"),
		  "kaikuprint: t.ini:4: [region] year_sv: error: unknown key (is it misspelt?)\n");
	CHECK_STR(messages_for_line(5, "web = https://www.example.fi/k\nweb_sv = www.example.fi\n"),
		  "kaikuprint: t.ini:6: [region] web_sv: error: "
		  "a web address must start with https:// or http://: www.example.fi\n");
}

/* One region with many mistakes: each is reported once, in file order. */
static void every_problem_reported(void)
{
	static const char text[] =
		"[region]\n"
		"name = Testilä\n"
		"year = 1999\n"
		"languages = fi, de\n"
		"web = ftp://example.fi\n"
		"feedback_email = k@example\n"
		"trial_end = 2026-02-30\n"
		"colour = red\n"
		"[organisation]\n"
		"unit = Yksikkö\n"
		"[coordinator.culture]\n"
		"role = boss\n"
		"name = Kalle Koe\n"
		"email = kalle@example.fi\n"
		"[koordinaattori.x]\n"
		"name = X\n";
	const char *msg;
	unit_capture_start();
	CHECK(load(text) == NULL);
	msg = unit_capture_end();
	CHECK_STR(msg,
		  "kaikuprint: t.ini:3: [region] year: error: number out of range: 1999\n"
		  "kaikuprint: t.ini:4: [region] languages: error: "
		  "languages must be a list of fi, sv and en, each once: fi, de\n"
		  "kaikuprint: t.ini:5: [region] web: error: "
		  "a web address must start with https:// or http://: ftp://example.fi\n"
		  "kaikuprint: t.ini:6: [region] feedback_email: error: "
		  "not an e-mail address with a valid domain: k@example\n"
		  "kaikuprint: t.ini:7: [region] trial_end: error: "
		  "not a date (YYYY-MM-DD): 2026-02-30\n"
		  "kaikuprint: t.ini:8: [region] colour: error: unknown key (is it misspelt?)\n"
		  "kaikuprint: t.ini:9: [organisation] name: error: required key is missing\n"
		  "kaikuprint: t.ini:12: [coordinator.culture] role: error: "
		  "not one of the allowed values: boss\n"
		  "kaikuprint: t.ini:15: [koordinaattori.x] error: unknown section (is it misspelt?)\n");
	CHECK_INT(unit_count_lines(msg), 9);
	CHECK_INT(diag_error_count(), 9);
}

/* Syntax problems are all reported too (the scan does not stop at the first). */
static void every_syntax_problem_reported(void)
{
	static const char text[] =
		"year = 2027\n"
		"[region\n"
		"[region]\n"
		"name = A ; B\n"
		"name = C\n"
		"just words\n";
	const char *msg;
	unit_capture_start();
	CHECK(load(text) == NULL);
	msg = unit_capture_end();
	CHECK_STR(msg,
		  "kaikuprint: t.ini:1:1: error: key 'year' comes before any [section]\n"
		  "kaikuprint: t.ini:2:1: error: section header must be [name] alone on its line\n"
		  "kaikuprint: t.ini:4:10: error: ';' would start a comment here; "
		  "put the whole value in double quotes\n"
		  "kaikuprint: t.ini:5:1: error: [region] name is set twice (first on line 4)\n"
		  "kaikuprint: t.ini:6:1: error: expected 'key = value', a [section] or a comment\n");
	CHECK_INT(unit_count_lines(msg), 5);
}

static void bad_encoding(void)
{
	CHECK_STR(messages_for_line(11, "name = Kalle K\xF6\n"),
		  "kaikuprint: t.ini:11:15: error: invalid UTF-8; save the file as UTF-8\n");
	CHECK_STR(messages_for_line(11, "name = Kalle\tKoe\n"),
		  "kaikuprint: t.ini:11: [coordinator.culture] name: error: "
		  "control character in text: Kalle\tKoe\n");
}

static void missing_file(void)
{
	unit_capture_start();
	CHECK(config_load("tests/unit/no-such-region.ini") == NULL);
	CHECK(strstr(unit_capture_end(), "tests/unit/no-such-region.ini") != NULL);
	CHECK(diag_exit_status() != 0);
}

/* What editors produce: a byte-order mark, CRLF line ends, trailing blanks. */
static void editor_quirks_accepted(void)
{
	char *crlf = malloc(2 * sizeof(base_region) + 4);
	size_t n = 0;
	struct config *cfg;
	memcpy(crlf, "\xEF\xBB\xBF", 3);
	n = 3;
	for (const char *p = base_region; *p; p++) {
		if (*p == '\n') {
			crlf[n++] = ' ';
			crlf[n++] = '\r';
		}
		crlf[n++] = *p;
	}
	crlf[n] = '\0';
	unit_capture_start();
	cfg = config_load_text("t.ini", crlf, n);
	CHECK_STR(unit_capture_end(), "");
	if (CHECK(cfg != NULL))
		CHECK_STR(config_get_text(cfg, "region", "name", NULL), "Testilä");
	config_free(cfg);
	free(crlf);
}

static void line_syntax_problems(void)
{
	CHECK_STR(messages_for_line(11, "name = Kalle \\\n"),
		  "kaikuprint: t.ini:11:14: error: line continuation with '\\' is not supported\n");
	/* Only the first line: the keys after a bad header are counted in the
	 * section before it, which may add a "set twice" message. */
	CHECK(starts_with(messages_for_line(9, "[coordinator culture]\n"),
			  "kaikuprint: t.ini:9:2: error: section name may use only letters, digits, "
			  "'.', '-' and '_'\n"));
	CHECK(starts_with(messages_for_line(9, "[coordinator.culture] ; x\n"),
			  "kaikuprint: t.ini:9:1: error: section header must be [name] alone on its line\n"));
	CHECK_STR(messages_for_line(11, "full name = Kalle\n"),
		  "kaikuprint: t.ini:11:1: error: not a valid key name: 'full name'\n");
	CHECK_STR(messages_for_line(11, "name = ''\n"),
		  "kaikuprint: t.ini:11: [coordinator.culture] name: error: "
		  "empty value; leave the key out instead\n");
}

/* The template variables of a region, per language (config_vars.c). */
static const struct var *var_of(const struct var_scope *scope, const char *name)
{
	const struct var *v = vars_find(scope, name);
	if (!v)
		printf("  no variable %s\n", name);
	return v;
}

static void variables_per_language(void)
{
	struct config *cfg = load_with_line(2, "name = Testilä\nname_sv = Testby\ntrial_end = 2027-03-05\n");
	struct var_scope *fi, *sv, *en;
	const struct var *v;
	if (!CHECK(cfg != NULL))
		return;
	fi = config_vars(cfg, "fi");
	sv = config_vars(cfg, "sv");
	en = config_vars(cfg, "en");
	if ((v = var_of(fi, "region.name")) != NULL)
		CHECK_STR(v->text, "Testilä");
	if ((v = var_of(sv, "region.name")) != NULL)
		CHECK_STR(v->text, "Testby");
	if ((v = var_of(en, "region.name")) != NULL)
		CHECK_STR(v->text, "Testilä");
	if ((v = var_of(fi, "region.trial_end")) != NULL) {
		CHECK_STR(v->text, "5.3.2027");
		CHECK_INT(v->type, VAR_DATE);
	}
	if ((v = var_of(en, "region.trial_end")) != NULL)
		CHECK_STR(v->text, "5 March 2027");
	if ((v = var_of(fi, "region.validity_months")) != NULL) {
		CHECK_INT(v->set, 1);
		CHECK_STR(v->text, "12");
	}
	if ((v = var_of(fi, "lang")) != NULL)
		CHECK_STR(v->text, "fi");
	if ((v = var_of(fi, "organisation.contact_phone")) != NULL) {
		CHECK_INT(v->set, 0);
		CHECK_STR(v->origin, "t.ini: [organisation] contact_phone");
	}
	if ((v = var_of(fi, "region.web")) != NULL)
		CHECK_INT(v->type, VAR_URL);
	vars_free(fi);
	vars_free(sv);
	vars_free(en);
	config_free(cfg);
}

static void coordinators_list(void)
{
	struct config *cfg = load_with_line(12, "email = kalle@example.fi\n[coordinator.social]\n"
					    "role = social\nname = Sanna Sosiaali-Åkerlund\n"
					    "email = sanna@example.fi\n");
	struct var_scope *fi;
	const struct var *list;
	if (!CHECK(cfg != NULL))
		return;
	fi = config_vars(cfg, "fi");
	list = var_of(fi, "coordinators");
	if (list && CHECK_INT(list->type, VAR_LIST) && CHECK_INT(list->n_items, 2)) {
		CHECK_STR(vars_find(list->items[0], "id")->text, "culture");
		CHECK_STR(vars_find(list->items[1], "id")->text, "social");
		CHECK_STR(vars_find(list->items[1], "name")->text, "Sanna Sosiaali-Åkerlund");
		CHECK_INT(vars_find(list->items[1], "phone")->set, 0);
		CHECK_STR(vars_find(list->items[1], "name")->origin,
			  "t.ini: [coordinator.social] name");
	}
	vars_free(fi);
	config_free(cfg);
}

const struct unit_test unit_tests[] = {
	UNIT(valid_region_loads_with_defaults),
	UNIT(example_region_is_valid),
	UNIT(date_valid_and_leap_day),
	UNIT(date_not_real),
	UNIT(email_checked),
	UNIT(url_checked),
	UNIT(languages_checked),
	UNIT(language_order_kept),
	UNIT(numbers_in_range),
	UNIT(choices_checked),
	UNIT(large_print_choice),
	UNIT(phone_checked),
	UNIT(unknown_key_and_section),
	UNIT(duplicates_reported),
	UNIT(required_keys_and_sections),
	UNIT(comment_characters_in_values),
	UNIT(quoted_value_keeps_semicolon),
	UNIT(translated_keys),
	UNIT(every_problem_reported),
	UNIT(every_syntax_problem_reported),
	UNIT(bad_encoding),
	UNIT(missing_file),
	UNIT(editor_quirks_accepted),
	UNIT(line_syntax_problems),
	UNIT(variables_per_language),
	UNIT(coordinators_list),
	{ NULL, NULL }
};
