/* dates: see dates.h for the validity rule. */
#include "dates.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

static int read_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, struct date *out)
{
	struct date d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (read_digits(s, 4, &d.year) || read_digits(s + 5, 2, &d.month) ||
	    read_digits(s + 8, 2, &d.day))
		return -1;
	if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
	    d.day > date_days_in_month(d.year, d.month))
		return -1;
	*out = d;
	return 0;
}

int date_compare(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

struct date date_add_months(struct date d, int months)
{
	int total = d.year * 12 + (d.month - 1) + months;
	struct date r;
	r.year = total / 12;
	r.month = total % 12 + 1;
	r.day = d.day;
	if (r.day > date_days_in_month(r.year, r.month))
		r.day = date_days_in_month(r.year, r.month);
	return r;
}

struct date date_card_expiry(struct date issued, int months, const struct date *trial_end)
{
	struct date last = date_add_months(issued, months);
	if (trial_end && date_compare(&last, trial_end) > 0)
		last = *trial_end;
	return last;
}

void date_format(const struct date *d, const char *lang, char *buf, unsigned size)
{
	static const char *const months_en[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	if (lang && strcmp(lang, "en") == 0)
		snprintf(buf, size, "%d %s %d", d->day, months_en[d->month - 1], d->year);
	else
		snprintf(buf, size, "%d.%d.%d", d->day, d->month, d->year);
}

void date_format_iso(const struct date *d, char *buf, unsigned size)
{
	snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
}

struct date date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	struct date d = { 2000, 1, 1 };
	if (localtime_r(&now, &tm)) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
	}
	return d;
}
