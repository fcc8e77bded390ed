# kaikuprint serve (issue 17): every route with its status and headers, the
# bad requests (oversized body and upload, unknown routes, '..' and encoded
# paths, wrong methods, a wrong Host, missing or wrong token, cross-origin
# POST, malformed multipart, a CSV with bad rows, a slow client), the region
# editor (a change by line, comments kept, .bak, the preview changes), card
# sheets from an upload that never touches the disk, and SIGTERM.
S=$OUT/serve
mkdir -p "$S/tmp"
. tests/serve/lib.sh
cp config/esimerkkila.ini "$S/region.ini"
example_logo "$S"
POST_FORM="-H Content-Type:application/x-www-form-urlencoded"

# 1. The command line
"$KP" serve > "$S/noc.out" 2>&1
check "serve without -c is a usage error" test $? -eq 2
"$KP" serve -c "$S/region.ini" --listen 0.0.0.0:18999 > "$S/open.out" 2>&1
check "serve off loopback without a token file refuses to start" test $? -eq 2
contains "serve off loopback names --token-file" "$S/open.out" "--token-file"
"$KP" serve -c "$S/region.ini" --listen nowhere > "$S/badlisten.out" 2>&1
check "serve --listen without a port is a usage error" test $? -eq 2
printf 'short\n' > "$S/short.token"
"$KP" serve -c "$S/region.ini" --token-file "$S/short.token" > "$S/short.out" 2>&1
check "serve refuses a short token" test $? -eq 1
printf '[region]\nyear = abc\n' > "$S/bad.ini"
"$KP" serve -c "$S/bad.ini" > "$S/badini.out" 2>&1
check "serve refuses a region file with errors" test $? -eq 1
contains "serve names the bad key as check does" "$S/badini.out" "[region] year: error: not a whole number: abc"

if ! start_server "$S/log" -- -c "$S/region.ini" --timeout 3; then
	fail "serve starts" "$(cat "$S/log")"
	return 0 2>/dev/null || exit 0
fi
pass "serve starts"

# 2. The documents page, its headers and the session cookie
req "serve GET / 200" 200 "$U/"
header "serve / is HTML" '^Content-Type: text/html; charset=utf-8'
header "serve / strict CSP" "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'"
header "serve / CSP forbids framing" "frame-ancestors 'none'"
header "serve / nosniff" '^X-Content-Type-Options: nosniff'
header "serve / X-Frame-Options" '^X-Frame-Options: DENY'
header "serve / Referrer-Policy" '^Referrer-Policy: same-origin'
header "serve / Permissions-Policy" '^Permissions-Policy: camera=\(\), microphone=\(\), geolocation=\(\)'
header "serve / Cross-Origin-Opener-Policy" '^Cross-Origin-Opener-Policy: same-origin'
header "serve / Cross-Origin-Resource-Policy" '^Cross-Origin-Resource-Policy: same-origin'
header "serve / no-store" '^Cache-Control: no-store'
header "serve / session cookie HttpOnly SameSite=Strict" '^Set-Cookie: kp_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict'
for d in checklist card-inserts leaflet registration-form registration-form-sheet; do
	contains "serve / lists $d" "$S/b" "id=\"doc-$d\""
done
contains "serve / links the Swedish large-print leaflet" "$S/b" "/pdf?doc=leaflet&amp;lang=sv&amp;print=large"
contains "serve / links the booklet" "$S/b" "/preview?doc=leaflet&amp;lang=en&amp;variant=booklet"
contains "serve / links the leaflet for a print shop" "$S/b" "/pdf?doc=leaflet&amp;lang=fi&amp;press=yes"
contains "serve / links the booklet for a print shop" "$S/b" "/pdf?doc=leaflet&amp;lang=sv&amp;variant=booklet&amp;press=yes"
contains "serve / links the card inserts for a print shop" "$S/b" "/pdf?doc=card-inserts&amp;lang=en&amp;press=yes"
if grep -q "doc=checklist&amp;lang=fi&amp;press=yes" "$S/b"; then fail "serve / no print-shop checklist"; else pass "serve / no print-shop checklist"; fi
contains "serve / has no page scripts inline" "$S/b" '<script src="/static/app.js" defer></script>'
if grep -q '<script>' "$S/b" || grep -q 'style=' "$S/b"; then fail "serve / nothing inline"; else pass "serve / nothing inline"; fi
req "serve HEAD / 200" 200 -I "$U/"
check "serve HEAD has no body" test "$(grep -c '<html' "$S/b")" -eq 0
req "serve /ui/sv 303" 303 "$U/ui/sv"
header "serve /ui/sv sets the page language" '^Set-Cookie: kp_ui=sv; Path=/; HttpOnly; SameSite=Strict'
req "serve / in Swedish" 200 "$U/"
contains "serve / in Swedish says Dokument" "$S/b" '<html lang="sv">'
contains "serve / in Swedish has Swedish text" "$S/b" "Områdets dokument"
req "serve /ui/fi 303" 303 "$U/ui/fi"
header "serve /ui/fi sets the page language" '^Set-Cookie: kp_ui=fi; Path=/; HttpOnly; SameSite=Strict'
header "serve /ui/fi goes home" '^Location: /$'
req "serve / in Finnish" 200 "$U/"
contains "serve / in Finnish has Finnish text" "$S/b" "Alueen asiakirjat"
req "serve /ui/en 303" 303 "$U/ui/en"

