/*
 * diag: the one diagnostics catalogue of kaikuprint.
 *
 * Every message names where the problem is and has the form
 *   kaikuprint: FILE:LINE:COL: LEVEL: text          (templates, files)
 *   kaikuprint: FILE: [section] key: LEVEL: text     (region config)
 *   kaikuprint: FILE:ROW: LEVEL: text                (CSV data; row only)
 * The exit status of the program is derived from the worst level seen.
 * Privacy: callers never pass personal data (holder names) in a message.
 */
#ifndef KP_DIAG_H
#define KP_DIAG_H

#include <stdio.h>

enum diag_level {
	DIAG_OK = 0,      /* nothing reported */
	DIAG_WARNING = 1, /* output is still written */
	DIAG_ERROR = 2,   /* input is wrong: no output is written */
	DIAG_FATAL = 3    /* the system failed (I/O, memory): no output */
};

/* Exit codes documented in the man page and --help. */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,  /* bad input: template, config or data */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_SYSTEM = 3  /* I/O failure, out of memory, missing font file */
};

/* Where a message points; any field may be 0/NULL when unknown. */
struct diag_loc {
	const char *file;    /* path as the user gave it */
	int line;            /* 1-based, 0 = none */
	int col;             /* 1-based, 0 = none */
	const char *section; /* INI section, NULL when not an INI location */
	const char *key;     /* INI key, NULL for a whole section */
};

/* Send messages to STREAM instead of stderr (tests); NULL restores stderr. */
void diag_set_stream(FILE *stream);
/* Silence warnings (errors are always printed). */
void diag_set_quiet(int quiet);
int diag_get_quiet(void);
/* Between begin and end, a warning or error identical to one printed since
 * the outermost begin (same place, same text) is counted but not printed
 * again: a card batch lays out the same template once a sheet, and `check`
 * the same template once a language. Scopes nest. */
void diag_once_begin(void);
void diag_once_end(void);

/* Report a message at LOC with printf-style text. */
void diag_at(enum diag_level level, const struct diag_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shorthands. */
void diag_file(enum diag_level level, const char *file, int line, int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_ini(enum diag_level level, const char *file, int line, const char *section,
	      const char *key, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A message without a place (command line, system). */
void diag_plain(enum diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Worst level reported since the last diag_reset(). */
enum diag_level diag_worst(void);
/* Number of errors (ERROR or FATAL) since the last reset. */
int diag_error_count(void);
void diag_reset(void);
/* Exit status for the worst level seen. */
int diag_exit_status(void);

/* Abort with a FATAL message when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
