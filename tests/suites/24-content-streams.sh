# Page content streams: consecutive words share a text object (Td between
# them), the words of a line a TJ array, and a QR code is one path. tests/pdf/check_streams.py reads every
# content stream (pages and forms) of every PDF of the example region
# (normal, large print, print-shop, a card batch): BT/ET and BMC/BDC/EMC
# pair up and nest, nothing but text, colour and state operators inside a
# text object, a path painted right after it is built, every MCID once.
# tests/pdf/check_positions.py proves every word stands where the layout
# dump puts it. Both checkers are shown to fail on a broken file.
S="$OUT/content-streams"
PY=/usr/bin/python3
REGION=config/esimerkkila.ini
example_pdfs "$S" fi
check "content streams: all writes every document" test -s "$S/all/leaflet-booklet-sv.pdf"
check_each_example "$S" "content streams: well formed, text objects and marked content nest" \
	$PY tests/pdf/check_streams.py

# What the streams hold: the A4 leaflet's words (as pdftotext counts them)
# share text objects and TJ arrays (a text object and a TJ per word was
# 522 of each), placed with Td; and each QR code is one fill (it has 15
# codes on its first page; a fill per module run was 3,045).
$PY tests/pdf/check_streams.py --stats "$S/all/leaflet-fi.pdf" > "$S/leaflet-stats.txt"
pdftotext "$S/all/leaflet-fi.pdf" - | wc -w > "$S/leaflet-words.txt"
check "content streams: the leaflet's words share text objects and TJ arrays (each < words / 2)" \
	awk 'NR == 1 { words = $1; next }
	     { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
	     END { exit !(words > 400 && v["BT"] * 2 < words && v["show"] * 2 < words && v["Td"] > 0) }' \
	"$S/leaflet-words.txt" "$S/leaflet-stats.txt"
check "content streams: the leaflet's QR codes are a fill each, not a fill per rectangle" \
	awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
	     END { exit !(v["re"] > 1000 && v["fill"] * 20 < v["re"]) }' "$S/leaflet-stats.txt"

# Every word where layout put it (tests/pdf/check_positions.py: the reader's
# pen followed glyph by glyph through Td and TJ, against the layout dump):
# justified and ragged text, large print, print-shop output, a card batch
# (card backs in a form XObject).
while read -r name opts; do
	eval "\"\$KP\" render -q -c $REGION $opts -o \"\$S/pos-\$name.pdf\" --dump \"\$S/pos-\$name.dump\"" \
		2> "$S/pos-$name.log"
	check "content streams: every word stands where layout put it: $name" \
		$PY tests/pdf/check_positions.py "$S/pos-$name.pdf" "$S/pos-$name.dump"
done <<'WORDS'
checklist-fi -t templates/checklist.xml -l fi
checklist-en-large -t templates/checklist.xml -l en --large-print
leaflet-sv -t templates/leaflet.xml -l sv
leaflet-fi-press -t templates/leaflet.xml -l fi --press
registration-form-sheet-sv -t templates/registration-form-sheet.xml -l sv
cards-batch-fi -t templates/card-inserts.xml -l fi --data config/esimerkkila-holders.csv
WORDS
# the checker can fail: the first word placed by Td moved by 0.01 pt
$PY - "$S/pos-checklist-fi.pdf" "$S/moved.pdf" <<'PYEOF'
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
page = pdf.pages[0]
data = page.Contents.read_bytes()
i = data.index(b" Td\n")
j = data.rindex(b"\n", 0, i) + 1
x, y = data[j:i].split(b" ")
page.Contents.write(data[:j] + b"%.3f " % (float(x) + 0.01) + y + data[i:])
pdf.save(sys.argv[2])
PYEOF
check "content streams: the position checker refuses a word 0.01 pt off" \
	sh -c "! $PY tests/pdf/check_positions.py '$S/moved.pdf' '$S/pos-checklist-fi.dump' > '$S/moved.txt' && grep -q 'not drawn there' '$S/moved.txt'"

# the checker can fail: the first marked content closed inside its text object
$PY - "$S/all/checklist-fi.pdf" "$S/broken.pdf" <<'PYEOF'
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
page = pdf.pages[0]
data = page.Contents.read_bytes()
assert b"ET\nEMC\n" in data
page.Contents.write(data.replace(b"ET\nEMC\n", b"EMC\nET\n", 1))
pdf.save(sys.argv[2])
PYEOF
check "content streams: the checker refuses marked content that ends inside a text object" \
	sh -c "! $PY tests/pdf/check_streams.py '$S/broken.pdf' > '$S/broken.txt' && grep -q 'EMC inside a text object' '$S/broken.txt'"
