# Hostile inputs that are too big to commit (generated here into $OUT), inputs
# that must be accepted (byte-order mark, CRLF, trailing spaces), the size
# limits, bounded memory, and privacy of holder names on every path.
# The small hostile inputs are golden cases in tests/cases/hostile/.

H=$OUT/hostile
mkdir -p "$H"
example_logo "$H"
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
TMPDIR="$P/tmp" "$KP" render -c $REGION -t $cards --data "$P/good.csv" -o - \
	> /dev/full 2> "$P/device-full.stderr"
echo $? > "$P/device-full.status"
: > "$P/device-full.stdout"

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

# --- Outputs: never an input of the same run (by device and inode, links
# followed), never a device, pipe or socket but '-'; the input is unchanged.
O=$H/outputs
L=$H/outputs-log
rm -rf "$O" "$L"
mkdir -p "$O" "$L"
example_logo "$O"
cp $REGION "$O/region.ini"
printf '%s\n' "$good" > "$O/holders.csv"
ln -s region.ini "$O/region-link.ini"
# refused NAME MESSAGE-PART KAIKUPRINT-ARGS...: exit 1 or 2, MESSAGE-PART in
# stderr, and region.ini and holders.csv as they were.
refused() {
	_n=$1 _m=$2
	shift 2
	"$KP" "$@" > "$L/$_n.stdout" 2> "$L/$_n.stderr"
	_st=$?
	check "hostile output $_n refused (exit $_st)" test $_st -eq 1 -o $_st -eq 2
	contains "hostile output $_n message" "$L/$_n.stderr" "$_m"
	check "hostile output $_n inputs unchanged" sh -c \
		"cmp -s '$REGION' '$O/region.ini' && printf '%s\n' '$good' | cmp -s - '$O/holders.csv'"
}
replace="output would replace an input of this run"
refused config-as-output "$O/region.ini: error: $replace" \
	render -c "$O/region.ini" -t templates/checklist.xml -o "$O/region.ini"
refused link-to-config "$O/region-link.ini: error: $replace" \
	render -c "$O/region.ini" -t templates/checklist.xml -o "$O/region-link.ini"
refused data-as-output "$O/holders.csv: error: $replace" \
	render -c "$O/region.ini" -t $cards --data "$O/holders.csv" -o "$O/holders.csv"
refused data-as-dump "$O/holders.csv: error: $replace" \
	render -c "$O/region.ini" -t $cards --data "$O/holders.csv" -o "$O/c.pdf" --dump "$O/holders.csv"
refused stdin-data-as-output "$O/holders.csv: error: $replace" \
	render -c "$O/region.ini" -t $cards --data - -o "$O/holders.csv" < "$O/holders.csv"
refused template-as-output "templates/checklist.xml: error: $replace" \
	render -c "$O/region.ini" -t templates/checklist.xml -o templates/checklist.xml
check "hostile output: the template is unchanged" git diff --quiet -- templates/checklist.xml
refused device "/dev/null: error: output is not a regular file" \
	render -c "$O/region.ini" -t templates/leaflet.xml -l fi -o /dev/null
check "hostile output: no /dev/null-booklet" test ! -e /dev/null-booklet
ln -s /proc/self/fd/1 "$O/fd1"
"$KP" render -c "$O/region.ini" -t templates/checklist.xml -o "$O/fd1" 2> "$L/fd1.stderr" | cat > /dev/null
check "hostile output: a link to standard output (a pipe) is refused, the link kept" sh -c \
	"grep -q 'error: output is a link to something that is not a file\|error: output is not a regular file' '$L/fd1.stderr' && test -L '$O/fd1'"
refused empty-name "-o and --dump need a file name" render -c "$O/region.ini" -t templates/checklist.xml -o ""
refused same-stdout "-o and --dump name the same file" \
	render -c "$O/region.ini" -t templates/checklist.xml -o - --dump -
refused check-with-output "check writes nothing" check -c "$O/region.ini" -o "$O/x.pdf"
check "hostile output: nothing written by the refused runs ($(ls -A "$O" | tr '\n' ' '))" \
	test "$(ls -A "$O" | tr '\n' ' ')" = "esimerkkila-logo.jpg fd1 holders.csv region-link.ini region.ini "
