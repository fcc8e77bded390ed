/* config_vars: the template variables of a region, for one language. */
#include "config.h"
#include "diag.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum var_type var_type_of(enum cfg_type t)
{
	switch (t) {
	case CFG_URL:
		return VAR_URL;
	case CFG_EMAIL:
		return VAR_EMAIL;
	case CFG_DATE:
		return VAR_DATE;
	case CFG_INT:
		return VAR_INT;
	default:
		return VAR_TEXT;
	}
}

/* The language of the value CV of key KS when it is not the document's
 * LANG: a base value (not a KEY_LANG translation) whose section says, in
 * KEY_lang, that it is written in another language. */
static const char *value_lang(const struct config_section *sec, const struct cfg_key_spec *ks,
			      const struct config_value *cv, const char *lang)
{
	char key[64];
	const struct config_value *own;
	if (!cv || !lang || strcmp(cv->key, ks->key) != 0)
		return NULL;
	snprintf(key, sizeof(key), "%s_lang", ks->key);
	own = config_get(sec, key, NULL);
	if (!own || strcmp(own->text, lang) == 0)
		return NULL;
	for (int i = 0; config_languages[i]; i++)
		if (strcmp(own->text, config_languages[i]) == 0)
			return config_languages[i];
	return NULL;
}

static void add_key(struct var_scope *scope, const struct config *cfg,
		    const struct config_section *sec, const struct cfg_key_spec *ks,
		    const char *prefix, const char *lang)
{
	const struct config_value *cv = config_get(sec, ks->key, lang);
	char name[128], origin[512], datebuf[48];
	enum var_type type = var_type_of(ks->type);
	struct var *v;

	snprintf(name, sizeof(name), "%s%s", prefix, ks->key);
	snprintf(origin, sizeof(origin), "%s: [%s] %s", cfg->path, sec->name,
		 cv ? cv->key : ks->key);
	if (!cv && (ks->flags & CFG_DEFAULT_TODAY)) {
		date_format(&cfg->today, lang, datebuf, sizeof(datebuf));
		vars_add_text(scope, name, type, datebuf, origin)->date = cfg->today;
		return;
	}
	if (!cv && !ks->fallback) {
		vars_add_unset(scope, name, type, origin);
		return;
	}
	if (cv && ks->type == CFG_IMAGE) {
		/* absolute: a template resolves a relative path from its own folder */
		char path[PATH_MAX], full[PATH_MAX];
		config_file_path(cfg->path, cv->text, path, sizeof(path));
		vars_add_text(scope, name, type, realpath(path, full) ? full : path, origin);
		return;
	}
	if (cv && ks->type == CFG_DATE) {
		date_format(&cv->date, lang, datebuf, sizeof(datebuf));
		v = vars_add_text(scope, name, type, datebuf, origin);
		v->date = cv->date;
		return;
	}
	v = vars_add_text(scope, name, type, cv ? cv->text : ks->fallback, origin);
	v->lang = value_lang(sec, ks, cv, lang);
	v->fallback = cv && lang && (ks->flags & CFG_WARN_FALLBACK) &&
		      strcmp(cv->key, ks->key) == 0 && strcmp(lang, cfg->languages[0]) != 0;
	if (ks->type == CFG_INT)
		v->num = cv ? cv->num : strtol(ks->fallback, NULL, 10);
}

static void add_section(struct var_scope *scope, const struct config *cfg,
			const struct config_section *sec, const char *prefix, const char *lang)
{
	for (int i = 0; sec->spec->keys[i].key; i++)
		add_key(scope, cfg, sec, &sec->spec->keys[i], prefix, lang);
}

static void add_list(struct var_scope *scope, const struct config *cfg,
		     const struct cfg_section_spec *sp, const char *lang)
{
	struct var *list = vars_add_list(scope, sp->list_var);
	for (int i = 0; i < cfg->n_sections; i++) {
		const struct config_section *sec = &cfg->sections[i];
		struct var_scope *item;
		if (sec->spec != sp)
			continue;
		item = vars_list_add_item(list);
		vars_add_text(item, "id", VAR_TEXT, sec->id, cfg->path);
		add_section(item, cfg, sec, "", lang);
	}
}

struct var_scope *config_vars(const struct config *cfg, const char *lang)
{
	struct var_scope *scope = vars_new();
	char prefix[64];

	vars_add_text(scope, "lang", VAR_TEXT, lang, "the document language");
	for (int i = 0; config_spec[i].kind; i++) {
		const struct cfg_section_spec *sp = &config_spec[i];
		const struct config_section *sec;
		if (sp->is_list) {
			if (sp->list_var) /* [style.NAME] is no template variable */
				add_list(scope, cfg, sp, lang);
			continue;
		}
		sec = config_section(cfg, sp->kind);
		if (!sec) {
			/* an absent optional section still gives its defaults */
			struct config_section none = { (char *)sp->kind, "", sp, 0, NULL, 0 };
			snprintf(prefix, sizeof(prefix), "%s.", sp->kind);
			add_section(scope, cfg, &none, prefix, lang);
			continue;
		}
		snprintf(prefix, sizeof(prefix), "%s.", sp->kind);
		add_section(scope, cfg, sec, prefix, lang);
	}
	return scope;
}
