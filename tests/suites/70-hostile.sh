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
# paragraphs laid out on about 400 pages (max RSS measured by /usr/bin/time).
{ echo "$xml_head"; echo '<document name="x"><body>'
  for i in 1 2 3 4 5 6 7 8 9 10; do
	repeat '<p>Kaikukortti on maksuton kulttuurikortti. {region.name} ja sen verkosto tarjoavat lippuja. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>
' 450; done; echo '</body></document>'; } > "$H/big.xml"
if [ "$(wc -c < "$H/big.xml")" -le 1048576 ] &&
   /usr/bin/time -f %M -o "$H/big.rss" "$KP" render -c $REGION -t "$H/big.xml" -o "$H/big.pdf" 2> "$H/big.stderr"; then
	rss=$(tail -1 "$H/big.rss")
	# 300 MB without sanitizers; ASan needs about three times as much.
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