long=$(awk 'BEGIN { for (i = 0; i < 251; i++) printf "a" }').pdf
check "hostile output: a 255-byte file name is written" \
	"$KP" render -c "$O/region.ini" -t templates/checklist.xml -o "$O/$long"
rm -f "$O/$long"

# --- Inputs: a FIFO (no writer) as template, data or image is refused at
# once, not waited on forever.
mkfifo "$O/fifo.xml" "$O/fifo.csv" "$O/fifo.png"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<document name="x"><body>\n<image src="fifo.png" width="20mm" alt="Logo"/>\n</body></document>\n' > "$O/image.xml"
for what in template data image; do
	case $what in
	template) args="-t $O/fifo.xml"; msg="$O/fifo.xml: error: cannot open template: not a regular file" ;;
	data) args="-t $cards --data $O/fifo.csv"; msg="$O/fifo.csv: error: cannot open data file: not a regular file" ;;
	image) args="-t $O/image.xml"; msg="image fifo.png: not a regular file (a device, pipe or socket)" ;;
	esac
	timeout 20 "$KP" render -c "$O/region.ini" $args -o "$O/fifo.pdf" > /dev/null 2> "$O/fifo-$what.stderr"
	st=$?
	check "hostile input: a FIFO as $what is refused at once (exit $st)" test $st -eq 1
	contains "hostile input: a FIFO as $what message" "$O/fifo-$what.stderr" "$msg"
done

