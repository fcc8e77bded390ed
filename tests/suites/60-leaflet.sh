# The local offer leaflet as a reader sees it: every QR code of every leaflet
# (A4 and folded A5 booklet, fi/sv/en, normal and large print) decodes with
# zbarimg from a 150 dpi render to exactly its intended web address, the
# files pass qpdf --check, pdftotext finds every venue, the booklet is imposed
# in booklet order on A4 landscape sheets, numbered like a printed booklet
# (covers without folios) with no blank spread. Collation order is unit-tested in
# tests/unit/test_collate.c; column balancing and QR drawing have golden
# dumps under tests/cases/leaflet/.
L="$OUT/leaflet"
mkdir -p "$L/normal" "$L/large"
example_logo "$L"
REGION=config/esimerkkila.ini

# Values of KEY (or KEY_LANG when given) in every [venue.*] section, in file order.
venue_values() { # KEY LANG
	awk -v key="$1" -v lang="$2" '
		/^\[/ { if (invenue) print (loc != "" ? loc : base); invenue = /^\[venue\./; base = ""; loc = ""; next }
		invenue && $1 == key { sub(/^[^=]*= */, ""); base = $0 }
		invenue && $1 == key "_" lang { sub(/^[^=]*= */, ""); loc = $0 }
		END { if (invenue) print (loc != "" ? loc : base) }' "$REGION"
}
region_web() { # LANG
	awk -v lang="$1" '/^\[/ { r = ($0 == "[region]") } r && $1 == "web" { sub(/^[^=]*= */, ""); b = $0 }
		r && $1 == "web_" lang { sub(/^[^=]*= */, ""); l = $0 }
		END { print (l != "" ? l : b) }' "$REGION"
}
N_VENUES=$(venue_values url | wc -l)
check "leaflet example region has at least 25 venues ($N_VENUES)" test "$N_VENUES" -ge 25

# --- make run's output: all three languages, and the booklet next to each ---
"$KP" all -c "$REGION" -o "$L/normal" 2> "$L/all.log"
check "leaflet all exits 0" test $? -eq 0
f_no_warnings() { test ! -s "$1"; }
f_no_leaflet_warnings() { ! grep "leaflet" "$1"; }
check "leaflet all: no warnings about the leaflet" f_no_leaflet_warnings "$L/all.log"
for lang in fi sv en; do
	"$KP" render -c "$REGION" -t templates/leaflet.xml -l $lang --large-print \
		-o "$L/large/leaflet-$lang.pdf" 2> "$L/large-$lang.log"
	check "leaflet-$lang --large-print exits 0" test $? -eq 0
	check "leaflet-$lang --large-print: no warnings" f_no_warnings "$L/large-$lang.log"
done

# Every QR code in PDF decodes to exactly the venues' URLs plus the region's page.
f_qr_codes() { # PDF LANG [COVERS: region codes besides the opening box's]
	_base=${1%.pdf}
	rm -f "$_base"-qr-*.png "$_base"-qr2-*.png
	pdftoppm -r 150 -png "$1" "$_base-qr" 2> /dev/null || return 1
	pdftoppm -r 200 -png "$1" "$_base-qr2" 2> /dev/null || return 1
	# each page as zbarimg reads more of its codes at 150 or 200 dpi: on a
	# whole page it can miss one of a column of codes whose finder
	# patterns line up at one resolution (each alone always reads)
	for _png in "$_base"-qr-*.png; do
		_a=$(zbarimg -q --raw "$_png" 2> /dev/null)
		_b=$(zbarimg -q --raw "$(echo "$_png" | sed 's/-qr-/-qr2-/')" 2> /dev/null)
		if [ "$(echo "$_b" | grep -c .)" -gt "$(echo "$_a" | grep -c .)" ]; then
			echo "$_b"; else echo "$_a"; fi
	done | grep . | sort > "$_base.decoded"
	{ venue_values url; region_web "$2"; _c=${3:-0}
	  while [ "$_c" -gt 0 ]; do region_web "$2"; _c=$((_c - 1)); done; } |
		sort > "$_base.expected"
	diff "$_base.expected" "$_base.decoded"
}
# quotes_of LANG: straight quotes as kaikuprint sets them (textnorm.c)
quotes_of() {
	case $1 in
	en) sed -e 's/"\([^"]*\)"/“\1”/g' -e "s/'/’/g" ;;
	*) sed -e 's/"/”/g' -e "s/'/’/g" ;;
	esac
}
f_venues_in_text() { # PDF LANG
	pdftotext -enc UTF-8 "$1" - 2> /dev/null | tr -s ' \n\f' '   ' > "${1%.pdf}.flat"
	# straight quotes in the region file come out as the language's own
	venue_values name "$2" | quotes_of "$2" | while IFS= read -r name; do
		grep -qF -- "$name" "${1%.pdf}.flat" || { echo "missing venue: $name"; return 1; }
	done
}
for size in normal large; do
	for lang in fi sv en; do
		for kind in leaflet leaflet-booklet; do
			pdf="$L/$size/$kind-$lang.pdf"
			check "$kind-$lang $size written" test -s "$pdf"
			check "$kind-$lang $size qpdf --check" qpdf --check "$pdf"
			# the booklet's front and back covers have their own codes
			# to the local page (normal and large print)
			covers=0
			[ "$kind" = leaflet-booklet ] && covers=2
			check "$kind-$lang $size QR codes decode to the exact URLs ($N_VENUES + 1 + $covers)" \
				f_qr_codes "$pdf" "$lang" $covers
		done
		check "leaflet-$lang $size pdftotext finds every venue" \
			f_venues_in_text "$L/$size/leaflet-$lang.pdf" "$lang"
	done
