# System faults: an output folder that cannot be written (even by root), a
# full disk, a file size limit, a missing font and a font without a needed
# glyph. Each must give a clear message, a non-zero exit, and leave an
# earlier output file byte-identical.

F=$OUT/faults
mkdir -p "$F"
REGION=config/esimerkkila.ini
TEMPLATE=templates/checklist.xml

# fault NAME STATUS MESSAGE OUTPUT KAIKUPRINT-ARGS...: the run exits with
# STATUS, its stderr contains MESSAGE, and OUTPUT (when it is a regular file
# before the run) is byte-identical afterwards.
fault() {
	_n=$1 _st=$2 _msg=$3 _out=$4
	shift 4
	# (the caller may have saved $F/$_n.before already, e.g. under a ulimit)
	[ -f "$F/$_n.before" ] || { [ -f "$_out" ] && cp "$_out" "$F/$_n.before"; }
	"$KP" "$@" > "$F/$_n.stdout" 2> "$F/$_n.stderr"
	_got=$?
	if [ "$_got" = "$_st" ]; then pass "fault $_n status"; else
		fail "fault $_n status" "exit $_got, expected $_st: $(head -2 "$F/$_n.stderr")"; fi
	contains "fault $_n message" "$F/$_n.stderr" "$_msg"
	if [ -f "$F/$_n.before" ]; then
		if cmp -s "$F/$_n.before" "$_out"; then pass "fault $_n old output kept"; else
			fail "fault $_n old output kept" "$_out changed"; fi
	fi
	# No temporary file may be left next to the output.
	if ls -a "$(dirname "$_out")" 2>/dev/null | grep -q '^\.kaikuprint-\|^\..*\.pdf\.'; then
		fail "fault $_n no temporary file" "$(ls -a "$(dirname "$_out")" | grep '^\.')"
	else pass "fault $_n no temporary file"; fi
}

# An earlier, valid output that every failing run must leave alone.
"$KP" render -c $REGION -t $TEMPLATE -o "$F/old.pdf" 2>/dev/null
check "fault setup: earlier output written" test -s "$F/old.pdf"

# --- Unwritable output: root may write almost anywhere, but not below a
# regular file, nor create files in /proc.
echo "not a folder" > "$F/regular"
fault below-a-file 3 "$F/regular/out.pdf: fatal: cannot write output: Not a directory" \
	"$F/regular" render -c $REGION -t $TEMPLATE -o "$F/regular/out.pdf"
fault in-proc 3 "/proc/kaikuprint-test.pdf: fatal: cannot write output:" \
	"$F/old.pdf" render -c $REGION -t $TEMPLATE -o /proc/kaikuprint-test.pdf
fault all-into-a-file 1 "$F/regular: error: not a folder" \
	"$F/regular" all -c $REGION -o "$F/regular"

# --- A full disk: /dev/full takes nothing (as standard output: an output
# name that is a device is refused before anything is written).
"$KP" render -c $REGION -t $TEMPLATE -o - > /dev/full 2> "$F/disk-full.stderr"
check "fault disk-full status 3" test $? -eq 3
contains "fault disk-full message" "$F/disk-full.stderr" \
	"<stdout>: fatal: cannot write output: No space left on device"
fault device-output 1 "/dev/full: error: output is not a regular file (a device, pipe or socket); use '-' for standard output" \
	/dev/full render -c $REGION -t $TEMPLATE -o /dev/full

# --- A file size limit (as on a full disk), with an earlier output in place:
# hit early, and hit in the last kilobyte of the PDF (where a library's
# unchecked final fclose would leave a short file). The old file stays.
# ulimit -f counts 512-byte blocks in dash, 1024-byte blocks in bash.
block=512
( trap '' XFSZ; ulimit -f 1; head -c 1000 /dev/zero > "$F/unit" ) 2>/dev/null && block=1024
size=$(wc -c < "$F/old.pdf")
for blocks in 40 $(((size - 600) / block)); do
	cp "$F/old.pdf" "$F/limited.pdf"
	cp "$F/old.pdf" "$F/size-limit-$blocks.before"
	(
		trap '' XFSZ  # write() then fails with EFBIG instead of killing the process
		ulimit -f "$blocks"
		fault "size-limit-$blocks" 3 "$F/limited.pdf: fatal: cannot write output: File too large" \
			"$F/limited.pdf" render -c $REGION -t $TEMPLATE -o "$F/limited.pdf"
	)
done

# --- A missing font: --fonts points at an empty folder.
mkdir -p "$F/nofonts"
cp "$F/old.pdf" "$F/nofont.pdf"
fault missing-font 3 "$F/nofonts/NotoSans-Regular.ttf: fatal: cannot open font" \
	"$F/nofont.pdf" render -c $REGION -t $TEMPLATE --fonts "$F/nofonts" -o "$F/nofont.pdf"

