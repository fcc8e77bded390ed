/* test_csv_data: CSV reading (libcsv underneath): line numbers of records,
 * quoting, byte order mark, CRLF, blank lines, and every problem reported
 * with its line and without the field's text. */
#include "unit.h"

#include "csv_data.h"
#include "diag.h"

#include <string.h>

static struct csv_table *parse(const char *text)
{
	return csv_table_parse("h.csv", text, strlen(text));
}

static void lines_of_records(void)
{
	struct csv_table *t = parse("name,issued,children\n"
				    "\"Aino, A\",2027-01-01,0\n"
				    "\n"
				    "\"Two\nlines\",2027-01-02,1\n"
				    "Åsa,2027-01-03,2\n");
	if (!CHECK(t != NULL))
		return;
	CHECK_INT(t->header.line, 1);
	CHECK_INT(t->n_rows, 3);
	CHECK_INT(t->rows[0].line, 2);
	CHECK_STR(t->rows[0].fields[0], "Aino, A");
	CHECK_INT(t->rows[1].line, 4);
	CHECK_STR(t->rows[1].fields[0], "Two\nlines");
	CHECK_INT(t->rows[2].line, 6);
	CHECK_STR(t->rows[2].fields[0], "Åsa");
	CHECK_INT(csv_table_column(t, "children"), 2);
	CHECK_INT(csv_table_column(t, "type"), -1);
	csv_table_free(t);
}

static void bom_crlf_quotes_and_blank_records(void)
{
	struct csv_table *t = parse("\xef\xbb\xbfname,children\r\n"
				    "\"Say \"\"hi\"\"\",1\r\n"
				    ",\r\n"
				    "  Padded  ,2\r\n");
	if (!CHECK(t != NULL))
		return;
	CHECK_STR(t->header.fields[0], "name");
	CHECK_INT(t->n_rows, 2);
	CHECK_STR(t->rows[0].fields[0], "Say \"hi\"");
	CHECK_STR(t->rows[1].fields[0], "Padded");
	CHECK_INT(t->rows[1].line, 4);
	csv_table_free(t);
}

static void every_bad_record_reported(void)
{
	const char *msgs;
	struct csv_table *t;
	unit_capture_start();
	t = parse("name,children\n"
		  "Secretname One,1,extra\n"      /* 2: too many fields */
		  "Secretname Two\n"              /* 3: too few */
		  "Secret\xffname,1\n"             /* 4: invalid UTF-8 */
		  "Secret\"name\" Four,1\n"       /* 5: quote in an unquoted field */
		  "Fine,0\n"                      /* 6 */
		  "\"Secretname Six,1\n");        /* 7: quote never closed */
	msgs = unit_capture_end();
	if (CHECK(t != NULL)) {
		CHECK_INT(t->errors, 5);
		CHECK_INT(t->n_rows, 1); /* the good record, line 6 */
		CHECK_INT(t->rows[0].line, 6);
	}
	CHECK_STR(msgs,
		  "kaikuprint: h.csv:2: error: 3 fields, but the header has 2\n"
		  "kaikuprint: h.csv:3: error: 1 field, but the header has 2\n"
		  "kaikuprint: h.csv:4: error: invalid UTF-8 in column \"name\"\n"
		  "kaikuprint: h.csv:5: error: malformed CSV: a quote inside an unquoted field, or "
		  "text after a closing quote (quote a field that contains quotes, commas or line "
		  "breaks)\n"
		  "kaikuprint: h.csv:7: error: a quoted field is not closed before the end of the file\n");
	CHECK(strstr(msgs, "Secret") == NULL);
	csv_table_free(t);
}

static void empty_input(void)
{
	const char *msgs;
	unit_capture_start();
	CHECK(parse("") == NULL);
	msgs = unit_capture_end();
	CHECK_STR(msgs, "kaikuprint: h.csv: error: empty file: expected a header row\n");
}

const struct unit_test unit_tests[] = {
	UNIT(lines_of_records),
	UNIT(bom_crlf_quotes_and_blank_records),
	UNIT(every_bad_record_reported),
	UNIT(empty_input),
	{ NULL, NULL }
};
