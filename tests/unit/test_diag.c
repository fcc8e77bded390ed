/* test_diag: repeated messages are shown once inside a scope, and counted. */
#include "unit.h"

#include "diag.h"

static void repeat_twice(void)
{
	diag_file(DIAG_ERROR, "t.xml", 3, 5, "unknown variable {%s}", "x");
	diag_file(DIAG_WARNING, "t.xml", 4, 1, "a warning");
	diag_file(DIAG_ERROR, "t.xml", 3, 5, "unknown variable {%s}", "x");
	diag_file(DIAG_WARNING, "t.xml", 4, 1, "a warning");
}

static void outside_a_scope_every_message_is_printed(void)
{
	unit_capture_start();
	repeat_twice();
	CHECK_INT(unit_count_lines(unit_capture_end()), 4);
}

static void inside_a_scope_a_repeat_is_hidden_but_counted(void)
{
	unit_capture_start();
	diag_once_begin();
	repeat_twice();
	diag_file(DIAG_ERROR, "t.xml", 3, 6, "unknown variable {x}"); /* another place */
	diag_file(DIAG_ERROR, "t.xml", 3, 5, "unknown variable {y}"); /* another text */
	diag_once_end();
	CHECK_STR(unit_capture_end(),
		  "kaikuprint: t.xml:3:5: error: unknown variable {x}\n"
		  "kaikuprint: t.xml:4:1: warning: a warning\n"
		  "kaikuprint: t.xml:3:6: error: unknown variable {x}\n"
		  "kaikuprint: t.xml:3:5: error: unknown variable {y}\n");
	CHECK_INT(diag_error_count(), 4);
}

static void scopes_nest_and_forget_when_the_outermost_ends(void)
{
	unit_capture_start();
	diag_once_begin();
	diag_file(DIAG_ERROR, "t.xml", 1, 1, "same");
	diag_once_begin(); /* a card batch inside a check */
	diag_file(DIAG_ERROR, "t.xml", 1, 1, "same");
	diag_once_end();
	diag_file(DIAG_ERROR, "t.xml", 1, 1, "same"); /* the outer scope still remembers */
	diag_once_end();
	diag_file(DIAG_ERROR, "t.xml", 1, 1, "same"); /* no scope: printed again */
	CHECK_INT(unit_count_lines(unit_capture_end()), 2);
	diag_once_end(); /* an unmatched end is harmless */
	unit_capture_start();
	repeat_twice();
	CHECK_INT(unit_count_lines(unit_capture_end()), 4);
}

const struct unit_test unit_tests[] = {
	UNIT(outside_a_scope_every_message_is_printed),
	UNIT(inside_a_scope_a_repeat_is_hidden_but_counted),
	UNIT(scopes_nest_and_forget_when_the_outermost_ends),
	{ NULL, NULL }
};
