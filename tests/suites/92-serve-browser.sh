# kaikuprint serve in a real browser (issue 17): headless Chromium driven by
# tests/serve/browser.py opens the page, edits a venue, saves, sees the
# preview change, downloads the leaflet and finds the new name in it with
# pdftotext, and uploads a holder list and gets the cards back. Screenshots
# are left in tests/out/serve-browser/*.png for a person to look at.
S=$OUT/serve-browser
mkdir -p "$S"
. tests/serve/lib.sh
cp config/esimerkkila.ini "$S/region.ini"
example_logo "$S"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python3-selenium
if start_server "$S/log" -- -c "$S/region.ini"; then
	timeout 240 $PY tests/serve/browser.py "$U" "$S" config/esimerkkila-holders.csv > "$S/report" 2>&1
	rc=$?
	while IFS= read -r line; do
		case $line in
		"ok: "*) pass "serve browser: ${line#ok: }" ;;
		"FAIL: "*) fail "serve browser: ${line#FAIL: }" ;;
		esac
	done < "$S/report"
	check "serve browser: the script ran to its end" test $rc -eq 0
	[ $rc -eq 0 ] || tail -20 "$S/report"
	check "serve browser: the saved file passes kaikuprint check" "$KP" check -c "$S/region.ini"
	check "serve browser: the save changed one line of the file" \
		test "$(diff config/esimerkkila.ini "$S/region.ini" | grep -c '^[<>]')" -eq 2
	check "serve browser: the previous version is kept" cmp -s config/esimerkkila.ini "$S/region.ini.bak"
	if grep -q -e Virtanen -e Sjöholm "$S/log"; then fail "serve browser: no name in the log"
	else pass "serve browser: no name in the log"; fi
	stop_server
else
	fail "serve browser: server starts" "$(cat "$S/log")"
fi
rm -rf "$S"/chromium-*