# --- A font without a needed glyph: Noto Sans has no emoji (U+1F600).
cat > "$F/emoji.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<document name="x"><body>
<p>Tervetuloa 😀 mukaan</p>
</body></document>
EOF
cp "$F/old.pdf" "$F/emoji.pdf"
fault missing-glyph 1 "$F/emoji.xml:3: error: the font NotoSans-Regular.ttf has no glyph for U+1F600" \
	"$F/emoji.pdf" render -c $REGION -t "$F/emoji.xml" -o "$F/emoji.pdf"

# --- A folder where the output file belongs (PDF or layout dump): nothing is
# written, not even the other output.
mkdir -p "$F/a-folder.pdf"
fault output-is-folder 1 "$F/a-folder.pdf: error: output is a folder, not a file" \
	"$F/old.pdf" render -c $REGION -t $TEMPLATE -o "$F/a-folder.pdf"
cp "$F/old.pdf" "$F/with-dump.pdf"
fault dump-is-folder 1 "$F/a-folder.pdf: error: output is a folder, not a file" \
	"$F/with-dump.pdf" render -c $REGION -t $TEMPLATE -o "$F/with-dump.pdf" --dump "$F/a-folder.pdf"

# --- A font file that is not a font.
mkdir -p "$F/badfonts"
for f in fonts/*.ttf; do echo "not a font" > "$F/badfonts/$(basename "$f")"; done
cp "$F/old.pdf" "$F/badfont.pdf"
fault broken-font 3 "$F/badfonts/NotoSans-Regular.ttf: fatal: not a usable TrueType font" \
	"$F/badfont.pdf" render -c $REGION -t $TEMPLATE --fonts "$F/badfonts" -o "$F/badfont.pdf"

# --- A font that is a FIFO or a device: refused at once, never read (a FIFO
# would block, /dev/zero never ends).
for kind in fifo device; do
	mkdir -p "$F/$kind-fonts"
	cp fonts/*.ttf "$F/$kind-fonts/"
	rm -f "$F/$kind-fonts/NotoSans-Regular.ttf"
	if [ $kind = fifo ]; then mkfifo "$F/$kind-fonts/NotoSans-Regular.ttf"
	else ln -s /dev/zero "$F/$kind-fonts/NotoSans-Regular.ttf"; fi
	cp "$F/old.pdf" "$F/$kind-font.pdf"
	fault $kind-font 3 "$F/$kind-fonts/NotoSans-Regular.ttf: fatal: cannot open font: not a regular file (a device, pipe or socket)" \
		"$F/$kind-font.pdf" render -c $REGION -t $TEMPLATE --fonts "$F/$kind-fonts" -o "$F/$kind-font.pdf"
done

# --- Memory runs out (an address-space limit) while libxml2 compiles the
# schema or parses a template: one message of kaikuprint's own, exit 3, no
# raw libxml2 lines (there were 151, then 2,227 at some limits). The limits
# below step through the schema and a 1 MiB template; a limit that stops
# the program before main (the dynamic loader: exit 127) or inside libvoikko (which
# crashes on a failed allocation) is skipped.
# (AddressSanitizer reserves terabytes of address space: not under it.)
case "$KP" in *san*) ;; *)
awk 'BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; print "<document name=\"x\"><body>"
	for (i = 0; i < 116000; i++) print "<p>x</p>"; print "</body></document>" }' > "$F/short.xml"
raw=0 tried=0
for kb in 48500 49000 49500 50000 60000 70000 80000 90000; do
	( ulimit -v $kb; exec "$KP" render -c $REGION -t "$F/short.xml" -o "$F/oom.pdf" ) \
		> /dev/null 2> "$F/oom-$kb.stderr"
	st=$?
	# the dynamic loader failed before main (a library not mapped, glibc's
	# own start-up: TLS, find-object data): it exits 127, kaikuprint never does
	[ $st -eq 127 ] && continue
	[ $st -gt 128 ] && continue
	tried=$((tried + 1))
	if grep -qv '^kaikuprint: ' "$F/oom-$kb.stderr" || [ "$(wc -l < "$F/oom-$kb.stderr")" -gt 1 ] ||
	   [ $st -ne 3 ]; then
		raw=$((raw + 1))
		echo "  under ulimit -v $kb: exit $st, $(wc -l < "$F/oom-$kb.stderr") lines: $(head -1 "$F/oom-$kb.stderr")"
	fi
done
check "fault out of memory: one line of kaikuprint's own, exit 3 ($tried limits tried)" \
	test $raw -eq 0 -a $tried -gt 2
;; esac
