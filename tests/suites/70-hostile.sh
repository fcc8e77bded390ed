# Hostile inputs that are too big to commit (generated here into $OUT), inputs
# that must be accepted (byte-order mark, CRLF, trailing spaces), the size
# limits, bounded memory, and privacy of holder names on every path.
# The small hostile inputs are golden cases in tests/cases/hostile/.

H=$OUT/hostile
mkdir -p "$H"
REGION=config/esimerkkila.ini

# expect_error NAME STATUS EXPECTED-STDERR-FILE KAIKUPRINT-ARGS...: the run
# exits with STATUS, prints exactly the expected stderr and writes no $H/out.pdf.
expect_error() {
	_n=$1 _st=$2 _exp=$3
	shift 3
	rm -f "$H/out.pdf"
	"$KP" "$@" > "$H/$_n.stdout" 2> "$H/$_n.stderr"
	_got=$?
	if [ "$_got" = "$_st" ]; then pass "hostile $_n status"; else
		fail "hostile $_n status" "exit $_got, expected $_st"; fi
	same_file "hostile $_n stderr" "$_exp" "$H/$_n.stderr"
	if [ -e "$H/out.pdf" ]; then fail "hostile $_n no-output" "out.pdf written"; else
		pass "hostile $_n no-output"; fi
}

# repeat TEXT COUNT: TEXT written COUNT times (no newline).
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

xml_head='<?xml version="1.0" encoding="UTF-8"?>'

# --- A 10 MB attribute: over TEMPLATE_MAX_BYTES, refused before parsing.
{ echo "$xml_head"; printf '<document name="x"><body><p style="'; repeat aaaaaaaaaa 1048576
  echo '">x</p></body></document>'; } > "$H/attr10m.xml"
echo "kaikuprint: $H/attr10m.xml: error: template is larger than the limit of 1048576 bytes" \
	> "$H/attr10m.expected"
expect_error attr-10mb 1 "$H/attr10m.expected" render -c $REGION -t "$H/attr10m.xml" -o "$H/out.pdf"

# --- A 1 MB attribute within the limit: the message quotes at most 80 bytes of it.
{ echo "$xml_head"; printf '<document name="x"><body>\n<p style="'; repeat aaaaaaaaaa 100000
  echo '">x</p></body></document>'; } > "$H/attr1m.xml"
echo "kaikuprint: $H/attr1m.xml:3:1: error: unknown style \"$(repeat a 80)\"" > "$H/attr1m.expected"
expect_error attr-1mb 1 "$H/attr1m.expected" render -c $REGION -t "$H/attr1m.xml" -o "$H/out.pdf"

# --- 10,000 nested elements: libxml2 stops at 256 levels.
{ echo "$xml_head"; printf '<document name="x"><body>'; repeat '<keep>' 10000; printf '<p>x</p>'
  repeat '</keep>' 10000; echo '</body></document>'; } > "$H/deep.xml"
echo "kaikuprint: $H/deep.xml:2:1556: error: elements are nested more than 256 levels deep" \
	> "$H/deep.expected"
expect_error deep-nesting 1 "$H/deep.expected" render -c $REGION -t "$H/deep.xml" -o "$H/out.pdf"

# --- Size limits: a template of exactly TEMPLATE_MAX_BYTES (1 MiB) is read,
# one byte more is refused; the same for CONFIG_MAX_BYTES (256 KiB).
# pad_ini FILE SIZE: append comment lines (under the 1000-byte line limit)
# until FILE is SIZE bytes.
pad_ini() {
	_need=$(($2 - $(wc -c < "$1")))
	awk -v n="$_need" 'BEGIN { while (n > 0) { k = n > 800 ? 800 : n; s = ";";
		for (i = 2; i < k; i++) s = s "x"; if (k > 1) print s; else printf "\n"; n -= k } }' >> "$1"
}
{ echo "$xml_head"; echo '<document name="x"><body><p>{region.name}</p></body></document>'
  printf '<!--'; } > "$H/limit.xml"
_have=$(wc -c < "$H/limit.xml")
{ repeat ' ' $((1048576 - _have - 4)); echo '-->'; } >> "$H/limit.xml"
if [ "$(wc -c < "$H/limit.xml")" -eq 1048576 ] &&
   "$KP" render -c $REGION -t "$H/limit.xml" -o "$H/limit.pdf" 2> "$H/limit.stderr"; then
	pass "hostile template at the limit accepted"
else fail "hostile template at the limit accepted" "$(head -2 "$H/limit.stderr")"; fi
echo ' ' >> "$H/limit.xml"
echo "kaikuprint: $H/limit.xml: error: template is larger than the limit of 1048576 bytes" \
	> "$H/limit.expected"
