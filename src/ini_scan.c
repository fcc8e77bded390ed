/* ini_scan: see ini_scan.h. */
#include "ini_scan.h"
#include "diag.h"
#include "utf8.h"

#include <libxml/hash.h>

#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { INI_MAX_LINE = 1000 }; /* iniparser's own buffer is 1024 bytes */

static char *lower_trimmed(const char *s, size_t n)
{
	char *r;
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	r = xstrndup(s, n);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

static void scan_add(struct ini_scan *scan, const char *section, char *key, char *value,
		     int line)
{
	if (scan->n == scan->cap) {
		scan->cap = scan->cap ? scan->cap * 2 : 64;
		scan->entries = xrealloc(scan->entries, (size_t)scan->cap * sizeof(*scan->entries));
	}
	scan->entries[scan->n].section = xstrdup(section);
	scan->entries[scan->n].key = key;
	scan->entries[scan->n].value = value;
	scan->entries[scan->n].line = line;
	if (!scan->index)
		scan->index = xmlHashCreate(256);
	/* "" stands for the section header itself. */
	xmlHashAddEntry2(scan->index, (const xmlChar *)section,
			 (const xmlChar *)(key ? key : ""), (void *)(intptr_t)line);
	scan->n++;
}

static int valid_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' && *s != '-')
			return 0;
	return 1;
}

/* The keys under a broken header belong to no real section: give them a
 * name no header can have, so that they are not taken for repeats of the
 * section before it. */
static void unusable_section(char **section, int line)
{
	char name[32];
	snprintf(name, sizeof(name), " broken header %d", line);
	free(*section);
	*section = xstrdup(name);
}

static int scan_section(struct ini_scan *scan, const char *path, const char *p,
			size_t n, int line, char **section)
{
	const char *close = memchr(p, ']', n);
	char *name;
	int prev;
	if (!close || close != p + n - 1) {
		diag_file(DIAG_ERROR, path, line, 1, "section header must be [name] alone on its line");
		unusable_section(section, line);
		return 1;
	}
	name = lower_trimmed(p + 1, (size_t)(close - p - 1));
	if (!valid_name(name)) {
		diag_file(DIAG_ERROR, path, line, 2,
			  "section name may use only letters, digits, '.', '-' and '_'");
		free(name);
		unusable_section(section, line);
		return 1;
	}
	prev = ini_scan_line(scan, name, NULL);
	free(*section);
	*section = name;
	if (prev) {
		diag_file(DIAG_ERROR, path, line, 1,
			  "section [%s] appears twice (first on line %d)", name, prev);
		return 1;
	}
	scan_add(scan, name, NULL, NULL, line);
	return 0;
}

/* An unquoted value loses everything from ';' or '#' on in iniparser. The
 * value as iniparser reads it goes to *OUT: between the quotes of a quoted
 * one, else the text with its spaces trimmed (the line's end is trimmed). */
static int scan_value(const char *path, int line, int col, const char *v, size_t n, char **out)
{
	size_t i = 0;
	while (i < n && isspace((unsigned char)v[i]))
		i++;
	*out = NULL;
	if (i < n && (v[i] == '"' || v[i] == '\'')) {
		const char *end = memchr(v + i + 1, v[i], n - i - 1);
		size_t j;
		if (!end) {
			diag_file(DIAG_ERROR, path, line, col + (int)i, "unbalanced quote in value");
			return 1;
		}
		/* iniparser drops anything after the closing quote: allow only a comment. */
		for (j = (size_t)(end - v) + 1; j < n && isspace((unsigned char)v[j]); j++)
			;
		if (j < n && v[j] != ';' && v[j] != '#') {
			diag_file(DIAG_ERROR, path, line, col + (int)j,
				  "text after the closing quote would be lost; quote the whole value");
			return 1;
		}
		*out = xstrndup(v + i + 1, (size_t)(end - v) - i - 1);
		return 0;
	}
	for (size_t j = i; j < n; j++) {
		if (v[j] == ';' || v[j] == '#') {
			diag_file(DIAG_ERROR, path, line, col + (int)j,
				  "'%c' would start a comment here; put the whole value in double quotes",
				  v[j]);
			return 1;
		}
	}
	*out = xstrndup(v + i, n - i);
	return 0;
}

