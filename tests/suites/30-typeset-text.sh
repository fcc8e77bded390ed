# Text typesetting as a reader sees it: hyphenation points (unit tests with
# hand-checked lists), line breaking (unit tests), the PDFs of the
# tests/cases/typeset-text/ cases (their layout dumps are golden, suite
# 10-golden), and the typography report on the fixed corpus (make
# typo-report), which fails when its targets are missed.
mkdir -p "$OUT/typeset-text"
T=$(cd "$OUT/typeset-text" && pwd)
C=tests/cases/typeset-text
kp_abs=$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")

# Unit tests: with the shared harness (tests/unit/unit.h), else built here.
for prog in test_hyph test_linebreak; do
	if make -s "build/unit/$prog" > "$T/$prog.build" 2>&1; then
		bin=build/unit/$prog
	else
		bin=$T/$prog
		cc -std=c11 -D_GNU_SOURCE -Isrc -Itests/unit -o "$bin" "tests/unit/$prog.c" \
			tests/unit/test_main.c build/libkaikuprint.a \
			$(pkg-config --cflags --libs libxml-2.0 harfbuzz libqrencode) \
			-lhpdf -liniparser -lvoikko -lhyphen -lcsv -lpng -lm > "$T/$prog.build" 2>&1
	fi
	if "$bin" > "$T/$prog.log" 2>&1; then
		pass "typeset-text unit $prog ($(tail -1 "$T/$prog.log"))"
	else
		fail "typeset-text unit $prog" "$(grep -v '^ok' "$T/$prog.log" | head -12)"
	fi
done

# render CASE [LANG]: the case's template to $T/CASE.pdf, from the case folder
render() {
	( cd "$C/$1" && "$kp_abs" render -c region.ini -t template.xml ${2:+-l $2} \
		-o "$T/$1.pdf" 2> "$T/$1.log" )
}

for lang in fi sv en; do
	render torture-$lang $lang
	check "typeset-text torture-$lang qpdf --check" qpdf --check "$T/torture-$lang.pdf"
	pdftotext "$T/torture-$lang.pdf" "$T/torture-$lang.txt" 2> /dev/null
	# a URL that had to break comes back without any hyphen added to it
	contains "typeset-text torture-$lang URL intact" "$T/torture-$lang.txt" "https://www.example.fi/"
	check "typeset-text torture-$lang no overfull warning" test ! -s "$T/torture-$lang.log"
done
# Font expansion and letter spacing as drawn: the torture PDFs scale glyphs
# (Tz) by at most 2 % and space letters (Tc, 9 pt text) by at most 0.03 em,
# and some lines do use expansion.
for lang in fi sv en; do
	qpdf --qdf --object-streams=disable "$T/torture-$lang.pdf" "$T/torture-$lang.qdf"
	check "typeset-text torture-$lang expansion and letter spacing within limits" awk '
		/ Tz$/ { if ($1 < 97.999 || $1 > 102.001) bad++; if ($1 != 100) scaled++ }
		/ Tc$/ { tc = $1 < 0 ? -$1 : $1; if (tc > 0.03 * 9 / 0.98 + 0.0001) bad++ }
		END { exit bad > 0 || scaled == 0 }' "$T/torture-$lang.qdf"
done
# an explicit hyphen is never doubled at a break
contains "typeset-text torture-fi explicit hyphen kept" "$T/torture-fi.txt" "Kaikukortti-yhteyshenkilö"
check "typeset-text torture-fi no doubled hyphen" sh -c "! grep -q -- '--' '$T/torture-fi.txt'"

render special-characters
pdftotext -layout "$T/special-characters.pdf" "$T/special.txt" 2> /dev/null
# soft hyphens: a hyphen at the line end, never U+00AD in the text
contains "typeset-text soft hyphen drawn at a break" "$C/special-characters/dump" 'text[hyphen]'
contains "typeset-text soft-hyphenated word whole in the text layer" "$T/special.txt" \
	"kulttuuriosallisuussuunnitelma"
check "typeset-text soft hyphen not drawn" sh -c "! grep -q \"$(printf '\302\255')\" '$T/special.txt'"
# no-break hyphen: Noto Sans has U+2011, and it comes back as itself
contains "typeset-text no-break hyphen extracted" "$T/special.txt" "$(printf 'Kortti\342\200\221')"
pdffonts "$T/special-characters.pdf" > "$T/special.fonts" 2> /dev/null
contains "typeset-text fonts embedded" "$T/special.fonts" "NotoSans"

# A dictionary that cannot be found is an error naming it; no PDF is written.
rm -f "$T/nodict.pdf"
( cd "$C/torture-sv" && KAIKUPRINT_HYPHEN_DIR=/nonexistent "$kp_abs" render -c region.ini \
	-t template.xml -l sv -o "$T/nodict.pdf" 2> "$T/nodict.log" )
check "typeset-text missing dictionary fails" test ! -e "$T/nodict.pdf"
contains "typeset-text missing dictionary named" "$T/nodict.log" "no hyphenation patterns hyph_sv_SE.dic"

# The typography report on the corpus: its targets are the test.
if sh tests/typo/report.sh "$T/typo" > "$T/typo.txt" 2>&1; then
	pass "typeset-text typo-report targets met"
else
	fail "typeset-text typo-report targets" "$(tail -4 "$T/typo.txt")"
fi
sed 's/^/    /' "$T/typo.txt"

# No two text runs of a line overlap (a word's parts are placed by the widths
# the line breaker measured; a wrong width shows up here, as it did for the
# parts of a word with soft hyphens).
overlaps() {
	awk '/^page/ { n = 0; next }
	/^  text/ {
		y = $0; sub(/.* y=/, "", y); sub(/ .*/, "", y)
		x = $0; sub(/.* x=/, "", x); sub(/ .*/, "", x)
		w = $0; sub(/.* w=/, "", w); sub(/ .*/, "", w)
		for (i = 1; i <= n; i++)
			if (ly[i] == y && x + 0 < lx[i] + lw[i] - 0.02 && x + w > lx[i] + 0.02)
				bad++
		n++; ly[n] = y; lx[n] = x + 0; lw[n] = w + 0 # dumps round to 0.01 pt
	}
	END { exit bad > 0 }' "$@"
}
for d in $C/*/dump; do
	check "typeset-text no overlapping runs in $(basename "$(dirname "$d")")" overlaps "$d"
done
for d in "$T"/typo/*.dump; do
	check "typeset-text no overlapping runs in corpus $(basename "$d" .dump)" overlaps "$d"
done

# In Swedish and English the programme's names break only as Kaiku-kortti and
# Kaiku-kanta (Finnish takes libvoikko's syllables): a run of the name cut
# elsewhere before an added hyphen fails.
bad_name_breaks() {
	awk '/^  text\[hyphen\]/ && prev ~ /"(Ka|Kaik|Kaikuk|Kaikuko|Kaikukor|Kaikukort|Kaikukortt|Kaikuka|Kaikukan|Kaikukant)"$/ {
		print FILENAME ": " prev; n++ }
	     { prev = $0 } END { exit n > 0 }' "$T"/typo/*-sv*.dump "$T"/typo/*-en*.dump
}
check "typeset-text Kaikukortti and Kaikukanta broken only at Kaiku- in sv and en" bad_name_breaks
check "typeset-text the example documents break Kaikukortti somewhere (the check above sees a break)" \
	sh -c "cat '$T'/typo/*-en*.dump | grep -A1 '\"Kaiku\"\$' | grep -q 'text\[hyphen\]'"
