/*
 * csv_data: a CSV file (RFC 4180, UTF-8, a header row) read with libcsv into
 * a table of text fields. Every record knows the line it starts on, so that a
 * message can say "holders.csv:17: error: ...". Fields may be personal data:
 * no field value ever goes into a message, only line numbers and column names.
 *
 * Memory: the table and everything in it belong to the caller (csv_table_free).
 */
#ifndef KP_CSV_DATA_H
#define KP_CSV_DATA_H

#include <stddef.h>

enum {
	CSV_MAX_BYTES = 64 * 1024 * 1024, /* largest file read */
	CSV_MAX_FIELD = 1000,             /* longest field, in bytes */
	CSV_MAX_FIELDS = 64               /* most fields in a record */
};

struct csv_record {
	char **fields;   /* NUL-terminated UTF-8, spaces around unquoted fields trimmed */
	int n_fields;
	int line;        /* line the record starts on; the header is line 1 */
};

struct csv_table {
	char *name;               /* the file as given ("-" reads as "<stdin>") */
	struct csv_record header; /* the first record */
	struct csv_record *rows;  /* the good records after the header, blank lines skipped */
	int n_rows, cap;
	int errors;               /* records dropped after reporting their problems */
};

/* Read PATH ("-" = standard input). Reports every problem (malformed
 * quoting, invalid UTF-8, over-long fields, a wrong number of fields) with its
 * line, drops that record and counts it in ->errors, so that the caller can
 * go on checking the other records and report them all. Returns NULL after
 * reporting when there is no table at all (unreadable or empty file). */
struct csv_table *csv_table_read(const char *path);
/* Same from TEXT (LEN bytes); NAME names the bytes in messages. */
struct csv_table *csv_table_parse(const char *name, const char *text, size_t len);
void csv_table_free(struct csv_table *t);
/* Index of column NAME in the header, or -1. */
int csv_table_column(const struct csv_table *t, const char *name);

#endif
