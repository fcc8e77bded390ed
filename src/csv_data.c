/* csv_data: see csv_data.h. libcsv does the RFC 4180 parsing; this file keeps
 * line numbers (by feeding the parser one line at a time) and checks fields. */
#include "csv_data.h"
#include "diag.h"
#include "msg.h"
#include "fileio.h"
#include "utf8.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

struct csv_reader {
	struct csv_table *t;
	struct csv_record cur;  /* the record being read */
	int have_header;
	int line;               /* line of the chunk being fed */
	int too_many_fields;    /* the current record has more than CSV_MAX_FIELDS */
	int errors;
};

static int count_newlines(const char *s, size_t len)
{
	int n = 0;
	for (size_t i = 0; s && i < len; i++)
		n += s[i] == '\n';
	return n;
}

static void record_clear(struct csv_record *r)
{
	for (int i = 0; i < r->n_fields; i++)
		free(r->fields[i]);
	free(r->fields);
	memset(r, 0, sizeof(*r));
}

/* libcsv calls this for every field. */
static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *rd = data;
	struct csv_record *r = &rd->cur;
	if (r->n_fields == 0 && r->line == 0)
		r->line = rd->line - count_newlines(s, len);
	if (r->n_fields == CSV_MAX_FIELDS) {
		rd->too_many_fields = 1;
		return;
	}
	r->fields = xrealloc(r->fields, (size_t)(r->n_fields + 1) * sizeof(*r->fields));
	r->fields[r->n_fields++] = s ? xstrndup(s, len) : xstrdup("");
	/* xstrndup stops at a NUL byte: remember the real length for the check */
	if (s && strlen(r->fields[r->n_fields - 1]) != len) {
		free(r->fields[r->n_fields - 1]);
		r->fields[r->n_fields - 1] = xstrdup("\xff"); /* reported as invalid UTF-8 */
	}
}

static const char *column_name(const struct csv_reader *rd, int i, char *buf, size_t size)
{
	if (rd->have_header && i < rd->t->header.n_fields)
		snprintf(buf, size, msg_tr("column \"%s\""), rd->t->header.fields[i]);
	else
		snprintf(buf, size, msg_tr("column %d"), i + 1);
	return buf;
}

/* Report what is wrong with the fields of R; returns the number of errors. */
static int check_fields(struct csv_reader *rd, const struct csv_record *r)
{
	const char *name = rd->t->name;
	char col[CSV_MAX_FIELD + 32];
	int errors = 0;
	if (rd->too_many_fields) {
		diag_file(DIAG_ERROR, name, r->line, 0, msg_tr("more than %d fields"), CSV_MAX_FIELDS);
		errors++;
	}
	for (int i = 0; i < r->n_fields; i++) {
		size_t len = strlen(r->fields[i]);
		if (utf8_find_invalid(r->fields[i], len) != (size_t)-1) {
			diag_file(DIAG_ERROR, name, r->line, 0, msg_tr("invalid UTF-8 in %s"),
				  rd->have_header ? column_name(rd, i, col, sizeof(col)) : msg_tr("the header"));
			errors++;
		} else if (len > CSV_MAX_FIELD) {
			diag_file(DIAG_ERROR, name, r->line, 0, msg_tr("%s is longer than %d bytes"),
				  column_name(rd, i, col, sizeof(col)), CSV_MAX_FIELD);
			errors++;
		}
	}
	if (rd->have_header && r->n_fields != rd->t->header.n_fields && !rd->too_many_fields) {
		diag_file(DIAG_ERROR, name, r->line, 0, msg_tr("%d field%s, but the header has %d"),
			  r->n_fields, r->n_fields == 1 ? "" : "s", rd->t->header.n_fields);
		errors++;
	}
	return errors;
}

static int record_is_blank(const struct csv_record *r)
{
	for (int i = 0; i < r->n_fields; i++)
		if (r->fields[i][0])
			return 0;
	return 1;
}

