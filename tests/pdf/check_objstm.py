#!/usr/bin/python3
"""check_objstm.py PDF: a compact kaikuprint PDF (src/pdf_compact.c) opens
in pikepdf, has a cross-reference stream, and every object that is not a
stream lies in an object stream (qpdf --show-xref says where each is).
Prints what is wrong and exits 1."""
import re
import subprocess
import sys

import pikepdf

path = sys.argv[1]
problems = []
pdf = pikepdf.open(path)
if len(pdf.pages) == 0:
    problems.append("no pages")
xref = subprocess.run(["qpdf", "--show-xref", path], capture_output=True, text=True, check=True)
compressed = 0
for line in xref.stdout.splitlines():
    m = re.match(r"(\d+)/(\d+): (compressed|uncompressed)", line)
    if not m:
        continue
    num, gen, where = int(m.group(1)), int(m.group(2)), m.group(3)
    if where == "compressed":
        compressed += 1
        continue
    obj = pdf.get_object((num, gen))
    if not isinstance(obj, pikepdf.Stream):
        problems.append(f"object {num} is not a stream and not in an object stream")
if compressed == 0:
    problems.append("no object in an object stream")
if b"/Type/XRef" not in open(path, "rb").read()[-4096:]:
    problems.append("no cross-reference stream at the end")
for p in problems[:10]:
    print(f"{path}: {p}")
sys.exit(1 if problems else 0)
