# Subset fonts keep every glyph used: every PDF `kaikuprint all` writes for
# the example region (every document in fi, sv and en, the booklets), in
# large print, the print-shop variant and a card batch, read by
# tests/fonts/check_glyphs.py: each glyph a page or form draws lies inside
# its subset and has an outline (spaces aside). The checker fails a file
# whose map points a letter at an empty glyph.
S="$OUT/subset-fonts"
PY=/usr/bin/python3
example_pdfs "$S" sv
check "subset fonts: all writes every document" test -s "$S/all/leaflet-booklet-sv.pdf"
check_each_example "$S" "subset fonts: every glyph drawn is in its subset" \
	$PY tests/fonts/check_glyphs.py

# the checker can fail: the letter a mapped to the (empty) space glyph
$PY - "$S/all/checklist-fi.pdf" "$S/broken.pdf" <<'PYEOF'
import re, struct, sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
for _, font in pdf.pages[0].Resources.Font.items():
    desc = font.DescendantFonts[0]
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    cids = {int(u, 16): int(c, 16) for c, u in re.findall(r"<([0-9A-F]{4})>\s*<([0-9A-F]{4})>", cmap)}
    if 0x61 in cids and 0x20 in cids:
        raw = bytearray(desc.CIDToGIDMap.read_bytes())
        raw[2 * cids[0x61]:2 * cids[0x61] + 2] = raw[2 * cids[0x20]:2 * cids[0x20] + 2]
        desc.CIDToGIDMap.write(bytes(raw))
        break
pdf.save(sys.argv[2])
PYEOF
check "subset fonts: the checker refuses a letter drawn with an empty glyph" \
	sh -c "! $PY tests/fonts/check_glyphs.py '$S/broken.pdf' > '$S/broken.txt' && grep -q 'U+0061' '$S/broken.txt'"
