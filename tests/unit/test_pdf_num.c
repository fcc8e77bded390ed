/* test_pdf_num: the numbers of the page content (pdf.c). pdf_num writes
 * what printf's "%.3f" writes, less trailing zeros, without printf where
 * the digits are certain; pdf_milli gives the same value in thousandths,
 * which Td moves along a baseline are written in (pdf_text.c), so a word
 * placed by a sum of moves stands exactly where an absolute Tm put it. */
#include "unit.h"

#include "pdf_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What pdf_num wrote for V, as a string (without its trailing space). */
static const char *written(void (*put)(struct pdf_writer *, double), double v, char *buf)
{
	struct pdf_writer w;
	memset(&w, 0, sizeof(w));
	put(&w, v);
	if (w.out.n_ops == 0 || w.out.ops[w.out.n_ops - 1] != ' ') {
		free(w.out.ops);
		return "(no space after the number)";
	}
	memcpy(buf, w.out.ops, w.out.n_ops - 1);
	buf[w.out.n_ops - 1] = '\0';
	free(w.out.ops);
	return buf;
}

static void put_num(struct pdf_writer *w, double v)
{
	pdf_num(w, v);
}

static void put_via_milli(struct pdf_writer *w, double v)
{
	pdf_num_milli(w, pdf_milli(v));
}

/* "%.3f" of V with trailing zeros and a lone point taken away, "-0" as "0". */
static void printf_form(double v, char *buf)
{
	int n = snprintf(buf, 64, "%.3f", v);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
}

/* Values of the kinds a page has: coordinates with three or more decimals,
 * exact ties (k + 0.0005), negatives, tiny and whole numbers. */
static double sample(unsigned long i)
{
	double r = (double)((i * 2654435761UL) % 100000000UL);
	switch (i % 6) {
	case 0: return r / 1e5;                 /* 0 .. 1000, five decimals */
	case 1: return -r / 1e5;
	case 2: return floor(r / 1e3) / 1e3 + 0.0005; /* a tie at the fourth decimal */
	case 3: return r / 1e9;                 /* under 0.1 */
	case 4: return floor(r / 1e4);          /* whole numbers */
	default: return (r / 1e5) * 0.7 - 300;  /* sums and differences */
	}
}

static void num_like_printf(void)
{
	char got[64], want[64];
	int bad = 0;
	for (unsigned long i = 0; i < 600000 && bad < 5; i++) {
		double v = sample(i);
		printf_form(v, want);
		if (!CHECK_STR(written(put_num, v, got), want))
			bad++;
	}
	CHECK_STR(written(put_num, -0.0001, got), "0");
	CHECK_STR(written(put_num, 12.5, got), "12.5");
	CHECK_STR(written(put_num, 758.674, got), "758.674");
	CHECK_STR(written(put_num, 2e7 + 0.25, got), "20000000.25"); /* past the fast path */
}

static void milli_is_num(void)
{
	char a[64], b[64];
	int bad = 0;
	for (unsigned long i = 0; i < 600000 && bad < 5; i++) {
		double v = sample(i);
		if (!CHECK_STR(written(put_via_milli, v, a), written(put_num, v, b)))
			bad++;
	}
}

/* Words along a baseline: the sum of the Td moves written is the absolute
 * position pdf_num would write, to the thousandth. */
static void moves_add_up(void)
{
	double x = 42.52;
	long long at = pdf_milli(x), sum = at;
	for (int i = 1; i < 400; i++) {
		long long next;
		x += 3.0 + fmod(i * 7.123457, 50.0);
		next = pdf_milli(x);
		sum += next - at;
		at = next;
		CHECK_INT(sum, pdf_milli(x));
	}
	CHECK_INT(pdf_milli(109.875), 109875);
	CHECK_INT(pdf_milli(-0.0004), 0);
	CHECK_INT(pdf_milli(-1.2345678), -1235);
}

const struct unit_test unit_tests[] = {
	UNIT(num_like_printf),
	UNIT(milli_is_num),
	UNIT(moves_add_up),
	{ NULL, NULL },
};
