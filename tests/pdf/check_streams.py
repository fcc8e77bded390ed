"""check_streams.py [--stats] PDF...: the page content streams are well formed.

kaikuprint writes consecutive words into one text object (BT ... ET, each
word placed with Td) and the rectangles of a QR code as one path. This reads
every content stream of every page and form XObject (pikepdf) and checks
what ISO 32000-1 asks of that, and what kaikuprint promises beyond it:

- BT and ET pair up, never nested; no text object is left open;
- inside a text object only text state, positioning and showing operators,
  colours and the general graphics state (8.2, table 9): no path, image,
  form, q/Q or cm, and no marked-content boundary (BMC, BDC, EMC), so that
  marked content and text objects nest (14.6);
- text is shown only inside a text object;
- BMC/BDC and EMC pair up, none left open, and every MCID of a page once;
- a path is built (m l c v y h re) and then painted or clipped, with no
  other operator in between (8.5.2); q and Q pair up.

Prints each problem (at most 40) and exits 1 on any. With --stats it also
prints, per file, the text objects, text-showing operators, strings in TJ
arrays, Td, fills and rectangles it saw, for a suite to compare.
"""
import sys

import pikepdf

TEXT_ONLY = {"Tj", "TJ", "'", '"', "Td", "TD", "Tm", "T*"}
IN_TEXT = TEXT_ONLY | {"Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts",
                       "g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN",
                       "w", "J", "j", "M", "d", "ri", "i", "gs"}
SHOW = {"Tj", "TJ", "'", '"'}
BUILD = {"m", "l", "c", "v", "y", "h", "re"}
PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
CLIP = {"W", "W*"}


class Stats:
    def __init__(self):
        self.counts = {"BT": 0, "show": 0, "string": 0, "Td": 0, "fill": 0, "re": 0}


def check_stream(obj, where, problems, stats, seen):
    in_text = False
    path = False        # a path is being built (or clipped) and not yet painted
    marked = 0
    q_depth = 0
    mcids = set()
    resources = obj.get("/Resources")
    for operands, op in pikepdf.parse_content_stream(obj):
        op = str(op)
        if path and op not in BUILD | PAINT | CLIP:
            problems.append(f"{where}: {op} while a path is built (not painted)")
        if in_text and op not in IN_TEXT and op != "ET":
            problems.append(f"{where}: {op} inside a text object")
        if op == "BT":
            if in_text:
                problems.append(f"{where}: BT inside a text object")
            in_text = True
            stats.counts["BT"] += 1
        elif op == "ET":
            if not in_text:
                problems.append(f"{where}: ET without BT")
            in_text = False
        elif op in TEXT_ONLY and not in_text:
            problems.append(f"{where}: {op} outside a text object")
        elif op in BUILD:
            path = True
            stats.counts["re"] += op == "re"
        elif op in PAINT:
            if not path:
                problems.append(f"{where}: {op} with no path")
            path = False
            stats.counts["fill"] += op in ("f", "F", "f*", "B", "B*", "b", "b*")
        elif op in ("BMC", "BDC"):
            marked += 1
            props = operands[1] if op == "BDC" else None
            if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                mcid = int(props.MCID)
                if mcid in mcids:
                    problems.append(f"{where}: MCID {mcid} used twice")
                mcids.add(mcid)
        elif op == "EMC":
            if marked == 0:
                problems.append(f"{where}: EMC without BMC or BDC")
            marked = max(0, marked - 1)
        elif op == "q":
            q_depth += 1
        elif op == "Q":
            if q_depth == 0:
                problems.append(f"{where}: Q without q")
            q_depth = max(0, q_depth - 1)
        elif op == "Do":
            form = resources.XObject.get(str(operands[0])) if resources is not None and \
                "/XObject" in resources else None
            if form is not None and form.get("/Subtype") == "/Form" and form.objgen not in seen:
                seen.add(form.objgen)
                check_stream(form, f"{where} form {operands[0]}", problems, stats, seen)
        stats.counts["show"] += op in SHOW
        if op == "TJ":
            stats.counts["string"] += sum(isinstance(s, pikepdf.String) for s in operands[0])
        stats.counts["Td"] += op == "Td"
    for left, what in ((in_text, "a text object"), (path, "a path"), (marked, "marked content"),
                       (q_depth, "q without Q")):
        if left:
            problems.append(f"{where}: {what} left open at the end")


def main(args):
    want_stats = args[:1] == ["--stats"]
    paths = args[1:] if want_stats else args
    problems = []
    for path in paths:
        pdf = pikepdf.open(path)
        stats, seen = Stats(), set()
        for n, page in enumerate(pdf.pages, 1):
            check_stream(page, f"{path} page {n}", problems, stats, seen)
        if want_stats:
            print(path, " ".join(f"{k}={v}" for k, v in stats.counts.items()))
    for p in problems[:40]:
        print(p)
    if problems:
        print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