# 3. PDFs: the same text as the command line makes
req "serve GET /pdf checklist fi 200" 200 "$U/pdf?doc=checklist&lang=fi"
header "serve /pdf is a PDF" '^Content-Type: application/pdf'
header "serve /pdf is a download" '^Content-Disposition: attachment; filename="checklist-fi.pdf"'
header "serve /pdf no-store" '^Cache-Control: no-store'
cp "$S/b" "$S/checklist-fi.pdf"
check "serve /pdf qpdf --check" qpdf --check "$S/checklist-fi.pdf"
"$KP" render -c "$S/region.ini" -t templates/checklist.xml -l fi -o "$S/cli-checklist-fi.pdf" 2> /dev/null
pdftotext -q "$S/checklist-fi.pdf" "$S/served.txt"
pdftotext -q "$S/cli-checklist-fi.pdf" "$S/cli.txt"
same_file "serve /pdf has the text of kaikuprint render" "$S/cli.txt" "$S/served.txt"
req "serve /pdf leaflet sv large booklet 200" 200 "$U/pdf?doc=leaflet&lang=sv&print=large&variant=booklet"
header "serve /pdf names the variant" 'filename="leaflet-large-booklet-sv.pdf"'
cp "$S/b" "$S/booklet.pdf"
"$KP" render -c "$S/region.ini" -t templates/leaflet.xml -l sv --large-print -o "$S/cli-leaflet-sv.pdf" 2> /dev/null
check "serve /pdf booklet has the pages of the command line's" test \
	"$(pdfinfo "$S/booklet.pdf" | grep Pages)" = "$(pdfinfo "$S/cli-leaflet-booklet-sv.pdf" | grep Pages)"
# the print-shop variant: what kaikuprint render --press makes, seen as a
# print shop's preflight sees it (tests/press/check_press.py: TrimBox and
# BleedBox sizes, CMYK only, marks outside the bleed, the PDF/X keys)
press_pdf() { # QUERY FILENAME CHECK-PRESS-ARGS...
	_q=$1; _f=$2; shift 2
	req "serve /pdf $_f 200" 200 "$U/pdf?$_q"
	header "serve /pdf $_f is a PDF" '^Content-Type: application/pdf$'
	header "serve /pdf $_f is a download named so" "^Content-Disposition: attachment; filename=\"$_f\"$"
	header "serve /pdf $_f no-store" '^Cache-Control: no-store'
	cp "$S/b" "$S/$_f"
	if /usr/bin/python3 tests/press/check_press.py "$S/$_f" "$@" > "$S/press.log" 2>&1; then
		pass "serve /pdf $_f: TrimBox, BleedBox, CMYK, PDF/X keys"
	else fail "serve /pdf $_f: TrimBox, BleedBox, CMYK, PDF/X keys" "$(head -3 "$S/press.log")"; fi
}
press_pdf "doc=leaflet&lang=fi&press=yes" leaflet-press-fi.pdf --trim 595.28x841.89
press_pdf "doc=leaflet&lang=sv&variant=booklet&press=yes" leaflet-booklet-press-sv.pdf --trim 839.06x595.28
press_pdf "doc=card-inserts&lang=en&press=yes" card-inserts-press-en.pdf --trim 498.90x674.65 --cells 2x4
"$KP" render --press -c "$S/region.ini" -t templates/leaflet.xml -l fi -o "$S/cli-press-fi.pdf" 2> /dev/null
pdftotext -q "$S/leaflet-press-fi.pdf" "$S/served.txt"
pdftotext -q "$S/cli-press-fi.pdf" "$S/cli.txt"
same_file "serve /pdf print-shop leaflet has the text of render --press" "$S/cli.txt" "$S/served.txt"
"$KP" render -c "$S/region.ini" -t templates/card-inserts.xml -l fi -o "$S/cli-cards-fi.pdf" 2> /dev/null
req "serve /pdf blank card inserts 200" 200 "$U/pdf?doc=card-inserts&lang=fi"
pdftotext -q "$S/b" "$S/served.txt"
pdftotext -q "$S/cli-cards-fi.pdf" "$S/cli.txt"
same_file "serve /pdf card inserts have the text of render (print instruction too)" "$S/cli.txt" "$S/served.txt"
req "serve /pdf no print-shop checklist 404" 404 "$U/pdf?doc=checklist&lang=fi&press=yes"
req "serve /pdf press=no 400" 400 "$U/pdf?doc=leaflet&lang=fi&press=no"
req "serve /svg of a print-shop sheet 200" 200 "$U/svg?doc=leaflet&lang=fi&press=yes&page=1"
contains "serve /svg of a print-shop sheet shows its slug line" "$S/b" "leaflet · fi ·"
req "serve /preview of a print-shop booklet 200" 200 "$U/preview?doc=leaflet&lang=sv&variant=booklet&press=yes&page=1"
contains "serve /preview names the variant" "$S/b" "<h1>Customer brochure, folded booklet, for a print shop (Swedish)</h1>"
contains "serve /preview of a print-shop booklet downloads it" "$S/b" 'href="/pdf?doc=leaflet&amp;lang=sv&amp;variant=booklet&amp;press=yes"'
req "serve /pdf unknown document 404" 404 "$U/pdf?doc=secret&lang=fi"
req "serve /pdf language the region lacks 404" 404 "$U/pdf?doc=checklist&lang=de"
req "serve /pdf no booklet of the checklist 404" 404 "$U/pdf?doc=checklist&lang=fi&variant=booklet"
req "serve /pdf unknown print size 400" 400 "$U/pdf?doc=checklist&lang=fi&print=huge"
req "serve /pdf without a document 404" 404 "$U/pdf"

