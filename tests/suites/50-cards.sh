# Card inserts (issue 5): the example batch (every name with its expiry date,
# read back with pdftotext card by card), crop marks at the card corners,
# mirrored backs, privacy of names, the progress indicator and standard input.
# Golden cases for the blank cards, errors and shrinking are in tests/cases/cards/.
C=$OUT/cards
mkdir -p "$C/tmp"
REGION=config/esimerkkila.ini
TPL=templates/card-inserts.xml
MM=2.834645669

# Page and slot (0-based) of card K on the front sheets: 10 cards a sheet,
# every front sheet followed by its back sheet.
card_text() { # PDF K
	_sheet=$(($2 / 10)); _slot=$(($2 % 10))
	_x=$(awk -v c=$((_slot % 2)) -v m=$MM 'BEGIN { printf "%d", (210 - 170) / 2 * m + c * 85 * m + 2 }')
	_y=$(awk -v r=$((_slot / 2)) -v m=$MM 'BEGIN { printf "%d", (297 - 275) / 2 * m + r * 55 * m + 2 }')
	_w=$(awk -v m=$MM 'BEGIN { printf "%d", 85 * m - 4 }')
	_h=$(awk -v m=$MM 'BEGIN { printf "%d", 55 * m - 4 }')
	pdftotext -q -r 72 -f $((_sheet * 2 + 1)) -l $((_sheet * 2 + 1)) -x "$_x" -y "$_y" \
		-W "$_w" -H "$_h" "$1" - | tr '\n' ' '
}

# 1. The committed example: every card shows its name (or organisation) and
#    its last valid day, on the same card, in order.
"$KP" render -c $REGION -t $TPL -l fi --data config/esimerkkila-holders.csv \
	-o "$C/batch.pdf" --dump "$C/batch.dump" > "$C/batch.out" 2> "$C/batch.err"
check "cards example batch renders" test $? -eq 0 -a -s "$C/batch.pdf"
check "cards example batch qpdf" qpdf --check "$C/batch.pdf"
k=0; bad=""
grep -v '^#' tests/cases/cards/example-expiry.txt > "$C/expected"
while IFS=';' read -r shown expiry; do
	text=$(card_text "$C/batch.pdf" $k)
	case $text in
	*"$shown"*"$expiry"*) ;;
	*) bad="$bad card $k ($shown / $expiry): [$text]" ;;
	esac
	k=$((k + 1))
done < "$C/expected"
if [ -z "$bad" ] && [ "$k" -ge 40 ]; then pass "cards every name with its expiry ($k cards)"
else fail "cards every name with its expiry" "$bad"; fi
# the card after the last one is empty (nothing extra)
check "cards no card after the last" test -z "$(card_text "$C/batch.pdf" $k | tr -d ' \f')"
check "cards example sheets: 5 front + 5 back" sh -c "pdfinfo '$C/batch.pdf' | grep -q '^Pages: *10$'"

# 2. Crop marks: exactly on the cut lines of the 2 x 5 grid of 85 x 55 mm cards,
#    outside the grid, one pair per cut line end; every box of a card inside its slot.
awk -v m=$MM '
	/^page/ { page++; split($3, wh, "x"); W = wh[1]; H = wh[2] }
	page != 1 { next }
	/^  / {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		cw = 85 * m; ch = 55 * m; x0 = (W - 2 * cw) / 2; y0 = (H - 5 * ch) / 2
		gx1 = x0 + 2 * cw; gy1 = y0 + 5 * ch
	}
	/line\[crop\]/ {
		marks++
		if (v["w"] + 0 == 0) { # vertical: on a column edge, above or below the grid
			ok = 0
			for (c = 0; c <= 2; c++) if (abs(v["x"] - (x0 + c * cw)) < 0.01) ok = 1
			if (!ok || !(v["y"] + v["h"] <= y0 - 1.9 * m || v["y"] >= gy1 + 1.9 * m)) bad++
		} else {               # horizontal: on a row edge, left or right of the grid
			ok = 0
			for (r = 0; r <= 5; r++) if (abs(v["y"] - (y0 + r * ch)) < 0.01) ok = 1
			if (!ok || !(v["x"] + v["w"] <= x0 - 1.9 * m || v["x"] >= gx1 + 1.9 * m)) bad++
		}
		next
	}
	/^  text/ { # inside one slot
		c = int((v["x"] - x0) / cw); r = int((v["y"] - y0) / ch)
		if (v["x"] < x0 || v["x"] + v["w"] > x0 + (c + 1) * cw || r < 0 || r > 4) outside++
	}
	function abs(a) { return a < 0 ? -a : a }
	END { printf "%d marks, %d misplaced, %d boxes outside their card\n", marks, bad, outside
	      exit !(marks == 18 && bad == 0 && outside == 0) }' "$C/batch.dump" > "$C/marks.log"
check "cards crop marks at the card corners ($(cat "$C/marks.log"))" test $? -eq 0

