/*
 * msg: the problems of an uploaded holder list in the web page's language.
 *
 * The command line speaks English; `kaikuprint serve` shows the problems of
 * a list a coordinator uploaded in the language of the page (fi, sv, en).
 * A message is written as usual, its English format wrapped in msg_tr():
 *   diag_file(DIAG_ERROR, file, line, 0, msg_tr("children must be ... %d: %s"), n, v);
 * The compiler checks the arguments against the English format (format_arg);
 * a translation in msg_catalog.def takes the same conversions in the same
 * order, and may leave out ones at the end or print a string one as %.0s
 * (test_msg checks this for every entry).
 */
#ifndef KP_MSG_H
#define KP_MSG_H

#include <stddef.h>

struct date;

/* The language of this thread's messages: "fi", "sv" or "en" for the web
 * page, NULL (the default) for the command line's own English. */
void msg_set_language(const char *lang);
const char *msg_language(void);

/* FORMAT (an English format in the catalogue) in this thread's language;
 * FORMAT itself on the command line or when the catalogue lacks it. */
const char *msg_tr(const char *format) __attribute__((format_arg(1)));

/* A date in a message: 2027-03-01 on the command line, as the page's
 * language writes it on the web (1.3.2027, 1 March 2027). */
const char *msg_date(const struct date *d, char *buf, unsigned size);

/* A number with one decimal: 3.2 on the command line and in English,
 * 3,2 in Finnish and Swedish. */
const char *msg_decimal(double value, char *buf, unsigned size);

/* The catalogue, for the test: entry I's English and its translation into
 * LANG ("en" is the web page's English); NULL past the end. */
const char *msg_catalog_english(size_t i);
const char *msg_catalog_text(size_t i, const char *lang);

#endif