/* libcsv calls this at the end of every record. */
static void on_record(int c, void *data)
{
	struct csv_reader *rd = data;
	struct csv_table *t = rd->t;
	(void)c;
	if (rd->cur.line == 0)
		rd->cur.line = rd->line;
	if (rd->have_header && record_is_blank(&rd->cur)) {
		record_clear(&rd->cur); /* a line of empty fields from a spreadsheet */
	} else if (check_fields(rd, &rd->cur)) {
		rd->errors++;
		record_clear(&rd->cur);
	} else if (!rd->have_header) {
		t->header = rd->cur;
		rd->have_header = 1;
	} else {
		if (t->n_rows == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 64;
			t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof(*t->rows));
		}
		t->rows[t->n_rows++] = rd->cur;
	}
	memset(&rd->cur, 0, sizeof(rd->cur));
	rd->too_many_fields = 0;
}

static void parser_start(struct csv_parser *p)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		xmalloc((size_t)-1); /* reports out of memory and exits */
}

/* Feed TEXT to libcsv one line at a time; after a syntax error, report it,
 * drop the record and start again on the next line. */
static void feed_lines(struct csv_reader *rd, struct csv_parser *p, const char *text, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
		if (csv_parse(p, text + pos, n, on_field, on_record, rd) != n) {
			diag_file(DIAG_ERROR, rd->t->name, rd->cur.line ? rd->cur.line : rd->line, 0,
				  msg_tr("malformed CSV: a quote inside an unquoted field, or text after "
					 "a closing quote (quote a field that contains quotes, commas or "
					 "line breaks)"));
			rd->errors++;
			record_clear(&rd->cur);
			csv_free(p);
			parser_start(p);
		}
		pos += n;
		rd->line++;
	}
}

struct csv_table *csv_table_parse(const char *name, const char *text, size_t len)
{
	struct csv_reader rd;
	struct csv_parser p;
	memset(&rd, 0, sizeof(rd));
	rd.t = xcalloc(1, sizeof(*rd.t));
	rd.t->name = xstrdup(name);
	rd.line = 1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3; /* byte order mark, as spreadsheets write it */
		len -= 3;
	}
	parser_start(&p);
	feed_lines(&rd, &p, text, len);
	rd.line--;
	if (csv_fini(&p, on_field, on_record, &rd) != 0) {
		diag_file(DIAG_ERROR, name, rd.cur.line ? rd.cur.line : rd.line, 0,
			  msg_tr("a quoted field is not closed before the end of the file"));
		rd.errors++;
		record_clear(&rd.cur);
	}
	csv_free(&p);
	if (!rd.have_header && rd.errors == 0) {
		diag_file(DIAG_ERROR, name, 0, 0, msg_tr("empty file: expected a header row"));
		rd.errors++;
	}
	if (!rd.have_header) {
		csv_table_free(rd.t);
		return NULL;
	}
	rd.t->errors = rd.errors;
	return rd.t;
}

struct csv_table *csv_table_read(const char *path)
{
	size_t len;
	char *text = file_read_all(path, "data file", CSV_MAX_BYTES, &len);
	struct csv_table *t;
	if (!text)
		return NULL;
	t = csv_table_parse(strcmp(path, "-") == 0 ? "<stdin>" : path, text, len);
	/* the bytes may hold names: clear them before giving the memory back */
	memset(text, 0, len);
	free(text);
	return t;
}

void csv_table_free(struct csv_table *t)
{
	if (!t)
		return;
	record_clear(&t->header);
	for (int i = 0; i < t->n_rows; i++)
		record_clear(&t->rows[i]);
	free(t->rows);
	free(t->name);
	free(t);
}

int csv_table_column(const struct csv_table *t, const char *name)
{
	for (int i = 0; i < t->header.n_fields; i++)
		if (strcmp(t->header.fields[i], name) == 0)
			return i;
	return -1;
}
