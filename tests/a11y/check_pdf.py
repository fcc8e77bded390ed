#!/usr/bin/python3
"""check_pdf.py: what an accessible (PDF/UA-1) kaikuprint PDF must have.

Usage: check_pdf.py [--print] LANG FILE.pdf

Prints one line per problem and exits 1 when there is any. Checks:
  - tagged: /MarkInfo /Marked true, a StructTreeRoot with a ParentTree, pages
    with marked content have /StructParents;
  - /Lang on the catalog equal to LANG; /DisplayDocTitle; a title in the
    document information and in the XMP metadata, with pdfuaid:part 1;
  - every text-showing operator inside marked content with an MCID that the
    parent tree ties to a structure element, or inside an /Artifact;
  - every MCID of a page in the parent tree and used once;
  - every Figure has /Alt; every link annotation has /Contents, a
    /StructParent whose parent-tree entry is a Link element that has the
    annotation as an OBJR kid; pages with annotations have /Tabs /S;
  - an outline on documents of more than one page with headings;
  - TR in a Table, TH and TD in a TR, LI in an L, Lbl and LBody in an LI;
    every TH with /Scope; every row of a Table with as many cells;
  - a grid drawn on a page (rectangles edge to edge in at least two rows of
    at least two) is a table: the text inside it (artifacts aside) belongs
    to a TH or TD;
  - fonts: every font embedded, subset (a tag before its name), with ToUnicode.
--print: a file for printing only (the folded booklet): language, title, fonts
and the text layer, but no structure tree.
"""
import re
import sys

import pikepdf

TEXT_OPS = {"Tj", "TJ", "'", '"'}


