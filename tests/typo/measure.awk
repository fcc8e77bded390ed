# measure.awk: typographic figures of one layout dump (kaikuprint --dump).
# Variables: right (pt, right edge of the column), space_em (width of the
# font's space in ems: 0.26 for Noto Sans), label (printed first),
# leading (pt, baseline to baseline inside a paragraph), justified (1: the
# lines of a paragraph but its last must reach the right edge).
# A line is the text boxes of one page sharing a baseline. The space between
# two boxes of a line is measured as it is drawn: from the end of the last
# glyph of the first (the box ends after the letter spacing cs= of its last
# glyph, which is seen as space) to the next box; glyphs expanded by hs= are
# in w. Wider than 0.3 natural spaces, it is an inter-word space; its ratio
# to the natural space of the box's size (not expanded) is what the reader
# sees. A line with a space over 1.5x is loose; so is, in justified text, a
# line that ends more than 0.5 pt short of the right edge while the next line
# of its paragraph follows (one leading below, same page): a word or URL that
# could not be spread to the measure.
# Prints: label lines largest-ratio loose-lines hyphen-runs-over-2 overfull
# largest-letter-spacing (ems, from cs=) largest-expansion (from hs=, as a
# fraction: 0.02 is 2 %) short-lines (counted in loose-lines too)
function flush(   i, j, t, gap, r, worst, last) {
	if (n == 0)
		return
	# order the boxes of the line by x (insertion sort; lines are short)
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && bx[j] < bx[j - 1]; j--) {
			t = bx[j]; bx[j] = bx[j - 1]; bx[j - 1] = t
			t = bw[j]; bw[j] = bw[j - 1]; bw[j - 1] = t
			t = bs[j]; bs[j] = bs[j - 1]; bs[j - 1] = t
			t = bt[j]; bt[j] = bt[j - 1]; bt[j - 1] = t
			t = bc[j]; bc[j] = bc[j - 1]; bc[j - 1] = t
		}
	worst = 0
	for (i = 2; i <= n; i++) {
		gap = bx[i] - (bx[i - 1] + bw[i - 1] - bc[i - 1])
		r = gap / (bs[i - 1] * space_em)
		if (r > 0.3 && r > worst)
			worst = r
	}
	# the previous line was short and this one continues its paragraph
	if (pending_short && cur_y - prev_y > leading - 0.05 && cur_y - prev_y < leading + 0.05)
		count_short()
	pending_short = 0
	lines++
	if (worst > largest)
		largest = worst
	if (worst > 1.5)
		loose++
	else if (justified && bx[n] + bw[n] < right - 0.5)
		pending_short = 1
	prev_y = cur_y
	if (bx[n] + bw[n] > right + 0.01)
		overfull++
	last = bt[n]
	if (last ~ /-$/) {
		run++
		if (run == 3)
			ladders++
	} else {
		run = 0
	}
	n = 0
}
function count_short() {
	loose++
	short++
}
/^page / { flush(); pending_short = 0; next }
/^  text( |\[)/ {
	y = $0; sub(/.* y=/, "", y); sub(/ .*/, "", y)
	if (n > 0 && y != cur_y)
		flush()
	cur_y = y
	n++
	x = $0; sub(/.* x=/, "", x); sub(/ .*/, "", x)
	w = $0; sub(/.* w=/, "", w); sub(/ .*/, "", w)
	s = $0; sub(/.* size=/, "", s); sub(/ .*/, "", s)
	t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
	bx[n] = x + 0; bw[n] = w + 0; bs[n] = s + 0; bt[n] = t; bc[n] = 0
	if ($0 ~ / cs=/) {
		cs = $0; sub(/.* cs=/, "", cs); sub(/ .*/, "", cs)
		bc[n] = cs + 0
		if (cs / s > track)
			track = cs / s
	}
	if ($0 ~ / hs=/) {
		hs = $0; sub(/.* hs=/, "", hs); sub(/ .*/, "", hs)
		if (hs - 1 > expand)
			expand = hs - 1
		if (1 - hs > expand)
			expand = 1 - hs
	}
}
END {
	flush()
	printf "%s %d %.2f %d %d %d %.3f %.4f %d\n", label, lines, largest, loose, ladders,
		overfull, track, expand, short
}
