"""check_glyphs.py PDF...: every glyph a page or form draws is in its subset font.

kaikuprint subsets each face with hb-subset (src/pdf_font.c) and maps the
CIDs of its text to the subset's glyph ids (CIDToGIDMap). A glyph missing
from the subset would print as nothing or a box while the text layer still
reads right, so pdftotext cannot see it. For every Type0 font of every page
and form XObject this reads the embedded TrueType file (maxp, head, loca)
and checks each CID shown with Tj or TJ: its glyph id lies inside the subset
and has an outline, unless the character is a space (ToUnicode). Prints each
problem and exits 1 on any; prints how many glyphs it checked.
"""
import re
import struct
import sys

import pikepdf

SPACES = {0x20, 0xA0, 0x2009, 0x202F, 0x2002, 0x2003}


def tables(data):
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        out[tag.decode("latin-1")] = data[off:off + length]
    return out


def glyph_lengths(font_file):
    """The outline length of every glyph of a TrueType file."""
    t = tables(font_file)
    n = struct.unpack(">H", t["maxp"][4:6])[0]
    long_loca = struct.unpack(">h", t["head"][50:52])[0] == 1
    loca = t["loca"]
    if long_loca:
        offs = struct.unpack(">%dI" % (n + 1), loca[:4 * (n + 1)])
    else:
        offs = [2 * x for x in struct.unpack(">%dH" % (n + 1), loca[:2 * (n + 1)])]
    return [offs[i + 1] - offs[i] for i in range(n)]


def to_unicode(font):
    """CID -> code point from the font's ToUnicode bfchar entries."""
    out = {}
    if "/ToUnicode" not in font:
        return out
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    for cid, uni in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>", cmap):
        out[int(cid, 16)] = int(uni[:4], 16)
    return out


class Face:
    def __init__(self, font):
        desc = font.DescendantFonts[0]
        self.name = str(font.BaseFont)
        self.lengths = glyph_lengths(desc.FontDescriptor.FontFile2.read_bytes())
        m = desc.get("/CIDToGIDMap")
        if isinstance(m, pikepdf.Stream):
            raw = m.read_bytes()
            self.gid = list(struct.unpack(">%dH" % (len(raw) // 2), raw))
        else:
            self.gid = None  # /Identity
        self.unicode = to_unicode(font)


def check_stream(owner, resources, where, faces, problems, counted):
    fonts = resources.get("/Font", {}) if resources is not None else {}
    current = None
    for operands, op in pikepdf.parse_content_stream(owner):
        op = str(op)
        if op == "Tf":
            ref = fonts.get(str(operands[0])) if fonts else None
            if ref is None:
                current = None
                continue
            key = ref.objgen
            if key not in faces:
                faces[key] = Face(ref)
            current = faces[key]
        elif op in ("Tj", "TJ") and current is not None:
            strings = operands[0] if op == "TJ" else [operands[0]]
            for s in strings:
                if not isinstance(s, pikepdf.String):
                    continue
                raw = bytes(s)
                for i in range(0, len(raw) - 1, 2):
                    cid = raw[i] << 8 | raw[i + 1]
                    gid = current.gid[cid] if current.gid is not None and cid < len(current.gid) else cid
                    counted[0] += 1
                    if gid >= len(current.lengths):
                        problems.append(f"{where}: {current.name} CID {cid} -> glyph {gid}, "
                                        f"past the subset's {len(current.lengths)}")
                    elif current.lengths[gid] == 0 and current.unicode.get(cid) not in SPACES:
                        problems.append(f"{where}: {current.name} CID {cid} (U+{current.unicode.get(cid, 0):04X}) "
                                        f"has no outline in the subset")
        elif op == "Do":
            xobjects = resources.get("/XObject", {}) if resources is not None else {}
            form = xobjects.get(str(operands[0])) if xobjects else None
            if form is not None and form.get("/Subtype") == "/Form" and form.objgen not in counted[1]:
                counted[1].add(form.objgen)
                check_stream(form, form.get("/Resources"), f"{where} form {operands[0]}",
                             faces, problems, counted)


def main(paths):
    problems, total = [], 0
    for path in paths:
        pdf = pikepdf.open(path)
        faces, counted = {}, [0, set()]
        for n, page in enumerate(pdf.pages, 1):
            check_stream(page, page.get("/Resources"), f"{path} page {n}", faces, problems, counted)
        total += counted[0]
    for p in problems[:40]:
        print(p)
    print(f"{total} glyphs checked, {len(problems)} problems")
    return 1 if problems or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
