/*
 * ini_scan: the one pass over a region file. iniparser keeps no line
 * numbers, silently lets a repeated key win and cuts values at ';' or '#';
 * this pass finds those problems, remembers the line of every section and
 * key, so that every message can point at a line, and reads every value as
 * iniparser would (quotes removed, spaces trimmed): config.c hands them to
 * iniparser's dictionary, and the file is read and parsed once.
 */
#ifndef KP_INI_SCAN_H
#define KP_INI_SCAN_H

#include <stddef.h>

struct ini_entry {
	char *section; /* lower-case, as iniparser stores it */
	char *key;     /* lower-case; NULL for the section header itself */
	char *value;   /* as iniparser reads it; NULL for a section header */
	int line;
};

struct ini_scan {
	struct ini_entry *entries; /* in file order */
	int n, cap;
	void *index;               /* libxml2 hash: (section, key) -> line */
};

/* Scan TEXT (LEN bytes) of file PATH; reports every problem through diag.
 * Returns the number of errors found. SCAN must be zeroed; free with ini_scan_free. */
int ini_scan_text(struct ini_scan *scan, const char *path, const char *text, size_t len);
void ini_scan_free(struct ini_scan *scan);
/* Line of [SECTION] KEY (KEY NULL: the header), or 0 when not in the file. */
int ini_scan_line(const struct ini_scan *scan, const char *section, const char *key);

#endif
