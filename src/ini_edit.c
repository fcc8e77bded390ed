/* ini_edit: line-preserving edits of a region file; see ini_edit.h. */
#include "ini_edit.h"
#include "diag.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ini_doc {
	char **lines;          /* without line ends */
	int n, cap;
	const char **names;    /* section names (ini_edit_sections), rebuilt on demand */
	char **name_store;
	int n_names;
};

/* A section's lines: [start, end); its header is at HEADER. */
struct block {
	int start, header, end;
};

static void insert_line(struct ini_doc *d, int at, const char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->lines = xrealloc(d->lines, (size_t)d->cap * sizeof(*d->lines));
	}
	memmove(d->lines + at + 1, d->lines + at, (size_t)(d->n - at) * sizeof(*d->lines));
	d->lines[at] = xstrdup(text);
	d->n++;
}

static void delete_lines(struct ini_doc *d, int from, int to)
{
	for (int i = from; i < to; i++)
		free(d->lines[i]);
	memmove(d->lines + from, d->lines + to, (size_t)(d->n - to) * sizeof(*d->lines));
	d->n -= to - from;
}

struct ini_doc *ini_edit_parse(const char *text, size_t len)
{
	struct ini_doc *d = xcalloc(1, sizeof(*d));
	size_t i = 0;
	while (i < len) {
		size_t n = 0;
		char *line;
		while (i + n < len && text[i + n] != '\n')
			n++;
		line = xstrndup(text + i, n);
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		insert_line(d, d->n, line);
		free(line);
		i += n + 1;
	}
	return d;
}

static void forget_names(struct ini_doc *d)
{
	for (int i = 0; i < d->n_names; i++)
		free(d->name_store[i]);
	free(d->name_store);
	free(d->names);
	d->name_store = NULL;
	d->names = NULL;
	d->n_names = 0;
}

void ini_edit_free(struct ini_doc *d)
{
	if (!d)
		return;
	delete_lines(d, 0, d->n);
	forget_names(d);
	free(d->lines);
	free(d);
}