expect_error template-over-limit 1 "$H/limit.expected" render -c $REGION -t "$H/limit.xml" -o "$H/out.pdf"

cp $REGION "$H/limit.ini"
pad_ini "$H/limit.ini" 262144
if [ "$(wc -c < "$H/limit.ini")" -eq 262144 ] &&
   "$KP" render -c "$H/limit.ini" -t templates/checklist.xml -o "$H/limit.pdf" 2> "$H/limit-ini.stderr" &&
   ! grep -q error "$H/limit-ini.stderr"; then
	pass "hostile config at the limit accepted"
else fail "hostile config at the limit accepted" "$(head -2 "$H/limit-ini.stderr")"; fi
echo ';' >> "$H/limit.ini"
echo "kaikuprint: $H/limit.ini: error: region file is larger than the limit of 262144 bytes" \
	> "$H/limit-ini.expected"
expect_error config-over-limit 1 "$H/limit-ini.expected" render -c "$H/limit.ini" -t templates/checklist.xml -o "$H/out.pdf"

# --- Memory stays bounded on the largest accepted template: 1 MiB of
# paragraphs laid out on about 350 pages (max RSS measured by /usr/bin/time).
{ echo "$xml_head"; echo '<document name="x"><body>'
  for i in 1 2 3 4 5 6 7 8 9 10; do
	repeat '<p>Kaikukortti on maksuton kulttuurikortti. {region.name} ja sen verkosto tarjoavat lippuja. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>
' 450; done; echo '</body></document>'; } > "$H/big.xml"
if [ "$(wc -c < "$H/big.xml")" -le 1048576 ] &&
   /usr/bin/time -f %M -o "$H/big.rss" "$KP" render -c $REGION -t "$H/big.xml" -o "$H/big.pdf" 2> "$H/big.stderr"; then
	rss=$(tail -1 "$H/big.rss")
	# About 65 MB today; 300 MB without sanitizers, ASan needs about three times more.
	limit=300000
	case "$KP" in *san*) limit=900000 ;; esac
	if [ "$rss" -lt "$limit" ]; then pass "hostile largest template memory ($rss kB)"; else
		fail "hostile largest template memory" "$rss kB >= $limit kB"; fi
else fail "hostile largest template memory" "$(wc -c < "$H/big.xml") bytes; $(head -2 "$H/big.stderr")"; fi

# --- Accepted oddities: byte-order marks, CRLF line ends and trailing spaces
# are read as if they were not there.
printf '\357\273\277%s\r\n<document name="x"><body>\r\n<p>[{region.name}] [{region.year}]</p>\r\n</body></document>\r\n' \
	"$xml_head" > "$H/bom-crlf.xml"
{ printf '\357\273\277'; sed 's/$/\r/; s/^year = 2027/year = 2027   /; s/^name = Esimerkkilä$/name = Esimerkkilä   /' $REGION; } \
	> "$H/bom-crlf.ini"
if "$KP" render -c "$H/bom-crlf.ini" -t "$H/bom-crlf.xml" -o "$H/bom-crlf.pdf" 2> "$H/bom-crlf.stderr" &&
   pdftotext "$H/bom-crlf.pdf" "$H/bom-crlf.txt"; then
	contains "hostile BOM, CRLF and trailing spaces are ignored" "$H/bom-crlf.txt" "[Esimerkkilä] [2027]"
else fail "hostile BOM, CRLF and trailing spaces are ignored" "$(head -2 "$H/bom-crlf.stderr")"; fi

# --- CSV: a 1 MB name is refused by row, without quoting it.
{ echo 'name,issued,children'; repeat QQQQQQQQQQ 100000; echo ',2027-01-01,1'; } > "$H/bigname.csv"
echo "kaikuprint: $H/bigname.csv:2: error: column \"name\" is longer than 1000 bytes" > "$H/bigname.expected"
expect_error csv-1mb-name 1 "$H/bigname.expected" render -c $REGION -t templates/card-inserts.xml \
	--data "$H/bigname.csv" -o "$H/out.pdf"

# --- CSV size limits: at most HOLDERS_MAX_ROWS (100,000) rows, refused early.
awk 'BEGIN { print "name,issued,children"; for (i = 1; i <= 100001; i++) printf "Holder %d,2027-01-01,0\n", i }' \
	> "$H/rows.csv"
echo "kaikuprint: $H/rows.csv: error: more than 100000 rows" > "$H/rows.expected"
expect_error csv-too-many-rows 1 "$H/rows.expected" render -c $REGION -t templates/card-inserts.xml \
	--data "$H/rows.csv" -o "$H/out.pdf"

