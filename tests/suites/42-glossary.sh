# The glossary (templates/glossary.md): no forbidden form of a term in any
# template or in the example region, per language, and none in any document
# rendered in fi, sv or en (pdftotext). A self-check first: the checker finds
# a forbidden form planted in a copy of a template and of the region.
G=$OUT/glossary
mkdir -p "$G"
example_logo "$G"
REGION=config/esimerkkila.ini

glossary_check() { # FILE...: templates (*.xml), region files (*.ini), texts (LANG:FILE.txt)
	python3 - templates/glossary.md "$@" <<'EOF'
import re, sys, xml.etree.ElementTree as ET
glossary, files = sys.argv[1], sys.argv[2:]
forbidden, lang = {}, None
for line in open(glossary, encoding="utf-8"):
    m = re.match(r"## .*\((fi|sv|en)\)", line)
    if m:
        lang = m.group(1); forbidden[lang] = []; continue
    cells = [c.strip() for c in line.split("|")]
    if lang and len(cells) == 5 and cells[1] not in ("concept", "---"):
        forbidden[lang] += [p.strip() for p in cells[3].split(" ; ") if p.strip()]
if sorted(forbidden) != ["en", "fi", "sv"] or min(len(v) for v in forbidden.values()) < 5:
    sys.exit("glossary.md: a table of forbidden forms per language (fi, sv, en) was expected")

def texts_of_template(path):
    """(lang or None, text) for every run of text, by its language element."""
    out = []
    def walk(el, lang):
        if el.tag in ("fi", "sv", "en"):
            lang = el.tag
        for k, v in el.attrib.items():
            if k == "label":
                out.append((lang, v))
        if el.text: out.append((lang, el.text))
        for c in el:
            walk(c, lang)
            if c.tail: out.append((lang, c.tail))
    walk(ET.parse(path).getroot(), None)
    return out

def texts_of_region(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(\w+?)(?:_(fi|sv|en))?\s*=\s*(.*)", line)
        if m and not line.lstrip().startswith((";", "#")):
            out.append((m.group(2) or "fi", m.group(3)))
    return out

def texts_of_web_strings(path):
    """The web page's words: [fi], [sv] and [en] sections of key = text."""
    out, lang = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\[(fi|sv|en)\]", line)
        if m:
            lang = m.group(1)
        elif lang and "=" in line and not line.lstrip().startswith((";", "#")):
            out.append((lang, line.split("=", 1)[1]))
    if sorted(set(l for l, _ in out)) != ["en", "fi", "sv"]:
        sys.exit(path + ": [fi], [sv] and [en] sections were expected")
    return out

bad = []
for f in files:
    if f.endswith(".xml"):
        runs = texts_of_template(f)
    elif f.endswith("web/strings.ini"):
        runs = texts_of_web_strings(f)
    elif f.endswith(".ini"):
        runs = texts_of_region(f)
    else:
        l, f = f.split(":", 1)
        runs = [(l, open(f, encoding="utf-8").read())]
    for l, text in runs:
        for lg in ([l] if l else ["fi", "sv", "en"]):
            for pat in forbidden[lg]:
                for m in re.finditer(pat, text, re.I):
                    bad.append("%s (%s): '%s' is not the glossary's term" % (f, lg, m.group(0)))
if bad:
    sys.exit("\n".join(sorted(set(bad))))
EOF
}

# 1. The checker finds planted forbidden forms (so that a pass means something).
sed 's|<sv>Kortet är personligt och får inte lånas ut.</sv>|<sv>Kundens kort är personligt.</sv>|' \
	templates/leaflet.xml > "$G/planted.xml"
if glossary_check "$G/planted.xml" > "$G/planted.log" 2>&1; then
	fail "glossary: a planted forbidden form in a template is found"
else pass "glossary: a planted forbidden form in a template is found"; fi
{ cat $REGION; printf '\n[question.planted]\ntext = Onko lastenlapset mukana?\n'; } > "$G/planted.ini"
if glossary_check "$G/planted.ini" > "$G/planted-ini.log" 2>&1; then
	fail "glossary: a planted forbidden form in a region file is found"
else pass "glossary: a planted forbidden form in a region file is found"; fi

# 2. Every template and the example region, as written.
check "glossary: every template and the example region" glossary_check templates/*.xml $REGION
# the web page's own words (kaikuprint serve)
mkdir -p "$G/web"
awk '/^\[sv\]/ {sv = 1} sv && /^cards.columns/ {sub(/utfärdades/, "beviljades")} {print}' \
	templates/web/strings.ini > "$G/web/strings.ini"
if glossary_check "$G/web/strings.ini" > "$G/planted-web.log" 2>&1; then
	fail "glossary: a planted forbidden form in the web page's words is found"
else pass "glossary: a planted forbidden form in the web page's words is found"; fi
check "glossary: the web page's words (templates/web/strings.ini)" glossary_check templates/web/strings.ini

# 3. Every document as rendered, in each language (the region's values included).
mkdir -p "$G/out"
"$KP" all -c $REGION -o "$G/out" 2> "$G/all.err"
check "glossary: the example region renders" test -s "$G/out/checklist-fi.pdf"
texts=""
for pdf in "$G"/out/*.pdf; do
	l=$(basename "$pdf" .pdf); l=${l##*-}
	pdftotext -q "$pdf" "${pdf%.pdf}.txt"
	texts="$texts $l:${pdf%.pdf}.txt"
done
check "glossary: every document in fi, sv and en ($(echo $texts | wc -w) PDFs)" glossary_check $texts
