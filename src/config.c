/* config: loading and checking a region file; see config.h. */
#include "config.h"
#include "hyph.h"
#include "diag.h"
#include "fileio.h"
#include "color.h"
#include "ini_scan.h"
#include "utf8.h"

#include <iniparser/iniparser.h>

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Resource limits (tests/suites/70-hostile.sh checks each one): a region file
 * of at most 256 KiB (a real one is 2-20 KiB), lines of at most 1000 bytes
 * (ini_scan.c) and values of at most 500 bytes. Loading the largest file
 * takes a few MB of memory. */
enum { CONFIG_MAX_BYTES = 256 * 1024, CONFIG_MAX_VALUE = 500 };

/* What config_load is working on; passed to the checking helpers. */
struct loader {
	struct config *cfg;
	const struct ini_scan *scan;
	dictionary *ini;
	int errors;
};

int config_language_known(const char *lang)
{
	for (int i = 0; config_languages[i]; i++)
		if (strcmp(config_languages[i], lang) == 0)
			return 1;
	return 0;
}

/* The region file's one way to report a problem: at LINE, [SECTION] KEY. */
__attribute__((format(printf, 5, 6)))
static void report(struct loader *ld, int line, const char *section, const char *key,
		   const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_ini(DIAG_ERROR, ld->cfg->path, line, section, key, "%s", msg);
	ld->errors++;
}

static const struct cfg_section_spec *spec_for_section(const char *name, const char **id)
{
	for (int i = 0; config_spec[i].kind; i++) {
		const struct cfg_section_spec *sp = &config_spec[i];
		size_t k = strlen(sp->kind);
		if (!sp->is_list && strcmp(name, sp->kind) == 0) {
			*id = name + k;
			return sp;
		}
		if (sp->is_list && strncmp(name, sp->kind, k) == 0 && name[k] == '.' && name[k + 1]) {
			*id = name + k + 1;
			return sp;
		}
	}
	return NULL;
}

/* The spec of KEY (or of its translated form KEY_xx). */
static const struct cfg_key_spec *spec_for_key(const struct cfg_section_spec *sp,
					       const char *key)
{
	size_t n = strlen(key);
	for (int i = 0; sp->keys[i].key; i++) {
		const struct cfg_key_spec *ks = &sp->keys[i];
		size_t k = strlen(ks->key);
		if (strcmp(key, ks->key) == 0)
			return ks;
		if ((ks->flags & CFG_TRANSLATABLE) && n == k + 3 && strncmp(key, ks->key, k) == 0 &&
		    key[k] == '_' && config_language_known(key + k + 1))
			return ks;
	}
	return NULL;
}

static int check_host(const char *h, size_t n)
{
	int dot = 0;
	if (n == 0 || h[0] == '.' || h[0] == '-' || h[n - 1] == '.')
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (c == '.')
			dot = 1;
		else if (!isalnum(c) && c != '-' && c < 0x80)
			return -1;
	}
	return dot ? 0 : -1;
}

static const char *check_url(const char *v)
{
	const char *host, *end;
	if (strncmp(v, "https://", 8) == 0)
		host = v + 8;
	else if (strncmp(v, "http://", 7) == 0)
		host = v + 7;
	else
		return "a web address must start with https:// or http://";
	for (const char *p = v; *p; p++)
		if (isspace((unsigned char)*p) || *p == '"' || *p == '<' || *p == '>')
			return "a web address may not contain spaces, quotes or <>";
	end = host + strcspn(host, "/?#:");
	if (check_host(host, (size_t)(end - host)))
		return "not a web address with a valid host name";
	return NULL;
}

static const char *check_email(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || strchr(at + 1, '@'))
		return "not an e-mail address";
	for (const char *p = v; *p; p++)
		if (isspace((unsigned char)*p) || *p == '"' || *p == '<' || *p == '>' ||
		    *p == ',' || *p == ';')
			return "an e-mail address may not contain spaces or ,;<>\"";
	if (check_host(at + 1, strlen(at + 1)))
		return "not an e-mail address with a valid domain";
	return NULL;
}

static const char *check_phone(const char *v)
{
	int digits = 0;
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" +-()", *p))
			return "a phone number may contain only digits, spaces and + - ( )";
	}
	return digits >= 5 && digits <= 15 ? NULL : "a phone number has 5 to 15 digits";
}

static const char *check_text(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return "control character in text";
	return NULL;
}

/* answers = a|b|c: every choice has text (an empty one would be a tick box
 * with nothing beside it). */
static const char *check_answers(const char *v)
{
	for (const char *p = v;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p), i = 0;
		while (i < n && isspace((unsigned char)p[i]))
			i++;
		if (i == n)
			return "an empty answer between '|' separators";
		if (!bar)
			return NULL;
		p = bar + 1;
	}
}