done

# --- formats -----------------------------------------------------------------
f_page_size() { # PDF WIDTH HEIGHT: every page that size (points, rounded)
	pdfinfo -f 1 -l 99 "$1" 2> /dev/null | awk -v w="$2" -v h="$3" '
		/^Page +[0-9]+ size:/ { n++; if (int($4 + 0.5) != w || int($6 + 0.5) != h) bad = 1 }
		END { exit bad || n == 0 }'
}
check "leaflet A4 portrait" f_page_size "$L/normal/leaflet-fi.pdf" 595 842
check "booklet sheets A4 landscape" f_page_size "$L/normal/leaflet-booklet-fi.pdf" 842 595
f_even_sides() { test $(($(pdfinfo "$1" 2> /dev/null | awk '/^Pages:/ { print $2 }') % 2)) -eq 0; }
check "booklet: whole sheets (pages padded to a multiple of 4)" f_even_sides "$L/normal/leaflet-booklet-fi.pdf"
# booklet order: the first side holds the last page (left) and the cover (right)
f_cover_right() {
	pdftotext -f 1 -l 1 -x 421 -y 0 -W 421 -H 595 "$1" - 2> /dev/null | grep -q "KAIKUKORTTI" &&
	! pdftotext -f 1 -l 1 -x 0 -y 0 -W 421 -H 595 "$1" - 2> /dev/null | grep -q "KAIKUKORTTI"
}
check "booklet: the cover is on the right half of the first side" f_cover_right "$L/normal/leaflet-booklet-fi.pdf"
f_back_cover_left() {
	pdftotext -f 1 -l 1 -x 0 -y 0 -W 421 -H 595 "$1" - 2> /dev/null | grep -q "$2"
}
check "booklet: the back cover (contacts) is on the left half of the first side" \
	f_back_cover_left "$L/normal/leaflet-booklet-fi.pdf" "Yhteystiedot"
check "booklet sv: the back cover is the contacts page" \
	f_back_cover_left "$L/normal/leaflet-booklet-sv.pdf" "Kontakt"
"$KP" render -c "$REGION" -t templates/leaflet.xml -l fi -o "$L/b.pdf" --dump "$L/b.dump" 2> /dev/null
check "booklet dump written next to the dump" test -s "$L/b-booklet.dump"
f_fold_marks() { test "$(grep -c 'line\[fold\]' "$L/b-booklet.dump")" -eq \
	$((2 * $(grep -c '^page ' "$L/b-booklet.dump"))); }
