# Unit tests: builds every tests/unit/test_*.c (make unit) and runs each
# program; every test inside becomes one result line "unit PROGRAM NAME".
if ! make -s unit > "$OUT/unit-build.log" 2>&1; then
	fail "unit build" "$(tail -5 "$OUT/unit-build.log")"
else
	pass "unit build"
	for src in tests/unit/test_*.c; do
		prog=$(basename "$src" .c)
		[ "$prog" = test_main ] && continue
		bin=build/unit/$prog
		log="$OUT/unit-$prog.log"
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
			FAIL) fail "unit $prog $name" "see $log"
			      sed -n "/^  /p" "$log" | head -20 ;;
			esac
		done < "$log"
		[ "$status" -eq 0 ] || grep -q '^FAIL ' "$log" || fail "unit $prog" "exit $status"
	done
fi
