# measure.awk: typographic figures of one layout dump (kaikuprint --dump).
# Variables: right (pt, right edge of the column), space_em (width of the
# font's space in ems: 0.26 for Noto Sans), label (printed first).
# A line is the text boxes of one page sharing a baseline. Between two boxes
# of a line, a gap wider than 0.3 spaces is an inter-word space; its ratio
# to the natural space of the box's size is what the reader sees.
# Prints: label lines largest-ratio loose-lines hyphen-runs-over-2 overfull
# largest-letter-spacing (ems, from the cs= of justified lines)
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
		}
	worst = 0
	for (i = 2; i <= n; i++) {
		gap = bx[i] - (bx[i - 1] + bw[i - 1])
		r = gap / (bs[i - 1] * space_em)
		if (r > 0.3 && r > worst)
			worst = r
	}
	lines++
	if (worst > largest)
		largest = worst
	if (worst > 1.5)
		loose++
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
/^page / { flush(); next }
/^  text / {
	y = $0; sub(/.* y=/, "", y); sub(/ .*/, "", y)
	if (n > 0 && y != cur_y)
		flush()
	cur_y = y
	n++
	x = $0; sub(/.* x=/, "", x); sub(/ .*/, "", x)
	w = $0; sub(/.* w=/, "", w); sub(/ .*/, "", w)
	s = $0; sub(/.* size=/, "", s); sub(/ .*/, "", s)
	t = $0; sub(/^[^"]*"/, "", t); sub(/"$/, "", t)
	bx[n] = x + 0; bw[n] = w + 0; bs[n] = s + 0; bt[n] = t
	if ($0 ~ / cs=/) {
		cs = $0; sub(/.* cs=/, "", cs); sub(/ .*/, "", cs)
		if (cs / s > track)
			track = cs / s
	}
}
END {
	flush()
	printf "%s %d %.2f %d %d %d %.3f\n", label, lines, largest, loose, ladders, overfull, track
}
