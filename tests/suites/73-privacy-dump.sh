# Holder names go into the card PDF and nowhere else: not even into a layout
# dump the user asks for. The dump shows where a name is and how long it is.
d="$OUT/privacy-dump"
mkdir -p "$d"
printf 'name,issued,children\nZyxwvu Qwertyson-Plumtree,2027-03-01,1\n' > "$d/h.csv"
"$KP" render -c config/esimerkkila.ini -t templates/card-inserts.xml -l fi \
	--data "$d/h.csv" -o "$d/cards.pdf" --dump "$d/cards.dump" > "$d/stdout" 2> "$d/stderr"
check "privacy dump: batch renders" test -s "$d/cards.pdf"
if grep -q "Qwertyson" "$d/cards.dump" "$d/stdout" "$d/stderr"; then
	fail "privacy dump: the name is not in the dump or messages"
else
	pass "privacy dump: the name is not in the dump or messages"
fi
contains "privacy dump: the dump marks where the name is" "$d/cards.dump" "<personal data, 25 characters>"
pdftotext "$d/cards.pdf" "$d/cards.txt" 2>/dev/null
contains "privacy dump: the name is in the PDF" "$d/cards.txt" "Zyxwvu Qwertyson-Plumtree"
