# Registration form, multi-card sheet and checklist in fi, sv and en:
# PDFs that pass qpdf, the expected text per language, page sizes, boxes big
# enough for handwriting and away from the paper edge, and missing
# translations caught for every document in every language the region lists.
# (The privacy guard and form errors are golden cases in tests/cases/forms.)

F="$OUT/forms"
mkdir -p "$F"
example_logo "$F"
REGION=config/esimerkkila.ini
DOCS="checklist registration-form registration-form-sheet"

# text NAME PDF STRING...: pdftotext of PDF (lines joined) contains every STRING
text() {
	_name=$1 _pdf=$2
	shift 2
	pdftotext -enc UTF-8 "$_pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' > "$F/text.txt"
	for _s in "$@"; do contains "$_name: $_s" "$F/text.txt" "$_s"; done
}

for doc in $DOCS; do
	for lang in fi sv en; do
		check "$doc-$lang renders" "$KP" render -c "$REGION" -t "templates/$doc.xml" -l "$lang" \
			-o "$F/$doc-$lang.pdf" --dump "$F/$doc-$lang.dump"
		check "$doc-$lang qpdf --check" qpdf --check "$F/$doc-$lang.pdf"
	done
done

text "checklist-fi" "$F/checklist-fi.pdf" "muistilista kortinjakajille" "Esimerkkilä" \
	"Kalle Kulttuuri" "kulttuurikoordinaattori" "31.12.2027" "Pienryhmät ja yhteisön Kaikukortti"
text "checklist-sv" "$F/checklist-sv.pdf" "checklista för kortutdelare" "Exempelby" \
	"kulturkoordinator" "31.12.2027" "Små grupper och gemenskapskortet" "Statistik och stöd"
text "checklist-en" "$F/checklist-en.pdf" "checklist for card issuers" "culture coordinator" \
	"31 December 2027" "Small groups and the community card" "Statistics and support"
text "form-fi" "$F/registration-form-fi.pdf" "Kaikukortin rekisteröintilomake" "Kortin koodi" \
	"Syntymävuosi" "Asuinpaikan postinumero" "Esimerkkilän hyvinvointialue" \
	"Mistä asiakas kuuli Kaikukortista?" "Tiedot viety Kaikukantaan"
text "form-sv" "$F/registration-form-sv.pdf" "Registreringsblankett för Kaikukortet" \
	"Kortets kod" "Födelseår" "Exempelby välfärdsområde" "Var hörde klienten om Kaikukortet?" \
	"Inmatning i Kaikukanta"
text "form-en" "$F/registration-form-en.pdf" "Kaikukortti registration form" "Card code" \
	"Year of birth" "Postcode of residence" "Esimerkkilä Wellbeing Services County" \
	"Where did the client hear about Kaikukortti?" "Entered by (initials)"
text "sheet-fi" "$F/registration-form-sheet-fi.pdf" "Kortin koodi" "Myöntämispäivä" \
	"Taustakysymykset" "työntekijältä"
text "sheet-sv" "$F/registration-form-sheet-sv.pdf" "Kortets kod" "Sista giltighetsdag" \
	"Bakgrundsfrågor" "av personal"
text "sheet-en" "$F/registration-form-sheet-en.pdf" "Card code" "Last day of validity" \
	"Background questions" "a friend"

# page count and size: the form on one portrait A4, the sheet landscape
pages() { # NAME PDF PAGES "W x H"
	pdfinfo "$2" 2>/dev/null > "$F/info.txt"
	if grep -q "^Pages: *$3\$" "$F/info.txt" && grep -q "^Page size: *$4 pts" "$F/info.txt"; then
		pass "$1"
	else
		fail "$1" "$(grep -E '^(Pages|Page size)' "$F/info.txt" | tr '\n' ' ')"
	fi
}
for lang in fi sv en; do
	pages "registration-form-$lang one A4 page" "$F/registration-form-$lang.pdf" 1 "595.276 x 841.89"
	pages "registration-form-sheet-$lang landscape A4" "$F/registration-form-sheet-$lang.pdf" 2 \
		"841.89 x 595.276"
	# large print as well: the rows and their sign-off on the first page, the
	# questions on the second (no page holding only the sign-off)
	"$KP" render --large-print -c "$REGION" -t templates/registration-form-sheet.xml -l "$lang" \
		-o "$F/sheet-large-$lang.pdf" 2> /dev/null
	pages "registration-form-sheet-$lang in large print: two pages" "$F/sheet-large-$lang.pdf" 2 \
		"841.89 x 595.276"
	pdftotext -f 1 -l 1 -enc UTF-8 "$F/sheet-large-$lang.pdf" "$F/sheet-large-$lang-1.txt" 2> /dev/null
	contains "registration-form-sheet-$lang in large print: the sign-off on the rows' page" \
		"$F/sheet-large-$lang-1.txt" "$(case $lang in fi) echo "Tiedot vei" ;; sv) echo "Införda av" ;;
			en) echo "Entered by" ;; esac)"
