/* test_ini_edit: the region file edited in place by line (ini_edit.h):
 * values replaced after their '=', keys added after their section's last
 * key, sections added, removed and reordered with their comments, and every
 * line nobody touched left exactly as it was. */
#include "unit.h"

#include "ini_edit.h"

#include <stdlib.h>
#include <string.h>

static const char sample[] =
	"; a region\n"
	"\n"
	"[region]\n"
	"name   =  Esimerkkilä ; not a comment here\n"
	"year = 2027\n"
	"\n"
	"; the theatre\n"
	"[venue.theatre]\n"
	"name = Teatteri\n"
	"\n"
	"[venue.museum]\n"
	"Name = Museo\n"
	"url = \"https://example.fi/a;b\"\n"
	"\n"
	"[question.q1]\n"
	"text = Mitä?\n";

static char *edited(struct ini_doc *d)
{
	size_t len;
	char *text = ini_edit_text(d, &len);
	CHECK_INT(strlen(text), len);
	return text;
}

static void round_trip_is_exact(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text = edited(d);
	CHECK_STR(text, sample);
	free(text);
	ini_edit_free(d);
}

static void get_values(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *v = ini_edit_get(d, "venue.museum", "name");
	CHECK_STR(v, "Museo");
	free(v);
	v = ini_edit_get(d, "VENUE.MUSEUM", "url");
	CHECK_STR(v, "https://example.fi/a;b");
	free(v);
	CHECK(ini_edit_get(d, "venue.museum", "offer") == NULL);
	CHECK(ini_edit_get(d, "venue.none", "name") == NULL);
	ini_edit_free(d);
}

static void set_replaces_only_the_value(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text;
	CHECK_INT(ini_edit_set(d, "region", "year", "2028"), 0);
	CHECK_INT(ini_edit_set(d, "venue.museum", "name", "Taidemuseo"), 0);
	text = edited(d);
	CHECK(strstr(text, "\nyear = 2028\n") != NULL);
	CHECK(strstr(text, "\nName = Taidemuseo\n") != NULL); /* the key as written */
	CHECK(strstr(text, "; the theatre\n[venue.theatre]\n") != NULL);
	CHECK(strstr(text, "name   =  Esimerkkilä ; not a comment here\n") != NULL);
	free(text);
	ini_edit_free(d);
}

static void set_adds_after_the_last_key(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text;
	CHECK_INT(ini_edit_set(d, "venue.theatre", "offer", "Liput; kaksi"), 0);
	text = edited(d);
	CHECK(strstr(text, "[venue.theatre]\nname = Teatteri\noffer = \"Liput; kaksi\"\n\n[venue.museum]") != NULL);
	free(text);
	ini_edit_free(d);
}

static void set_empty_removes_the_key(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text;
	CHECK_INT(ini_edit_set(d, "venue.museum", "url", ""), 0);
	text = edited(d);
	CHECK(strstr(text, "url") == NULL);
	CHECK(strstr(text, "Name = Museo\n\n[question.q1]") != NULL);
	free(text);
	ini_edit_free(d);
}

static void set_refuses_what_cannot_be_written(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	CHECK_INT(ini_edit_set(d, "region", "name", "two\nlines"), -1);
	CHECK_INT(ini_edit_set(d, "region", "name", "\"quoted\"; and more"), -1);
	CHECK_INT(ini_edit_set(d, "venue.none", "name", "x"), -1);
	ini_edit_free(d);
}

static void add_section_after_its_kind(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text;
	CHECK_INT(ini_edit_add_section(d, "venue.library"), 0);
	CHECK_INT(ini_edit_add_section(d, "venue.library"), -1);
	CHECK_INT(ini_edit_add_section(d, "Venue.Bad Name"), -1);
	CHECK_INT(ini_edit_add_section(d, "issuer.unit1"), 0);
	CHECK_INT(ini_edit_set(d, "venue.library", "name", "Kirjasto"), 0);
	text = edited(d);
	CHECK(strstr(text, "url = \"https://example.fi/a;b\"\n\n[venue.library]\nname = Kirjasto\n\n[question.q1]") != NULL);
	CHECK(strstr(text, "text = Mitä?\n\n[issuer.unit1]\n") != NULL);
	free(text);
	ini_edit_free(d);
}

static void remove_section_with_its_comment(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	char *text;
	CHECK_INT(ini_edit_remove_section(d, "venue.theatre"), 0);
	CHECK_INT(ini_edit_remove_section(d, "venue.theatre"), -1);
	text = edited(d);
	CHECK(strstr(text, "theatre") == NULL);
	CHECK(strstr(text, "year = 2027\n\n[venue.museum]") != NULL);
	free(text);
	ini_edit_free(d);
}

static void move_section_swaps_with_its_kind(void)
{
	struct ini_doc *d = ini_edit_parse(sample, strlen(sample));
	const char **names;
	char *text;
	CHECK_INT(ini_edit_move_section(d, "venue.theatre", -1), -1); /* first of its kind */
	CHECK_INT(ini_edit_move_section(d, "venue.museum", 1), -1);   /* last of its kind */
	CHECK_INT(ini_edit_move_section(d, "venue.museum", -1), 0);
	CHECK_INT(ini_edit_sections(d, &names), 4);
	CHECK_STR(names[1], "venue.museum");
	CHECK_STR(names[2], "venue.theatre");
	text = edited(d);
	CHECK(strstr(text, "[venue.museum]\nName = Museo\nurl = \"https://example.fi/a;b\"\n\n"
			   "; the theatre\n[venue.theatre]\nname = Teatteri\n\n[question.q1]") != NULL);
	free(text);
	CHECK_INT(ini_edit_move_section(d, "venue.museum", 1), 0);
	text = edited(d);
	CHECK_STR(text, sample);
	free(text);
	ini_edit_free(d);
}

const struct unit_test unit_tests[] = {
	UNIT(round_trip_is_exact),
	UNIT(get_values),
	UNIT(set_replaces_only_the_value),
	UNIT(set_adds_after_the_last_key),
	UNIT(set_empty_removes_the_key),
	UNIT(set_refuses_what_cannot_be_written),
	UNIT(add_section_after_its_kind),
	UNIT(remove_section_with_its_comment),
	UNIT(move_section_swaps_with_its_kind),
	{ NULL, NULL }
};
