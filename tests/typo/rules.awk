# rules.awk: the small typographic rules, checked on one layout dump
# (kaikuprint --dump), independently of the code that applies them.
# Variables: label (printed first), lang (fi, sv, en), compounds (the file
# tests/typo/compounds-fi.txt), words (src/textnorm_words.def), measure (1: count characters a line of body
# text), body_size (pt, the body text's size; default: the most common
# size), listing (1: print each finding to stderr).
# A line is a run of text boxes (untagged, and the hyphens added at line ends,
# text[hyphen]) of one page on one baseline, split where the
# gap is wider than 1.2 x the type size (columns, table cells). The line that
# follows a line is the nearest one below it whose x range overlaps it.
# Counted:
#   short   a dictionary hyphen (a box "-") with fewer than 2 letters before it
#           or fewer than 3 letters after it (the start of the next line);
#   digits  a dictionary hyphen inside a word with a digit ("18-vuo-tiaat" may
#           break only after its own hyphen);
#   units   a line that ends with a number and the next one starts with its
#           unit or a month, a line that ends with a month and the next one
#           starts with a number (a date), or ends and starts with the digit
#           groups of one number (phone numbers); the units and months are
#           read from src/textnorm_words.def (variable words), the lists
#           src/textnorm.c applies;
#   quotes  straight quotes (" or ') in any text;
#   syll    a break at a syllable inside a word of the compound list where the
#           boundary of its parts ('=') before it would have fitted the line:
#           with the letters after that boundary moved down (measured at the
#           average width of the box's letters), the line's spaces would be
#           at most 1.5 x natural (a boundary after the break, which needs
#           the line to shrink, is not judged here);
#   cpl     body text: the median of the characters of the full lines set in
#           body_size, when measure=1: lines of 20 characters
#           or more ending within 1.5 em of the longest line of that size on
#           the page starting within 12 pt of them (a column, a list's items).
#   pageend a page or column whose last line ends in a hyphen (added at the
#           break, or a compound's own): the reader turns the page inside a word.
# Prints: label lines short digits units quotes compound-breaks syllable-breaks
# syll cpl pageend
BEGIN {
	while ((getline entry < compounds) > 0) {
		if (entry ~ /^#/ || entry == "")
			continue
		word = entry
		gsub(/[-=]/, "", word)
		cword[tolower(word)] = entry
	}
	# WORD(LIST, LANG, "word") lines: the units and months of every language
	while ((getline entry < words) > 0) {
		if (entry !~ /^WORD\((UNIT|MONTH), [a-z]+, ".*"\)$/)
			continue
		w = entry
		sub(/^[^"]*"/, "", w)
		sub(/"\)$/, "", w)
		if (entry ~ /^WORD\(UNIT/)
			is_unit[w] = 1
		else if (entry ~ /, fi,/)
			month_stem[w] = 1
		else
			is_month_name[w] = 1
	}
	if (length(is_unit) == 0 || length(month_stem) == 0) {
		print "rules.awk: no units or months in " words > "/dev/stderr"
		exit 2
	}
}
# a month name (Swedish, English) or a Finnish month: a stem and "kuu"
function is_month(s,   st) {
	s = strip(s)
	if (s in is_month_name)
		return 1
	for (st in month_stem)
		if (index(s, st "kuu") == 1)
			return 1
	return 0
}
function field(line, key,   v) {
	v = line
	if (!sub(".* " key "=", "", v))
		return ""
	sub(/ .*/, "", v)
	return v
}
function letters(s,   n, c) {
	# letters at the start of S (UTF-8: a byte >= 0x80 is part of a letter
	# here; the letters of fi, sv, en are two bytes each)
	n = 0
	while (length(s) > 0) {
		c = substr(s, 1, 1)
		if (c ~ /[A-Za-z]/)
			n++
		else if (c >= "\200") {
			n += 0.5
		} else
			break
		s = substr(s, 2)
	}
	return n
}
function trailing_letters(s,   n, c) {
	n = 0
	while (length(s) > 0) {
		c = substr(s, length(s), 1)
		if (c ~ /[A-Za-z]/)
			n++
		else if (c >= "\200")
			n += 0.5
		else
			break
		s = substr(s, 1, length(s) - 1)
	}
	return n
}
function strip(s) {
	gsub(/[.,;:!?)”’"]+$/, "", s)
	return s
}
function is_digit_group(s) {
	return s ~ /^[+(]?[0-9]+\)?$/
}
function is_number(s) {
	return s ~ /^[+-]?[0-9][0-9,.:\/–-]*$/ && s ~ /[0-9.]$/
}
# finish the boxes of the baseline being read: split into lines
function flush_baseline(   i, j, t, start) {
	if (nb == 0)
		return
	for (i = 2; i <= nb; i++)
		for (j = i; j > 1 && bx[j] < bx[j - 1]; j--) {
			t = bx[j]; bx[j] = bx[j - 1]; bx[j - 1] = t
			t = bw[j]; bw[j] = bw[j - 1]; bw[j - 1] = t
			t = bt[j]; bt[j] = bt[j - 1]; bt[j - 1] = t
			t = bs[j]; bs[j] = bs[j - 1]; bs[j - 1] = t
		}
	start = 1
	for (i = 2; i <= nb + 1; i++)
		if (i > nb || bx[i] - (bx[i - 1] + bw[i - 1]) > 1.2 * bs[i - 1]) {
			add_line(start, i - 1)
			start = i
		}
	nb = 0
}
function add_line(from, to,   k, i, chars, gaps) {
	k = ++nl
	lpage[k] = page; ly[k] = cur_y
	lx0[k] = bx[from]; lx1[k] = bx[to] + bw[to]
	lsize[k] = bs[from]
	lfirst[k] = bt[from]; llast[k] = bt[to]
	lprev[k] = to > from ? bt[to - 1] : ""
	lprevw[k] = to > from ? bw[to - 1] : 0
	gaps = 0
	for (i = from + 1; i <= to; i++)
		if (bt[i] != "-" || i < to)
			gaps += bx[i] - (bx[i - 1] + bw[i - 1])
	lchars[k] = 0
	for (i = from; i <= to; i++)
		lchars[k] += ulen(bt[i])
	lchars[k] += to - from       # the spaces between the boxes
	if (llast[k] == "-")
		lchars[k]--              # no space before a drawn hyphen
	lspaces[k] = to - from - (llast[k] == "-" ? 1 : 0)
	lgaps[k] = gaps
	lines++
	sizes[lsize[k]]++
}
function ulen(s,   t) {
	t = s
	return length(t) - gsub(/[\200-\277]/, "", t)
}
function next_line(k,   j, best) {
	best = 0
	for (j = k + 1; j <= nl; j++) {
		if (lpage[j] != lpage[k])
			break
		if (ly[j] > ly[k] && lx0[j] < lx1[k] && lx1[j] > lx0[k] &&
		    (best == 0 || ly[j] < ly[best]))
			best = j
	}
	return best
}
function note(what, k) {
	if (listing)
		printf "  %s: %s page %d: \"%s\" | \"%s\"\n", label, what, lpage[k], lprev[k] llast[k],
			nx ? lfirst[nx] : "", "" > "/dev/stderr"
}
# the break inside a word of the compound list: compound or syllable; a
# syllable break where a compound boundary fits counts in syll
function check_compound(k, nx,   word, entry, before, kind, w, i, c, n_letters, best, avg, fits) {
	before = lprev[k]
	sub(/.*[- ]/, "", before)
	word = before lfirst[nx]
	word = strip(word)
	entry = cword[tolower(word)]
	if (entry == "") {
		# an inflected form: the longest list word it starts with
		for (w in cword)
			if (index(tolower(word), w) == 1 && length(w) > length(entry))
				entry = cword[w]
		if (entry == "")
			return
	}
	# walk the entry to the break after ulen(before) letters
	kind = ""; n_letters = 0
	for (i = 1; i <= length(entry); i++) {
		c = substr(entry, i, 1)
		if (c == "-" || c == "=") {
			if (n_letters == ulen(before)) {
				kind = c
				break
			}
			continue
		}
		if (c !~ /[\200-\277]/)
			n_letters++
	}
	if (kind == "=") {
		compound_breaks++
		return
	}
	syllable_breaks++
	# the nearest boundary before the break: would the line hold it?
	avg = ulen(lprev[k]) > 0 ? lprevw[k] / ulen(lprev[k]) : 0
	n_letters = 0; best = -1
	for (i = 1; i <= length(entry); i++) {
		c = substr(entry, i, 1)
		if (c == "=" && n_letters < ulen(before) && n_letters >= 2)
			best = n_letters
		if (c != "-" && c != "=" && c !~ /[\200-\277]/)
			n_letters++
	}
	if (best < 0)
		return
	fits = lspaces[k] > 0 &&
	       (lgaps[k] + (ulen(before) - best) * avg) / (lspaces[k] * lsize[k] * 0.26) <= 1.5
	if (fits) {
		syll++
		note("syllable break where the compound boundary fits", k)
	}
}
/^page / { flush_baseline(); page++; next }
/^  text( |\[hyphen\])/ {
	y = field($0, "y") + 0
	if (nb > 0 && y != cur_y)
		flush_baseline()
	cur_y = y
	nb++
	bx[nb] = field($0, "x") + 0
	bw[nb] = field($0, "w") + 0
	bs[nb] = field($0, "size") + 0
	t = $0
	sub(/^[^"]*"/, "", t)
	sub(/"$/, "", t)
	bt[nb] = t
	if (t ~ /["']/) {
		quotes++
		if (listing)
			printf "  %s: straight quote page %d: %s\n", label, page, t > "/dev/stderr"
	}
	next
}
/^  / { flush_baseline() }
END {
	flush_baseline()
	for (k = 1; k <= nl; k++) {
		nx = next_line(k)
		if (nx == 0) { # the last line of a page or of a column
			if (llast[k] == "-" || llast[k] ~ /[[:alpha:]]-$/) {
				pageend++
				note("a page or column ends in a hyphen", k)
			}
			continue
		}
		if (llast[k] == "-") {
			if (trailing_letters(lprev[k]) < 2 || letters(lfirst[nx]) < 3) {
				short++
				note("fragment under 2 + 3 letters", k)
			}
			if (lprev[k] ~ /[0-9]/) {
				digits++
				note("a word with a digit hyphenated", k)
			}
			if (lang == "fi")
				check_compound(k, nx)
		} else {
			if ((is_number(llast[k]) && ((lfirst[nx] in is_unit) ||
						     (strip(lfirst[nx]) in is_unit) ||
						     is_month(lfirst[nx]))) ||
			    (is_month(llast[k]) && lfirst[nx] ~ /^[0-9]/) ||
			    (is_digit_group(llast[k]) && is_digit_group(strip(lfirst[nx])))) {
				units_broken++
				note("number and unit, date, or digit groups, broken", k)
			}
		}
	}
	# characters a line of body text: the most common size, full lines
	body = body_size + 0
	for (s in sizes)
		if (body_size == "" && (body == 0 || sizes[s] > sizes[body]))
			body = s
	nf = 0
	for (k = 1; k <= nl; k++) {
		if (lsize[k] != body)
			continue
		widest = 0
		for (j = 1; j <= nl; j++)
			if (lsize[j] == body && lpage[j] == lpage[k] && lx0[j] - lx0[k] <= 12 &&
			    lx0[k] - lx0[j] <= 12 && lx1[j] > widest)
				widest = lx1[j]
		if (lx1[k] >= widest - 1.5 * body && lchars[k] >= 20)
			full[++nf] = lchars[k]
	}
	for (i = 2; i <= nf; i++)
		for (j = i; j > 1 && full[j] < full[j - 1]; j--) {
			t = full[j]; full[j] = full[j - 1]; full[j - 1] = t
		}
	cpl = nf ? full[int((nf + 1) / 2)] : 0
	printf "%s %d %d %d %d %d %d %d %d %d %d\n", label, lines, short, digits, units_broken, quotes,
		compound_breaks, syllable_breaks, syll, measure ? cpl : -1, pageend
}
