#!/usr/bin/env python3
"""The leaflet's venues on an even rhythm, read from a layout dump.

For every column of every page: the visible space between two venues (from
the lower of the text's letters, last baseline + 0.22 of its size, and the
QR code's dark modules, to the cap height, 0.72 of the size, of the next
venue's name) and the right edge of each code's dark modules (codes of the column's usual size:
the venues', not a larger one of the page). A venue starts at a line of its name (bold
text of the size most bold text has) with no such line in the 1.4 sizes above
it; venues with a larger bold heading (a category) between them are not
compared (the heading has its own space). Fails when the spaces differ by more than TOLERANCE points in one
document, or when the codes of one column do not end on one vertical line.

usage: venue_rhythm.py DUMP...
"""
import re
import sys

TOLERANCE = 0.5       # points between the widest and narrowest space
EDGE_TOLERANCE = 0.1  # points between the codes' right edges in a column


def fields(line):
    return {k: float(v) for k, v in re.findall(r'(\w+)=([-\d.]+)', line)}


def read_pages(path):
    pages = []
    for line in open(path, encoding='utf-8'):
        if line.startswith('page '):
            width = float(line.split()[2].split('x')[0])
            pages.append({'width': width, 'texts': [], 'modules': [], 'quiet': []})
        elif pages and line.startswith('  text'):
            f = fields(line)
            f['bold'] = 'Bold.ttf' in line
            pages[-1]['texts'].append(f)
        elif pages and line.startswith('  rect[qr] '):
            pages[-1]['modules'].append(fields(line))
        elif pages and line.startswith('  rect[qr-quiet] '):
            pages[-1]['quiet'].append(fields(line))
    return pages


def codes(page):
    """Each code's dark part: the extent of the modules on its quiet zone."""
    found = []
    for q in page['quiet']:
        inside = [m for m in page['modules']
                  if q['x'] <= m['x'] < q['x'] + q['w'] and q['y'] <= m['y'] < q['y'] + q['h']]
        if inside:
            found.append({'size': q['w'], 'x0': min(m['x'] for m in inside),
                          'x1': max(m['x'] + m['w'] for m in inside),
                          'y0': min(m['y'] for m in inside),
                          'y1': max(m['y'] + m['h'] for m in inside)})
    return found


def check(path):
    spaces, bad = [], 0
    pages = read_pages(path)
    # venue names are the most common bold size; larger bold lines are
    # headings (categories), which bring their own space
    sizes = [t['size'] for p in pages for t in p['texts'] if t['bold']]
    name_size = max(set(sizes), key=sizes.count) if sizes else 0
    for p in pages:
        for t in p['texts']:
            t['name'] = t['bold'] and t['size'] == name_size
    for number, page in enumerate(pages, 1):
        middle = page['width'] / 2
        if not any(t['x'] >= middle for t in page['texts'] if t['name']):
            middle = page['width']  # one column: its codes stand on the right
        for side in (0, 1):
            inside = lambda x: (x >= middle) == bool(side)
            texts = [t for t in page['texts'] if inside(t['x'])]
            page_codes = [c for c in codes(page) if inside(c['x0'] if middle < page['width'] else 0)]
            sizes = [round(c['size']) for c in page_codes]
            common = max(set(sizes), key=sizes.count) if sizes else 0
            edges = sorted(c['x1'] for c in page_codes if round(c['size']) == common)
            if edges and edges[-1] - edges[0] > EDGE_TOLERANCE:
                print('%s: page %d: QR codes end at x=%s, not on one line'
                      % (path, number, ', '.join('%.2f' % e for e in edges)))
                bad = 1
            names = sorted({t['y'] for t in texts if t['name']})
            starts = [y for i, y in enumerate(names) if i == 0 or y - names[i - 1] > 1.4 * name_size]
            categories = [t['y'] for t in texts if t['bold'] and t['size'] > name_size]
            for top, nxt in zip(starts, starts[1:]):
                if any(top < c < nxt for c in categories):
                    continue
                ink = [t['y'] + 0.22 * t['size'] for t in texts if top - 1 <= t['y'] < nxt - 0.8 * name_size]
                ink += [c['y1'] for c in page_codes if top - 2 * name_size <= c['y0'] < nxt - name_size]
                spaces.append(nxt - 0.72 * name_size - max(ink))
    if spaces and max(spaces) - min(spaces) > TOLERANCE:
        print('%s: spaces between venues from %.1f to %.1f pt'
              % (path, min(spaces), max(spaces)))
        bad = 1
    if not spaces:
        print('%s: no venues found' % path)
        bad = 1
    return bad


if __name__ == '__main__':
    sys.exit(max(check(p) for p in sys.argv[1:]))