# --- all is all or nothing: one document that fails leaves no PDF at all
# (there were 12 of 18), and -l renders only that language.
A=$H/all
rm -rf "$A"
mkdir -p "$A/templates" "$A/out" "$A/out-sv"
cp templates/*.xml templates/*.rng "$A/templates/"
sed 's/{region.name}/{region.nmae}/' templates/registration-form.xml > "$A/templates/registration-form.xml"
"$KP" all -c $REGION --templates "$A/templates" -o "$A/out" > /dev/null 2> "$A/all.stderr"
check "hostile all: one broken document fails the run (exit $?)" test $? -ne 0
check "hostile all: no PDF is written when one document fails ($(ls -A "$A/out" | wc -l) files)" \
	test -z "$(ls -A "$A/out")"
"$KP" all -c $REGION -l sv -o "$A/out-sv" > /dev/null 2> "$A/all-sv.stderr"
check "hostile all -l sv: only Swedish PDFs ($(ls "$A/out-sv" | tr '\n' ' '))" sh -c \
	"test \"\$(ls '$A/out-sv' | grep -vc -- '-sv.pdf\$')\" -eq 0 && test \"\$(ls '$A/out-sv' | wc -l)\" -ge 5"

# --- Booklet: an error that only the booklet variant meets leaves neither
# PDF (the normal one was left behind).
B=$H/booklet
rm -rf "$B"
mkdir -p "$B"
cp tests/cases/hostile/booklet-only-error/template.xml "$B/"
"$KP" render -c $REGION -t "$B/template.xml" -l fi -o "$B/x-fi.pdf" 2> "$B/stderr"
check "hostile booklet-only error: exit 1 ($?)" test $? -eq 1
check "hostile booklet-only error: no PDF left ($(ls "$B" | tr '\n' ' '))" \
	test ! -e "$B/x-fi.pdf" -a ! -e "$B/x-booklet-fi.pdf"

# --- The bound for hostile input: a generated worst case for each limit
# finishes in under 2 s and 256 MB (figures in the test names; asserted
# with room for a busy machine: 10 s, and 256 MB, or 900 MB under ASan).
W=$H/worst
mkdir -p "$W"
# bounded NAME STATUS KAIKUPRINT-ARGS...: exit STATUS within the bounds.
bounded() {
	_n=$1 _st=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$W/$_n.time" "$KP" "$@" > /dev/null 2> "$W/$_n.stderr"
	_got=$?
	# (time writes "Command exited with non-zero status N" first)
	_s=$(tail -1 "$W/$_n.time" | cut -d' ' -f1)
	_kb=$(tail -1 "$W/$_n.time" | cut -d' ' -f2)
	_mem=256000
	case "$KP" in *san*) _mem=900000 ;; esac
	check "hostile worst case $_n: exit $_got in $_s s, $((_kb / 1024)) MB" sh -c \
		"test $_got -eq $_st && awk 'BEGIN { exit !($_s < 10 && $_kb < $_mem) }'"
}
# Most attributes: 256 on every element (the limit), 1 MiB of them
# (libxml2's duplicate check is quadratic in the attributes of one element).
awk -v h="$xml_head" 'BEGIN { print h; print "<document name=\"x\"><body>"
	for (e = 0; e < 420; e++) { printf "<p"; for (i = 0; i < 256; i++) printf " a%d=\"1\"", i; print ">x</p>" }
	print "</body></document>" }' > "$W/attributes.xml"
bounded attributes 1 check -c $REGION -t "$W/attributes.xml" -l fi
# Nodes on one line: a 1 MiB template on a single line (table rows).
awk -v h="$xml_head" 'BEGIN { print h; printf "<document name=\"x\"><body><table>"
	for (i = 0; i < 41000; i++) printf "<row><cell>a</cell></row>"; print "</table></body></document>" }' \
	> "$W/one-line.xml"
bounded one-line 0 render -c $REGION -t "$W/one-line.xml" -l fi -o "$W/one-line.pdf"
# Pages: exactly the limit of 10,000, and one more (refused before drawing).
awk -v h="$xml_head" -v n=10000 'BEGIN { print h; print "<document name=\"x\"><body>"
	for (i = 1; i < n; i++) print "<p>x</p><pagebreak/>"; print "<p>x</p></body></document>" }' > "$W/pages.xml"
bounded pages 0 render -c $REGION -t "$W/pages.xml" -l fi -o "$W/pages.pdf"
check "hostile worst case pages: the PDF has 10000 pages" sh -c \
	"pdfinfo '$W/pages.pdf' 2>/dev/null | grep -q '^Pages: *10000$'"
awk -v h="$xml_head" -v n=10001 'BEGIN { print h; print "<document name=\"x\"><body>"
	for (i = 1; i < n; i++) print "<p>x</p><pagebreak/>"; print "<p>x</p></body></document>" }' > "$W/pages-over.xml"
bounded pages-over 1 render -c $REGION -t "$W/pages-over.xml" -l fi -o "$W/pages-over.pdf"
contains "hostile worst case pages-over: message" "$W/pages-over.stderr" \
	"pages-over.xml: error: the document has 10001 pages, more than the limit of 10000"
# Expansion: just under the budget of 200,000 elements and texts (26 x 26 x
# 26 venues x 5 paragraphs), and the five nested <each> of 11.9 million.
{ echo "$xml_head"; printf '<document name="x"><body><each list="venues" as="a"><each list="venues" as="b">'
  printf '<each list="venues" as="c"><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p></each></each></each>'
  echo '</body></document>'; } > "$W/expansion.xml"
bounded expansion 0 render -c $REGION -t "$W/expansion.xml" -l fi -o "$W/expansion.pdf"
bounded expansion-over 1 render -c $REGION -t tests/cases/hostile/expansion-budget/template.xml -l fi \
	-o "$W/expansion-over.pdf"
# Image pixels: 16 million (the limit) of 16-bit RGBA, the costliest PNG.
python3 - "$W/pixels.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
w = h = 4000
z = zlib.compressobj(9)
row = b'\0' + bytes(range(256)) * (w * 8 // 256)
data = b''.join(z.compress(row) for _ in range(h)) + z.flush()
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 16, 6, 0, 0, 0))
                              + chunk(b'IDAT', data) + chunk(b'IEND', b''))
PY
printf '%s\n<document name="x"><body><image src="pixels.png" width="100mm" alt="Pixels"/></body></document>\n' \
	"$xml_head" > "$W/pixels.xml"
bounded pixels 0 render -c $REGION -t "$W/pixels.xml" -l fi -o "$W/pixels.pdf"

# --- Lines past 65,535 (where libxml2's own count for elements stops) and
# the column of the element itself, not of the first one of its name.
awk -v h="$xml_head" 'BEGIN { print h; print "<document name=\"x\"><body>"
	for (i = 0; i < 70000; i++) print "<p>a</p>"; print "<p>b</p><p style=\"nope\">c</p></body></document>" }' \
	> "$W/long.xml"
"$KP" check -c $REGION -t "$W/long.xml" -l fi 2> "$W/long.stderr"
same_file "hostile line 70,003 and its column" - "$W/long.stderr" <<MSG
kaikuprint: $W/long.xml:70003:9: error: unknown style "nope"
MSG
