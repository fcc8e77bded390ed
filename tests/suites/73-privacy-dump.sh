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

# A QR code made from a holder's field would put the name into the dump (as
# modules) and into the hands of anyone with a phone: refused, nothing written.
cat > "$d/qr.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document name="x"><body><each list="holders" as="h">
<qr url="https://e.fi/{h.name}" size="20mm"/>
</each></body></document>
XML
rm -f "$d/qr.pdf" "$d/qr.dump"
"$KP" render -c config/esimerkkila.ini -t "$d/qr.xml" -l fi --data "$d/h.csv" \
	-o "$d/qr.pdf" --dump "$d/qr.dump" > "$d/qr.stdout" 2> "$d/qr.stderr"
check "privacy dump: a QR code of a holder's name is refused (exit 1)" test $? -eq 1
contains "privacy dump: the QR refusal names the place" "$d/qr.stderr" \
	"qr.xml:3:5: error: a <qr> cannot hold personal data (a holder's name)"
check "privacy dump: no dump and no PDF of the QR code" test ! -e "$d/qr.pdf" -a ! -e "$d/qr.dump"
if grep -q "Qwertyson" "$d/qr.stderr" "$d/qr.stdout"; then
	fail "privacy dump: the QR refusal does not quote the name"
else pass "privacy dump: the QR refusal does not quote the name"; fi

# A signal during the final write removes the temporary files (which hold
# every name of the batch) and they are private (mode 0600) while they exist.
# Deterministic, whatever the machine's load: the layout dump goes to
# standard output, a FIFO that this shell holds open and never reads. All
# outputs are put in place together at the end, standard output first, so
# kaikuprint blocks on the full FIFO while the PDF's temporary file, complete
# with every name, waits to be renamed: it cannot finish before the signal.
# A background job starts with SIGINT ignored, and kaikuprint keeps an
# ignored signal ignored (as under nohup): env gives it the default back.
awk 'BEGIN { print "name,issued,children"; for (i = 1; i <= 300; i++) printf "Zyxwvu Qwertyson %d,2027-03-01,1\n", i }' > "$d/many.csv"
for sig in INT TERM HUP; do
	s="$d/signal-$sig"
	rm -rf "$s" "$s.fifo"
	mkdir -p "$s"
	mkfifo "$s.fifo"
	exec 3<> "$s.fifo" # a reader that never reads: writes block once the pipe is full
	env --default-signal=INT "$KP" render -c config/esimerkkila.ini -t templates/card-inserts.xml -l fi -q \
		--data "$d/many.csv" -o "$s/cards.pdf" --dump - > "$s.fifo" 2> "$s.stderr" &
	pid=$!
	temp= mode=
	i=0
	# poll for the temporary file (up to 60 s under a sanitizer)
	while [ $i -lt 1200 ] && [ -z "$temp" ] && kill -0 $pid 2> /dev/null; do
		temp=$(ls -A "$s" | grep '^\.kaikuprint-' | head -1)
		[ -z "$temp" ] && sleep 0.05
		i=$((i + 1))
	done
	[ -n "$temp" ] && mode=$(stat -c %a "$s/$temp" 2> /dev/null)
	kill -0 $pid 2> /dev/null
	alive=$?
	kill -$sig $pid 2> /dev/null
	wait $pid 2> /dev/null
	st=$?
	exec 3<&-
	rm -f "$s.fifo"
	check "privacy dump: SIGHUP/INT/TERM caught while a temporary file exists ($sig: ${temp:-none})" test -n "$temp"
	check "privacy dump: still running, blocked before the rename, when $sig came" test $alive -eq 0
	check "privacy dump: the temporary file is mode 600 ($sig: $mode)" test "$mode" = 600
	check "privacy dump: $sig ends the run by the signal (status $st)" test $st -gt 128
	check "privacy dump: $sig leaves nothing behind ($(ls -A "$s" | tr '\n' ' '))" test -z "$(ls -A "$s")"
done
