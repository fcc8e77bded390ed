# Accessible PDFs (PDF/UA-1 as far as tools here can tell): every example
# document in every language, as `kaikuprint all` writes them in normal and
# large print, passes
# tests/a11y/check_pdf.py (tagged, /Lang, nothing untagged, Figure /Alt, link
# annotations tied to Link elements with /Contents, outline, XMP with PDF/UA
# identification, fonts embedded and subset with ToUnicode, a grid tagged as
# a table); the folded
# booklet and the sheets of card inserts, for printing only, keep language,
# title and text layer without a structure tree. pdftotext reads every file without a warning and every
# glyph back (no U+FFFD), the structure of the checklist and the leaflet reads
# in the template's order (tests/a11y/reading_order.py), and a paragraph with
# hyphenated lines comes back from pdftotext as its source text.
A="$OUT/accessible"
mkdir -p "$A"
PY=/usr/bin/python3
"$KP" all -c config/esimerkkila.ini -o "$A" 2> "$A/all.log"
check "accessible all writes every document" test -s "$A/checklist-fi.pdf" -a -s "$A/leaflet-sv.pdf"
mkdir -p "$A/large"
"$KP" all --large-print -c config/esimerkkila.ini -o "$A/large" 2> "$A/large/all.log"
check "accessible all --large-print writes every document" test -s "$A/large/checklist-fi.pdf"