check "booklet: a fold mark at the top and bottom of every side" f_fold_marks
f_balanced_a4() { # the A4 leaflet: two pages, both columns used on the last one
	test "$(grep -c '^page ' "$L/b.dump")" -eq 2 &&
	awk '/^page 2/ { p2 = 1 } p2 && /^  text/ { sub(/x=/, ""); if ($2 + 0 > 300) right = 1; else left = 1 }
	     END { exit !(left && right) }' "$L/b.dump"
}
check "leaflet A4: two pages, last page in two columns" f_balanced_a4

# --- large print: body text at 14 pt or more ----------------------------------
"$KP" render -c "$REGION" -t templates/leaflet.xml -l fi --large-print -o "$L/lp.pdf" \
	--dump "$L/lp.dump" 2> /dev/null
f_large_body() { grep -F '"Maksuton"' "$L/lp.dump" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^size=/)
	{ sub(/size=/, "", $i); if ($i + 0 < 14) bad = 1; n++ } } END { exit bad || n == 0 }'; }
check "leaflet --large-print: offer text at 14 pt or more" f_large_body

# --- errors -----------------------------------------------------------------
# a URL too long for the code's size: error naming the template position, no output
sed 's|^url = https://zoo.example.fi/$|url = https://zoo.example.fi/a/very/long/address/that/does/not/fit/into/a/small/code/at/all/even/at/level/m?with=query\&and=more|' \
	"$REGION" > "$L/long-url.ini"
"$KP" render -c "$L/long-url.ini" -t templates/leaflet.xml -l fi -o "$L/long.pdf" 2> "$L/long.err"
check "too long URL: exit 1" test $? -eq 1
contains "too long URL: names templates/leaflet.xml:LINE:COL" "$L/long.err" "templates/leaflet.xml:"
contains "too long URL: says why" "$L/long.err" "less than 0.5 mm"
check "too long URL: no output" test ! -e "$L/long.pdf"
check "too long URL: no booklet output" test ! -e "$L/long-booklet.pdf"

# --- golden booklet dumps (tests/cases/leaflet/booklet-*/booklet.dump) -------
# imposition: pages 8|1, 2|7, 6|3, 4|5 with fold marks, folios 2..7;
# back-cover: nine pages, the break before the back cover gives way (eight);
# blank-page: one blank page, just before the back cover;
# no-blank-page: pages="multiple-of-4": the same spread over four pages.
_kp=$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")
for case in booklet-imposition booklet-back-cover booklet-blank-page booklet-no-blank-page; do
	B="$L/$case"
	mkdir -p "$B"
	cp "tests/cases/leaflet/$case/region.ini" "tests/cases/leaflet/$case/template.xml" "$B/"
	( cd "$B" && "$_kp" render -c region.ini -t template.xml -l fi -o out.pdf --dump layout.dump 2> /dev/null )
	[ "${UPDATE_GOLDEN:-0}" = 1 ] && cp "$B/layout-booklet.dump" "tests/cases/leaflet/$case/booklet.dump"
	same_file "$case: booklet sides (golden)" "tests/cases/leaflet/$case/booklet.dump" \
		"$B/layout-booklet.dump"
done