# --- Privacy on every path. Distinctive names may appear only in the
# card-insert PDF of a good run: never on stdout or stderr, in TMPDIR, next to
# the output, in another document, or after any kind of failure.
P=$H/privacy
mkdir -p "$P/tmp" "$P/out"
NAMES='Zorblax|Quendelworth|Vexmira|Thrumbleby'
good="name,issued,children
Zorblax Quendelworth,2027-01-01,1
Vexmira Thrumbleby,2027-02-01,0"
printf '%s\n' "$good" > "$P/good.csv"
# private RUN-NAME ARGS...: run with TMPDIR=$P/tmp, keep stdout and stderr.
private() {
	_n=$1
	shift
	TMPDIR="$P/tmp" "$KP" "$@" > "$P/$_n.stdout" 2> "$P/$_n.stderr"
	echo $? > "$P/$_n.status"
}
cards=templates/card-inserts.xml
private good render -c $REGION -t $cards --data "$P/good.csv" -o "$P/out/cards.pdf"
{ echo 'name,issued,children'; echo 'Zorblax Quendelworth,2027-02-30,1'; echo '"Vexmira Thrumbleby,2027-01-01,0'; } > "$P/bad-rows.csv"
private bad-rows render -c $REGION -t $cards --data "$P/bad-rows.csv" -o "$P/out/bad.pdf"
{ echo 'name,issued,children'; echo 'Zorblax Quendelworth-Vexmira-Thrumbleby-Abercrombie-Featherstonehaugh,2027-01-01,0'; } > "$P/too-long.csv"
private too-long render -c $REGION -t $cards --data "$P/too-long.csv" -o "$P/out/long.pdf"
{ echo 'name,issued,children'; echo 'Zorblax 😀 Quendelworth,2027-01-01,0'; } > "$P/glyph.csv"
private no-glyph render -c $REGION -t $cards --data "$P/glyph.csv" -o "$P/out/glyph.pdf"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<document name="x"><body><each list="holders" as="h"><p>{h.nmae}</p></each></body></document>\n' > "$P/bad.xml"
# Names typed into the wrong columns must not be quoted back as bad values.
{ echo 'name,issued,children,type'; echo '2027-01-01,Zorblax Quendelworth,1,'
  echo 'Ann,2027-01-01,Vexmira Thrumbleby,'; echo 'Bob,2027-01-01,0,Thrumbleby'; } > "$P/swapped.csv"
private swapped render -c $REGION -t $cards --data "$P/swapped.csv" -o "$P/out/swapped.pdf"
private bad-template render -c $REGION -t "$P/bad.xml" --data "$P/good.csv" -o "$P/out/bad-template.pdf"
private stdin-dump render -c $REGION -t $cards --data - -o "$P/out/stdin.pdf" < "$P/too-long.csv"
private check check -c $REGION -t $cards --data "$P/good.csv"
private other-document render -c $REGION -t templates/checklist.xml --data "$P/good.csv" -o "$P/out/checklist.pdf"
( trap '' XFSZ; ulimit -f 20
  private disk-full render -c $REGION -t $cards --data "$P/good.csv" -o "$P/out/full.pdf" )
private device-full render -c $REGION -t $cards --data "$P/good.csv" -o /dev/full

statuses=$(for r in good bad-rows too-long no-glyph swapped bad-template stdin-dump check other-document disk-full device-full; do
	printf '%s=%s ' $r "$(cat "$P/$r.status")"; done)
check "privacy runs end as expected ($statuses)" test "$statuses" = \
	"good=0 bad-rows=1 too-long=1 no-glyph=1 swapped=1 bad-template=1 stdin-dump=1 check=0 other-document=0 disk-full=3 device-full=3 "
check "privacy: the names are in the card PDF" sh -c \
	"pdftotext -q '$P/out/cards.pdf' - | grep -q 'Zorblax Quendelworth'"
leaks=$(grep -lE "$NAMES" "$P"/*.stdout "$P"/*.stderr 2>/dev/null)
check "privacy: no name on stdout or stderr of any run${leaks:+ ($leaks)}" test -z "$leaks"
check "privacy: errors name rows (bad-rows.csv:2)" grep -q "bad-rows.csv:2: error" "$P/bad-rows.stderr"
check "privacy: no name in the other document" sh -c \
	"! pdftotext -q '$P/out/checklist.pdf' - | grep -qE '$NAMES'"
check "privacy: TMPDIR stays empty" test -z "$(ls -A "$P/tmp")"
check "privacy: only the good outputs exist ($(ls -A "$P/out" | tr '\n' ' '))" \
	test "$(ls -A "$P/out" | tr '\n' ' ')" = "cards.pdf checklist.pdf "
