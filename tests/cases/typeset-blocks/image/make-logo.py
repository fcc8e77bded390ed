#!/usr/bin/env python3
"""Write logo.png, a 160x80 RGB test picture made here (no third-party art):
a blue field with an orange disc and a white band. Uses only zlib."""
import struct
import zlib

W, H = 160, 80


def pixel(x, y):
    if 34 <= y < 46:
        return (255, 255, 255)
    if (x - 120) ** 2 + (y - 40) ** 2 < 26 ** 2:
        return (232, 126, 4)
    return (27, 79, 114)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


rows = b"".join(b"\x00" + bytes(c for x in range(W) for c in pixel(x, y)) for y in range(H))
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9))
       + chunk(b"IEND", b""))
with open("logo.png", "wb") as f:
    f.write(png)
