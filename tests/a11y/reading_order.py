#!/usr/bin/python3
"""reading_order.py: does the structure tree read in the template's order?

Usage: reading_order.py TEMPLATE.xml LANG STRUCT.txt

STRUCT.txt is the output of `pdfinfo -struct-text` for the PDF made from
TEMPLATE.xml in LANG. The headings (h1-h3) of the template whose text is
fixed (no {variables}) and that are not inside an <if> must come in the structure tree as H1-H3 elements with
that text, in the template's order; and the labels of numbered lists must
count up (1., 2., ...) in each list. Prints the problems; exits 1 if any.
"""
import re
import sys
import xml.etree.ElementTree as ET

LANGS = ("fi", "sv", "en")


def norm(s):
    return " ".join(s.split())


def text_in(elem, lang):
    """The text of ELEM as LANG reads it: <fi>, <sv>, <en> children choose."""
    out = [elem.text or ""]
    for child in elem:
        if child.tag not in LANGS or child.tag == lang:
            out.append(text_in(child, lang))
        out.append(child.tail or "")
    return "".join(out)


def template_headings(path, lang):
    """Headings with fixed text, outside <if> (whose condition is not known here)."""
    want = []

    def walk(elem):
        if elem.tag == "if":
            return
        if elem.tag in ("h1", "h2", "h3"):
            text = norm(text_in(elem, lang))
            if text and "{" not in text:
                want.append((elem.tag.upper(), text))
        for child in elem:
            walk(child)

    walk(ET.parse(path).getroot())
    return want


def struct_tree(path):
    """(depth, role or None, text) lines of pdfinfo -struct-text."""
    lines = []
    for raw in open(path, encoding="utf-8"):
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        s = raw.strip()
        if s.startswith('"') and s.endswith('"'):
            lines.append((depth, None, s[1:-1]))
        elif s:
            lines.append((depth, s.split()[0], None))
    return lines


def struct_headings(lines):
    got = []
    for i, (depth, role, _) in enumerate(lines):
        if role in ("H1", "H2", "H3"):
            parts = []
            for d, r, text in lines[i + 1:]:
                if d <= depth:
                    break
                if text is not None:
                    parts.append(text)
            got.append((role, norm(" ".join(parts))))
    return got


def list_labels(lines):
    """The Lbl texts of each L element, in order."""
    lists, stack = [], []
    for i, (depth, role, text) in enumerate(lines):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if role == "L":
            lists.append([])
            stack.append((depth, len(lists) - 1))
        elif role == "Lbl" and stack:
            d, k = stack[-1]
            label = lines[i + 1][2] if i + 1 < len(lines) and lines[i + 1][2] is not None else ""
            lists[k].append(label.strip())
    return lists


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    template, lang, struct = argv
    lines = struct_tree(struct)
    problems = []
    want, got = template_headings(template, lang), struct_headings(lines)
    k = 0
    for role, text in got:  # the template's headings, in order, among those drawn
        if k < len(want) and (role, text) == want[k]:
            k += 1
    if k < len(want):
        problems.append(f"{struct}: heading {want[k]} of {template} not found in its place; "
                        f"the structure has {got}")
    for labels in list_labels(lines):
        numbers = [int(m.group(1)) for m in (re.fullmatch(r"(\d+)\.", s) for s in labels) if m]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"{struct}: a numbered list reads {labels}")
    if not got:
        problems.append(f"{struct}: no headings in the structure tree")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
