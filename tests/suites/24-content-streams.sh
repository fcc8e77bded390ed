# Page content streams: consecutive words share a text object (Td between
# them) and a QR code is one path. tests/pdf/check_streams.py reads every
# content stream (pages and forms) of every PDF of the example region
# (normal, large print, print-shop, a card batch): BT/ET and BMC/BDC/EMC
# pair up and nest, nothing but text, colour and state operators inside a
# text object, a path painted right after it is built, every MCID once.
# The checker fails a file whose marked content ends inside a text object.
S="$OUT/content-streams"
mkdir -p "$S/all" "$S/large" "$S/press"
PY=/usr/bin/python3
REGION=config/esimerkkila.ini
"$KP" all -c $REGION -o "$S/all" -q 2> "$S/all.log"
check "content streams: all writes every document" test -s "$S/all/leaflet-booklet-sv.pdf"
"$KP" all -c $REGION -o "$S/large" --large-print -q 2> "$S/large.log"
"$KP" all -c $REGION -o "$S/press" --press -q 2> "$S/press.log"
"$KP" render -c $REGION -t templates/card-inserts.xml -l fi --data config/esimerkkila-holders.csv \
	-o "$S/batch-fi.pdf" -q 2> "$S/batch.log"
for pdf in "$S"/all/*.pdf "$S"/large/*.pdf "$S"/press/*.pdf "$S/batch-fi.pdf"; do
	name=$(echo "$pdf" | sed "s|$S/||")
	check "content streams: well formed, text objects and marked content nest: $name" \
		$PY tests/pdf/check_streams.py "$pdf"
done

# What the streams hold: the A4 leaflet shows its words in far fewer text
# objects than words, places them with Td, and paints each QR code with one
# fill (it has 15 codes on its first page; a fill per module run was 3,045).
$PY tests/pdf/check_streams.py --stats "$S/all/leaflet-fi.pdf" > "$S/leaflet-stats.txt"
check "content streams: the leaflet's words share text objects (BT < show / 2, Td used)" \
	awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
	     END { exit !(v["BT"] > 0 && v["BT"] * 2 < v["show"] && v["Td"] > 0) }' "$S/leaflet-stats.txt"
check "content streams: the leaflet's QR codes are a fill each, not a fill per rectangle" \
	awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
	     END { exit !(v["re"] > 1000 && v["fill"] * 20 < v["re"]) }' "$S/leaflet-stats.txt"

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
