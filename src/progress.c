/* progress: see progress.h. */
#include "progress.h"

#include <stdio.h>
#include <string.h>

static int shown;   /* 1 while an indicator is active */
static int total, done, last_percent;
static char last_record[256]; /* "FILE:LINE" of the card counted last */

void progress_begin(int n, int enabled)
{
	shown = enabled && n > 0;
	total = n;
	done = 0;
	last_percent = -1;
	last_record[0] = '\0';
}

void progress_card(const char *record)
{
	int percent;
	if (!shown || (record && strcmp(record, last_record) == 0))
		return;
	snprintf(last_record, sizeof(last_record), "%s", record ? record : "");
	if (done < total)
		done++;
	percent = (int)(100.0 * done / total);
	if (percent == last_percent && done != total)
		return; /* redraw at most once per percent */
	last_percent = percent;
	fprintf(stderr, "\rkaikuprint: laying out card %d of %d (%d %%)\033[K", done, total, percent);
	fflush(stderr);
}

void progress_stage(const char *what)
{
	if (!shown)
		return;
	fprintf(stderr, "\rkaikuprint: %d cards: %s\033[K", total, what);
	fflush(stderr);
}

void progress_interrupt(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	last_percent = -1;
}

void progress_end(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	shown = 0;
}
