/* test_main: the runner shared by every tests/unit/test_*.c; see unit.h. */
#include "unit.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed_checks; /* in the test now running */
static char *captured;
static size_t captured_size;
static FILE *capture_stream;

int unit_check(int ok, const char *what, const char *file, int line)
{
	if (!ok) {
		printf("  %s:%d: check failed: %s\n", file, line, what);
		failed_checks++;
	}
	return ok;
}

int unit_check_int(long actual, long expected, const char *what, const char *file, int line)
{
	if (actual == expected)
		return 1;
	printf("  %s:%d: %s is %ld, expected %ld\n", file, line, what, actual, expected);
	failed_checks++;
	return 0;
}

int unit_check_str(const char *actual, const char *expected, const char *what,
		   const char *file, int line)
{
	if (actual && expected && strcmp(actual, expected) == 0)
		return 1;
	if (!actual && !expected)
		return 1;
	printf("  %s:%d: %s is\n---\n%s\n--- expected\n%s\n---\n", file, line, what,
	       actual ? actual : "(null)", expected ? expected : "(null)");
	failed_checks++;
	return 0;
}

static void capture_close(void)
{
	if (capture_stream) {
		fclose(capture_stream);
		capture_stream = NULL;
		diag_set_stream(NULL);
	}
}

void unit_capture_start(void)
{
	capture_close();
	free(captured);
	captured = NULL;
	captured_size = 0;
	capture_stream = open_memstream(&captured, &captured_size);
	if (!capture_stream) {
		perror("open_memstream");
		exit(2);
	}
	diag_reset();
	diag_set_stream(capture_stream);
}

const char *unit_capture_end(void)
{
	capture_close();
	return captured ? captured : "";
}

int unit_count_lines(const char *text)
{
	int n = 0;
	for (; text && *text; text++)
		n += *text == '\n';
	return n;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (const struct unit_test *t = unit_tests; t->name; t++) {
		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		failed_checks = 0;
		diag_reset();
		t->run();
		capture_close();
		if (failed_checks) {
			printf("FAIL %s\n", t->name);
			failed++;
		} else {
			printf("ok %s\n", t->name);
			passed++;
		}
	}
	free(captured);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