# --- the example's booklets as printed: folios and blank pages ---------------
# Each booklet page as "PAGE text|blank FOLIO" (FOLIO - when there is none),
# read with pdftotext from its half of its sheet side: booklet page index i
# (0-based) is on side i (right half when i is even) for i < n/2, else on
# side n-1-i (right half when that is odd).
booklet_pages_seen() { # PDF
	_sides=$(pdfinfo "$1" 2> /dev/null | awk '/^Pages:/ { print $2 }')
	_n=$((2 * _sides)); _i=0
	while [ $_i -lt $_n ]; do
		if [ $_i -lt $((_n / 2)) ]; then _side=$_i; _right=$((_i % 2 == 0));
		else _side=$((_n - 1 - _i)); _right=$((_side % 2 == 1)); fi
		_x=$((_right * 421))
		_body=$(pdftotext -f $((_side + 1)) -l $((_side + 1)) -x $_x -y 0 -W 421 -H 555 "$1" - 2> /dev/null | tr -d ' \n\f')
		# (the sheet's print instruction, "... 100 % ...", is not a folio)
		_foot=$(pdftotext -f $((_side + 1)) -l $((_side + 1)) -x $_x -y 556 -W 421 -H 39 "$1" - 2> /dev/null | grep -v '%' | tr -d ' \n\f')
		echo "$((_i + 1)) $([ -n "$_body" ] && echo text || echo blank) ${_foot:--}"
		_i=$((_i + 1))
	done
}
# Covers unnumbered; every other page with text carries its own booklet page
# number; blank pages unnumbered, at most one, and only just before the back
# cover (never a blank spread).
f_booklet_pages() { # PDF
	booklet_pages_seen "$1" > "${1%.pdf}.seen"
	awk '{ n = NR; kind[NR] = $2; folio[NR] = $3 }
	END {
		for (p = 1; p <= n; p++) {
			want = (kind[p] == "text" && p > 1 && p < n) ? p : "-"
			if (folio[p] != want) { print "page " p ": folio " folio[p] ", expected " want; bad = 1 }
			if (kind[p] == "blank") { blanks++; if (p != n - 1) { print "blank page " p " of " n; bad = 1 } }
		}
		if (kind[1] != "text" || kind[n] != "text") { print "a cover is blank"; bad = 1 }
		if (blanks > 1) { print blanks " blank pages"; bad = 1 }
		exit bad }' "${1%.pdf}.seen"
}
# the example's booklet asks for whole sheets (pages="multiple-of-4"): no
# blank page at all
f_no_blank_page() { ! grep -q ' blank ' "${1%.pdf}.seen"; }
for size in normal large; do
	for lang in fi sv en; do
		check "leaflet-booklet-$lang $size: folios 2..n-1, covers unnumbered, no blank spread" \
			f_booklet_pages "$L/$size/leaflet-booklet-$lang.pdf"
		check "leaflet-booklet-$lang $size: no blank page" \
			f_no_blank_page "$L/$size/leaflet-booklet-$lang.pdf"
	done
done

# --- every venue's code sits beside its venue --------------------------------
# In the A4 dump: each venue code (21 mm, 59.5 pt) has a venue name (bold
# 10.5 pt) whose first line's baseline is within 20 pt below the code's top,
# to its left in the same column.
f_codes_beside_names() {
	awk '
	/^page / { flush(); nq = 0; nt = 0; next }
	/rect\[qr-quiet\]/ { split($2, a, "="); split($3, b, "="); split($4, c, "=");
		if (c[2] + 0 < 65) { qx[++nq] = a[2] + 0; qy[nq] = b[2] + 0 } next }
	/^  text / && /NotoSans-Bold.ttf size=10.50/ { split($2, a, "="); split($3, b, "=");
		tx[++nt] = a[2] + 0; ty[nt] = b[2] + 0 }
	function flush(   i, j, ok) {
		for (i = 1; i <= nq; i++) {
			ok = 0
			for (j = 1; j <= nt; j++)
				if (ty[j] >= qy[i] && ty[j] <= qy[i] + 20 && tx[j] < qx[i] && tx[j] > qx[i] - 200) ok = 1
			if (!ok) { print "code at " qx[i] "," qy[i] " has no venue name beside it"; bad = 1 }
			codes++
		}
	}
	END { flush(); if (codes != n) { print codes " venue codes, expected " n; bad = 1 } exit bad }
	' n="$N_VENUES" "$L/b.dump"
}
check "leaflet A4: every venue code sits beside its venue's name" f_codes_beside_names

# --- the venues' even rhythm (tests/typo/venue_rhythm.py) ----------------------
# The same visible space between venues whether the text or the code is
# taller, and the codes of each column ending on one vertical line, in the
# A4 leaflets (fi, sv, en; normal and large print) and the golden case
# leaflet/venue-rhythm.
for size in normal large; do
	for lang in fi sv en; do
		_lp=; [ $size = large ] && _lp=--large-print
		"$KP" render -c "$REGION" -t templates/leaflet.xml -l $lang $_lp \
			-o "$L/rhythm-$size-$lang.pdf" --dump "$L/rhythm-$size-$lang.dump" 2> /dev/null
		check "leaflet-$lang $size: venues on an even rhythm, codes in line" \
			python3 tests/typo/venue_rhythm.py "$L/rhythm-$size-$lang.dump"
	done
done
check "venue-rhythm golden case: even rhythm, codes in line" \
	python3 tests/typo/venue_rhythm.py tests/cases/leaflet/venue-rhythm/dump
