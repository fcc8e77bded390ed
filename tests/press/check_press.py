#!/usr/bin/python3
"""Checks one print-shop PDF (kaikuprint --press) as a print shop's
preflight would, with pikepdf and poppler. Prints one line per problem and
exits 1 when there is any.

  check_press.py FILE.pdf --trim WxH [--bleed MM] [--cells COLSxROWS]
                 [--condition FOGRA39]

--trim: the finished size in points (TrimBox); --cells: the TrimBox holds a
grid of cards with a gap of twice the bleed between them (card sheets), and
the 3 mm rule applies to every card's own cut."""
import argparse
import re
import subprocess
import sys

import pikepdf

MM = 72 / 25.4
EPS = 0.05
problems = []


def problem(msg):
    problems.append(msg)


def box(page, key):
    b = page.obj.get(key)
    return [float(v) for v in b] if b is not None else None


def mul(a, b):
    """Product of two PDF matrices [a b c d e f]."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def apply(m, x, y):
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def inside(pt, bx):
    return bx[0] - EPS <= pt[0] <= bx[2] + EPS and bx[1] - EPS <= pt[1] <= bx[3] + EPS


def numbers(operands):
    try:
        return [float(v) for v in operands]
    except (TypeError, ValueError):
        return []


RGB_OPS = {"rg", "RG", "g", "G", "sc", "scn", "SC", "SCN", "cs", "CS"}


class Walk:
    """Colour operators, text fills and geometry of one page's content."""

    def __init__(self, name, bleed_box):
        self.name = name
        self.bleed = bleed_box
        self.text_fills = {}
        self.outside = []       # (what, point) outside the BleedBox
        self.slug_seen = 0

    def stream(self, obj, resources, ctm):
        fill = stroke = None
        stack = []
        tm = [1, 0, 0, 1, 0, 0]
        tlm = tm
        size = 0
        path = []
        for operands, op in pikepdf.parse_content_stream(obj):
            op = str(op)
            nums = numbers(operands)
            if op in RGB_OPS:
                problem(f"{self.name}: colour operator {op} (not DeviceCMYK)")
            elif op == "k":
                fill = tuple(round(v, 4) for v in nums)
            elif op == "K":
                stroke = tuple(round(v, 4) for v in nums)
            elif op == "q":
                stack.append((ctm, fill, stroke))
            elif op == "Q":
                ctm, fill, stroke = stack.pop()
            elif op == "cm":
                ctm = mul(nums, ctm)
            elif op == "BT":
                tm = tlm = [1, 0, 0, 1, 0, 0]
            elif op == "Tf":
                size = float(operands[1])
            elif op in ("Td", "TD"):
                tlm = mul([1, 0, 0, 1, nums[0], nums[1]], tlm)
                tm = tlm
            elif op == "Tm":
                tm = tlm = nums
            elif op in ("Tj", "TJ", "'", '"'):
                self.text_fills[fill] = self.text_fills.get(fill, 0) + 1
                pt = apply(mul(tm, ctm), 0, 0)
                if not inside(pt, self.bleed):
                    if size <= 6.5 and fill == (0, 0, 0, 1):
                        self.slug_seen += 1
                    else:
                        self.outside.append(("text", pt))
            elif op == "re":
                x, y, w, h = nums
                for corner in ((x, y), (x + w, y + h)):
                    pt = apply(ctm, *corner)
                    if not inside(pt, self.bleed):
                        self.outside.append(("rectangle", pt))
            elif op in ("m", "l"):
                path.append(apply(ctm, nums[0], nums[1]))
            elif op in ("S", "s"):
                if any(not inside(p, self.bleed) for p in path) and stroke != (1, 1, 1, 1):
                    self.outside.append(("line not in registration colour", path[0]))
                path = []
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*", "n"):
                if any(not inside(p, self.bleed) for p in path):
                    self.outside.append(("filled path", path[0]))
                path = []
            elif op == "Do":
                self.xobject(resources, operands[0], ctm)
            elif op == "gs":
                gs = resources.ExtGState[operands[0]]
                if float(gs.get("/CA", 1)) < 1 or float(gs.get("/ca", 1)) < 1 or "/SMask" in gs:
                    problem(f"{self.name}: transparency in graphics state {operands[0]}")

    def xobject(self, resources, name, ctm):
        x = resources.XObject[name]
        if x.Subtype == "/Image":
            cs = x.get("/ColorSpace")
            if cs is None or str(cs) not in ("/DeviceCMYK", "/DeviceGray"):
                problem(f"{self.name}: image {name} in colour space {cs}")
            if "/SMask" in x:
                problem(f"{self.name}: image {name} with transparency")
            for corner in ((0, 0), (1, 1)):
                if not inside(apply(ctm, *corner), self.bleed):
                    self.outside.append(("image", apply(ctm, *corner)))
        else:
            self.stream(x, x.get("/Resources", resources), mul(
                [float(v) for v in x.get("/Matrix", [1, 0, 0, 1, 0, 0])], ctm))


def color_spaces(pdf, name):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
            try:
                cs = obj.get("/ColorSpace")
            except Exception:
                continue
            if cs is not None and "/DeviceRGB" in str(cs):
                problem(f"{name}: DeviceRGB colour space in object {obj.objgen}")


