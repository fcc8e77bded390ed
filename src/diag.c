/* diag: formatting and counting of diagnostics; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static FILE *diag_stream;
static int diag_quiet;
static enum diag_level worst;
static int errors;

static const char *const level_names[] = { "ok", "warning", "error", "fatal" };

/* Messages printed while repeats are hidden: hashes of place and text. */
static unsigned long long *seen; /* hashes of the messages printed, grown as needed */
static int n_seen, cap_seen, once_depth;

void diag_set_stream(FILE *stream) { diag_stream = stream; }

void diag_once_begin(void) { once_depth++; }

void diag_once_end(void)
{
	if (once_depth > 0 && --once_depth > 0)
		return; /* an outer scope still hides its repeats */
	n_seen = 0;
	free(seen);
	seen = NULL;
	cap_seen = 0;
}

static unsigned long long hash_text(unsigned long long h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL; /* FNV-1a */
	return h;
}

/* 1 when this message was printed already since the outermost diag_once_begin(). */
__attribute__((format(printf, 2, 0)))
static int repeated(const struct diag_loc *loc, const char *fmt, va_list ap)
{
	char text[512], place[64];
	unsigned long long h;
	va_list copy;
	va_copy(copy, ap);
	vsnprintf(text, sizeof(text), fmt, copy);
	va_end(copy);
	snprintf(place, sizeof(place), ":%d:%d:", loc ? loc->line : 0, loc ? loc->col : 0);
	h = hash_text(hash_text(hash_text(14695981039346656037ULL, loc ? loc->file : NULL), place),
		      text);
	for (int i = 0; i < n_seen; i++)
		if (seen[i] == h)
			return 1;
	if (n_seen == cap_seen) {
		cap_seen = cap_seen ? cap_seen * 2 : 64;
		seen = xrealloc(seen, (size_t)cap_seen * sizeof(*seen));
	}
	seen[n_seen++] = h;
	return 0;
}
void diag_set_quiet(int quiet) { diag_quiet = quiet; }
int diag_get_quiet(void) { return diag_quiet; }

__attribute__((format(printf, 3, 0)))
static void diag_vreport(enum diag_level level, const struct diag_loc *loc,
			 const char *fmt, va_list ap)
{
	FILE *out = diag_stream ? diag_stream : stderr;

	if (level > worst)
		worst = level;
	if (level >= DIAG_ERROR)
		errors++;
	if (level == DIAG_WARNING && diag_quiet)
		return;
	if ((level == DIAG_WARNING || level == DIAG_ERROR) && once_depth && repeated(loc, fmt, ap))
		return; /* counted above, shown once */
	fputs("kaikuprint: ", out);
	if (loc && loc->file) {
		fputs(loc->file, out);
		if (loc->line > 0)
			fprintf(out, ":%d", loc->line);
		if (loc->line > 0 && loc->col > 0)
			fprintf(out, ":%d", loc->col);
		fputs(": ", out);
	}
	if (loc && loc->section) {
		fprintf(out, "[%s] ", loc->section);
		if (loc->key)
			fprintf(out, "%s: ", loc->key);
	}
	fprintf(out, "%s: ", level_names[level]);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
}

void diag_at(enum diag_level level, const struct diag_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(level, loc, fmt, ap);
	va_end(ap);
}

void diag_file(enum diag_level level, const char *file, int line, int col,
	       const char *fmt, ...)
{
	struct diag_loc loc = { file, line, col, NULL, NULL };
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(level, &loc, fmt, ap);
	va_end(ap);
}

void diag_ini(enum diag_level level, const char *file, int line, const char *section,
	      const char *key, const char *fmt, ...)
{
	struct diag_loc loc = { file, line, 0, section, key };
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(level, &loc, fmt, ap);
	va_end(ap);
}

void diag_plain(enum diag_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(level, NULL, fmt, ap);
	va_end(ap);
}

enum diag_level diag_worst(void) { return worst; }
int diag_error_count(void) { return errors; }
void diag_reset(void) { worst = DIAG_OK; errors = 0; }

int diag_exit_status(void)
{
	if (worst == DIAG_FATAL)
		return EXIT_SYSTEM;
	if (worst == DIAG_ERROR)
		return EXIT_INPUT;
	return EXIT_OK;
}

static void out_of_memory(size_t n)
{
	fprintf(stderr, "kaikuprint: fatal: out of memory (%zu bytes)\n", n);
	exit(EXIT_SYSTEM);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
