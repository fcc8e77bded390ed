#!/usr/bin/python3
"""objstm_text.py PDF: the objects of a compact PDF's object streams as
they are written there (inflated, not parsed again), for tests that look at
how a value is written. The rest of the file follows as it is."""
import re
import sys
import zlib

data = open(sys.argv[1], "rb").read()
out = sys.stdout.buffer
pattern = re.compile(rb"<<(/Type/ObjStm[^>]*)/Length (\d+)>>\nstream\n")
for m in pattern.finditer(data):
    start = m.end()
    out.write(zlib.decompress(data[start:start + int(m.group(2))]))
out.write(data)
