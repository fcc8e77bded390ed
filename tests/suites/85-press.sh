# Print-shop output (--press, [print] press = yes) as a print shop's preflight
# sees it: tests/press/check_press.py reads every press PDF with pikepdf and
# pdftotext and checks that every colour operator is CMYK (no rg/RG/g/sc, no
# DeviceRGB anywhere), text has a CMYK fill and body text is 0 0 0 1 k, every
# page has a TrimBox of the finished size and a BleedBox of trim + bleed, the
# MediaBox has room for the marks, nothing but registration-colour marks and
# the slug line lies outside the BleedBox, no word is within 3 mm of its cut
# (each card's own on card sheets), the OutputIntent, GTS_PDFXVersion,
# Trapped, dates and /ID are there, PDF 1.3, no transparency. The layout
# dumps show QR codes and crop marks in the right inks; qpdf --check and
# pdffonts (every font embedded). The office variant stays RGB without boxes.
# Golden cases: tests/cases/press/.
P="$OUT/press"
mkdir -p "$P/all" "$P/office" "$P/cfg"
example_logo "$P/cfg"
REGION=config/esimerkkila.ini
PY=/usr/bin/python3
A4="595.28x841.89"
BOOKLET="839.06x595.28"    # two A5 pages side by side, trimmed at 296 x 210 mm
CARDS="498.90x674.65"      # 2 x 4 cards of 85 x 55 mm with 6 mm between them

"$KP" all --press -c "$REGION" -o "$P/all" 2> "$P/all.log"
check "press: all --press exits 0" test $? -eq 0
f_quiet() { test ! -s "$1"; }
check "press: all --press prints no warnings" f_quiet "$P/all.log"
"$KP" render --press -c "$REGION" -t templates/card-inserts.xml -l fi \
	--data config/esimerkkila-holders.csv -o "$P/all/card-inserts-batch-fi.pdf" \
	--dump "$P/cards.dump" 2> "$P/batch.log"
check "press: card batch exits 0" test $? -eq 0

press_check() { # NAME FILE ARGS...
	_n=$1; _f=$2; shift 2
	if $PY tests/press/check_press.py "$_f" "$@" > "$P/check.log" 2>&1; then pass "$_n"; else
		fail "$_n" "$(head -5 "$P/check.log")"; fi
}
for lang in fi sv en; do
	press_check "press: leaflet-$lang" "$P/all/leaflet-$lang.pdf" --trim $A4
	press_check "press: leaflet-booklet-$lang" "$P/all/leaflet-booklet-$lang.pdf" --trim $BOOKLET
	press_check "press: card-inserts-$lang" "$P/all/card-inserts-$lang.pdf" --trim $CARDS --cells 2x4
	press_check "press: checklist-$lang" "$P/all/checklist-$lang.pdf" --trim $A4
	press_check "press: registration-form-$lang" "$P/all/registration-form-$lang.pdf" --trim $A4
done
press_check "press: card-inserts-batch-fi" "$P/all/card-inserts-batch-fi.pdf" --trim $CARDS --cells 2x4