# 3. Backs are mirrored: card 2 (left column, second row) has its back in the
#    right column of the second row.
printf 'name,issued,children\nA One,2027-01-01,0\nB Two,2027-01-01,0\nC Three,2027-01-01,0\n' > "$C/three.csv"
"$KP" render -c $REGION -t $TPL --data "$C/three.csv" -o "$C/three.pdf" --dump "$C/three.dump" 2> "$C/three.err"
awk -v m=$MM '/^page/ { page++ } page == 2 && /^  text/ {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		row = int((v["y"] - (297 - 275) / 2 * m) / (55 * m)); col = v["x"] > 105 * m
		seen[row "," col] = 1 }
	END { exit !(seen["0,0"] && seen["0,1"] && seen["1,1"] && !seen["1,0"]) }' "$C/three.dump"
check "cards backs mirrored for duplex" test $? -eq 0

# 4. Privacy: distinctive names never leave the PDF: not on stdout, stderr, in
#    the temporary folder or next to the output, also when the run fails.
printf 'name,issued,children\nQuxwerty Zanzibarsson,2027-01-01,1\nJibberjab Vortigern-Plumtree,2027-02-01,0\n' > "$C/private.csv"
printf 'name,issued,children\nQuxwerty Zanzibarsson,2027-02-30,1\nJibberjab Vortigern-Plumtree,2027-02-01,0\n' > "$C/private-bad.csv"
printf 'name,issued,children\nQuxwerty Zanzibarsson,2027-01-30,1\nJibberjab Vortigern-Plumtree-Xylophonic-Quagmireton-Blunderbuss,2027-02-01,0\n' > "$C/private-long.csv"
mkdir -p "$C/private"
TMPDIR="$C/tmp" "$KP" render -c $REGION -t $TPL --data "$C/private.csv" -o "$C/private/ok.pdf" > "$C/private/ok.stdout" 2> "$C/private/ok.stderr"
ok_status=$?
TMPDIR="$C/tmp" "$KP" render -c $REGION -t $TPL --data - -o "$C/private/long.pdf" < "$C/private-long.csv" > "$C/private/long.stdout" 2> "$C/private/long.stderr"
long_status=$?
TMPDIR="$C/tmp" "$KP" render -c $REGION -t $TPL --data "$C/private-bad.csv" -o "$C/private/bad.pdf" --dump "$C/private/bad.dump" > "$C/private/bad.stdout" 2> "$C/private/bad.stderr"
bad_status=$?
check "cards privacy: good run ok, bad runs fail without output" test $ok_status -eq 0 -a $bad_status -eq 1 -a $long_status -eq 1 -a ! -e "$C/private/bad.pdf" -a ! -e "$C/private/bad.dump" -a ! -e "$C/private/long.pdf"
check "cards privacy: the names are in the PDF" sh -c "pdftotext -q '$C/private/ok.pdf' - | grep -q 'Quxwerty Zanzibarsson' && pdftotext -q '$C/private/ok.pdf' - | grep -q 'Jibberjab Vortigern-Plumtree'"
check "cards privacy: the errors name rows" sh -c "grep -q 'private-bad.csv:2: error' '$C/private/bad.stderr' && grep -q '<stdin>:3: error: .*mm missing' '$C/private/long.stderr'"
leaks=$(grep -rlE 'Quxwerty|Zanzibar|Jibberjab|Vortigern|Plumtree' "$C/tmp" "$C/private" --exclude=ok.pdf 2>/dev/null)
check "cards privacy: no name in stdout, stderr or temporary files${leaks:+ ($leaks)}" test -z "$leaks"
check "cards privacy: nothing left in TMPDIR or beside the PDF" sh -c "[ -z \"\$(ls -A '$C/tmp')\" ] && [ \"\$(ls '$C/private' | grep -v std)\" = ok.pdf ]"

# 5. Progress on a terminal for a long batch; --quiet and a pipe turn it off.
awk 'BEGIN { print "name,issued,children"; for (i = 1; i <= 400; i++) printf "Holder Number%d,2027-01-01,%d\n", i, i % 4 }' > "$C/many.csv"
script -qec "$KP render -c $REGION -t $TPL --data $C/many.csv -o $C/many.pdf" /dev/null > "$C/tty.log" 2>&1
contains "cards progress on a terminal" "$C/tty.log" "laying out card 400 of 400 (100 %)"
check "cards progress counts a front and its back once" sh -c "grep -q 'card 200 of 400 (50 %)' '$C/tty.log' && ! grep -q '40[1-9] of 400' '$C/tty.log'"
script -qec "$KP render -q -c $REGION -t $TPL --data $C/many.csv -o $C/many.pdf" /dev/null > "$C/tty-quiet.log" 2>&1
check "cards no progress with --quiet" sh -c "! grep -q 'laying out' '$C/tty-quiet.log'"
"$KP" render -c $REGION -t $TPL --data "$C/many.csv" -o "$C/many.pdf" 2> "$C/pipe.err"
check "cards no progress when stderr is not a terminal" test ! -s "$C/pipe.err"
check "cards 400 cards on 40 sheets" sh -c "pdfinfo '$C/many.pdf' | grep -q '^Pages: *80$'"

