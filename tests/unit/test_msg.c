/* test_msg: the holder-list problems in the web page's language (msg.h):
 * every translation takes its English format's arguments, every msg_tr()
 * in the sources has a translation, and a list's problems come out in the
 * language asked for. */
#include "unit.h"

#include "config.h"
#include "dates.h"
#include "holders.h"
#include "msg.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const langs[] = { "en", "fi", "sv" };

/* The conversions of FORMAT as letters ("dsd"); %.0s counts as s (it takes
 * its argument and prints nothing), %% as none. */
static void conversions(const char *format, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = format; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && !isalpha((unsigned char)*p))
			p++;
		while (*p == 'l' || *p == 'z' || *p == 'h')
			p++;
		if (*p && n + 1 < size)
			out[n++] = *p;
		if (!*p)
			break;
	}
	out[n] = '\0';
}

/* A translation takes the English arguments in order; it may leave out the
 * last ones (printf ignores arguments left over), never others. */
static void translations_take_the_english_arguments(void)
{
	size_t i;
	for (i = 0; msg_catalog_english(i); i++) {
		char english[32], translated[32];
		conversions(msg_catalog_english(i), english, sizeof(english));
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			conversions(msg_catalog_text(i, langs[l]), translated, sizeof(translated));
			if (strncmp(english, translated, strlen(translated)) != 0)
				printf("  %s: \"%s\" takes %s, the English %s\n", langs[l],
				       msg_catalog_text(i, langs[l]), translated, english);
			CHECK(strncmp(english, translated, strlen(translated)) == 0);
		}
	}
	CHECK(i >= 30);
}

/* The string literals after each msg_tr( in FILE, joined as C joins them;
 * calls CHECK that each is in the catalogue. Returns how many were seen. */
static int check_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text, *p;
	long size;
	int seen = 0;
	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)size + 1);
	if (fread(text, 1, (size_t)size, f) != (size_t)size)
		size = 0;
	fclose(f);
	for (p = text; (p = strstr(p, "msg_tr(\"")) != NULL; seen++) {
		char literal[512];
		size_t n = 0;
		int found = 0;
		p += 7;
		while (*p == '"') { /* one literal, then maybe another after white space */
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\') /* \" and \\ only: the messages have no other */
					p++;
				if (n + 1 < sizeof(literal))
					literal[n++] = *p;
			}
			p++;
			while (isspace((unsigned char)*p))
				p++;
		}
		literal[n] = '\0';
		for (size_t i = 0; msg_catalog_english(i); i++)
			found |= strcmp(msg_catalog_english(i), literal) == 0;
		if (!found)
			printf("  %s: msg_tr(\"%s\") has no translation in msg_catalog.def\n", path, literal);
		CHECK(found);
	}
	free(text);
	return seen;
}

static void every_msg_tr_in_the_sources_is_in_the_catalogue(void)
{
	DIR *d = opendir("src");
	struct dirent *e;
	int seen = 0;
	CHECK(d != NULL);
	while (d && (e = readdir(d)) != NULL) {
		char path[300];
		size_t len = strlen(e->d_name);
		if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		snprintf(path, sizeof(path), "src/%s", e->d_name);
		seen += check_file(path);
	}
	if (d)
		closedir(d);
	CHECK(seen >= 30);
}

static const char bad_list[] =
	"name,issued,children\n"
	"Aaaa Bbbb,2025-12-01,1\n"
	"Cccc Dddd,2027-03-02,0\n"
	"Eeee Ffff,2027-03-01,many\n";

static const char *problems_in(const char *lang, const struct config *cfg)
{
	struct date today = { 2027, 3, 1 };
	struct holders *hs;
	unit_capture_start();
	msg_set_language(lang);
	hs = holders_parse("holders.csv", bad_list, strlen(bad_list), cfg, &today);
	msg_set_language(NULL);
	CHECK(hs == NULL);
	holders_free(hs);
	return unit_capture_end();
}

static void a_lists_problems_come_in_the_language_asked_for(void)
{
	struct config *cfg = config_load("config/esimerkkila.ini");
	CHECK(cfg != NULL);
	if (!cfg)
		return;
	CHECK_STR(problems_in(NULL, cfg),
		  "kaikuprint: holders.csv:2: error: the card is already expired on the day of "
		  "printing 2027-03-01 (last day of validity 2026-12-01)\n"
		  "kaikuprint: holders.csv:3: error: issued 2027-03-02, later than the day of "
		  "printing 2027-03-01 (--today sets that day)\n"
		  "kaikuprint: holders.csv:4: error: children must be a whole number from 0 to 20: "
		  "(not shown)\n");
	CHECK_STR(problems_in("fi", cfg),
		  "kaikuprint: holders.csv:2: error: kortti on jo vanhentunut tulostuspäivänä "
		  "1.3.2027 (viimeinen voimassaolopäivä 1.12.2026)\n"
		  "kaikuprint: holders.csv:3: error: myöntämispäivä 2.3.2027 on myöhempi kuin "
		  "tulostuspäivä 1.3.2027\n"
		  "kaikuprint: holders.csv:4: error: children-sarakkeessa on oltava kokonaisluku "
		  "0–20: (ei näytetä)\n");
	CHECK_STR(problems_in("en", cfg),
		  "kaikuprint: holders.csv:2: error: the card has already expired on the day of "
		  "printing 1 March 2027 (last day of validity 1 December 2026)\n"
		  "kaikuprint: holders.csv:3: error: issued 2 March 2027, later than the day of "
		  "printing 1 March 2027\n"
		  "kaikuprint: holders.csv:4: error: children must be a whole number from 0 to 20: "
		  "(not shown)\n");
	config_free(cfg);
}

static void decimals_follow_the_language(void)
{
	char buf[16];
	CHECK_STR(msg_decimal(3.25, buf, sizeof(buf)), "3.2");
	msg_set_language("sv");
	CHECK_STR(msg_decimal(17.94, buf, sizeof(buf)), "17,9");
	msg_set_language("en");
	CHECK_STR(msg_decimal(17.94, buf, sizeof(buf)), "17.9");
	msg_set_language(NULL);
}

const struct unit_test unit_tests[] = {
	UNIT(translations_take_the_english_arguments),
	UNIT(every_msg_tr_in_the_sources_is_in_the_catalogue),
	UNIT(a_lists_problems_come_in_the_language_asked_for),
	UNIT(decimals_follow_the_language),
	{ NULL, NULL },
};
