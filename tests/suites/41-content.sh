# Document content (issue 12), read back from the PDFs with pdftotext in fi,
# sv and en: every point of the national distributor checklist in the
# checklist, in the source's order (the table in templates/SOURCES.md); the
# blanks filled from the region or left as fill-in lines; the national
# addresses and their override; the region's rule for the paper form; the
# "updated" date; the day of printing of card batches.
T=$OUT/content
mkdir -p "$T"
example_logo "$T"
REGION=config/esimerkkila.ini

# text FILE.pdf: the text on one line, for phrase checks
flat() { pdftotext -q -layout "$1" - | tr '\n\f' '  '; }

# 1. Every source point, in order, in every language.
for l in fi sv en; do
	"$KP" render -c $REGION -t templates/checklist.xml -l $l -o "$T/checklist-$l.pdf" \
		2> "$T/checklist-$l.err"
	pdftotext -q "$T/checklist-$l.pdf" "$T/checklist-$l.txt"
	check "content checklist $l: every point of the source, in its order (SOURCES.md)" \
		python3 - "$l" "$T/checklist-$l.txt" templates/SOURCES.md <<'EOF'
import re, sys
lang, textfile, table = sys.argv[1:]
col = {"fi": 3, "sv": 4, "en": 5}[lang]
def norm(s):
    s = s.replace("\u00ad", "").replace("\u2019", "'").lower()
    return re.sub(r"[\s\-\u2010\u2011]+", "", s)
text = norm(open(textfile, encoding="utf-8").read())
rows = [r.split("|") for r in open(table, encoding="utf-8") if re.match(r"\| M\d+ \|", r)]
ids = [r[1].strip() for r in rows]
if ids != ["M%d" % i for i in range(1, 23)]:
    sys.exit("SOURCES.md must list M1..M22 in order, has %s" % ids)
at = 0
for r in rows:
    for phrase in r[col].split(" + "):
        p = norm(phrase)
        found = text.find(p, at)
        if found < 0:
            where = "at all" if text.find(p) < 0 else "after the point before it"
            sys.exit("%s: '%s' not found %s" % (r[1].strip(), phrase.strip(), where))
        at = found
print("all 22 points in order")
EOF
	check "content checklist $l: renders without warnings" test ! -s "$T/checklist-$l.err"
done
# every item of the checklist has a tick box (an empty square, not a bullet)
"$KP" render -c $REGION -t templates/checklist.xml -l fi -o "$T/c.pdf" --dump "$T/checklist.dump"
check "content checklist: a tick box for every point (22 or more)" \
	test "$(grep -c 'rect\[tick-box\]' "$T/checklist.dump")" -ge 22

# 2. The blanks of the source: filled from the region, else fill-in lines.
grep -v '^contact_name\|^paper_form_after' $REGION > "$T/no-contact.ini"
"$KP" render -c "$T/no-contact.ini" -t templates/checklist.xml -l fi -o "$T/no-contact.pdf" \
	--dump "$T/no-contact.dump" 2> /dev/null
check "content checklist: contact person from the region" \
	sh -c "tr -d ' \n' < '$T/checklist-fi.txt' | grep -q 'yhteyshenkilö:MaijaMeikäläinen-Esimerkki'"
check "content checklist: no contact person, a fill-in line instead" \
	test "$(grep -c 'line\[fill\]' "$T/no-contact.dump")" -gt "$(grep -c 'line\[fill\]' "$T/checklist.dump")"
contains "content checklist: the coordinators from the region" "$T/checklist-fi.txt" "Sanna Sosiaali-Åkerlund"
contains "content checklist: the local web page from the region" "$T/checklist-sv.txt" "https://www.example.fi/kaikukortti/sv"

# 3. National addresses: defaults, and a region file may override them.
contains "content national: Kaikukanta's default address" "$T/checklist-en.txt" "https://kaikukanta.fi/admin"
{ cat $REGION; printf '\n[national]\nweb = https://kaikukortti.example.org\nprivacy_notice_sv = https://kaikukortti.example.org/sv/dataskydd\n'; } > "$T/national.ini"
"$KP" render -c "$T/national.ini" -t templates/checklist.xml -l sv -o "$T/national.pdf"
pdftotext -q "$T/national.pdf" "$T/national.txt"
contains "content national: web overridden" "$T/national.txt" "https://kaikukortti.example.org"
contains "content national: a language's own address" "$T/national.txt" "https://kaikukortti.example.org/sv/dataskydd"
check "content national: the overridden default is gone" \
	sh -c "! tr '\n' ' ' < '$T/national.txt' | grep -q 'kontaktuppgifter: https://www.kaikukortti.fi'"

