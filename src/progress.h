/*
 * progress: a one-line indicator on standard error for long batches ("card
 * 812 of 1500"), redrawn in place and erased at the end. The caller decides
 * whether to show it (standard error is a terminal, no --quiet, a batch of
 * more than a few hundred rows). It shows counts and stages, never data.
 */
#ifndef KP_PROGRESS_H
#define KP_PROGRESS_H

enum { PROGRESS_MIN_ROWS = 300 }; /* smaller batches finish too fast to need it */

/* Start counting TOTAL cards; nothing is shown unless ENABLED. */
void progress_begin(int total, int enabled);
/* A card of data record RECORD ("FILE:LINE") laid out; a front and a back of
 * the same record count once. */
void progress_card(const char *record);
/* A stage after layout ("writing the PDF"). */
void progress_stage(const char *what);
/* Erase the line before a message is printed; the next card redraws it. */
void progress_interrupt(void);
/* Erase the line. */
void progress_end(void);

#endif
