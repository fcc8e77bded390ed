/* msg: holder-list problems in the web page's language; see msg.h. */
#include "msg.h"
#include "dates.h"

#include <stdio.h>
#include <string.h>

struct msg_entry {
	const char *english; /* the command line's format, the key */
	const char *en, *fi, *sv;
};

static const struct msg_entry catalog[] = {
#define MSG(english, en, fi, sv) { english, en, fi, sv },
#include "msg_catalog.def"
#undef MSG
};

static _Thread_local const char *thread_lang;

void msg_set_language(const char *lang)
{
	thread_lang = lang;
}

const char *msg_language(void)
{
	return thread_lang;
}

static const char *text_in(const struct msg_entry *e, const char *lang)
{
	if (strcmp(lang, "fi") == 0)
		return e->fi;
	if (strcmp(lang, "sv") == 0)
		return e->sv;
	return e->en;
}

const char *msg_tr(const char *format)
{
	if (!thread_lang)
		return format;
	for (size_t i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++)
		if (strcmp(catalog[i].english, format) == 0)
			return text_in(&catalog[i], thread_lang);
	return format;
}

const char *msg_date(const struct date *d, char *buf, unsigned size)
{
	if (thread_lang)
		date_format(d, thread_lang, buf, size);
	else
		date_format_iso(d, buf, size);
	return buf;
}

const char *msg_decimal(double value, char *buf, unsigned size)
{
	char *dot;
	snprintf(buf, size, "%.1f", value);
	dot = strchr(buf, '.');
	if (dot && thread_lang && strcmp(thread_lang, "en") != 0)
		*dot = ',';
	return buf;
}

const char *msg_catalog_english(size_t i)
{
	return i < sizeof(catalog) / sizeof(catalog[0]) ? catalog[i].english : NULL;
}

const char *msg_catalog_text(size_t i, const char *lang)
{
	return i < sizeof(catalog) / sizeof(catalog[0]) ? text_in(&catalog[i], lang) : NULL;
}