char *ini_edit_text(const struct ini_doc *d, size_t *len)
{
	size_t total = 1;
	char *text, *p;
	for (int i = 0; i < d->n; i++)
		total += strlen(d->lines[i]) + 1;
	p = text = xmalloc(total);
	for (int i = 0; i < d->n; i++) {
		size_t n = strlen(d->lines[i]);
		memcpy(p, d->lines[i], n);
		p[n] = '\n';
		p += n + 1;
	}
	*p = '\0';
	*len = (size_t)(p - text);
	return text;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int is_comment(const char *line)
{
	const char *s = skip_space(line);
	return *s == ';' || *s == '#';
}

static int is_blank(const char *line)
{
	return *skip_space(line) == '\0';
}

/* The section name of a header line "[name]" into BUF, or 0 if not a header. */
static int header_name(const char *line, char *buf, size_t size)
{
	const char *s = skip_space(line), *close;
	if (*s != '[' || !(close = strchr(s, ']')))
		return 0;
	s = skip_space(s + 1);
	while (close > s && (close[-1] == ' ' || close[-1] == '\t'))
		close--;
	snprintf(buf, size, "%.*s", (int)(close - s), s);
	return 1;
}

/* Does LINE set KEY ("key = ...")? Then *VALUE points after the '='. */
static int key_line(const char *line, const char *key, const char **value)
{
	const char *s = skip_space(line), *eq = strchr(s, '=');
	const char *end = eq;
	if (!eq || is_comment(line) || *s == '[')
		return 0;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if ((size_t)(end - s) != strlen(key) || strncasecmp(s, key, (size_t)(end - s)) != 0)
		return 0;
	*value = eq + 1;
	return 1;
}

static int is_key_line(const char *line)
{
	return !is_comment(line) && !is_blank(line) && *skip_space(line) != '[' && strchr(line, '=');
}

/* The blocks of every section, in order; returns how many (*OUT is the caller's). */
static int find_blocks(const struct ini_doc *d, struct block **out)
{
	struct block *b = xcalloc((size_t)d->n + 1, sizeof(*b));
	int n = 0;
	char name[256];
	for (int i = 0; i < d->n; i++) {
		int start = i;
		if (!header_name(d->lines[i], name, sizeof(name)))
			continue;
		while (start > 0 && is_comment(d->lines[start - 1]) &&
		       (n == 0 || start - 1 > b[n - 1].header))
			start--;
		if (n)
			b[n - 1].end = start;
		b[n].start = start;
		b[n].header = i;
		b[n].end = d->n;
		n++;
	}
	*out = b;
	return n;
}

/* Index of the block of SECTION, or -1. */
static int find_block(const struct ini_doc *d, const struct block *b, int n, const char *section)
{
	char name[256];
	for (int i = 0; i < n; i++)
		if (header_name(d->lines[b[i].header], name, sizeof(name)) &&
		    strcasecmp(name, section) == 0)
			return i;
	return -1;
}

int ini_edit_sections(const struct ini_doc *d_const, const char ***names)
{
	struct ini_doc *d = (struct ini_doc *)d_const; /* the name cache only */
	struct block *b;
	int n = find_blocks(d, &b);
	char name[256];
	forget_names(d);
	d->names = xcalloc((size_t)n + 1, sizeof(*d->names));
	d->name_store = xcalloc((size_t)n + 1, sizeof(*d->name_store));
	for (int i = 0; i < n; i++) {
		header_name(d->lines[b[i].header], name, sizeof(name));
		d->name_store[i] = xstrdup(name);
		d->names[i] = d->name_store[i];
	}
	d->n_names = n;
	free(b);
	*names = d->names;
	return n;
}

char *ini_edit_get(const struct ini_doc *d, const char *section, const char *key)
{
	struct block *b;
	int n = find_blocks(d, &b), k = find_block(d, b, n, section);
	char *value = NULL;
	for (int i = k < 0 ? 0 : b[k].header + 1; k >= 0 && i < b[k].end && !value; i++) {
		const char *v, *end;
		if (!key_line(d->lines[i], key, &v))
			continue;
		v = skip_space(v);
		end = v + strlen(v);
		while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end - v >= 2 && *v == '"' && end[-1] == '"') {
			v++;
			end--;
		}
		value = xstrndup(v, (size_t)(end - v));
	}
	free(b);
	return value;
}

/* VALUE as written after "key = ", quoted when iniparser would cut or trim
 * it; NULL when it cannot be written on one line. */
static char *format_value(const char *value)
{
	size_t n = strlen(value);
	int quote = strpbrk(value, ";#") || value[0] == ' ' || value[0] == '"' ||
		    value[0] == '\'' || (n && value[n - 1] == ' ');
	char *out;
	if (strpbrk(value, "\r\n") || (quote && strchr(value, '"')))
		return NULL;
	if (!quote)
		return xstrdup(value);
	out = xmalloc(n + 3);
	snprintf(out, n + 3, "\"%s\"", value);
	return out;
}

int ini_edit_set(struct ini_doc *d, const char *section, const char *key, const char *value)
{
	struct block *b;
	int n = find_blocks(d, &b), k = find_block(d, b, n, section), last_key, rc = 0;
	char *formatted = value && *value ? format_value(value) : NULL;
	if (k < 0 || (value && *value && !formatted)) {
		free(b);
		free(formatted);
		return -1;
	}
	last_key = b[k].header;
	for (int i = b[k].header + 1; i < b[k].end; i++) {
		const char *v;
		if (key_line(d->lines[i], key, &v)) {
			if (!formatted) {
				delete_lines(d, i, i + 1);
			} else {
				/* keep the key as written and the spacing before the '=' */
				size_t keep = (size_t)(v - d->lines[i]);
				char *line = xmalloc(keep + strlen(formatted) + 2);
				sprintf(line, "%.*s %s", (int)keep, d->lines[i], formatted);
				free(d->lines[i]);
				d->lines[i] = line;
			}
			goto done;
		}
		if (is_key_line(d->lines[i]))
			last_key = i;
	}
	if (formatted) {
		char *line = xmalloc(strlen(key) + strlen(formatted) + 4);
		sprintf(line, "%s = %s", key, formatted);
		insert_line(d, last_key + 1, line);
		free(line);
	}
done:
	free(b);
	free(formatted);
	return rc;
}