for f in "$P"/all/*.pdf; do
	check "press: qpdf --check $(basename "$f")" qpdf --check "$f"
	f_embedded() { pdffonts "$1" | tail -n +3 | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }'; }
	check "press: every font embedded in $(basename "$f")" f_embedded "$f"
done

# The layout dump: QR modules 100 % K, crop marks in registration colour,
# body text 100 % K, and nothing but marks and slug outside the bleed.
"$KP" render --press -c "$REGION" -t templates/leaflet.xml -l fi -o "$P/leaflet.pdf" \
	--dump "$P/leaflet.dump" 2>/dev/null
f_qr_k() { grep -q 'rect\[qr\]' "$1" && ! grep 'rect\[qr\]' "$1" | grep -v 'ink=0/0/0/100$'; }
check "press: QR codes are 100 % K only (leaflet)" f_qr_k "$P/leaflet.dump"
check "press: QR codes are 100 % K only (booklet)" f_qr_k "$P/leaflet-booklet.dump"
f_marks() { grep -q 'line\[crop\]' "$1" && ! grep -E 'line\[(crop|fold)\]' "$1" | grep -v 'ink=100/100/100/100$'; }
check "press: crop marks in registration colour (leaflet)" f_marks "$P/leaflet.dump"
check "press: crop and fold marks in registration colour (booklet)" f_marks "$P/leaflet-booklet.dump"
check "press: crop marks in registration colour (cards)" f_marks "$P/cards.dump"
f_body_k() { grep 'NotoSans-Regular.ttf size=10.00' "$1" | grep -q 'ink=0/0/0/100$' &&
	! grep 'NotoSans-Regular.ttf size=10.00' "$1" | grep -v 'ink=0/0/0/100$'; }
check "press: body text 100 % K only" f_body_k "$P/leaflet.dump"
# every box but marks and slug inside the bleed: page line gives trim and bleed
f_inside() {
	awk '/^page/ { split($4, t, /[=,x]/); split($5, b, "="); x0 = t[2] - b[2]; y0 = t[3] - b[2];
			x1 = t[2] + t[4] + b[2]; y1 = t[3] + t[5] + b[2]; next }
	     /\[(crop|fold|slug)\]/ { next }
	     { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	       if (v["x"] < x0 - 0.01 || v["x"] + v["w"] > x1 + 0.01 ||
		   v["y"] < y0 - 0.01 - v["h"] || v["y"] + v["h"] > y1 + 0.01) { print; bad = 1 } }
	     END { exit bad }' "$1"
}
check "press: nothing but marks and slug outside the bleed (leaflet dump)" f_inside "$P/leaflet.dump"
check "press: nothing but marks and slug outside the bleed (booklet dump)" f_inside "$P/leaflet-booklet.dump"
check "press: nothing but marks and slug outside the bleed (cards dump)" f_inside "$P/cards.dump"
f_slug() { grep -q 'text\[slug\].*"leaflet · fi · 2027-01-01 · 1/' "$1"; }
check "press: slug line names document, language, date and page" f_slug "$P/leaflet.dump"

# The office variant is unchanged: RGB, no page boxes, no PDF/X keys.
"$KP" all -c "$REGION" -o "$P/office" 2>/dev/null
f_office() {
	$PY - "$1" <<'PYEOF'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
ops = {str(op) for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)}
assert "rg" in ops and "k" not in ops, ops
assert all("/TrimBox" not in p.obj for p in pdf.pages)
assert "/OutputIntents" not in pdf.Root
PYEOF
}
check "press: office leaflet stays RGB without boxes" f_office "$P/office/leaflet-fi.pdf"
check "press: office card inserts stay RGB without boxes" f_office "$P/office/card-inserts-fi.pdf"

# [print] in the region file: press = yes without --press, another bleed and
# printing condition, and the region's own colour for a style.
{ cat "$REGION"; printf '\n[print]\npress = yes\nbleed = 5\noutput_condition = FOGRA51\n'
  printf '\n[style.h1]\ncolor = cmyk(100,45,0,30)\n'; } > "$P/cfg/region.ini"
check "press: region copy has a [print] section" grep -q '^\[print\]' "$P/cfg/region.ini"
"$KP" render -c "$P/cfg/region.ini" -t templates/leaflet.xml -l sv -o "$P/cfg/leaflet-sv.pdf" \
	--dump "$P/cfg/leaflet.dump" 2> "$P/cfg.log"
check "press: [print] press = yes exits 0" test $? -eq 0
press_check "press: [print] bleed = 5, FOGRA51" "$P/cfg/leaflet-sv.pdf" --trim $A4 --bleed 5 \
	--condition FOGRA51
f_h1() { grep 'NotoSans-Bold.ttf size=25.00' "$1" | grep -q 'ink=100/45/0/30$'; }
check "press: [style.h1] color from the region" f_h1 "$P/cfg/leaflet.dump"

# check --press on the example region: the templates keep 3 mm from every trim
"$KP" check --press -c "$REGION" 2> "$P/check-press.log"
check "press: check --press exits 0" test $? -eq 0
check "press: check --press finds nothing near a trim" f_quiet "$P/check-press.log"