# 4. What happens to the paper form: the region's rule, else a neutral line.
for doc in checklist registration-form registration-form-sheet; do
	"$KP" render -c "$T/no-contact.ini" -t templates/$doc.xml -l fi -o "$T/$doc-neutral.pdf" 2> /dev/null
	flat "$T/$doc-neutral.pdf" > "$T/$doc-neutral.txt"
	check "content $doc: no rule of its own for the paper form (hävitä)" sh -c "! grep -qi 'hävit' '$T/$doc-neutral.txt'"
	contains "content $doc: the region's coordinator says what happens to the form" "$T/$doc-neutral.txt" "vastuuhenkilö"
done
# (the example region has its own rule)
"$KP" render -c $REGION -t templates/registration-form.xml -l fi -o "$T/form-rule.pdf"
check "content registration-form: the region's own rule for the paper form" \
	sh -c "pdftotext -q '$T/form-rule.pdf' - | tr '\n' ' ' | grep -q 'tietoturvallisesti'"

# 5. The "updated" date: from the region, else the day of printing.
contains "content updated: from [region] updated" "$T/checklist-fi.txt" "Päivitetty 1.12.2026"
grep -v '^updated' $REGION > "$T/no-updated.ini"
"$KP" render -c "$T/no-updated.ini" -t templates/checklist.xml -l en --today 2027-04-09 -o "$T/updated.pdf"
check "content updated: the day of printing when the region gives none" \
	sh -c "pdftotext -q '$T/updated.pdf' - | grep -q 'Updated 9 April 2027'"

# 6. Card batches and the day of printing: the clock when neither --today nor
#    KAIKUPRINT_TODAY is given; a bad --today is a usage error.
printf 'name,issued,children\nFar Future,2099-01-01,0\n' > "$T/future.csv"
grep -v '^trial_end' $REGION > "$T/no-trial.ini"
env -u KAIKUPRINT_TODAY "$KP" render -c "$T/no-trial.ini" -t templates/card-inserts.xml --data "$T/future.csv" \
	-o "$T/future.pdf" 2> "$T/future.err"
check "content today: the clock is the default day of printing" \
	grep -q 'future.csv:2: error: issued 2099-01-01, later than the day of printing' "$T/future.err"
check "content today: nothing written for a future row" test ! -e "$T/future.pdf"
"$KP" render -c $REGION -t templates/card-inserts.xml --data config/esimerkkila-holders.csv \
	--today 2027-13-01 -o "$T/bad-today.pdf" 2> "$T/bad-today.err"
check "content today: --today 2027-13-01 is a usage error" test $? -eq 2
check "content today: the example holders pass on the example's day" "$KP" check -c $REGION \
	-t templates/card-inserts.xml --data config/esimerkkila-holders.csv --today 2027-03-01

# 7. The print instruction: one line on every sheet, in the document's
#    language, outside the cut area (card sheets) or at a booklet sheet's foot.
note_fi="Tulosta 100 % (ei sovitusta sivulle), kaksipuolisesti, kääntö pitkältä reunalta"
note_sv="Skriv ut i 100 % (inte anpassat till sidan), dubbelsidigt, vänd längs långsidan"
note_en="Print at 100 % (no “fit to page”), two-sided, flip on the long edge"
every_page_has() { # PDF TEXT [STEP]: every (STEP-th) page's text contains TEXT
	_n=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
	_want=$(printf '%s' "$2" | tr -d ' \302\240')
	[ "${_n:-0}" -gt 0 ] || return 1
	for _p in $(seq 1 "${3:-1}" "$_n"); do
		pdftotext -q -f "$_p" -l "$_p" "$1" - | tr -d ' \n\302\240' | grep -qF -- "$_want" || return 1
	done
}
for l in fi sv en; do
	eval "note=\$note_$l"
	"$KP" render -c $REGION -t templates/card-inserts.xml -l $l -o "$T/cards-$l.pdf" \
		--dump "$T/cards-$l.dump"
	check "content print note $l: on every card sheet (its front)" every_page_has "$T/cards-$l.pdf" "$note" 2
done
"$KP" render -c $REGION -t templates/card-inserts.xml -l fi --data config/esimerkkila-holders.csv \
	-o "$T/batch-fi.pdf" --dump "$T/batch-fi.dump"
check "content print note: on every sheet of the example batch" every_page_has "$T/batch-fi.pdf" "$note_fi" 2
# outside the cut area: above the cards' top cut line (11 mm = 31.2 pt from the
# sheet's top), between the first column's crop marks (20 and 105 mm)
check "content print note: outside the cut area, clear of the crop marks" awk '
	/^  text\[print-note\]/ { n++
		x = $0; sub(/.* x=/, "", x); sub(/ .*/, "", x)
		y = $0; sub(/.* y=/, "", y); sub(/ .*/, "", y)
		w = $0; sub(/.* w=/, "", w); sub(/ .*/, "", w)
		if (y + 0 >= 31.2 - 2 || x + 0 <= 56.7 || x + w >= 297.6) bad++ }
	END { exit !(n == 5 && bad == 0) }' "$T/batch-fi.dump"