static int valid_name(const char *name)
{
	int dots = 0;
	if (!*name || *name == '.')
		return 0;
	for (const char *p = name; *p; p++) {
		if (*p == '.')
			dots++;
		else if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_' && *p != '-')
			return 0;
	}
	return dots <= 1 && name[strlen(name) - 1] != '.';
}

static size_t kind_length(const char *name)
{
	return strcspn(name, ".");
}

static int same_kind(const char *a, const char *b)
{
	return kind_length(a) == kind_length(b) && strncasecmp(a, b, kind_length(a)) == 0;
}

int ini_edit_add_section(struct ini_doc *d, const char *name)
{
	struct block *b;
	int n = find_blocks(d, &b), at = d->n;
	char other[256], *header;
	if (!valid_name(name) || find_block(d, b, n, name) >= 0) {
		free(b);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (header_name(d->lines[b[i].header], other, sizeof(other)) && same_kind(other, name))
			at = b[i].end;
	/* the new section goes before the blank lines that end the one before it */
	while (at > 0 && at < d->n && is_blank(d->lines[at - 1]))
		at--;
	header = xmalloc(strlen(name) + 3);
	sprintf(header, "[%s]", name);
	if (at > 0 && !is_blank(d->lines[at - 1]))
		insert_line(d, at++, "");
	insert_line(d, at++, header);
	if (at < d->n && !is_blank(d->lines[at]))
		insert_line(d, at, "");
	free(header);
	free(b);
	return 0;
}

int ini_edit_remove_section(struct ini_doc *d, const char *name)
{
	struct block *b;
	int n = find_blocks(d, &b), k = find_block(d, b, n, name);
	if (k < 0) {
		free(b);
		return -1;
	}
	delete_lines(d, b[k].start, b[k].end);
	free(b);
	return 0;
}

/* Lines [from, to) as a new array of copies. */
static char **copy_lines(const struct ini_doc *d, int from, int to)
{
	char **out = xcalloc((size_t)(to - from) + 1, sizeof(*out));
	for (int i = from; i < to; i++)
		out[i - from] = xstrdup(d->lines[i]);
	return out;
}

/* The block without its trailing blank lines: where those begin. */
static int content_end(const struct ini_doc *d, const struct block *b)
{
	int end = b->end;
	while (end > b->header + 1 && is_blank(d->lines[end - 1]))
		end--;
	return end;
}

int ini_edit_move_section(struct ini_doc *d, const char *name, int dir)
{
	struct block *b, first, second;
	int n = find_blocks(d, &b), k = find_block(d, b, n, name), other = -1;
	char sname[256];
	char **a_lines, **b_lines;
	int a_end, b_end, a_n, b_n;
	for (int i = k + (dir < 0 ? -1 : 1); k >= 0 && i >= 0 && i < n && other < 0; i += dir < 0 ? -1 : 1)
		if (header_name(d->lines[b[i].header], sname, sizeof(sname)) && same_kind(sname, name))
			other = i;
	if (other < 0) {
		free(b);
		return -1;
	}
	first = b[k < other ? k : other];
	second = b[k < other ? other : k];
	free(b);
	/* swap the contents; each place keeps its own trailing blank lines */
	a_end = content_end(d, &first);
	b_end = content_end(d, &second);
	a_n = a_end - first.start;
	b_n = b_end - second.start;
	a_lines = copy_lines(d, first.start, a_end);
	b_lines = copy_lines(d, second.start, b_end);
	delete_lines(d, second.start, b_end);
	for (int i = a_n - 1; i >= 0; i--)
		insert_line(d, second.start, a_lines[i]);
	delete_lines(d, first.start, a_end);
	for (int i = b_n - 1; i >= 0; i--)
		insert_line(d, first.start, b_lines[i]);
	for (int i = 0; i < a_n; i++)
		free(a_lines[i]);
	for (int i = 0; i < b_n; i++)
		free(b_lines[i]);
	free(a_lines);
	free(b_lines);
	return 0;
}
