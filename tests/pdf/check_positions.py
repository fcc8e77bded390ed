"""check_positions.py PDF DUMP: every word stands where layout put it.

kaikuprint places the first word of a line with Tm or Td and the next words
of the line in the same TJ array, the space before each computed from the
reader's pen (the font's /W widths, Tz and Tc as written; src/pdf_text.c).
This follows every text-showing operator of every page and form XObject
(pikepdf) the way a reader does, glyph by glyph, and checks that for each
text box of the layout dump (kaikuprint --dump) a glyph of the box's first
character is drawn on that page at the box's x and baseline, within 0.006
pt (the dump has two decimals). A name (personal data) is not in the dump
and is skipped. Prints each problem (at most 40); exits 1 on any or when it
checked no word.
"""
import re
import sys

import pikepdf

TOL = 0.006


def widths(font):
    desc = font.DescendantFonts[0]
    out, arr, i = {}, list(desc.get("/W", [])), 0
    while i < len(arr):
        first = int(arr[i])
        if isinstance(arr[i + 1], pikepdf.Array):
            for k, v in enumerate(arr[i + 1]):
                out[first + k] = float(v)
            i += 2
        else:
            for c in range(first, int(arr[i + 1]) + 1):
                out[c] = float(arr[i + 2])
            i += 3
    return out, float(desc.get("/DW", 1000))


def to_unicode(font):
    cmap = font.ToUnicode.read_bytes().decode("latin-1") if "/ToUnicode" in font else ""
    return {int(c, 16): chr(int(u[:4], 16))
            for c, u in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>", cmap)}


class Reader:
    """Glyphs drawn on a page: (character, x, y) in default user space."""

    def __init__(self):
        self.fonts = {}
        self.glyphs = []

    def run(self, obj, resources, ctm):
        saved, font, size, tz, tc = [], None, 0.0, 1.0, 0.0
        lx = ly = x = y = 0.0
        for operands, op in pikepdf.parse_content_stream(obj):
            op = str(op)
            nums = [float(v) for v in operands] if op in ("cm", "Tm", "Td", "Tz", "Tc") else []
            if op == "q":
                saved.append(ctm)
            elif op == "Q":
                ctm = saved.pop()
            elif op == "cm":
                a, _, _, d, e, f = nums
                ctm = (a * ctm[0], d * ctm[1], e * ctm[0] + ctm[2], f * ctm[1] + ctm[3])
            elif op == "Tf":
                ref = resources.Font[str(operands[0])]
                if ref.objgen not in self.fonts:
                    self.fonts[ref.objgen] = widths(ref) + (to_unicode(ref),)
                font, size = self.fonts[ref.objgen], float(operands[1])
            elif op == "Tz":
                tz = nums[0] / 100
            elif op == "Tc":
                tc = nums[0]
            elif op == "BT":
                lx = ly = x = y = 0.0
            elif op == "Tm":
                lx, ly = nums[4], nums[5]
                x, y = lx, ly
            elif op == "Td":
                lx, ly = lx + nums[0], ly + nums[1]
                x, y = lx, ly
            elif op == "TJ":
                w, dw, uni = font
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        raw = bytes(item)
                        for i in range(0, len(raw) - 1, 2):
                            cid = raw[i] << 8 | raw[i + 1]
                            self.glyphs.append((uni.get(cid, "?"), x * ctm[0] + ctm[2], y * ctm[1] + ctm[3]))
                            x += (w.get(cid, dw) / 1000 * size + tc) * tz
                    else:
                        x -= float(item) / 1000 * size * tz
            elif op == "Do":
                xo = resources.XObject[str(operands[0])]
                if xo.get("/Subtype") == "/Form":
                    self.run(xo, xo.get("/Resources", resources), ctm)


def dump_words(path):
    """(page, first character, x, y from the top) of every text box."""
    page, out = 0, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("page "):
            page += 1
            continue
        m = re.match(r'\s+text x=(\S+) y=(\S+) .*?"(.)', line)
        if m:
            out.append((page, m.group(3), float(m.group(1)), float(m.group(2))))
    return out


def main(pdf_path, dump_path):
    pdf = pikepdf.open(pdf_path)
    pages = []
    for page in pdf.pages:
        r = Reader()
        r.run(page, page.Resources, (1, 1, 0, 0))
        height = float(page.MediaBox[3]) - float(page.MediaBox[1])
        pages.append((r.glyphs, height))
    problems, checked = [], 0
    for n, ch, x, y in dump_words(dump_path):
        if n > len(pages):
            problems.append(f"page {n}: not in the PDF")
            continue
        glyphs, height = pages[n - 1]
        checked += 1
        if not any(g == ch and abs(gx - x) <= TOL and abs(gy - (height - y)) <= TOL
                   for g, gx, gy in glyphs):
            near = min(((abs(gx - x) + abs(gy - (height - y)), gx, gy) for g, gx, gy in glyphs
                        if g == ch), default=None)
            problems.append(f"page {n}: '{ch}' at x={x} y={y} not drawn there"
                            + (f" (nearest at {near[1]:.3f}, {height - near[2]:.3f})" if near else ""))
    for p in problems[:40]:
        print(p)
    print(f"{checked} words checked, {len(problems)} problems")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