done

# character boxes: at least 6 mm (17.0 pt); tick boxes visibly smaller, 4 to 5 mm
# (11.3 to 14.2 pt); everything at least 10 mm (28.35 pt) from the edge
for doc in registration-form registration-form-sheet; do
	for lang in fi sv en; do
		d="$F/$doc-$lang.dump"
		small=$(grep -a -E '^  rect\[(box|date-box)\]' "$d" |
			sed 's/.* w=\([0-9.]*\) h=\([0-9.]*\).*/\1 \2/' |
			awk '$1 < 17.0 || $2 < 17.0' | wc -l)
		small=$((small + $(grep -a -E '^  rect\[tick\]' "$d" |
			sed 's/.* w=\([0-9.]*\) h=\([0-9.]*\).*/\1 \2/' |
			awk '$1 < 11.3 || $1 > 14.2 || $2 != $1' | wc -l)))
		total=$(grep -a -c -E '^  rect\[(box|date-box|tick)\]' "$d")
		if [ "$small" -eq 0 ] && [ "$total" -gt 20 ]; then pass "$doc-$lang boxes >= 6 mm ($total)"
		else fail "$doc-$lang boxes >= 6 mm" "$small of $total too small"; fi
		edge=$(awk '/^structure$/ { exit } # the boxes end there
			/^page /{ split($3, s, "x"); W = s[1]; H = s[2]; next }
			{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			  top = $1 ~ /^text/ ? v["y"] - v["h"] : v["y"]
			  bottom = $1 ~ /^text/ ? v["y"] : v["y"] + v["h"]
			  if (v["x"] < 28.35 || v["x"] + v["w"] > W - 28.35 || top < 28.35 || bottom > H - 28.35)
				  n++ }
			END { print n + 0 }' "$d")
		if [ "$edge" -eq 0 ]; then pass "$doc-$lang 10 mm from the paper edge"
		else fail "$doc-$lang 10 mm from the paper edge" "$edge boxes closer"; fi
	done
done

# every document, every language: one missing alternative fails check with the exact message
for doc in $DOCS; do
	for lang in fi sv en; do
		sed "0,/<$lang>[^<]*<\/$lang>/s///" "templates/$doc.xml" > "$F/$doc-no-$lang.xml"
		"$KP" check -c "$REGION" -t "$F/$doc-no-$lang.xml" > /dev/null 2> "$F/check.err"
		if [ $? -eq 1 ] && grep -q "^kaikuprint: $F/$doc-no-$lang.xml:[0-9]*:[0-9]*: error: missing translation: no <$lang> text among these alternatives\$" "$F/check.err"; then
			pass "$doc without one <$lang>: check fails"
		else
			fail "$doc without one <$lang>: check fails" "$(head -2 "$F/check.err")"
		fi
	done
	check "$doc: check passes in fi, sv, en" "$KP" check -c "$REGION" -t "templates/$doc.xml"
done

# a region that lists only fi: no sv or en files, and a missing <sv> is no error
sed 's/^languages = .*/languages = fi/' "$REGION" > "$F/fi-only.ini"
check "fi-only region: check ignores a missing <sv>" "$KP" check -c "$F/fi-only.ini" \
	-t "$F/registration-form-no-sv.xml"
mkdir -p "$F/fi-only"
"$KP" all -c "$F/fi-only.ini" -o "$F/fi-only" > /dev/null 2>&1
if [ -f "$F/fi-only/registration-form-fi.pdf" ] && [ -f "$F/fi-only/checklist-fi.pdf" ] &&
	[ -f "$F/fi-only/registration-form-sheet-fi.pdf" ] && ! ls "$F/fi-only" | grep -q -- '-sv\|-en'; then
	pass "fi-only region: all renders fi only"
else
	fail "fi-only region: all renders fi only" "$(ls "$F/fi-only" | tr '\n' ' ')"
fi

# values the config leaves out become fill-in lines the trainer writes on
grep -v '^contact_' "$REGION" > "$F/no-contact.ini"
for lang in fi sv en; do
	"$KP" render -c "$F/no-contact.ini" -t templates/checklist.xml -l "$lang" \
		-o "$F/no-contact-$lang.pdf" --dump "$F/no-contact-$lang.dump" 2> /dev/null
	n=$(grep -a -c '^  line\[fill\]' "$F/no-contact-$lang.dump")
	if [ "$n" -eq 1 ]; then pass "checklist-$lang: a fill-in line for the missing contact person"
	else fail "checklist-$lang: a fill-in line for the missing contact person" "found $n"; fi
done