# 6. Large print does not apply to cards (fixed size): the blank cards still render.
check "cards ignore large print" "$KP" render -c $REGION -t $TPL --large-print -o "$C/large.pdf"

# 7. --split N: a numbered file every N sheets, the same cards as one file
#    (page by page), all parts or none.
S=$C/split
rm -rf "$S"; mkdir -p "$S"
"$KP" render -c $REGION -t $TPL -l fi --data config/esimerkkila-holders.csv -o "$S/one.pdf" -q
"$KP" render -c $REGION -t $TPL -l fi --data config/esimerkkila-holders.csv -o "$S/cards.pdf" \
	--split 2 -q
check "cards --split 2: three files for five sheets" sh -c "[ \"\$(cd '$S' && ls cards*)\" = \"\$(printf 'cards-001.pdf\ncards-002.pdf\ncards-003.pdf')\" ]"
for f in "$S"/cards-*.pdf; do pdftotext -q "$f" -; done > "$S/parts.txt"
pdftotext -q "$S/one.pdf" "$S/one.txt"
check "cards --split gives the same cards, page by page, as one file" cmp "$S/parts.txt" "$S/one.txt"
check "cards --split parts have 4, 4 and 2 pages" sh -c "for f in '$S'/cards-*.pdf; do pdfinfo \"\$f\" | awk '/^Pages:/ {print \$2}'; done | tr '\n' ' ' | grep -qx '4 4 2 '"
{ head -1 config/esimerkkila-holders.csv; tail -n +2 config/esimerkkila-holders.csv
  echo "2026-12-01,Aaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbb-Cccccccccccccccccccccc Ddddddddd,0,,"; } > "$S/long.csv"
"$KP" render -c $REGION -t $TPL --data "$S/long.csv" -o "$S/bad.pdf" --split 1 2> "$S/bad.err"
status=$?
check "cards --split: a bad row in the last sheet leaves no part at all" sh -c "[ $status -eq 1 ] && [ -z \"\$(ls '$S' | grep '^bad.*pdf')\" ] && grep -q 'long.csv:46: error' '$S/bad.err'"
"$KP" render -c $REGION -t $TPL --data "$S/long.csv" -o - --split 1 > /dev/null 2> "$S/usage.err"
status=$?
check "cards --split needs an output file" sh -c "[ $status -eq 2 ] && grep -q -- '--split works with render, --data and -o FILE.pdf' '$S/usage.err'"

# 8. Memory follows the sheet: nothing per card outlives its sheet. With
#    --split (libharu keeps the pages of one file until it is saved), 2,000
#    cards take hardly more memory than 200.
awk 'BEGIN { print "name,issued,children"; for (i = 1; i <= 2000; i++) printf "Holder Number%d,2027-01-01,%d\n", i, i % 4 }' > "$S/2000.csv"
head -201 "$S/2000.csv" > "$S/200.csv"
# ASan keeps freed memory in quarantine: under check-sanitize the plain build is measured.
MKP=$KP
case "$KP" in *san*) MKP=./kaikuprint ;; esac
peak() { /usr/bin/time -f %M "$MKP" render -c $REGION -t $TPL --data "$1" -o "$S/mem.pdf" --split 10 -q 2>&1 >/dev/null | tail -1; }
small=$(peak "$S/200.csv"); large=$(peak "$S/2000.csv")
check "cards memory: 2,000 cards within 4 MB of 200 ($small KB, $large KB)" test $((large - small)) -lt 4096

# 9. What repeats is drawn once (box_group.c, pdf_form.c): the backs of the
#    second sheet are ten placements of one form XObject and nothing else,
#    the example batch has a handful of forms, and the text layer still has
#    every back of the 44 cards (every name and expiry on its card: 1. above).
qpdf --qdf --object-streams=disable "$C/batch.pdf" "$C/batch-qdf.pdf"
forms=$(grep -ac '/Subtype /Form' "$C/batch-qdf.pdf")
check "cards forms: a few form XObjects for the whole batch ($forms)" test "$forms" -ge 2 -a "$forms" -le 8
awk '/^%% Contents for page 4$/,/^endstream/' "$C/batch-qdf.pdf" | grep -v '^%%\|obj\|^<<\|^>>\|Length\|stream$\|^endstream' > "$C/back4.ops"
check "cards forms: the second back sheet is ten Do and nothing else" \
	sh -c "[ \$(grep -c '^q 1 0 0 1 [0-9.]* [0-9.]* cm /X[0-9]* Do Q\$' '$C/back4.ops') -eq 10 ] && [ \$(wc -l < '$C/back4.ops') -eq 10 ]"
check "cards forms: every back reads whole in the text layer" \
	sh -c "[ \$(pdftotext -q '$C/batch.pdf' - | grep -c 'Näin käytät\( yhteisön\)\? Kaikukorttia') -eq 44 ]"
