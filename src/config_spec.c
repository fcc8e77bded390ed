/* config_spec: every section and key a region file may contain. */
#include "config.h"

#include <stddef.h>

static const char *const text_sizes[] = { "normal", "large", NULL };
static const char *const qr_levels[] = { "L", "M", "Q", "H", NULL };
static const char *const coordinator_roles[] = { "culture", "social", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
/* Characterised printing conditions of the ICC registry (color.org) that a
 * PDF/X OutputIntent may name without an embedded profile. */
static const char *const output_conditions[] = { "FOGRA39", "FOGRA51", "FOGRA52", "FOGRA47",
						 "FOGRA29", "CGATS TR 006", "CGATS TR 001", NULL };

static const struct cfg_key_spec region_keys[] = {
	{ "name", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "year", CFG_INT, CFG_REQUIRED, 2000, 2100, NULL, NULL },
	{ "languages", CFG_LANGS, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ "web", CFG_URL, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "feedback_email", CFG_EMAIL, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ "trial_end", CFG_DATE, 0, 0, 0, NULL, NULL },
	{ "validity_months", CFG_INT, 0, 1, 60, NULL, "12" },
	{ "child_age_limit", CFG_INT, 0, 1, 25, NULL, "18" },
	{ "text_size", CFG_CHOICE, 0, 0, 0, text_sizes, "normal" },
	{ "qr_error_correction", CFG_CHOICE, 0, 0, 0, qr_levels, "M" },
	/* the date the documents say they were updated; absent: the day of printing */
	{ "updated", CFG_DATE, CFG_DEFAULT_TODAY, 0, 0, NULL, NULL },
	/* what happens to a paper registration form once its details are in
	 * Kaikukanta: the region's own rule; absent, the forms say to ask the
	 * region's coordinator (the national material sets no rule) */
	{ "paper_form_after", CFG_TEXT, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	/* the region's logo on the leaflet and the checklist, and what it shows
	 * in words (required with it) */
	{ "logo", CFG_IMAGE, 0, 0, 0, NULL, NULL },
	{ "logo_alt", CFG_TEXT, CFG_TRANSLATABLE | CFG_WARN_FALLBACK, 0, 0, NULL, NULL },
	/* letters and digits of the card code: its boxes on the registration forms */
	{ "card_code_length", CFG_INT, 0, 4, 20, NULL, "8" },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [national]: the addresses of the national service, the same for every
 * region; a region file overrides one only when it moves. */
static const struct cfg_key_spec national_keys[] = {
	{ "web", CFG_URL, CFG_TRANSLATABLE, 0, 0, NULL, "https://www.kaikukortti.fi" },
	{ "kaikukanta", CFG_URL, 0, 0, 0, NULL, "https://kaikukanta.fi/admin" },
	{ "regions", CFG_URL, CFG_TRANSLATABLE, 0, 0, NULL, "https://www.kaikukortti.fi/alueet/" },
	{ "operating_model", CFG_URL, CFG_TRANSLATABLE, 0, 0, NULL,
	  "https://www.kaikukortti.fi/kortinjakajille/perehdytysmateriaali-kortinjakajille" },
	{ "privacy_notice", CFG_URL, CFG_TRANSLATABLE, 0, 0, NULL,
	  "https://www.kaikukortti.fi/tietosuojaseloste/" },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

static const struct cfg_key_spec organisation_keys[] = {
	{ "name", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "unit", CFG_TEXT, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "contact_name", CFG_TEXT, 0, 0, 0, NULL, NULL },
	{ "contact_email", CFG_EMAIL, 0, 0, 0, NULL, NULL },
	{ "contact_phone", CFG_PHONE, 0, 0, 0, NULL, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

static const struct cfg_key_spec coordinator_keys[] = {
	{ "role", CFG_CHOICE, CFG_REQUIRED, 0, 0, coordinator_roles, NULL },
	{ "name", CFG_TEXT, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ "title", CFG_TEXT, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "organisation", CFG_TEXT, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "email", CFG_EMAIL, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ "phone", CFG_PHONE, 0, 0, 0, NULL, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [venue.ID]: a place where the card works, listed in the leaflet. */
static const struct cfg_key_spec venue_keys[] = {
	{ "name", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "category", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE | CFG_WARN_FALLBACK, 0, 0, NULL, NULL },
	{ "offer", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE | CFG_WARN_FALLBACK, 0, 0, NULL, NULL },
	{ "url", CFG_URL, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ "notes", CFG_TEXT, CFG_TRANSLATABLE | CFG_WARN_FALLBACK, 0, 0, NULL, NULL },
	/* the language of name (not of a name_LANG) when it is not the region's
	 * first language: a Swedish name in the Finnish leaflet is read in
	 * Swedish (/Lang on its text in the tagged PDF) */
	{ "name_lang", CFG_CHOICE, 0, 0, 0, config_languages, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [issuer.ID]: a unit that issues cards, listed in the leaflet. */
static const struct cfg_key_spec issuer_keys[] = {
	{ "name", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "unit", CFG_TEXT, CFG_TRANSLATABLE | CFG_WARN_FALLBACK, 0, 0, NULL, NULL },
	{ "address", CFG_TEXT, 0, 0, 0, NULL, NULL },
	{ "phone", CFG_PHONE, 0, 0, 0, NULL, NULL },
	{ "name_lang", CFG_CHOICE, 0, 0, 0, config_languages, NULL }, /* as a venue's */
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [question.ID]: an optional background question on the registration form.
 * answers: the choices separated by "|" (tick boxes); absent: a write-in line. */
static const struct cfg_key_spec question_keys[] = {
	{ "text", CFG_TEXT, CFG_REQUIRED | CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ "answers", CFG_TEXT, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [hyphenation]: the region's own hyphenation points (venue and place names),
 * e.g. exceptions = Kaiku-kes-kus, Esi-merk-ki-län; looked up before the dictionaries. */
static const struct cfg_key_spec hyphenation_keys[] = {
	{ "exceptions", CFG_HYPHENS, CFG_TRANSLATABLE, 0, 0, NULL, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [print]: the print-shop variant (--press): CMYK, bleed, PDF/X-1a. */
static const struct cfg_key_spec print_keys[] = {
	{ "press", CFG_CHOICE, 0, 0, 0, yes_no, "no" },
	{ "bleed", CFG_INT, 0, 0, 10, NULL, "3" },
	{ "output_condition", CFG_CHOICE, 0, 0, 0, output_conditions, "FOGRA39" },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

/* [style.NAME]: the region's colour for the template style NAME (its
 * house colours), e.g. color = cmyk(100,45,0,30). */
static const struct cfg_key_spec style_keys[] = {
	{ "color", CFG_COLOR, CFG_REQUIRED, 0, 0, NULL, NULL },
	{ NULL, CFG_TEXT, 0, 0, 0, NULL, NULL }
};

const struct cfg_section_spec config_spec[] = {
	{ "region", 0, NULL, 1, region_keys },
	{ "organisation", 0, NULL, 1, organisation_keys },
	{ "national", 0, NULL, 0, national_keys },
	{ "coordinator", 1, "coordinators", 1, coordinator_keys },
	{ "hyphenation", 0, NULL, 0, hyphenation_keys },
	{ "venue", 1, "venues", 0, venue_keys },
	{ "issuer", 1, "issuers", 0, issuer_keys },
	{ "question", 1, "questions", 0, question_keys },
	{ "print", 0, NULL, 0, print_keys },
	{ "style", 1, NULL, 0, style_keys },
	{ NULL, 0, NULL, 0, NULL }
};

const char *const config_languages[] = { "fi", "sv", "en", NULL };