book_fi="Tulosta 100 % (ei sovitusta sivulle), kaksipuolisesti, kääntö lyhyeltä reunalta; taita keskeltä"
book_sv="Skriv ut i 100 % (inte anpassat till sidan), dubbelsidigt, vänd längs kortsidan; vik på mitten"
book_en="Print at 100 % (no “fit to page”), two-sided, flip on the short edge; fold in the middle"
for l in fi sv en; do
	eval "note=\$book_$l"
	"$KP" render -c $REGION -t templates/leaflet.xml -l $l -o "$T/leaflet-$l.pdf" 2> /dev/null
	check "content print note $l: on every booklet sheet, short edge" every_page_has "$T/leaflet-booklet-$l.pdf" "$note"
	check "content print note $l: none on the A4 leaflet" sh -c "! pdftotext -q '$T/leaflet-$l.pdf' - | grep -q 'fit to page\|sovitusta\|anpassat'"
done

# 8. The community card: its own front and back, without the children rule.
printf 'issued,name,children,type,organisation\n2027-01-10,,,community,Testiyhdistys ry\n2027-01-10,Aino Testi,2,,\n' > "$T/community.csv"
for l in fi sv en; do
	"$KP" render -c $REGION -t templates/card-inserts.xml -l $l --data "$T/community.csv" \
		-o "$T/community-$l.pdf"
	# sheet 2 is the backs: the community card's back is mirrored to the right column
	pdftotext -q -f 2 -l 2 -x 300 -y 0 -W 300 -H 170 "$T/community-$l.pdf" "$T/community-back-$l.txt"
	pdftotext -q -f 2 -l 2 -x 0 -y 0 -W 300 -H 170 "$T/community-$l.pdf" "$T/personal-back-$l.txt"
done
contains "content community back fi: its own title" "$T/community-back-fi.txt" "Näin käytät yhteisön Kaikukorttia"
contains "content community back sv: its own title" "$T/community-back-sv.txt" "Så används gemenskapskortet"
contains "content community back en: its own title" "$T/community-back-en.txt" "How to use the community card"
for l in fi sv en; do
	check "content community back $l: no children rule" sh -c "! grep -qi 'lapsenlap\|barnbarn\|grandchildren' '$T/community-back-$l.txt'"
	check "content personal back $l: the children rule" grep -qi 'lapsenlap\|barnbarn\|grandchildren' "$T/personal-back-$l.txt"
done
contains "content community back: everyone carries their own card" "$T/community-back-en.txt" "everyone carries their own card"

# 9. The region's logo with its alternative text (the example region has
# one); the card code length.
cp $REGION "$T/logo.ini"
grep -v '^logo' $REGION > "$T/no-logo.ini"
for doc in checklist leaflet; do
	"$KP" render -c "$T/logo.ini" -t templates/$doc.xml -l sv -o "$T/logo-$doc.pdf" --dump "$T/logo-$doc.dump"
	check "content logo: on the $doc" grep -q 'image.*file=esimerkkila-logo.jpg' "$T/logo-$doc.dump"
	"$KP" render -c "$T/no-logo.ini" -t templates/$doc.xml -l sv -o "$T/no-logo-$doc.pdf" --dump "$T/no-logo-$doc.dump"
	check "content logo: none on the $doc when the region names none" sh -c "! grep -q '^  image' '$T/no-logo-$doc.dump'"
done
check "content logo: on the booklet's front cover" grep -q 'image.*file=esimerkkila-logo.jpg' "$T/logo-leaflet-booklet.dump"
grep -v '^logo_alt' "$T/logo.ini" > "$T/no-alt.ini"
"$KP" check -c "$T/no-alt.ini" 2> "$T/no-alt.err"
check "content logo: a logo without its alternative text is an error" grep -q '\[region\] logo_alt: error: a logo needs its alternative text' "$T/no-alt.err"
sed 's/^logo = .*/logo = missing-logo.png/' "$T/logo.ini" > "$T/bad-logo.ini"
"$KP" check -c "$T/bad-logo.ini" 2> "$T/bad-logo.err"
check "content logo: a missing file is an error with its line" grep -q 'bad-logo.ini:[0-9]*: \[region\] logo: error: no such file' "$T/bad-logo.err"
{ cat $REGION; } | sed 's/^\[region\]$/[region]\ncard_code_length = 12/' > "$T/code12.ini"
"$KP" render -c "$T/code12.ini" -t templates/registration-form.xml -l fi -o "$T/code12.pdf" --dump "$T/code12.dump"
"$KP" render -c $REGION -t templates/registration-form.xml -l fi -o "$T/code8.pdf" --dump "$T/code8.dump"
check "content card code: 12 boxes from the region (8 by default)" \
	test "$(grep -c 'rect\[box\]' "$T/code12.dump")" -eq "$(( $(grep -c 'rect\[box\]' "$T/code8.dump") + 4 ))"