def words(path, page_no):
    """Word boxes (x0, y0, x1, y1, text), PDF coordinates, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page_no), "-l", str(page_no),
                          path, "-"], capture_output=True, text=True).stdout
    h = float(re.search(r'<page width="[^"]+" height="([^"]+)"', out).group(1))
    for m in re.finditer(r'<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" yMax="([^"]+)">'
                         r'([^<]*)</word>', out):
        x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
        yield x0, h - y1, x1, h - y0, m.group(5)


def cuts(trim, cells, gap):
    """The trim of every card on a sheet (or the page's own trim)."""
    if not cells:
        return [trim]
    cols, rows = cells
    w = (trim[2] - trim[0] - (cols - 1) * gap) / cols
    h = (trim[3] - trim[1] - (rows - 1) * gap) / rows
    return [(trim[0] + c * (w + gap), trim[3] - r * (h + gap) - h,
             trim[0] + c * (w + gap) + w, trim[3] - r * (h + gap))
            for c in range(cols) for r in range(rows)]


def check_safe_area(path, i, trim, bleed_box, cells, gap, safe):
    for x0, y0, x1, y1, text in words(path, i):
        if not (inside((x0, y0), bleed_box) and inside((x1, y1), bleed_box)):
            continue  # the slug line, checked above
        cell = [c for c in cuts(trim, cells, gap) if c[0] - EPS <= x0 and x1 <= c[2] + EPS
                and c[1] - EPS <= y0 and y1 <= c[3] + EPS]
        if not cell:
            problem(f"{path} page {i}: '{text}' is not inside one card's cut")
            continue
        c = cell[0]
        d = min(x0 - c[0], c[2] - x1, y0 - c[1], c[3] - y1)
        if d < safe - EPS:
            problem(f"{path} page {i}: '{text}' {d / MM:.2f} mm from the trim (under 3 mm)")


def check(args):
    pdf = pikepdf.open(args.pdf)
    name = args.pdf
    if pdf.pdf_version > "1.3":
        problem(f"{name}: PDF {pdf.pdf_version}; PDF/X-1a:2001 is PDF 1.3")
    oi = pdf.Root.get("/OutputIntents")
    if not oi or len(oi) != 1 or oi[0].get("/S") != "/GTS_PDFX":
        problem(f"{name}: no /GTS_PDFX OutputIntent")
    elif str(oi[0].get("/OutputConditionIdentifier")) != args.condition:
        problem(f"{name}: OutputConditionIdentifier {oi[0].get('/OutputConditionIdentifier')}")
    info = pdf.trailer.get("/Info")
    for key, want in (("/GTS_PDFXVersion", "PDF/X-1a:2001"), ("/GTS_PDFXConformance", "PDF/X-1a:2001")):
        if not info or str(info.get(key)) != want:
            problem(f"{name}: Info {key} is not {want}")
    if not info or str(info.get("/Trapped")) not in ("/False", "/True"):
        problem(f"{name}: Info /Trapped is not /True or /False")
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if not info or key not in info:
            problem(f"{name}: Info has no {key}")
    if "/ID" not in pdf.trailer or len(pdf.trailer.ID) != 2:
        problem(f"{name}: no file /ID")
    if "/Encrypt" in pdf.trailer:
        problem(f"{name}: encrypted")
    color_spaces(pdf, name)
    tw, th = (float(v) for v in args.trim.split("x"))
    bleed = args.bleed * MM
    cells = tuple(int(v) for v in args.cells.split("x")) if args.cells else None
    black = 0
    for i, page in enumerate(pdf.pages, 1):
        pname = f"{name} page {i}"
        trim, bb, media = box(page, "/TrimBox"), box(page, "/BleedBox"), box(page, "/MediaBox")
        if not trim or not bb:
            problem(f"{pname}: no TrimBox or BleedBox")
            continue
        if abs(trim[2] - trim[0] - tw) > EPS or abs(trim[3] - trim[1] - th) > EPS:
            problem(f"{pname}: TrimBox {trim[2] - trim[0]:.2f} x {trim[3] - trim[1]:.2f}, "
                    f"not {tw} x {th}")
        want = [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed]
        if any(abs(a - b) > EPS for a, b in zip(bb, want)):
            problem(f"{pname}: BleedBox {bb} is not the TrimBox + {args.bleed} mm")
        room = bleed + 6 * MM  # the marks: 1 mm beyond the bleed, 5 mm long
        if media[0] > trim[0] - room + EPS or media[1] > trim[1] - room + EPS or \
                media[2] < trim[2] + room - EPS or media[3] < trim[3] + room - EPS:
            problem(f"{pname}: MediaBox {media} has no room for the marks")
        if "/Annots" in page.obj:  # PDF/X-1a: no annotations on the printed area
            problem(f"{pname}: annotations (links) on a print-shop page")
        w = Walk(pname, bb)
        w.stream(page, page.Resources, [1, 0, 0, 1, 0, 0])
        for what, pt in w.outside:
            problem(f"{pname}: {what} outside the BleedBox at {pt[0]:.1f}, {pt[1]:.1f}")
        if w.slug_seen == 0:
            problem(f"{pname}: no slug line outside the BleedBox")
        for fill in w.text_fills:
            if fill is None or len(fill) != 4:
                problem(f"{pname}: text without a CMYK fill colour")
            elif fill[0] == fill[1] == fill[2] > 0 and fill[3] > 0:
                problem(f"{pname}: text in a four-colour grey or black {fill}")
        black += w.text_fills.get((0, 0, 0, 1), 0)
        check_safe_area(name, i, trim, bb, cells, 2 * bleed, 3 * MM)
    if black == 0:
        problem(f"{name}: no text in 0 0 0 1 k (100 % K)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--trim", required=True)
    ap.add_argument("--bleed", type=float, default=3)
    ap.add_argument("--cells")
    ap.add_argument("--condition", default="FOGRA39")
    check(ap.parse_args())
    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    sys.exit(1 if problems else 0)


main()