static int parse_langs(struct config *cfg, const char *v)
{
	char buf[CONFIG_MAX_VALUE + 1];
	char *save = NULL;
	cfg->n_languages = 0;
	snprintf(buf, sizeof(buf), "%s", v);
	for (const char *p = v;; p++) { /* "fi,, sv": an empty item is a mistake */
		p += strspn(p, " \t");
		if (*p == ',' || (*p == '\0' && p > v && p[-1] == ','))
			return -1;
		p = strchr(p, ',');
		if (!p)
			break;
	}
	for (char *tok = strtok_r(buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		if (!config_language_known(tok) || cfg->n_languages == 3)
			return -1;
		for (int i = 0; i < cfg->n_languages; i++)
			if (strcmp(cfg->languages[i], tok) == 0)
				return -1;
		snprintf(cfg->languages[cfg->n_languages++], 3, "%s", tok);
	}
	return cfg->n_languages ? 0 : -1;
}

static const char *check_number(struct config_value *cv)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(cv->text, &end, 10);
	if (end == cv->text || *end)
		return "not a whole number";
	if (errno == ERANGE || v < cv->spec->min || v > cv->spec->max)
		return "number out of range";
	cv->num = v;
	return NULL;
}

static const char *check_choice(const struct config_value *cv)
{
	for (int i = 0; cv->spec->choices[i]; i++)
		if (strcmp(cv->text, cv->spec->choices[i]) == 0)
			return NULL;
	return "not one of the allowed values";
}

void config_file_path(const char *config_path, const char *name, char *buf, size_t size)
{
	const char *slash = strrchr(config_path, '/');
	if (name[0] == '/' || !slash)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%.*s/%s", (int)(slash - config_path), config_path, name);
}

/* An image named relative to the region file: it exists and is PNG or JPEG
 * by its name (its content is checked when a document draws it). */
static const char *check_image(const char *config_path, const char *name)
{
	char path[PATH_MAX];
	const char *dot = strrchr(name, '.');
	if (!dot || (strcasecmp(dot, ".png") && strcasecmp(dot, ".jpg") && strcasecmp(dot, ".jpeg")))
		return "not a PNG or JPEG file name (.png, .jpg)";
	config_file_path(config_path, name, path, sizeof(path));
	return access(path, R_OK) == 0 ? NULL : "no such file next to the region file";
}

/* Check one value by its type; returns what is wrong with it, or NULL. */
static const char *check_value(struct loader *ld, struct config_value *cv)
{
	switch (cv->spec->type) {
	case CFG_TEXT:
		return strcmp(cv->spec->key, "answers") == 0 ? check_answers(cv->text) : NULL;
	case CFG_INT:
		return check_number(cv);
	case CFG_DATE:
		return date_parse(cv->text, &cv->date) ? "not a date (YYYY-MM-DD)" : NULL;
	case CFG_URL:
		return check_url(cv->text);
	case CFG_EMAIL:
		return check_email(cv->text);
	case CFG_PHONE:
		return check_phone(cv->text);
	case CFG_LANGS:
		return parse_langs(ld->cfg, cv->text)
			? "languages must be a list of fi, sv and en, each once" : NULL;
	case CFG_CHOICE:
		return check_choice(cv);
	case CFG_HYPHENS:
		return NULL; /* load_value: the parser's own message */
	case CFG_IMAGE:
		return check_image(ld->cfg->path, cv->text);
	case CFG_COLOR: {
		struct doc_color c;
		return color_parse(cv->text, &c)
			? "not a colour such as #1a5c8e or cmyk(90,40,20,10)" : NULL;
	}
	}
	return NULL;
}

static void trim_in_place(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
}

/* A region's hyphenation exceptions, parsed here to check them; layout
 * gets them again through render.c. */
static void check_hyphens(struct loader *ld, const struct config_value *cv, const char *section)
{
	char err[256];
	struct hyph_exceptions *ex = hyph_exceptions_parse(cv->text, err, sizeof(err));
	if (!ex)
		report(ld, cv->line, section, cv->key, "%s", err);
	hyph_exceptions_free(ex);
}