# 4. Previews: SVG drawn from the same pages, in the same fonts
req "serve GET /svg 200" 200 "$U/svg?doc=checklist&lang=fi&page=1"
header "serve /svg is SVG" '^Content-Type: image/svg\+xml'
cp "$S/b" "$S/page1.svg"
check "serve /svg is well-formed XML" xmllint --noout "$S/page1.svg"
contains "serve /svg links the fonts" "$S/page1.svg" 'href="/static/fonts.css"'
contains "serve /svg sets text in Noto Sans Bold" "$S/page1.svg" 'font-family="kp-NotoSans-Bold"'
contains "serve /svg has the checklist's words" "$S/page1.svg" '>kortinjakajille</tspan>'
if grep -q 'style=' "$S/page1.svg"; then fail "serve /svg no style attributes (CSP)"; else pass "serve /svg no style attributes (CSP)"; fi
req "serve /preview 200" 200 "$U/preview?doc=leaflet&lang=fi&page=2"
contains "serve /preview has the page inline" "$S/b" '<svg xmlns="http://www.w3.org/2000/svg" class="page"'
contains "serve /preview links the previous page" "$S/b" 'rel="prev" href="/preview?doc=leaflet&amp;lang=fi&amp;page=1"'
contains "serve /preview links the download" "$S/b" 'href="/pdf?doc=leaflet&amp;lang=fi"'
req "serve /preview page past the end 404" 404 "$U/preview?doc=leaflet&lang=fi&page=999"
req "serve /preview page not a number 400" 400 "$U/preview?doc=leaflet&lang=fi&page=2x"
req "serve /preview page 0 400" 400 "$U/preview?doc=leaflet&lang=fi&page=0"

# 5. Static files under fixed routes only
req "serve /static/style.css 200" 200 "$U/static/style.css"
header "serve style.css is CSS" '^Content-Type: text/css'
header "serve style.css may be cached" '^Cache-Control: private, max-age=3600'
req "serve /static/fonts.css 200" 200 "$U/static/fonts.css"
header "serve fonts.css is CSS" '^Content-Type: text/css'
contains "serve fonts.css names the served fonts" "$S/b" "/fonts/NotoSans-BoldItalic.ttf"
for f in Bold Italic BoldItalic; do
	req "serve /fonts/NotoSans-$f.ttf 200" 200 "$U/fonts/NotoSans-$f.ttf"
	check "serve NotoSans-$f.ttf is the font file" cmp -s "$S/b" fonts/NotoSans-$f.ttf
done
req "serve /static/app.js 200" 200 "$U/static/app.js"
header "serve app.js is JavaScript" '^Content-Type: text/javascript'
req "serve /fonts/NotoSans-Regular.ttf 200" 200 "$U/fonts/NotoSans-Regular.ttf"
header "serve font is font/ttf" '^Content-Type: font/ttf'
check "serve font is the font file" cmp -s "$S/b" fonts/NotoSans-Regular.ttf
req "serve unknown route 404" 404 "$U/nope"
req "serve font licence is not a route 404" 404 "$U/fonts/OFL.txt"
req "serve .. in the path 404" 404 --path-as-is "$U/static/../README.md"
req "serve .. at the top 404" 404 --path-as-is "$U/../../etc/passwd"
req "serve encoded .. 404" 404 "$U/static/%2e%2e/%2e%2e/README.md"
req "serve encoded slash 404" 404 "$U/fonts/..%2fOFL.txt"
req "serve trailing slash 404" 404 "$U/static/style.css/"
req "serve double slash 404" 404 "$U//static/style.css"
req "serve a template is not served 404" 404 "$U/templates/leaflet.xml"
req "serve the region file is not served 404" 404 "$U/region.ini"

