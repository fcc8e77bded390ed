/* linebreak: first-fit line breaking; see linebreak.h. */
#include "linebreak.h"

static int can_break(const struct lb_item *items, int i)
{
	if (items[i].kind == LB_PENALTY)
		return items[i].penalty < PENALTY_NEVER;
	return items[i].kind == LB_GLUE && i > 0 && items[i - 1].kind == LB_BOX;
}

int linebreak_run(const struct lb_item *items, int n, const struct lb_params *params,
		  int *breaks, int max)
{
	int lines = 0, start = 0, last_ok = -1;
	double width = 0, shrink = 0, measure = params->first_width;

	for (int i = 0; i < n && lines < max; i++) {
		const struct lb_item *it = &items[i];
		int forced = it->kind == LB_PENALTY && it->penalty <= PENALTY_FORCE;
		double extra = it->kind == LB_PENALTY ? it->width : 0;
		if (can_break(items, i) && width + extra - shrink <= measure)
			last_ok = i;
		if (forced || (it->kind == LB_BOX && width + it->width - shrink > measure &&
			       last_ok >= start)) {
			int at = forced ? i : last_ok;
			breaks[lines++] = at;
			i = at;
			start = at + 1;
			/* discard glue and penalties at the start of the next line */
			while (start < n && items[start].kind != LB_BOX &&
			       !(items[start].kind == LB_PENALTY && items[start].penalty <= PENALTY_FORCE))
				start++;
			i = start - 1;
			width = shrink = 0;
			last_ok = start - 1;
			measure = params->width;
			continue;
		}
		if (it->kind != LB_PENALTY)
			width += it->width;
		if (it->kind == LB_GLUE)
			shrink += it->shrink;
	}
	if (lines == 0 || (breaks[lines - 1] != n - 1 && lines < max))
		breaks[lines++] = n - 1;
	return lines;
}
