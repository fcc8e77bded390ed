/* test_ini_scan: the region file is parsed once, by ini_scan, and config.c
 * hands its values to iniparser's dictionary; here every value ini_scan
 * reads is compared with what iniparser_load reads from the same file. */
#include "unit.h"

#include "diag.h"
#include "ini_scan.h"

#include <iniparser/iniparser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Quotes, comments after them, spaces, empty values, upper case names. */
static const char tricky[] =
	"\xEF\xBB\xBF; a comment\n"
	"[Region]\n"
	"name =   Esimerkkilä   \n"
	"name_sv = \"  Exempelby; med mellanslag \"  ; a comment after the quotes\n"
	"web='https://www.example.fi/a#b'\n"
	"Empty =\n"
	"quoted_empty = \"\"\n"
	"single_empty = ''\n"
	"equals = a = b\n"
	"\n"
	"[coordinator.Culture]\r\n"
	"  name = Kalle \"Kulttuuri\" Koe\r\n"
	"# the end\n";

static void values_as_iniparser_reads_them(void)
{
	struct ini_scan scan = { 0 };
	char path[256], full[512];
	dictionary *d;
	int fd, headers = 0;
	FILE *f;
	snprintf(path, sizeof(path), "%s/kp-ini-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(path);
	CHECK(fd >= 0);
	f = fdopen(fd, "w");
	fputs(tricky + 3, f); /* iniparser does not take the byte-order mark; ini_scan does */
	fclose(f);
	CHECK_INT(ini_scan_text(&scan, path, tricky, strlen(tricky)), 0);
	d = iniparser_load(path);
	unlink(path);
	CHECK(d != NULL);
	for (int i = 0; d && i < scan.n; i++) {
		const struct ini_entry *e = &scan.entries[i];
		if (!e->key) {
			headers++;
			CHECK(iniparser_find_entry(d, e->section));
			continue;
		}
		snprintf(full, sizeof(full), "%s:%s", e->section, e->key);
		CHECK_STR(e->value, iniparser_getstring(d, full, "(missing)"));
	}
	CHECK_INT(scan.n, 10);
	CHECK_INT(headers, 2);
	CHECK_INT(iniparser_getnsec(d), 2);
	iniparser_freedict(d);
	ini_scan_free(&scan);
}

const struct unit_test unit_tests[] = {
	UNIT(values_as_iniparser_reads_them),
	{ NULL, NULL }
};
