/*
 * dates: calendar dates, the card validity rule and per-language formatting.
 *
 * Validity rule ("12 months"): the last valid day is the same calendar date
 * N months after the issue date; when that month is shorter, the last day of
 * that month (2028-02-29 + 12 months = 2029-02-28, 2027-01-31 + 1 = 2027-02-28).
 * When the region has a trial end date, the last valid day is never later than it.
 */
#ifndef KP_DATES_H
#define KP_DATES_H

struct date {
	int year;  /* 1..9999 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/* Parse strict YYYY-MM-DD; returns 0 on success, -1 when not a real date. */
int date_parse(const char *s, struct date *out);
int date_is_leap(int year);
int date_days_in_month(int year, int month);
/* <0, 0, >0 like strcmp. */
int date_compare(const struct date *a, const struct date *b);
/* Same calendar date MONTHS later, clamped to the end of a shorter month. */
struct date date_add_months(struct date d, int months);
/* Last valid day of a card issued on ISSUED; TRIAL_END may be NULL. */
struct date date_card_expiry(struct date issued, int months, const struct date *trial_end);
/* Format for language LANG ("fi", "sv", "en") into BUF (at least 32 bytes):
 * 15.3.2027 in fi and sv, 15 March 2027 in en. */
void date_format(const struct date *d, const char *lang, char *buf, unsigned size);
/* Today's date on the local clock. */
struct date date_today(void);
/* ISO form YYYY-MM-DD. */
void date_format_iso(const struct date *d, char *buf, unsigned size);

#endif