# 6. Methods, Host, headers
req "serve PUT / 405" 405 -X PUT "$U/"
header "serve 405 says what is allowed" '^Allow: GET, HEAD$'
req "serve DELETE /region 405" 405 -X DELETE "$U/region"
header "serve /region allows GET and POST" '^Allow: GET, HEAD, POST$'
req "serve POST / 405" 405 -X POST -d x=1 "$U/"
req "serve POST /pdf 405" 405 -X POST -d x=1 "$U/pdf"
req "serve wrong Host 421 (DNS rebinding)" 421 -H "Host: evil.example" "$U/"
req "serve localhost Host 200" 200 -H "Host: localhost:$PORT" "$U/static/style.css"
head -c 40000 /dev/zero | tr '\0' 'a' > "$S/pad"
_code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "X-Pad: $(cat "$S/pad")" "$U/")
case $_code in 413|431|400) pass "serve oversized headers refused ($_code)" ;;
*) fail "serve oversized headers refused" "status $_code" ;; esac

# 7. State-changing requests: same origin and the form token
req "serve GET /region 200" 200 "$U/region"
cp "$S/b" "$S/region.html"
TOKEN=$(form_token "$S/region.html")
check "serve /region has a form token" test ${#TOKEN} -eq 64
contains "serve /region shows the comments' file unchanged" "$S/region.html" 'name="base" value="; Esimerkkilä'
contains "serve /region labels a field in the page's language, with its key" "$S/region.html" '<label for="f1">Name <code>name</code></label>'
contains "serve /region labels a translation with its language" "$S/region.html" '<label for="f2">Name (Swedish) <code>name_sv</code></label>'
python3 tests/serve/form.py "$S/region.html" "f|region|year=2028" action=save > "$S/body"
req "serve POST without Origin 403" 403 $POST_FORM --data-binary @"$S/body" "$U/region"
req "serve cross-origin POST 403" 403 $POST_FORM -H "Origin: http://evil.example" --data-binary @"$S/body" "$U/region"
req "serve POST from another port 403" 403 $POST_FORM -H "Origin: http://127.0.0.1:1" --data-binary @"$S/body" "$U/region"
sed 's/form_token=[0-9a-f]*/form_token=00/' "$S/body" > "$S/body-badtoken"
req "serve POST with a wrong form token 403" 403 $POST_FORM -H "Origin: $U" --data-binary @"$S/body-badtoken" "$U/region"
_code=$(curl -s -o /dev/null -w '%{http_code}' $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region")
check "serve POST without the session cookie 403" test "$_code" = 403
req "serve POST as JSON 415" 415 -H "Content-Type: application/json" -H "Origin: $U" -d '{}' "$U/region"
check "serve refused POSTs left the file alone" cmp -s config/esimerkkila.ini "$S/region.ini"

# 8. Bodies: too large, malformed
head -c 1100000 /dev/zero | tr '\0' 'a' > "$S/big"
req "serve oversized body 413" 413 $POST_FORM -H "Origin: $U" --data-binary @"$S/big" "$U/region"
head -c 4300000 /dev/zero | tr '\0' 'a' > "$S/big.csv"
req "serve oversized upload 413" 413 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/big.csv" "$U/cards"
req "serve oversized chunked body 413" 413 -H "Origin: $U" -H "Transfer-Encoding: chunked" $POST_FORM \
	--data-binary @"$S/big" "$U/region"
header "serve oversized chunked body: an HTML page" '^Content-Type: text/html; charset=utf-8$'
contains "serve oversized chunked body: the page's error layout" "$S/b" '<p class="error">What was sent is too large.</p>'
contains "serve oversized chunked body: with the page's navigation" "$S/b" 'href="/cards"'
req "serve oversized chunked upload 413" 413 -H "Origin: $U" -H "Transfer-Encoding: chunked" \
	-F "form_token=$TOKEN" -F "holders=@$S/big.csv" "$U/cards"
contains "serve oversized chunked upload: the page's error layout" "$S/b" '<p class="error">What was sent is too large.</p>'
# far past the limit (8 MiB more) the connection is closed without reading on
head -c 10000000 /dev/zero | tr '\0' 'a' > "$S/huge"
_code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -b "$S/jar" -H "Origin: $U" \
	-H "Transfer-Encoding: chunked" $POST_FORM --data-binary @"$S/huge" "$U/region")
check "serve chunked body far too large: no page, the connection closed" test "$_code" != 200 -a "$_code" != 413
check "serve chunked body far too large: 413 in the log" test "$(grep -c "POST /region 413" "$S/log")" -ge 3
req "serve multipart without a boundary 400" 400 -H "Origin: $U" \
	-H "Content-Type: multipart/form-data" --data-binary "form_token=$TOKEN" "$U/cards"
printf -- '--XX\r\nContent-Disposition: form-data; name="form_token"\r\n\r\n%s\r\n--XX\r\nContent-Disposition: form-data; name="holders"; filename="a.csv"\r\n\r\nname,issued\r\nA' "$TOKEN" > "$S/cut.multipart"
req "serve multipart cut short 400" 400 -H "Origin: $U" \
	-H "Content-Type: multipart/form-data; boundary=XX" --data-binary @"$S/cut.multipart" "$U/cards"
printf 'garbage with no boundary at all\r\n' > "$S/garbage.multipart"
req "serve multipart garbage 400" 400 -H "Origin: $U" \
	-H "Content-Type: multipart/form-data; boundary=XX" --data-binary @"$S/garbage.multipart" "$U/cards"

# 9. The region editor: checked as check does, written by line
python3 tests/serve/form.py "$S/region.html" "f|region|year=abc" action=save > "$S/body"
req "serve save with a bad value 422" 422 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
contains "serve bad value: the message of check next to the field" "$S/b" '<span class="problem">error: not a whole number: abc</span>'
check "serve bad value: nothing saved" cmp -s config/esimerkkila.ini "$S/region.ini"
python3 tests/serve/form.py "$S/region.html" "f|venue.kaupunginteatteri|name=Qoxo" action=save > "$S/body"
req "serve save a venue's name 303" 303 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
header "serve save goes back to the editor" '^Location: /region\?saved=1'
diff config/esimerkkila.ini "$S/region.ini" > "$S/save.diff"
n=$(grep -n '^name = Esimerkkilän kaupunginteatteri$' config/esimerkkila.ini | cut -d: -f1)
printf '%sc%s\n< name = Esimerkkilän kaupunginteatteri\n---\n> name = Qoxo\n' "$n" "$n" > "$S/save.expected"
same_file "serve save changed that one line only" "$S/save.expected" "$S/save.diff"
check "serve save kept the previous version as .bak" cmp -s config/esimerkkila.ini "$S/region.ini.bak"
req "serve the leaflet's PDF after the save" 200 "$U/pdf?doc=leaflet&lang=fi"
pdftotext -q "$S/b" "$S/after.txt"
contains "serve the new venue is in the leaflet at once" "$S/after.txt" "Qoxo"
found=0
for p in 1 2 3 4; do
	# a word is one <text>, in runs split at kerning pairs
	curl -s -b "$S/jar" "$U/svg?doc=leaflet&lang=fi&page=$p" | sed 's/<[^>]*>//g' | grep -qx 'Qoxo' && found=1
done
check "serve the new venue is in the preview at once" test $found -eq 1
python3 tests/serve/form.py "$S/region.html" "f|region|year=2029" action=save > "$S/body"
req "serve save from a page older than the file 409" 409 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
req "serve GET /region after the save" 200 "$U/region?saved=1"
cp "$S/b" "$S/region2.html"
contains "serve the editor says it saved" "$S/region2.html" 'id="note"'
python3 tests/serve/form.py "$S/region2.html" "new|venue=qoxohalli" action=add:venue > "$S/body"
req "serve add a venue 200 (not saved yet)" 200 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
contains "serve the new venue's fields are shown" "$S/b" 'name="f|venue.qoxohalli|name"'
cp "$S/b" "$S/region3.html"
python3 tests/serve/form.py "$S/region3.html" action=save > "$S/body"
req "serve save a venue without its required keys 422" 422 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
contains "serve the missing key is named as check names it" "$S/b" "error: required key is missing"
python3 tests/serve/form.py "$S/region2.html" action=remove:question.first_card > "$S/body"
req "serve remove a question 200" 200 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
cp "$S/b" "$S/region4.html"
python3 tests/serve/form.py "$S/region4.html" action=up:venue.kirjasto > "$S/body"
req "serve move a venue up 200" 200 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
cp "$S/b" "$S/region5.html"
python3 tests/serve/form.py "$S/region5.html" action=save > "$S/body"
req "serve save the removal and the move 303" 303 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
check "serve the question is gone" test -z "$(grep -n 'question.first_card' "$S/region.ini")"
check "serve every comment line is kept" test "$(grep -c '^;' "$S/region.ini")" -eq "$(grep -c '^;' config/esimerkkila.ini)"
"$KP" check -c "$S/region.ini" > "$S/check.out" 2>&1
check "serve the saved file passes kaikuprint check" test $? -eq 0
# a change made by hand elsewhere is taken when the editor opens, if valid
sed 's/^year = 2027$/year = 2030/' "$S/region.ini" > "$S/edited.ini" && cat "$S/edited.ini" > "$S/region.ini"
req "serve the editor after an edit by hand" 200 "$U/region"
contains "serve an edit by hand is taken" "$S/b" 'name="f|region|year" value="2030"'
sed 's/^year = 2030$/year = 20x0/' "$S/region.ini" > "$S/edited.ini" && cat "$S/edited.ini" > "$S/region.ini"
req "serve the editor after a bad edit by hand" 200 "$U/region"
contains "serve a bad edit by hand: its problem is shown" "$S/b" 'error: not a whole number: 20x0'
contains "serve a bad edit by hand: the last good details stay" "$S/b" 'name="f|region|year" value="2030"'
sed 's/^year = 20x0$/year = 2027/' "$S/region.ini" > "$S/edited.ini" && cat "$S/edited.ini" > "$S/region.ini"
# a save that cannot be written (the .bak is a folder): 500, nothing changed, no temporary file left
req "serve GET /region before a save that fails" 200 "$U/region"
cp "$S/b" "$S/region6.html"
cp "$S/region.ini" "$S/before-fail.ini"
mv "$S/region.ini.bak" "$S/kept.bak" && mkdir "$S/region.ini.bak"
python3 tests/serve/form.py "$S/region6.html" "f|region|year=2031" action=save > "$S/body"
req "serve a save that cannot be written 500" 500 $POST_FORM -H "Origin: $U" --data-binary @"$S/body" "$U/region"
contains "serve a save that cannot be written: says so" "$S/b" '<p class="error">The region file could not be written.</p>'
check "serve a save that cannot be written: the region file untouched" cmp -s "$S/before-fail.ini" "$S/region.ini"
check "serve a save that cannot be written: no temporary file left" test -z "$(ls -A "$S" | grep '^\.kaikuprint-')"
rmdir "$S/region.ini.bak" && mv "$S/kept.bak" "$S/region.ini.bak"

# 10. Card sheets from a holder list
req "serve GET /cards 200" 200 "$U/cards"
TOKEN=$(form_token "$S/b")
req "serve POST /cards with the example list 200" 200 -H "Origin: $U" -F "form_token=$TOKEN" \
	-F "lang=fi" -F "holders=@config/esimerkkila-holders.csv;type=text/csv" "$U/cards"
header "serve cards are a PDF" '^Content-Type: application/pdf'
header "serve cards are never cached" '^Cache-Control: no-store'
cp "$S/b" "$S/cards.pdf"
pdftotext -q "$S/cards.pdf" "$S/cards.txt"
contains "serve cards carry the holders' names" "$S/cards.txt" "Marja-Liisa Väänänen-Åkerström"
printf 'name,issued,children\nZyxwvu Qwertyson,2027-03-01,1\nYvonne Plumtree,2027-02-30,1\nXaver Quux,2027-03-01,many\n' > "$S/bad.csv"
req "serve a list with bad rows 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/bad.csv" "$U/cards"
contains "serve bad rows: row 3 named" "$S/b" "<li>Row 3: issued is not a date"
contains "serve bad rows: row 4 named" "$S/b" "<li>Row 4: children must be a whole number from 0 to 20: (not shown)</li>"
if grep -q -e Plumtree -e Quux -e Qwertyson "$S/b" "$S/h"; then fail "serve bad rows: no name in the answer"; else pass "serve bad rows: no name in the answer"; fi
req "serve POST /cards without a file 400" 400 -H "Origin: $U" -F "form_token=$TOKEN" "$U/cards"
# the day of printing, as the command line checks it (KAIKUPRINT_TODAY=2027-03-01 here)
req "serve /cards names the day of printing" 200 "$U/cards"
contains "serve /cards says the day of printing" "$S/b" '<strong class="today">1 March 2027</strong>'
printf 'name,issued,children\nZyxwvu Qwertyson,2025-12-01,1\nYvonne Plumtree,2027-03-02,0\nXaver Quux,2027-03-01,0\n' > "$S/today.csv"
req "serve a list with a card expired or not yet issued 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/today.csv" "$U/cards"
contains "serve day of printing: an expired card's row named" "$S/b" "<li>Row 2: the card has already expired on the day of printing 1 March 2027 (last day of validity 1 December 2026)</li>"
contains "serve day of printing: a card issued later named" "$S/b" "<li>Row 3: issued 2 March 2027, later than the day of printing 1 March 2027</li>"
if grep -q "Row 4" "$S/b"; then fail "serve day of printing: a card issued that day passes"; else pass "serve day of printing: a card issued that day passes"; fi
if grep -q -e Plumtree -e Quux -e Qwertyson "$S/b" "$S/h"; then fail "serve day of printing: no name in the answer"; else pass "serve day of printing: no name in the answer"; fi
# the problems in the page's language: words, dates and row labels; nothing
# of the command line's (no "error:", no option)
ui() { curl -s -b "$S/jar" -c "$S/jar" -o /dev/null "$U/ui/$1"; }
ui fi
req "serve a list's problems in Finnish 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/today.csv" "$U/cards"
contains "serve problems in Finnish: an expired card" "$S/b" "<li>Rivi 2: kortti on jo vanhentunut tulostuspäivänä 1.3.2027 (viimeinen voimassaolopäivä 1.12.2026)</li>"
contains "serve problems in Finnish: issued later" "$S/b" "<li>Rivi 3: myöntämispäivä 2.3.2027 on myöhempi kuin tulostuspäivä 1.3.2027</li>"
ui sv
req "serve a list's problems in Swedish 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/bad.csv" "$U/cards"
contains "serve problems in Swedish: a bad date" "$S/b" "<li>Rad 3: i kolumnen issued står inget datum ÅÅÅÅ-MM-DD mellan 2000 och 2100"
contains "serve problems in Swedish: a bad number" "$S/b" "<li>Rad 4: i kolumnen children ska det stå ett heltal från 0 till 20: (visas inte)</li>"
printf 'name;issued\n' > "$S/header.csv"
ui fi
req "serve a list's header problem in Finnish 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" -F "holders=@$S/header.csv" "$U/cards"
contains "serve problems in Finnish: the header" "$S/b" "<li>Rivi 1: otsikkorivin sarake 1 on tuntematon sarake"
if grep -q -e "error:" -e "--today" -e "holders.csv" "$S/b"; then fail "serve problems: none of the command line's words"; else pass "serve problems: none of the command line's words"; fi
ui en
# the print-shop variant of the cards
req "serve POST /cards for a print shop 200" 200 -H "Origin: $U" -F "form_token=$TOKEN" -F "lang=sv" -F "press=yes" \
	-F "holders=@config/esimerkkila-holders.csv;type=text/csv" "$U/cards"
header "serve print-shop cards are named so" '^Content-Disposition: attachment; filename="card-inserts-press-sv.pdf"$'
header "serve print-shop cards are never cached" '^Cache-Control: no-store'
cp "$S/b" "$S/cards-press.pdf"
if /usr/bin/python3 tests/press/check_press.py "$S/cards-press.pdf" --trim 498.90x674.65 --cells 2x4 > "$S/press.log" 2>&1; then
	pass "serve print-shop cards: TrimBox, BleedBox, CMYK, PDF/X keys"
else fail "serve print-shop cards: TrimBox, BleedBox, CMYK, PDF/X keys" "$(head -3 "$S/press.log")"; fi

# 11. Slow clients: a connection that stops sending, in its headers or in
#     its body, is closed after --timeout (a body cut short is logged 408),
#     and others are answered meanwhile.
SESSION=$(awk '$6 == "kp_session" { print $7 }' "$S/jar" | tail -1)
python3 - "$PORT" "$SESSION" > "$S/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port, session = sys.argv[1], sys.argv[2]
heads = socket.create_connection(("127.0.0.1", int(port)))
heads.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nX-Slow: " % port.encode())
body = socket.create_connection(("127.0.0.1", int(port)))
body.sendall(("POST /region HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nOrigin: http://127.0.0.1:%s\r\n"
              "Cookie: kp_session=%s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              "Content-Length: 1000\r\n\r\naction=sa" % (port, port, session)).encode())
print("sent", flush=True)
start = time.time()
for name, s in (("headers", heads), ("body", body)):
    s.settimeout(20)
    try:
        data = s.recv(100)
    except socket.timeout:
        data = b"timeout"
    print("%s: closed after %.0f s: %r" % (name, time.time() - start, data[:20]))
PY
SLOW=$!
i=0
while [ $i -lt 100 ] && ! grep -q '^sent' "$S/slow.out"; do sleep 0.1; i=$((i + 1)); done
req "serve answers while slow clients hang" 200 "$U/static/style.css"
wait $SLOW
check "serve closes a client slow in its headers after the timeout" grep -Eq "^headers: closed after [2-6] s: b''" "$S/slow.out"
check "serve closes a client slow in its body after the timeout" grep -Eq "^body: closed after [2-6] s: b''" "$S/slow.out"
check "serve logs the body cut short as 408" grep -q "POST /region 408" "$S/log"

# 12. More requests for the renderer than may wait for it (16): the rest
#     are answered 503 at once (tests/serve/busy.py holds the server still
#     while 30 requests for one document not made yet come in)
python3 tests/serve/busy.py "$PORT" "$SERVER_PID" 30 "/pdf?doc=leaflet&lang=en&print=large&variant=booklet&press=yes" > "$S/busy.out" 2>&1
check "serve 30 requests at once: 503 for those past the 16 waiting, 200 for the others ($(head -2 "$S/busy.out" | tr '\n' ' '))" test $? -eq 0
contains "serve 503 is the error page" "$S/busy.out" '<p class="error">Palvelin on juuri nyt kiireinen. Yritä hetken päästä uudestaan.</p>'
contains "serve 503 is not cached" "$S/busy.out" 'Cache-Control: no-store'
check "serve 503 in the log" grep -q "GET /pdf 503" "$S/log"
req "serve answers again after the rush" 200 "$U/pdf?doc=leaflet&lang=en&print=large&variant=booklet&press=yes"

# 13. The access log: method, route, status, time; no query, body or name
check "serve log lines: time method route status ms" grep -Eq '^[0-9-]{10}T[0-9:]{8}Z GET /pdf 200 [0-9]+ms$' "$S/log"
if grep -q -e 'doc=' -e 'token' -e Qoxo -e Qwertyson -e Plumtree -e Marja-Liisa "$S/log"; then
	fail "serve log has no query, body or name"; else pass "serve log has no query, body or name"; fi
check "serve log has the unknown route as (unknown)" grep -q "GET (unknown) 404" "$S/log"

# 14. SIGTERM ends it cleanly
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
check "serve SIGTERM: exit status 0" test $? -eq 0
SERVER_PID=""
contains "serve SIGTERM: says it stops" "$S/log" "kaikuprint: stopping (SIGTERM)"

# 15. The access token (needed off loopback; here on loopback, same rules)
printf 'k3y-0f-the-test-server-2e9c41a7\n' > "$S/token"
if start_server "$S/tlog" -- -c "$S/region.ini" --token-file "$S/token"; then
	rm -f "$S/jar"
	req "serve token: none 401" 401 "$U/"
	req "serve token: wrong 401" 401 "$U/?token=k3y-0f-the-test-server-00000000"
	req "serve token: static files too 401" 401 "$U/static/style.css"
	header "serve token: a refused file is not cached" '^Cache-Control: no-store'
	req "serve token: right 303" 303 "$U/?token=k3y-0f-the-test-server-2e9c41a7"
	header "serve token: the URL loses the token" '^Location: /$'
	header "serve token: kept in an HttpOnly SameSite=Strict cookie" '^Set-Cookie: kp_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict'
	req "serve token: the cookie opens the page" 200 "$U/"
	_code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: kp_session=$(printf '%064d' 0)" "$U/")
	check "serve token: a made-up cookie 401" test "$_code" = 401
	if grep -q "k3y-0f" "$S/tlog"; then fail "serve token: never in the log"; else pass "serve token: never in the log"; fi
	stop_server
else
	fail "serve token: server starts" "$(cat "$S/tlog")"
fi

# 16. serve --today sets the day of printing (over KAIKUPRINT_TODAY), as
#     render --today does; a bad one is a usage error. Its region has every
#     kind of section, and every page names each in fi, sv and en (a UI
#     string missing shows as its key, e.g. "add.print").
"$KP" serve -c "$S/region.ini" --today 2027-02-30 > "$S/badtoday.out" 2>&1
check "serve --today with a bad date is a usage error" test $? -eq 2
cp config/esimerkkila.ini "$S/all.ini"
printf '\n[hyphenation]\nexceptions = Kaiku-kes-kus\n\n[national]\n\n[print]\npress = no\nbleed = 3\n\n[style.kicker]\ncolor = "#1a3c5e"\n' >> "$S/all.ini"
if start_server "$S/dlog" -- -c "$S/all.ini" --today 2027-01-14; then
	no_raw_keys() { ! grep -qE '>[^<]*\b(kind|add|key|hint|action|label|error|note|confirm|print|variant|doc|about|lang|nav|cards|docs)\.[a-z_]+' "$1"; }
	for l in fi sv en; do
		for p in / /region /cards; do
			curl -s -b "kp_ui=$l" -o "$S/page.html" "$U$p"
			check "serve $p in $l: every text in $l, no string key left (every kind of section)" no_raw_keys "$S/page.html"
		done
	done
	curl -s -b "kp_ui=en" -o "$S/page.html" "$U/region"
	contains "serve the editor names the print-shop section" "$S/page.html" '<legend>Print shop</legend>'
	contains "serve the editor labels the bleed" "$S/page.html" 'Bleed (mm) <code>bleed</code>'
	contains "serve the editor names a style's colour" "$S/page.html" '<legend>Style colour: kicker</legend>' 
	rm -f "$S/jar"
	req "serve --today: GET /cards" 200 "$U/cards"
	contains "serve --today: the page names that day" "$S/b" '<strong class="today">14.1.2027</strong>'
	TOKEN=$(form_token "$S/b")
	req "serve --today: a card issued after that day 422" 422 -H "Origin: $U" -F "form_token=$TOKEN" \
		-F "holders=@config/esimerkkila-holders.csv" "$U/cards"
	contains "serve --today: its row named" "$S/b" "<li>Rivi 21: myöntämispäivä 15.1.2027 on myöhempi kuin tulostuspäivä 14.1.2027</li>"
	check "serve --today: no other row named" test "$(grep -c '<li>Rivi [0-9]*:' "$S/b")" -eq 1
	if grep -q "Sundqvist" "$S/b" "$S/dlog"; then fail "serve --today: no name in the answer or log"; else pass "serve --today: no name in the answer or log"; fi
	stop_server
else
	fail "serve --today: server starts" "$(cat "$S/dlog")"
fi

# 17. The holder list never touches the disk: every file the server opens
#     for writing while it makes the cards, seen by strace.
if start_server "$S/slog" strace -f -qq -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat -o "$S/strace.log" -- -c "$S/region.ini"; then
	req "serve strace: GET /cards" 200 "$U/cards"
	TOKEN=$(form_token "$S/b")
	req "serve strace: POST /cards 200" 200 -H "Origin: $U" -F "form_token=$TOKEN" \
		-F "holders=@config/esimerkkila-holders.csv" "$U/cards"
	stop_server
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|unlink' "$S/strace.log" | grep -v -e '/dev/' -e ENOENT > "$S/writes" || true
	check "serve strace: no file written while making cards" test ! -s "$S/writes"
else
	fail "serve strace: server starts" "$(cat "$S/slog")"
fi
