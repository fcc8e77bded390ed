# Tables, framed boxes, rules and images as a reader and a printer see them:
# the rendered PDFs pass qpdf --check, the text (header rows repeated on every
# page) comes back with pdftotext, the images are really embedded at the
# expected pixel sizes. The layout itself is checked by the golden dumps in
# tests/cases/typeset-blocks/ (suite 10-golden).
mkdir -p "$OUT/typeset-blocks"
T=$(cd "$OUT/typeset-blocks" && pwd)
C=tests/cases/typeset-blocks
kp_abs=$(cd "$(dirname "$KP")" && pwd)/$(basename "$KP")

# render CASE: the case's template to $T/CASE.pdf, run from the case folder
render() {
	( cd "$C/$1" && "$kp_abs" render -c region.ini -t template.xml -o "$T/$1.pdf" 2> "$T/$1.log" )
}

render table-header-repeat
check "typeset-blocks table renders" test -s "$T/table-header-repeat.pdf"
check "typeset-blocks table qpdf --check" qpdf --check "$T/table-header-repeat.pdf"
pdfinfo "$T/table-header-repeat.pdf" 2> /dev/null | awk '/^Pages:/ { print "pages", $2 }' > "$T/pages.txt"
contains "typeset-blocks table spans 2 pages" "$T/pages.txt" "pages 2"
for page in 1 2; do
	pdftotext -layout -f $page -l $page "$T/table-header-repeat.pdf" "$T/table-p$page.txt" 2> /dev/null
	# the header row is the first table line on both pages
	contains "typeset-blocks header row on page $page" "$T/table-p$page.txt" "Kohde"
	contains "typeset-blocks header cells on page $page" "$T/table-p$page.txt" "Kortilla saa"
done
contains "typeset-blocks cell text extracted" "$T/table-p1.txt" "pääsyliput esityksiin,"
contains "typeset-blocks last row on page 2" "$T/table-p2.txt" "Nuorisotalo"

render box
check "typeset-blocks box qpdf --check" qpdf --check "$T/box.pdf"
pdftotext "$T/box.pdf" "$T/box.txt" 2> /dev/null
contains "typeset-blocks box text extracted" "$T/box.txt" "Muista: kortti ei toimi kohteissa"

render image
check "typeset-blocks image qpdf --check" qpdf --check "$T/image.pdf"
pdfimages -list "$T/image.pdf" > "$T/images.txt" 2> /dev/null
f_images() {
	# 4 PNG placements (160x80 px) and one JPEG (224x112 px, DCT-coded)
	awk 'NR > 2 { n++; if ($4 == 160 && $5 == 80) png++; if ($4 == 224 && $5 == 112 && $9 == "jpeg") jpg++ }
	     END { if (n != 5 || png != 4 || jpg != 1) { print n, png, jpg; exit 1 } }' "$T/images.txt"
}
check "typeset-blocks pdfimages: 4 PNG and 1 JPEG embedded" f_images

# a broken image never reaches libharu (which would abort on bad PNG data)
render bad-image-data
check "typeset-blocks broken PNG: no PDF" test ! -e "$T/bad-image-data.pdf"
contains "typeset-blocks broken PNG: named with line:col" "$T/bad-image-data.log" \
	"template.xml:7:5: error: image broken.png: broken PNG data"

# colours and line weights reach the PDF content streams (the dump shows
# geometry only): rule #c0392b 2pt and #1b4f72 0.3pt, box background #d6eaf8,
# box border #1b4f72, table header background #1b4f72
render rule
qpdf --qdf --object-streams=disable "$T/rule.pdf" "$T/rule-qdf.pdf" 2> /dev/null
contains "typeset-blocks rule colour #c0392b" "$T/rule-qdf.pdf" "0.75294 0.22353 0.16863 RG"
contains "typeset-blocks rule thickness 2pt" "$T/rule-qdf.pdf" "2 w"
contains "typeset-blocks rule colour #1b4f72" "$T/rule-qdf.pdf" "0.10588 0.3098 0.44706 RG"
qpdf --qdf --object-streams=disable "$T/box.pdf" "$T/box-qdf.pdf" 2> /dev/null
contains "typeset-blocks box background #d6eaf8" "$T/box-qdf.pdf" "0.83922 0.91765 0.97255 rg"
contains "typeset-blocks box border #1b4f72" "$T/box-qdf.pdf" "0.10588 0.3098 0.44706 RG"
qpdf --qdf --object-streams=disable "$T/table-header-repeat.pdf" "$T/table-qdf.pdf" 2> /dev/null
contains "typeset-blocks header background #1b4f72" "$T/table-qdf.pdf" "0.10588 0.3098 0.44706 rg"

# a row taller than a page is cut between lines: nothing lost, header repeated
render table-tall-row
check "typeset-blocks tall row qpdf --check" qpdf --check "$T/table-tall-row.pdf"
pdftotext -f 2 -l 2 "$T/table-tall-row.pdf" "$T/tall-p2.txt" 2> /dev/null
contains "typeset-blocks tall row: header on page 2" "$T/tall-p2.txt" "Kuvaus"
contains "typeset-blocks tall row: continues on page 2" "$T/tall-p2.txt" "Kappale 12"
pdftotext "$T/table-tall-row.pdf" - 2> /dev/null | grep -o 'Kappale [0-9]*' | sort -u | wc -l > "$T/tall-count.txt"
contains "typeset-blocks tall row: all 12 paragraphs kept" "$T/tall-count.txt" "12"
