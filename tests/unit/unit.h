/*
 * unit: a tiny assert-style harness for kaikuprint's unit tests.
 *
 * Each tests/unit/test_NAME.c becomes its own program (make unit), linked with
 * test_main.c (which holds main) and build/libkaikuprint.a. A test file
 * defines its tests as plain functions and lists them in unit_tests[]:
 *
 *     static void date_leap(void) { CHECK_INT(date_days_in_month(2028, 2), 29); }
 *     const struct unit_test unit_tests[] = { UNIT(date_leap), { NULL, NULL } };
 *
 * The checks below do not stop a test: every failed check is printed with its
 * file and line, and the test is reported as failed. The program prints one
 * line per test, "ok NAME" or "FAIL NAME", then "N passed, N failed", and
 * exits 1 when anything failed. `./build/unit/test_NAME PATTERN` runs only
 * the tests whose name contains PATTERN.
 *
 * Diagnostics: unit_capture_start() sends every kaikuprint message into a
 * buffer (and resets the error count); unit_capture_end() returns the text.
 */
#ifndef KP_UNIT_H
#define KP_UNIT_H

#include <stddef.h>

struct unit_test {
	const char *name;
	void (*run)(void);
};

/* Defined by each test file; ends with { NULL, NULL }. */
extern const struct unit_test unit_tests[];

#define UNIT(fn) { #fn, fn }

#define CHECK(cond) unit_check((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_INT(actual, expected) \
	unit_check_int((long)(actual), (long)(expected), #actual, __FILE__, __LINE__)
#define CHECK_STR(actual, expected) \
	unit_check_str((actual), (expected), #actual, __FILE__, __LINE__)

/* Return nonzero when OK; record and print the failure otherwise. */
int unit_check(int ok, const char *what, const char *file, int line);
int unit_check_int(long actual, long expected, const char *what, const char *file, int line);
int unit_check_str(const char *actual, const char *expected, const char *what,
		   const char *file, int line);

/* Capture kaikuprint's diagnostics; the returned text is owned by the harness
 * and valid until the next unit_capture_start. */
void unit_capture_start(void);
const char *unit_capture_end(void);
/* Number of lines in TEXT (diagnostics are one per line). */
int unit_count_lines(const char *text);

#endif