static void load_value(struct loader *ld, struct config_section *sec, const char *full_key)
{
	const char *key = full_key + strlen(sec->name) + 1;
	const struct cfg_key_spec *ks = spec_for_key(sec->spec, key);
	int line = ini_scan_line(ld->scan, sec->name, key);
	struct config_value *cv;
	const char *bad;

	if (!ks) {
		report(ld, line, sec->name, key, "unknown key (is it misspelt?)");
		return;
	}
	cv = &sec->values[sec->n_values++];
	cv->key = xstrdup(key);
	cv->spec = ks;
	cv->text = xstrdup(iniparser_getstring(ld->ini, full_key, ""));
	trim_in_place(cv->text);
	cv->line = line;
	if ((bad = check_text(cv->text)))
		report(ld, line, sec->name, key, "%s: %s", bad, cv->text);
	else if (strlen(cv->text) > CONFIG_MAX_VALUE)
		report(ld, line, sec->name, key, "value is longer than %d bytes: %.40s...",
		       CONFIG_MAX_VALUE, cv->text);
	else if (!*cv->text)
		report(ld, line, sec->name, key, "empty value; leave the key out instead");
	else if ((bad = check_value(ld, cv)))
		report(ld, line, sec->name, key, "%s: %s", bad, cv->text);
	else if (ks->type == CFG_HYPHENS)
		check_hyphens(ld, cv, sec->name);
	else if (ks->type == CFG_COLOR)
		config_check_color_ink(ld->cfg, cv, sec->name);
}

static void check_required(struct loader *ld, struct config_section *sec)
{
	for (int i = 0; sec->spec->keys[i].key; i++) {
		const struct cfg_key_spec *ks = &sec->spec->keys[i];
		if ((ks->flags & CFG_REQUIRED) && !config_get(sec, ks->key, NULL))
			report(ld, sec->line, sec->name, ks->key, "required key is missing");
	}
}

/* A logo is read by people who cannot see it too: its text is required. */
static void check_logo(struct loader *ld, struct config_section *sec)
{
	const struct config_value *logo = config_get(sec, "logo", NULL);
	int has_alt = 0;
	if (!logo)
		return;
	for (int i = 0; i < sec->n_values; i++)
		has_alt |= strncmp(sec->values[i].key, "logo_alt", 8) == 0;
	if (!has_alt)
		report(ld, logo->line, sec->name, "logo_alt",
		       "a logo needs its alternative text (logo_alt = what the logo shows)");
}

static void load_section(struct loader *ld, const char *name)
{
	struct config *cfg = ld->cfg;
	int line = ini_scan_line(ld->scan, name, NULL);
	int nkeys = iniparser_getsecnkeys(ld->ini, name);
	const char *id = "";
	const struct cfg_section_spec *sp = spec_for_section(name, &id);
	struct config_section *sec;
	const char **keys;

	if (!sp) {
		report(ld, line, name, NULL, "unknown section (is it misspelt?)");
		return;
	}
	sec = &cfg->sections[cfg->n_sections++];
	sec->name = xstrdup(name);
	sec->id = sec->name + (id - name);
	sec->spec = sp;
	sec->line = line;
	sec->values = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(*sec->values));
	keys = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(*keys));
	if (nkeys > 0 && iniparser_getseckeys(ld->ini, name, keys))
		for (int i = 0; i < nkeys; i++)
			load_value(ld, sec, keys[i]);
	free(keys);
	check_required(ld, sec);
	check_logo(ld, sec);
}

static void check_counts(struct loader *ld)
{
	for (int i = 0; config_spec[i].kind; i++) {
		const struct cfg_section_spec *sp = &config_spec[i];
		int count = 0;
		for (int j = 0; j < ld->cfg->n_sections; j++)
			count += ld->cfg->sections[j].spec == sp;
		if (count < sp->min_count)
			report(ld, 0, sp->is_list ? sp->kind : sp->kind, NULL,
			       sp->is_list ? "at least one [%s.NAME] section is required"
					   : "section [%s] is required", sp->kind);
	}
}

static long region_number(const struct config *cfg, const char *key)
{
	const struct config_section *r = config_section(cfg, "region");
	const struct config_value *v = r ? config_get(r, key, NULL) : NULL;
	for (int i = 0; !v && r && r->spec->keys[i].key; i++)
		if (strcmp(r->spec->keys[i].key, key) == 0 && r->spec->keys[i].fallback)
			return strtol(r->spec->keys[i].fallback, NULL, 10);
	return v ? v->num : 0;
}

/* [print], or its fallbacks when the region file has none. */
static void fill_print(struct config *cfg)
{
	const struct cfg_key_spec *keys = NULL;
	const char *press = config_get_text(cfg, "print", "press", NULL);
	const char *bleed = config_get_text(cfg, "print", "bleed", NULL);
	const char *cond = config_get_text(cfg, "print", "output_condition", NULL);
	for (int i = 0; config_spec[i].kind; i++)
		if (strcmp(config_spec[i].kind, "print") == 0)
			keys = config_spec[i].keys;
	for (int i = 0; keys && keys[i].key; i++) {
		if (!press && strcmp(keys[i].key, "press") == 0)
			press = keys[i].fallback;
		if (!bleed && strcmp(keys[i].key, "bleed") == 0)
			bleed = keys[i].fallback;
		if (!cond && strcmp(keys[i].key, "output_condition") == 0)
			cond = keys[i].fallback;
	}
	cfg->press = press && strcmp(press, "yes") == 0;
	cfg->bleed_mm = bleed ? (int)strtol(bleed, NULL, 10) : 3;
	cfg->output_condition = cond ? cond : "FOGRA39";
}

