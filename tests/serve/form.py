#!/usr/bin/env python3
"""Make the body of a region editor POST from the page the server sent.

Usage: form.py PAGE.html NAME=VALUE...  (writes application/x-www-form-urlencoded)

The hidden fields (form_token, disk, base) come from the page; NAME=VALUE
pairs are the fields a person changed and the button pressed (action=save).
"""
import html
import re
import sys
import urllib.parse


def hidden(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), page)
    if not m:
        sys.exit("form.py: no hidden field %s in the page" % name)
    return html.unescape(m.group(1))


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    fields = [(n, hidden(page, n)) for n in ("form_token", "disk", "base")]
    fields += [tuple(a.split("=", 1)) for a in sys.argv[2:]]
    sys.stdout.write(urllib.parse.urlencode(fields))


main()