for pdf in "$A"/*.pdf "$A"/large/*.pdf; do
	name=$(basename "$pdf" .pdf)
	case $pdf in */large/*) name=large-$name ;; esac
	lang=${name##*-}
	case $name in
	*-booklet-* | *card-inserts-*) mode=--print ;;
	*) mode= ;;
	esac
	check "accessible $name: check_pdf.py $mode" $PY tests/a11y/check_pdf.py $mode "$lang" "$pdf"
	pdftotext -enc UTF-8 "$pdf" "$A/$name.txt" 2> "$A/$name.warnings"
	check "accessible $name: no warning from pdftotext" test ! -s "$A/$name.warnings"
	check "accessible $name: every glyph maps to text" sh -c "! grep -q '$(printf '\357\277\275')' '$A/$name.txt'"
	pdffonts "$pdf" > "$A/$name.fonts" 2>&1
	check "accessible $name: pdffonts shows every face embedded and subset" \
		awk 'NR > 2 { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad++ }
		     END { exit !(n > 0 && bad == 0) }' "$A/$name.fonts"
done

# the checker can fail: the booklet has no structure tree
check "accessible check_pdf.py refuses an untagged file" \
	sh -c "! $PY tests/a11y/check_pdf.py fi '$A/leaflet-booklet-fi.pdf' > /dev/null"

# The registration sheet's grid is a table: a header row of TH with /Scope,
# a row of TD under them for every card; the checker refuses the same file
# with its cells tagged as paragraphs.
S="$A/registration-form-sheet-fi.pdf"
check "accessible registration sheet: tables of a TH row (/Scope /Column) and rows of as many TD" $PY -c "
import pikepdf, sys
p = pikepdf.open('$S')
kids = lambda e, s: [k for k in (e.K if isinstance(e.K, pikepdf.Array) else [e.K])
                     if isinstance(k, pikepdf.Dictionary) and k.get('/S') == s]
tables = [o for o in p.objects if isinstance(o, pikepdf.Dictionary) and o.get('/S') == '/Table']
ok = len(tables) >= 1
for t in tables:
    rows = kids(t, '/TR')
    th = kids(rows[0], '/TH')
    ok &= len(rows) >= 6 and len(th) >= 2 and all(h.A.Scope == pikepdf.Name.Column for h in th)
    ok &= all(len(kids(r, '/TD')) == len(th) for r in rows[1:])
sys.exit(not ok)"
$PY -c "
import pikepdf
p = pikepdf.open('$S')
for o in p.objects:
    if isinstance(o, pikepdf.Dictionary) and o.get('/S') in ('/Table', '/TR', '/TH', '/TD'):
        o.S = pikepdf.Name('/P')
p.save('$A/sheet-untabled.pdf')"
check "accessible check_pdf.py refuses a grid whose cells are tagged P" \
	sh -c "$PY tests/a11y/check_pdf.py fi '$A/sheet-untabled.pdf' | grep -q 'not tagged as a table'"
$PY -c "
import pikepdf
p = pikepdf.open('$S')
for o in p.objects:
    if isinstance(o, pikepdf.Dictionary) and o.get('/S') == '/TH':
        del o['/A']
p.save('$A/sheet-unscoped.pdf')"
check "accessible check_pdf.py refuses a TH without /Scope" \
	sh -c "$PY tests/a11y/check_pdf.py fi '$A/sheet-unscoped.pdf' | grep -q 'TH without /Scope'"

for doc in checklist leaflet; do
	for lang in fi sv en; do
		pdfinfo -struct-text "$A/$doc-$lang.pdf" > "$A/$doc-$lang.struct" 2>&1
		check "accessible $doc-$lang: structure in the template's reading order" \
			$PY tests/a11y/reading_order.py "templates/$doc.xml" "$lang" "$A/$doc-$lang.struct"
		pdfinfo -struct-text "$A/large/$doc-$lang.pdf" > "$A/large/$doc-$lang.struct" 2>&1
		check "accessible large-$doc-$lang: structure in the template's reading order" \
			$PY tests/a11y/reading_order.py "templates/$doc.xml" "$lang" "$A/large/$doc-$lang.struct"
	done
done
contains "accessible leaflet-fi: QR code's alternative text" "$A/leaflet-fi.struct" "Figure"
check "accessible leaflet-fi: QR codes have Finnish alternative text" \
	$PY -c "import pikepdf,sys; p=pikepdf.open('$A/leaflet-fi.pdf');
alts=[str(o.get('/Alt')) for o in p.objects if isinstance(o, pikepdf.Dictionary) and o.get('/S') == '/Figure'];
qr=[a for a in alts if a != 'Esimerkkilän logo'];  # the region's logo has its own text
sys.exit(not qr or not all(a.startswith('QR-koodi: https://') for a in qr))"

# A region value in another language (name_lang = sv on three venues of the
# example region) is a Span with /Lang sv where the document is in another
# language and uses that name: 3 in the Finnish leaflet, none in the
# Swedish, 2 in the English (the third venue has an English name). A
# structure element is known by its /S and /P: its /Type is optional and not
# written (ISO 32000-1 14.7.2, Table 323).
for pair in fi:3 sv:0 en:2; do
	lang=${pair%:*}
	check "accessible leaflet-$lang: $lang ${pair#*:} Swedish venue names with /Lang sv" $PY -c "
import pikepdf, sys
p = pikepdf.open('$A/leaflet-$lang.pdf')
spans = [o for o in p.objects if isinstance(o, pikepdf.Dictionary) and '/P' in o
         and o.get('/S') == '/Span' and str(o.get('/Lang', '')) == 'sv']
sys.exit(len(spans) != ${pair#*:} or p.Root.Lang != '$lang')"
done
check "accessible leaflet-fi: the Span in Swedish holds the venue's name" \
	awk '/Span/ { getline; if ($0 ~ /"Exempelby Svenska Teater "/) ok = 1 } END { exit !ok }' \
	"$A/leaflet-fi.struct"

# A hyphen added at a line break is not in the text; a word's own hyphen is.
C=tests/cases/typeset-text/justified-fi
( cd "$C" && "$OLDPWD/$KP" render -c region.ini -t template.xml -o "$OLDPWD/$A/justified.pdf" \
	--dump "$OLDPWD/$A/justified.dump" ) 2> "$A/justified.log"
check "accessible justified-fi has hyphenated lines" grep -q '^  text\[hyphen\]' "$A/justified.dump"
pdftotext -enc UTF-8 "$A/justified.pdf" - 2> /dev/null | tr -s ' \n' '  ' > "$A/justified.text"
$PY -c "import re,sys,xml.etree.ElementTree as E
for p in E.parse('$C/template.xml').iter('p'):
    print(' '.join(''.join(p.itertext()).split()))" > "$A/justified.source"
n=0
while IFS= read -r para; do
	n=$((n + 1))
	contains "accessible pdftotext gives source paragraph $n of justified-fi" "$A/justified.text" "$para"
done < "$A/justified.source"
check "accessible justified-fi has paragraphs" test "$n" -ge 2

# A cell over two columns is one TD with /ColSpan 2, and its table stays
# regular for the checker (every row covers as many columns).
C=tests/cases/typeset-blocks/table-header-repeat
( cd "$C" && "$OLDPWD/$KP" render -c region.ini -t template.xml -o "$OLDPWD/$A/span.pdf" ) 2> "$A/span.log"
check "accessible a spanning cell is a TD with /ColSpan 2" $PY -c "import pikepdf, sys
pdf = pikepdf.open('$A/span.pdf')
def walk(e):
    if isinstance(e, pikepdf.Array):
        return any(walk(k) for k in e)
    if not isinstance(e, pikepdf.Dictionary):
        return False
    a = e.get('/A')
    if e.get('/S') == '/TD' and isinstance(a, pikepdf.Dictionary) and a.get('/ColSpan') == 2:
        return True
    return walk(e.get('/K'))
sys.exit(0 if walk(pdf.Root.StructTreeRoot.K) else 1)"
$PY tests/a11y/check_pdf.py fi "$A/span.pdf" > "$A/span.check" 2>&1
check "accessible a table with a spanning cell is regular" test -z "$(grep 'not regular' "$A/span.check")"

# Text strings that are plain ASCII are written as literals, a quarter of
# their UTF-16 size (a leaflet has some sixty link texts and QR alt texts);
# the others stay UTF-16. (Read where they are written: in the file's
# object streams.)
$PY tests/pdf/objstm_text.py "$A/leaflet-fi.pdf" > "$A/leaflet-fi.objects"
check "accessible an ASCII alt text is a literal string" \
	grep -aqE '/Alt ?\(QR-koodi: https://' "$A/leaflet-fi.objects"
check "accessible a Finnish alt text stays UTF-16" \
	grep -aqE '/Alt ?<FEFF0045007300690' "$A/leaflet-fi.objects"
