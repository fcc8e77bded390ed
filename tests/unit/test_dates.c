/* test_dates: the card validity rule ("12 months", see dates.h) as a table,
 * and the strict date parser it relies on. */
#include "unit.h"

#include "dates.h"

#include <stdio.h>
#include <string.h>

struct expiry_case {
	const char *issued;
	int months;
	const char *trial_end; /* NULL: no trial */
	const char *expected;  /* last valid day */
};

static const struct expiry_case expiry_cases[] = {
	/* the plain rule: same calendar date 12 months later */
	{ "2026-03-15", 12, NULL, "2027-03-15" },
	{ "2026-01-01", 12, NULL, "2027-01-01" },
	{ "2026-12-31", 12, NULL, "2027-12-31" },
	/* 29 February: the same date does not exist the next year -> 28 February */
	{ "2028-02-29", 12, NULL, "2029-02-28" },
	{ "2024-02-29", 12, NULL, "2025-02-28" },
	{ "2028-02-28", 12, NULL, "2029-02-28" },
	/* ... and into a leap year the date exists: no clamping */
	{ "2027-02-28", 12, NULL, "2028-02-28" },
	/* four years from a leap day lands on a leap day */
	{ "2024-02-29", 48, NULL, "2028-02-29" },
	/* month ends with other lengths (validity_months is configurable) */
	{ "2027-01-31", 1, NULL, "2027-02-28" },
	{ "2028-01-31", 1, NULL, "2028-02-29" },
	{ "2026-03-31", 6, NULL, "2026-09-30" },
	{ "2026-08-31", 6, NULL, "2027-02-28" },
	{ "2026-10-31", 12, NULL, "2027-10-31" },
	{ "2026-07-15", 18, NULL, "2028-01-15" },
	{ "2026-12-15", 1, NULL, "2027-01-15" },
	/* never past the trial end */
	{ "2027-03-15", 12, "2027-12-31", "2027-12-31" },
	{ "2026-12-31", 12, "2027-12-31", "2027-12-31" },
	{ "2026-12-30", 12, "2027-12-31", "2027-12-30" },
	{ "2027-01-01", 12, "2027-12-31", "2027-12-31" },
	{ "2027-12-31", 12, "2027-12-31", "2027-12-31" },
	{ "2028-02-29", 12, "2028-06-30", "2028-06-30" },
	{ "2028-02-29", 12, "2030-01-01", "2029-02-28" },
};

static void expiry_table(void)
{
	char got[16], what[96];
	for (size_t i = 0; i < sizeof(expiry_cases) / sizeof(expiry_cases[0]); i++) {
		const struct expiry_case *c = &expiry_cases[i];
		struct date issued, trial, last;
		if (!c->expected)
			continue;
		CHECK_INT(date_parse(c->issued, &issued), 0);
		if (c->trial_end)
			CHECK_INT(date_parse(c->trial_end, &trial), 0);
		last = date_card_expiry(issued, c->months, c->trial_end ? &trial : NULL);
		date_format_iso(&last, got, sizeof(got));
		snprintf(what, sizeof(what), "%s + %d months (trial end %s)", c->issued, c->months,
			 c->trial_end ? c->trial_end : "none");
		if (!CHECK_STR(got, c->expected))
			printf("  (case: %s)\n", what);
	}
}

static void expiry_never_before_issue_without_trial(void)
{
	/* every day of a leap year and a common year, 12 months on */
	for (int year = 2027; year <= 2028; year++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= date_days_in_month(year, m); d++) {
				struct date issued = { year, m, d };
				struct date last = date_card_expiry(issued, 12, NULL);
				CHECK_INT(last.year, year + 1);
				CHECK_INT(last.month, m);
				CHECK(last.day == d || (m == 2 && d == 29 && last.day == 28));
			}
		}
	}
}

static void parse_rejects_what_is_not_a_date(void)
{
	static const char *const bad[] = {
		"2027-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-4-01", "26-04-01", "2026/04/01", "2026-04-01 ", " 2026-04-01",
		"", "2026-04-0x", "1.4.2026", "2100-02-29",
	};
	struct date d;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!CHECK_INT(date_parse(bad[i], &d), -1))
			printf("  (for \"%s\")\n", bad[i]);
	CHECK_INT(date_parse("2000-02-29", &d), 0);
	CHECK_INT(date_parse("2028-02-29", &d), 0);
}

static void format_per_language(void)
{
	struct date d = { 2027, 12, 31 };
	char buf[48];
	date_format(&d, "fi", buf, sizeof(buf));
	CHECK_STR(buf, "31.12.2027");
	date_format(&d, "sv", buf, sizeof(buf));
	CHECK_STR(buf, "31.12.2027");
	date_format(&d, "en", buf, sizeof(buf));
	CHECK_STR(buf, "31 December 2027");
}

const struct unit_test unit_tests[] = {
	UNIT(expiry_table),
	UNIT(expiry_never_before_issue_without_trial),
	UNIT(parse_rejects_what_is_not_a_date),
	UNIT(format_per_language),
	{ NULL, NULL }
};