static void fill_shortcuts(struct config *cfg)
{
	const char *size = config_get_text(cfg, "region", "text_size", NULL);
	const struct config_section *r = config_section(cfg, "region");
	const struct config_value *te = r ? config_get(r, "trial_end", NULL) : NULL;
	cfg->year = (int)region_number(cfg, "year");
	cfg->validity_months = (int)region_number(cfg, "validity_months");
	cfg->child_age_limit = (int)region_number(cfg, "child_age_limit");
	cfg->large_print = size && strcmp(size, "large") == 0;
	cfg->today = date_today();
	fill_print(cfg);
	if (te) {
		cfg->has_trial_end = 1;
		cfg->trial_end = te->date;
	}
}

/* iniparser's dictionary of the values ini_scan read: "section" for each
 * header, "section:key" for each value, as iniparser_load would make it. */
static dictionary *ini_from_scan(const struct ini_scan *scan)
{
	dictionary *d = dictionary_new(0);
	for (int i = 0; d && i < scan->n; i++) {
		const struct ini_entry *e = &scan->entries[i];
		char *full;
		if (!e->key) {
			dictionary_set(d, e->section, NULL);
			continue;
		}
		full = xmalloc(strlen(e->section) + strlen(e->key) + 2);
		sprintf(full, "%s:%s", e->section, e->key);
		if (dictionary_set(d, full, e->value) != 0) {
			free(full);
			iniparser_freedict(d);
			return NULL;
		}
		free(full);
	}
	return d;
}

struct config *config_load_text(const char *path, const char *text, size_t len)
{
	struct ini_scan scan = { 0 };
	struct loader ld = { 0 };
	struct config *cfg = xcalloc(1, sizeof(*cfg));
	int nsec;

	cfg->path = xstrdup(path);
	ld.cfg = cfg;
	ld.scan = &scan;
	ld.errors = ini_scan_text(&scan, path, text, len);
	if (ld.errors == 0)
		ld.ini = ini_from_scan(&scan);
	if (ld.errors == 0 && !ld.ini) {
		diag_file(DIAG_FATAL, path, 0, 0, "out of memory reading the region file");
		ld.errors++;
	}
	if (ld.ini) {
		nsec = iniparser_getnsec(ld.ini);
		cfg->sections = xcalloc((size_t)(nsec > 0 ? nsec : 1), sizeof(*cfg->sections));
		for (int i = 0; i < nsec; i++)
			load_section(&ld, iniparser_getsecname(ld.ini, i));
		check_counts(&ld);
		fill_shortcuts(cfg);
		iniparser_freedict(ld.ini);
	}
	ini_scan_free(&scan);
	if (ld.errors) {
		config_free(cfg);
		return NULL;
	}
	return cfg;
}

struct config *config_load(const char *path)
{
	size_t len;
	char *text = file_read_all(path, "region file", CONFIG_MAX_BYTES, &len);
	struct config *cfg;
	if (!text)
		return NULL;
	cfg = config_load_text(path, text, len);
	free(text);
	return cfg;
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	for (int i = 0; i < cfg->n_sections; i++) {
		struct config_section *s = &cfg->sections[i];
		for (int j = 0; j < s->n_values; j++) {
			free((char *)s->values[j].key);
			free(s->values[j].text);
		}
		free(s->values);
		free(s->name);
	}
	free(cfg->sections);
	free(cfg->path);
	free(cfg);
}

const struct config_section *config_section(const struct config *cfg, const char *name)
{
	for (int i = 0; i < cfg->n_sections; i++)
		if (strcmp(cfg->sections[i].name, name) == 0)
			return &cfg->sections[i];
	return NULL;
}

const struct config_value *config_get(const struct config_section *s, const char *key,
				      const char *lang)
{
	char full[64];
	if (lang) {
		snprintf(full, sizeof(full), "%s_%s", key, lang);
		for (int i = 0; i < s->n_values; i++)
			if (strcmp(s->values[i].key, full) == 0)
				return &s->values[i];
	}
	for (int i = 0; i < s->n_values; i++)
		if (strcmp(s->values[i].key, key) == 0)
			return &s->values[i];
	return NULL;
}

const char *config_get_text(const struct config *cfg, const char *section,
			    const char *key, const char *lang)
{
	const struct config_section *s = config_section(cfg, section);
	const struct config_value *v = s ? config_get(s, key, lang) : NULL;
	return v ? v->text : NULL;
}

int config_has_language(const struct config *cfg, const char *lang)
{
	for (int i = 0; i < cfg->n_languages; i++)
		if (strcmp(cfg->languages[i], lang) == 0)
			return 1;
	return 0;
}