static int scan_key(struct ini_scan *scan, const char *path, const char *p, size_t n,
		    int line, const char *section)
{
	const char *eq = memchr(p, '=', n);
	char *key, *value;
	int prev, errors;
	if (!eq) {
		diag_file(DIAG_ERROR, path, line, 1, "expected 'key = value', a [section] or a comment");
		return 1;
	}
	key = lower_trimmed(p, (size_t)(eq - p));
	if (!valid_name(key)) {
		diag_file(DIAG_ERROR, path, line, 1, "not a valid key name: '%s'", key);
		free(key);
		return 1;
	}
	if (!section) {
		diag_file(DIAG_ERROR, path, line, 1, "key '%s' comes before any [section]", key);
		free(key);
		return 1;
	}
	prev = ini_scan_line(scan, section, key);
	if (prev) {
		diag_file(DIAG_ERROR, path, line, 1, "[%s] %s is set twice (first on line %d)",
			  section, key, prev);
		free(key);
		return 1;
	}
	/* a bad value still takes its key's place: a repeat is reported too */
	errors = scan_value(path, line, (int)(eq - p) + 2, eq + 1, n - (size_t)(eq - p) - 1, &value);
	scan_add(scan, section, key, value, line);
	return errors;
}

static int scan_line(struct ini_scan *scan, const char *path, const char *p, size_t n,
		     int line, char **section)
{
	size_t lead = 0;
	const char *cr = memchr(p, '\r', n);
	/* iniparser ends lines at LF only: text after a bare CR (old Mac line
	 * ends, or a stray one in a comment) would hide what follows it */
	if (cr && cr != p + n - 1) {
		int errors = 1;
		diag_file(DIAG_ERROR, path, line, (int)(cr - p) + 1,
			  "carriage return (CR) inside a line; save the file with LF or CRLF line ends");
		/* the parts are read as lines, so that no later message is misled */
		for (const char *end = p + n; p < end; p = cr + 1) {
			cr = memchr(p, '\r', (size_t)(end - p));
			if (!cr)
				cr = end;
			errors += scan_line(scan, path, p, (size_t)(cr - p), line, section);
		}
		return errors;
	}
	if (n > INI_MAX_LINE) {
		diag_file(DIAG_ERROR, path, line, 1, "line is longer than %d bytes", INI_MAX_LINE);
		return 1;
	}
	if (memchr(p, '\0', n)) {
		diag_file(DIAG_ERROR, path, line, (int)((const char *)memchr(p, '\0', n) - p) + 1,
			  "NUL byte in text");
		return 1;
	}
	if (utf8_find_invalid(p, n) != (size_t)-1) {
		diag_file(DIAG_ERROR, path, line, (int)utf8_find_invalid(p, n) + 1,
			  "invalid UTF-8; save the file as UTF-8");
		return 1;
	}
	while (n > 0 && (p[n - 1] == '\r' || isspace((unsigned char)p[n - 1])))
		n--;
	while (lead < n && isspace((unsigned char)p[lead]))
		lead++;
	p += lead;
	n -= lead;
	if (n == 0 || *p == ';' || *p == '#')
		return 0;
	if (p[n - 1] == '\\') {
		diag_file(DIAG_ERROR, path, line, (int)(lead + n),
			  "line continuation with '\\' is not supported");
		return 1;
	}
	if (*p == '[')
		return scan_section(scan, path, p, n, line, section);
	return scan_key(scan, path, p, n, line, *section);
}

int ini_scan_text(struct ini_scan *scan, const char *path, const char *text, size_t len)
{
	char *section = NULL;
	int errors = 0, line = 1;
	size_t pos = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* byte-order mark from Windows editors: accepted */
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - text - pos) : len - pos;
		errors += scan_line(scan, path, text + pos, n, line, &section);
		pos += n + 1;
		line++;
	}
	free(section);
	return errors;
}

void ini_scan_free(struct ini_scan *scan)
{
	for (int i = 0; i < scan->n; i++) {
		free(scan->entries[i].section);
		free(scan->entries[i].key);
		free(scan->entries[i].value);
	}
	free(scan->entries);
	if (scan->index)
		xmlHashFree(scan->index, NULL);
	memset(scan, 0, sizeof(*scan));
}

int ini_scan_line(const struct ini_scan *scan, const char *section, const char *key)
{
	if (!scan->index)
		return 0;
	return (int)(intptr_t)xmlHashLookup2(scan->index, (const xmlChar *)section,
					     (const xmlChar *)(key ? key : ""));
}
