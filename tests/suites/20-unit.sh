# Unit tests: builds every tests/unit/test_*.c as its own program (the rule
# behind `make unit`) and runs it; every test inside becomes one result line
# "unit PROGRAM NAME". One program that does not build fails alone.
for src in tests/unit/test_*.c; do
	prog=$(basename "$src" .c)
	[ "$prog" = test_main ] && continue
	bin=build/unit/$prog
	log="$OUT/unit-$prog.log"
	if ! make -s "$bin" > "$OUT/unit-build-$prog.log" 2>&1; then
		fail "unit $prog builds" "$(tail -5 "$OUT/unit-build-$prog.log")"
		continue
	fi
	"$bin" > "$log" 2>&1
	status=$?
	# A program that crashes or prints no summary line has failed as a whole.
	if ! tail -1 "$log" | grep -q '^[0-9]* passed, [0-9]* failed$'; then
		fail "unit $prog" "exit $status without a summary; see $log"
		continue
	fi
	while read -r word name; do
		case $word in
		ok) pass "unit $prog $name" ;;
		FAIL) fail "unit $prog $name" "see $log" ;;
		esac
	done < "$log"
	if grep -q '^FAIL ' "$log"; then
		sed -n '/^  /p' "$log" | head -30
	elif [ "$status" -ne 0 ]; then
		fail "unit $prog" "exit $status"
	fi
done
