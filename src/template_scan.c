/* template_scan: one linear pass over a template's bytes before libxml2 sees
 * it, for what libxml2 would accept, or accept too slowly: declarations
 * (DOCTYPE, ENTITY) outside comments, and elements with more attributes than
 * TEMPLATE_MAX_ATTRS (libxml2 2.9 checks duplicate attributes in quadratic
 * time: 50,000 attributes took 21 s). Also where a byte offset is, as line
 * and column, in constant time per look-up. */
#include "template_internal.h"
#include "diag.h"

#include <string.h>

enum { CP_STEP = 64 }; /* a code-point count is kept every CP_STEP bytes */

void template_index(struct template *t)
{
	int cap = 256;
	size_t n_marks = t->len / CP_STEP + 1, count = 0;
	t->line_starts = xmalloc((size_t)cap * sizeof(size_t));
	t->line_starts[0] = 0;
	t->n_lines = 1;
	t->cp_marks = xmalloc(n_marks * sizeof(*t->cp_marks));
	for (size_t i = 0; i < t->len; i++) {
		if (i % CP_STEP == 0)
			t->cp_marks[i / CP_STEP] = count;
		count += ((unsigned char)t->text[i] & 0xC0) != 0x80;
		if (t->text[i] != '\n')
			continue;
		if (t->n_lines == cap) {
			cap *= 2;
			t->line_starts = xrealloc(t->line_starts, (size_t)cap * sizeof(size_t));
		}
		t->line_starts[t->n_lines++] = i + 1;
	}
	if (t->len % CP_STEP == 0)
		t->cp_marks[t->len / CP_STEP] = count;
}

/* Code points in the first OFF bytes. */
static size_t code_points_before(const struct template *t, size_t off)
{
	size_t n = t->cp_marks[off / CP_STEP];
	for (size_t i = off / CP_STEP * CP_STEP; i < off; i++)
		n += ((unsigned char)t->text[i] & 0xC0) != 0x80;
	return n;
}

int template_offset_line(const struct template *t, size_t off)
{
	int lo = 0, hi = t->n_lines - 1;
	while (lo < hi) { /* the last line starting at or before OFF */
		int mid = (lo + hi + 1) / 2;
		if (t->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo + 1;
}

int template_offset_column(const struct template *t, size_t off)
{
	size_t start = t->line_starts[template_offset_line(t, off) - 1];
	if (off > t->len)
		off = t->len;
	return (int)(code_points_before(t, off) - code_points_before(t, start)) + 1;
}

static void scan_error(const struct template *t, size_t off, const char *msg)
{
	diag_file(DIAG_ERROR, t->path, template_offset_line(t, off),
		  template_offset_column(t, off), "%s", msg);
}

/* Offset just past the first END at or after FROM, or the text's end. */
static size_t skip_past(const struct template *t, size_t from, const char *end)
{
	const char *hit = memmem(t->text + from, t->len - from, end, strlen(end));
	return hit ? (size_t)(hit - t->text) + strlen(end) : t->len;
}

static int starts(const struct template *t, size_t i, const char *s)
{
	size_t n = strlen(s);
	return t->len - i >= n && memcmp(t->text + i, s, n) == 0;
}

/* A start or end tag at I: past its '>', counting attributes ('=' outside
 * quotes); reports too many once. */
static size_t scan_tag(const struct template *t, size_t i, int *errors)
{
	size_t at = i;
	long attrs = 0;
	char quote = 0;
	for (i++; i < t->len; i++) {
		char c = t->text[i];
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '=') {
			attrs++;
		} else if (c == '>' || c == '<') {
			break;
		}
	}
	if (attrs > TEMPLATE_MAX_ATTRS) {
		char msg[96];
		snprintf(msg, sizeof(msg), "an element with %ld attributes (at most %d are allowed)",
			 attrs, TEMPLATE_MAX_ATTRS);
		scan_error(t, at, msg);
		(*errors)++;
	}
	return i < t->len && t->text[i] == '>' ? i + 1 : i;
}

int template_scan(const struct template *t)
{
	int errors = 0;
	size_t i = 0;
	while (i < t->len) {
		const char *lt = memchr(t->text + i, '<', t->len - i);
		if (!lt)
			break;
		i = (size_t)(lt - t->text);
		if (starts(t, i, "<!--")) {
			i = skip_past(t, i + 4, "-->");
		} else if (starts(t, i, "<![CDATA[")) {
			i = skip_past(t, i + 9, "]]>");
		} else if (starts(t, i, "<?")) {
			i = skip_past(t, i + 2, "?>");
		} else if (starts(t, i, "<!DOCTYPE") || starts(t, i, "<!ENTITY")) {
			/* each declaration is reported, also those inside a DOCTYPE */
			scan_error(t, i, "DOCTYPE and ENTITY declarations are not allowed in templates");
			errors++;
			i += 8;
		} else if (starts(t, i, "<!")) {
			i += 2; /* not XML: libxml2 says what is wrong */
		} else {
			i = scan_tag(t, i, &errors);
		}
	}
	return errors;
}
