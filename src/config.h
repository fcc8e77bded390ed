/*
 * config: the region file (INI), read with iniparser into a typed, read-only
 * structure. Every key is checked against the table in config_spec.c; every
 * problem is reported as "FILE:LINE: [section] key: error: ..." and loading
 * goes on, so that one run lists all of them.
 *
 * Sections are either single ([region], [organisation]) or lists whose name
 * has a kind and an id ([coordinator.culture], [venue.theatre]). A key marked
 * translatable may also appear as key_fi, key_sv, key_en.
 */
#ifndef KP_CONFIG_H
#define KP_CONFIG_H

#include "dates.h"
#include "vars.h"

#include <stddef.h>

enum cfg_type {
	CFG_TEXT,   /* one line of UTF-8 text */
	CFG_INT,    /* whole number within [min, max] */
	CFG_DATE,   /* YYYY-MM-DD, a real date */
	CFG_URL,    /* http(s)://host.tld/... without spaces */
	CFG_EMAIL,  /* local@host.tld */
	CFG_PHONE,  /* digits, spaces, +, -, () */
	CFG_LANGS,  /* comma-separated list of fi, sv, en */
	CFG_CHOICE, /* one of spec->choices */
	CFG_HYPHENS, /* words with hyphens at their points (hyph_exceptions_parse) */
	CFG_IMAGE,   /* a PNG or JPEG file, relative to the region file's folder */
	CFG_COLOR   /* #RRGGBB or cmyk(C,M,Y,K) (color.h) */
};

enum {
	CFG_REQUIRED = 1,     /* must be present */
	CFG_TRANSLATABLE = 2, /* key_fi, key_sv, key_en may be given too */
	CFG_WARN_FALLBACK = 4, /* translatable: warn when a document uses the base text */
	CFG_DEFAULT_TODAY = 8  /* date: absent, the day of printing (config->today) */
};

struct cfg_key_spec {
	const char *key;
	enum cfg_type type;
	unsigned flags;
	long min, max;               /* CFG_INT bounds */
	const char *const *choices;  /* CFG_CHOICE: NULL-terminated */
	const char *fallback;        /* value when absent, or NULL */
};

struct cfg_section_spec {
	const char *kind;        /* "region", or "coordinator" for [coordinator.x] */
	int is_list;             /* 1: [kind.id] sections, any number */
	const char *list_var;    /* template variable of the list ("coordinators") */
	int min_count;           /* fewest sections required (0 = optional) */
	const struct cfg_key_spec *keys; /* terminated by key == NULL */
};

/* The table of every section and key a region file may contain. */
extern const struct cfg_section_spec config_spec[];

/* Languages the tool has material for, in this order. */
extern const char *const config_languages[]; /* "fi", "sv", "en", NULL */
int config_language_known(const char *lang);

struct config_value {
	const char *key;        /* as in the file, e.g. "name_sv" (owned) */
	const struct cfg_key_spec *spec;
	char *text;             /* the value as given (trimmed) */
	long num;               /* CFG_INT */
	struct date date;       /* CFG_DATE */
	int line;
};

struct config_section {
	char *name;             /* "coordinator.culture" */
	const char *id;         /* "culture" (points into name), "" for single */
	const struct cfg_section_spec *spec;
	int line;
	struct config_value *values;
	int n_values;
};

struct config {
	char *path;
	struct config_section *sections; /* in file order */
	int n_sections;
	/* Typed shortcuts to [region]. */
	char languages[3][3];   /* in the order the region lists them */
	int n_languages;
	int year;
	int validity_months;
	int child_age_limit;
	int has_trial_end;
	struct date trial_end;
	int large_print;
	struct date today;      /* the day of printing: the clock, or --today */
	/* [print]: the print-shop variant (press.h) */
	int press;              /* press = yes */
	int bleed_mm;           /* bleed, whole millimetres */
	const char *output_condition; /* registered printing condition, "FOGRA39" */
};

/* Load and check PATH. Returns NULL after reporting every problem. */
struct config *config_load(const char *path);
/* Same, from bytes in memory (fuzzing, tests); PATH names them in messages. */
struct config *config_load_text(const char *path, const char *text, size_t len);
void config_free(struct config *cfg);

/* The section called NAME, or NULL. */
const struct config_section *config_section(const struct config *cfg, const char *name);
/* Value of KEY in SECTION for LANG: key_LANG first, then key; NULL if unset.
 * LANG may be NULL. */
const struct config_value *config_get(const struct config_section *s, const char *key,
				      const char *lang);
const char *config_get_text(const struct config *cfg, const char *section,
			    const char *key, const char *lang);
/* Does the region list LANG? */
int config_has_language(const struct config *cfg, const char *lang);

/* NAME (a file a region file names) relative to the folder of CONFIG_PATH,
 * or NAME itself when absolute, into BUF. */
void config_file_path(const char *config_path, const char *name, char *buf, size_t size);
/* Give the styles of D the colours of the region's [style.NAME] sections
 * (config_colors.c); a style the template does not have is left alone. */
struct doc;
void config_apply_colors(const struct config *cfg, struct doc *d);
/* Warn when the colour value V of SECTION needs more ink than a press
 * prints well (config_colors.c). */
void config_check_color_ink(const struct config *cfg, const struct config_value *v,
			    const char *section);

/* Template variables for LANG; owned by the caller (vars_free). */
struct var_scope *config_vars(const struct config *cfg, const char *lang);

#endif
