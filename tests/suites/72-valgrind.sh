# valgrind over every example document: one run of `kaikuprint all` with the
# example region, and the card batch from the example holders, must report no
# memory error and no definite leak. valgrind
# is a build dependency (.ci/install-deps), so a missing valgrind fails.
# Under check-sanitize ($KP is an ASan build) valgrind cannot run the binary;
# the plain ./kaikuprint is checked instead.

V=$OUT/valgrind
mkdir -p "$V/out"
VKP=$KP
case "$KP" in *san*) VKP=./kaikuprint ;; esac

# glibc's AVX2 wmemcmp reads 32 bytes at a time past the end of short
# strings, inside libvoikko's dictionary set-up; valgrind cannot tell that
# this over-read is harmless. Only that pattern is suppressed.
cat > "$V/known.supp" <<'EOF'
{
   glibc-wmemcmp-avx2-overread-in-libvoikko
   Memcheck:Addr32
   fun:__wmemcmp_avx2_movbe
   ...
   obj:*/libvoikko.so*
}
EOF

if ! command -v valgrind > /dev/null 2>&1; then
	fail "valgrind installed" "valgrind is missing: run make deps"
else
	if valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
		--suppressions="$V/known.supp" --log-file="$V/valgrind.log" \
		"$VKP" all -c config/esimerkkila.ini -o "$V/out" > "$V/stdout" 2> "$V/stderr"; then
		pass "valgrind all: no errors, no leaks"
	else
		fail "valgrind all: no errors, no leaks" "exit $?; see $V/valgrind.log: $(grep -m3 '==' "$V/valgrind.log")"
	fi
	# The card inserts filled from the example holder list (all cannot take --data).
	if valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
		--suppressions="$V/known.supp" --log-file="$V/cards.log" \
		"$VKP" render -c config/esimerkkila.ini -t templates/card-inserts.xml \
		--data config/esimerkkila-holders.csv -o "$V/out/cards.pdf" 2> "$V/cards.stderr"; then
		pass "valgrind card batch: no errors, no leaks"
	else
		fail "valgrind card batch: no errors, no leaks" "exit $?; see $V/cards.log"
	fi
	# The run must have rendered something, or the check proves nothing.
	if ls "$V/out"/*.pdf > /dev/null 2>&1; then pass "valgrind all: documents written"; else
		fail "valgrind all: documents written" "no PDF in $V/out: $(head -3 "$V/stderr")"; fi
fi