class Checker:
    def __init__(self, path, lang, printing):
        self.pdf = pikepdf.open(path)
        self.path = path
        self.lang = lang
        self.printing = printing
        self.problems = []

    def problem(self, text):
        self.problems.append(f"{self.path}: {text}")

    # -- document level ------------------------------------------------------
    def check_catalog(self):
        root = self.pdf.Root
        if str(root.get("/Lang", "")) != self.lang:
            self.problem(f"/Lang is {root.get('/Lang')!r}, not {self.lang!r}")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            self.problem("no /DisplayDocTitle true in /ViewerPreferences")
        if not str(self.pdf.docinfo.get("/Title", "")):
            self.problem("no /Title in the document information")
        if self.pdf.pdf_version < "1.7":
            self.problem(f"PDF {self.pdf.pdf_version}, not 1.7")
        self.check_xmp()

    def check_xmp(self):
        if "/Metadata" not in self.pdf.Root:
            self.problem("no XMP metadata")
            return
        xmp = self.pdf.Root.Metadata.read_bytes().decode("utf-8")
        if "<dc:title>" not in xmp:
            self.problem("no dc:title in the XMP metadata")
        if f"<rdf:li>{self.lang}</rdf:li>" not in xmp:
            self.problem("no dc:language in the XMP metadata")
        ua = "<pdfuaid:part>1</pdfuaid:part>" in xmp
        if ua == self.printing:
            self.problem("PDF/UA identification " + ("on a file for printing" if ua else "missing"))

    def check_fonts(self):
        for n, page in enumerate(self.pdf.pages, 1):
            fonts = page.get("/Resources", {}).get("/Font", {})
            for name, font in fonts.items():
                base = str(font.get("/BaseFont", ""))
                if not re.match(r"^/[A-Z]{6}\+", base):
                    self.problem(f"page {n}: font {name} {base} is not a subset")
                if "/ToUnicode" not in font:
                    self.problem(f"page {n}: font {name} has no ToUnicode map")
                desc = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font \
                    else font.get("/FontDescriptor")
                if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.problem(f"page {n}: font {name} {base} is not embedded")

    # -- structure -----------------------------------------------------------
    def parent_tree(self):
        """number -> entry of the parent tree (flat /Nums, or /Kids)."""
        tree = {}

        def walk(node):
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums), 2):
                    tree[int(nums[i])] = nums[i + 1]
            for kid in node.get("/Kids", []):
                walk(kid)

        walk(self.pdf.Root.StructTreeRoot.ParentTree)
        return tree

    def check_structure(self):
        root = self.pdf.Root
        if self.printing:
            if "/StructTreeRoot" in root:
                self.problem("a file for printing with a structure tree")
            return
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.problem("not marked as tagged (/MarkInfo /Marked true)")
        if "/StructTreeRoot" not in root:
            self.problem("no structure tree")
            return
        tree = self.parent_tree()
        for n, page in enumerate(self.pdf.pages, 1):
            self.check_page_content(n, page, tree)
            self.check_annotations(n, page, tree)
        self.check_elements(root.StructTreeRoot)

    def check_page_content(self, n, page, tree):
        stack = []      # per open marked content: ("mcid", id) / ("artifact",) / ("other",)
        used = set()
        bare = 0
        rects = []      # (x, y, w, h) of every rectangle drawn
        texts = []      # (x, y, MCID or None) of every text run
        ctm, saved = (1, 0, 0, 1, 0, 0), []   # only scale and translation are used
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "re":
                x, y, w, h = (float(v) for v in operands)
                rects.append((ctm[0] * x + ctm[4], ctm[3] * y + ctm[5], ctm[0] * w, ctm[3] * h))
            elif op == "q":
                saved.append(ctm)
            elif op == "Q":
                ctm = saved.pop()
            elif op == "cm":
                a, _, _, d, e, f = (float(v) for v in operands)
                ctm = (a * ctm[0], 0, 0, d * ctm[3], e * ctm[0] + ctm[4], f * ctm[3] + ctm[5])
            elif op == "BT":
                at = (0.0, 0.0)
            elif op == "Td":    # from the start of the line (Tm is a translation here)
                at = (at[0] + float(operands[0]), at[1] + float(operands[1]))
            elif op == "Tm":
                at = (float(operands[4]), float(operands[5]))
            if op in TEXT_OPS and not any(s[0] == "artifact" for s in stack):
                mcids = [s[1] for s in stack if s[0] == "mcid"]
                texts.append((at[0], at[1], mcids[-1] if mcids else None))
            if op in ("BMC", "BDC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                if tag == "/Artifact":
                    stack.append(("artifact",))
                elif props is not None and "/MCID" in props:
                    mcid = int(props.MCID)
                    if mcid in used:
                        self.problem(f"page {n}: MCID {mcid} used twice")
                    used.add(mcid)
                    stack.append(("mcid", mcid))
                else:
                    stack.append(("other",))
            elif op == "EMC":
                if not stack:
                    self.problem(f"page {n}: EMC without BMC/BDC")
                else:
                    stack.pop()
            elif op in TEXT_OPS:
                if not any(s[0] in ("mcid", "artifact") for s in stack):
                    bare += 1
        self.check_grids(n, page, tree, rects, texts)
        if stack:
            self.problem(f"page {n}: marked content left open")
        if bare:
            self.problem(f"page {n}: {bare} text runs in no structure element and no artifact")
        if not used:
            return
        if "/StructParents" not in page:
            self.problem(f"page {n}: marked content but no /StructParents")
            return
        entry = tree.get(int(page.StructParents))
        if entry is None or len(entry) < len(used):
            self.problem(f"page {n}: the parent tree does not list every MCID")
            return
        for mcid in used:
            elem = entry[mcid] if mcid < len(entry) else None
            if elem is None or "/S" not in elem:
                self.problem(f"page {n}: MCID {mcid} has no structure element")

    @staticmethod
    def grids(rects):
        """Bounding boxes of the grids among RECTS: runs of at least two
        rectangles of one row, edge to edge, that meet runs above or below
        them edge to edge, at least two runs in all."""
        near = lambda a, b: abs(a - b) < 0.3
        rows = {}
        for x, y, w, h in rects:
            if w > 0 and h > 0:
                rows.setdefault((round(y, 1), round(h, 1)), []).append((x, w))
        runs = []       # (x0, x1, y0, y1)
        for (y, h), cells in rows.items():
            cells.sort()
            start = 0
            for i in range(1, len(cells) + 1):
                if i == len(cells) or not near(cells[i - 1][0] + cells[i - 1][1], cells[i][0]):
                    if i - start >= 2:
                        runs.append((cells[start][0], cells[i - 1][0] + cells[i - 1][1], y, y + h))
                    start = i
        group = list(range(len(runs)))

        def find(i):
            while group[i] != i:
                i = group[i]
            return i
        for i, a in enumerate(runs):
            for j, b in enumerate(runs[:i]):
                if (near(a[3], b[2]) or near(b[3], a[2])) and a[0] < b[1] and b[0] < a[1]:
                    group[find(i)] = find(j)
        boxes = {}
        for i, r in enumerate(runs):
            g = find(i)
            x0, x1, y0, y1, k = boxes.get(g, (r[0], r[1], r[2], r[3], 0))
            boxes[g] = (min(x0, r[0]), max(x1, r[1]), min(y0, r[2]), max(y1, r[3]), k + 1)
        return [b[:4] for b in boxes.values() if b[4] >= 2]

    @staticmethod
    def in_table_cell(elem):
        for _ in range(64):
            if elem is None or not isinstance(elem, pikepdf.Dictionary):
                return False
            if str(elem.get("/S", "")) in ("/TH", "/TD"):
                return True
            elem = elem.get("/P")
        return False

    def check_grids(self, n, page, tree, rects, texts):
        entry = tree.get(int(page.StructParents)) if "/StructParents" in page else None
        for x0, x1, y0, y1 in self.grids(rects):
            wrong = set()
            for x, y, mcid in texts:
                if not (x0 <= x <= x1 and y0 <= y <= y1):
                    continue
                elem = entry[mcid] if entry is not None and mcid is not None \
                    and mcid < len(entry) else None
                if not self.in_table_cell(elem):
                    wrong.add(str(elem.get("/S")) if isinstance(elem, pikepdf.Dictionary)
                              else "no element")
            if wrong:
                self.problem(f"page {n}: a grid at ({x0:.0f}, {y0:.0f})-({x1:.0f}, {y1:.0f}) "
                             f"is not tagged as a table: its text is in {', '.join(sorted(wrong))}, "
                             "not TH or TD")

    def check_annotations(self, n, page, tree):
        annots = [a for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        if annots and page.get("/Tabs") != "/S":
            self.problem(f"page {n}: annotations but no /Tabs /S")
        for a in annots:
            if not str(a.get("/Contents", "")):
                self.problem(f"page {n}: a link annotation without /Contents")
            if "/StructParent" not in a:
                self.problem(f"page {n}: a link annotation without /StructParent")
                continue
            elem = tree.get(int(a.StructParent))
            if elem is None or elem.get("/S") != "/Link":
                self.problem(f"page {n}: a link annotation not tied to a Link element")
                continue
            kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
            if not any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                       and k.Obj.objgen == a.objgen for k in kids):
                self.problem(f"page {n}: the Link element does not list its annotation")

    def check_elements(self, tree_root):
        headings = 0
        todo = [tree_root.K]
        seen = set()
        while todo:
            e = todo.pop()
            if isinstance(e, pikepdf.Array):
                todo.extend(e)
                continue
            if not isinstance(e, pikepdf.Dictionary) or e.get("/Type") in ("/MCR", "/OBJR"):
                continue
            if e.objgen in seen:
                continue
            seen.add(e.objgen)
            s = str(e.get("/S", ""))
            if s == "/Figure" and not str(e.get("/Alt", "")):
                self.problem("a Figure without /Alt")
            if s in ("/H1", "/H2", "/H3"):
                headings += 1
            self.check_nesting(e, s)
            if "/K" in e:
                todo.append(e.K)
        if headings and len(self.pdf.pages) > 1:
            outlines = self.pdf.Root.get("/Outlines")
            if outlines is None or "/First" not in outlines:
                self.problem("more than one page with headings, but no outline")

    # where each grouping element may stand (ISO 32000-1, 14.8.4; Matterhorn 09)
    PARENTS = {"/TR": ("/Table", "/THead", "/TBody", "/TFoot"), "/TH": ("/TR",),
               "/TD": ("/TR",), "/LI": ("/L",), "/Lbl": ("/LI",), "/LBody": ("/LI",)}

    @staticmethod
    def col_span(cell):
        """The columns a TH or TD covers: its /ColSpan attribute, or one."""
        attrs = cell.get("/A")
        if isinstance(attrs, pikepdf.Dictionary) and "/ColSpan" in attrs:
            return int(attrs.ColSpan)
        return 1

    def check_nesting(self, e, s):
        parent = e.get("/P")
        ps = str(parent.get("/S", "")) if isinstance(parent, pikepdf.Dictionary) else ""
        if s in self.PARENTS and ps not in self.PARENTS[s]:
            self.problem(f"a {s[1:]} element inside {ps[1:] or 'the root'}")
        if s == "/TH":
            attrs = e.get("/A")
            if not isinstance(attrs, pikepdf.Dictionary) or "/Scope" not in attrs:
                self.problem("a TH without /Scope")
        if s == "/Table":
            kids = e.K if isinstance(e.K, pikepdf.Array) else [e.K]
            widths = {sum(self.col_span(c) for c in (r.K if isinstance(r.K, pikepdf.Array) else [r.K])
                          if isinstance(c, pikepdf.Dictionary) and c.get("/S") in ("/TH", "/TD"))
                      for r in kids if isinstance(r, pikepdf.Dictionary) and r.get("/S") == "/TR"}
            if len(widths) > 1:
                self.problem(f"a Table whose rows have {sorted(widths)} cells (not regular)")

    def run(self):
        self.check_catalog()
        self.check_fonts()
        self.check_structure()
        return self.problems


def main(argv):
    printing = "--print" in argv
    args = [a for a in argv if a != "--print"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = Checker(args[1], args[0], printing).run()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
